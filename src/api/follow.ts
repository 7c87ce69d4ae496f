/**
 * Following the year over HTTP (`/api/v1/budgets/{id}/…`): payments (list, add, import upload),
 * execution, mid-year monitoring and the year-end self-evaluation, plus their documents.
 * Amounts are integer fen; errors are problem+json through the API's one mapper.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { DEVIATION_REASONS, followOf, isCalendarDate, LIKELIHOODS, renderFollowIsolated, BANDS } from '../app/follow.js';
import type { Workspace } from '../app/workspace.js';
import { requestUser } from '../app/route-policy.js';
import { auditActor } from '../app/audit-log.js';
import { FiscusError } from '../domain/errors.js';
import { remainingFen } from '../domain/budget-control.js';
import { validationError } from './problem.js';
import { EXPORT_TYPES, IdParam, json, problems } from './schemas.js';

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(isCalendarDate, 'expected a real calendar date YYYY-MM-DD');
const AsOfQuery = z.object({ asOf: IsoDate.optional().openapi({ param: { name: 'asOf', in: 'query' }, example: '2021-08-31' }) });

export const PaymentSchema = z
  .object({
    id: z.number().int(),
    formId: z.string(),
    date: z.string(),
    fen: z.number().int(),
    voucher: z.string().nullable(),
    payee: z.string().nullable(),
    source: z.string().nullable(),
    sourceRow: z.number().int().nullable(),
  })
  .openapi('Payment');
export const PaymentInputSchema = z
  .object({
    project: z.string().min(1).max(200).openapi({ description: '项目申报表编号或名称', example: 'form-1' }),
    date: IsoDate,
    fen: z.number().int().min(0).openapi({ description: '金额（分）' }),
    voucher: z.string().max(100).nullable().optional(),
    payee: z.string().max(200).nullable().optional(),
  })
  .openapi('PaymentInput');
const ImportQuery = z.object({
  name: z.string().optional(),
  replace: z.enum(['true', 'false']).optional(),
  force: z.enum(['true', 'false']).optional().openapi({ description: '同一文件已导入过时仍再次存储' }),
});
export const PaymentsImportSchema = z
  .object({
    budgetId: z.string(),
    imported: z.number().int().openapi({ description: '本次存储的笔数（已导入过时为 0）' }),
    totalFen: z.number().int(),
    replaced: z.number().int(),
    alreadyImported: z.boolean().openapi({ description: '同一文件（sha256 相同）已为该预算导入过，本次未存储' }),
    sha256: z.string(),
  })
  .openapi('PaymentsImport');
export const AdjustmentInputSchema = z
  .object({
    project: z.string().min(1).max(200).openapi({ description: '项目申报表编号或名称', example: 'form-9' }),
    fen: z.number().int().openapi({ description: '调整金额（分）：正数为追加，负数为调减；不为零', example: 150_000 }),
    reason: z.string().min(1).max(1000).openapi({ description: '调整（调剂）原因' }),
  })
  .openapi('AdjustmentInput');
export const AdjustmentSchema = z
  .object({ id: z.number().int(), formId: z.string(), fen: z.number().int(), reason: z.string(), approvedBy: z.string().openapi({ description: '批准人（用户名）' }), approvedAt: z.string() })
  .openapi('Adjustment');
export const BudgetControlSchema = z
  .object({
    formId: z.string(),
    name: z.string(),
    budgetFen: z.number().int().nullable().openapi({ description: '申报表列明的本年预算（分）；未列明时为 null，不作指标控制' }),
    adjustedFen: z.string().openapi({ description: '已批准调整合计（分，十进制整数字符串）' }),
    paidFen: z.string().openapi({ description: '已支付合计（分，十进制整数字符串）' }),
    remainingFen: z.string().nullable().openapi({ description: '剩余可用指标（分）；预算未列明时为 null' }),
  })
  .openapi('BudgetControl');
const Report = (name: string) => z.object({}).passthrough().openapi(name);
export const MonitoringPutSchema = z
  .object({
    owner: z.string().min(1).max(200).openapi({ description: '项目申报表编号或名称；部门整体（表14）为 "department"' }),
    asOf: IsoDate.optional(),
    entries: z.array(
      z.object({
        idx: z.number().int().min(0).openapi({ description: '指标在申报表中的序号（从 0 起）' }),
        actualToDate: z.string().max(200).nullable().optional(),
        likelihood: z.enum(LIKELIHOODS).nullable().optional(),
        reason: z.enum(DEVIATION_REASONS).nullable().optional(),
        action: z.string().max(2000).nullable().optional(),
      }),
    ),
  })
  .openapi('MonitoringPut');
export const EvaluationPutSchema = z
  .object({
    owner: z.string().min(1).max(200),
    actuals: z.array(
      z.object({
        idx: z.number().int().min(0),
        value: z.string().max(100).nullable().optional(),
        band: z
          .enum(Object.keys(BANDS) as [keyof typeof BANDS, ...Array<keyof typeof BANDS>])
          .nullable()
          .optional(),
        notApplicable: z.boolean().optional(),
        reason: z.string().max(2000).nullable().optional(),
        correction: z.string().max(2000).nullable().optional(),
      }),
    ),
  })
  .openapi('EvaluationPut');

const nn = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

async function readUpload(c: Context): Promise<{ bytes: Uint8Array; name: string }> {
  const type = c.req.header('content-type') ?? '';
  const q = c.req.query('name');
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.formData().catch(() => {
      throw new FiscusError('INPUT_UNREADABLE', '请求体应为带 file 字段的 multipart/form-data，但无法读取');
    });
    const file = form.get('file');
    if (!file || typeof file === 'string') throw new FiscusError('INPUT_UNREADABLE', 'multipart 请求体缺少 file 字段（支付明细文件）', { field: 'file' });
    return { bytes: new Uint8Array(await file.arrayBuffer()), name: q ?? (file.name || 'payments.csv') };
  }
  return { bytes: new Uint8Array(await c.req.arrayBuffer()), name: q ?? (/spreadsheetml/.test(type) ? 'payments.xlsx' : 'payments.csv') };
}

/** Registers the follow-the-year operations on the API app (before its catch-all). */
export function registerFollowApi(app: OpenAPIHono, ws: Workspace): void {
  const f = () => followOf(ws);
  // Who the audit log names: the token's user, else the API door.
  const actor = (c: Context) => auditActor(requestUser(c), 'api');

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/budgets/{id}/payments',
      tags: ['follow'],
      summary: '支付明细',
      request: { params: IdParam },
      responses: { 200: json(z.array(PaymentSchema), '支付明细'), ...problems(404) },
    }),
    async (c) => c.json(await f().listPayments(c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/budgets/{id}/payments',
      tags: ['follow'],
      summary: '登记一笔支付',
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: PaymentInputSchema } } } },
      responses: { 201: json(PaymentSchema, '已登记'), ...problems(404, 422) },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const p = await f().addPayment(c.req.valid('param').id, { project: b.project, date: b.date, fen: b.fen, voucher: nn(b.voucher) ?? null, payee: nn(b.payee) ?? null }, actor(c));
      return c.json(p, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/budgets/{id}/adjustments',
      tags: ['follow'],
      summary: '预算调整（调剂）记录',
      request: { params: IdParam },
      responses: { 200: json(z.array(AdjustmentSchema), '调整记录，按时间先后'), ...problems(404) },
    }),
    async (c) => c.json(await f().listAdjustments(c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/budgets/{id}/adjustments',
      tags: ['follow'],
      summary: '录入一项经批准的预算调整（调剂）',
      description: '须以部门审核（本部门所属单位）或财政审核身份调用：调用者即批准人。调整后预算不得低于已支付合计，也不得为负；执行率按调整后预算计算，支付以调整后预算为指标控制。',
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: AdjustmentInputSchema } } } },
      responses: { 201: json(AdjustmentSchema, '已录入'), ...problems(404, 422) },
    }),
    async (c) => {
      const b = c.req.valid('json');
      return c.json(await f().addAdjustment(c.req.valid('param').id, { project: b.project, fen: b.fen, reason: b.reason }, actor(c)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/budgets/{id}/budget-control',
      tags: ['follow'],
      summary: '指标控制：各项目的预算、调整、已支付与剩余可用',
      request: { params: IdParam },
      responses: { 200: json(z.array(BudgetControlSchema), '按申报表顺序'), ...problems(404) },
    }),
    async (c) => {
      const states = await f().budgetControl(c.req.valid('param').id);
      return c.json(
        states.map((st) => ({
          formId: st.formId,
          name: st.name,
          budgetFen: st.budgetFen,
          adjustedFen: String(st.adjustedFen),
          paidFen: String(st.paidFen),
          remainingFen: remainingFen(st)?.toString() ?? null,
        })),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/budgets/{id}/payments/{paymentId}',
      tags: ['follow'],
      summary: '删除一笔支付',
      request: { params: IdParam.extend({ paymentId: z.coerce.number().int().positive() }) },
      responses: { 204: { description: '已删除' }, ...problems(404, 422) },
    }),
    async (c) => {
      const { id, paymentId } = c.req.valid('param');
      await f().deletePayment(id, paymentId, actor(c));
      return c.body(null, 204);
    },
  );

  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/api/v1/budgets/{id}/payments/import',
    tags: ['follow'],
    summary: '导入支付明细（CSV 或 XLSX；有一行出错则全部不导入）',
    description:
      '列：项目（名称或编号）、日期、金额(元) 或 金额(万元)，可选 凭证号、收款方。CSV 可为 UTF-8 或 GBK。replace=true 时先删除原有支付明细。' +
      '幂等：同一文件（内容 sha256 相同）已为该预算导入过时不再存储，仍答 200，alreadyImported 为 true、imported 为 0；force=true 时再次存储（replace=true 总是替换）。' +
      '该预算的支付合计超过 Number.MAX_SAFE_INTEGER 分时答 422，不写入任何内容。',
    request: {
      params: IdParam,
      query: ImportQuery,
      body: { content: { 'text/csv': { schema: z.string() }, 'multipart/form-data': { schema: z.object({ file: z.string().openapi({ format: 'binary' }) }) } } },
    },
    responses: { 200: json(PaymentsImportSchema, '已导入，或该文件已导入过（alreadyImported）'), ...problems(400, 404, 413, 422) },
  });
  app.post('/api/v1/budgets/:id/payments/import', async (c) => {
    const p = IdParam.safeParse({ id: c.req.param('id') });
    if (!p.success) throw validationError(p.error.issues, 'param');
    const { bytes, name } = await readUpload(c);
    if (bytes.length === 0) throw new FiscusError('INPUT_UNREADABLE', '请求体为空：应为一份支付明细文件', { file: name, line: 1 });
    const q = ImportQuery.safeParse(c.req.query());
    if (!q.success) throw validationError(q.error.issues, 'query');
    return c.json(await f().importPayments(p.data.id, bytes, name, { replace: q.data.replace === 'true', force: q.data.force === 'true', actor: actor(c) }), 200);
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/budgets/{id}/execution',
      tags: ['follow'],
      summary: '预算执行情况（按项目与部门，累计、计划、执行率、预测、预警）',
      request: { params: IdParam, query: AsOfQuery },
      responses: { 200: json(Report('Execution'), '执行情况'), ...problems(404, 422) },
    }),
    async (c) => c.json(await f().execution(c.req.valid('param').id, c.req.valid('query').asOf), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/budgets/{id}/monitoring',
      tags: ['follow'],
      summary: '绩效运行监控（双监控）',
      request: { params: IdParam, query: AsOfQuery },
      responses: { 200: json(Report('Monitoring'), '监控表'), ...problems(404, 422) },
    }),
    async (c) => c.json(await f().monitoring(c.req.valid('param').id, c.req.valid('query').asOf), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/budgets/{id}/monitoring',
      tags: ['follow'],
      summary: '填报一个项目（或部门整体）的监控情况，整体替换',
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: MonitoringPutSchema } } } },
      responses: { 200: json(Report('MonitoringAfterPut'), '重新计算的监控表'), ...problems(404, 422) },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const entries = b.entries.map((e) => ({
        idx: e.idx,
        actualToDate: nn(e.actualToDate) ?? null,
        likelihood: nn(e.likelihood) ?? null,
        reason: nn(e.reason) ?? null,
        action: nn(e.action) ?? null,
      }));
      return c.json(await f().saveMonitoring(c.req.valid('param').id, b.owner, entries, b.asOf, actor(c)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/budgets/{id}/evaluation',
      tags: ['follow'],
      summary: '年终绩效自评（得分、等级、待补充项）',
      request: { params: IdParam },
      responses: { 200: json(Report('EvaluationReport'), '自评'), ...problems(404) },
    }),
    async (c) => c.json(await f().evaluation(c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/budgets/{id}/evaluation',
      tags: ['follow'],
      summary: '填报一个项目的指标实际完成值，整体替换',
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: EvaluationPutSchema } } } },
      responses: { 200: json(Report('EvaluationAfterPut'), '重新计算的自评'), ...problems(404, 422) },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const actuals = b.actuals.map((a) => ({
        idx: a.idx,
        value: nn(a.value) ?? null,
        band: nn(a.band) ?? null,
        notApplicable: a.notApplicable ?? false,
        reason: nn(a.reason) ?? null,
        correction: nn(a.correction) ?? null,
      }));
      return c.json(await f().saveActuals(c.req.valid('param').id, b.owner, actuals, actor(c)), 200);
    },
  );

  for (const kind of ['monitoring', 'evaluation'] as const) {
    for (const format of ['html', 'xlsx', 'pdf'] as const) {
      app.openAPIRegistry.registerPath({
        method: 'get',
        path: `/api/v1/budgets/{id}/${kind}.${format}`,
        tags: ['follow'],
        summary: `${kind === 'monitoring' ? '绩效运行监控表' : '绩效自评报告'}（${format.toUpperCase()}）`,
        request: { params: IdParam, ...(kind === 'monitoring' ? { query: AsOfQuery } : {}) },
        responses: { 200: { description: format, content: { [EXPORT_TYPES[format]]: { schema: z.string().openapi({ format: 'binary' }) } } }, ...problems(404, 503) },
      });
      app.get(`/api/v1/budgets/:id/${kind}.${format}`, async (c) => {
        const p = IdParam.safeParse({ id: c.req.param('id') });
        if (!p.success) throw validationError(p.error.issues, 'param');
        const q = AsOfQuery.safeParse(c.req.query());
        if (!q.success) throw validationError(q.error.issues, 'query');
        const out =
          kind === 'monitoring'
            ? await renderFollowIsolated({ kind, report: await f().monitoring(p.data.id, q.data.asOf) }, format)
            : await renderFollowIsolated({ kind, report: await f().evaluation(p.data.id) }, format);
        const name = `${kind === 'monitoring' ? '绩效运行监控表' : '绩效自评报告'}-${p.data.id}.${format}`;
        const body = typeof out.body === 'string' ? out.body : new Uint8Array(out.body);
        return c.body(body, 200, {
          'content-type': out.contentType,
          'content-disposition': `${format === 'html' ? 'inline' : 'attachment'}; filename="${kind}-${p.data.id}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        });
      });
    }
  }
}
