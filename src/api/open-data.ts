/**
 * Open data over the API (issue 15 item 5), beside the other exports of a budget version:
 * `GET /api/v1/budgets/{id}/export.fdp` (the Fiscal Data Package, a ZIP) and
 * `GET /api/v1/budgets/{id}/export.csv?table=t7` (one table as the document prints it).
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { fdpFileIsolated, tableCsvFile, type OpenDataFile } from '../app/open-data.js';
import type { Workspace } from '../app/workspace.js';
import { validationError } from './problem.js';
import { IdParam, problems, VersionQuery } from './schemas.js';

const TableQuery = VersionQuery.extend({
  table: z
    .string()
    .min(1)
    .max(40)
    .openapi({ param: { name: 'table', in: 'query' }, description: '表格：编号（t7，见 GET /api/v1/budgets/{id}/tables）或文档印出的表号（7）', example: 't7' }),
});

/** The file as an attachment: an ASCII name for old clients and the readable one (RFC 6266 `filename*`). */
function attachment(c: Context, id: string, ext: string, f: OpenDataFile): Response {
  const body = typeof f.body === 'string' ? f.body : new Uint8Array(f.body);
  return c.body(body, 200, {
    'content-type': f.contentType,
    'content-disposition': `attachment; filename="budget-${id}.${ext}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
  });
}

/** Registers the open-data exports on the API. */
export function registerOpenDataApi(app: OpenAPIHono, ws: Workspace): void {
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/v1/budgets/{id}/export.fdp',
    tags: ['exports'],
    summary: '导出财政数据包（Fiscal Data Package，ZIP）',
    description:
      'ZIP：datapackage.json（Frictionless 表格数据包，含财政数据包 model：度量 amount 为人民币整数分，factor 0.01；维度：年度、预算阶段、收支方向、单位、支出功能分类类/款/项、经济分类类/款、表、行、列）、data/amounts.csv（全部金额，每行一个）与 tables/<编号>.csv（各表按公开文本的列与行）。见 docs/open-data.md。',
    request: { params: IdParam, query: VersionQuery },
    responses: { 200: { description: '财政数据包', content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } } }, ...problems(404, 422) },
  });
  app.get('/api/v1/budgets/:id/export.fdp', async (c) => {
    const p = IdParam.safeParse({ id: c.req.param('id') });
    if (!p.success) throw validationError(p.error.issues, 'param');
    const q = VersionQuery.safeParse(c.req.query());
    if (!q.success) throw validationError(q.error.issues, 'query');
    const doc = await ws.getDocument(p.data.id, q.data.version);
    return attachment(c, p.data.id, 'zip', await fdpFileIsolated(doc));
  });

  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/v1/budgets/{id}/export.csv',
    tags: ['exports'],
    summary: '导出一张表格为 CSV',
    description: '按公开文本的列、列标题与行；金额为该表金额单位（元或万元）的精确小数，无千分位；UTF-8，带字节顺序标记。全部表格见 export.fdp。',
    request: { params: IdParam, query: TableQuery },
    responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...problems(404, 422) },
  });
  app.get('/api/v1/budgets/:id/export.csv', async (c) => {
    const p = IdParam.safeParse({ id: c.req.param('id') });
    if (!p.success) throw validationError(p.error.issues, 'param');
    const q = TableQuery.safeParse(c.req.query());
    if (!q.success) throw validationError(q.error.issues, 'query');
    const doc = await ws.getDocument(p.data.id, q.data.version);
    return attachment(c, p.data.id, 'csv', tableCsvFile(doc, q.data.table));
  });
}
