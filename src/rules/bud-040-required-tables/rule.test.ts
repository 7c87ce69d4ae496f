import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a missing table and a missing department-wide form', () => {
  const d = doc();
  d.tables = d.tables.filter((t) => t.no !== 8);
  d.departmentTargets = null;
  const fs = run(d);
  assert.deepEqual(fs.map((f) => f.message.slice(0, 4)), ['缺少表8', '缺少表1']);
  assert.match(fs[1]!.message, /缺少表14/);
  assert.ok(fs.every((f) => f.severity === 'error'));

});

test('does not apply to other layouts', () => {
  const d = doc();
  d.tables = [];
  d.profile = 'authored';
  const fs = run(d);
  assert.deepEqual(fs, []);

});
