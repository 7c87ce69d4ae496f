/**
 * The HTTP API (`/api/v1`): budgets, versions, tables, findings, project forms (read and edit),
 * differences, aggregates and exports, described by OpenAPI 3.1 at `/openapi.json`.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Context, MiddlewareHandler } from 'hono';
import { summarize, type Finding, type Workspace, type ProjectFormPatch } from '../app/workspace.js';
import { FiscusError } from '../domain/errors.js';
import { parsePool } from '../app/isolation/pool.js';
import { bodyTooLarge, bytesText, DEFAULT_LIMITS, limitsWith, type BodyLimits, type Limits } from '../app/limits.js';
import type { Table } from '../domain/model.js';
import { problemResponse, validationError } from './problem.js';
import {
  AggregateResponseSchema,
  BudgetDetailSchema,
  ListedBudgetSchema,
  DiffSchema,
  EditResultSchema,
  EXPORT_TYPES,
  FindingsResponseSchema,
  IdParam,
  json,
  problems,
  ProjectPatchSchema,
  ProjectResponseSchema,
  ProjectSummarySchema,
  StoredVersionSchema,
  AuditEntrySchema,
  TableSchema,
  VersionInfoSchema,
  VersionNumber,
  VersionQuery,
  ExportQuery,
  VersionResponseSchema,
  type ProjectPatchIn,
} from './schemas.js';
import { docsPage } from './docs-page.js';
import { accountsOf, authorOf, bearerUser, oneTreePerRequest, SESSION_COOKIE } from '../app/accounts.js';
import { readOncePerRequest } from '../app/request-reads.js';
import { getCookie } from 'hono/cookie';
import { auditActor, auditLogOf } from '../app/audit-log.js';
import { authoriseRoutes, requestUser } from '../app/route-policy.js';
import { workflowOf } from '../app/workflow.js';
import { registerWorkflowApi } from './workflow.js';
import { stagingOf } from '../app/staged-import.js';
import { registerFollowApi } from './follow.js';
import { registerCompareApi } from './compare.js';
import { registerOpenDataApi } from './open-data.js';
import { registerBatchAuditApi } from './batch-audit.js';
import { registerReconcileApi } from './reconcile.js';
import { registerPackagesApi } from './packages.js';
import { stallMonitor } from '../app/stall-monitor.js';

/** Largest accepted document import (limits.body.import; a disclosure text is about 200 KB). */
export const MAX_UPLOAD_BYTES = DEFAULT_LIMITS.body.import;

/** Which body limit an API request falls under (null: it has no body to limit). */
export function apiBodyKind(method: string, path: string): keyof BodyLimits | null {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return null;
  if (method === 'POST' && /^\/api\/v1\/budgets\/?$/.test(path)) return 'import';
  if (method === 'POST' && /^\/api\/v1\/audits\/?$/.test(path)) return 'batch';
  if (/\/payments\/import\/?$/.test(path)) return 'payments';
  if (method === 'PATCH') return 'patch';
  return 'json';
}

/**
 * Renders a budget version as a downloadable document with the version's stored findings as its
 * appendix, or without it (null: the publishable package), wired to the report use case by the caller.
 */
export type Exporter = (doc: import('../domain/model.js').BudgetDocument, format: 'html' | 'xlsx' | 'pdf', findings: Finding[] | null) => Promise<{ body: Uint8Array | string; contentType: string }>;

export interface ApiOptions {
  /** The limits on request bodies (default DEFAULT_LIMITS). */
  limits?: Limits;
  /** Overrides `limits.body.import`. */
  maxUploadBytes?: number;
  /** Produces HTML/XLSX/PDF exports; when absent those formats answer 503 DEPENDENCY_MISSING. */
  exporter?: Exporter;
}

/**
 * The request's edit as the app's `FormEdit`: which line each submitted line replaces (`replaces`,
 * else its `src`, else its position) and so its provenance is decided by `editForm` (app/form-edit.ts),
 * the same for the web.
 */
export function toFormEdit(p: ProjectPatchIn): ProjectFormPatch {
  const { baseVersion: _base, author: _author, ...edit } = p;
  return edit;
}

/**
 * The author recorded on a version an API request makes: the token's user when there is one (what
 * the request claims is then ignored), else the claimed author (`author` in the body, then the
 * `X-Fiscus-Author` header), else `api`.
 */
