import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pairOf } from '../pair.js';
import { runPairRules } from '../engine.js';
import { pairDocs, withNationalColumns, type PairFigures } from '../test-pair.js';
import { rule } from './rule.js';

/** The pair with a 调整预算数 of 2010601 (and of the 合计) printed by the final account. */
const run = (adjusted: string, p: PairFigures = {}, deviation = 10) => {
  const { budget, final } = withNationalColumns(pairDocs(p), { f2010601: { 'adjusted.total': adjusted }, total: { 'adjusted.total': adjusted } });
  return runPairRules(pairOf(budget, final, deviation), [rule]);
};

test('an adjusted budget within 10 % of the budget gives nothing', () => {
  const r = run('109.00');
  assert.deepEqual(r.findings, []);
  assert.deepEqual(r.notChecked, []);
});

test('a large adjustment the narrative explains gives nothing', () => {
  assert.deepEqual(run('150.00').findings, []);
});

test('a large adjustment without a reason is a warning at the 调整预算数 cell, pointing at the budget', () => {
  const r = run('150.00', { reason: null });
  const f = r.findings.filter((x) => x.item === 'function:2010601');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'warning');
  assert.deepEqual([f[0]!.location.tableId, f[0]!.location.row, f[0]!.location.column], ['t5', 'f2010601', 'adjusted.total']);
  assert.deepEqual([f[0]!.budgetLocation?.row, f[0]!.budgetLocation?.column], ['f2010601', 'total']);
  assert.deepEqual([f[0]!.expected, f[0]!.actual, f[0]!.difference], ['100.00', '150.00', '50.00']);
  assert.match(f[0]!.message, /调整预算数 150\.00 万元，比部门预算 100\.00 万元调增 50\.00 万元（50\.00%），超过预算数的 10%，决算说明第 20 行只列数字，未说明原因/);
  // The 合计's explanation gives a reason: no warning there.
  assert.equal(r.findings.filter((x) => x.item === 'general:total').length, 0);
});

test('the threshold is the caller’s', () => {
  assert.equal(run('104.00', { reason: null }, 3).findings.length, 1);
  assert.equal(run('104.00', { reason: null }, 5).findings.length, 0);
});

test('an unknown 调整预算数 is not checked', () => {
  const { budget, final } = withNationalColumns(pairDocs({ reason: null }), { f2010601: { 'adjusted.total': '150.00' } });
  const r0 = final.tables[0]!.rows.find((x) => x.id === 'f2010601')!;
  r0.amounts['adjusted.total'] = null;
  r0.unplaced = [{ fen: 1_500_000_000, decimals: 2 }];
  const r = runPairRules(pairOf(budget, final), [rule]);
  assert.deepEqual(r.findings, []);
  assert.ok(r.notChecked.some((n) => n.item === 'function:2010601'));
});
