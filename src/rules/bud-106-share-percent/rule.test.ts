import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, money } from '../_lib/test-doc.js';
import type { Fact } from '../../domain/model.js';

const f = (key: string, label: string, v: string, percent?: string): Fact => ({ key, label, money: money(v), ...(percent ? { percent } : {}), src: { line: 609, page: 21, raw: '' } });
const doc = (...facts: Fact[]) => emptyDoc({ kind: '部门决算', profile: 'shanghai-final-accounts', narrative: { parts: [], duties: [], projects: [], glossary: [], facts } });

test('shares computed from the amounts pass', () => {
  const fs = runRule(rule, doc(f('expenditure.general', '一般公共预算财政拨款支出', '2,940.05'), f('share', '社会保障和就业支出(类)', '326.72', '11.11'), f('share', '住房保障支出(类)', '445.69', '15.16')));
  assert.deepEqual(fs, []);
});

test('71.73 % for 2,106.66 of 2,940.05 is an error: it is 71.65 %', () => {
  const fs = runRule(rule, doc(f('expenditure.general', '一般公共预算财政拨款支出', '2,940.05'), f('share', '一般公共服务支出(类)', '2,106.66', '71.73')));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.expected, '71.65');
});
