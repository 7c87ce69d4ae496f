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

test('explanations whose 决算数 is the table’s give nothing', () => {
  assert.deepEqual(run({}).findings, []);
});

test('an explanation’s 决算数 other than the table’s is an error at its line', () => {
  const r = run({ final: '95.00', statedFinal: '105.00' });
  const f = r.findings.filter((x) => x.item === 'function:2010601');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.location.line, 20);
  assert.equal(f[0]!.location.fact, 'comparison.actual');
  assert.deepEqual([f[0]!.expected, f[0]!.actual, f[0]!.difference], ['95.00', '105.00', '10.00']);
  assert.match(f[0]!.message, /所列支出决算 105\.00 万元/);
});

test('the 三公 explanation is compared with the 决算数 line of the 三公 table', () => {
  const r = run({ threeFinal: '0.90' });
  assert.equal(r.findings.length, 0);
  const { budget, final } = pairDocs({});
  final.finalAccounts!.comparisons[2]!.actual = { fen: 0, decimals: 2 };
  const f = runPairRules(pairOf(budget, final), [rule]).findings;
  assert.equal(f.length, 1);
  assert.equal(f[0]!.item, 'three-public:total');
  assert.equal(f[0]!.difference, '-0.90');
});
