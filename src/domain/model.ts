/**
 * The budget model: one exact representation of a department budget, unit budget or final account,
 * whatever layout (profile) it was read from. Zod schemas are the source of truth; the TypeScript
 * types are inferred from them and docs/budget-document.schema.json is generated from them.
 *
 * Design:
 * - Amounts are integer fen (`Money.fen`); every value keeps its provenance (`Src`).
 * - Published tables are held as typed generic tables (`Table`: columns with header paths and sum
 *   relations, rows with codes, levels and cells) tagged with a semantic `role`, so one set of rules
 *   and renderers serves every region's layout.
 * - What is not tabular is structured: narrative (parts, paragraphs and semantic `facts`),
 *   project performance forms, the department-wide target form, final-account explanations.
 */
import { z } from 'zod';

// Zod's own messages (a value of the wrong type, out of range, not among the options) in Chinese: the
// web, the API's problem details and the CLI show them to people.
z.config(z.locales.zhCN());

/** Where a value came from: 1-based source line (first and last when wrapped), PDF page, raw text; or who typed it. */
export const Src = z.object({
  line: z.number().int().positive().nullable(),
  endLine: z.number().int().positive().nullable().optional(),
  page: z.number().int().positive().nullable(),
  raw: z.string(),
  /** Set when the value was typed in an edit rather than read from the source: who (login or door) and when (ISO time). */
  edited: z.object({ by: z.string(), at: z.string() }).optional(),
});
export type Src = z.infer<typeof Src>;

/** An amount in integer fen with provenance. `decimals` is how many places the source printed. */
export const Money = z.object({
  fen: z.number().int(),
  decimals: z.number().int().min(0).max(6).optional(),
  src: Src.optional(),
  /**
   * True when the column of this amount was inferred (the row printed fewer amounts than columns and
   * no positions placed them): rules never rest an error on an inferred cell.
   */
  inferred: z.boolean().optional(),
});
export type Money = z.infer<typeof Money>;

/** A text fact with provenance. */
export const Text = z.object({ text: z.string(), src: Src.optional() });
export type Text = z.infer<typeof Text>;

/** A count (persons, vehicles, devices, projects) with provenance. */
export const Count = z.object({ n: z.number().int(), src: Src.optional() });
export type Count = z.infer<typeof Count>;

export const DocumentKind = z.enum(['部门预算', '单位预算', '部门决算', '单位决算']);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const Profile = z.enum([
  'shenzhen-dept-budget',
  'shanghai-budget',
  'shanghai-final-accounts',
  'fiscus-xlsx',
  'authored',
  /** The genre recogniser: any region's published disclosure, read by table titles and headers. */
  'generic',
]);
export type Profile = z.infer<typeof Profile>;

export const DisplayUnitSchema = z.enum(['元', '万元']);

/**
 * Semantic role of a published table. Shenzhen numbers 1–14; Shanghai budgets and final accounts
 * map their nine tables onto the same roles where the content is the same.
 */
export const TableRole = z.enum([
  'income-expenditure-summary', // SZ 1 收支总表 / SH 财务收支预算总表
  'revenue-summary', // SZ 2 收入总表 / SH 收入预算总表
  'expenditure-summary', // SZ 3 支出总表 / SH 支出预算总表
  'basic-expenditure-economic', // SZ 4 基本支出总表 / SH 基本支出经济分类表
  'project-expenditure', // SZ 5 项目支出总表
  'appropriation-summary', // SZ 6 政府预算拨款收支总表 / SH 财政拨款收支总表
  'general-budget-function', // SZ 7 一般公共预算支出表 / SH 一般公共预算支出功能分类表
  'gov-fund-function', // SZ 8 政府性基金预算支出表
  'state-capital-function', // SZ 9 国有资本经营预算支出表
  'transfer-payments', // SZ 10 上级专项转移支付支出表
  'procurement', // SZ 11 政府采购项目支出表
  'three-public', // SZ 12 "三公"经费支出表 / SH 三公经费和机关运行经费表
  'performance-projects', // SZ 13 部门预算绩效管理项目情况表
  'department-targets', // SZ 14 整体支出绩效目标申报表 (structured in `departmentTargets`)
  // Tables of the national template and its regional variants (src/domain/catalogue/tables.ts).
  'appropriation-expenditure', // 财政拨款支出表（功能科目）/ 预算单位财政拨款支出预算表
  'appropriation-basic-economic', // 财政拨款基本支出表（经济科目）
  'general-budget-economic', // 一般公共预算支出表（按经济分类）
  'basic-expenditure-function', // 一般公共预算基本支出表（按功能分类科目）
  'project-expenditure-economic', // 一般公共预算项目支出表（按经济分类科目）
  'gov-fund-economic', // 政府性基金预算支出表（按经济分类）
  'operating-funds', // 机关运行经费支出预算表
  'meeting-training', // 会议费 / 培训费明细表
  'purchased-services', // 政府购买服务预算表
  'carryover-expenditure', // 上年结转资金支出表
  'project-targets', // 项目支出绩效目标表 (structured in `projectForms`)
  'other',
]);
export type TableRole = z.infer<typeof TableRole>;

