/**
 * Open data over HTTP (issue 15 item 5): the API's `export.fdp` and `export.csv?table=`, described in
 * the OpenAPI document; the public portal's `budget.fdp.zip` and `<table>.csv` downloads of a
 * published budget, and the links to them on the portal's and the working pages. Status, media type,
 * file name and the ZIP's contents: the descriptor and the CSV files reports/fdp makes of the stored
 * version, byte for byte.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import JSZip from 'jszip';
import { workflowOf } from '../../src/app/workflow.js';
import { openWorkspace, type Workspace } from '../../src/app/workspace.js';
import { createHttpApp } from '../../src/cli/http-app.js';
import type { BudgetDocument } from '../../src/domain/model.js';
import { fiscalDataPackage, tableCsv, tableViews } from '../../src/reports/fdp/package.js';
import { requester, setupDistrict, type District } from '../support/district.js';

const SAMPLE = readFileSync(resolve(import.meta.dirname, '../../samples/shenzhen-futian-data-center-2021-dept-budget.txt'));

/** The ZIP's files, and that they are the package reports/fdp makes of `doc`. */
async function assertPackageOf(res: Response, doc: BudgetDocument, what: string): Promise<void> {
  assert.equal(res.status, 200, what);
  assert.equal(res.headers.get('content-type'), 'application/zip', what);
  assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="budget-\d+(-v1)?\.zip"; filename\*=UTF-8''.+\.zip$/, what);
  assert.ok(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(res.headers.get('content-disposition')!)![1]!).endsWith('深圳市福田区数据管理中心-2021年部门预算-财政数据包.zip'), what);
  const zip = await JSZip.loadAsync(new Uint8Array(await res.arrayBuffer()));
  const want = fiscalDataPackage(doc);
  const files = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  assert.deepEqual(files.sort(), ['datapackage.json', ...want.files.map((f) => f.path)].sort(), `${what}: the ZIP's files`);
  const descriptor = JSON.parse(await zip.file('datapackage.json')!.async('string')) as { profile: string; model: { measures: Record<string, { currency: string; factor: number }> } };
  assert.deepEqual(descriptor, JSON.parse(JSON.stringify(want.descriptor)), `${what}: the descriptor`);
  assert.equal(descriptor.model.measures['amount']!.currency, 'CNY');
  for (const f of want.files) assert.equal(await zip.file(f.path)!.async('string'), f.text, `${what}: ${f.path}`);
}

describe('open data over HTTP', () => {
  let ws: Workspace;
  let district: District;
  let app: ReturnType<typeof createHttpApp>;
  let id = '';
  let doc: BudgetDocument;

  before(async () => {
    ws = await openWorkspace();
    district = await setupDistrict(ws);
    app = createHttpApp(ws);
    id = (await ws.importDocument(new Uint8Array(SAMPLE), 'shenzhen-futian-data-center-2021-dept-budget.txt')).budgetId;
    doc = await ws.getDocument(id, 1);
  });
  after(async () => {
    await ws?.close();
  });

  test('the API exports the Fiscal Data Package and one table as CSV, as described in OpenAPI', async () => {
    const as = requester(app, district, 'jingban');
    await assertPackageOf(await as(`/api/v1/budgets/${id}/export.fdp`), doc, 'export.fdp');
    await assertPackageOf(await as(`/api/v1/budgets/${id}/export.fdp?version=1`), doc, 'export.fdp?version=1');

    const csv = await as(`/api/v1/budgets/${id}/export.csv?table=t7`);
    assert.equal(csv.status, 200);
    assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(csv.headers.get('content-disposition') ?? '', /^attachment; filename="budget-\d+\.csv"; filename\*=UTF-8''.+t7-.+\.csv$/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    assert.equal(
      text,
      tableCsv(
        tableViews(doc).find((v) => v.id === 't7')!,
        { bom: true },
      ),
    );
    assert.match(text, /^\uFEFF预算单位,科目编码,科目名称,支出总计,基本支出,项目支出\r\n/);

    // What cannot be answered: no table named, a table the document does not have, a version it does not have.
    const none = await as(`/api/v1/budgets/${id}/export.csv`);
    assert.equal(none.status, 422);
    assert.match(none.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const unknown = await as(`/api/v1/budgets/${id}/export.csv?table=t99`);
    assert.equal(unknown.status, 404);
    assert.match(((await unknown.json()) as { detail: string }).detail, /本文档没有表格 "t99"（可选：t1 收支总表、.*t13 部门预算绩效管理项目情况表）/);
    assert.equal((await as(`/api/v1/budgets/${id}/export.fdp?version=9`)).status, 404);
    // The public may not read a draft through the API.
    assert.equal((await requester(app, district, null)(`/api/v1/budgets/${id}/export.fdp`)).status, 401);

    const spec = (await (await as('/openapi.json')).json()) as { paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, unknown> }> } }> };
    assert.ok(spec.paths['/api/v1/budgets/{id}/export.fdp']?.get?.responses['200']?.content?.['application/zip'], 'export.fdp in OpenAPI');
    assert.ok(spec.paths['/api/v1/budgets/{id}/export.csv']?.get?.responses['200']?.content?.['text/csv'], 'export.csv in OpenAPI');

    // The working pages link them: the dashboard's downloads and a table page's CSV.
    const dashboard = await (await as(`/budgets/${id}`)).text();
    assert.ok(dashboard.includes(`href="/api/v1/budgets/${id}/export.fdp"`), 'the dashboard offers the package');
    const t7 = await (await as(`/budgets/${id}/tables/t7`)).text();
    assert.ok(t7.includes(`href="/api/v1/budgets/${id}/export.csv?table=t7&amp;version=1"`), 'the table page offers its CSV');
  });

  test('the public portal offers the package and each table of a published budget', async () => {
    await workflowOf(ws).publishAsSystem(id, 'test', '测试：公开');
    const get = requester(app, district, null);
    await assertPackageOf(await get(`/public/budgets/${id}/download/budget.fdp.zip`), doc, 'portal budget.fdp.zip');

    const csv = await get(`/public/budgets/${id}/download/t4.csv`);
    assert.equal(csv.status, 200);
    assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(csv.headers.get('content-disposition') ?? '', /^attachment; filename="budget-\d+-v1\.csv"/);
    assert.equal(
      new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer()),
      tableCsv(
        tableViews(doc).find((v) => v.id === 't4')!,
        { bom: true },
      ),
    );
    assert.equal((await get(`/public/budgets/${id}/download/t99.csv`)).status, 404);
    assert.equal((await get(`/public/budgets/${id}/download/budget.rar`)).status, 404);

    const page = await (await get(`/public/budgets/${id}`)).text();
    assert.ok(page.includes(`href="/public/budgets/${id}/download/budget.fdp.zip"`), 'the budget page offers the package');
    for (const v of tableViews(doc)) assert.ok(page.includes(`href="/public/budgets/${id}/download/${v.id}.csv"`), `the budget page offers ${v.id}.csv`);
    const table = await (await get(`/public/budgets/${id}/tables/t4`)).text();
    assert.ok(table.includes(`href="/public/budgets/${id}/download/t4.csv"`), 'a table page offers its CSV');
    const list = await (await get('/public')).text();
    assert.ok(list.includes(`href="/public/budgets/${id}/download/budget.fdp.zip"`), 'the list offers the package');
  });
});
