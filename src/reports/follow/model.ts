/**
 * View models for following the year: execution against the disbursement plan per project and for
 * the department, the mid-year monitoring table (绩效运行监控表) and the year-end self-evaluation
 * (绩效自评表). Pure: a budget document, its payments and the entered figures in, figures out.
 * Amounts are integer fen; rates and scores are decimal strings from src/scoring.
 */
import { Decimal } from 'decimal.js';
import type { BudgetDocument, Indicator, ProjectForm } from '../../domain/model.js';
import { FiscusError } from '../../domain/errors.js';
import { isDateTargetUnit } from '../../domain/catalogue/index.js';
import { formBudgetFen } from '../../domain/budget-control.js';
import {
  cumulativeByMonth,
  DEFAULT_EXECUTION_CONFIG,
  DEFAULT_MONITORING_CONFIG,
  DEFAULT_WEIGHTS,
  evaluate,
  executionRate,
  executionWarnings,
  forecastYearEnd,
  gradeOf,
  plannedCumulativeByMonth,
  checkMonitoringEntry,
  type Actual,
  type Evaluation,
  type ExecutionConfig,
  type ExecutionWarning,
  type MonitoringCheck,
  type MonitoringConfig,
  type MonitoringEntry,
  type Payment,
  type Weights,
} from '../../scoring/index.js';

/** Thresholds and weights; every field defaults to the scoring module's defaults. */
export interface FollowConfig {
  execution: ExecutionConfig;
  monitoring: MonitoringConfig;
  weights: Weights;
}

export const DEFAULT_FOLLOW_CONFIG: FollowConfig = {
  execution: DEFAULT_EXECUTION_CONFIG,
  monitoring: DEFAULT_MONITORING_CONFIG,
  weights: DEFAULT_WEIGHTS,
};

/** The owner key of the department-wide (table 14) indicators. */
export const DEPARTMENT = 'department';

/** A payment attributed to a project form. */
export interface FormPayment extends Payment {
  formId: string;
}

export interface ExecutionFigures {
  budgetFen: number;
  /** Cumulative paid at the end of each month up to the as-of date (12 entries; months after it repeat the last). */
  cumulative: number[];
  /** Planned cumulative at the end of each month (12 entries). */
  planned: number[];
  /** Planned amount per quarter. */
  planQuarters: number[];
  paidFen: number;
  /** Percent (2 places) of the budget paid by the as-of date; null for a zero budget. */
  rate: string | null;
  plannedFen: number;
  planRate: string | null;
  forecastFen: number;
  forecastRate: string | null;
  warnings: ExecutionWarning[];
}

export interface ProjectExecution extends ExecutionFigures {
  formId: string;
  name: string;
  parentProject: string | null;
  payments: number;
  /** The recorded budget adjustments (预算调整 / 调剂) included in `budgetFen` (0: none). */
  adjustmentFen: number;
}

/** Recorded budget adjustments per form id (their sum in fen); execution rates use the adjusted budget. */
export type Adjustments = ReadonlyMap<string, number>;
export const NO_ADJUSTMENTS: Adjustments = new Map();

export interface DepartmentExecution {
  unitName: string;
  year: number;
  asOf: string;
  asOfMonth: number;
  projects: ProjectExecution[];
  /** The forms together (the department's project expenditure under performance management). */
  total: ExecutionFigures;
  /** Every warning, the department's first, then per project. */
  warnings: Array<{ formId: string | null; name: string; warning: ExecutionWarning }>;
}

/** This year's budget of a form: 本年预算 when printed, else the total (0 when neither is printed). */
export function budgetOf(form: ProjectForm): number {
  return formBudgetFen(form) ?? 0;
}

/** Month (1–12) of an as-of date in the budget year: before the year → 0, after it → 12. */
export function asOfMonthOf(asOf: string, year: number): number {
  const y = Number(asOf.slice(0, 4));
  if (y < year) return 0;
  if (y > year) return 12;
  return Number(asOf.slice(5, 7));
}

