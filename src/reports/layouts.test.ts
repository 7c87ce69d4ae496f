/**
 * Exports of documents that are not Shenzhen department budgets (a Beijing budget and a Shanghai
 * unit budget from the corpus, the Shanghai sample): they print the document's own parts and
 * tables, with their own titles, columns and numbering, never the Shenzhen outline.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { importBytes, importFile } from '../app/import-document.js';
import type { BudgetDocument } from '../domain/model.js';
import { formatAmount } from '../domain/money.js';
import { renderHtml } from './html/render.js';
import { renderMarkdown } from './md/render.js';
import { sampleDocument } from './testing/fixture.js';
import { buildReportView, outlineOf } from './view/report.js';
import { renderXlsx, tableSheetTitle } from './xlsx/render.js';
import { unplacedTableBytes } from '../../test/support/unplaced.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BEIJING = resolve(ROOT, '../shared/corpus/txt/beijing-audit-bureau-2026-budget.txt');
// Its 元 tables print bare whole amounts, which the text read leaves unplaced on purpose: rows with unknown cells.
const SHANGHAI_UNIT = resolve(ROOT, '../shared/corpus/txt/shanghai-data-bureau-2026-unit-budget.txt');
const SHANGHAI = resolve(ROOT, 'samples/shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.txt');

const docs = new Map<string, Promise<BudgetDocument>>();
const load = (path: string) => {
  if (!docs.has(path)) docs.set(path, importFile(path));
  return docs.get(path)!;
};

const SHENZHEN_HEADINGS = /第[一二三四五六七八]部分 (部门概况|部门预算收支总体情况|部门预算支出具体情况|政府采购预算情况|一般公共预算“三公”经费预算情况|部门预算绩效管理情况|其他需要说明情况|名词解释)/;

test('only a Shenzhen department budget follows the Shenzhen outline', async () => {
  assert.equal(outlineOf(sampleDocument()), 'shenzhen');
  for (const path of [BEIJING, SHANGHAI, SHANGHAI_UNIT]) assert.equal(outlineOf(await load(path)), 'document', path);
  // A Shenzhen budget written to the XLSX template and read back keeps its outline.
  assert.equal(outlineOf({ ...sampleDocument(), profile: 'fiscus-xlsx', narrative: { ...sampleDocument().narrative, parts: ['部门概况', '部门预算收支总体情况', '部门预算支出具体情况', '政府采购预算情况', '一般公共预算“三公”经费预算情况', '部门预算绩效管理情况', '其他需要说明情况', '名词解释'].map((title, i) => ({ no: i + 1, title, sections: [], src: { line: null, page: null, raw: '' } })) } }), 'shenzhen');
});

for (const [name, path] of [['the Shanghai sample', SHANGHAI], ['a Beijing budget', BEIJING], ['a Shanghai unit budget', SHANGHAI_UNIT]] as const) {
  test(`the HTML of ${name} prints its own parts and every table with its own title, in print order, no Shenzhen outline`, async () => {
    const doc = await load(path);
    const v = buildReportView(doc);
    const html = renderHtml(v, { charts: false });
    assert.doesNotMatch(html, SHENZHEN_HEADINGS);
    // Its own narrative parts, as printed.
    assert.deepEqual(v.narrative.map((p) => p.heading), doc.narrative.parts.map((p) => p.title.trim()));
    // All of its tables, each once, with its own title and no number the document does not print.
    assert.equal(v.tables.length, doc.tables.length);
    for (const [i, t] of doc.tables.entries()) {
      const tv = v.tables[i]!;
      assert.equal(tv.title, t.title.text);
      assert.equal(tv.id, t.id ?? `t${i + 1}`);
      if (t.no === null) assert.equal(tv.numberLabel, null);
      assert.ok(html.includes(`id="table-${tv.id}"`), tv.id);
    }
    // The body follows the source lines: parts and tables interleaved as printed.
    const lines = v.blocks.map((b) => (b.kind === 'part' ? doc.narrative.parts[b.index]!.src.line : b.kind === 'table' ? doc.tables[b.index]!.src.line : null)).filter((x): x is number => x !== null);
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
    // Every amount of every table is in its section, at its row and column.
    for (const tv of v.tables) {
      const section = new RegExp(`<section[^>]*id="${tv.anchor}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';
      const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(section)?.[1] ?? '';
      const rows = [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td[^>]*>([^<]*)(?:<sup[^>]*>[^<]*<\/sup>)?<\/td>/g)].map((c) => c[1]!));
      const table = doc.tables.find((x, k) => (x.id ?? `t${k + 1}`) === tv.id)!;
      tv.body.forEach((br, i) =>
        br.cells.forEach((c, j) => {
          if (!c.ref || c.kind !== 'amount') return;
          const m = table.rows.find((r) => r.id === c.ref!.rowId)!.amounts[c.ref.key];
          assert.equal(rows[i]![j], m ? formatAmount(m.fen, table.displayUnit, m.decimals ?? 2) : '', `${tv.title} ${c.ref.rowId} ${c.ref.key}`);
        }),
      );
    }
  });
}

test('a table title that prints its own number gets no second number; the Shenzhen outline numbers its tables', async () => {
  const bj = buildReportView(await load(BEIJING));
  const numbered = bj.tables.filter((t) => t.no !== null);
  assert.ok(numbered.length > 0);
  for (const t of numbered) assert.equal(t.numberLabel, null, t.title);
  const sz = buildReportView(sampleDocument());
  assert.deepEqual(sz.tables.map((t) => t.numberLabel), sz.tables.map((t) => `表 ${t.no}`));
  assert.equal(sz.departmentTargets?.numberLabel, '表 14');
});

test('rows whose amounts could not all be placed are marked in the HTML, XLSX and Markdown exports', async () => {
  const doc = await importBytes(unplacedTableBytes(), 'unplaced.txt');
  const v = buildReportView(doc);
  const t = v.tables.find((x) => x.unplacedCount > 0);
  assert.ok(t, 'a table with unplaced amounts');
  const html = renderHtml(v, { charts: false, frontMatter: false });
  const u = t.body.flatMap((r) => r.unplaced)[0]!;
  assert.ok(html.includes(`${u.note}（${u.amounts.join('、')}）`), u.note);
  assert.match(html, /<td class="num unknown">/);
  const md = renderMarkdown(v);
  assert.ok(md.includes(`${u.note}（${u.amounts.join('、')}）`));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await renderXlsx(v)) as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets.find((w) => w.name === tableSheetTitle(t).slice(0, 31).replace(/[[\]:*?/\\]/g, ' '));
  assert.ok(ws, tableSheetTitle(t));
  const texts: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => texts.push(c.text)));
  assert.ok(texts.some((x) => x.includes(u.note)), 'the unplaced note under the table');
});

test('the XLSX and Markdown of the Shanghai sample have each table under its own title and the document\'s own parts', async () => {
  const doc = await load(SHANGHAI);
  const v = buildReportView(doc);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await renderXlsx(v)) as unknown as ExcelJS.Buffer);
  const names = wb.worksheets.map((w) => w.name);
  assert.equal(names[0], '封面');
  assert.ok(names.includes('文字说明'));
  for (const t of v.tables) {
    const ws = wb.worksheets.find((w) => w.getCell(1, 1).text === t.title);
    assert.ok(ws, t.title);
    assert.doesNotMatch(ws.name, /^表\s/);
  }
  const md = renderMarkdown(v);
  assert.doesNotMatch(md, SHENZHEN_HEADINGS);
  assert.doesNotMatch(md, /^### 表 /m);
  for (const p of doc.narrative.parts) assert.ok(md.includes(`## ${p.title}`), p.title);
});
