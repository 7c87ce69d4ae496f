import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { row, ruleHarness, setCell, tbl } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a class that is not the sum of its 款', () => {
  const d = doc();
  setCell(d, 7, 't7-3', 'basic', '619.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /201 一般公共服务支出: 基本支出 619\.11 ≠ 20103 政府办公厅（室）及相关机构事务 619\.00/);
  assert.equal(fs.length, 2); // 201 ≠ 20103 and 20103 ≠ 2010399
});

test('reports a rounding remainder as info', () => {
  const d = doc();
  setCell(d, 7, 't7-12', 'total', '63.61');
  const fs = run(d);
  const infos = fs.filter((f) => f.severity === 'info');
  assert.ok(infos.length > 0, 'expected an info finding');
  assert.match(infos[0]!.message, /尾差 0\.01 万元/);
  assert.match(infos[0]!.message, /22102 住房改革支出/);
  assert.equal(infos[0]!.difference, '0.01');
});

test('a class heading a line without a code is not checked: that line may be one of its children', () => {
  const d = doc();
  const t7 = tbl(d, 7);
  // 2210203 printed without a code the reader could resolve: 22102 = 63.60 + (unknown) is not asserted.
  const r = t7.rows.find((x) => x.id === 't7-13')!;
  delete r.code;
  delete r.codeSystem;
  assert.deepEqual(run(d), []);
  r.label = '购房补贴';
  r.code = '2210203';
  r.codeSystem = 'function';
  setCell(d, 7, 't7-13', 'total', '24.04');
  assert.ok(run(d).some((f) => f.location.row === 't7-11'));
});

test('children repeating a code (units the reader did not tell apart) leave the parent unchecked', () => {
  const d = doc();
  const t7 = tbl(d, 7);
  t7.rows.push(row('t7-dup', '住房公积金', { total: '63.60', basic: '63.60', project: null }, { code: '2210201', codeSystem: 'function', level: 3, parent: 't7-11' }));
  assert.deepEqual(
    run(d).filter((f) => f.location.row === 't7-11'),
    [],
  );
});

test('read by the generic recogniser, a child row placed one column off (its own 合计 ≠ 基本 + 项目) is no basis for the class sum; in an exact profile it still is (yantai-education-bureau-2026-budget.txt line 458)', () => {
  const d = doc();
  // 2010399 read shifted: 合计 empty, 基本支出 ← its 合计, 项目支出 ← its 基本支出.
  const r = tbl(d, 7).rows.find((x) => x.id === 't7-4')!;
  const { total, basic } = r.amounts;
  r.amounts = { ...r.amounts, total: null, basic: total!, project: basic! };
  assert.ok(
    run(d).some((f) => f.severity === 'error'),
    'exact profile: reported',
  );
  d.profile = 'generic';
  assert.deepEqual(
    run(d).filter((f) => f.severity !== 'info'),
    [],
  );
});
