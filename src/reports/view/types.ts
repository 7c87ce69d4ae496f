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
}

export interface BodyRow {
  kind: 'item' | 'unit' | 'group' | 'subtotal' | 'carry' | 'total';
  cells: BodyCell[];
}

export interface TableView {
  no: number | null;
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

export interface ReportView {
  title: string;
  unitName: string;
  year: number;
  kind: string;
  displayUnit: DisplayUnit;
  narrative: NarrativePartView[];
  tables: TableView[];
  departmentTargets: DepartmentTargetsView | null;
  forms: ProjectFormView[];
  charts: ChartSpec[];
  findings: FindingView[] | null;
}
