/**
 * The validation engine: runs rules over a document, isolates a crashing rule (it becomes one
 * `internal` finding and the others still run), skips rules that do not apply to the document's
 * kind or profile, and sorts findings by severity then source line.
 */
import type { BudgetDocument, Table } from '../domain/model.js';
import { pushAll } from '../domain/arrays.js';
import { RULES } from './registry.js';
import type { DocPart, Finding, FindingInput, Location, Rule, Severity } from './types.js';
import { isUncertain, uncertaintyOf, variedMembers, vary, type Uncertainty } from './_lib/unknown.js';
import { duringRun } from './_lib/per-run.js';
import { layoutInferred } from './_lib/scope.js';

export { summarize } from './summary.js';

export interface RunOptions {
  /** Only the rules reading one of these parts (re-checking after an edit). */
  only?: DocPart[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** True when a rule applies to the document's kind and profile. */
export function applies(rule: Rule, doc: BudgetDocument): boolean {
  const a = rule.appliesTo;
  if (!a) return true;
  if (a.kinds && !a.kinds.includes(doc.kind)) return false;
  if (a.profiles && !a.profiles.includes(doc.profile)) return false;
  return true;
}

/** Runs one rule and returns its findings (a throw becomes one internal-error finding). */
export function runRule(rule: Rule, doc: BudgetDocument): Finding[] {
  const out: Finding[] = [];
  // Errors resting on structure the generic reader inferred from the layout are warnings there.
  const inferred = rule.layoutInferred !== undefined && layoutInferred(doc);
  const ctx = {
    report(f: FindingInput): void {
      const severity = f.severity ?? rule.severity;
      const soft = inferred && severity === 'error';
      out.push({
        rule: rule.id,
        severity: soft ? 'warning' : severity,
        category: rule.category,
        title: rule.title,
        message: soft ? `${f.message}（${rule.layoutInferred}，未经印证，请核对）` : f.message,
        location: f.location,
        expected: f.expected,
        actual: f.actual,
        difference: f.difference,
        unit: f.unit,
      });
    },
  };
  try {
    rule.check(doc, ctx);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return [
      {
        rule: rule.id,
        severity: 'error',
        category: 'internal',
        title: rule.title,
        message: `规则 ${rule.id} 执行出错（程序缺陷，不是文档问题）：${why}`,
        location: { section: '校验规则', item: rule.id, field: null, line: null, page: null },
        expected: null,
        actual: null,
        difference: null,
        unit: null,
      },
    ];
  }
  return out;
}

/** Orders findings: errors first, then warnings, then info; within a severity by line (unknown last). */
export function sortFindings(fs: Finding[]): Finding[] {
  return [...fs].sort(
    (a, b) => RANK[a.severity] - RANK[b.severity] || (a.location.line ?? Number.MAX_SAFE_INTEGER) - (b.location.line ?? Number.MAX_SAFE_INTEGER) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

/**
 * A check that was not made because it rests on something the document does not know: an unknown
 * cell (a row whose amounts could not all be placed), an inferred placement, a row that could not be
 * read, a year or unit that was not recognised. The finding the rule would have given is not
 * reported; this says which rule, where, and on what it rests.
 */
export interface NotChecked {
  rule: string;
  title: string;
  category: Finding['category'];
  /** Where the check points (the cell or row it is about, as data and prose). */
  location: Location;
  /** 中文: what it rests on ("表《收支总表》第 12 行金额未能定位"). */
  reason: string;
  /** The tables whose unknown cells it rests on (their ids), when it rests on table cells. */
  tables: string[];
}

/** What a run of the rules found, and what it could not check. */
export interface CheckResult {
  findings: Finding[];
  notChecked: NotChecked[];
}

/** A finding as a comparable key (everything it says). */
function keyOf(f: Finding): string {
  return JSON.stringify([f.rule, f.severity, f.category, f.message, f.expected, f.actual, f.difference, f.unit, f.location]);
}

/** Counts of each finding key. */
function counts(fs: readonly Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of fs) {
    const k = keyOf(f);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/** The findings of `base` that every variant reproduces exactly (as a multiset), and the others. */
function stable(base: readonly Finding[], variants: ReadonlyArray<readonly Finding[]>): { kept: Finding[]; dropped: Finding[] } {
  const vs = variants.map(counts);
  const used = new Map<string, number>();
  const kept: Finding[] = [];
  const dropped: Finding[] = [];
  for (const f of base) {
    const k = keyOf(f);
    const n = (used.get(k) ?? 0) + 1;
    used.set(k, n);
    if (vs.every((v) => (v.get(k) ?? 0) >= n)) kept.push(f);
    else dropped.push(f);
  }
  return { kept, dropped };
}

function ruleFindings(rules: readonly Rule[], doc: BudgetDocument): Finding[] {
  return rules.flatMap((r) => runRule(r, doc));
}

/**
 * Runs the rules as ruleFindings does, noting the rules that read a member of `doc` named in `watched`
 * (`doc.tables` …, or the document's keys listed). A rule that read none of them reads nothing that a
 * copy differing from `doc` only in those members changes: on such a copy it gives the same findings.
 */
function ruleFindingsWatching(rules: readonly Rule[], doc: BudgetDocument, watched: ReadonlySet<string>): { findings: Finding[]; readWatched: Set<string> } {
  const readWatched = new Set<string>();
  let current = '';
  const note = (k: string | symbol) => {
    if (typeof k === 'string' && watched.has(k)) readWatched.add(current);
  };
  const seen = new Proxy(doc, {
    get(t, k, receiver) {
      note(k);
      return Reflect.get(t, k, receiver) as unknown;
    },
    has(t, k) {
      note(k);
      return Reflect.has(t, k);
    },
    getOwnPropertyDescriptor(t, k) {
      note(k);
      return Reflect.getOwnPropertyDescriptor(t, k);
    },
    ownKeys(t) {
      readWatched.add(current);
      return Reflect.ownKeys(t);
    },
  });
  const findings: Finding[] = [];
  for (const r of rules) {
    current = r.id;
    pushAll(findings, runRule(r, seen));
  }
  return { findings, readWatched };
}

/** "表《收支总表》第 12、14 行" — the uncertain rows of one table, by source line. */
function rowsPhrase(u: Uncertainty, t: Table): string {
  const lines = [...new Set([...u.rows.filter((x) => x.table === t).map((x) => x.row.src.line), ...u.unread.filter((x) => x.table === t).map((x) => x.note.src.line)])]
    .filter((l): l is number => l !== null)
    .sort((a, b) => a - b);
  const shown = lines.length > 6 ? `${lines.slice(0, 6).join('、')} 等 ${lines.length} 行` : `${lines.join('、')} 行`;
  return lines.length > 0 ? `表《${t.title.text}》第 ${shown}` : `表《${t.title.text}》`;
}

/**
 * Which unknowns each dropped finding rests on: the tables whose variation alone changes it, and the
 * year or unit when those were not recognised.
 */
function attribute(doc: BudgetDocument, rules: readonly Rule[], u: Uncertainty, dropped: Finding[]): NotChecked[] {
  const tables = [...new Set([...u.rows.map((x) => x.table), ...u.unread.map((x) => x.table)])];
  const byRule = new Map<string, Rule>(rules.map((r) => [r.id, r]));
  const involved = [...new Set(dropped.map((f) => f.rule))].map((id) => byRule.get(id)).filter((r): r is Rule => r !== undefined);
  const restsOn = new Map<Finding, Table[]>(dropped.map((f) => [f, []]));
  if (tables.length > 1) {
    for (const t of tables) {
      const only = new Set([t]);
      const variants = [1, 2].map((seed) => ruleFindings(involved, vary(doc, u, seed, only)));
      for (const f of stable(dropped, variants).dropped) restsOn.get(f)!.push(t);
    }
  } else if (tables.length === 1) {
    for (const f of dropped) restsOn.get(f)!.push(tables[0]!);
  }
  return dropped.map((f) => {
    const ts = restsOn.get(f)!;
    const parts = ts.map((t) => `${rowsPhrase(u, t)}金额未能定位或读取`);
    if (parts.length === 0) {
      if (u.year) parts.push('预算年度未能识别');
      if (u.unit) parts.push('部门（单位）名称未能识别');
      if (parts.length === 0)
        pushAll(
          parts,
          tables.map((t) => `${rowsPhrase(u, t)}金额未能定位或读取`),
        );
    }
    return {
      rule: f.rule,
      title: f.title,
      category: f.category,
      location: f.location,
      reason: `依据${parts.join('；')}，未进行核对`,
      tables: ts.map((t) => t.id ?? t.title.text),
    };
  });
}

/**
 * Runs `rules` (default: every registered rule) over `doc`: the sorted findings, and the checks not
 * made because they rest on something unknown. No finding rests on a guess (design.md convention 11):
 * when the document has unknown cells, inferred placements, unread rows or an unrecognised year or
 * unit, the rules run again on two copies in which each of those is given a different arbitrary
 * value, and a finding is reported only when both copies give it exactly as well; the others are
 * `notChecked`. With `only`, runs just the rules whose `reads` intersect those parts.
 */
export function checkDocument(doc: BudgetDocument, rules: readonly Rule[] = RULES, opts: RunOptions = {}): CheckResult {
  return duringRun(() => check(doc, rules, opts));
}

function check(doc: BudgetDocument, rules: readonly Rule[], opts: RunOptions): CheckResult {
  const active = rules.filter((rule) => applies(rule, doc) && (!opts.only || rule.reads.some((p) => opts.only!.includes(p))));
  const u = uncertaintyOf(doc);
  if (!isUncertain(u)) return { findings: sortFindings(ruleFindings(active, doc)), notChecked: [] };
  // The rules that read none of the members the variants change give the same findings on them: they are
  // not run again (most rules read the narrative or the forms only, some of them slow).
  const varied = variedMembers(doc, u);
  const { findings: base, readWatched } = varied ? ruleFindingsWatching(active, doc, varied) : { findings: ruleFindings(active, doc), readWatched: null };
  if (base.length === 0) return { findings: [], notChecked: [] };
  // A finding's key names its rule: only the rules that found something can tell whether it is stable.
  const found = new Set(base.map((f) => f.rule));
  const recheck = active.filter((r) => found.has(r.id) && (readWatched === null || readWatched.has(r.id)));
  if (recheck.length === 0) return { findings: sortFindings(base), notChecked: [] };
  const rechecked = new Set(recheck.map((r) => r.id));
  const variants = [1, 2].map((seed) => ruleFindings(recheck, vary(doc, u, seed)));
  const compared = stable(
    base.filter((f) => rechecked.has(f.rule)),
    variants,
  );
  // The other rules' findings come out the same on the variants: kept as they are (the sort below orders them).
  const kept = [...compared.kept, ...base.filter((f) => !rechecked.has(f.rule))];
  const dropped = compared.dropped;
  const notChecked = attribute(
    doc,
    active,
    u,
    dropped.filter((f) => f.severity !== 'info'),
  );
  return { findings: sortFindings(kept), notChecked };
}

/**
 * Runs `rules` (default: every registered rule) over `doc` and returns the sorted findings that do
 * not rest on anything unknown (`checkDocument` also says what was not checked).
 * With `only`, runs just the rules whose `reads` intersect those parts.
 */
export function runRules(doc: BudgetDocument, rules: readonly Rule[] = RULES, opts: RunOptions = {}): Finding[] {
  return checkDocument(doc, rules, opts).findings;
}
