import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { narrativeDoc, row, table } from '../_lib/test-doc.js';
import { fixtureFact as fact } from '../_lib/content.js';

const t12 = (total2021: string | null) =>
  table(
    'three-public',
    12,
    ['total', 'overseas', 'reception'],
    [
      row('y0', '单位', { total: '5.00', overseas: null, reception: '5.00' }, { kind: 'unit', texts: { year: { text: '2020' } } }),
      row('y1', '单位', { total: total2021, overseas: null, reception: total2021 }, { kind: 'unit', texts: { year: { text: '2021' } } }),
    ],
  );

test('0.00 against an empty table 12 row passes', () => {
  assert.deepEqual(runRule(rule, narrativeDoc([fact('three-public.total', '“三公”经费', { amount: '0.00' }), fact('three-public.reception', '公务接待费', { amount: '0.00' })], [t12(null)])), []);
});

test('a stated amount against the budget-year row that differs is an error', () => {
  const fs = runRule(rule, narrativeDoc([fact('three-public.reception', '公务接待费', { amount: '5.00' }, 129)], [t12('3.00')]));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /公务接待费.*5\.00.*3\.00/);
});

test('a 三公 table listing the items as rows: the item row of the total column', () => {
  const t = table(
    'three-public',
    null,
    ['total', 'general'],
    [
      row('a', '三公经费', { total: '19.86', general: '19.86' }),
      row('b', '其中:（一）因公出国（境）支出', { total: '5.00', general: '5.00' }, { level: 2, parent: 'a' }),
      row('c', '（二）公务用车购置及运行维护支出', { total: '6.70', general: '6.70' }, { level: 2, parent: 'a' }),
      row('d', '（三）公务接待费支出', { total: '8.16', general: '8.16' }, { level: 2, parent: 'a' }),
    ],
    { title: { text: '财政拨款安排的行政经费及三公经费预算表' } },
  );
  const ok = [fact('three-public.total', '三公经费', { amount: '19.86' }), fact('three-public.overseas', '因公出国(境)费', { amount: '5.00' })];
  assert.deepEqual(runRule(rule, narrativeDoc(ok, [t])), []);
  const fs = runRule(rule, narrativeDoc([fact('three-public.reception', '公务接待费', { amount: '8.61' }, 40)], [t]));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /（三）公务接待费支出 公务接待费 8\.16/);
});

test('panels of last year, this year and the change: only the budget year’s column is compared, and an unclear one not at all', () => {
  const col = (key: string, header: string[]) => ({ key, header, kind: 'amount' as const });
  const t = table(
    'three-public',
    null,
    [
      col('total', ['2020年预算数', '合计']),
      col('total_2', ['2021年预算数', '合计']),
      col('total_3', ['增减变化', '合计']),
      col('reception', ['合计', '公务接待费']),
      col('reception_2', ['合计', '公务接待费']),
    ],
    [row('u', '测试单位', { total: '9.00', total_2: '7.00', total_3: '-2.00', reception: '1.00', reception_2: '2.00' }, { kind: 'unit' })],
  );
  assert.deepEqual(runRule(rule, narrativeDoc([fact('three-public.total', '“三公”经费', { amount: '7.00' }), fact('three-public.reception', '公务接待费', { amount: '5.00' })], [t])), []);
  assert.equal(runRule(rule, narrativeDoc([fact('three-public.total', '“三公”经费', { amount: '9.00' })], [t])).length, 1);
});