function figures(budgetFen: number, quarters: number[], payments: readonly Payment[], year: number, asOf: string, cfg: ExecutionConfig): ExecutionFigures {
  const month = asOfMonthOf(asOf, year);
  const upTo = payments.filter((p) => p.date <= asOf);
  const cumulative = cumulativeByMonth(upTo, year);
  const planned = plannedCumulativeByMonth(quarters);
  const hasPlan = quarters.some((q) => q > 0);
  const paidFen = month === 0 ? 0 : cumulative[month - 1]!;
  const plannedFen = month === 0 ? 0 : planned[month - 1]!;
  const forecastFen = forecastYearEnd(paidFen, month, hasPlan ? planned : null);
  return {
    budgetFen,
    cumulative,
    planned,
    planQuarters: quarters,
    paidFen,
    rate: executionRate(paidFen, budgetFen),
    plannedFen,
    planRate: executionRate(plannedFen, budgetFen),
    forecastFen,
    forecastRate: executionRate(forecastFen, budgetFen),
    warnings: month === 0 ? [] : executionWarnings(budgetFen, cumulative, hasPlan ? planned : null, month, cfg),
  };
}

/** Sums computed from the budget document stay within Number.MAX_SAFE_INTEGER fen (as the payments: follow-repo checkPaymentsTotal). */
const MAX_FEN = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The sum of `fen` over `items`, added in bigint; INPUT_INVALID naming the project (`nameOf`) at which
 * the running sum leaves ±Number.MAX_SAFE_INTEGER fen: an uploaded budget's amounts near 2^53 fen
 * would otherwise give inexact totals, rates and forecasts.
 */
function sumFen<T>(items: readonly T[], fen: (t: T) => number, what: string, nameOf: (t: T) => string): number {
  let s = 0n;
  for (const t of items) {
    s += BigInt(fen(t));
    if (s > MAX_FEN || s < -MAX_FEN) {
      throw new FiscusError(
        'INPUT_INVALID',
        `expected ${what} to add up to at most ${MAX_FEN} fen (Number.MAX_SAFE_INTEGER), found ${s} fen with project "${nameOf(t)}"`,
        { field: 'fen' },
        `at most ${MAX_FEN} fen`,
        String(s),
      );
    }
  }
  return Number(s);
}

const quartersOf = (f: ProjectForm) => {
  sumFen(f.disbursement, (d) => d.amount.fen, `the quarterly disbursement plan of project "${f.name}"`, () => f.name);
  return [1, 2, 3, 4].map((q) => sumFen(f.disbursement.filter((d) => d.quarter === q), (d) => d.amount.fen, `quarter ${q} of the disbursement plan of project "${f.name}"`, () => f.name));
};

