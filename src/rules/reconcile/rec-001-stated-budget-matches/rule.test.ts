import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pairOf } from '../pair.js';
import { runPairRules } from '../engine.js';
import { pairDocs } from '../test-pair.js';
import { rule } from './rule.js';

const run = (p: Parameters<typeof pairDocs>[0]) => {
  const { budget, final } = pairDocs(p);
  return runPairRules(pairOf(budget, final), [rule]);
};

test('a stated budget equal to the published budget gives nothing', () => {
  const r = run({});
  assert.deepEqual(r.findings, []);
  assert.deepEqual(r.notChecked, []);
});

test('a narrative 年初预算 that is not the budget is an error at its line, pointing at the budget row', () => {
  const r = run({ budget: '120.00', statedBudget: '100.00' });
  const f = r.findings.filter((x) => x.item === 'function:2010601');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'error');
  assert.equal(f[0]!.location.line, 20);
  assert.equal(f[0]!.location.fact, 'comparison.budget');
  assert.equal(f[0]!.budgetLocation?.row, 'f2010601');
  assert.equal(f[0]!.budgetLocation?.column, 'total');
  assert.deepEqual([f[0]!.expected, f[0]!.actual, f[0]!.difference], ['120.00', '100.00', '-20.00']);
  assert.match(f[0]!.message, /年初预算数 100\.00 万元，部门预算为 120\.00 万元，相差 20\.00 万元/);
});

test('the 三公 table’s 预算数 line is compared with the budget’s 三公 table', () => {
  const r = run({ threeBudget: '2.00' });
  const f = r.findings.filter((x) => x.item === 'three-public:total' && x.location.tableId === 't7');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.location.row, 'budget');
  assert.equal(f[0]!.difference, '-1.00');
});

test('an unknown budget cell is not checked, never an error', () => {
  const { budget, final } = pairDocs({ budget: '120.00', statedBudget: '100.00' });
  const r0 = budget.tables[0]!.rows.find((x) => x.id === 'f2010601')!;
  r0.amounts['total'] = null;
  r0.unplaced = [{ fen: 1_200_000_000, decimals: 2 }];
  const r = runPairRules(pairOf(budget, final), [rule]);
  assert.equal(r.findings.filter((x) => x.item === 'function:2010601').length, 0);
  assert.ok(r.notChecked.some((n) => n.item === 'function:2010601' && /未能定位或读取/.test(n.reason)));
});

test('a 项 the budget does not print is 0 there', () => {
  const { budget, final } = pairDocs({});
  const t = budget.tables[0]!;
  t.rows = t.rows.filter((x) => x.id !== 'f2010601');
  const r = runPairRules(pairOf(budget, final), [rule]);
  const f = r.findings.find((x) => x.item === 'function:2010601');
  assert.ok(f);
  assert.match(f.message, /未列此项，即为 0/);
  assert.equal(f.difference, '100.00');
});
