/**
 * PDF packages of many budgets over the API (issue 14): a reviewer asks for the packages of several
 * budgets at once; the job queue's workers print them (`fiscus worker`, or the server itself on
 * PGlite), and any server answers the progress and, once every budget has its outcome, the ZIP.
 * Authorised by app/route-policy.ts (batch-audit), and each budget by the matrix (read-draft).
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { auditActor } from '../app/audit-log.js';
import { MAX_PACKAGE_BUDGETS, packageBatchStatus, packageBatchZip, submitPackageBatch } from '../app/package-batch.js';
import { requestUser } from '../app/route-policy.js';
import type { Workspace } from '../app/workspace.js';
import { FiscusError } from '../domain/errors.js';
import { json, problems } from './schemas.js';

const BatchParam = z.object({ batch: z.string().openapi({ param: { name: 'batch', in: 'path' }, example: '1' }) });

const PackageRequest = z
  .object({
    budgets: z.array(z.string()).openapi({ description: `预算 id（每个一次，最多 ${MAX_PACKAGE_BUDGETS} 个），按此顺序打包` }),
    appendix: z.enum(['findings', 'none']).optional().openapi({ description: 'findings（缺省）：附校验结果的审核版本；none：可公开版本' }),
  })
  .openapi('PackageRequest');

export const PackageBatchStatusSchema = z
  .object({
    id: z.string(),
    state: z.enum(['queued', 'running', 'done']).openapi({ description: 'queued 排队中；running 打印中；done 已完成（可下载 ZIP）' }),
    total: z.number().int(),
    done: z.number().int().openapi({ description: '已有结果的预算数（已打印或未能打印）' }),
    failed: z.number().int().openapi({ description: '未能打印的预算数（原因见 items[].error）' }),
    appendix: z.enum(['findings', 'none']),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    items: z.array(
      z.object({
        budget: z.string(),
        version: z.number().int(),
        name: z.string().openapi({ description: 'ZIP 中的文件名' }),
        state: z.enum(['pending', 'printed', 'failed']),
        error: z.object({ code: z.string(), message: z.string() }).nullable(),
      }),
    ),
  })
  .openapi('PackageBatchStatus');

export function registerPackagesApi(app: OpenAPIHono, ws: Workspace): void {
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/api/v1/packages',
    tags: ['exports'],
    summary: '批量打印 PDF 公开文件：多个预算，由任务队列的工作进程打印',
    description: '立即返回 202 与任务状态；进度见 GET /api/v1/packages/{batch}，完成后 GET /api/v1/packages/{batch}/download 下载 ZIP。每个预算须为当前用户可查看的。须为财政审核。',
    request: { body: { content: { 'application/json': { schema: PackageRequest } } } },
    responses: { 202: json(PackageBatchStatusSchema, '已排队'), ...problems(400, 401, 403, 404, 413) },
  });
  app.post('/api/v1/packages', async (c) => {
    const body: unknown = await c.req.json().catch(() => {
      throw new FiscusError('INPUT_UNREADABLE', '请求体应为 JSON：{"budgets": ["1", "2"], "appendix": "findings"}', { field: 'body' });
    });
    const p = PackageRequest.safeParse(body);
    if (!p.success) {
      throw new FiscusError(
        'INPUT_INVALID',
        `请求体应为 {"budgets": [预算 id…], "appendix": "findings" | "none"}：${p.error.issues
          .map((i) => `${i.path.join('.') || '（根）'} ${i.message}`)
          .join('；')
          .slice(0, 300)}`,
        { field: 'body' },
      );
    }
    const user = requestUser(c);
    const s = await submitPackageBatch(ws, p.data.budgets, { user, createdBy: auditActor(user, 'api'), ...(p.data.appendix ? { appendix: p.data.appendix } : {}) });
    c.header('Location', `/api/v1/packages/${s.id}`);
    return c.json(s, 202);
  });

  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/v1/packages/{batch}',
    tags: ['exports'],
    summary: 'PDF 批量打印任务的状态与进度',
    request: { params: BatchParam },
    responses: { 200: json(PackageBatchStatusSchema, '状态'), ...problems(401, 403, 404) },
  });
  app.get('/api/v1/packages/:batch', async (c) => c.json(await packageBatchStatus(ws, c.req.param('batch')), 200));

  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/v1/packages/{batch}/download',
    tags: ['exports'],
    summary: '下载 PDF 批量打印的 ZIP（每个预算一个 PDF，另附 打包说明.txt）；未完成时 409',
    request: { params: BatchParam },
    responses: { 200: { description: 'ZIP', content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } } }, ...problems(401, 403, 404, 409) },
  });
  app.get('/api/v1/packages/:batch/download', async (c) => {
    const id = c.req.param('batch');
    const zip = await packageBatchZip(ws, id);
    return c.body(new Uint8Array(zip), 200, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="packages-${encodeURIComponent(id)}.zip"; filename*=UTF-8''${encodeURIComponent(`PDF打包-${id}.zip`)}`,
    });
  });
}
