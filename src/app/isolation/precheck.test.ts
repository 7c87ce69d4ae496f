import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FiscusError } from '../../domain/errors.js';
import { xlsxWith, zip } from '../../../test/support/xlsx-bomb.js';
import { limitsWith } from '../limits.js';
import { checkJsonDepth, checkLines, checkSpreadsheet, rangeArea, zipEntries } from './precheck.js';

const limits = limitsWith({ rows: 100, mergedRanges: 10, mergedCells: 1000, unpackedBytes: 1024 * 1024, depth: 8 });

function refusal(fn: () => void): FiscusError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof FiscusError);
    assert.equal(e.code, 'TOO_LARGE');
    return e;
  }
  assert.fail('expected a refusal');
}

test('a spreadsheet within the limits passes', () => {
  checkSpreadsheet(xlsxWith({ rows: 100, merges: 10 }), 'ok.xlsx', limits);
});

test('the ZIP directory of a spreadsheet is read without exceljs', () => {
  const names = zipEntries(xlsxWith({ rows: 2 }))?.map((e) => e.name);
  assert.deepEqual(names, ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet1.xml']);
  assert.equal(zipEntries(new TextEncoder().encode('PK\x03\x04 not a zip')), null);
});

test('too many rows, merged ranges or merged cells are refused naming the limit and the worksheet', () => {
  const rows = refusal(() => checkSpreadsheet(xlsxWith({ rows: 101 }), 'r.xlsx', limits));
  assert.equal(rows.message, '行数应不超过 100 行（限制项 rows），实为 101 行（工作表 sheet1.xml）');
  assert.equal(rows.where.field, 'limits.rows');
  assert.equal(rows.where.file, 'r.xlsx');
  const merged = refusal(() => checkSpreadsheet(xlsxWith({ merges: 50_000 }), 'm.xlsx', { ...limits, unpackedBytes: 100 * 1024 * 1024 }));
  assert.equal(merged.message, '合并单元格区域数应不超过 10 个（限制项 mergedRanges），实为 50000 个（工作表 sheet1.xml）');
  // One range over a large block costs as much as many small ones.
  const cells = refusal(() => checkSpreadsheet(xlsxWith({ merges: 2, width: 26, height: 100 }), 'c.xlsx', limits));
  assert.equal(cells.message, '合并单元格总数应不超过 1000 个（限制项 mergedCells），实为 5200 个（工作表 sheet1.xml）');
});

test('a spreadsheet that unpacks beyond the limit is refused before it is unpacked whole', () => {
  const claimed = refusal(() => checkSpreadsheet(zip({ 'xl/worksheets/sheet1.xml': ' '.repeat(2 * 1024 * 1024) }), 'bomb.xlsx', limits));
  assert.equal(claimed.where.field, 'limits.unpackedBytes');
  assert.match(claimed.message, /^电子表格解压后的大小应不超过 1 MiB（限制项 unpackedBytes），实为 2 MiB$/);
});

test('ranges: one cell, a block, absolute references, nonsense', () => {
  assert.equal(rangeArea('B2'), 1);
  assert.equal(rangeArea('A1:C3'), 9);
  assert.equal(rangeArea('$A$1:$B$10'), 20);
  assert.equal(rangeArea('AA1:A1'), 27);
  assert.equal(rangeArea('x'), 0);
});

test('JSON nested beyond the limit is refused at its line; brackets in strings do not count', () => {
  checkJsonDepth(new TextEncoder().encode(`{"a": "${'['.repeat(100)}", "b": [[[1]]]}`), 'ok.json', 8);
  const e = refusal(() => checkJsonDepth(new TextEncoder().encode('{\n"a":\n' + '['.repeat(100_000)), 'deep.json', 8));
  assert.equal(e.message, 'JSON 嵌套层数应不超过 8 层（限制项 depth），实为更多（第 3 行）');
  assert.equal(e.where.line, 3);
});

test('a text longer than the limit is refused at the first line over it', () => {
  checkLines(new TextEncoder().encode('a\n'.repeat(9)), 't.txt', 10, 'lines');
  const e = refusal(() => checkLines(new TextEncoder().encode('a\n'.repeat(20)), 't.txt', 10, 'lines'));
  assert.equal(e.where.line, 11);
  assert.match(e.message, /^文本行数应不超过 10 行（限制项 lines），实为更多（第 11 行，第 20 字节）$/);
});
