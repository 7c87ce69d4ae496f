import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { importFile } from '../../app/import-document.js';
import type { BudgetDocument, Table } from '../../domain/model.js';
import { formatAmount } from '../../domain/money.js';
import { buildReportView } from '../view/report.js';
import { renderHtml } from '../html/render.js';
import { sampleDocument } from '../testing/fixture.js';
import { renderXlsx } from './render.js';

const SAMPLE = resolve(import.meta.dirname, '../../../samples/shenzhen-futian-data-center-2021-dept-budget.txt');

async function workbook(doc: BudgetDocument): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await renderXlsx(buildReportView(doc))) as unknown as ExcelJS.Buffer);
  return wb;
}

const text = (c: ExcelJS.Cell) => c.text;
/** A cell's number read back as fen (万元 → fen); null for an empty cell. */
const fenOf = (c: ExcelJS.Cell): number | null => (typeof c.value === 'number' ? Math.round(c.value * 1_000_000) : c.value == null ? null : NaN);

function sheetOf(wb: ExcelJS.Workbook, prefix: string): ExcelJS.Worksheet {
  const ws = wb.worksheets.find((w) => w.name.startsWith(prefix));
  assert.ok(ws, `sheet ${prefix}`);
  return ws;
}

/** Checks every cell of a model table against its sheet: rows found by label, columns by header path. */
function checkTable(wb: ExcelJS.Workbook, t: Table): number {
  const ws = sheetOf(wb, `表${t.no} `);
  const headerEnd = ws.views[0] && 'ySplit' in ws.views[0] ? (ws.views[0].ySplit ?? 0) : 0;
  assert.ok(headerEnd >= 3, `表${t.no}: frozen header rows`);
  const width = ws.columnCount;
  const pathOf = (j: number) => {
    const p: string[] = [];
    for (let r = 3; r <= headerEnd; r++) {
      const v = text(ws.getCell(r, j));
      if (v && p[p.length - 1] !== v) p.push(v);
    }
    return p.join('/');
  };
  let checked = 0;
  let at = headerEnd + 1;
  for (const row of t.rows) {
    const two = t.sides !== undefined;
    const labelCol = two ? (row.side === 'expenditure' ? 3 : 1) : 0;
    let found = -1;
    for (let r = at; r <= ws.rowCount && found < 0; r++) {
      const cells = Array.from({ length: width }, (_, j) => text(ws.getCell(r, j + 1)));
      const labelOk = labelCol ? cells[labelCol - 1] === row.label : cells.includes(row.label);
      const codeOk = row.codeResolved !== 'printed' || cells.includes(row.code ?? '');
      if (labelOk && codeOk) found = r;
    }
    assert.ok(found > 0, `表${t.no}: row ${row.label}`);
    // Two-sided tables interleave the sides in the model: search each side from the top.
    if (!two) at = found + 1;
    for (const [key, m] of Object.entries(row.amounts)) {
      const col = two ? labelCol + 1 : [...Array(width).keys()].map((j) => j + 1).find((j) => pathOf(j) === t.columns.find((c) => c.key === key)!.header.join('/'));
      assert.ok(col, `表${t.no}: column ${key}`);
      assert.equal(fenOf(ws.getCell(found, col)), m?.fen ?? null, `表${t.no} ${row.label} ${key}`);
      checked++;
    }
  }
  return checked;
}

test('every amount of tables 1–13 of the Shenzhen sample is in the XLSX at its row and column', async () => {
  const doc = await importFile(SAMPLE);
  assert.equal(doc.tables.length, 13);
  const wb = await workbook(doc);
  let n = 0;
  for (const t of doc.tables) n += checkTable(wb, t);
  assert.ok(n > 300, `${n} cells checked`);
});

