/**
 * The validation engine: runs rules over a document, isolates a crashing rule (it becomes one
 * `internal` finding and the others still run), skips rules that do not apply to the document's
 * kind or profile, and sorts findings by severity then source line.
 */
import type { BudgetDocument } from '../domain/model.js';
import { RULES } from './registry.js';
import type { DocPart, Finding, FindingInput, Rule, Severity } from './types.js';

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
  const ctx = {
    report(f: FindingInput): void {
      out.push({
        rule: rule.id,
        severity: f.severity ?? rule.severity,
        category: rule.category,
        title: rule.title,
        message: f.message,
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
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      (a.location.line ?? Number.MAX_SAFE_INTEGER) - (b.location.line ?? Number.MAX_SAFE_INTEGER) ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

/**
 * Runs `rules` (default: every registered rule) over `doc` and returns the sorted findings.
 * With `only`, runs just the rules whose `reads` intersect those parts.
 */
export function runRules(doc: BudgetDocument, rules: readonly Rule[] = RULES, opts: RunOptions = {}): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) {
    if (!applies(rule, doc)) continue;
    if (opts.only && !rule.reads.some((p) => opts.only!.includes(p))) continue;
    out.push(...runRule(rule, doc));
  }
  return sortFindings(out);
}

/** Counts findings per severity. */
export function summarize(findings: readonly Finding[]): Record<Severity, number> {
  const s: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) s[f.severity]++;
  return s;
}
