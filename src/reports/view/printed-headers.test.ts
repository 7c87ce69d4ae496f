/**
 * A published table never prints fiscus's own keys as headers: a column whose header could not be read
 * (placeholder key c1_1, p2.c2_1) prints none, and the texts a row carries beside its label (unitCode,
 * seq, basis) print under their Chinese names. Real documents: a Quanzhou budget (project forms read as
 * tables, a department form over two panels), a Changsha budget (unit-coded rows), a Chongqing budget
 * (序号 columns) and the Shanghai final-accounts sample (三公 table by 预算数 / 决算数).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { importFile } from '../../app/import-document.js';
import { headerText, NO_HEADER } from '../../domain/catalogue/index.js';
import { outlineOf, tableViewOf } from './index.js';

const SHARED = join(import.meta.dirname, '../../../../shared');
const DOCS = [
  'corpus/txt/quanzhou-govt-office-2026-budget.txt',
  'corpus/txt/changsha-petitions-bureau-2026-budget.txt',
  'corpus/txt/chongqing-commerce-commission-2026-budget.txt',
  'samples/shanghai-putuo-finance-bureau-2024-dept-final-accounts.txt',
];

test('no header of a published table is a key of the model', async () => {
  const seen = { blank: 0, named: new Set<string>() };
  for (const path of DOCS) {
    const doc = await importFile(join(SHARED, path));
    for (const t of doc.tables) {
      const v = tableViewOf(doc, t, outlineOf(doc));
      for (const cell of v.header.flat()) {
        assert.doesNotMatch(cell.text, /^[A-Za-z][\w.]*$/, `${path} 《${t.title.text}》 prints the header ${cell.text}`);
        if (cell.text === '') seen.blank++;
        if (['单位编码', '序号', '口径'].includes(cell.text)) seen.named.add(cell.text);
      }
    }
  }
  // The documents do have such columns: the assertion above is not vacuous.
  assert.ok(seen.blank > 0, 'a column without a readable header prints an empty header');
  assert.deepEqual([...seen.named].sort(), ['单位编码', '口径', '序号'].sort());
});

test("a column's header in a sentence: its printed words, or a phrase saying it has none", () => {
  assert.equal(headerText({ key: 'general', header: ['一般公共预算', '小计'] }), '一般公共预算 / 小计');
  assert.equal(headerText({ key: 'c1_3', header: ['c1_3'] }), NO_HEADER);
  assert.equal(headerText({ key: 'p2.c2_1', header: ['p2.c2_1'] }), NO_HEADER);
  assert.equal(headerText({ key: 'revenue.c1_2', header: ['c1_2'] }), NO_HEADER);
  // A placeholder key whose header was read keeps its header.
  assert.equal(headerText({ key: 'c1_3', header: ['其他资金'] }), '其他资金');
});
