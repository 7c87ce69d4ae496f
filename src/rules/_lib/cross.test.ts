import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cellFigure, reconcileAt, sumFigures } from './cross.js';
import { row, table } from './test-doc.js';
import { parseAmount, decimalsOf } from '../../domain/money.js';
import type { Money } from '../../domain/model.js';
import type { FindingInput, RuleContext } from '../types.js';

const yuan = (text: string): Money => ({ fen: parseAmount(text, '元'), decimals: decimalsOf(text), src: { line: 5, page: null, raw: text } });
const loc = { section: '表4', line: 10, page: null };

function check(printed: string[], other: string) {
  const got: FindingInput[] = [];
  const ctx: RuleContext = { report: (f) => got.push(f) };
  const r = row('total', '合计', Object.fromEntries(printed.map((p, k) => [`c${k}`, yuan(p)])));
  const t = table(
    'revenue-summary',
    2,
    printed.map((_, k) => `c${k}`),
    [r],
    { displayUnit: '元' },
  );
  const sum = sumFigures(printed.map((_, k) => cellFigure(r, `c${k}`)));
  reconcileAt(ctx, yuan(other), '表4 一、财政拨款', { table: t, label: '政府预算拨款', fig: sum }, '表4与表2', loc, '元');
  return got;
}

test('a sum whose printed figure shows one decimal place of 元 is as coarse as that figure: 0.02 元 from the other table is a remainder (尾差), not a difference', () => {
  const got = check(['480544221.6', '0', '0'], '480,544,221.62');
  assert.equal(got.length, 1);
  assert.equal(got[0]!.severity, 'info');
  assert.match(got[0]!.message, /尾差 0\.02 元/);
});

test('the coarse figure widens the allowance to half its last place, no more: 0.06 元 is a difference', () => {
  const got = check(['480544221.6', '0', '0'], '480,544,221.66');
  assert.equal(got.length, 1);
  assert.equal(got[0]!.severity, undefined);
  assert.match(got[0]!.message, /相差 0\.06 元/);
});

test('figures printed to the fen keep the count-based allowance (3 half-fen): 0.02 元 is a difference', () => {
  const got = check(['480544221.60', '0.00', '0.00'], '480,544,221.62');
  assert.equal(got.length, 1);
  assert.equal(got[0]!.severity, undefined);
});
