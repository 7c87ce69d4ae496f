/**
 * The contract of the reconciliation of a budget (部门预算 / 单位预算) with the final account (部门决算 /
 * 单位决算) of the same unit and year: the items both documents state, with each side's figure and
 * where it stands, and the pair rules that read them. A pair rule reports findings like a rule of one
 * document does, located as data in the final account (`location`) and in the budget
 * (`budgetLocation`), and says what it could not check when a side is unknown.
 */
import type { BudgetDocument, FinalAccountComparison } from '../../domain/model.js';
import type { DisplayUnit } from '../../domain/money.js';
import type { Finding, Location, Severity } from '../types.js';

/** What an item is: a function class (类/款/项), the general budget's total, a 三公 item, an economic class, 机关运行经费. */
export type PairItemKind = 'function' | 'general-total' | 'three-public' | 'econ' | 'operating-funds';

/** One figure of one document, where it stands and whether it is known. */
export interface PairFigure {
  fen: number;
  /**
   * True when the figure is not known: the cell's row prints amounts whose column is unknown, the
   * cell's placement was inferred, or the row is absent from a table with rows that could not be
   * read. No finding rests on an unknown figure: the check is listed as not made.
   */
  unknown: boolean;
  /** True when the item is not printed in a published table (so its figure is 0). */
  absent: boolean;
  /** The unit the figure was printed in (its rounding). */
  unit: DisplayUnit;
  location: Location;
}

/** Which part of an item a figure is: the whole, or its 基本支出 / 项目支出 (function tables print all three). */
export type FigurePart = 'total' | 'basic' | 'project';

/**
 * A figure the final account states as the budget (年初预算数, 调整预算数): a table line (the 三公 table's
 * "预算数"), a table column (the function table's 年初预算数 / 调整预算数 columns, keys `initial.*` /
 * `adjusted.*`) or its narrative.
 */
export interface StatedFigure extends PairFigure {
  via: 'table' | 'narrative';
  /** The part of the item it states (a narrative states the whole). */
  part: FigurePart;
  /** Index in `finalAccounts.comparisons` when stated by the narrative. */
  comparison: number | null;
}

/** A narrative comparison of the final account about the item ("年初预算为X万元，支出决算为Y万元…主要原因：…"). */
export interface Explanation {
  comparison: FinalAccountComparison;
  index: number;
  location: Location;
}

/** One item of the reconciliation. */
export interface PairItem {
  /** Stable key: `function:2010601`, `general:total`, `three-public:reception`, `econ:30101`, `operating-funds`. */
  key: string;
  kind: PairItemKind;
  /** Classification code (function or economic) or the 三公 column key. */
  code: string | null;
  /** As people read it: "2010601 行政运行", "“三公”经费合计". */
  name: string;
  /** 1 类, 2 款, 3 项 for function classes; 1 类, 2 款 for economic classes; null otherwise. */
  level: number | null;
  /** The published budget's figure; null when the budget publishes no table of this item. */
  budget: PairFigure | null;
  /** The final account's 决算数; null when it publishes no table of this item. */
  final: PairFigure | null;
  /** What the final account states as this item's 年初预算数 (table lines, narrative). */
  statedBudget: StatedFigure[];
  /** What the final account states as this item's 调整预算数. */
  adjusted: StatedFigure[];
  /** The narrative comparisons about this item. */
  explanations: Explanation[];
  /** Basic and project parts where each document's function table prints them (else null). */
  budgetBasic: PairFigure | null;
  budgetProject: PairFigure | null;
  finalBasic: PairFigure | null;
  finalProject: PairFigure | null;
}

/** A narrative comparison whose subject could not be placed on an item. */
export interface UnplacedComparison {
  comparison: FinalAccountComparison;
  index: number;
  location: Location;
}

/** The two documents and the items they share. */
export interface Pair {
  budget: BudgetDocument;
  final: BudgetDocument;
  items: PairItem[];
  unplaced: UnplacedComparison[];
  /** A deviation of 决算数 from the budget above this percentage of the budget is large (local practice, default 10). */
  deviationPercent: number;
}

/** A finding of the reconciliation: `location` in the final account, `budgetLocation` in the budget. */
export interface PairFinding extends Finding {
  /** The item's key (`function:2010601` …), or null. */
  item: string | null;
  budgetLocation: Location | null;
}

/** A check not made because one side is unknown or not published. */
export interface PairNotChecked {
  rule: string;
  title: string;
  item: string | null;
  location: Location | null;
  budgetLocation: Location | null;
  /** 中文: on what it rests ("部门预算未公开“三公”经费表"). */
  reason: string;
}

/** What a pair rule passes to `report`. */
export type PairFindingInput = Omit<PairFinding, 'rule' | 'category' | 'title' | 'severity'> & { severity?: Severity };

export interface PairContext {
  report(f: PairFindingInput): void;
  notChecked(n: Omit<PairNotChecked, 'rule' | 'title'>): void;
}

/** A rule over a budget and its final account (ids REC-NNN, permanent). */
export interface PairRule {
  id: string;
  title: string;
  titleZh: string;
  severity: Severity;
  category: 'final-accounts';
  basis: string;
  check(pair: Pair, ctx: PairContext): void;
}
