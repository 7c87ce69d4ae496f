import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, row, setCell, tbl } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a row whose declared sum column differs from its parts', () => {
  const d = doc();
  d.tables.push({
    ...tbl(d, 3),
    no: null,
    role: 'other',
    title: { text: '其他表' },
    columns: [
      { key: 'a', header: ['合计'], kind: 'amount', sumOf: ['b', 'c'] },
      { key: 'b', header: ['甲'], kind: 'amount' },
      { key: 'c', header: ['乙'], kind: 'amount' },
    ],
    rows: [row('x1', '某行', { a: '3.00', b: '1.00', c: '1.00' })],
  });
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /其他表 某行: 合计 3\.00 ≠ 甲 1\.00 \+ 乙 1\.00 = 2\.00/);
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.difference, '-1.00');
});

test('leaves relations of the role contract to their own rules', () => {
  const d = doc();
  setCell(d, 3, 't3-1', 'basic', '700.00');
  const fs = run(d);
  assert.deepEqual(fs, []);
});
