import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { importFile, importBytes } from '../../app/import-document.js';
import { writeTemplate } from '../../reports/template/index.js';
import { TABLE_FIRST_DATA_COL, TABLE_KEY_ROW } from '../../reports/template/write.js';

/** The first amount column of a table sheet, as a letter (after the row fields). */
const A1 = String.fromCharCode(64 + TABLE_FIRST_DATA_COL);
import { runRules } from '../../rules/engine.js';
import { FiscusError } from '../../domain/errors.js';
import type { BudgetDocument } from '../../domain/model.js';
import { importXlsx } from './read.js';

const SAMPLE = fileURLToPath(new URL('../../../samples/shenzhen-futian-data-center-2021-dept-budget.txt', import.meta.url));

/** The document without provenance, source and profile: what an authoring round trip must keep. */
function content(d: BudgetDocument): unknown {
  // Coverage describes how a source was read, like provenance: a spreadsheet is read cell by cell.
  const { source: _s, profile: _p, coverage: _c, ...rest } = d;
  return JSON.parse(JSON.stringify(rest, (k, v: unknown) => (k === 'src' ? undefined : v))) as unknown;
}

const sample = await importFile(SAMPLE);

/** The first sheet row whose cell in column `col` holds `value`. */
function rowWhere(ws: ExcelJS.Worksheet, col: number, value: string): number {
  let r = 1;
  while (ws.getCell(r, col).value !== value) r++;
  return r;
}
const sampleXlsx = await writeTemplate({ doc: sample, standardTables: [] });

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

