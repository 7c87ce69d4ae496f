/**
 * Comparisons over the API (issue 15 item 2), for integrators: a budget against its unit's previous
 * year, and the budgets of one year and kind side by side. Amounts are integer fen; percentages decimal
 * strings computed from exact integers. Authorised by app/route-policy.ts before the handlers run; a
 * comparison across departments covers only the budgets the caller may read, and mixing years or
 * budgets with final accounts is refused (422 INPUT_INVALID, naming the documents).
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { comparisonsOf, MAX_COMPARED, parseDepartmentQuery } from '../app/compare.js';
import { requestUser } from '../app/route-policy.js';
import type { Workspace } from '../app/workspace.js';
import { IdParam, problems } from './schemas.js';

const anyJson = (description: string) => ({ description, content: { 'application/json': { schema: z.object({}).passthrough() } } });

export function registerCompareApi(app: OpenAPIHono, ws: Workspace): void {
  const cmp = comparisonsOf(ws);

  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/v1/budgets/{id}/compare',
    tags: ['comparisons'],
    summary: '与上年比较：同一单位、同一种类的上一年度文件（或 with 指定的其他年度），逐表、逐科目',
    description:
      '每个比较表（收支总体、收入按来源、支出功能分类 类/款/项、经济分类、项目、“三公”经费与机关运行经费）逐行给出两年金额（整数分）、增减额与增减幅度（由精确整数算出、保留两位）；达到阈值（threshold）的变动若文字说明未述及增减，flag 为 unexplained，所述增减额与两年之差不符为 mismatch。找不到上年文件时 basis 为 prior-columns（只用本文件自列的上年数并注明）或 none。',
    request: {
      params: IdParam,
      query: z.object({
        with: z
          .string()
          .optional()
          .openapi({ param: { name: 'with', in: 'query' }, description: '与之比较的预算编号（同一单位、同一种类、不同年度）' }),
      }),
    },
    responses: { 200: anyJson('比较'), ...problems(404, 422) },
  });
  app.get('/api/v1/budgets/:id/compare', async (c) => {
    const w = c.req.query('with');
    const r = await cmp.year(requestUser(c), c.req.param('id'), w === undefined || w === '' ? undefined : w);
    return c.json({ ...r.view, others: r.others }, 200);
  });

  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/v1/comparisons',
    tags: ['comparisons'],
    summary: '部门间比较：同一年度、同一种类的文件按支出功能分类或经济分类并列，占比，“三公”经费与机关运行经费',
    description: `ids 为预算编号（逗号分隔，最多 ${MAX_COMPARED} 份），须为同一年度、同一种类，否则 422 INPUT_INVALID；不给 ids 时取调用者可读的 year 年 kind 全部文件（最多 ${MAX_COMPARED} 份）。documents 列出所比较、所相加的每一份文件。`,
    request: {
      query: z.object({
        year: z
          .string()
          .optional()
          .openapi({ param: { name: 'year', in: 'query' } }),
        kind: z
          .enum(['部门预算', '单位预算', '部门决算', '单位决算'])
          .optional()
          .openapi({ param: { name: 'kind', in: 'query' } }),
        by: z
          .enum(['function', 'econ'])
          .optional()
          .openapi({ param: { name: 'by', in: 'query' }, description: 'function 支出功能分类（缺省）或 econ 经济分类' }),
        level: z
          .string()
          .optional()
          .openapi({ param: { name: 'level', in: 'query' }, description: '1 类（缺省）、2 款、3 项（经济分类到款）' }),
        ids: z
          .string()
          .optional()
          .openapi({ param: { name: 'ids', in: 'query' } }),
        code: z
          .string()
          .optional()
          .openapi({ param: { name: 'code', in: 'query' }, description: '单独列出的科目编码' }),
      }),
    },
    responses: { 200: anyJson('比较'), ...problems(404, 422) },
  });
  app.get('/api/v1/comparisons', async (c) => {
    const q = parseDepartmentQuery(c.req.query());
    const r = await cmp.departments(requestUser(c), q);
    return c.json({ query: r.query, notes: r.notes, available: r.available, comparison: r.view }, 200);
  });
}
