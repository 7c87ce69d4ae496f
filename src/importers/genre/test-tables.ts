/**
 * For the genre reader's tests (the tests of src/importers/genre and test/import): a recognised table by its
 * title, a row of it, a cell's fen and an amount printed in 万元, each failing with what was there instead.
 */
import assert from 'node:assert/strict';
import { parseAmount } from '../../domain/money.js';
import type { BudgetDocument, Row, Table } from '../../domain/model.js';
import { readSourceText } from '../text/source.js';
import { importGenericSource } from './index.js';

/** The first table whose title matches; fails listing the titles read. */
export const table = (d: BudgetDocument, title: RegExp): Table => {
  const t = d.tables.find((x) => title.test(x.title.text));
  assert.ok(t, `no table ${title} in ${d.tables.map((x) => x.title.text).join(' | ')}`);
  return t;
};

/** The first row of `t` that `pick` accepts; fails listing the row labels. */
export const row = (t: Table, pick: (r: Row) => boolean): Row => {
  const r = t.rows.find(pick);
  assert.ok(r, `no such row in ${t.title.text}: ${t.rows.map((x) => x.label).join(' | ')}`);
  return r;
};

/** The fen of a row's cell, null when empty or unknown. */
export const fen = (r: Row, key: string) => r.amounts[key]?.fen ?? null;

/** An amount printed in 万元, in fen. */
export const w = (s: string) => parseAmount(s, '万元');

/** A line laid out as pdftotext prints it: each text starting at its column (a character is one column, an ideograph too). */
export const at = (...parts: Array<[number, string]>): string => parts.reduce((s, [col, text]) => s.padEnd(col) + text, '');

/** The generic reader's document of text lines laid out as pdftotext prints them. */
export const fromLines = (lines: string[]): BudgetDocument => importGenericSource(readSourceText(Buffer.from(lines.join('\n') + '\n', 'utf8'), 'fixture.txt'));
