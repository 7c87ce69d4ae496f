import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pairOf } from '../pair.js';
import { runPairRules } from '../engine.js';
import { pairDocs, type PairFigures } from '../test-pair.js';
import { rule } from './rule.js';

const run = (p: PairFigures) => {
  const { budget, final } = pairDocs(p);
  return runPairRules(pairOf(budget, final), [rule]);
};

test('a completion rate of 决算数 over the published budget gives nothing', () => {
  assert.deepEqual(run({ rate: '95.00' }).findings, []);
  assert.deepEqual(run({ rate: '95' }).findings, []);
});

test('a rate computed against another budget is an error, by how much', () => {
  const r = run({ budget: '120.00', rate: '95.00' });
  assert.equal(r.findings.length, 1);
  const f = r.findings[0]!;
  assert.equal(f.item, 'general:total');
  assert.equal(f.location.fact, 'comparison.completion-rate');
  assert.deepEqual([f.expected, f.actual, f.difference, f.unit], ['79.17', '95.00', '15.83', '%']);
});

test('a budget of 0 gives no rate: not checked', () => {
  const r = run({ budget: '0.00', statedBudget: '0.00', rate: '95.00' });
  assert.equal(r.findings.length, 0);
  assert.ok(r.notChecked.some((n) => n.item === 'general:total' && /预算数为 0/.test(n.reason)));
});
