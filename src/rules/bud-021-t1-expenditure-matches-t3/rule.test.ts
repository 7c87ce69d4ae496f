import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { money, row, ruleHarness, setCell, tbl } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a table 3 total that differs from table 1', () => {
  const d = doc();
  setCell(d, 3, 't3-1', 'total', '4,400.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表1 本年支出合计 4,424\.60 ≠ 表3 支出总计 4,400\.00/);
  assert.equal(fs.length, 1);
});

test('a department line printed level with its own 本级 unit is the total, not a part', () => {
  const d = doc();
  const t3 = tbl(d, 3);
  const own = structuredClone(t3.rows[0]!);
  own.id = 't3-2';
  own.label = '测试单位（本级）';
  t3.rows.push(own);
  assert.deepEqual(run(d), []);
});

test('a flat table 3 of 项 lines without a total line is summed over all its lines', () => {
  const d = doc();
  const t3 = tbl(d, 3);
  t3.rows = [
    row('a', '行政运行', { total: '4,000.00', basic: '780.06', project: '3,219.94' }, { code: '2010301', codeSystem: 'function', level: 3 }),
    row('b', '其他政府办公厅（室）及相关机构事务支出', { total: '424.60', basic: null, project: '424.60' }, { code: '2010399', codeSystem: 'function', level: 3 }),
  ];
  assert.deepEqual(run(d), []);
  t3.rows[1]!.amounts['total'] = money('400.00');
  assert.equal(run(d).length, 1);
});

test('a department line printed level with its own 本级 line among the top lines (no unit lines) is the total too', () => {
  const d = doc();
  const t3 = tbl(d, 3);
  // shenzhen-public-works-bureau-2026-budget 表5: 深圳市建筑工务署, 深圳市建筑工务署（本级）, then its centres, all top lines.
  t3.rows = [
    row('d', '测试单位', { total: '4,424.60', basic: '1,200.00', project: '3,224.60' }),
    row('o', '测试单位（本级）', { total: '4,000.00', basic: '1,000.00', project: '3,000.00' }),
    row('c', '测试单位某中心', { total: '424.60', basic: '200.00', project: '224.60' }),
  ];
  assert.deepEqual(run(d), []);
  // Without a 本级 line, the department's line is not told from its units': the top lines are summed.
  t3.rows[1]!.label = '测试单位某所';
  assert.equal(run(d).length, 1);
});
