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

test('reports table 4 general budget that differs from the basic appropriation', () => {
  const d = doc();
  setCell(d, 4, 't4-1', 'general', '700.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(fs.every((f) => f.severity === 'error'), JSON.stringify(fs.map((f) => f.severity)));
  assert.match(fs[0]!.message, /表4 一般公共预算拨款 700\.00 ≠ 表2 基本支出拨款 780\.06/);
  assert.equal(fs.length, 1);

});
