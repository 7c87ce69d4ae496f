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

test('reports a missing table and a missing department-wide form', () => {
  const d = doc();
  d.tables = d.tables.filter((t) => t.no !== 8);
  d.departmentTargets = null;
  const fs = run(d);
  assert.deepEqual(fs.map((f) => f.message.slice(0, 4)), ['缺少表8', '缺少表1']);
  assert.match(fs[1]!.message, /缺少表14/);
  assert.ok(fs.every((f) => f.severity === 'error'));

});

test('does not apply to other layouts', () => {
  const d = doc();
  d.tables = [];
  d.profile = 'authored';
  const fs = run(d);
  assert.deepEqual(fs, []);

});