export const ColumnKind = z.enum(['amount', 'text', 'code', 'count', 'year']);

/**
 * A column. `header` is the path of header labels from the top header row down ("政府预算拨款",
 * "一般公共预算拨款", "小计"). `sumOf` lists the keys of columns whose sum this column must equal.
 */
export const Column = z.object({
  key: z.string(),
  header: z.array(z.string()).min(1),
  kind: ColumnKind,
  sumOf: z.array(z.string()).optional(),
});
export type Column = z.infer<typeof Column>;

export const RowKind = z.enum([
  'item', // an ordinary line (a code, a source, an economic item, a project)
  'unit', // a budget unit's own line (per-unit tables, the unit total line)
  'group', // a heading line whose amount is the sum of the lines below it (e.g. 一般性项目)
  'subtotal', // 本年收入合计 / 本年支出合计
  'carry', // 上年结余、结转 / 结转下年 / 年初结转和结余
  'total', // 收入总计 / 支出总计 / 合计
]);
export type RowKind = z.infer<typeof RowKind>;

export const CodeSystem = z.enum(['function', 'econ', 'procurement', 'revenue', 'project']);
export type CodeSystem = z.infer<typeof CodeSystem>;

/**
 * A table row. `side` separates the revenue and expenditure halves of a two-sided summary table.
 * `code` is the classification code (printed or resolved from the name, see `codeResolved`).
 * `parent` is the id of the row this row is a child of (same side), so parent = Σ children can be checked.
 */
export const Row = z.object({
  id: z.string(),
  side: z.enum(['revenue', 'expenditure']).optional(),
  kind: RowKind,
  label: z.string(),
  code: z.string().nullable().optional(),
  codeSystem: CodeSystem.optional(),
  codeResolved: z.enum(['printed', 'by-name', 'by-position']).optional(),
  level: z.number().int().min(0),
  parent: z.string().nullable().optional(),
  /**
   * Which lines this row heads is not known: its group was read from indentation alone and runs over a
   * page break of a text (pdftotext sets each page on its own grid). Rules assert no sum for it.
   */
  childrenUnknown: z.boolean().optional(),
  unit: z.string().optional(),
  amounts: z.record(z.string(), Money.nullable()),
  texts: z.record(z.string(), Text).optional(),
  /**
   * Amounts the row prints whose column could not be determined without guessing (more amounts than
   * columns, a figure between two columns). While a row has any, its empty cells are unknown, not
   * empty: rules skip the row and the result says what was not checked.
   */
  unplaced: z.array(Money).optional(),
  src: Src,
});
export type Row = z.infer<typeof Row>;

/** A published table, by role, with its columns and rows as printed (empty cells are null). */
export const Table = z.object({
  /**
   * Stable id of the table within its document ("t1", "t2" … in print order), used by links and
   * finding locations; documents stored before it existed get it from `tableId` (domain/query.ts).
   */
  id: z.string().optional(),
  no: z.number().int().nullable(),
  role: TableRole,
  title: Text,
  unitName: Text.optional(),
  displayUnit: DisplayUnitSchema,
  columns: z.array(Column),
  rows: z.array(Row),
  /** For two-sided tables: the amount column key of each side. */
  sides: z.object({ revenue: z.string(), expenditure: z.string() }).optional(),
  note: Text.optional(),
  src: Src,
});
export type Table = z.infer<typeof Table>;

/**
 * A figure stated in the narrative, with a semantic key from docs/narrative-facts.md
 * (e.g. `revenue.total`, `expenditure.personnel`, `change.revenue.amount`, `procurement.goods`,
 * `three-public.total`, `staff.establishment.career`), the label the text gives it, and its value.
 */
export const Fact = z.object({
  key: z.string(),
  label: z.string(),
  money: Money.optional(),
  count: z.number().int().optional(),
  percent: z.string().optional(),
  text: z.string().optional(),
  src: Src,
});
export type Fact = z.infer<typeof Fact>;

export const Paragraph = z.object({ text: z.string(), src: Src });
export type Paragraph = z.infer<typeof Paragraph>;
export const NarrativeSection = z.object({
  no: z.string(),
  title: z.string(),
  paragraphs: z.array(Paragraph),
  src: Src,
});
export type NarrativeSection = z.infer<typeof NarrativeSection>;
export const NarrativePart = z.object({
  no: z.number().int(),
  title: z.string(),
  sections: z.array(NarrativeSection),
  src: Src,
});
export type NarrativePart = z.infer<typeof NarrativePart>;