export function apiAuthor(c: Context, claimed?: string): string {
  const u = requestUser(c);
  return u ? authorOf(u) : (claimed ?? c.req.header('x-fiscus-author') ?? 'api');
}

/** Who the audit log names for a write through the API: the token's user, else `api` (never what the request claims). */
export function apiActor(c: Context): string {
  return auditActor(requestUser(c), 'api');
}

/** A percent-encoded file name of Content-Disposition; INPUT_UNREADABLE (400) for a bad escape such as `%E4%ZZ`. */
export function decodeFileName(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    const found = encoded.length > 80 ? `${encoded.slice(0, 80)}…` : encoded;
    throw new FiscusError(
      'INPUT_UNREADABLE',
      `Content-Disposition 的 filename*= 应为百分号编码的 UTF-8 文件名，实为 ${JSON.stringify(found)}`,
      { field: 'content-disposition' },
      'percent-encoded UTF-8',
      found,
    );
  }
}

/** Reads the uploaded bytes and a file name from a raw body or a multipart `file` field. */
async function readUpload(c: Context): Promise<{ bytes: Uint8Array; name: string }> {
  const type = c.req.header('content-type') ?? '';
  const nameFromQuery = c.req.query('name');
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.formData().catch(() => {
      throw new FiscusError('INPUT_UNREADABLE', '请求体应为带 file 字段的 multipart/form-data，但无法读取');
    });
    const file = form.get('file');
    if (!file || typeof file === 'string') {
      throw new FiscusError('INPUT_UNREADABLE', 'multipart 请求体缺少 file 字段（要导入的文件）', { field: 'file' });
    }
    return { bytes: new Uint8Array(await file.arrayBuffer()), name: nameFromQuery ?? (file.name || 'upload') };
  }
  const disposition = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(c.req.header('content-disposition') ?? '')?.[1];
  const name = nameFromQuery ?? (disposition ? decodeFileName(disposition) : type.includes('json') ? 'upload.json' : 'upload.txt');
  return { bytes: new Uint8Array(await c.req.arrayBuffer()), name };
}