async function save(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test('the Shenzhen sample survives model → template → model unchanged apart from provenance', async () => {
  const back = await importBytes(sampleXlsx, 'budget.xlsx');
  assert.equal(back.profile, 'fiscus-xlsx');
  assert.equal(back.source.format, 'xlsx');
  assert.deepStrictEqual(content(back), content(sample));
  // The sample's 表2 unit row prints four figures in sixteen columns: two are inferred and two
  // columns unknown (no key); both survive the spreadsheet rather than becoming plain or empty cells.
  const unitRow = (d: BudgetDocument) => d.tables.find((t) => t.no === 2)!.rows[0]!;
  assert.equal(unitRow(back).amounts.generalDuty?.inferred, true);
  assert.equal('generalSpecial' in unitRow(sample).amounts, false);
  assert.equal('generalSpecial' in unitRow(back).amounts, false);
  // Sanity: the comparison sees the whole document, not an empty shell.
  assert.equal(back.tables.length, 13);
  assert.equal(back.projectForms.length, 10);
  assert.ok(back.departmentTargets);
});

test('provenance names the sheet and cell, the line is the sheet row and the page is null', async () => {
  const back = await importXlsx(sampleXlsx, 'budget.xlsx');
  const t7 = back.tables.find((t) => t.no === 7)!;
  const row = t7.rows[1]!;
  const m = Object.values(row.amounts).find((x) => x !== null)!;
  assert.equal(m.src!.page, null);
  assert.equal(m.src!.line, row.src.line);
  assert.match(m.src!.raw, new RegExp(`^表7!${A1}${row.src.line}$`));
  assert.equal(row.src.raw, `表7!${row.src.line}`);
});

test('an amount cell holding text that is not a number is unknown and a located error; the rest of the workbook is read and checked', async () => {
  const wb = await load(sampleXlsx);
  const ws = wb.getWorksheet('表7')!;
  const r = rowWhere(ws, 1, 't7-2');
  const key = ws.getCell(TABLE_KEY_ROW, TABLE_FIRST_DATA_COL).text;
  ws.getCell(r, TABLE_FIRST_DATA_COL).value = 'abc';
  const doc = await importBytes(await save(wb), 'budget.xlsx');
  const row = doc.tables.find((t) => t.no === 7)!.rows.find((x) => x.id === 't7-2')!;
  assert.ok(!(key in row.amounts), 'the bad cell is unknown, not zero');
  assert.ok(Object.keys(row.amounts).length > 0, "the row's other cells are read");
  const note = doc.importNotes.find((n) => n.code === 'amount-unreadable')!;
  assert.equal(note.severity, 'error');
  assert.equal(note.row, 't7-2');
  assert.deepEqual(note.src, { line: r, page: null, raw: `表7!${A1}${r}` });
  assert.equal(note.message, `工作表“表7”第 ${r} 行的金额未能读取（表7!${A1}${r}：应为金额（万元），实为 "abc"）`);
  assert.equal(doc.tables.length, (await importXlsx(sampleXlsx, 'x.xlsx')).tables.length, 'every table is still read');
  const findings = runRules(doc).filter((f) => f.rule === 'BUD-048');
  assert.ok(
    findings.some((f) => f.severity === 'error' && f.message.includes(`表7!${A1}${r}`)),
    'the note is a finding',
  );
});

test('an amount finer than one fen is not rounded: the cell is unknown and named', async () => {
  const wb = await load(sampleXlsx);
  const ws = wb.getWorksheet('表3')!;
  const r = rowWhere(ws, 3, '单位');
  ws.getCell(r, TABLE_FIRST_DATA_COL).value = 1.1234567;
  const doc = await importXlsx(await save(wb), 'b.xlsx');
  const row = doc.tables.find((t) => t.no === 3)!.rows.find((x) => x.src.line === r)!;
  assert.ok(
    Object.values(row.amounts).every((m) => m?.fen !== 11_234_567 && m?.fen !== 11_234_570),
    'no rounded value',
  );
  assert.match(doc.importNotes.map((n) => n.message).join('\n'), new RegExp(`表3!${A1}\\d+：应为金额（万元，至多 6 位小数），实为 "1\\.1234567"`));
});

test('a row with a bad field is left out and named; a sheet with a bad header is left out and named; the rest is read', async () => {
  const wb = await load(sampleXlsx);
  const t7 = wb.getWorksheet('表7')!;
  const r = rowWhere(t7, 1, 't7-2');
  t7.getCell(r, 2).value = 'NaN';
  const t6 = wb.getWorksheet('表6')!;
  t6.getCell(TABLE_KEY_ROW + 1, TABLE_FIRST_DATA_COL).value = '金额？';
  const doc = await importXlsx(await save(wb), 'c.xlsx');
  const all = await importXlsx(sampleXlsx, 'x.xlsx');
  assert.equal(doc.tables.length, all.tables.length - 1);
  assert.ok(!doc.tables.some((t) => t.no === 6));
  const t7rows = doc.tables.find((t) => t.no === 7)!.rows;
  assert.equal(t7rows.length, all.tables.find((t) => t.no === 7)!.rows.length - 1);
  assert.ok(!t7rows.some((x) => x.id === 't7-2'));
  const codes = doc.importNotes.filter((n) => n.severity === 'error').map((n) => `${n.code} ${n.src.raw}`);
  assert.deepEqual(codes.sort(), [`row-unreadable 表7!B${r}`, `table-unreadable 表6!${A1}${TABLE_KEY_ROW + 1}`]);
});

test('amounts are converted to fen exactly, also where binary floating point would drift', async () => {
  const wb = await load(sampleXlsx);
  const ws = wb.getWorksheet('表3')!;
  const r = rowWhere(ws, 3, '单位');
  // 0.1 + 0.2 in a double is 0.30000000000000004: a naive × 1e6 truncation gives 300,000 or worse.
  ws.getCell(r, TABLE_FIRST_DATA_COL).value = 4424.6;
  ws.getCell(r, TABLE_FIRST_DATA_COL + 1).value = 1.005;
  ws.getCell(r, TABLE_FIRST_DATA_COL + 2).value = '3,644.54';
  const d = await importXlsx(await save(wb), 'b.xlsx');
  const row = d.tables.find((t) => t.no === 3)!.rows[0]!;
  assert.equal(row.amounts['total']!.fen, 4_424_600_000);
  assert.equal(row.amounts['basic']!.fen, 1_005_000);
  assert.equal(row.amounts['project']!.fen, 3_644_540_000);
});

test('a code missing from the code tables becomes a warning import note, not an error', async () => {
  const wb = await load(sampleXlsx);
  const ws = wb.getWorksheet('表7')!;
  const r = rowWhere(ws, 9, 'function');
  // 类 / 款 / 项 as a person types them.
  ws.getCell(r, 6).value = '299';
  ws.getCell(r, 7).value = '99';
  ws.getCell(r, 8).value = '99';
  const d = await importXlsx(await save(wb), 'b.xlsx');
  const note = d.importNotes.find((n) => n.severity === 'warning' && n.message.includes('2999999'));
  assert.ok(note, JSON.stringify(d.importNotes.slice(-2)));
  assert.equal(note.src.raw, `表7!F${r}`);
});

test('a workbook that is not a fiscus template is refused naming its sheets', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1').getCell('A1').value = 1;
  await assert.rejects(importBytes(await save(wb), 'other.xlsx'), (e: unknown) => e instanceof FiscusError && e.code === 'INPUT_INVALID' && /封面/.test(e.message) && /Sheet1/.test(e.message));
});

test('a damaged ZIP is unreadable input', async () => {
  const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
  await assert.rejects(importBytes(bytes, 'broken.xlsx'), (e: unknown) => e instanceof FiscusError && e.code === 'INPUT_UNREADABLE');
});

