import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildTemplateFile } from '../../app/template.js';
import { importBytes } from '../../app/import-document.js';
import { codes } from '../../domain/classification/index.js';
import { TABLE_FIRST_DATA_COL, TABLE_KEY_ROW } from './write.js';

const SAMPLE = fileURLToPath(new URL('../../../samples/shenzhen-futian-data-center-2021-dept-budget.txt', import.meta.url));

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

const empty = await load(await buildTemplateFile({ year: 2021 }));

test('the empty template has the guide, cover, narrative, tables 1–13, table 14 and a hidden code sheet', () => {
  const names = empty.worksheets.map((w) => w.name);
  assert.deepEqual(names.slice(0, 3), ['说明', '封面', '叙述']);
  for (let n = 1; n <= 13; n++) assert.ok(names.includes(`表${n}`), `表${n}`);
  assert.ok(names.includes('整体绩效目标'));
  assert.equal(empty.getWorksheet('代码表')!.state, 'hidden');
});

test('table sheets print the title, the unit and the header as published, the code in 类 / 款 / 项, and carry the column keys', () => {
  const ws = empty.getWorksheet('表2')!;
  const row2 = (ws.getRow(2).values as unknown[]).filter((v) => v !== undefined && v !== null);
  assert.equal(ws.getCell(1, 1).value, '表2 收入总表');
  assert.equal(ws.getCell(2, 1).value, '编制单位：');
  assert.deepEqual(row2, ['编制单位：', '单位：万元']);
  assert.equal(ws.getCell(2, ws.actualColumnCount).value, '单位：万元');
  assert.equal(ws.getCell(TABLE_KEY_ROW, 1).value, '列键');
  assert.equal(ws.getCell(TABLE_KEY_ROW, TABLE_FIRST_DATA_COL).value, 'total');
  const top = TABLE_KEY_ROW + 3;
  assert.deepEqual([6, 7, 8].map((c) => ws.getCell(top, c).value), ['类', '款', '项']);
  // 本年收入 spans the columns below it; the leaf 收入总计 is merged down over the header rows.
  const merges: string[] = (ws.model as unknown as { merges: string[] }).merges;
  const col = (c: number) => String.fromCharCode(64 + c);
  assert.ok(merges.some((m) => new RegExp(`^${col(TABLE_FIRST_DATA_COL)}${top}:${col(TABLE_FIRST_DATA_COL)}${top + 2}|${top + 3}$`).test(m)), merges.join(' '));
  assert.equal(ws.getCell(top, TABLE_FIRST_DATA_COL + 1).value, '本年收入');
  assert.equal(ws.getCell(top, TABLE_FIRST_DATA_COL + 2).master.address, `${col(TABLE_FIRST_DATA_COL + 1)}${top}`);
});

test('drop-down lists feed from the hidden code sheet: function, economic and procurement codes, row kinds in Chinese, comparators, quarters', async () => {
  const list = empty.getWorksheet('代码表')!;
  const column = (letter: string) => list.getColumn(letter).values.slice(2).filter((v) => v !== null && v !== undefined).map(String);
  assert.ok(column('A').includes('2010301') && column('A').length >= 50);
  assert.ok(column('C').includes('30101'));
  assert.ok(column('E').includes('A02'));
  assert.deepEqual(column('G'), ['明细', '单位', '分组', '小计', '结转', '合计']);
  assert.deepEqual(column('K'), ['收入', '支出']);
  assert.deepEqual(column('H'), ['≥', '≤', '=', '>', '<']);
  assert.deepEqual(column('I'), ['1', '2', '3', '4']);
  assert.equal(column('A').length, codesOf('function'));

  const t7 = empty.getWorksheet('表7')!;
  const first = TABLE_KEY_ROW + 3 + 3;
  const kind = t7.getCell(first, 3).dataValidation;
  assert.equal(kind.type, 'list');
  assert.equal(kind.formulae[0], `'代码表'!$G$2:$G$7`);
  // 类 / 款 / 项 are text cells: a 款 typed as 01 keeps its zero.
  assert.deepEqual([6, 7, 8].map((c) => t7.getCell(first, c).numFmt), ['@', '@', '@']);

  const filled = await load(await buildTemplateFile({ from: SAMPLE }));
  const form = filled.worksheets.find((w) => w.name.startsWith('项目1'))!;
  let cmp = 0;
  let quarter = 0;
  form.eachRow((row) => row.eachCell((c) => {
    const f: unknown = c.dataValidation?.formulae?.[0];
    if (f === `'代码表'!$H$2:$H$6`) cmp++;
    if (f === `'代码表'!$I$2:$I$5`) quarter++;
  }));
  assert.ok(cmp > 5, `comparator lists: ${cmp}`);
  const sample = await importBytes(readFileSync(SAMPLE), 'sample.txt');
  assert.equal(quarter, sample.projectForms[0]!.disbursement.length);
});

function codesOf(system: 'function'): number {
  let n = 0;
  const walk = (p: string | null) => codes.children(system, p, 2021).forEach((e) => { n++; walk(e.code); });
  walk(null);
  return n;
}

test('amount cells are numbers in 万元 formatted with the printed places', async () => {
  const filled = await load(await buildTemplateFile({ from: SAMPLE }));
  const ws = filled.getWorksheet('表1')!;
  let r = 1;
  while (ws.getCell(r, 1).value !== 't1-1') r++;
  assert.equal(ws.getCell(r, TABLE_FIRST_DATA_COL).value, 4424.6);
  assert.equal(ws.getCell(r, TABLE_FIRST_DATA_COL).numFmt, '#,##0.00');
  const form = filled.worksheets.find((w) => w.name.startsWith('项目1'))!;
  let four = 0;
  form.eachRow((row) => row.eachCell((c) => { if (c.value === 81.7587 && c.numFmt === '#,##0.0000') four++; }));
  assert.equal(four, 1);
});

test('an empty template reads back as a document with empty tables once the cover is filled', async () => {
  const wb = await load(await buildTemplateFile({ year: 2022 }));
  wb.getWorksheet('封面')!.getCell('B2').value = '测试单位';
  const d = await importBytes(new Uint8Array(await wb.xlsx.writeBuffer()), 'new.xlsx');
  assert.equal(d.unit.name, '测试单位');
  assert.equal(d.year, 2022);
  assert.equal(d.tables.length, 13);
  assert.ok(d.tables.every((t) => t.rows.length === 0));
  assert.deepEqual(d.tables.find((t) => t.no === 2)!.columns[1]!.header, ['本年收入', '政府预算拨款', '一般公共预算拨款', '小计']);
  assert.equal(d.departmentTargets, null);
});
