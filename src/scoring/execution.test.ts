import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cumulativeByMonth, cumulativeByQuarter, executionRate, executionWarnings, forecastYearEnd, plannedCumulativeByMonth, monthOf } from './execution.js';

const W = 1_000_000; // fen per 万元

test('payments accumulate by month and quarter and ignore other years', () => {
  const pays = [
    { date: '2021-01-15', fen: 10 * W },
    { date: '2021-03-31', fen: 5 * W },
    { date: '2021-07-01', fen: 20 * W },
    { date: '2020-12-31', fen: 99 * W },
  ];
  const m = cumulativeByMonth(pays, 2021);
  assert.equal(m[0], 10 * W);
  assert.equal(m[2], 15 * W);
  assert.equal(m[6], 35 * W);
  assert.equal(m[11], 35 * W);
  assert.deepEqual(cumulativeByQuarter(pays, 2021), [15 * W, 15 * W, 35 * W, 35 * W]);
  assert.equal(monthOf('2021-13-01', 2021), null);
});

test('the plan spreads each quarter over its months in integer fen', () => {
  const p = plannedCumulativeByMonth([100, 100, 100, 101]);
  assert.deepEqual(p, [33, 66, 100, 133, 166, 200, 233, 266, 300, 333, 366, 401]);
});

test('execution rate is a percent string and null for a zero budget', () => {
  assert.equal(executionRate(999_600_000, 1_074_560_000), '93.02');
  assert.equal(executionRate(5, 0), null);
  assert.equal(executionRate(1_100, 1_000), '110.00');
});

test('the forecast adds what the plan still schedules, or extrapolates the run rate', () => {
  const plan = plannedCumulativeByMonth([300, 300, 300, 300]);
  assert.equal(forecastYearEnd(500, 6, plan), 500 + 600);
  assert.equal(forecastYearEnd(500, 6, null), 1000);
  assert.equal(forecastYearEnd(1234, 12, plan), 1234);
});

const budget = 100 * W;
const cum = (pcts: number[]) => pcts.map((p) => p * W);

