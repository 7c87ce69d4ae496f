import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pairOf } from '../pair.js';
import { runPairRules } from '../engine.js';
import { pairDocs, type PairFigures } from '../test-pair.js';
import { rule } from './rule.js';

const run = (p: PairFigures, pct = 10) => {
  const { budget, final } = pairDocs(p);
  return runPairRules(pairOf(budget, final, pct), [rule]);
};

test('small deviations, and large ones with a reason, give nothing', () => {
  assert.deepEqual(run({}).findings, []);
  assert.deepEqual(run({ final: '50.00', statedFinal: '50.00' }).findings, []);
});

test('a large deviation without a reason is a warning at the final figure, by the deviation', () => {
  const r = run({ final: '80.00', reason: null });
  const f = r.findings.filter((x) => x.item === 'function:2010601');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'warning');
  assert.equal(f[0]!.location.row, 'f2010601');
  assert.equal(f[0]!.location.tableId, 't5');
  assert.equal(f[0]!.budgetLocation?.row, 'f2010601');
  assert.deepEqual([f[0]!.expected, f[0]!.actual, f[0]!.difference], ['100.00', '80.00', '-20.00']);
  assert.match(f[0]!.message, /减少 20\.00 万元（下降 20\.00%），差异超过预算数的 10%，决算说明第 20 行只列数字，未说明原因/);
});

test('the threshold is a setting: 20 % is not above 25 %', () => {
  assert.equal(run({ final: '80.00', reason: null }, 25).findings.length, 0);
  assert.equal(run({ final: '80.00', reason: null }, 19.99).findings.length, 1);
});

test('a 三公 deviation without a reason is a warning at the 决算数 line', () => {
  const r = run({ threeFinal: '0.00', threeReason: null });
  const f = r.findings.find((x) => x.item === 'three-public:total');
  assert.ok(f);
  assert.equal(f.location.row, 'final');
  assert.equal(f.difference, '-1.00');
});

test('an unknown final cell is not checked', () => {
  const { budget, final } = pairDocs({ final: '80.00', reason: null });
  const r0 = final.tables[0]!.rows.find((x) => x.id === 'f2010601')!;
  r0.amounts['total'] = { ...r0.amounts['total']!, inferred: true };
  const r = runPairRules(pairOf(budget, final), [rule]);
  assert.equal(r.findings.filter((x) => x.item === 'function:2010601').length, 0);
  assert.ok(r.notChecked.some((n) => n.item === 'function:2010601'));
});
