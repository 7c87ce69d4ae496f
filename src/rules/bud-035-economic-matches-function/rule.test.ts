import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, rowOf, setCell } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a pension contribution that differs between tables 4 and 7', () => {
  const d = doc();
  setCell(d, 4, 't4-4', 'general', '50.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /机关事业单位基本养老保险缴费: 表4 30108 机关事业单位基本养老保险缴费 50\.00 ≠ 表7 2080505 基本支出 50\.40/);
  assert.equal(fs.length, 1);
});

test('reports retirement pay that differs from 事业单位离退休', () => {
  const d = doc();
  setCell(d, 7, 't7-7', 'basic', '8.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表4 30301\+30302 离休费、退休费 8\.07 ≠ 表7 2080501\+2080502 基本支出 8\.00/);
  assert.equal(fs.length, 1);
});

test('resolves economic codes from names when the table prints none', () => {
  const d = doc();
  const r = rowOf(d, 4, 't4-6');
  delete r.code;
  delete r.codeSystem;
  setCell(d, 4, 't4-6', 'general', '60.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /住房公积金: 表4 30113 住房公积金 60\.00 ≠ 表7 2210201 基本支出 63\.60/);
  assert.equal(fs.length, 1);
});

test('does not compare retiree pay with 离退休 function lines in the Shanghai layouts (not an identity there)', () => {
  const d = doc();
  setCell(d, 7, 't7-7', 'basic', '8.00');
  d.profile = 'shanghai-budget';
  assert.deepEqual(run(d), []);
  // The other pairs still are identities there.
  setCell(d, 7, 't7-8', 'basic', '50.00');
  const fs = run(d);
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /30108 机关事业单位基本养老保险缴费 50\.40 ≠ .*2080505 基本支出 50\.00/);
});

test('outside the Shenzhen profile a mismatch is information, not a finding: the correspondence is a booking convention (90 of 90 reviewed corpus mismatches were regional practice)', () => {
  const d = doc();
  d.profile = 'generic';
  setCell(d, 4, 't4-4', 'general', '50.00');
  const fs = run(d);
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'info');
  assert.match(fs[0]!.message, /对应口径各地不一/);
});

test('a table 4 whose amount column is not named (no general, total or amount column) is not checked: its figures are unknown, not zero', () => {
  const d = doc();
  const t4 = d.tables.find((t) => t.no === 4)!;
  const rename = (k: string) => (k === 'general' || k === 'total' ? `c1_${k}` : k);
  t4.columns = t4.columns.map((c) => ({ ...c, key: rename(c.key) }));
  for (const r of t4.rows) r.amounts = Object.fromEntries(Object.entries(r.amounts).map(([k, v]) => [rename(k), v]));
  assert.deepEqual(run(d), []);
});
