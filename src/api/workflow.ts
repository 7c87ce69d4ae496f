/**
 * The approval workflow over the API (issue 13): a budget's transitions and waiver register, and the
 * transitions themselves. Authorised by app/route-policy.ts before the handlers run; the workflow
 * checks again what the route cannot know (the state, the version, unwaived errors).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requestUser as userOf } from '../app/route-policy.js';
import { workflowOf } from '../app/workflow.js';
import type { Workspace } from '../app/workspace.js';
import { TRANSITION_ACTIONS, TRANSITIONS, waiverKey, waiverLive } from '../domain/workflow.js';
import { IdParam, json, problems, TransitionBodySchema, TransitionResultSchema, TransitionSchema, WaiverBodySchema, WaiverRegisterSchema } from './schemas.js';

export function registerWorkflowApi(app: OpenAPIHono, ws: Workspace): void {
  const flow = workflowOf(ws);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/budgets/{id}/transitions',
      tags: ['workflow'],
      summary: '审批记录（提交、退回、审核、批复、公开：谁、何时、为何）',
      request: { params: IdParam },
      responses: { 200: json(z.array(TransitionSchema), '审批记录，按时间先后'), ...problems(401, 404) },
    }),
    async (c) => c.json(await flow.history(c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/budgets/{id}/transitions/{action}',
      tags: ['workflow'],
      summary: '审批操作：submit 提交、return 退回（须理由）、review 部门审核通过、approve 财政批复、publish 公开',
      description: `${TRANSITION_ACTIONS.map((a) => `${a}：${TRANSITIONS[a].label}`).join('；')}。version 须为最新版本（否则 409）；状态不允许时 409；提交时仍有未修正且未豁免的错误则 422。`,
      request: {
        params: IdParam.extend({ action: z.enum(TRANSITION_ACTIONS).openapi({ param: { name: 'action', in: 'path' } }) }),
        body: { required: true, content: { 'application/json': { schema: TransitionBodySchema } } },
      },
      responses: { 200: json(TransitionResultSchema, '新的状态'), ...problems(401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { id, action } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(await flow.transition(userOf(c), id, action, body.version, body.reason ?? null), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/budgets/{id}/waivers',
      tags: ['workflow'],
      summary: '豁免登记，及最新版本的错误与其是否已豁免',
      request: { params: IdParam },
      responses: { 200: json(WaiverRegisterSchema, '豁免登记'), ...problems(401, 404) },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const [waivers, findings] = await Promise.all([flow.waivers(id), ws.getFindings(id)]);
      const now = new Date();
      const live = new Set(waivers.filter((w) => waiverLive(w, now)).map((w) => w.key));
      const errors = findings.filter((f) => f.severity === 'error').map((f) => ({ key: waiverKey(f), rule: f.rule, message: f.message, waived: live.has(waiverKey(f)) }));
      return c.json({ waivers, errors }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/budgets/{id}/waivers',
      tags: ['workflow'],
      summary: '豁免最新版本的一个错误（须理由，可设有效期）',
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: WaiverBodySchema } } } },
      responses: { 201: json(z.object({ id: z.number().int() }), '豁免编号'), ...problems(401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const b = c.req.valid('json');
      return c.json({ id: await flow.waive(userOf(c), c.req.valid('param').id, b.key, b.reason, b.expires ?? null) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/budgets/{id}/waivers/{waiver}/revoke',
      tags: ['workflow'],
      summary: '撤销一项豁免',
      request: {
        params: IdParam.extend({
          waiver: z.coerce
            .number()
            .int()
            .positive()
            .max(2_147_483_647)
            .openapi({ param: { name: 'waiver', in: 'path' } }),
        }),
      },
      responses: { 204: { description: '已撤销' }, ...problems(401, 403, 404) },
    }),
    async (c) => {
      const p = c.req.valid('param');
      await flow.revokeWaiver(userOf(c), p.id, p.waiver);
      return c.body(null, 204);
    },
  );
}