/** A project named in the narrative's project list (第三部分 四、项目支出). */
export const NarrativeProject = z.object({
  no: z.number().int(),
  name: z.string(),
  amount: Money,
  description: z.string(),
  /** Amounts and counts the description names ("机房运行维护 1,270.74 万元", "服务器 5 台"). */
  items: z.array(z.object({ label: z.string(), money: Money.optional(), count: z.number().int().optional(), unit: z.string().optional() })),
  src: Src,
});
export type NarrativeProject = z.infer<typeof NarrativeProject>;

export const Narrative = z.object({
  parts: z.array(NarrativePart),
  duties: z.array(Text),
  goals: Text.optional(),
  changeReason: Text.optional(),
  projects: z.array(NarrativeProject),
  glossary: z.array(z.object({ term: z.string(), definition: z.string(), src: Src })),
  facts: z.array(Fact),
});
export type Narrative = z.infer<typeof Narrative>;

export const Comparator = z.enum(['≥', '≤', '=', '>', '<']);
export type Comparator = z.infer<typeof Comparator>;

/**
 * A performance indicator. `comparator` null with `qualitative` true for targets such as 有效/及时;
 * `notApplicable` for 不适用. `value` is a decimal string ("100", "2", "24"), `unit` what follows it.
 */
export const Indicator = z.object({
  level1: z.string(),
  level2: z.string(),
  name: z.string(),
  raw: z.string(),
  comparator: Comparator.nullable(),
  value: z.string().nullable(),
  unit: z.string().nullable(),
  qualitative: z.boolean(),
  notApplicable: z.boolean(),
  /**
   * True when the reader gave the row to its project by centring alone: a grid of projects printed
   * without cell borders, the row outside the lines of the project's own name and goal. Which project
   * such a row belongs to is inferred, so rules that compare a project's rows with each other skip it.
   */
  placeInferred: z.boolean().optional(),
  src: Src,
});
export type Indicator = z.infer<typeof Indicator>;

/** One line of a project's 测算明细. `quantity` × `unitPrice` (fen) is given when the text states it. */
export const CostLine = z.object({
  no: z.number().int().nullable(),
  text: z.string(),
  label: z.string(),
  amount: Money.nullable(),
  quantity: z.string().nullable().optional(),
  quantityUnit: z.string().nullable().optional(),
  unitPrice: Money.nullable().optional(),
  /** Other amounts the line prints: a calculation's result ("=2.4万元"), further stated amounts. */
  otherAmounts: z.array(z.object({ role: z.enum(['stated', 'result', 'unitPrice']), money: Money })).optional(),
  src: Src,
});
export type CostLine = z.infer<typeof CostLine>;

export const QuarterPlan = z.object({ quarter: z.number().int().min(1).max(4), amount: Money, src: Src });
export type QuarterPlan = z.infer<typeof QuarterPlan>;

/** 预算项目支出绩效目标申报表: one per (sub-)project. */
export const ProjectForm = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number().int(),
  /** The table 5 project this form belongs to (by name), when resolved. */
  parentProject: z.string().nullable(),
  attribute: Text.optional(), // 新增项目 / 延续项目
  period: z.object({ start: z.string(), end: z.string(), src: Src }).optional(),
  competentDepartment: Text.optional(),
  projectType: Text.optional(), // 经常性项目 / 一次性项目
  amounts: z.object({
    total: Money.nullable(),
    currentYear: Money.nullable(),
    fiscal: Money.nullable(),
    other: Money.nullable(),
    transfer: Money.nullable(),
    purchasedServices: Money.nullable(),
  }),
  overview: z.array(z.object({ label: z.string(), text: z.string(), src: Src })),
  use: Text.optional(),
  midTermGoal: Text.optional(),
  annualGoal: Text.optional(),
  costLines: z.array(CostLine),
  disbursement: z.array(QuarterPlan),
  indicators: z.array(Indicator),
  src: Src,
});
export type ProjectForm = z.infer<typeof ProjectForm>;

/** 部门（单位）整体支出绩效目标申报表 (Shenzhen table 14). */
export const DepartmentTargets = z.object({
  year: z.number().int(),
  unitName: Text,
  competentDepartment: Text.optional(),
  overallGoal: Text,
  tasks: z.array(
    z.object({
      name: z.string(),
      content: z.string(),
      total: Money.nullable(),
      fiscal: Money.nullable(),
      other: Money.nullable(),
      src: Src,
    }),
  ),
  total: z.object({ total: Money.nullable(), fiscal: Money.nullable(), other: Money.nullable(), src: Src }).optional(),
  indicators: z.array(Indicator),
  src: Src,
});
export type DepartmentTargets = z.infer<typeof DepartmentTargets>;

