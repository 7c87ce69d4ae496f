/**
 * Every amount printed in the sample's tables and forms, extracted from the raw text independently of
 * the parser, must be in the model at a place that names it (a Money whose provenance is that line).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importBytes } from '../../src/app/import-document.js';
import { parseAmount } from '../../src/domain/money.js';
import { allAmounts, sampleBytes, sampleText, SAMPLE_NAME } from './helpers.js';

/** Amount-shaped tokens: digits with decimals ("4,424.60", "81.7587", "249.9"), or a lone "0" cell. */
function printedAmounts(text: string, fromLine: number): Array<{ line: number; token: string }> {
  const out: Array<{ line: number; token: string }> = [];
  const lines = text.split('\n');
  const formsFrom = lines.findIndex((l) => l.trim() === '表 14') + 1;
  for (let i = fromLine - 1; i < lines.length; i++) {
    const l = lines[i]!.normalize('NFKC');
    // Dates, periods and codes are not amounts: 2021.01.01-2021.12.31, 2021-01-01~2021-12-31.
    const cleaned = l.replace(/\d{4}[.-]\d{2}[.-]\d{2}/g, ' ');
    for (const m of cleaned.matchAll(/(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?![\d.,]*\d)/g)) {
      const token = m[1]!;
      const after = cleaned.slice((m.index ?? 0) + token.length).trimStart();
      if (after.startsWith('%')) continue; // percentages are targets, not amounts
      out.push({ line: i + 1, token });
    }
    // Whole 万元 amounts in cost lines and plans: "138万元", "20 万元".
    for (const m of cleaned.matchAll(/(?<![\d.,])(\d+)\s*万元/g)) out.push({ line: i + 1, token: m[1]! });
    // A lone 0 is an amount cell in tables 1–13; in table 14 and the forms it is an indicator target.
    if (i + 1 < formsFrom && (/^\S.*\s0(\s0)*$/.test(l.trim()) || /^0$/.test(l.trim()))) {
      for (const m of l.trim().matchAll(/(?<=\s|^)0(?=\s|$)/g)) out.push({ line: i + 1, token: m[0] });
    }
  }
  return out;
}

test('every amount printed in tables 1–14 and the project forms is in the model at its line', async () => {
  const doc = await importBytes(sampleBytes(), SAMPLE_NAME);
  const text = sampleText();
  const start = text.split('\n').findIndex((l) => l.trim() === '表 1') + 1;
  assert.ok(start > 1, 'table 1 found in the sample');
  const printed = printedAmounts(text, start);
  const found = allAmounts(doc);
  const missing: string[] = [];
  for (const p of printed) {
    const fen = parseAmount(p.token);
    const hit = found.find((f) => f.fen === fen && f.line !== null && (f.line === p.line || (f.endLine !== null && f.line <= p.line && p.line <= f.endLine)));
    if (!hit) missing.push(`${p.line}: ${p.token}`);
  }
  console.log(`sample amounts: ${printed.length} printed in tables and forms, ${printed.length - missing.length} found at their line`);
  assert.deepEqual(missing, [], `amounts printed but not in the model at their line`);
  assert.ok(printed.length > 300, `expected hundreds of printed amounts, found ${printed.length}`);
});
