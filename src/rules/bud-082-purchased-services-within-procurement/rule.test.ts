import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, money, row, table } from '../_lib/test-doc.js';
import { fixtureForm } from '../_lib/content.js';

const t11 = table(
  'procurement',
  11,
  ['amount'],
  [row('A', '货物', { amount: '101.66' }, { code: 'A', codeSystem: 'procurement' }), row('C', '服务', { amount: '1,990.90' }, { code: 'C', codeSystem: 'procurement' })],
);
const form = (id: string, name: string, amount: string, ps: string) =>
  fixtureForm({ id, name, amounts: { ...fixtureForm().amounts, total: money(amount), currentYear: money(amount), purchasedServices: money(ps) } });

test('purchased services within services procurement pass', () => {
  const doc = emptyDoc({ tables: [t11], projectForms: [form('a', '基础设施运行维护', '1,270.74', '1,246.56'), form('b', '应用系统运行维护', '1,074.56', '696.96')] });
  assert.deepEqual(runRule(rule, doc), []);
});

test('a goods purchase filed as purchased services is a warning naming the form', () => {
  const doc = emptyDoc({
    tables: [t11],
    projectForms: [form('a', '基础设施运行维护', '1,270.74', '1,246.56'), form('b', '应用系统运行维护', '1,074.56', '744.34'), form('c', '购置费', '101.66', '101.66')],
  });
  const fs = runRule(rule, doc);
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'warning');
  assert.match(fs[0]!.message, /2,092\.56.*1,990\.90.*购置费/);
});