test('a date cell whose serial is no date, and a narrative column whose header was deleted, are located notes, not a parser crash (file fuzz, seed 20261206, xlsx cases 38 and 54)', async () => {
  const wb = await load(sampleXlsx);
  const t7 = wb.getWorksheet('表7')!;
  const r = rowWhere(t7, 1, 't7-2');
  // A number beyond any date, formatted as a date: exceljs reads it as an Invalid Date.
  t7.getCell(r, 2).value = 1e12;
  t7.getCell(r, 2).numFmt = 'yyyy-mm-dd';
  const n = wb.getWorksheet('叙述')!;
  let keyCol = 1;
  while (n.getCell(1, keyCol).value !== '键') keyCol++;
  n.getCell(1, keyCol).value = null;
  const doc = await importXlsx(await save(wb), 'd.xlsx');
  const all = await importXlsx(sampleXlsx, 'x.xlsx');
  assert.equal(doc.tables.length, all.tables.length);
  assert.equal(doc.tables.find((t) => t.no === 7)!.rows.length, all.tables.find((t) => t.no === 7)!.rows.length - 1);
  const notes = doc.importNotes.filter((x) => x.severity === 'error');
  assert.ok(
    notes.some((x) => x.src.raw === `表7!B${r}` && /无效日期/.test(x.message)),
    JSON.stringify(notes.map((x) => x.message)),
  );
  // Without its key column, the facts cannot be named: each is a located note on its 叙述 row; the rest is read.
  assert.ok(
    notes.some((x) => /^叙述!\d+/.test(x.src.raw) && /事实键/.test(x.message)),
    JSON.stringify(notes.map((x) => `${x.src.raw} ${x.message}`).slice(0, 5)),
  );
  assert.ok(doc.narrative.parts.length > 0);
});

/** Every amount of every table row, keyed by table, row id and column key: what "the same amounts, fen by fen" compares. */
function amountsOf(d: BudgetDocument): Map<string, number | null> {
  const m = new Map<string, number | null>();
  for (const t of d.tables) for (const r of t.rows) for (const [k, v] of Object.entries(r.amounts)) m.set(`${t.no}|${r.id}|${k}`, v?.fen ?? null);
  return m;
}

test('the laid-out template of the sample reads back to the same amounts, fen by fen, and prints titles, units and 类 / 款 / 项 as published', async () => {
  const back = await importXlsx(sampleXlsx, 'budget.xlsx');
  const a = amountsOf(sample);
  assert.ok(a.size > 300, `amounts compared: ${a.size}`);
  assert.deepEqual(amountsOf(back), a);
  const wb = await load(sampleXlsx);
  const t7 = wb.getWorksheet('表7')!;
  assert.equal(t7.getCell(1, 1).value, '表7 一般公共预算支出表');
  assert.equal(t7.getCell(2, t7.actualColumnCount).value, '单位：万元');
  const r = rowWhere(t7, 11, '其他政府办公厅(室)及相关机构事务支出');
  assert.deepEqual(
    [6, 7, 8].map((c) => t7.getCell(r, c).value),
    ['201', '03', '99'],
  );
  assert.equal(t7.getCell(r, 3).value, '明细');
});

test('a template filled by hand reads the same: labels typed with spaces and colons, 其中: for 其中：, 款 typed as a number, a column known by its heading alone', async () => {
  const wb = await load(sampleXlsx);
  const t3 = wb.getWorksheet('表3')!;
  const t7 = wb.getWorksheet('表7')!;
  // The table fields as a person types them.
  for (const ws of [t3, t7]) {
    for (let r = 1; r < TABLE_KEY_ROW; r++) {
      const v = ws.getCell(r, 1).value;
      if (v === '表格标题') ws.getCell(r, 1).value = '表格 标题：';
      if (v === '金额单位') ws.getCell(r, 1).value = ' 金额单位: ';
    }
    ws.getCell(TABLE_KEY_ROW + 3, 11).value = '名 称';
  }
  // 表3's 政府采购 column without its key, its heading typed "其中: 政府采购项目": the catalogue's vocabulary names it.
  let pc = TABLE_FIRST_DATA_COL;
  while (t3.getCell(TABLE_KEY_ROW, pc).value !== 'procurement') pc++;
  t3.getCell(TABLE_KEY_ROW, pc).value = null;
  t3.getCell(TABLE_KEY_ROW + 3, pc).value = '其中: 政府采购项目';
  // 201 03 99 typed with 款 and 项 as numbers (Excel drops "03"'s zero), a row kind with spaces.
  const r = rowWhere(t7, 11, '其他政府办公厅(室)及相关机构事务支出');
  t7.getCell(r, 7).value = 3;
  t7.getCell(r, 8).value = 99;
  t7.getCell(r, 3).value = ' 明 细 ';
  const doc = await importXlsx(await save(wb), 'hand.xlsx');
  assert.deepEqual(
    doc.importNotes.filter((n) => n.severity === 'error'),
    [],
  );
  assert.deepEqual(amountsOf(doc), amountsOf(sample));
  const t3back = doc.tables.find((t) => t.no === 3)!;
  assert.deepEqual(
    t3back.columns.map((c) => c.key),
    sample.tables.find((t) => t.no === 3)!.columns.map((c) => c.key),
  );
  assert.equal(t3back.title.text, sample.tables.find((t) => t.no === 3)!.title.text);
  const row = doc.tables.find((t) => t.no === 7)!.rows.find((x) => x.label === '其他政府办公厅(室)及相关机构事务支出')!;
  assert.equal(row.code, '2010399');
  assert.equal(row.kind, 'item');
});
