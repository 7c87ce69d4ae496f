import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareTotal, toleranceFen } from './rounding.js';
import { money } from './test-doc.js';
import type { FindingInput, RuleContext } from '../types.js';

function ctx(): RuleContext & { got: FindingInput[] } {
  const got: FindingInput[] = [];
  return { got, report: (f) => got.push(f) };
}
const loc = { section: '基本支出总表', line: 10, page: null };

test('an exact total reports nothing', () => {
  const c = ctx();
  assert.equal(compareTotal(c, { total: money('30.46'), parts: [money('9.00'), money('21.46')], subject: '表4 商品和服务支出', totalLabel: '总计', location: loc }), 'equal');
  assert.equal(c.got.length, 0);
});

test('a remainder within n half-cents of the rounded parts is info (尾差)', () => {
  const c = ctx();
  const parts = ['508.93', '23.04', '3.30', '50.40', '15.84', '13.20', '0.39', '50.40', '63.24'].map((s) => money(s));
  assert.equal(compareTotal(c, { total: money('728.73'), parts, subject: '表4 工资福利支出', totalLabel: '总计', location: loc }), 'rounding');
  const f = c.got[0]!;
  assert.equal(f.severity, 'info');
  assert.match(f.message, /尾差 0\.01 万元，在 9 项四舍五入容差之内/);
  assert.equal(f.expected, '728.73');
  assert.equal(f.actual, '728.74');
  assert.equal(f.difference, '0.01');
});

test('a difference beyond the tolerance takes the rule severity and names both figures', () => {
  const c = ctx();
  const out = compareTotal(c, {
    total: money('4,263.65'),
    parts: [money('619.11'), money('3,644.00')],
    subject: '表7 2010399 其他政府办公厅（室）及相关机构事务支出',
    totalLabel: '支出总计',
    partLabels: ['基本支出', '项目支出'],
    location: loc,
  });
  assert.equal(out, 'mismatch');
  const f = c.got[0]!;
  assert.equal(f.severity, undefined);
  assert.equal(f.message, '表7 2010399 其他政府办公厅（室）及相关机构事务支出: 支出总计 4,263.65 ≠ 基本支出 619.11 + 项目支出 3,644.00 = 4,263.11，相差 0.54 万元');
  assert.equal(f.difference, '-0.54');
});

test('a single rounded part allows no remainder at two decimals', () => {
  const c = ctx();
  assert.equal(compareTotal(c, { total: money('1.00'), parts: [money('1.01')], subject: 's', totalLabel: 'a', location: loc }), 'mismatch');
});

test('four printed decimals shrink the tolerance to half their last place', () => {
  assert.equal(toleranceFen([money('81.7587'), money('1.0000')]), 100);
  assert.equal(toleranceFen([money('1.00'), money('2.00'), null]), 10_000);
  assert.equal(toleranceFen(123, 3), 15_000);
  const c = ctx();
  // 0.0002 万元 apart with two 4-decimal parts (tolerance 0.0001): an error, not a remainder.
  assert.equal(compareTotal(c, { total: money('82.7589'), parts: [money('81.7587'), money('1.0000')], subject: 's', totalLabel: 'a', location: loc }), 'mismatch');
  assert.equal(c.got[0]!.difference, '-0.0002');
});

test('a precomputed sum uses n parts for the tolerance', () => {
  const c = ctx();
  assert.equal(compareTotal(c, { total: money('10.00'), parts: 10_020_000, n: 5, subject: 's', totalLabel: '合计', partsLabel: '各项目之和', location: loc }), 'rounding');
  assert.match(c.got[0]!.message, /各项目之和 10\.02.*在 5 项/);
});

test('whole-元 figures are rounded to 1 元: a remainder of 1 元 over two parts is info', () => {
  const yuan = (s: string) => ({ fen: Number(s.replace(/,/g, '')) * 100, decimals: 0 });
  assert.equal(toleranceFen([yuan('100'), yuan('200')], 1, '元'), 100);
  const c = ctx();
  assert.equal(compareTotal(c, { total: yuan('301'), parts: [yuan('100'), yuan('200')], subject: '表', totalLabel: '合计', location: loc, unit: '元' }), 'rounding');
  assert.equal(compareTotal(c, { total: yuan('303'), parts: [yuan('100'), yuan('200')], subject: '表', totalLabel: '合计', location: loc, unit: '元' }), 'mismatch');
  assert.match(c.got[1]!.message, /合计 303\.00 ≠ .*相差 3\.00 元/);
});

test('a total printed coarser than its parts is allowed half of its own last place ("723万元" for 723.31)', () => {
  const c = ctx();
  const whole = { fen: 723 * 1_000_000, decimals: 0 };
  assert.equal(compareTotal(c, { total: whole, parts: [money('723.31')], subject: '说明', totalLabel: '收入', location: loc }), 'rounding');
  assert.equal(compareTotal(c, { total: whole, parts: [money('723.61')], subject: '说明', totalLabel: '收入', location: loc }), 'mismatch');
  // Printed at the same precision, two figures of one amount must agree exactly.
  assert.equal(compareTotal(c, { total: money('723.30'), parts: [money('723.31')], subject: '表', totalLabel: '合计', location: loc }), 'mismatch');
});
