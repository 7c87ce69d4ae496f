/**
 * View models of the disclosure package: plain data, already worded and formatted, that every
 * renderer (HTML, XLSX, Markdown) lays out without computing anything itself.
 */
import type { DisplayUnit } from '../../domain/money.js';
import type { Finding } from '../../rules/types.js';

/** A header cell after merging: spans count grid cells. */
export interface HeaderCell {
  text: string;
  rowspan: number;
  colspan: number;
  /** Index of the first leaf column covered. */
  col: number;
}

export type ViewColumnKind = 'label' | 'code' | 'text' | 'amount';

/** A leaf column of a printed table: a model column or a label column of the layout. */
export interface ViewColumn {
  key: string;
  header: string[];
  kind: ViewColumnKind;
}

/** One printed cell. `fen`/`decimals` are set on amount cells (fen null = empty printed cell). */
export interface BodyCell {
  text: string;
  kind: ViewColumnKind;
  fen?: number | null;
  decimals?: number;
  /** Model row id and column key the cell shows (amount and text cells). */
  ref?: { rowId: string; key: string };
  /** Indentation level of a label. */
  level?: number;
  /**
   * Set on the first label cell of each model row the printed line shows: the row id, so that a
   * renderer can give the row an anchor (two-sided tables show two model rows on one line).
   */
  anchor?: string;
  /**
   * An empty amount cell of a row with unplaced amounts: it may hold one of them, so it is unknown,
   * not empty.
   */
  unknown?: boolean;
  /** The amount's column was inferred (no positions placed it): shown, but no error rests on it. */
  inferred?: boolean;
}

/** Amounts a model row prints whose column could not be determined. */
export interface UnplacedView {
  rowId: string;
  label: string;
  /** The amounts as printed. */
  amounts: string[];
  /** "本行有 N 个金额未能确定所在列" */
  note: string;
}

export interface BodyRow {
  kind: 'item' | 'unit' | 'group' | 'subtotal' | 'carry' | 'total';
  cells: BodyCell[];
  /** Ids of the model rows on this printed line (revenue then expenditure in two-sided tables). */
  rowIds: string[];
  /** Unplaced amounts of the model rows on this line (empty when every amount has its column). */
  unplaced: UnplacedView[];
}

/** Which layout a package follows: the Shenzhen outline, or the document's own parts and tables. */
export type Outline = 'shenzhen' | 'document';

export interface TableView {
  /** Stable id of the table in its document ("t3"), for anchors and links. */
  id: string;
  no: number | null;
  /**
   * The number fiscus prints above the title ("表 7"): set in the Shenzhen outline, and for a
   * numbered table whose title does not print its number itself; null otherwise.
   */
  numberLabel: string | null;
  /** Anchor id in the package ("table-7" in the Shenzhen outline, else "table-t3"). */
  anchor: string;
  role: string;
  title: string;
  unitName: string;
  displayUnit: DisplayUnit;
  /** Printed on a landscape page (more columns than a portrait A4 holds legibly). */
  landscape: boolean;
  columns: ViewColumn[];
  header: HeaderCell[][];
  body: BodyRow[];
  /** True when no row carries a non-zero amount: the table is published with its note. */
  empty: boolean;
  note: string | null;
  /** Amounts printed but not placed in a column (all rows), and the cells that are unknown because of them. */
  unplacedCount: number;
  unknownCells: number;
}

export interface NarrativeSectionView {
  title: string | null;
  paragraphs: string[];
}

export interface NarrativePartView {
  no: number;
  /** "第一部分 部门概况" */
  heading: string;
  sections: NarrativeSectionView[];
}

/** A cell of a form grid (label or value). */
export interface FormCell {
  text: string;
  kind: 'label' | 'value' | 'amount';
  colspan?: number;
  rowspan?: number;
  fen?: number | null;
  decimals?: number;
}

/** A line of an indicator tree with the rowspans of its first two levels (0 = covered by a span above). */
export interface IndicatorRowView {
  level1: string;
  level1Span: number;
  level2: string;
  level2Span: number;
  name: string;
  target: string;
  /** Multi-line content (测算明细, 资金支出进度) spanning name and target. */
  wide?: string[];
}

export interface CostLineView {
  no: number | null;
  text: string;
  label: string;
  fen: number | null;
  decimals: number;
  amountText: string;
  quantity: string | null;
  unitPriceText: string | null;
}

export interface QuarterView {
  quarter: number;
  label: string;
  fen: number;
  decimals: number;
  amountText: string;
}

export interface ProjectFormView {
  id: string;
  /** The form's printed title (预算项目支出绩效目标申报表). */
  title: string;
  name: string;
  year: number;
  parentProject: string | null;
  /** Attribute and amount grid (rows of label/value cells), six cells wide. */
  grid: FormCell[][];
  overview: string[];
  use: string;
  midTermGoal: string;
  annualGoal: string;
  costLines: CostLineView[];
  disbursement: QuarterView[];
  /** "第一季度支付 318.25万元，…" */
  disbursementText: string;
  indicators: IndicatorRowView[];
}

export interface TaskView {
  name: string;
  content: string;
  cells: { key: 'total' | 'fiscal' | 'other'; fen: number | null; decimals: number; text: string }[];
}

export interface DepartmentTargetsView {
  /** Anchor id ("table-14" in the Shenzhen outline). */
  id: string;
  /** "表 14" in the Shenzhen outline, else null. */
  numberLabel: string | null;
  title: string;
  year: number;
  unitName: string;
  competentDepartment: string;
  overallGoal: string;
  tasks: TaskView[];
  total: TaskView | null;
  indicators: IndicatorRowView[];
}

export interface ChartSpec {
  id: string;
  title: string;
  kind: 'pie' | 'bar' | 'stacked-bar';
  /** Categories (bars, slices) in order. */
  categories: string[];
  /** One series per stack layer (one series for pie/bar); values in fen. */
  series: { name: string; fen: number[] }[];
  displayUnit: DisplayUnit;
}

export interface FindingView {
  rule: string;
  severity: Finding['severity'];
  severityZh: string;
  title: string;
  message: string;
  where: string;
  expected: string;
  actual: string;
  difference: string;
}

/** One block of the package body, in print order. */
export type ReportBlock =
  | { kind: 'part'; index: number }
  | { kind: 'table'; index: number }
  | { kind: 'department-targets' }
  | { kind: 'form'; index: number };

export interface ReportView {
  title: string;
  unitName: string;
  year: number;
  kind: string;
  displayUnit: DisplayUnit;
  /** The Shenzhen eight-part outline, or the document's own parts and tables. */
  outline: Outline;
  narrative: NarrativePartView[];
  tables: TableView[];
  departmentTargets: DepartmentTargetsView | null;
  forms: ProjectFormView[];
  /** The narrative parts, tables, table 14 and forms in the order the package prints them. */
  blocks: ReportBlock[];
  /** The heading of the tables in the Markdown package and the XLSX contents (预算表 / 决算表). */
  tablesHeading: string;
  charts: ChartSpec[];
  findings: FindingView[] | null;
}
