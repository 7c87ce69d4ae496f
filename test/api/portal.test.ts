/**
 * The public portal (issue 13 item 5) through the whole HTTP surface, as an anonymous visitor: only
 * published budgets, each pinned to its last published version (a newer draft changes nothing), no
 * findings, no edit controls and no links into the working pages; the downloads without the findings
 * appendix, and the CSV of every table with exact amounts.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { accountsOf } from '../../src/app/accounts.js';
import { workflowOf } from '../../src/app/workflow.js';
import { openWorkspace, type Workspace } from '../../src/app/workspace.js';
import { createHttpApp } from '../../src/cli/http-app.js';
import type { BudgetDocument } from '../../src/domain/model.js';
import { toDecimalString } from '../../src/domain/money.js';
import { CHROMIUM_PATH } from '../../src/reports/pdf/print.js';
import { fmt, keyFigures } from '../../src/web/figures.js';
import { CSV_HEADER } from '../../src/web/portal.js';
import { tableNav } from '../../src/web/table-nav.js';

const SAMPLE = readFileSync(resolve(import.meta.dirname, '../../samples/shenzhen-futian-data-center-2021-dept-budget.txt'));
const UNIT_A = '深圳市福田区数据管理中心';
const DEPT_A = '深圳市福田区政务服务数据管理局';
/** The same text for another unit: a second budget, never published. */
const UNIT_B = '深圳市福田区数据测试中心';
const OTHER = Buffer.from(SAMPLE.toString('utf8').replaceAll(UNIT_A, UNIT_B), 'utf8');

/** What no portal page may contain: findings, edit forms, the working pages' tabs. */
const FORBIDDEN = ['审核发现', 'findings', '<form method="post"', '审批', '版本历史', 'hx-post'];

function assertPublicOnly(html: string, what: string): void {
  for (const s of FORBIDDEN) assert.ok(!html.includes(s), `${what} contains ${JSON.stringify(s)}`);
  // No link into the working pages (`/budgets/…`); the portal's own are `/public/budgets/…`.
  const working = /(?<!\/public)\/budgets\//.exec(html);
  assert.equal(working, null, `${what} links a working page: …${working ? html.slice(Math.max(0, working.index - 60), working.index + 40) : ''}…`);
  assert.ok(html.includes('/public/budgets/'), `${what} has portal links`);
}

