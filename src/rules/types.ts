/**
 * The contract between the validation engine and the rules. A rule reads a BudgetDocument and
 * reports findings through its context; it never throws on bad data (a throw is a bug in the rule
 * and the engine turns it into an internal-error finding).
 */
import type { Location } from '../domain/location.js';
import type { BudgetDocument } from '../domain/model.js';

export type Severity = 'error' | 'warning' | 'info';

export const CATEGORIES = [
  'table-arithmetic', // inside one table: rows, columns, parent = Σ children, 合计 + 结转 = 总计
  'cross-table', // reconciliation across tables 1–14
  'narrative', // narrative against tables
  'project-form', // project performance forms: cost lines, quarterly plan, amounts
  'performance-target', // quality of targets and indicators
  'structure', // required tables, codes, names, levels
  'hygiene', // placeholders, wrong year, punctuation, self-naming
  'final-accounts', // budget-vs-final comparisons in 决算
  'internal', // a rule crashed
] as const;
export type Category = (typeof CATEGORIES)[number];

/** The parts of a document a rule reads, so the engine can re-run only affected rules after an edit. */
export type DocPart = 'meta' | 'narrative' | 'tables' | 'projectForms' | 'departmentTargets' | 'finalAccounts';

/** Where a finding points (its one home is the domain: a waiver is keyed by it too). */
export type { Location };

/** A finding as reported and serialised (design.md "validate --format json"). */
export interface Finding {
  rule: string;
  severity: Severity;
  category: Category;
  title: string;
  /** In Chinese, naming the item and the figures. */
  message: string;
  location: Location;
  /** Decimal strings in the document's display unit, or null where not numeric. */
  expected: string | null;
  actual: string | null;
  difference: string | null;
  unit: string | null;
}

/** What a rule passes to `report`: the rule id, category and title are filled in by the engine. */
export type FindingInput = Omit<Finding, 'rule' | 'category' | 'title' | 'severity'> & { severity?: Severity };

export interface RuleContext {
  /** Reports one finding (severity defaults to the rule's). */
  report(f: FindingInput): void;
}

export interface Rule {
  /** Permanent id: BUD-001 … */
  id: string;
  /** Short English title (the docs' and JSON's `title`). */
  title: string;
  /** 中文标题 for the web app and reports. */
  titleZh: string;
  /** Default severity of its findings (a rule may report `info` for rounding remainders). */
  severity: Severity;
  category: Category;
  /** Document parts read. */
  reads: DocPart[];
  /** Where the identity comes from (a regulation, the table layout, domain.md §3). */
  basis: string;
  /**
   * The structure the rule's identity rests on that a document read by the generic recogniser only
   * has by inference from the layout (the columns of a multi-level header, which rows head which,
   * which row is the total): there its errors are not proven and are reported as warnings carrying
   * this note (issue 12's precision discipline; test/corpus/reviewed-findings.json is the evidence).
   */
  layoutInferred?: string;
  /** Document kinds/profiles it applies to; absent = all. */
  appliesTo?: { kinds?: BudgetDocument['kind'][]; profiles?: BudgetDocument['profile'][] };
  check(doc: BudgetDocument, ctx: RuleContext): void;
}
