import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, money } from '../_lib/test-doc.js';
import { fixtureForm } from '../_lib/content.js';

const plan = (amounts: string[]) => amounts.map((a, i) => ({ quarter: i + 1, amount: money(a, 50), src: { line: 50, page: null, raw: a } }));
const amounts = (a: string) => ({ ...fixtureForm().amounts, total: money(a), currentYear: money(a) });

test('a plan that sums to the project amount passes', () => {
  const f = fixtureForm({ amounts: amounts('30.87'), disbursement: plan(['7.71', '7.72', '7.72', '7.72']) });
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [f] })), []);
});

test('four quarters of 249.9 against 1,074.56 are an error with both figures', () => {
  const f = fixtureForm({ name: '应用系统运行维护', amounts: amounts('1,074.56'), disbursement: plan(['249.9', '249.9', '249.9', '249.9']) });
  const fs = runRule(rule, emptyDoc({ projectForms: [f] }));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'error');
  assert.match(fs[0]!.message, /应用系统运行维护/);
  assert.match(fs[0]!.message, /1,074\.56/);
  assert.match(fs[0]!.message, /999\.60/);
  assert.equal(fs[0]!.expected, '1074.56');
  assert.equal(fs[0]!.actual, '999.60');
  assert.equal(fs[0]!.difference, '-74.96');
});

test('a plan off by one cent over four quarters is a rounding remainder', () => {
  const f = fixtureForm({ amounts: amounts('30.87'), disbursement: plan(['7.72', '7.72', '7.72', '7.72']) });
  const fs = runRule(rule, emptyDoc({ projectForms: [f] }));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'info');
});

test("the plan is checked against this year's amount, not the multi-year total", () => {
  const f = fixtureForm({ amounts: { ...amounts('100.00'), total: money('300.00') } });
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [f] })), []);
});

test("a plan concentrated in one quarter: the quarter alone must be the year's amount, named by its quarter at its line", () => {
  const one = (q: number, a: string) => [{ quarter: q, amount: money(a, 60 + q), src: { line: 60 + q, page: null, raw: a } }];
  const f = (disbursement: ReturnType<typeof one>) => fixtureForm({ name: '网络租用', amounts: amounts('120.00'), disbursement });
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [f(one(4, '120.00'))] })), []);
  const fs = runRule(rule, emptyDoc({ projectForms: [f(one(4, '100.00'))] }));
  assert.deepEqual(
    fs.map((x) => [x.severity, x.expected, x.actual, x.difference, x.location.line]),
    [['error', '120.00', '100.00', '-20.00', 64]],
  );
  assert.match(fs[0]!.message, /项目「网络租用」资金支出进度（第 64 行）.*本年预算金额 120\.00 ≠ 第四季度 100\.00/);
  // The quarters are read in their order whatever their order in the form: the first printed is the place.
  const two = [...one(3, '20.00'), ...one(1, '10.00')];
  const mixed = runRule(rule, emptyDoc({ projectForms: [f(two)] }));
  assert.match(mixed[0]!.message, /第一季度 10\.00 \+ 第三季度 20\.00/);
  assert.equal(mixed[0]!.location.line, 61);
});

test('no plan, or no amount for the year, is not checked here; the total stands in for a missing current-year amount', () => {
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [fixtureForm({ amounts: amounts('30.87'), disbursement: [] })] })), []);
  const noAmount = fixtureForm({ amounts: { ...amounts('30.87'), total: null, currentYear: null }, disbursement: plan(['1.00']) });
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [noAmount] })), []);
  const totalOnly = fixtureForm({ amounts: { ...amounts('30.87'), currentYear: null }, disbursement: plan(['1.00']) });
  assert.deepEqual(
    runRule(rule, emptyDoc({ projectForms: [totalOnly] })).map((x) => x.expected),
    ['30.87'],
  );
});
