import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeSparseRow, type SparseColumn } from './sparse-row.js';

// Shenzhen 收入总表 without a printed 政府预算拨款 subtotal: 16 columns.
const revenue: SparseColumn[] = [
  { key: 'total', sumOf: ['general', 'govFund', 'stateCapital', 'specialAccount', 'business', 'operating', 'superior', 'subordinate', 'otherIncome', 'carryOver'] },
  { key: 'general', sumOf: ['generalBasic', 'generalDuty', 'generalSpecial', 'generalInvest'] },
  { key: 'generalBasic' },
  { key: 'generalDuty' },
  { key: 'generalSpecial' },
  { key: 'generalInvest' },
  { key: 'govFund' },
  { key: 'stateCapital' },
  { key: 'specialAccount' },
  { key: 'business' },
  { key: 'operating' },
  { key: 'superior' },
  { key: 'subordinate' },
  { key: 'otherIncome' },
  { key: 'carryOver' },
];

const basic: SparseColumn[] = [{ key: 'total', sumOf: ['basic', 'project'] }, { key: 'basic' }, { key: 'project' }];

test('four values under fifteen revenue columns land on total, general and two of its parts', () => {
  const r = placeSparseRow(revenue, [44_246_000, 44_246_000, 7_800_600, 36_445_400], '数据管理中心');
  assert.ok(r.ok);
  assert.deepEqual(r.keys, ['total', 'general', 'generalBasic', 'generalDuty']);
  assert.equal(r.byColumn.generalSpecial, null);
  assert.equal(r.byColumn.generalDuty, 3);
  // The two parts could be any two of general's four parts: the text alone cannot tell.
  assert.equal(r.ambiguous, true);
  // …but total and general are the same in every placement, and no placement fills a source column.
  assert.equal(r.settled.total, true);
  assert.equal(r.settled.general, true);
  assert.equal(r.settled.govFund, true);
  assert.equal(r.settled.generalBasic, false);
  assert.equal(r.settled.generalDuty, false);
  assert.equal(r.settled.generalInvest, false);
});

test('values that only fit later columns are placed there', () => {
  // 100 total = 60 general (all 履职类) + 40 事业收入
  const r = placeSparseRow(revenue, [100, 60, 60, 40], 'x');
  assert.ok(r.ok);
  // 40 cannot be another part of general (general would be 100), so it is the next source column.
  assert.deepEqual(r.keys, ['total', 'general', 'generalBasic', 'govFund']);
  assert.equal(r.ambiguous, true);
});

test('an ambiguous row takes the earliest columns and says it was ambiguous', () => {
  const r = placeSparseRow(basic, [7_431_000, 7_431_000], '208');
  assert.ok(r.ok);
  assert.deepEqual(r.keys, ['total', 'basic']);
  assert.equal(r.ambiguous, true);
});

test('allowed columns steer an ambiguous row to the only columns its parent fills', () => {
  const r = placeSparseRow(basic, [5, 5], '2010399', { allowed: new Set(['total', 'project']) });
  assert.ok(r.ok);
  assert.deepEqual(r.keys, ['total', 'project']);
  assert.equal(r.ambiguous, false);
});

test('a row whose values cannot satisfy the sums fails and names the row', () => {
  const r = placeSparseRow(basic, [10, 3, 4], '2010399 其他支出');
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.reason.includes('2010399 其他支出'));
});

test('more values than columns is impossible', () => {
  const r = placeSparseRow(basic, [1, 1, 0, 0], 'too many');
  assert.ok(!r.ok && /4 values for 3 columns/.test(r.reason));
});

test('a row without values leaves every cell empty', () => {
  const r = placeSparseRow(basic, [], '2020');
  assert.ok(r.ok);
  assert.deepEqual(r.byColumn, { total: null, basic: null, project: null });
});

test('a lone non-zero value is impossible: wherever it goes, a total or a part is missing', () => {
  const r = placeSparseRow(basic, [5], 'lonely');
  assert.ok(!r.ok && r.reason.includes('lonely'));
});

test('zeros fill the earliest columns', () => {
  const r = placeSparseRow(basic, [0, 0, 0], 'unit');
  assert.ok(r.ok);
  assert.deepEqual(r.keys, ['total', 'basic', 'project']);
});

test('a rounding remainder is accepted only within the allowance and is reported', () => {
  // total 100.01 printed for parts 50.00 + 50.00 (fen of 万元: 0.01 = 10_000)
  const values = [1_000_100_00, 500_000_00, 500_000_00];
  assert.equal(placeSparseRow(basic, values, 'x').ok, false);
  const r = placeSparseRow(basic, values, 'x', { tolerancePerPart: 5_000 });
  assert.ok(r.ok);
  assert.equal(r.withinTolerance, true);
  assert.deepEqual(r.keys, ['total', 'basic', 'project']);
  const far = placeSparseRow(basic, [1_000_300_00, 500_000_00, 500_000_00], 'x', { tolerancePerPart: 5_000 });
  assert.equal(far.ok, false);
});

test('nested totals are all checked: a group subtotal inside a grand total', () => {
  const cols: SparseColumn[] = [
    { key: 'total', sumOf: ['govApprop', 'specialAccount'] },
    { key: 'govApprop', sumOf: ['general', 'govFund'] },
    { key: 'general' },
    { key: 'govFund' },
    { key: 'specialAccount' },
  ];
  const r = placeSparseRow(cols, [30, 20, 20, 10], 'x');
  assert.ok(r.ok);
  assert.deepEqual(r.keys, ['total', 'govApprop', 'general', 'specialAccount']);
  assert.equal(r.ambiguous, true); // govFund instead of general works as well
});
