/**
 * Request and response schemas of the HTTP API. Document parts reuse the domain's zod schemas so
 * the OpenAPI description and the canonical JSON cannot drift apart. Amounts are integer fen.
 */
import { z } from '@hono/zod-openapi';
import { REASON_MAX, STATE_LABELS, STATES } from '../domain/workflow.js';
import { BudgetDocument, CostLine, DocumentKind, Indicator, Money, Profile, ProjectForm, QuarterPlan, Src, Table } from '../domain/model.js';
import { ERROR_CODES } from '../domain/errors.js';

/**
 * The largest id or version number a budget can have (ids and versions are 4-byte integer columns):
 * larger values are refused at the boundary as 422 rather than overflowing a query.
 */
export const INT4_MAX = 2_147_483_647;

export const SeverityCountsSchema = z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }).openapi('SeverityCounts');

export const StateSchema = z.enum(STATES).openapi({ description: STATES.map((x) => `${x}：${STATE_LABELS[x]}`).join('；') });

export const TransitionSchema = z
  .object({
    id: z.number().int(),
    version: z.number().int(),
    action: z.string(),
    from: StateSchema,
    to: StateSchema,
    actor: z.string(),
    reason: z.string().nullable(),
    at: z.string(),
  })
  .openapi('Transition');

export const TransitionResultSchema = z.object({ version: z.number().int(), from: StateSchema, to: StateSchema }).openapi('TransitionResult');

export const TransitionBodySchema = z
  .object({
    version: z.number().int().positive().max(INT4_MAX).openapi({ description: '操作针对的版本（须为最新版本，否则 409）' }),
    reason: z.string().max(REASON_MAX).optional().openapi({ description: '理由（退回时必填）' }),
  })
  .openapi('TransitionRequest');

export const WaiverSchema = z
  .object({
    id: z.number().int(),
    key: z.string(),
    rule: z.string(),
    message: z.string(),
    reason: z.string(),
    by: z.string(),
    at: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('Waiver');

export const WaiverRegisterSchema = z
  .object({
    waivers: z.array(WaiverSchema),
    errors: z.array(z.object({ key: z.string(), rule: z.string(), message: z.string(), waived: z.boolean() })).openapi({ description: '最新版本的错误及其是否已被有效豁免（未豁免的错误阻止提交）' }),
  })
  .openapi('WaiverRegister');

export const WaiverBodySchema = z
  .object({
    key: z.string().min(1).max(4000).openapi({ description: '问题的键：规则与结构化位置（见 GET …/waivers）' }),
    reason: z.string().min(1).max(REASON_MAX),
    expires: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional()
      .openapi({ description: '有效至（含当日），缺省为长期' }),
  })
  .openapi('WaiverRequest');

export const BudgetSummarySchema = z
  .object({
    id: z.string().openapi({ example: '1' }),
    unitName: z.string().openapi({ example: '深圳市福田区数据管理中心' }),
    year: z.number().int().openapi({ example: 2021 }),
    kind: DocumentKind,
    profile: Profile,
    title: z.string().nullable(),
    latestVersion: z.number().int(),
    findings: SeverityCountsSchema,
    updatedAt: z.string(),
    organisationId: z.number().int().nullable().openapi({ description: '所属机构（null：尚未归属，仅财政审核可见）' }),
    organisationName: z.string().nullable(),
    state: StateSchema,
    publishedVersion: z.number().int().nullable().openapi({ description: '最近公开的版本（公众看到的版本）' }),
    publishedAt: z.string().nullable(),
  })
  .openapi('BudgetSummary');

export const VersionInfoSchema = z
  .object({
    n: z.number().int(),
    createdAt: z.string(),
    author: z.string().nullable(),
    note: z.string().nullable(),
    baseVersion: z.number().int().nullable(),
    sha256: z.string(),
    findings: SeverityCountsSchema,
    state: StateSchema,
    publishedAt: z.string().nullable(),
  })
  .openapi('VersionInfo');

export const BudgetDetailSchema = BudgetSummarySchema.extend({ versions: z.array(VersionInfoSchema) }).openapi('BudgetDetail');

/** A budget as listed: a budget the caller may read only as published is listed as its published version, without findings. */
export const ListedBudgetSchema = BudgetSummarySchema.extend({
  findings: SeverityCountsSchema.nullable().openapi({ description: '最新版本的审核发现数；只能查看已公开版本的预算为 null（latestVersion 即已公开的版本）' }),
}).openapi('ListedBudget');

export const StoredVersionSchema = z.object({ budgetId: z.string(), version: z.number().int(), created: z.boolean(), findings: SeverityCountsSchema }).openapi('StoredVersion');

export const FindingSchema = z
  .object({
    rule: z.string().openapi({ example: 'BUD-031' }),
    severity: z.enum(['error', 'warning', 'info']),
    category: z.string(),
    title: z.string(),
    message: z.string(),
    location: z.object({
      section: z.string(),
      item: z.string().nullable().optional(),
      field: z.string().nullable().optional(),
      line: z.number().int().nullable(),
      page: z.number().int().nullable(),
      table: z.number().int().nullable().optional().openapi({ description: '原文印的表号（无表号为 null）' }),
      row: z.string().nullable().optional().openapi({ description: '行 id' }),
      form: z.string().nullable().optional().openapi({ description: '项目申报表 id' }),
      tableId: z.string().nullable().optional().openapi({ description: '表格 id（t1、t2 … 按原文顺序），链接按它定位', example: 't3' }),
      column: z.string().nullable().optional().openapi({ description: '列键' }),
      indicator: z.string().nullable().optional().openapi({ description: '绩效指标 id' }),
      fact: z.string().nullable().optional().openapi({ description: '文字说明中数字的语义键' }),
    }),
    expected: z.string().nullable(),
    actual: z.string().nullable(),
    difference: z.string().nullable(),
    unit: z.string().nullable(),
  })
  .openapi('Finding');

export const FindingsResponseSchema = z.object({ budgetId: z.string(), version: z.number().int(), summary: SeverityCountsSchema, findings: z.array(FindingSchema) }).openapi('Findings');

// The domain's schemas may be built before zod is extended with `.openapi()`, so they are named
// through zod's own metadata, which the OpenAPI generator reads as the component id.
export const DocumentSchema = BudgetDocument.meta({ id: 'BudgetDocument' });
export const TableSchema = Table.meta({ id: 'Table' });
export const ProjectFormSchema = ProjectForm.meta({ id: 'ProjectForm' });

export const ProjectSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    parentProject: z.string().nullable(),
    totalFen: z.number().int().nullable(),
    findings: SeverityCountsSchema,
  })
  .openapi('ProjectSummary');

