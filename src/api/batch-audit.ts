/**
 * Batch audits over the API (issue 14): a 财政审核 uploads many documents at once; they are checked by
 * the job queue's workers (`fiscus worker`, or the server itself on PGlite), and any server answers
 * the batch's progress and, once every document is checked, its report. Authorised by
 * app/route-policy.ts (batch-audit) before the handlers run.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { batchAuditReport, batchAuditStatus, MAX_BATCH_DOCUMENTS, renderBatchReport, submitBatchAudit } from '../app/batch-audit.js';
import { auditActor } from '../app/audit-log.js';
import { requestUser } from '../app/route-policy.js';
import type { Workspace } from '../app/workspace.js';
import { FiscusError } from '../domain/errors.js';
import { json, problems } from './schemas.js';

const BatchParam = z.object({ batch: z.string().openapi({ param: { name: 'batch', in: 'path' }, example: '1' }) });

export const BatchAuditStatusSchema = z
  .object({
    id: z.string(),
    state: z.enum(['queued', 'running', 'done']).openapi({ description: 'queued 排队中；running 检查中；done 已完成（可取报告）' }),
    total: z.number().int().openapi({ description: '文件数' }),
    done: z.number().int().openapi({ description: '已检查的文件数（任一服务器从数据库读出）' }),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    failOn: z.enum(['error', 'warning', 'never']),
  })
  .openapi('BatchAuditStatus');

/** Reads the uploaded documents: every `files` (or `file`) field of a multipart body. */
async function readFiles(c: { req: { header(n: string): string | undefined; formData(): Promise<FormData> } }): Promise<{ name: string; bytes: Uint8Array }[]> {
  if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data')) {
    throw new FiscusError('INPUT_INVALID', '批量审核的请求体应为 multipart/form-data，每份文件一个 files 字段', { field: 'files' }, 'multipart/form-data', c.req.header('content-type') ?? '');
  }
  const form = await c.req.formData().catch(() => {
    throw new FiscusError('INPUT_UNREADABLE', '无法读取 multipart/form-data 请求体', { field: 'files' });
  });
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const f of [...form.getAll('files'), ...form.getAll('file')]) {
    if (typeof f === 'string') throw new FiscusError('INPUT_INVALID', 'files 字段应为文件，实为文本', { field: 'files' });
    out.push({ name: f.name || `file-${out.length + 1}`, bytes: new Uint8Array(await f.arrayBuffer()) });
  }
  return out;
}

export function registerBatchAuditApi(app: OpenAPIHono, ws: Workspace): void {
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/api/v1/audits',
    tags: ['audits'],
    summary: '提交批量审核：上传多份文件，由任务队列的工作进程检查',
    description: `multipart/form-data，每份文件一个 files 字段（最多 ${MAX_BATCH_DOCUMENTS} 份）；failOn 为 error（缺省）、warning 或 never。立即返回 202 与批次状态；进度与报告见 GET /api/v1/audits/{batch} 与 /report。须为财政审核。`,
    request: {
      query: z.object({ failOn: z.enum(['error', 'warning', 'never']).optional() }),
      body: { content: { 'multipart/form-data': { schema: z.object({ files: z.array(z.string().openapi({ format: 'binary' })) }) } } },
    },
    responses: { 202: json(BatchAuditStatusSchema, '已排队'), ...problems(400, 401, 403, 413) },
  });
  app.post('/api/v1/audits', async (c) => {
    const files = await readFiles(c);
    const s = await submitBatchAudit(ws, files, { createdBy: auditActor(requestUser(c), 'api'), ...(c.req.query('failOn') ? { failOn: c.req.query('failOn')! } : {}) });
    c.header('Location', `/api/v1/audits/${s.id}`);
    return c.json(s, 202);
  });

  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/v1/audits/{batch}',
    tags: ['audits'],
    summary: '批量审核的状态与进度',
    request: { params: BatchParam },
    responses: { 200: json(BatchAuditStatusSchema, '状态'), ...problems(401, 403, 404) },
  });
  app.get('/api/v1/audits/:batch', async (c) => c.json(await batchAuditStatus(ws, c.req.param('batch')), 200));

  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/v1/audits/{batch}/report',
    tags: ['audits'],
    summary: '批量审核报告（JSON，或 format=csv|html）；未完成时 409',
    request: { params: BatchParam, query: z.object({ format: z.enum(['json', 'csv', 'html']).optional() }) },
    responses: { 200: json(z.object({}).passthrough(), '报告（与 fiscus audit -o report.json 相同的结构），每份文件一条'), ...problems(401, 403, 404, 409) },
  });
  app.get('/api/v1/audits/:batch/report', async (c) => {
    const format = c.req.query('format') ?? 'json';
    if (!['json', 'csv', 'html'].includes(format)) throw new FiscusError('INPUT_INVALID', `format 应为 json、csv 或 html，实为 ${JSON.stringify(format.slice(0, 40))}`, { field: 'format' });
    const r = await batchAuditReport(ws, c.req.param('batch'));
    if (format === 'json') return c.json(r, 200);
    const body = renderBatchReport(r, format as 'csv' | 'html');
    return c.body(body, 200, { 'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'text/html; charset=utf-8' });
  });
}
