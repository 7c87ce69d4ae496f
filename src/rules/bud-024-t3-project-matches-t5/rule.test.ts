import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { col, money, ruleHarness, setCell, tbl } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports table 3 project expenditure that differs from table 5', () => {
  const d = doc();
  setCell(d, 3, 't3-1', 'project', '3,000.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表3 项目支出 3,000\.00 ≠ 表5 总计 3,644\.54/);
  assert.equal(fs.length, 1);
});

test('a project table that also lists the projects of 经营支出 lies between 项目支出 and that plus 经营支出', () => {
  const d = doc();
  const t3 = tbl(d, 3);
  t3.columns.push(col('operatingExp', undefined, ['事业单位经营支出']));
  t3.rows[0]!.amounts['operatingExp'] = money('200.00');
  setCell(d, 5, 't5-1', 'total', '3,844.54');
  assert.deepEqual(
    run(d).filter((f) => f.severity === 'error'),
    [],
  );
  setCell(d, 5, 't5-1', 'total', '3,944.54');
  assert.equal(run(d).filter((f) => f.severity === 'error').length, 1);
});