export const ProjectResponseSchema = z.object({ budgetId: z.string(), version: z.number().int(), form: ProjectFormSchema, findings: z.array(FindingSchema) }).openapi('Project');

/** Provenance is optional on input: an edited value keeps the line of the value it replaces. */
const SrcIn = Src.optional();
/** Which cost line or indicator of the edited version a submitted one replaces (app/form-edit.ts). */
const ReplacesIn = z.number().int().min(0).max(499).nullable().optional().openapi({
  description:
    '所替换的原有一项在 baseVersion 版本该列表中的序号（从 0 起）；null 为新增的一项。省略时：带 src 的一项替换原文同一位置的一项，否则替换同一序号的一项。被替换项的原文位置（src）和未改动的内容（金额的印刷形式、由原文读出的数量与单价、指标原文）由此沿用',
});
const MoneyIn = Money.extend({ fen: z.number().int().openapi({ description: '整数分 (integer fen)', example: 2686400 }) });

// Edits take the model's shapes with `src` optional; a cost line's text and label are bounded and
// its `otherAmounts` are the importer's reading of the text, not something a client sets.
export const CostLineIn = CostLine.omit({ otherAmounts: true }).extend({
  no: CostLine.shape.no.optional().openapi({ description: '序号；省略时沿用所替换一项的序号' }),
  text: z.string().max(2000),
  label: z.string().max(500),
  amount: MoneyIn.nullable(),
  unitPrice: MoneyIn.nullable().optional(),
  src: SrcIn,
  replaces: ReplacesIn,
});

export const QuarterPlanIn = QuarterPlan.extend({ amount: MoneyIn, src: SrcIn });

export const IndicatorIn = Indicator.partial({ src: true }).extend({ replaces: ReplacesIn });

export const ProjectPatchSchema = z
  .object({
    baseVersion: z.number().int().positive().max(INT4_MAX).openapi({ description: '编辑所基于的版本；不是最新版本时返回 409' }),
    costLines: z.array(CostLineIn).max(500).optional(),
    disbursement: z
      .array(QuarterPlanIn)
      .max(4)
      .refine((a) => new Set(a.map((q) => q.quarter)).size === a.length, '每个季度只能出现一次')
      .optional(),
    indicators: z.array(IndicatorIn).max(500).optional(),
    amounts: z
      .object({
        total: MoneyIn.nullable(),
        currentYear: MoneyIn.nullable(),
        fiscal: MoneyIn.nullable(),
        other: MoneyIn.nullable(),
        transfer: MoneyIn.nullable(),
        purchasedServices: MoneyIn.nullable(),
      })
      .partial()
      .optional(),
    author: z.string().max(100).optional(),
  })
  .strict()
  .openapi('ProjectPatch');
export type ProjectPatchIn = z.infer<typeof ProjectPatchSchema>;

export const EditResultSchema = z
  .object({
    budgetId: z.string(),
    version: z.number().int(),
    baseVersion: z.number().int(),
    summary: SeverityCountsSchema,
    findings: z.array(FindingSchema),
  })
  .openapi('EditResult');

