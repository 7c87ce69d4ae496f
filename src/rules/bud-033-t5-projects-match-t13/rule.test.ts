import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, rowOf, setCell } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a project whose amounts differ between tables 5 and 13', () => {
  const d = doc();
  setCell(d, 13, 't13-2', 'total', '3,500.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /项目“电子政务运行维护”: 表5 总计 3,542\.88 ≠ 表13 合计 3,500\.00/);
  assert.equal(fs.length, 1);
});

test('reports projects present in only one of the tables', () => {
  const d = doc();
  rowOf(d, 13, 't13-3').label = '购置费用';
  const fs = run(d);
  assert.equal(fs.length, 2);
  assert.ok(fs.some((f) => f.severity === 'error' && /表13 项目“购置费用”（101\.66 万元）不在表5项目支出中/.test(f.message)));
  assert.ok(fs.some((f) => f.severity === 'warning' && /表5 项目“购置费”（101\.66 万元）未列入表13/.test(f.message)));
});
