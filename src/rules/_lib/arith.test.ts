import { test } from 'node:test';
import assert from 'node:assert/strict';
import { childRows, isPeriodRow } from './arith.js';
import { row, table } from './test-doc.js';
import type { Row } from '../../domain/model.js';

const ids = (rs: Row[]) => rs.map((r) => r.id);
const at = (id: string, level: number, opts: Partial<Row> = {}) => row(id, id, { total: '1.00' }, { level, parent: null, ...opts });
// The parser sets `parent: null` when it read no ids; a table where no row names a parent is read by levels.
const noIds = (rows: Row[]) =>
  table(
    'project-expenditure',
    5,
    ['total'],
    rows.map((r) => ({ ...r, parent: undefined })),
  );

test('without parent ids, a row heads the rows one level deeper up to the next row at its level or above', () => {
  const t = noIds([at('a', 1), at('a1', 2), at('a1x', 3), at('a2', 2), at('b', 1), at('b1', 2)]);
  const [a, a1, , , b] = t.rows as [Row, Row, Row, Row, Row];
  assert.deepEqual(ids(childRows(t, a)), ['a1', 'a2'], 'grandchildren are not direct children');
  assert.deepEqual(ids(childRows(t, a1)), ['a1x']);
  assert.deepEqual(ids(childRows(t, b)), ['b1']);
  assert.deepEqual(ids(childRows(t, t.rows[5]!)), [], 'the last row heads nothing');
});

test('without parent ids, a subtotal, total, carry or unit row ends the rows a heading heads, whatever its level', () => {
  for (const kind of ['subtotal', 'total', 'carry', 'unit'] as const) {
    const t = noIds([at('a', 1), at('a1', 2), at('x', 2, { kind }), at('a2', 2)]);
    assert.deepEqual(ids(childRows(t, t.rows[0]!)), ['a1'], kind);
  }
  // A row of the other side of a two-sided table is skipped, not an end.
  const two = noIds([at('a', 1, { side: 'revenue' }), at('e', 2, { side: 'expenditure' }), at('a1', 2, { side: 'revenue' })]);
  assert.deepEqual(ids(childRows(two, two.rows[0]!)), ['a1']);
});

test('with parent ids, they decide: a row named by none heads nothing even when deeper rows follow it', () => {
  const t = table('project-expenditure', 5, ['total'], [at('a', 1), at('a1', 2, { parent: 'a' }), at('b', 1), at('b1', 2, { parent: 'a' }), at('c', 1), at('c1', 2)]);
  assert.deepEqual(ids(childRows(t, t.rows[0]!)), ['a1', 'b1'], 'by id, wherever printed');
  assert.deepEqual(ids(childRows(t, t.rows[4]!)), [], 'c names no child and the table has ids');
  // A row naming itself as its parent is not its own part.
  const self = table('project-expenditure', 5, ['total'], [at('s', 1, { parent: 's' })]);
  assert.deepEqual(ids(childRows(self, self.rows[0]!)), []);
});

test('period and change rows are neither parts nor headings', () => {
  const t = noIds([at('a', 1), row('p', '2026年', { total: '1.00' }, { level: 2 }), at('a1', 2), row('c', '增减变化', { total: '0' }, { level: 2 })]);
  assert.deepEqual(ids(childRows(t, t.rows[0]!)), ['a1']);
  assert.deepEqual(ids(childRows(t, t.rows[1]!)), []);
  assert.ok(isPeriodRow(row('x', '上年预算数', {})) && isPeriodRow(row('y', '2025 年度', {})) && !isPeriodRow(row('z', '2026年', {}, { code: '201' })));
  assert.ok(!isPeriodRow(row('w', '本年收入合计', {})));
});