describe('public portal (anonymous visitor)', () => {
  let ws: Workspace;
  let app: ReturnType<typeof createHttpApp>;
  let a = '';
  let b = '';
  let doc: BudgetDocument;
  let csvBefore = '';
  const get = (path: string) => app.request(`http://localhost${path}`);
  const page = async (path: string, status = 200) => {
    const res = await get(path);
    assert.equal(res.status, status, `status of ${path}`);
    return res.text();
  };

  before(async () => {
    ws = await openWorkspace({});
    const acc = accountsOf(ws);
    await acc.bootstrap({ adminPassword: 'portal-admin-password-1', rootName: '测试区财政局' });
    await acc.addOrganisation({ name: DEPT_A, kind: 'department', parent: '测试区财政局' });
    await acc.addOrganisation({ name: UNIT_A, kind: 'unit', parent: DEPT_A });
    a = (await ws.importDocument(new Uint8Array(SAMPLE), 'a.txt')).budgetId;
    b = (await ws.importDocument(new Uint8Array(OTHER), 'b.txt')).budgetId;
    assert.notEqual(a, b);
    await workflowOf(ws).publishAsSystem(a, 'test', '测试：公开 A');
    doc = await ws.getDocument(a, 1);
    app = createHttpApp(ws);
  });
  after(async () => {
    await ws?.close();
  });

  test('/public lists only the published budget, with its department, version and publication date', async () => {
    const html = await page('/public');
    assertPublicOnly(html, '/public');
    assert.match(html, /<html lang="zh-CN">/);
    assert.match(html, /<h1>已公开的部门预算<\/h1>/);
    assert.ok(html.includes(`href="/public/budgets/${a}"`), 'links the published budget');
    assert.ok(!html.includes(`/public/budgets/${b}`), 'never the unpublished one');
    assert.ok(!html.includes(UNIT_B));
    assert.match(html, /<h2 id="y2021-h">2021年<\/h2>/);
    assert.ok(html.includes(`<td>${DEPT_A}</td>`), 'the unit’s 主管部门');
    assert.match(html, /第 1 版/);
    const today = new Date().toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });
    assert.ok(html.includes(today), `publication date ${today}`);
    assert.match(html, /<form method="get" action="\/public" class="filters"/);
  });

  test('/public filters by year, department and kind', async () => {
    const has = (html: string) => html.includes(`href="/public/budgets/${a}"`);
    assert.ok(has(await page('/public?year=2021')));
    assert.ok(has(await page(`/public?department=${encodeURIComponent(DEPT_A)}&kind=${encodeURIComponent('部门预算')}`)));
    for (const q of ['year=2020', `kind=${encodeURIComponent('部门决算')}`, `department=${encodeURIComponent('别的部门')}`]) {
      const html = await page(`/public?${q}`);
      assert.ok(!has(html), q);
      assert.match(html, /没有符合条件的已公开预算/);
    }
  });

  test('the budget page shows the published version: figures, charts, narrative, every table and form, downloads', async () => {
    const html = await page(`/public/budgets/${a}`);
    assertPublicOnly(html, 'budget page');
    assert.match(html, /第 1 版 · 公开于 /);
    const k = keyFigures(doc);
    assert.ok(k.revenueTotal !== null);
    assert.ok(html.includes(fmt(k.revenueTotal, doc)), `收入总计 ${fmt(k.revenueTotal, doc)}`);
    assert.match(html, /id="chart-function"[^>]*data-chart=/);
    assert.match(html, /<article class="narrative">/);
    assert.match(html, /第一部分 部门概况/);
    assert.ok(!html.includes('class="flag'), 'no findings flags in the narrative');
    for (const t of tableNav(doc)) assert.ok(html.includes(`href="/public/budgets/${a}/tables/${encodeURIComponent(t.id)}"`), `table ${t.id}`);
    for (const f of doc.projectForms) assert.ok(html.includes(`href="/public/budgets/${a}/projects/${encodeURIComponent(f.id)}"`), `form ${f.id}`);
    for (const f of ['budget.pdf', 'budget.xlsx', 'budget.html', 'tables.csv']) assert.ok(html.includes(`/public/budgets/${a}/download/${f}`), f);
  });

  test('a table page shows the table without flags; an unknown table is 404', async () => {
    const first = tableNav(doc)[0]!;
    const html = await page(`/public/budgets/${a}/tables/${first.id}`);
    assertPublicOnly(html, 'table page');
    assert.match(html, /class="data fiscus-table"/);
    assert.ok(html.includes(first.label));
    assert.ok(!html.includes('has-finding') && !html.includes('⚠'));
    // The revenue total of 收支总表 as the table prints it.
    assert.ok(html.includes(fmt(keyFigures(doc).revenueTotal, doc)));
    await page(`/public/budgets/${a}/tables/no-such-table`, 404);
  });

  test('a project page is read-only, without findings', async () => {
    const form = doc.projectForms[0]!;
    const html = await page(`/public/budgets/${a}/projects/${encodeURIComponent(form.id)}`);
    assertPublicOnly(html, 'project page');
    assert.ok(html.includes(form.name));
    assert.match(html, /第 1 版（已公开，\d{4}年\d{1,2}月\d{1,2}日）/);
    assert.ok(html.includes(fmt(form.amounts.total?.fen, doc)), 'project total');
    assert.match(html, /<h2 id="plan-h">资金支出进度<\/h2>/);
    assert.match(html, /<h2 id="cl-h">测算明细<\/h2>/);
    assert.match(html, /<caption>绩效指标<\/caption>/);
    assert.ok(!/<(input|textarea|select|button)\b/.test(html), 'no edit controls');
    await page(`/public/budgets/${a}/projects/no-such-form`, 404);
  });

  test('tables.csv: UTF-8 with BOM, long format, every amount exact in 元 with two decimals', async () => {
    const res = await get(`/public/budgets/${a}/download/tables.csv`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="budget-\d+-v1\.csv"; filename\*=UTF-8''/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'BOM');
    csvBefore = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const lines = csvBefore.slice(1).split('\r\n');
    assert.equal(lines.at(-1), '', 'CRLF after every record');
    assert.equal(lines[0], CSV_HEADER.join(','));
    const records = lines.slice(1, -1);
    // One line per amount cell of every amount column (two-sided tables: the row's own side), plus table 14's tasks.
    let cells = 0;
    for (const t of doc.tables) {
      for (const r of t.rows) {
        for (const c of t.columns) if (c.kind === 'amount' && r.amounts[c.key] && (!t.sides || !r.side || t.sides[r.side] === c.key)) cells++;
        cells += r.unplaced?.length ?? 0;
      }
    }
    const dt = doc.departmentTargets!;
    for (const x of [...dt.tasks, ...(dt.total ? [dt.total] : [])]) cells += [x.total, x.fiscal, x.other].filter(Boolean).length;
    assert.equal(records.length, cells);
    for (const r of records) assert.match(r, /,-?\d+\.\d{2}$/, r);
    // 收支总表's first revenue line, in 元 from its fen.
    const t1 = doc.tables[0]!;
    const row = t1.rows.find((r) => r.side === 'revenue')!;
    const want = toDecimalString(row.amounts['amount']!.fen, '元', 2);
    assert.ok(records.includes(`1,表1 收支总表,,${row.label},收入 / 2021年预算数,${want}`), `line of ${row.label} ${want}`);
    assert.equal(want, '44246000.00');
  });

  test('budget.xlsx and budget.html: the package of the published version without the findings appendix', async () => {
    const x = await get(`/public/budgets/${a}/download/budget.xlsx`);
    assert.equal(x.status, 200);
    assert.equal(x.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await x.arrayBuffer()) as never);
    const names = wb.worksheets.map((s) => s.name);
    assert.ok(names.length > 10, names.join(','));
    assert.ok(!names.includes('校验结果'), `no findings sheet: ${names.join(',')}`);
    // 收支总表's first revenue amount, in 万元 as the workbook prints it.
    const t1 = wb.worksheets.find((s) => s.name === '表1 收支总表')!;
    const fen = doc.tables[0]!.rows.find((r) => r.side === 'revenue')!.amounts['amount']!.fen;
    const values: unknown[] = [];
    t1.eachRow((r) => values.push(...(r.values as unknown[])));
    assert.ok(values.includes(Number(toDecimalString(fen, '万元', 2))), `表1 holds ${toDecimalString(fen, '万元', 2)}`);
    const h = await get(`/public/budgets/${a}/download/budget.html`);
    assert.equal(h.status, 200);
    const html = await h.text();
    assert.ok(html.includes('收支总表'));
    assert.ok(!html.includes('附录 校验结果') && !html.includes('id="findings"'), 'no findings appendix');
    await page(`/public/budgets/${a}/download/budget.docx`, 404);
  });

  test('budget.pdf: the published package printed by Chromium', async (t) => {
    if (!existsSync(CHROMIUM_PATH)) {
      t.skip(`Chromium is not installed at ${CHROMIUM_PATH}: the PDF download answers 503 DEPENDENCY_MISSING there`);
      return;
    }
    const res = await get(`/public/budgets/${a}/download/budget.pdf`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.equal(new TextDecoder().decode(bytes.slice(0, 5)), '%PDF-');
    assert.ok(bytes.length > 50_000, `${bytes.length} bytes`);
  });

  test('an unpublished budget has no portal pages (404, as for one that does not exist)', async () => {
    for (const p of ['', '/tables/t1', `/projects/${encodeURIComponent(doc.projectForms[0]!.id)}`, '/download/tables.csv', '/download/budget.xlsx', '/download/budget.pdf']) {
      for (const id of [b, '99999']) {
        const html = await page(`/public/budgets/${id}${p}`, 404);
        assert.ok(!html.includes(UNIT_B), 'nothing of the unpublished budget');
        assert.match(html, /<a class="brand" href="\/public">fiscus 预算公开<\/a>/, 'the portal’s frame');
      }
    }
  });

  test('a new draft leaves the portal on the published version', async () => {
    const form = doc.projectForms[0]!;
    const v2 = await ws.importDocument(new Uint8Array(SAMPLE), 'a-again.txt');
    assert.equal(v2.budgetId, a);
    assert.equal(v2.version, 2);
    // The draft changes a figure the portal shows.
    const old = form.amounts.total!.fen;
    const v3 = await ws.editProjectForm(a, 2, form.id, { amounts: { total: { fen: old + 123_456_00 } } }, 'test');
    assert.equal(v3.version, 3);
    const budget = await ws.getBudget(a);
    assert.equal(budget.latestVersion, 3);
    assert.equal(budget.publishedVersion, 1);

    const list = await page('/public');
    assert.match(list, /第 1 版/);
    assert.ok(!list.includes('第 3 版'));
    const home = await page(`/public/budgets/${a}`);
    assert.match(home, /第 1 版 · 公开于 /);
    const html = await page(`/public/budgets/${a}/projects/${encodeURIComponent(form.id)}`);
    assert.ok(html.includes(fmt(old, doc)), 'the published total');
    assert.ok(!html.includes(fmt(old + 123_456_00, doc)), 'never the draft’s');
    const csv = await (await get(`/public/budgets/${a}/download/tables.csv`)).text();
    assert.equal(`\uFEFF${csv.replace(/^\uFEFF/, '')}`, csvBefore);
  });
});
