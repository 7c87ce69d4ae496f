/**
 * Input-sized arrays spread into calls (issue 11): `push(...xs)` and `Math.min(...xs)` pass every
 * element as an argument and overflow the stack past some 100,000. A 50 MB text overflowed in
 * forms/link.ts (its own test); these are the other places a large input reached: the segmenter's
 * narrative lines (a 200,000-line text: "Maximum call stack size exceeded" at segment.ts), the
 * coverage walk over a document's rows, and the rules' lowest row level.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../../src/importers/genre/segment.js';
import { heldAmounts } from '../../src/importers/coverage.js';
import { readSourceText } from '../../src/importers/text/source.js';

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
