import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attainmentToDate, checkMonitoringEntry } from './monitoring.js';

const q = (comparator: '≥' | '≤' | '=' | null, value: string | null) => ({ comparator, value, qualitative: comparator === null, notApplicable: false });

test('attainment to date is actual over target for a count target', () => {
  assert.equal(attainmentToDate(q('≥', '4'), '2'), '50.00');
  assert.equal(attainmentToDate(q('≥', '4'), 'two'), null);
  assert.equal(attainmentToDate(q(null, null), '有效'), null);
});

test('attainment and execution within 10 points need no reason', () => {
  const c = checkMonitoringEntry(q('≥', '4'), { actualToDate: '2', likelihood: '确定能' }, '55');
  assert.deepEqual(c.triggers, []);
  assert.deepEqual(c.missing, []);
});

test('attainment and execution more than 10 points apart require a reason and an action', () => {
  const c = checkMonitoringEntry(q('≥', '4'), { actualToDate: '1', likelihood: '确定能' }, '60');
  assert.equal(c.triggers.length, 1);
  assert.match(c.triggers[0]!, /相差 35\.00 个百分点/);
  assert.deepEqual(c.missing, ['reason', 'action']);
  const ok = checkMonitoringEntry(q('≥', '4'), { actualToDate: '1', likelihood: '确定能', reason: '经费保障', action: '加快采购' }, '60');
  assert.deepEqual(ok.missing, []);
});

test('a likely miss requires a reason even for a qualitative target', () => {
  const c = checkMonitoringEntry(q(null, null), { actualToDate: '部分完成', likelihood: '有可能' }, '50');
  assert.deepEqual(c.missing, ['reason', 'action']);
});

test('a ceiling target (≤) is not compared with execution progress', () => {
  const c = checkMonitoringEntry(q('≤', '2'), { actualToDate: '1', likelihood: '确定能' }, '40');
  assert.deepEqual(c.triggers, []);
});

test('an empty entry asks for the actual and the likelihood', () => {
  assert.deepEqual(checkMonitoringEntry(q('≥', '4'), {}, '40').missing, ['actualToDate', 'likelihood']);
});
