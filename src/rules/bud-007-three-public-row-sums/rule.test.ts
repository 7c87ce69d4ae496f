import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, setCell } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a three-public total that is not the sum of its three parts', () => {
  const d = doc();
  setCell(d, 12, 't12-1', 'total', '4.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(fs.every((f) => f.severity === 'error'), JSON.stringify(fs.map((f) => f.severity)));
  assert.match(fs[0]!.message, /总计 4\.00 ≠ 因公出国\(境\)费 0\.00 \+ 公务接待费 1\.00 \+ 公务用车购置及运行维护费小计 2\.50/);
  assert.equal(fs.length, 1);

});

test('reports a rounding remainder as info', () => {
  const d = doc();
  setCell(d, 12, 't12-1', 'reception', '1.01');
  const fs = run(d);
  const infos = fs.filter((f) => f.severity === 'info');
  assert.ok(infos.length > 0, 'expected an info finding');
  assert.match(infos[0]!.message, /尾差 0\.01 万元/);
  assert.match(infos[0]!.message, /公务接待费 1\.01/);
  assert.equal(infos[0]!.difference, '0.01');

});
