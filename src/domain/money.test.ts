import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decimalsOf, formatAmount, isAmountText, parseAmount, sumFen, toDecimalString, MoneyParseError } from './money.js';

test('parses printed 万元 amounts into integer fen', () => {
  assert.equal(parseAmount('4,424.60'), 4_424_600_000);
  assert.equal(parseAmount('0.00'), 0);
  assert.equal(parseAmount('0'), 0);
  assert.equal(parseAmount('81.7587'), 81_758_700);
  assert.equal(parseAmount('47.382'), 47_382_000);
  assert.equal(parseAmount('-3.00'), -3_000_000);
  assert.equal(parseAmount('12.34', '元'), 1234);
});

test('rejects malformed amounts', () => {
  for (const bad of ['1,2.3', '1,23', '12,3456.00', '', '.5', '1.2.3', 'abc', '1.1234567']) {
    assert.throws(() => parseAmount(bad), MoneyParseError, bad);
    if (bad !== '1.1234567') assert.equal(isAmountText(bad), false, bad);
  }
  assert.throws(() => parseAmount('1.234', '元'), MoneyParseError);
});

test('formats fen back to the printed form', () => {
  assert.equal(formatAmount(4_424_600_000), '4,424.60');
  assert.equal(formatAmount(81_758_700, '万元', 4), '81.7587');
  assert.equal(formatAmount(81_758_700), '81.76');
  assert.equal(formatAmount(-5_000), '-0.01');
  assert.equal(formatAmount(0), '0.00');
  assert.equal(toDecimalString(364_454_000_0), '3644.54');
});

test('sums exactly where floating point would not', () => {
  const parts = ['0.10', '0.20'].map((s) => parseAmount(s));
  assert.equal(sumFen(parts), parseAmount('0.30'));
  assert.equal(sumFen([null, 5, undefined, 7]), 12);
});

test('zeros printed beyond a fen add no value: "989034.300" 元 is exact; a non-zero digit there is still refused (xian-state-owned-assets-commission-2022-budget.txt line 504)', () => {
  assert.equal(parseAmount('989034.300', '元'), 98_903_430);
  assert.equal(parseAmount('1.23400000', '万元'), 1_234_000);
  assert.throws(() => parseAmount('989034.301', '元'), /以元计多于 2 位小数/);
  assert.equal(decimalsOf('989034.300'), 3, 'the printed places are kept as printed');
});
