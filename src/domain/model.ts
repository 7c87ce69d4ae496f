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

/** Where a value came from: 1-based source line (first and last when wrapped), PDF page, raw text. */
export const Src = z.object({
  line: z.number().int().positive().nullable(),
  endLine: z.number().int().positive().nullable().optional(),
  page: z.number().int().positive().nullable(),
  raw: z.string(),
});
export type Src = z.infer<typeof Src>;

/** An amount in integer fen with provenance. `decimals` is how many places the source printed. */
export const Money = z.object({
  fen: z.number().int(),
  decimals: z.number().int().min(0).max(6).optional(),
  src: Src.optional(),
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
  unit: z.string().optional(),
  amounts: z.record(z.string(), Money.nullable()),
  texts: z.record(z.string(), Text).optional(),
  src: Src,
});
export type Row = z.infer<typeof Row>;

/** A published table, by role, with its columns and rows as printed (empty cells are null). */
export const Table = z.object({
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

/** Something the importer noticed but could not place; kept so nothing printed is silently lost. */
export const ImportNote = z.object({
  severity: z.enum(['info', 'warning']),
  message: z.string(),
  src: Src,
});
export type ImportNote = z.infer<typeof ImportNote>;

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
  }),
  narrative: Narrative,
  tables: z.array(Table),
  projectForms: z.array(ProjectForm),
  departmentTargets: DepartmentTargets.nullable(),
  finalAccounts: z.object({ comparisons: z.array(FinalAccountComparison) }).optional(),
  importNotes: z.array(ImportNote),
});
export type BudgetDocument = z.infer<typeof BudgetDocument>;
