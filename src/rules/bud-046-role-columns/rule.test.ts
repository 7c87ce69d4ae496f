import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, tbl } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('warns about a table without the columns of its role', () => {
  const d = doc();
  tbl(d, 3).columns = tbl(d, 3).columns.filter((c) => c.key !== 'basic');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(fs.every((f) => f.severity === 'warning'), JSON.stringify(fs.map((f) => f.severity)));
  assert.match(fs[0]!.message, /表3“支出总表”缺少栏目：基本支出/);
  assert.equal(fs.length, 1);

});
