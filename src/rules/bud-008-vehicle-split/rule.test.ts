import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, setCell } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports vehicle expenses that are not purchase plus running', () => {
  const d = doc();
  setCell(d, 12, 't12-2', 'vehicleRunning', '2.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /公务用车购置及运行维护费小计 2\.50 ≠ 公务用车购置费 0\.00 \+ 公务用车运行维护费 2\.00/);
  assert.equal(fs.length, 1);
});

test('reports a rounding remainder as info', () => {
  const d = doc();
  setCell(d, 12, 't12-2', 'vehicleRunning', '2.51');
  const fs = run(d);
  const infos = fs.filter((f) => f.severity === 'info');
  assert.ok(infos.length > 0, 'expected an info finding');
  assert.match(infos[0]!.message, /尾差 0\.01 万元/);
  assert.match(infos[0]!.message, /公务用车运行维护费 2\.51/);
  assert.equal(infos[0]!.difference, '0.01');
});
