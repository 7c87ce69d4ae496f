import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, money } from '../_lib/test-doc.js';
import type { Fact } from '../../domain/model.js';

const item = (label: string, prior: string, planned: string, percent: string, line = 95): Fact[] => [
  { key: 'function.item.prior-execution', label, money: money(prior), src: { line, page: null, raw: '' } },
  { key: 'function.item.planned', label, money: money(planned), src: { line, page: null, raw: '' } },
  { key: 'function.item.change.percent', label, percent, src: { line, page: null, raw: '' } },
];
const doc = (...facts: Fact[][]) => emptyDoc({ profile: 'shanghai-budget', narrative: { parts: [], duties: [], projects: [], glossary: [], facts: facts.flat() } });

test('percentages computed from the two amounts pass (57.14 % down, 0 for 持平)', () => {
  assert.deepEqual(runRule(rule, doc(item('专项普查活动', '60.13', '25.77', '-57.14'), item('科普活动', '10.00', '10.00', '0'))), []);
});

test('a percentage that does not follow from the amounts is an error with the expected value', () => {
  const fs = runRule(rule, doc(item('住房公积金', '348.52', '352.67', '0.53', 196)));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.expected, '1.19');
  assert.match(fs[0]!.message, /住房公积金.*1\.19%.*0\.53%.*196/);
});

test('a percentage from a zero base is a warning', () => {
  const fs = runRule(rule, doc(item('其他教育支出', '0.00', '25.00', '100.00')));
  assert.equal(fs[0]?.severity, 'warning');
});
