import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { money, narrativeDoc, narrativeProject } from '../_lib/test-doc.js';

const items = (a: string, b: string) => [
  { label: '绩效管理', money: money(a) },
  { label: '项目评审费', money: money(b) },
];

test('items within the project pass', () => {
  assert.deepEqual(runRule(rule, narrativeDoc([], [], [narrativeProject('电子政务管理', '145.50', items('138', '7.5'))])), []);
});

test('items above the project are an error naming them', () => {
  const fs = runRule(rule, narrativeDoc([], [], [narrativeProject('电子政务管理', '145.50', items('140', '7.5'))]));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /电子政务管理.*绩效管理.*147\.50.*2\.00/);
});

test('items above the project by a rounding remainder are information', () => {
  const fs = runRule(rule, narrativeDoc([], [], [narrativeProject('电子政务管理', '145.50', items('138.00', '7.51'))]));
  assert.equal(fs[0]?.severity, 'info');
});
