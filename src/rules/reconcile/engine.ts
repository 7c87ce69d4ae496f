/**
 * The reconciliation of a budget (部门预算 / 单位预算) with the final account (部门决算 / 单位决算) of the
 * same unit and year: pairs their items (pair.ts), runs the pair rules (REC-NNN) and answers the
 * findings, the checks not made and every line of the comparison, budget beside final account.
 */
import { Decimal } from 'decimal.js';
import { normalizeText } from '../../domain/text.js';
import type { BudgetDocument } from '../../domain/model.js';
import type { Location, Severity } from '../types.js';
import { pairOf } from './pair.js';
import { deviationPercent as deviationOf } from './figures.js';
import { PAIR_RULES } from './registry.js';
import type { Pair, PairFigure, PairFinding, PairItem, PairNotChecked, PairRule, StatedFigure } from './types.js';

export interface ReconcileOptions {
  /** A deviation above this percentage of the budget is large and must be explained (default 10). */
  deviationPercent?: number;
  rules?: readonly PairRule[];
}

/** One line of the comparison, as the reports and the web list it. */
export interface ReconcileLine {
  item: string;
  kind: PairItem['kind'];
  code: string | null;
  name: string;
  level: number | null;
  /** The published budget's figure in fen (null: not published; see `budgetUnknown`). */
  budgetFen: number | null;
  budgetUnknown: boolean;
  /** What the final account states as the budget (its first statement), in fen. */
  statedBudgetFen: number | null;
  adjustedFen: number | null;
  finalFen: number | null;
  finalUnknown: boolean;
  /** 决算数 − 预算数, and as a percentage of the budget (2 places), when both are known. */
  deviationFen: number | null;
  deviationPercent: string | null;
  /** The narrative's reason, when it gives one. */
  reason: string | null;
  budgetLocation: Location | null;
  finalLocation: Location | null;
  statedLocation: Location | null;
  /** Where the final account states the item's 调整预算数 (its function table's 调整预算数 column), if it does. */
  adjustedLocation: Location | null;
}

