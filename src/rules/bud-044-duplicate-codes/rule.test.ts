import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRules } from '../engine.js';
import { clone, consistentDoc, money, row, setCell } from '../_lib/test-doc.js';
import type { BudgetDocument, Row } from '../../domain/model.js';

const base = consistentDoc();
const run = (d: BudgetDocument) => runRules(d, [rule]);
const doc = () => clone(base);
const tbl = (d: BudgetDocument, no: number) => d.tables.find((t) => t.no === no)!;
const rowOf = (d: BudgetDocument, no: number, id: string): Row => tbl(d, no).rows.find((r) => r.id === id)!;
void money; void row; void rowOf;

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('warns about a code printed twice for one unit', () => {
  const d = doc();
  rowOf(d, 7, 't7-9').code = '2080505';
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(fs.every((f) => f.severity === 'warning'), JSON.stringify(fs.map((f) => f.severity)));
  assert.match(fs[0]!.message, /表7 编码 2080505（机关事业单位职业年金缴费支出）重复出现/);
  assert.equal(fs.length, 1);

});