/** Builds the API app. Mount it at the root: its routes carry the `/api/v1` prefix themselves. */
export function createApi(ws: Workspace, opts: ApiOptions = {}): OpenAPIHono {
  const limits = opts.maxUploadBytes ? limitsWith({ body: { import: opts.maxUploadBytes } }, opts.limits) : (opts.limits ?? DEFAULT_LIMITS);
  const maxUpload = limits.body.import;
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) return problemResponse(c, validationError(result.error.issues, result.target));
      return undefined;
    },
  });
  app.onError((err, c) => problemResponse(c, err));
  // The organisation tree is read once for a request (its user's organisation, the permission matrix), and a
  // read-only request reads a budget's record once (its permission check and its answer: request-reads.ts).
  app.use('/api/*', (c, next) => oneTreePerRequest(() => readOncePerRequest(c.req.method, next)));

  // Every body is limited by the kind of route that reads it, before anything reads it.
  app.use('/api/*', (async (c, next) => {
    const kind = apiBodyKind(c.req.method, c.req.path);
    if (!kind) return next();
    const max = limits.body[kind];
    return bodyLimit({ maxSize: max, onError: (c) => problemResponse(c, bodyTooLarge(kind, max)) })(c, next);
  }) satisfies MiddlewareHandler);

  // The caller: an API token (`Authorization: Bearer`); a wrong one is 401, none is the public.
  const accounts = accountsOf(ws);
  app.use('/api/*', (async (c, next) => {
    const authorization = c.req.header('authorization');
    let user = await bearerUser(accounts, authorization);
    // The web app's own links (downloads of a budget's package, the monitoring and evaluation
    // reports) are API reads: without a token, a GET carries the signed-in web user's session. Never a
    // write (that needs a token: a cookie is sent by the browser on its own).
    if (!user && authorization === undefined && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
      const session = getCookie(c, SESSION_COOKIE);
      if (session !== undefined) user = await accounts.sessionUser(session);
    }
    c.set('user' as never, user as never);
    await next();
  }) satisfies MiddlewareHandler);
  // Every route asks the permission matrix (app/route-policy.ts) before its handler runs.
  app.use('/api/*', authoriseRoutes(ws, { owns: () => true }));
  const flow = workflowOf(ws);
  const staging = stagingOf(ws);
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'fiscus token add <用户名> 生成的 API 令牌（fiscus_…）。未带令牌时只能读取已公开的预算列表；其余操作按角色与所属机构授权（401 未登录，403 无权，404 不存在或不可见）',
  });

  registerWorkflowApi(app, ws);
  registerBatchAuditApi(app, ws);
  registerReconcileApi(app, ws);
  registerPackagesApi(app, ws);

  // Upload: documented through the registry because the body is a raw document in any of several
  // media types, which the zod validators would otherwise try to parse.
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/api/v1/budgets',
    tags: ['budgets'],
    summary: '上传并导入一份预算公开文本（文本、PDF 文本、规范 JSON）',
    description: `原始请求体或 multipart/form-data 的 file 字段；不超过 ${bytesText(maxUpload)}（limits.body.import）。须以经办身份（本单位）调用。同一单位、年度、类型已有预算时，须加 replace=true 确认作为新版本（草稿），否则 409 并说明与最新版本的差异，不写入任何内容。`,
    request: {
      query: z.object({
        name: z.string().optional().openapi({ description: '文件名（用于报错信息）' }),
        replace: z.enum(['true', 'false']).optional().openapi({ description: '已有预算时确认作为新版本导入' }),
      }),
      body: {
        content: {
          'text/plain': { schema: z.string() },
          'application/json': { schema: z.object({}).passthrough() },
          'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
          'multipart/form-data': { schema: z.object({ file: z.string().openapi({ format: 'binary' }) }) },
        },
      },
    },
    responses: { 201: json(StoredVersionSchema, '已导入'), 200: json(StoredVersionSchema, '已作为新版本导入'), ...problems(400, 401, 403, 409, 413, 422) },
  });
  app.post('/api/v1/budgets', async (c) => {
    const { bytes, name } = await readUpload(c);
    if (bytes.length === 0) throw new FiscusError('INPUT_UNREADABLE', '请求体为空：应为一份预算文件', { file: name, line: 1 });
    const u = requestUser(c);
    // The route policy let only a signed-in 经办 this far.
    if (!u) throw new FiscusError('UNAUTHENTICATED', '请先登录');
    const r = await staging.upload(u, bytes, name, c.req.query('replace') === 'true' ? 'add' : 'refuse');
    if (r.kind !== 'stored') throw new FiscusError('INTERNAL', '上传未能导入');
    const stored = r.stored;
    c.header('Location', `/api/v1/budgets/${stored.budgetId}`);
    return c.json(stored, stored.created ? 201 : 200);
  });

  // Liveness: answers without touching the database or the parser threads (a probe during a
  // hostile upload must not wait for it).
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/health',
      tags: ['service'],
      summary: '服务存活探测',
      responses: {
        200: json(
          z.object({
            status: z.literal('ok'),
            parsesWaiting: z.number().int().openapi({ description: '排队等待读取线程的文件数（超过 limits.worker.queue 时新的上传返回 503 BUSY）' }),
            eventLoop: z
              .object({ maxMs: z.number().int(), p99Ms: z.number().int(), stalls: z.number().int() })
              .openapi({ description: '服务线程自启动以来的阻塞：最长（毫秒）、第 99 百分位延迟（毫秒）、超过 FISCUS_STALL_LOG_MS 的次数（每次记入日志，附当时在处理的请求）' }),
          }),
          '服务在运行',
        ),
      },
    }),
    (c) => c.json({ status: 'ok' as const, parsesWaiting: parsePool().queued, eventLoop: stallMonitor().figures() }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/budgets',
      tags: ['budgets'],
      summary: '预算列表（最新版本与审核发现数）',
      responses: { 200: json(z.array(ListedBudgetSchema), '预算列表') },
    }),
    async (c) => c.json(await flow.listFor(requestUser(c), await ws.listBudgets()), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/budgets/{id}',
      tags: ['budgets'],
      summary: '一份预算及其版本',
      request: { params: IdParam },
      responses: { 200: json(BudgetDetailSchema, '预算'), ...problems(404) },
    }),
    async (c) => c.json(await ws.getBudget(c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/budgets/{id}/versions',
      tags: ['versions'],
      summary: '版本列表（从旧到新）',
      request: { params: IdParam },
      responses: { 200: json(z.array(VersionInfoSchema), '版本'), ...problems(404) },
    }),
    async (c) => c.json(await ws.listVersions(c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/budgets/{id}/versions/{v}',
      tags: ['versions'],
      summary: '某一版本的规范文档',
      request: { params: IdParam.extend({ v: VersionNumber.openapi({ param: { name: 'v', in: 'path' } }) }) },
      responses: { 200: json(VersionResponseSchema, '版本与文档'), ...problems(404) },
    }),
    async (c) => {
      const { id, v } = c.req.valid('param');
      const info = (await ws.listVersions(id)).find((x) => x.n === v);
      if (!info) throw new FiscusError('NOT_FOUND', `预算 ${id} 没有第 ${v} 版`);
      return c.json({ info, document: await ws.getDocument(id, v) }, 200);
    },
  );

  // Every table carries its stable id ("t3"); documents stored before ids existed get `t${index + 1}`.
  const withIds = (tables: Table[]): Table[] => tables.map((t, i) => (t.id ? t : { ...t, id: `t${i + 1}` }));

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/budgets/{id}/tables',
      tags: ['tables'],
      summary: '公开表格（按原文顺序，每张表有稳定的 id，如 t3；深圳格式的表14 见文档 departmentTargets）',
      request: { params: IdParam, query: VersionQuery },
      responses: { 200: json(z.array(TableSchema), '表格'), ...problems(404) },
    }),
    async (c) => c.json(withIds(await ws.getTables(c.req.valid('param').id, c.req.valid('query').version)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/budgets/{id}/tables/{table}',
      tags: ['tables'],
      summary: '一张公开表格：按 id（t3），或按原文印的表号（7）',
      request: {
        params: IdParam.extend({
          table: z
            .string()
            .regex(/^(t\d{1,3}|\d{1,2})$/)
            .openapi({ param: { name: 'table', in: 'path' }, example: 't3', description: '表格 id（t1、t2 … 按原文顺序），或原文印的表号' }),
        }),
        query: VersionQuery,
      },
      responses: { 200: json(TableSchema, '表格'), ...problems(404) },
    }),
    async (c) => {
      const { id, table } = c.req.valid('param');
      const tables = withIds(await ws.getTables(id, c.req.valid('query').version));
      const t = /^\d+$/.test(table) ? tables.find((x) => x.no === Number(table)) : tables.find((x) => x.id === table);
      if (!t) throw new FiscusError('NOT_FOUND', `预算 ${id} 没有表格 ${table}`);
      return c.json(t, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/budgets/{id}/findings',
      tags: ['findings'],
      summary: '审核发现',
      request: {
        params: IdParam,
        query: VersionQuery.extend({
          severity: z
            .enum(['error', 'warning', 'info'])
            .optional()
            .openapi({ param: { name: 'severity', in: 'query' } }),
        }),
      },
      responses: { 200: json(FindingsResponseSchema, '审核发现'), ...problems(404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      const version = q.version ?? (await ws.getBudget(id)).latestVersion;
      const all = await ws.getFindings(id, version);
      const findings = q.severity ? all.filter((f) => f.severity === q.severity) : all;
      return c.json({ budgetId: id, version, summary: summarize(all), findings }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/budgets/{id}/projects',
      tags: ['projects'],
      summary: '项目绩效目标申报表列表',
      request: { params: IdParam, query: VersionQuery },
      responses: { 200: json(z.object({ budgetId: z.string(), version: z.number().int(), projects: z.array(ProjectSummarySchema) }), '项目'), ...problems(404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const version = c.req.valid('query').version ?? (await ws.getBudget(id)).latestVersion;
      const [doc, findings] = await Promise.all([ws.getDocument(id, version), ws.getFindings(id, version)]);
      const projects = doc.projectForms.map((f) => ({
        id: f.id,
        name: f.name,
        parentProject: f.parentProject,
        totalFen: f.amounts.total?.fen ?? null,
        findings: summarize(findings.filter((x) => x.location.form === f.id)),
      }));
      return c.json({ budgetId: id, version, projects }, 200);
    },
  );

  const FormParam = IdParam.extend({
    formId: z
      .string()
      .min(1)
      .max(100)
      .openapi({ param: { name: 'formId', in: 'path' } }),
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/budgets/{id}/projects/{formId}',
      tags: ['projects'],
      summary: '一张项目绩效目标申报表及其审核发现',
      request: { params: FormParam, query: VersionQuery },
      responses: { 200: json(ProjectResponseSchema, '项目'), ...problems(404) },
    }),
    async (c) => {
      const { id, formId } = c.req.valid('param');
      const version = c.req.valid('query').version ?? (await ws.getBudget(id)).latestVersion;
      const [doc, findings] = await Promise.all([ws.getDocument(id, version), ws.getFindings(id, version)]);
      const form = doc.projectForms.find((f) => f.id === formId);
      if (!form) throw new FiscusError('NOT_FOUND', `预算 ${id} 没有项目申报表 ${formId}`);
      c.header('ETag', `"v${version}"`);
      return c.json({ budgetId: id, version, form, findings: findings.filter((f) => f.location.form === formId) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/budgets/{id}/projects/{formId}',
      tags: ['projects'],
      summary: '修改项目申报表（测算明细、资金支出进度、绩效指标、金额），生成新版本并重新审核',
      description: '列表整体替换；金额为整数分。baseVersion 不是最新版本时返回 409，不写入任何内容。',
      request: { params: FormParam, body: { required: true, content: { 'application/json': { schema: ProjectPatchSchema } } } },
      responses: { 200: json(EditResultSchema, '新版本与审核发现'), ...problems(400, 404, 409, 422) },
    }),
    async (c) => {
      const { id, formId } = c.req.valid('param');
      const body = c.req.valid('json');
      // The edit names an unknown form NOT_FOUND once its base is known to be the latest (a stale base is
      // refused first, whatever it names): no read of the latest version here, one statement fewer.
      const stored = await ws.editProjectForm(id, body.baseVersion, formId, toFormEdit(body), apiAuthor(c, body.author), apiActor(c));
      const findings = await ws.getFindings(id, stored.version);
      return c.json({ budgetId: id, version: stored.version, baseVersion: body.baseVersion, summary: stored.findings, findings }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/budgets/{id}/diff',
      tags: ['versions'],
      summary: '两个版本之间的差异',
      request: {
        params: IdParam,
        query: z.object({
          a: VersionNumber.openapi({ param: { name: 'a', in: 'query' } }),
          b: VersionNumber.openapi({ param: { name: 'b', in: 'query' } }),
        }),
      },
      responses: { 200: json(DiffSchema, '差异'), ...problems(404, 422) },
    }),
    async (c) => {
      const { a, b } = c.req.valid('query');
      return c.json(await ws.diffVersions(c.req.valid('param').id, a, b), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/budgets/{id}/audit',
      tags: ['versions'],
      summary: '预算的操作记录（审计日志中该预算的记录，从旧到新）',
      description: '导入、修改、支付、监控与自评，每条带操作人、时间与哈希链（fiscus log verify 校验整条链）。',
      request: {
        params: IdParam,
        query: z.object({
          limit: z.coerce
            .number()
            .int()
            .min(1)
            .max(1000)
            .optional()
            .openapi({ param: { name: 'limit', in: 'query' }, description: '最多条数（默认 100）' }),
          after: z.coerce
            .number()
            .int()
            .min(0)
            .optional()
            .openapi({ param: { name: 'after', in: 'query' }, description: '只列编号大于此值的记录（翻页）' }),
        }),
      },
      responses: { 200: json(z.array(AuditEntrySchema), '操作记录'), ...problems(404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      await ws.getBudget(id);
      return c.json(await auditLogOf(ws).budgetHistory(id, { ...(q.limit !== undefined ? { limit: q.limit } : {}), ...(q.after !== undefined ? { afterId: q.after } : {}) }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/aggregates',
      tags: ['aggregates'],
      summary: '跨单位汇总：每行一个年度、一种文件（预算或决算）、一个分组（各文件取最新版本）',
      description:
        'by=function（一般公共预算支出功能分类表“合计”，level 1 类 / 2 款 / 3 项）、econ（基本支出经济分类表“合计”，level 1 类 / 2 款）、department（主管部门，按机构树）、unit、year（功能分类表各类之和，即一般公共预算支出）、project（项目支出表）。不同年度、预算与决算从不相加：每行写明所加的年度、种类与文件数。金额为整数分。',
      request: {
        query: z.object({
          by: z.enum(['function', 'econ', 'department', 'unit', 'project', 'year']).openapi({ param: { name: 'by', in: 'query' } }),
          level: z.coerce
            .number()
            .int()
            .min(1)
            .max(3)
            .optional()
            .openapi({ param: { name: 'level', in: 'query' }, description: '分类级次：1 类（默认）、2 款、3 项（经济分类到款）' }),
          year: z.coerce
            .number()
            .int()
            .min(1990)
            .max(2100)
            .optional()
            .openapi({ param: { name: 'year', in: 'query' } }),
          kind: z
            .enum(['部门预算', '单位预算', '部门决算', '单位决算'])
            .optional()
            .openapi({ param: { name: 'kind', in: 'query' } }),
          unit: z
            .string()
            .min(1)
            .max(200)
            .optional()
            .openapi({ param: { name: 'unit', in: 'query' } }),
          department: z.coerce
            .number()
            .int()
            .min(1)
            .max(2_147_483_647)
            .optional()
            .openapi({ param: { name: 'department', in: 'query' }, description: '主管部门的机构编号：只汇总该部门及其所属单位' }),
          ids: z
            .enum(['true', 'false'])
            .optional()
            .openapi({ param: { name: 'ids', in: 'query' }, description: 'true：每行列出所加文件的预算编号' }),
        }),
      },
      responses: { 200: json(AggregateResponseSchema, '汇总'), ...problems(422) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await ws.aggregate({
        by: q.by,
        ...(q.level !== undefined ? { level: q.level } : {}),
        ...(q.year !== undefined ? { year: q.year } : {}),
        ...(q.kind !== undefined ? { kind: q.kind } : {}),
        ...(q.unit !== undefined ? { unitName: q.unit } : {}),
        ...(q.department !== undefined ? { departmentId: q.department } : {}),
        ...(q.ids === 'true' ? { withIds: true } : {}),
      });
      const classed = q.by === 'function' || q.by === 'econ';
      return c.json({ by: q.by, level: classed ? (q.level ?? 1) : null, year: q.year ?? null, kind: q.kind ?? null, unit: q.unit ?? null, department: q.department ?? null, rows }, 200);
    },
  );

  for (const format of ['json', 'html', 'xlsx', 'pdf'] as const) {
    app.openAPIRegistry.registerPath({
      method: 'get',
      path: `/api/v1/budgets/{id}/export.${format}`,
      tags: ['exports'],
      summary: `导出为 ${format.toUpperCase()}`,
      request: { params: IdParam, query: ExportQuery },
      responses: { 200: { description: format, content: { [EXPORT_TYPES[format]]: { schema: z.string().openapi({ format: 'binary' }) } } }, ...problems(404, 503) },
    });
    app.get(`/api/v1/budgets/:id/export.${format}`, async (c) => {
      const p = IdParam.safeParse({ id: c.req.param('id') });
      if (!p.success) throw validationError(p.error.issues, 'param');
      const q = ExportQuery.safeParse(c.req.query());
      if (!q.success) throw validationError(q.error.issues, 'query');
      const doc = await ws.getDocument(p.data.id, q.data.version);
      const base = `${doc.unit.name}-${doc.year}-${doc.kind}`;
      const disposition = (ext: string) => `attachment; filename="budget-${p.data.id}.${ext}"; filename*=UTF-8''${encodeURIComponent(`${base}.${ext}`)}`;
      if (format === 'json') {
        return c.body(JSON.stringify(doc, null, 2), 200, { 'content-type': 'application/json; charset=utf-8', 'content-disposition': disposition('json') });
      }
      if (!opts.exporter) throw new FiscusError('DEPENDENCY_MISSING', `本服务器不能导出 ${format.toUpperCase()}（未配置导出组件）`);
      // appendix=none: the publishable package, as the public portal serves it (no findings appendix).
      const out = await opts.exporter(doc, format, q.data.appendix === 'none' ? null : await ws.getFindings(p.data.id, q.data.version));
      const body = typeof out.body === 'string' ? out.body : new Uint8Array(out.body);
      return c.body(body, 200, { 'content-type': out.contentType, 'content-disposition': disposition(format) });
    });
  }

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'fiscus API',
      version: '0.1.0',
      description: '部门预算与绩效管理 HTTP API。金额一律为整数分（fen）；错误为 application/problem+json。',
    },
    servers: [{ url: '/' }],
  });
  app.get('/docs', (c) => c.html(docsPage()));
  registerFollowApi(app, ws);
  registerCompareApi(app, ws);
  registerOpenDataApi(app, ws);
  // Unknown API paths answer in the API's own error format rather than the web app's page.
  app.all('/api/*', (c) => problemResponse(c, new FiscusError('NOT_FOUND', `没有这个 API 操作：${c.req.method} ${new URL(c.req.url).pathname}`)));
  return app;
}
