import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decimalsOf, exactDecimals, formatAmount, halfUlpFen, isAmountText, parseAmount, parseTypedAmount, sumFen, toDecimalString, MoneyParseError } from './money.js';

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

test('parseTypedAmount reads what an input method types and refuses what it would have to guess', () => {
  assert.equal(parseTypedAmount(' １，２３４．５０ ', '元'), 123_450);
  assert.equal(parseTypedAmount('1,234.50', '元'), 123_450);
  assert.equal(parseTypedAmount('-200', '元'), -20_000);
  for (const bad of ['1,0.0', '1.234', '12元', '1,00', '']) assert.throws(() => parseTypedAmount(bad, '元'), MoneyParseError, bad);
});

test('amounts too large to hold exactly in fen are refused, the largest that fits is exact', () => {
  // Number.MAX_SAFE_INTEGER fen: 9,007,199,254.740991 万元 = 90,071,992,547,409.91 元.
  assert.equal(parseAmount('9,007,199,254.740991'), Number.MAX_SAFE_INTEGER);
  assert.equal(parseAmount('90071992547409.91', '元'), Number.MAX_SAFE_INTEGER);
  assert.equal(parseAmount('−9,007,199,254.740991'), -Number.MAX_SAFE_INTEGER, 'the printed minus sign');
  for (const [big, unit] of [
    ['9,007,199,254.740992', '万元'],
    ['90071992547409.92', '元'],
    ['99999999999999999999', '元'],
  ] as const) {
    assert.throws(
      () => parseAmount(big, unit),
      (e: unknown) => e instanceof MoneyParseError && e.message === '金额过大' && e.found === big,
      big,
    );
  }
  // Sums and formats refuse what is not a safe integer instead of rounding it.
  assert.throws(() => sumFen([Number.MAX_SAFE_INTEGER, 1]), TypeError);
  assert.equal(sumFen([Number.MAX_SAFE_INTEGER, -1, 1]), Number.MAX_SAFE_INTEGER);
  assert.throws(() => formatAmount(Number.MAX_SAFE_INTEGER + 1), TypeError);
  assert.throws(() => formatAmount(0.5), TypeError);
  assert.equal(formatAmount(Number.MAX_SAFE_INTEGER, '万元', 6), '9,007,199,254.740991');
  assert.equal(formatAmount(Number.MAX_SAFE_INTEGER, '元'), '90,071,992,547,409.91');
  assert.equal(formatAmount(-Number.MAX_SAFE_INTEGER), '-9,007,199,254.74');
});

test('formatting rounds half away from zero at the shown place and never shows more places than fen hold', () => {
  assert.deepEqual(
    [5_000, 4_999, -5_000, -5_001, 15_000].map((f) => formatAmount(f)),
    ['0.01', '0.00', '-0.01', '-0.01', '0.02'],
  );
  assert.equal(formatAmount(1_234_567, '万元', 0), '1');
  assert.equal(formatAmount(1_500_000, '万元', 0), '2');
  assert.equal(formatAmount(123, '元', 6), '1.23', '元 hold two places');
  assert.equal(formatAmount(1_234_567_890_000, '万元', 2, false), '1234567.89');
  assert.equal(formatAmount(1_234_567_890_000, '万元'), '1,234,567.89');
  assert.equal(formatAmount(100_000_000, '元', 2), '1,000,000.00');
});

test('exactDecimals gives the fewest places that show every amount exactly; halfUlpFen is half the last place', () => {
  assert.equal(exactDecimals([1_000_000, 10_000]), 2);
  assert.equal(exactDecimals([100]), 4, '1 元 in 万元');
  assert.equal(exactDecimals([1]), 6);
  assert.equal(exactDecimals([-100, 10_000]), 4, 'negative amounts too');
  assert.equal(exactDecimals([1_000_000], '万元', 0), 0);
  assert.equal(exactDecimals([1], '元', 5), 2, 'never more than 元 hold');
  assert.equal(exactDecimals([150], '元', 0), 1);
  assert.throws(() => exactDecimals([0.5]), TypeError);
  assert.equal(halfUlpFen(), 5_000);
  assert.equal(halfUlpFen('万元', 4), 50);
  assert.equal(halfUlpFen('元', 2), 0.5);
  assert.equal(halfUlpFen('元', 0), 50);
});

test('a printed amount is read as printed: space around it, any well-formed thousands group, refusals that say what and which', () => {
  assert.equal(parseAmount(' 4,424.60 '), 4_424_600_000);
  assert.ok(isAmountText(' 4,424.60 ') && isAmountText('12,345.00') && isAmountText('123,456,789'));
  assert.equal(parseAmount('12,345.00', '元'), 1_234_500);
  assert.equal(parseAmount('123,456', '元'), 12_345_600);
  assert.equal(decimalsOf(' 81.7587 '), 4);
  assert.equal(decimalsOf('不是金额'), 0, 'no amount, no places');
  assert.throws(
    () => parseAmount('十二'),
    (e: unknown) => e instanceof MoneyParseError && e.name === 'MoneyParseError' && e.message === '不是金额' && e.found === '十二',
  );
  // Only zeros beyond a fen are dropped: a non-zero digit there, before or after zeros, is refused.
  for (const bad of ['1.0010', '1.0001']) assert.throws(() => parseAmount(bad, '元'), /以元计多于 2 位小数/, bad);
  assert.throws(() => formatAmount(0.5), /not an integer fen amount: 0\.5/);
});
