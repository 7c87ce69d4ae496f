/**
 * Input-sized arrays spread into calls (issue 11): `push(...xs)` and `Math.min(...xs)` pass every
 * element as an argument and overflow the stack past some 100,000. A 50 MB text overflowed in
 * forms/link.ts (its own test); these are the other places a large input reached: the segmenter's
 * narrative lines (a 200,000-line text: "Maximum call stack size exceeded" at segment.ts), the
 * coverage walk over a document's rows, and the rules' lowest row level; and the genre table reader's
 * tokens, rows and strays (one table of 200,000 rows, which also took quadratic time to give its rows
 * unique ids while a code repeated).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../../src/importers/genre/segment.js';
import { heldAmounts } from '../../src/importers/coverage.js';
import { readSourceText } from '../../src/importers/text/source.js';
import { importBytes } from '../../src/app/import-document.js';

test('a text of 200,000 narrative lines is segmented without overflowing the stack', () => {
  const text = '某某市某某局2026年部门预算\n一、部门职责\n' + '本部门主要职责是负责全市的某某工作。\n'.repeat(200_000);
  const t0 = Date.now();
  const s = segment(readSourceText(new TextEncoder().encode(text), 'big.txt'));
  assert.ok(s.narrative.length >= 200_000, String(s.narrative.length));
  assert.ok(Date.now() - t0 < 30_000, `${Date.now() - t0} ms`);
});

test('the coverage walk holds the amounts of 300,000 rows', () => {
  const rows = Array.from({ length: 300_000 }, (_, i) => ({ id: `r${i}`, amount: { fen: 100, src: { raw: '1.00' } } }));
  const held = heldAmounts({ tables: [{ rows }] });
  assert.equal(held.get('1.00'), 300_000);
});

test('one genre-shaped table of 200,000 rows is read by the generic reader, in bounded time', { timeout: 180_000 }, async () => {
  const head =
    '某某市某某局2026年部门预算\n\n公开07表\n                                    一般公共预算支出表\n' +
    ' 部门：某某市某某局                                                                              单位：万元\n' +
    '                                                                基本支出\n' +
    '       科目编码                  科目名称      合计                                               项目支出\n' +
    '                                                     小计         人员经费         公用经费\n\n' +
    '                        合计             64,090.74     6,895.74     6,377.17     518.57    57,195.00\n\n';
  const row = '       2010301   行政运行                   2,016.50     2,016.50     1,756.23     260.27\n';
  const t0 = Date.now();
  const doc = await importBytes(new TextEncoder().encode(head + row.repeat(200_000)), 'long-table.txt', { profile: 'generic' });
  assert.equal(doc.tables.length, 1);
  const rows = doc.tables[0]!.rows;
  assert.equal(rows.length, 200_001);
  assert.equal(new Set(rows.map((r) => r.id)).size, rows.length, 'row ids are unique');
  assert.equal(rows[rows.length - 1]!.id, '2010301-200000');
  assert.ok(Date.now() - t0 < 150_000, `${Date.now() - t0} ms`);
});