/**
 * What a final account states beyond the tables: budget-vs-actual comparisons with the direction
 * word the text uses and its explanation.
 */
export const FinalAccountComparison = z.object({
  subject: z.string(),
  budget: Money.nullable(),
  actual: Money.nullable(),
  direction: z.enum(['大于', '小于', '等于', '持平']).nullable(),
  percent: z.string().nullable(),
  reason: z.string().nullable(),
  src: Src,
});
export type FinalAccountComparison = z.infer<typeof FinalAccountComparison>;

/**
 * Something the importer noticed or could not read; kept so nothing printed is silently lost. An
 * `error` is a part of the document that could not be read (a table, a row); it becomes a finding
 * of category `structure` while everything else is still imported and checked. `code` is stable
 * (docs/coverage.md); `table` and `row` locate it as data when it lies in a table.
 */
export const ImportNote = z.object({
  severity: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  code: z.string().optional(),
  table: z.string().nullable().optional(),
  row: z.string().nullable().optional(),
  src: Src,
});
export type ImportNote = z.infer<typeof ImportNote>;

/** One table as recognised: what it is called, how much of it was read. */
export const CoverageTable = z.object({
  id: z.string(),
  title: z.string(),
  role: TableRole,
  rows: z.number().int(),
  columns: z.number().int(),
  /** Amounts placed in a cell. */
  amounts: z.number().int(),
  /** Amounts printed in the table whose column could not be determined. */
  unplaced: z.number().int(),
  /** Cells that may hold one of the unplaced amounts (the empty cells of rows with unplaced amounts). */
  unknownCells: z.number().int(),
  /** Rows that could not be read at all. */
  unreadRows: z.number().int(),
  /** Columns whose header is not in the genre's vocabulary (kept, but no rule knows them). */
  unmappedColumns: z.number().int(),
  src: Src,
});
export type CoverageTable = z.infer<typeof CoverageTable>;

/**
 * Coverage of an import: which tables were recognised, the amounts read, the amounts printed but not
 * placed, the unknown cells and the standard tables missing for the document's kind.
 */
export const Coverage = z.object({
  /** How the importer recognised the document ("generic", "shenzhen-dept-budget", …) and how sure it was (0–1). */
  recogniser: z.string(),
  confidence: z.number().min(0).max(1),
  tables: z.array(CoverageTable),
  /** Amounts (figures with decimals or thousands separators) the source prints, tables and narrative. */
  printedAmounts: z.number().int(),
  /** Of those, how many the model holds as structured values. */
  heldAmounts: z.number().int(),
  /** Amounts held in table cells, in narrative facts and forms. */
  tableAmounts: z.number().int(),
  narrativeAmounts: z.number().int(),
  formAmounts: z.number().int(),
  unplacedAmounts: z.number().int(),
  unknownCells: z.number().int(),
  /** Standard tables of the document's kind that were not found (catalogue titles). */
  missingTables: z.array(z.string()),
  /** Parts that could not be read (counts of import errors). */
  unreadParts: z.number().int(),
});
export type Coverage = z.infer<typeof Coverage>;

export const BudgetDocument = z.object({
  schema: z.literal('fiscus/budget-document@1'),
  kind: DocumentKind,
  profile: Profile,
  year: z.number().int().min(1990).max(2100),
  unit: z.object({
    name: z.string().min(1),
    subordinateUnits: z.array(Text),
    competentDepartment: Text.optional(),
  }),
  title: Text.optional(),
  displayUnit: DisplayUnitSchema,
  source: z.object({
    file: z.string(),
    sha256: z.string(),
    format: z.enum(['text', 'pdf', 'xlsx', 'json', 'authored']),
    lines: z.number().int().nullable(),
    pages: z.number().int().nullable(),
    /**
     * The commas of the text as printed (text and PDF imports; absent otherwise): full-width ones
     * counted, half-width ones between Chinese words counted with their first places.
     */
    punctuation: z.object({ fullWidthCommas: z.number().int().nonnegative(), halfWidthCommas: z.number().int().nonnegative(), halfWidthAt: z.array(Src) }).optional(),
  }),
  narrative: Narrative,
  tables: z.array(Table),
  projectForms: z.array(ProjectForm),
  departmentTargets: DepartmentTargets.nullable(),
  finalAccounts: z.object({ comparisons: z.array(FinalAccountComparison) }).optional(),
  importNotes: z.array(ImportNote),
  /** What the import read and what it could not (absent on authored and older documents). */
  coverage: Coverage.optional(),
});
export type BudgetDocument = z.infer<typeof BudgetDocument>;