const floorCases: Array<[string, number, number[], string[]]> = [
  ['on track at the end of April', 4, cum([5, 10, 20, 26, 30, 41, 50, 61, 70, 81, 90, 100]), []],
  ['below 25 % at the end of April', 4, cum([5, 10, 20, 24, 30, 41, 50, 61, 70, 81, 90, 100]), ['below-floor']],
  ['May still judged against April', 5, cum([5, 10, 20, 24, 24, 41, 50, 61, 70, 81, 90, 100]), ['below-floor']],
  ['below 40 % at the end of June', 6, cum([5, 10, 20, 26, 30, 39, 50, 61, 70, 81, 90, 100]), ['below-floor']],
  ['below 60 % at the end of August', 8, cum([5, 10, 20, 26, 30, 41, 50, 59, 70, 81, 90, 100]), ['below-floor']],
  ['below 80 % at the end of October', 10, cum([5, 10, 20, 26, 30, 41, 50, 61, 70, 79, 90, 100]), ['below-floor']],
  ['March has no floor yet', 3, cum([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), []],
];

for (const [name, month, c, kinds] of floorCases) {
  test(`execution floors: ${name}`, () => {
    assert.deepEqual(
      executionWarnings(budget, c, null, month).map((w) => w.kind),
      kinds,
    );
  });
}

test('straying more than 20 % from the cumulative plan warns; within 20 % does not', () => {
  const plan = plannedCumulativeByMonth([25 * W, 25 * W, 25 * W, 25 * W]);
  const onPlan = cum([8, 16, 25, 33, 41, 50, 58, 66, 75, 83, 91, 100]);
  assert.deepEqual(executionWarnings(budget, onPlan, plan, 6), []);
  const ahead = cum([8, 16, 25, 33, 41, 65, 58, 66, 75, 83, 91, 100]);
  const w = executionWarnings(budget, ahead, plan, 6);
  assert.deepEqual(
    w.map((x) => x.kind),
    ['off-plan'],
  );
  assert.match(w[0]!.message, /偏离计划 30\.0%/);
});

test('the year-end forecast is exact in bigint and never an unsafe integer', () => {
  assert.equal(forecastYearEnd(7, 8, null), 11); // 10.5 rounds half up
  assert.equal(forecastYearEnd(2 ** 51 + 1, 6, null), 2 ** 52 + 2); // exact: (2^51 + 1) × 2
  assert.equal(forecastYearEnd(Number.MAX_SAFE_INTEGER, 1, null), Number.MAX_SAFE_INTEGER);
  const plan = Array.from({ length: 12 }, (_, i) => (i + 1) * 2 ** 49);
  assert.equal(forecastYearEnd(Number.MAX_SAFE_INTEGER - 1, 1, plan), Number.MAX_SAFE_INTEGER);
  assert.ok(Number.isSafeInteger(forecastYearEnd(Number.MAX_SAFE_INTEGER, 3, plan)));
});

test('a plan concentrated in one quarter: nothing planned before it, that quarter spread over its months', () => {
  assert.deepEqual(plannedCumulativeByMonth([0, 0, 0, 100]), [0, 0, 0, 0, 0, 0, 0, 0, 0, 33, 66, 100]);
  assert.deepEqual(plannedCumulativeByMonth([100, 0, 0, 0]), [33, 66, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100]);
  assert.deepEqual(plannedCumulativeByMonth([0, 2]), [0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2], 'a missing quarter plans nothing; 2 fen cannot be split into thirds');
  const plan = plannedCumulativeByMonth([0, 0, 0, 100 * W]);
  // Before the quarter nothing is planned, so nothing is off plan; the floors still apply.
  assert.deepEqual(executionWarnings(budget, cum([0, 0, 0, 30, 30, 45, 45, 60, 60, 80, 80, 100]), plan, 6), []);
  assert.deepEqual(
    executionWarnings(budget, cum([0, 0, 0, 10, 10, 10, 10, 10, 10, 10, 10, 10]), plan, 6).map((w) => w.kind),
    ['below-floor'],
  );
  // In the quarter, paying nothing is 100 % off the plan (and below October's floor); at the year's end 95 % is within 20 % of 100 %.
  const none = executionWarnings(budget, cum([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), plan, 11);
  assert.deepEqual(
    none.map((x) => [x.kind, x.month, x.actual, x.expected]),
    [
      ['below-floor', 10, '0.00', '80'],
      ['off-plan', 11, '0.00', '66.67'],
    ],
  );
  assert.match(none[1]!.message, /偏离计划 100\.0%/);
  assert.deepEqual(executionWarnings(budget, cum([0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 80, 95]), plan, 12), []);
  // The forecast adds what the quarter still schedules.
  assert.equal(forecastYearEnd(5 * W, 9, plan), 105 * W);
  assert.equal(forecastYearEnd(5 * W, 10, plan), 5 * W + 100 * W - 33_333_333);
});

test('dates, forecasts and warnings at their edges: a whole ISO date, months 1–12, no budget, no month, a plan that is not twelve months', () => {
  assert.deepEqual(
    ['2021-12-31', '2021-01-01', '2021-00-10', 'x2021-05-01', '2021-05-01x', '2021-5-1'].map((d) => monthOf(d, 2021)),
    [12, 1, null, null, null, null],
  );
  assert.equal(forecastYearEnd(500, 6, []), 1000, 'a plan that is not twelve months is no plan: the run rate');
  assert.equal(forecastYearEnd(500, 0, null), 0, 'before the first month nothing is forecast');
  // A plan that ends below what it planned so far (a negative quarter) schedules nothing more.
  assert.equal(forecastYearEnd(10, 3, plannedCumulativeByMonth([100, -50, 0, 0])), 10);
  assert.deepEqual(executionWarnings(0, cum([50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50]), null, 6), [], 'no budget, no rate');
  assert.deepEqual(executionWarnings(-1, cum([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), null, 6), []);
  assert.deepEqual(executionWarnings(budget, cum([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), null, 0), [], 'no month reached');
  // January is judged against the plan already (no floor yet).
  const plan = plannedCumulativeByMonth([30 * W, 30 * W, 20 * W, 20 * W]);
  assert.deepEqual(
    executionWarnings(budget, cum([20, 20, 30, 40, 50, 60, 70, 80, 90, 100, 100, 100]), plan, 1).map((w) => [w.kind, w.month]),
    [['off-plan', 1]],
  );
  const floor = executionWarnings(budget, cum([5, 10, 20, 24, 30, 41, 50, 61, 70, 81, 90, 100]), null, 4);
  assert.equal(floor[0]!.message, '截至4月末累计执行率 24.00%，低于 25% 的进度要求');
});