test('every amount of table 14 and of the project forms is in the XLSX', async () => {
  const doc = await importFile(SAMPLE);
  const wb = await workbook(doc);
  const t14 = sheetOf(wb, '表14');
  const rows = t14.getRows(1, t14.rowCount)!;
  for (const task of [...doc.departmentTargets!.tasks, { name: '合计', ...doc.departmentTargets!.total! }]) {
    const r = rows.find((x) => text(x.getCell(1)) === task.name);
    assert.ok(r, task.name);
    assert.deepEqual([3, 4, 5].map((c) => fenOf(r.getCell(c))), [task.total?.fen, task.fiscal?.fen, task.other?.fen]);
  }
  assert.equal(doc.projectForms.length, 10);
  doc.projectForms.forEach((f, i) => {
    const ws = sheetOf(wb, `项目${i + 1} `);
    const all = ws.getRows(1, ws.rowCount)!;
    const next = (label: string) => {
      for (const r of all) for (let c = 1; c <= 6; c++) if (text(r.getCell(c)) === label) return fenOf(r.getCell(c + 1));
      return undefined;
    };
    assert.equal(next('项目总金额（万元）'), f.amounts.total?.fen ?? null, `${f.name} total`);
    assert.equal(next('本年预算金额（万元）'), f.amounts.currentYear?.fen ?? null);
    assert.equal(next('其中：财政拨款资金（万元）'), f.amounts.fiscal?.fen ?? null);
    assert.equal(next('其他资金（万元）'), f.amounts.other?.fen ?? null);
    assert.equal(next('转移支付资金（万元）'), f.amounts.transfer?.fen ?? null);
    assert.equal(next('政府购买服务资金（万元）'), f.amounts.purchasedServices?.fen ?? null);
    const costAt = all.findIndex((r) => text(r.getCell(1)) === '测算明细');
    f.costLines.forEach((c, k) => {
      const cell = all[costAt + 1 + k]!.getCell(3);
      assert.equal(fenOf(cell), c.amount?.fen ?? null, `${f.name} cost line ${k + 1}`);
      if (c.amount) assert.equal(cell.numFmt, c.amount.decimals! > 0 ? `#,##0.${'0'.repeat(c.amount.decimals!)}` : '#,##0');
    });
    const planAt = all.findIndex((r) => text(r.getCell(1)) === '资金支出进度');
    f.disbursement.forEach((q, k) => assert.equal(fenOf(all[planAt + 1 + k]!.getCell(3)), q.amount.fen, `${f.name} Q${q.quarter}`));
  });
});

test('every amount of the Shenzhen tables appears in the HTML at its row and column', async () => {
  const doc = await importFile(SAMPLE);
  const v = buildReportView(doc);
  const html = renderHtml(v, { charts: false });
  for (const t of v.tables) {
    const section = new RegExp(`<section[^>]*id="table-${t.no}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';
    const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(section)?.[1] ?? '';
    const rows = [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1]!));
    const table = doc.tables.find((x) => x.no === t.no)!;
    t.body.forEach((br, i) =>
      br.cells.forEach((c, j) => {
        if (!c.ref || c.kind !== 'amount') return;
        const m = table.rows.find((r) => r.id === c.ref!.rowId)!.amounts[c.ref.key];
        assert.equal(rows[i]![j], m ? formatAmount(m.fen, '万元', m.decimals ?? 2) : '', `表${t.no} ${c.ref.rowId} ${c.ref.key}`);
      }),
    );
  }
  for (const f of doc.projectForms) for (const c of f.costLines) assert.ok(html.includes(c.text.replace(/&/g, '&amp;')), c.text);
  assert.match(html, /<html lang="zh-CN">/);
  assert.match(html, /font-family: "WenQuanYi Zen Hei"/);
  assert.match(html, /thead \{ display: table-header-group; \}/);
});

test('the fixture workbook has a cover, frozen headers, merged header cells and a findings sheet', async () => {
  const doc = sampleDocument();
  const wb = new ExcelJS.Workbook();
  const bytes = await renderXlsx(
    buildReportView(doc, [{ rule: 'BUD-001', severity: 'warning', category: 'table-arithmetic', title: 't', message: '合计不等于各项之和', location: { section: '表 1', line: null, page: null }, expected: '1.00', actual: '2.00', difference: '1.00', unit: '万元' }]),
  );
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  assert.equal(wb.worksheets[0]!.name, '封面');
  const t2 = sheetOf(wb, '表2 ');
  assert.deepEqual(t2.views[0], { ...t2.views[0], state: 'frozen', ySplit: 6 });
  // 本年收入 spans seven columns; its slave cells read the master's text.
  assert.equal(text(t2.getCell(3, 3)), '本年收入');
  assert.equal(text(t2.getCell(3, 9)), '本年收入');
  assert.equal(t2.getCell(3, 9).master.address, 'C3');
  assert.equal(text(sheetOf(wb, '校验结果').getCell(2, 3)), '合计不等于各项之和');
});
