/**
 * Budget against final accounts over the API (issue 15 item 3): `GET /api/v1/budgets/{id}/reconcile/{final}`
 * reconciles the stored budget `id` with the stored final account `final` of the same unit and year.
 * The route policy (app/route-policy.ts) authorises reading `id`; the handler asks the same of `final`.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { reconcileStored, toJsonReconcile } from '../app/reconcile.js';
import { requestUser } from '../app/route-policy.js';
import { workflowOf } from '../app/workflow.js';
import type { Workspace } from '../app/workspace.js';
import { IdParam, json, problems, VersionNumber } from './schemas.js';

const LocationSchema = z
  .object({
    section: z.string(),
    item: z.string().nullable(),
    field: z.string().nullable(),
    line: z.number().int().nullable(),
    page: z.number().int().nullable(),
    tableId: z.string().nullable().openapi({ description: '表格 id（t1、t2 …），GET /api/v1/budgets/{id}/tables/{table}' }),
    row: z.string().nullable().openapi({ description: '行 id' }),
    column: z.string().nullable().openapi({ description: '栏目键（total、basic …）' }),
    fact: z.string().nullable().openapi({ description: '说明中的数据键（comparison.budget、comparison.actual、comparison.completion-rate …）' }),
  })
  .openapi('ReconcileLocation');

const Side = z.object({ unit: z.string(), year: z.number().int(), kind: z.string(), displayUnit: z.string() });

export const ReconcileReportSchema = z
  .object({
    tool: z.object({ name: z.string(), version: z.string(), rules: z.number().int() }),
    budget: Side,
    finalAccount: Side,
    deviationPercent: z.number().openapi({ description: '决算数偏离预算数超过此百分比须说明原因' }),
    summary: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
    findings: z.array(
      z.object({
        rule: z.string().openapi({ example: 'REC-001' }),
        severity: z.enum(['error', 'warning', 'info']),
        category: z.string(),
        title: z.string(),
        message: z.string(),
        item: z.string().nullable().openapi({ description: '核对项目：function:2010601、general:total、three-public:total …' }),
        location: LocationSchema.nullable().openapi({ description: '在决算中的位置' }),
        budgetLocation: LocationSchema.nullable().openapi({ description: '在预算中的位置' }),
        expected: z.string().nullable(),
        actual: z.string().nullable(),
        difference: z.string().nullable(),
        unit: z.string().nullable(),
      }),
    ),
    notChecked: z.array(
      z.object({ rule: z.string(), title: z.string(), item: z.string().nullable(), reason: z.string(), location: LocationSchema.nullable(), budgetLocation: LocationSchema.nullable() }),
    ),
    lines: z.array(
      z.object({
        item: z.string(),
        kind: z.enum(['function', 'general-total', 'three-public', 'econ', 'operating-funds']),
        code: z.string().nullable(),
        name: z.string(),
        level: z.number().int().nullable(),
        budgetFen: z.number().int().nullable().openapi({ description: '预算数（分）；null 为未公开或未知' }),
        budgetUnknown: z.boolean(),
        statedBudgetFen: z.number().int().nullable().openapi({ description: '决算所列年初预算数（分）' }),
        adjustedFen: z.number().int().nullable().openapi({ description: '决算所列调整预算数（分）' }),
        finalFen: z.number().int().nullable().openapi({ description: '决算数（分）' }),
        finalUnknown: z.boolean(),
        deviationFen: z.number().int().nullable(),
        deviationPercent: z.string().nullable(),
        reason: z.string().nullable(),
        budgetLocation: LocationSchema.nullable(),
        finalLocation: LocationSchema.nullable(),
        statedLocation: LocationSchema.nullable(),
        adjustedLocation: LocationSchema.nullable(),
      }),
    ),
  })
  .openapi('ReconcileReport');

export function registerReconcileApi(app: OpenAPIHono, ws: Workspace): void {
  const flow = workflowOf(ws);
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/budgets/{id}/reconcile/{final}',
      tags: ['findings'],
      summary: '预算与决算核对：预算 id 与同一单位、同一年度的决算 final',
      description:
        '决算所列年初预算数（“三公”经费表“预算数”行、说明“年初预算为X万元”）与公开的预算逐项核对（REC-001）；决算数偏离预算数超过 deviation%（缺省 10）须在说明中写明原因（REC-002）；说明所列决算数、完成率与表格核对（REC-003、REC-004）。两份文件须可读（预算 id 由路由授权，决算 final 同样须可读，否则 404）；不是同一单位、同一年度的预算与决算时 422。金额为整数分。',
      request: {
        params: IdParam.extend({
          final: z
            .string()
            .regex(/^[A-Za-z0-9_-]{1,64}$/)
            .openapi({ param: { name: 'final', in: 'path' }, example: '2', description: '决算（部门决算或单位决算）的预算编号' }),
        }),
        query: z.object({
          deviation: z.coerce
            .number()
            .min(0)
            .max(1000)
            .optional()
            .openapi({ param: { name: 'deviation', in: 'query' }, description: '差异较大的阈值（预算数的百分比，缺省 10）' }),
          budgetVersion: VersionNumber.optional().openapi({ param: { name: 'budgetVersion', in: 'query' } }),
          finalVersion: VersionNumber.optional().openapi({ param: { name: 'finalVersion', in: 'query' } }),
        }),
      },
      responses: { 200: json(ReconcileReportSchema, '核对结果'), ...problems(401, 403, 404, 422) },
    }),
    async (c) => {
      const { id, final } = c.req.valid('param');
      const q = c.req.valid('query');
      await flow.authoriseOn(requestUser(c), 'read-draft', final);
      const report = await reconcileStored(ws, id, final, {
        ...(q.deviation !== undefined ? { deviationPercent: q.deviation } : {}),
        ...(q.budgetVersion !== undefined ? { budgetVersion: q.budgetVersion } : {}),
        ...(q.finalVersion !== undefined ? { finalVersion: q.finalVersion } : {}),
      });
      return c.json(toJsonReconcile(report) as z.infer<typeof ReconcileReportSchema>, 200);
    },
  );
}
