import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pairOf } from '../pair.js';
import { runPairRules } from '../engine.js';
import { pairDocs, withNationalColumns } from '../test-pair.js';
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

// The national template's variant: 年初预算数 columns per function line, part by part.
const national = (cells: Record<string, Record<string, string | null>>, budgetCells: Record<string, Record<string, string | null>>) => {
  const { budget, final } = withNationalColumns(pairDocs({}), cells, budgetCells);
  return runPairRules(pairOf(budget, final), [rule]);
};

test('年初预算数 columns equal to the budget line by line and part by part give nothing', () => {
  const r = national({ f2010601: { 'initial.total': '100.00', 'initial.basic': '60.00', 'initial.project': '40.00' } }, { f2010601: { basic: '60.00', project: '40.00' } });
  assert.deepEqual(
    r.findings.filter((f) => f.item === 'function:2010601'),
    [],
  );
});

test('a 年初预算数 基本支出 that is not the budget’s is an error at its cell (table, row, column), pointing at the budget’s cell', () => {
  const r = national({ f2010601: { 'initial.total': '100.00', 'initial.basic': '65.00', 'initial.project': '35.00' } }, { f2010601: { basic: '60.00', project: '40.00' } });
  const f = r.findings.filter((x) => x.item === 'function:2010601');
  assert.equal(f.length, 2);
  assert.deepEqual(
    f.map((x) => [x.location.tableId, x.location.row, x.location.column, x.budgetLocation?.row, x.budgetLocation?.column, x.expected, x.actual, x.difference]),
    [
      ['t5', 'f2010601', 'initial.basic', 'f2010601', 'basic', '60.00', '65.00', '5.00'],
      ['t5', 'f2010601', 'initial.project', 'f2010601', 'project', '40.00', '35.00', '-5.00'],
    ],
  );
  assert.match(f[0]!.message, /^2010601 行政运行（基本支出）：部门决算《.*》2010601 行政运行.*所列年初预算数 65\.00 万元，部门预算为 60\.00 万元，相差 5\.00 万元$/);
});

test('a budget without 基本支出 / 项目支出 columns: one check not made per column, never an error', () => {
  const { budget, final } = withNationalColumns(pairDocs({}), {
    f2010601: { 'initial.total': '100.00', 'initial.basic': '60.00', 'initial.project': '40.00' },
    total: { 'initial.total': '100.00', 'initial.basic': '60.00', 'initial.project': '40.00' },
  });
  budget.tables[0]!.columns = budget.tables[0]!.columns.filter((c) => c.key === 'total');
  const r = runPairRules(pairOf(budget, final), [rule]);
  assert.deepEqual(r.findings, []);
  const parts = r.notChecked.filter((n) => /未列(基本支出|项目支出)栏/.test(n.reason));
  assert.equal(parts.length, 2);
  // Every line of the column states a figure (an empty cell states 0): 201, 20106, 2010601 and 合计.
  assert.match(parts[0]!.reason, /4 行所列年初预算数（基本支出）无从核对/);
});
