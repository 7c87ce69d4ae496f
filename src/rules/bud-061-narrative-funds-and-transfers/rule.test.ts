import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { narrativeDoc, row, table } from '../_lib/test-doc.js';
import { fixtureFact as fact } from '../_lib/content.js';

const t8 = (v: string) => table('gov-fund-function', 8, ['total', 'basic', 'project'], [row('u', '单位', { total: v, basic: v, project: '0' }, { kind: 'unit' })]);

test('a statement of 0.00 against a table 8 of 0 passes', () => {
  assert.deepEqual(runRule(rule, narrativeDoc([fact('other.gov-fund', '政府性基金预算拨款', { amount: '0.00' })], [t8('0')])), []);
});

test('a table 8 with spending against a stated 0.00 is an error', () => {
  const fs = runRule(rule, narrativeDoc([fact('other.gov-fund', '政府性基金预算拨款', { amount: '0.00' }, 186)], [t8('12.00')]));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /政府性基金.*12\.00/);
});
