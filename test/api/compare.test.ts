/**
 * The comparison routes (issue 15 item 2), web and API, on PGlite: the Shenzhen sample and its seeded
 * 2022 variant (test/support/year-variant.ts) for one unit over two years; three corpus department
 * budgets of 2026 side by side, checked against the SQL aggregates; 404 for what is missing or not the
 * caller's to read, 422 for mixing years or budgets with final accounts.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { openWorkspace, type Workspace } from '../../src/app/workspace.js';
import { createHttpApp } from '../../src/cli/http-app.js';
import { requester, setupDistrict, type District } from '../support/district.js';
import { nextYearVariant } from '../support/year-variant.js';
import { SAMPLE_TEXT } from '../support/scaled-variants.js';
import type { YearComparison, DepartmentComparison } from '../../src/app/compare.js';

const SAMPLES = resolve(import.meta.dirname, '../../samples');
const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus/txt');
const DEPARTMENTS = ['shenzhen-statistics-bureau-2026-budget', 'shenzhen-port-office-2026-budget', 'guangzhou-statistics-bureau-2026-budget'];

describe('comparisons', () => {
  let dir: string;
  let ws: Workspace;
  let district: District;
  let app: ReturnType<typeof createHttpApp>;
  const id: Record<string, string> = {};
  let reception = 0;
  const as = (login: Parameters<typeof requester>[2]) => requester(app, district, login);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fiscus-compare-'));
    ws = await openWorkspace({ dataDir: dir });
    district = await setupDistrict(ws);
    id['2021'] = (await ws.importDocument(readFileSync(SAMPLE_TEXT), 'shenzhen-2021.txt')).budgetId;
    const v = nextYearVariant(await ws.getDocument(id['2021']), 3);
    reception = v.reception;
    id['2022'] = (await ws.importDocument(Buffer.from(JSON.stringify(v.doc)), 'shenzhen-2022.json')).budgetId;
    for (const name of DEPARTMENTS) id[name] = (await ws.importDocument(readFileSync(join(CORPUS, `${name}.txt`)), `${name}.txt`)).budgetId;
    id['wanli'] = (await ws.importDocument(readFileSync(join(SAMPLES, 'shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.txt')), 'wanli.txt')).budgetId;
    id['final'] = (await ws.importDocument(readFileSync(join(SAMPLES, 'shanghai-putuo-finance-bureau-2024-dept-final-accounts.txt')), 'final.txt')).budgetId;
    app = createHttpApp(ws);
  });
  after(async () => {
    await ws?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a unit’s 2022 budget against its 2021 budget over the API: fen-exact, a class of one year only, a zero base, the highlight', async () => {
    const res = await as('caizheng')(`/api/v1/budgets/${id['2022']}/compare`);
    assert.equal(res.status, 200);
    const v = (await res.json()) as YearComparison;
    assert.equal(v.basis, 'documents');
    assert.equal(v.before?.budgetId, id['2021']);
    assert.equal(v.after.budgetId, id['2022']);
    const [a, b] = await Promise.all([ws.getDocument(id['2022']!), ws.getDocument(id['2021']!)]);
    // Every function class line is the two documents' printed cells and their exact difference.
    const fn = v.sections.find((s) => s.id === 'general-budget-function')!;
    const cellOf = (d: typeof a, code: string) => d.tables.find((t) => t.role === 'general-budget-function')!.rows.find((r) => r.code === code)?.amounts['total']?.fen ?? null;
    for (const l of fn.lines) {
      assert.equal(l.before, cellOf(b, l.code!), `${l.code} 2021`);
      assert.equal(l.after, cellOf(a, l.code!), `${l.code} 2022`);
      assert.equal(l.change, (l.after ?? 0) - (l.before ?? 0));
    }
    assert.ok(fn.lines.some((l) => l.onlyIn === 'before') && fn.lines.some((l) => l.onlyIn === 'after'));
    const r = v.sections.find((s) => s.id === 'three-public')!.lines.find((l) => l.key === 'reception')!;
    assert.deepEqual([r.before, r.after, r.change, r.percent, r.flag], [0, reception, reception, null, 'unexplained']);
  });

  test('the web page highlights it and states the threshold; its XLSX carries the same figures', async () => {
    const res = await as('caizheng')(`/budgets/${id['2022']}/compare`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /应由文字说明解释的变动：<\/strong>增减额不少于 1\.00 万元，且增减幅度不低于 10%/);
    assert.match(html, /<tr class="flag-unexplained" data-key="reception">/);
    assert.match(html, /<tr class="flag-mismatch" data-key="total">/);
    assert.ok(!/<script>/.test(html), 'no inline script');
    const x = await as('caizheng')(`/budgets/${id['2022']}/compare.xlsx`);
    assert.equal(x.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await x.arrayBuffer()) as never);
    const sheet = wb.worksheets.find((s) => s.name.startsWith('“三公”经费与机关运行经费'))!;
    let row: ExcelJS.Row | undefined;
    sheet.eachRow((r) => {
      if (r.getCell(2).text.trim() === '公务接待费') row = r;
    });
    assert.ok(row, 'the reception row');
    assert.equal(Math.round(Number(row.getCell(4).value) * 1_000_000), reception);
    assert.equal(row.getCell(8).value, '说明未解释');
  });

  test('without the previous year the page says so; a missing or unreadable budget is 404; another unit or kind is 422', async () => {
    const html = await (await as('caizheng')(`/budgets/${id['2021']}/compare`)).text();
    assert.match(html, /未找到 深圳市福田区数据管理中心 2020 年的部门预算/);
    assert.equal((await as('caizheng')(`/budgets/999999/compare`)).status, 404);
    assert.equal((await as('caizheng')(`/api/v1/budgets/999999/compare`)).status, 404);
    const missing = await as('caizheng')(`/api/v1/budgets/${id['2022']}/compare?with=999999`);
    assert.equal(missing.status, 404);
    assert.match(((await missing.json()) as { detail: string }).detail, /预算 999999 不存在/);
    const other = await as('caizheng')(`/api/v1/budgets/${id['2022']}/compare?with=${id['shenzhen-port-office-2026-budget']}`);
    assert.equal(other.status, 422);
    const p = (await other.json()) as { code: string; detail: string; field: string };
    assert.equal(p.code, 'INPUT_INVALID');
    assert.equal(p.field, 'with');
    assert.match(p.detail, /不是同一单位/);
    const kinds = await as('caizheng')(`/api/v1/budgets/${id['wanli']}/compare?with=${id['final']}`);
    assert.equal(kinds.status, 422);
    assert.match(((await kinds.json()) as { detail: string }).detail, /不能比较不同种类的文件：.*2024年部门预算.*2024年部门决算/);
    // The 经办 of the sample's unit may not read the corpus documents: not found, not forbidden.
    assert.equal((await as('jingban')(`/api/v1/budgets/${id['2022']}/compare?with=${id['shenzhen-port-office-2026-budget']}`)).status, 404);
  });

  test('departments side by side: the documents listed, every class total equal to the SQL aggregate of the same budgets', async () => {
    const ids = DEPARTMENTS.map((n) => id[n]).join(',');
    const res = await as('caizheng')(`/api/v1/comparisons?ids=${ids}&by=function&level=1`);
    assert.equal(res.status, 200);
    const { comparison: v } = (await res.json()) as { comparison: DepartmentComparison };
    assert.deepEqual(
      v.documents.map((d) => d.budgetId),
      DEPARTMENTS.map((n) => id[n]),
    );
    assert.match(v.statement, /只含 2026 年部门预算，共 3 份/);
    const agg = await ws.aggregate({ by: 'function', level: 1, year: 2026, kind: '部门预算', withIds: true });
    assert.deepEqual(
      v.classes.map((c) => c.code),
      agg.map((r) => r.code),
    );
    for (const c of v.classes) {
      const row = agg.find((r) => r.code === c.code)!;
      assert.equal(c.total, row.fen, `class ${c.code}`);
      assert.equal(c.fen.filter((x) => x !== null).length, row.documents, `class ${c.code}: documents`);
    }
    const econ = (await (await as('caizheng')(`/api/v1/comparisons?ids=${ids}&by=econ&level=2`)).json()) as { comparison: DepartmentComparison };
    const aggEcon = await ws.aggregate({ by: 'econ', level: 2, year: 2026, kind: '部门预算' });
    assert.deepEqual(
      econ.comparison.classes.map((c) => [c.code, c.total]),
      aggEcon.map((r) => [r.code, r.fen]),
    );
  });

  test('mixing years, or budgets with final accounts, is refused with 422 and a Chinese message naming them', async () => {
    const years = await as('caizheng')(`/api/v1/comparisons?ids=${id['2021']},${id['shenzhen-port-office-2026-budget']}`);
    assert.equal(years.status, 422);
    const p = (await years.json()) as { code: string; detail: string; field: string };
    assert.equal(p.code, 'INPUT_INVALID');
    assert.equal(p.field, 'ids');
    assert.match(p.detail, /不能把不同年度或种类的文件放在一起比较：2021年部门预算（预算 \d+）.*2026年部门预算（预算 \d+）/);
    const stages = await as('caizheng')(`/api/v1/comparisons?ids=${id['wanli']},${id['final']}`);
    assert.equal(stages.status, 422);
    assert.match(((await stages.json()) as { detail: string }).detail, /不能把不同种类（预算与决算）的文件放在一起比较/);
    // Documents of one year and kind that are not the year asked for.
    assert.equal((await as('caizheng')(`/api/v1/comparisons?ids=${id['2021']}&year=2022`)).status, 422);
    // The web page refuses the same way.
    const web = await as('caizheng')(`/compare/departments?ids=${id['wanli']}&ids=${id['final']}`);
    assert.equal(web.status, 422);
    assert.match(await web.text(), /预算与决算/);
    for (const q of ['by=x', 'level=9', 'by=econ&level=3', 'ids=1,a', 'year=20x6', 'kind=预算']) assert.equal((await as('caizheng')(`/api/v1/comparisons?${q}`)).status, 422, q);
    assert.equal((await as('caizheng')(`/api/v1/comparisons?ids=999999`)).status, 404);
    assert.equal((await as('jingban')(`/api/v1/comparisons?ids=${id['shenzhen-port-office-2026-budget']}`)).status, 404, 'not the 经办’s to read');
  });

  test('the department page: charts drawn on the server as SVG, no script; its XLSX; each visitor compares what they may read', async () => {
    const res = await as('caizheng')(`/compare/departments?year=2026&kind=部门预算&code=201`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.equal((html.match(/<figure class="svg-chart"[^>]*><svg/g) ?? []).length, 4, 'classes, the focus class, 三公, 机关运行经费');
    assert.ok(!/<script>/.test(html) && !/<script(?![^>]*src=)/.test(html), 'no inline script');
    for (const n of DEPARTMENTS) assert.ok(html.includes(`预算 ${id[n]} 第 1 版`), `${n} listed`);
    const x = await as('caizheng')(`/compare/departments.xlsx?year=2026&kind=部门预算`);
    assert.equal(x.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await x.arrayBuffer()) as never);
    assert.deepEqual(
      wb.worksheets.map((s) => s.name),
      ['所比较的文件', '按科目', '三公与机关运行经费'],
    );
    // The 经办 of the sample's unit sees its own two years only; the public nothing unpublished.
    const mine = (await (await as('jingban')(`/api/v1/comparisons?year=2022&kind=部门预算`)).json()) as { comparison: DepartmentComparison };
    assert.deepEqual(
      mine.comparison.documents.map((d) => d.budgetId),
      [id['2022']],
    );
    const pub = (await (await as(null)(`/api/v1/comparisons?year=2026`)).json()) as { comparison: DepartmentComparison | null };
    assert.equal(pub.comparison, null);
    const home = await as('caizheng')('/compare');
    assert.equal(home.status, 200);
    assert.match(await home.text(), /与上年比较/);
  });
});
