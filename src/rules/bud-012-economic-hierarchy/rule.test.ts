import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, setCell } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports an economic class that is not the sum of its 款', () => {
  const d = doc();
  setCell(d, 4, 't4-9', 'total', '8.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表4 303 对个人和家庭的补助: 总计 51\.33 ≠ 30302 退休费 8\.00 \+ 30399 其他对个人和家庭的补助 43\.26 = 51\.26/);
  assert.equal(fs.length, 1);
});

test('reports a rounding remainder as info', () => {
  const d = doc();
  setCell(d, 4, 't4-9', 'total', '8.08');
  const fs = run(d);
  const infos = fs.filter((f) => f.severity === 'info');
  assert.ok(infos.length > 0, 'expected an info finding');
  assert.match(infos[0]!.message, /尾差 0\.01 万元/);
  assert.match(infos[0]!.message, /303 对个人和家庭的补助/);
  assert.equal(infos[0]!.difference, '0.01');
});
