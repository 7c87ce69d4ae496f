import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { money, ruleHarness, tbl } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('says nothing when every amount was placed', () => {
  assert.deepEqual(run(doc()), []);
});

test('names the rows whose amounts could not be placed, once per table', () => {
  const d = doc();
  const t7 = tbl(d, 7);
  t7.id = 't7';
  for (const r of [t7.rows[4]!, t7.rows[7]!]) {
    r.unplaced = [r.amounts['basic']!];
    r.amounts['basic'] = null;
  }
  const fs = run(d);
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'info');
  assert.equal(fs[0]!.message, `表《一般公共预算支出表》有 2 行金额未能定位（第 ${t7.rows[4]!.src.line}、${t7.rows[7]!.src.line} 行），相关核对未进行`);
  assert.equal(fs[0]!.location.tableId, 't7');
});

test('names inferred placements and unread rows', () => {
  const d = doc();
  const t3 = tbl(d, 3);
  t3.id = 't3';
  t3.rows[0]!.amounts['project'] = { ...money('3,644.54', t3.rows[0]!.src.line), inferred: true };
  d.importNotes = [{ severity: 'error', code: 'row-unreadable', table: 't3', row: null, message: '表《支出总表》第 950 行未能读取：一个金额跨两栏', src: { line: 950, page: 3, raw: '' } }];
  const fs = run(d);
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /1 行金额所在栏目系推断（第 \d+ 行），1 行未能读取（第 950 行），相关核对未进行/);
});
