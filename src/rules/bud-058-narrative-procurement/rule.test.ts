import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { narrativeDoc, row, table } from '../_lib/test-doc.js';
import { fixtureFact as fact } from '../_lib/content.js';

const t11 = table(
  'procurement',
  11,
  ['amount'],
  [
    row('u', '单位', { amount: '2,092.56' }, { kind: 'unit' }),
    row('a', '货物', { amount: '101.66' }, { code: 'A', codeSystem: 'procurement' }),
    row('c', '服务', { amount: '1,990.90' }, { code: 'C', codeSystem: 'procurement' }),
  ],
);
const facts = (goods: string, works: string) => [
  fact('procurement.total', '政府采购预算', { amount: '2,092.56' }),
  fact('procurement.goods', '货物采购', { amount: goods }),
  fact('procurement.works', '工程采购', { amount: works }),
  fact('procurement.services', '服务采购', { amount: '1,990.90' }),
];

test('procurement equal to table 11 passes, works absent from table 11 being 0', () => {
  assert.deepEqual(runRule(rule, narrativeDoc(facts('101.66', '0.00'), [t11])), []);
});

test('works stated but absent from table 11 and wrong goods are errors', () => {
  const fs = runRule(rule, narrativeDoc(facts('100.66', '5.00'), [t11]));
  assert.equal(fs.length, 2);
  assert.ok(fs.some((f) => /工程采购.*5\.00/.test(f.message)));
});

test('a procurement table that does not list categories as rows says nothing about them', () => {
  const t11 = table('procurement', 11, ['amount'], [row('p1', '办公设备购置', { amount: '486.50' })]);
  assert.deepEqual(runRule(rule, narrativeDoc([fact('procurement.goods', '政府采购货物预算', { amount: '486.50' })], [t11])), []);
});
