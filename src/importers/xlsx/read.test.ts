import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { importFile, importBytes } from '../../app/import-document.js';
import { writeTemplate } from '../../reports/template/index.js';
import { FiscusError } from '../../domain/errors.js';
import type { BudgetDocument } from '../../domain/model.js';
import { importXlsx, XlsxCellError } from './read.js';

const SAMPLE = fileURLToPath(new URL('../../../samples/shenzhen-futian-data-center-2021-dept-budget.txt', import.meta.url));

/** The document without provenance, source and profile: what an authoring round trip must keep. */
function content(d: BudgetDocument): unknown {
  // Coverage describes how a source was read, like provenance: a spreadsheet is read cell by cell.
  const { source: _s, profile: _p, coverage: _c, ...rest } = d;
  return JSON.parse(JSON.stringify(rest, (k, v) => (k === 'src' ? undefined : v)));
}

const sample = await importFile(SAMPLE);
const sampleXlsx = await writeTemplate({ doc: sample, standardTables: [] });

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

async function save(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
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
  assert.match(m.src!.raw, new RegExp(`^表7!K${row.src.line}$`));
  assert.equal(row.src.raw, `表7!${row.src.line}`);
});

test('an amount cell holding text that is not a number is refused with file, sheet and cell', async () => {
  const wb = await load(sampleXlsx);
  const ws = wb.getWorksheet('表7')!;
  let r = 1;
  while (ws.getCell(r, 1).value !== 't7-2') r++;
  ws.getCell(r, 11).value = 'abc';
  const bytes = await save(wb);
  await assert.rejects(importBytes(bytes, 'budget.xlsx'), (e: unknown) => {
    assert.ok(e instanceof XlsxCellError && e instanceof FiscusError);
    assert.equal(e.code, 'INPUT_INVALID');
    assert.equal(e.oneLine(), `budget.xlsx:表7!K${r}: expected an amount in 万元, found "abc"`);
    assert.equal(e.where.line, r);
    return true;
  });
});

test('an amount finer than one fen is refused rather than rounded', async () => {
  const wb = await load(sampleXlsx);
  const ws = wb.getWorksheet('表3')!;
  let r = 1;
  while (ws.getCell(r, 3).value !== 'unit') r++;
  ws.getCell(r, 11).value = 1.1234567;
  await assert.rejects(importXlsx(await save(wb), 'b.xlsx'), (e: unknown) => {
    assert.ok(e instanceof FiscusError);
    assert.match(e.oneLine(), /^b\.xlsx:表3!K\d+: expected an amount in 万元 with at most 6 decimals, found "1\.1234567"$/);
    return true;
  });
});

test('amounts are converted to fen exactly, also where binary floating point would drift', async () => {
  const wb = await load(sampleXlsx);
  const ws = wb.getWorksheet('表3')!;
  let r = 1;
  while (ws.getCell(r, 3).value !== 'unit') r++;
  // 0.1 + 0.2 in a double is 0.30000000000000004: a naive × 1e6 truncation gives 300,000 or worse.
  ws.getCell(r, 11).value = 4424.6;
  ws.getCell(r, 12).value = 1.005;
  ws.getCell(r, 13).value = '3,644.54';
  const d = await importXlsx(await save(wb), 'b.xlsx');
  const row = d.tables.find((t) => t.no === 3)!.rows[0]!;
  assert.equal(row.amounts['total']!.fen, 4_424_600_000);
  assert.equal(row.amounts['basic']!.fen, 1_005_000);
  assert.equal(row.amounts['project']!.fen, 3_644_540_000);
});

test('a code missing from the code tables becomes a warning import note, not an error', async () => {
  const wb = await load(sampleXlsx);
  const ws = wb.getWorksheet('表7')!;
  let r = 1;
  while (ws.getCell(r, 7).value !== 'function') r++;
  ws.getCell(r, 6).value = '2999999';
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