export const VersionResponseSchema = z.object({ info: VersionInfoSchema, document: DocumentSchema }).openapi('Version');

export const DiffSchema = z
  .object({
    budgetId: z.string(),
    from: z.number().int(),
    to: z.number().int(),
    amounts: z.array(
      z.object({
        path: z.string(),
        table: z.number().int().nullable(),
        form: z.string().nullable(),
        row: z.string().nullable(),
        field: z.string(),
        label: z.string(),
        beforeFen: z.number().int().nullable(),
        afterFen: z.number().int().nullable(),
        differenceFen: z.number().int(),
      }),
    ),
    added: z.array(z.object({ what: z.string(), path: z.string(), table: z.number().int().nullable(), form: z.string().nullable(), label: z.string() })),
    removed: z.array(z.object({ what: z.string(), path: z.string(), table: z.number().int().nullable(), form: z.string().nullable(), label: z.string() })),
  })
  .openapi('VersionDiff');

export const AggregateResponseSchema = z
  .object({
    by: z.enum(['function', 'econ', 'department', 'unit', 'project', 'year']),
    level: z.number().int().nullable(),
    year: z.number().int().nullable(),
    kind: z.string().nullable(),
    unit: z.string().nullable(),
    department: z.number().int().nullable(),
    rows: z.array(
      z
        .object({
          year: z.number().int().openapi({ description: '本行所加文件的年度（一行只含一个年度）' }),
          kind: z.string().openapi({ description: '本行所加文件的种类：部门预算、单位预算、部门决算或单位决算（预算与决算从不相加）' }),
          documents: z.number().int().openapi({ description: '本行所加文件（各取最新版本）的个数' }),
          documentIds: z.array(z.string()).optional().openapi({ description: '这些文件的预算编号（ids=true 时）' }),
          code: z.string().nullable(),
          name: z.string().nullable(),
          level: z.number().int().nullable(),
          organisationId: z.number().int().nullable(),
          fen: z.number().int(),
        })
        .openapi('AggregateRow'),
    ),
  })
  .openapi('Aggregate');

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(ERROR_CODES),
    detail: z.string(),
    instance: z.string(),
    line: z.number().int().optional(),
    field: z.string().optional(),
    file: z.string().optional(),
    expected: z.string().optional(),
    found: z.string().optional(),
    errorId: z.string().optional().openapi({ description: '内部错误的编号，与服务器日志中的一行对应 (the id of an internal error in the server log)' }),
  })
  .openapi('Problem');

/** OpenAPI responses: a problem+json body for each of the given statuses. */
export const problems = (...codes: number[]) =>
  Object.fromEntries(codes.map((s) => [s, { description: 'problem', content: { 'application/problem+json': { schema: ProblemSchema } } }])) as Record<
    number,
    { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } }
  >;

/** Media types of the downloadable documents, as the OpenAPI description names them. */
export const EXPORT_TYPES = { json: 'application/json', html: 'text/html', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' } as const;

/** An OpenAPI response with a JSON body of `schema`. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A version number (or other stored 4-byte count) in a path or query: a positive integer ≤ INT4_MAX. */
export const VersionNumber = z.coerce.number().int().positive().max(INT4_MAX);

/** Path parameters. */
export const IdParam = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .openapi({ param: { name: 'id', in: 'path' }, example: '1' }),
});
export const VersionQuery = z.object({
  version: VersionNumber.optional().openapi({ param: { name: 'version', in: 'query' }, description: '版本号；缺省为最新版本' }),
});

/** An export's query: the version, and whether the findings appendix (附录 校验结果) is included. */
export const ExportQuery = VersionQuery.extend({
  appendix: z
    .enum(['findings', 'none'])
    .optional()
    .openapi({ param: { name: 'appendix', in: 'query' }, description: 'findings（缺省）：附审核结果附录，供审核；none：可公开的版本，不含审核附录' }),
});

/** One entry of the audit log (a budget's history: `GET /api/v1/budgets/{id}/audit`). */
export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string().openapi({ description: '时间（ISO 8601，UTC）' }),
    actor: z.string().openapi({ description: '操作人的用户名；system、cli、web、api、anonymous 为非用户（系统、命令行、未登录的网页或 API、登录失败者）' }),
    actorName: z.string().nullable().openapi({ description: '操作人的姓名（操作人为用户时）' }),
    action: z.string().openapi({ example: 'budget.import', description: '操作的稳定键：budget.import、budget.edit、payments.import、payment.add、payment.delete、monitoring.save、evaluation.save…' }),
    target: z.string().openapi({ example: 'budget:1' }),
    detail: z.record(z.string(), z.unknown()),
    prevHash: z.string().openapi({ description: '前一条记录的哈希（第一条为 64 个 0）' }),
    hash: z.string().openapi({ description: 'sha256(prevHash + "\\n" + JSON[id, at, actor, action, target, detail（键排序）])' }),
  })
  .openapi('AuditEntry');