export interface ReconcileResult {
  budget: { unit: string; year: number; kind: string; displayUnit: string };
  finalAccount: { unit: string; year: number; kind: string; displayUnit: string };
  deviationPercent: number;
  rules: number;
  summary: Record<Severity, number>;
  findings: PairFinding[];
  notChecked: PairNotChecked[];
  lines: ReconcileLine[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const BUDGETS = new Set(['部门预算', '单位预算']);
const FINALS = new Set(['部门决算', '单位决算']);
const unitKey = (s: string) =>
  normalizeText(s)
    .replace(/[\s()（）]/g, '')
    .replace(/本级$/, '');

/**
 * Why two documents cannot be reconciled, in Chinese, or null when they can: the first must be a
 * budget and the second a final account of the same scope (部门 with 部门, 单位 with 单位), the same
 * year and the same unit.
 */
export function pairMismatch(budget: BudgetDocument, final: BudgetDocument): string | null {
  if (!BUDGETS.has(budget.kind)) return `第一份文件应为部门预算或单位预算，实为${budget.kind}（${budget.unit.name} ${budget.year}）`;
  if (!FINALS.has(final.kind)) return `第二份文件应为部门决算或单位决算，实为${final.kind}（${final.unit.name} ${final.year}）`;
  if (budget.kind.slice(0, 2) !== final.kind.slice(0, 2)) return `${budget.kind}与${final.kind}的范围不同（部门含所属单位，单位不含），不能核对`;
  if (budget.year !== final.year) return `预算为 ${budget.year} 年，决算为 ${final.year} 年：只核对同一年度的预算与决算`;
  if (unitKey(budget.unit.name) !== unitKey(final.unit.name)) return `预算为“${budget.unit.name}”，决算为“${final.unit.name}”：只核对同一单位的预算与决算`;
  return null;
}

/** Runs the pair rules over a paired budget and final account. */
export function runPairRules(pair: Pair, rules: readonly PairRule[] = PAIR_RULES): { findings: PairFinding[]; notChecked: PairNotChecked[] } {
  const findings: PairFinding[] = [];
  const notChecked: PairNotChecked[] = [];
  for (const rule of rules) {
    const ctx = {
      report(f: Omit<PairFinding, 'rule' | 'category' | 'title' | 'severity'> & { severity?: Severity }) {
        findings.push({ ...f, rule: rule.id, severity: f.severity ?? rule.severity, category: rule.category, title: rule.title });
      },
      notChecked(n: Omit<PairNotChecked, 'rule' | 'title'>) {
        notChecked.push({ ...n, rule: rule.id, title: rule.title });
      },
    };
    try {
      rule.check(pair, ctx);
    } catch (e) {
      findings.push({
        rule: rule.id,
        severity: 'error',
        category: 'internal',
        title: rule.title,
        message: `规则 ${rule.id} 执行出错（程序缺陷，不是文档问题）：${e instanceof Error ? e.message : String(e)}`,
        location: { section: '校验规则', item: rule.id, field: null, line: null, page: null },
        budgetLocation: null,
        item: null,
        expected: null,
        actual: null,
        difference: null,
        unit: null,
      });
    }
  }
  findings.sort((a, b) => RANK[a.severity] - RANK[b.severity] || (a.location.line ?? Infinity) - (b.location.line ?? Infinity) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  return { findings, notChecked };
}

const known = (f: PairFigure | null): number | null => (f && !f.unknown ? f.fen : null);
/** The first figure stated of an item as a whole (not of its 基本支出 / 项目支出). */
const whole = (fs: readonly StatedFigure[]): StatedFigure | null => fs.find((f) => f.part === 'total') ?? null;

function lineOf(it: PairItem): ReconcileLine {
  const b = known(it.budget);
  const a = known(it.final);
  const both = b !== null && a !== null;
  const pct = both ? deviationOf(b, a) : null;
  return {
    item: it.key,
    kind: it.kind,
    code: it.code,
    name: it.name,
    level: it.level,
    budgetFen: b,
    budgetUnknown: it.budget?.unknown ?? false,
    statedBudgetFen: known(whole(it.statedBudget)),
    adjustedFen: known(whole(it.adjusted)),
    finalFen: a,
    finalUnknown: it.final?.unknown ?? false,
    deviationFen: both ? a - b : null,
    deviationPercent: pct ? pct.toFixed(2) : null,
    reason: it.explanations.map((e) => e.comparison.reason).find((r): r is string => !!r && r.trim() !== '') ?? null,
    budgetLocation: it.budget?.location ?? null,
    finalLocation: it.final?.location ?? null,
    statedLocation: whole(it.statedBudget)?.location ?? it.explanations[0]?.location ?? null,
    adjustedLocation: whole(it.adjusted)?.location ?? null,
  };
}

/**
 * Reconciles a budget with the final account of the same unit and year (check `pairMismatch` first):
 * the final account's stated 年初预算数 against the published budget (REC-001), the explanation of
 * large deviations of 决算数 from the budget (REC-002) and of large adjustments (REC-005), the
 * explanations' figures against the tables (REC-003, REC-004). No finding rests on an unknown cell: such checks are listed in `notChecked`.
 */
export function reconcile(budget: BudgetDocument, finalAccount: BudgetDocument, opts: ReconcileOptions = {}): ReconcileResult {
  const pct = opts.deviationPercent ?? 10;
  const pair = pairOf(budget, finalAccount, pct);
  const rules = opts.rules ?? PAIR_RULES;
  const { findings, notChecked } = runPairRules(pair, rules);
  const summary: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity]++;
  const side = (d: BudgetDocument) => ({ unit: d.unit.name, year: d.year, kind: d.kind, displayUnit: d.displayUnit });
  return {
    budget: side(budget),
    finalAccount: side(finalAccount),
    deviationPercent: pct,
    rules: rules.length,
    summary,
    findings,
    notChecked,
    lines: pair.items.filter((it) => it.budget || it.final || it.statedBudget.length > 0).map(lineOf),
  };
}

/** A percentage threshold from text ("10", "5.5"), or null when it is not a number in 0–1000. */
export function parseDeviationPercent(s: string): number | null {
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(s.trim())) return null;
  const n = new Decimal(s.trim()).toNumber();
  return n >= 0 && n <= 1000 ? n : null;
}
