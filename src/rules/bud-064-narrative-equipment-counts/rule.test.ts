import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { narrativeDoc, narrativeProject } from '../_lib/test-doc.js';
import { fixtureForm, fixtureIndicator } from '../_lib/content.js';

const devices = [
  { label: '台式计算机', count: 4, unit: '台' },
  { label: '碎纸机', count: 2, unit: '台' },
  { label: '服务器', count: 5, unit: '台' },
  { label: '交换机', count: 4, unit: '台' },
];
const form = (target: string) =>
  fixtureForm({
    name: '购置费',
    indicators: [fixtureIndicator('产出指标', '数量指标', '办公设备购置数', target, { comparator: '=', value: target.replace('台', ''), unit: '台', qualitative: false, notApplicable: false }, 2100)],
  });

test('4 + 2 + 5 + 4 = 15 devices against 办公设备购置数 15台 passes', () => {
  assert.deepEqual(runRule(rule, narrativeDoc([], [], [narrativeProject('购置费', '101.66', devices)], { projectForms: [form('15台')] })), []);
});

test('a different indicator count is an error naming both', () => {
  const fs = runRule(rule, narrativeDoc([], [], [narrativeProject('购置费', '101.66', devices)], { projectForms: [form('12台')] }));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /购置费.*15台.*办公设备购置数.*12台/);
  assert.equal(fs[0]!.location.line, 2100);
});