/** Execution per project and for the department at `asOf` (ISO date; payments after it are left out). */
export function buildExecution(doc: BudgetDocument, payments: readonly FormPayment[], asOf: string, cfg: ExecutionConfig = DEFAULT_EXECUTION_CONFIG, adjustments: Adjustments = NO_ADJUSTMENTS): DepartmentExecution {
  const projects = doc.projectForms.map((f): ProjectExecution => {
    const ps = payments.filter((p) => p.formId === f.id);
    const adjustmentFen = adjustments.get(f.id) ?? 0;
    return { formId: f.id, name: f.name, parentProject: f.parentProject, payments: ps.length, adjustmentFen, ...figures(budgetOf(f) + adjustmentFen, quartersOf(f), ps, doc.year, asOf, cfg) };
  });
  const budget = sumFen(projects, (p) => p.budgetFen, "the projects' budgets", (p) => p.name);
  sumFen(projects, (p) => p.planQuarters.reduce((a, b) => a + b, 0), "the projects' disbursement plans", (p) => p.name);
  const quarters = [0, 1, 2, 3].map((i) => sumFen(projects, (p) => p.planQuarters[i] ?? 0, `quarter ${i + 1} of the projects' disbursement plans`, (p) => p.name));
  const ownPayments = payments.filter((p) => doc.projectForms.some((f) => f.id === p.formId));
  const total = figures(budget, quarters, ownPayments, doc.year, asOf, cfg);
  const warnings = [
    ...total.warnings.map((w) => ({ formId: null, name: '部门整体', warning: w })),
    ...projects.flatMap((p) => p.warnings.map((w) => ({ formId: p.formId, name: p.name, warning: w }))),
  ];
  return { unitName: doc.unit.name, year: doc.year, asOf, asOfMonth: asOfMonthOf(asOf, doc.year), projects, total, warnings };
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * The indicator as scoring sees it: a target that is not a number (a deadline "2021年11月前") is
 * judged in bands like a qualitative one, since no ratio of it means anything.
 */
export function scorable(ind: Indicator): Indicator {
  if (!ind.qualitative && ind.value !== null && !NUMBER.test(ind.value)) return { ...ind, qualitative: true };
  return ind;
}

/** The target as printed for a reader: "≥4次", "100%", "及时". */
export function targetText(ind: Indicator): string {
  if (ind.notApplicable) return '不适用';
  if (ind.qualitative || ind.value === null) return ind.raw;
  // A date target reads as printed ("12月31日前", "2026年6月"), not as its normalised value.
  if (isDateTargetUnit(ind.unit)) return ind.raw;
  return `${ind.comparator && ind.comparator !== '=' ? ind.comparator : ''}${ind.value}${ind.unit ?? ''}`;
}

export interface MonitoringRow {
  idx: number;
  indicator: Indicator;
  target: string;
  entry: MonitoringEntry;
  check: MonitoringCheck;
}

export interface ProjectMonitoring {
  execution: ProjectExecution;
  rows: MonitoringRow[];
  /** Indicators whose entry triggers a deviation. */
  deviations: number;
  /** Indicators with a required field empty. */
  incomplete: number;
}

export interface MonitoringReport {
  unitName: string;
  year: number;
  asOf: string;
  execution: DepartmentExecution;
  projects: ProjectMonitoring[];
  /** Table 14 indicators against the department's execution rate (absent when the document has no table 14). */
  department: { rows: MonitoringRow[]; deviations: number; incomplete: number } | null;
}

/** Entries per owner (form id or DEPARTMENT), by indicator index. */
export type EntriesByOwner = Record<string, ReadonlyArray<MonitoringEntry | undefined>>;

/**
 * Whether an indicator advances with spending, so that its attainment to date is comparable with the
 * execution rate: counts and completion rates do; a level that holds all year (a pass rate "合格率 100%",
 * a zero target "事故 0 件") is met or not at any date and is not compared.
 */
export function isProgressIndicator(ind: Indicator): boolean {
  const s = scorable(ind);
  if (s.qualitative || s.notApplicable || s.value === null || s.comparator === null) return false;
  if (s.comparator === '≤' || s.comparator === '<') return false;
  if (new Decimal(s.value).lte(0)) return false;
  if (s.unit === '%' && !/完成率/.test(s.name)) return false;
  return true;
}

function monitorRows(indicators: readonly Indicator[], entries: ReadonlyArray<MonitoringEntry | undefined>, rate: string | null, cfg: MonitoringConfig): MonitoringRow[] {
  return indicators.map((ind, idx) => {
    const entry = entries[idx] ?? {};
    // A level indicator is checked for its entry and likelihood only: no execution rate to compare with.
    const check = checkMonitoringEntry(scorable(ind), entry, isProgressIndicator(ind) ? rate : null, cfg);
    return { idx, indicator: ind, target: targetText(ind), entry, check };
  });
}

const tally = (rows: MonitoringRow[]) => ({
  deviations: rows.filter((r) => r.check.triggers.length > 0).length,
  incomplete: rows.filter((r) => r.check.missing.length > 0).length,
});

/** The mid-year monitoring table: execution to `asOf` and every indicator's entry checked against it. */
export function buildMonitoring(doc: BudgetDocument, payments: readonly FormPayment[], entries: EntriesByOwner, asOf: string, cfg: FollowConfig = DEFAULT_FOLLOW_CONFIG, adjustments: Adjustments = NO_ADJUSTMENTS): MonitoringReport {
  const execution = buildExecution(doc, payments, asOf, cfg.execution, adjustments);
  const projects = doc.projectForms.map((f, i): ProjectMonitoring => {
    const ex = execution.projects[i]!;
    const rows = monitorRows(f.indicators, entries[f.id] ?? [], ex.rate, cfg.monitoring);
    return { execution: ex, rows, ...tally(rows) };
  });
  let department: MonitoringReport['department'] = null;
  if (doc.departmentTargets) {
    const rows = monitorRows(doc.departmentTargets.indicators, entries[DEPARTMENT] ?? [], execution.total.rate, cfg.monitoring);
    department = { rows, ...tally(rows) };
  }
  return { unitName: doc.unit.name, year: doc.year, asOf, execution, projects, department };
}

export interface ProjectEvaluation {
  formId: string;
  name: string;
  parentProject: string | null;
  budgetFen: number;
  paidFen: number;
  /** Execution over the year (payments through 31 December). */
  execution: ProjectExecution;
  indicators: Indicator[];
  actuals: Array<Actual | undefined>;
  evaluation: Evaluation;
}

export interface EvaluationReport {
  unitName: string;
  year: number;
  projects: ProjectEvaluation[];
  /** Budget-weighted mean score over the projects (2 places) and its grade. */
  overall: { score: string; grade: Evaluation['grade']; budgetFen: number; paidFen: number; rate: string | null };
  grades: Record<Evaluation['grade'], number>;
}

/** Actuals per owner (form id), by indicator index. */
export type ActualsByOwner = Record<string, ReadonlyArray<Actual | undefined>>;

/** The year-end self-evaluation of every project: the year's execution rate and the entered actuals, scored. */
export function buildEvaluation(doc: BudgetDocument, payments: readonly FormPayment[], actuals: ActualsByOwner, cfg: FollowConfig = DEFAULT_FOLLOW_CONFIG, adjustments: Adjustments = NO_ADJUSTMENTS): EvaluationReport {
  const execution = buildExecution(doc, payments, `${doc.year}-12-31`, cfg.execution, adjustments);
  const projects = doc.projectForms.map((f, i): ProjectEvaluation => {
    const ex = execution.projects[i]!;
    const acts = f.indicators.map((_, k) => actuals[f.id]?.[k]);
    const evaluation = evaluate(f.indicators.map(scorable), acts, ex.rate, cfg.weights);
    return { formId: f.id, name: f.name, parentProject: f.parentProject, budgetFen: ex.budgetFen, paidFen: ex.paidFen, execution: ex, indicators: f.indicators, actuals: acts, evaluation };
  });
  const budget = sumFen(projects, (p) => p.budgetFen, "the projects' budgets", (p) => p.name);
  const weighted = projects.reduce((s, p) => s.plus(new Decimal(p.evaluation.total).times(p.budgetFen)), new Decimal(0));
  const score = budget > 0 ? weighted.div(budget) : new Decimal(0);
  const grades = { 优: 0, 良: 0, 中: 0, 差: 0 } as Record<Evaluation['grade'], number>;
  for (const p of projects) grades[p.evaluation.grade]++;
  const paid = execution.total.paidFen;
  const overall = { score: score.toFixed(2), grade: gradeOf(score.toDecimalPlaces(2)), budgetFen: budget, paidFen: paid, rate: executionRate(paid, budget) };
  return { unitName: doc.unit.name, year: doc.year, projects, overall, grades };
}
