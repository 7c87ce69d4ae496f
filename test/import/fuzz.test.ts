/**
 * Fuzz: mutations of the sample (drop, duplicate, shuffle lines, corrupt characters) are imported,
 * what cannot be read noted at its line — never an unhandled exception, and never a refusal: every
 * variant still has recognisable tables (a refusal would be a FiscusError `应为……，实为……`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importBytes } from '../../src/app/import-document.js';
import { FiscusError } from '../../src/domain/errors.js';
import { sampleText } from './helpers.js';
import { seeded } from '../support/seeded.js';

const CORRUPT = ['\ufffd', '1', ',', '.', ' ', '表', '万元', '%', '\u0000', '—', '2,', '9'];

function mutate(lines: string[], r: () => number): string[] {
  const out = [...lines];
  const n = 1 + Math.floor(r() * 4);
  for (let k = 0; k < n; k++) {
    const i = Math.floor(r() * out.length);
    const op = Math.floor(r() * 4);
    if (op === 0) out.splice(i, 1);
    else if (op === 1) out.splice(i, 0, out[i] ?? '');
    else if (op === 2) {
      const j = Math.floor(r() * out.length);
      [out[i], out[j]] = [out[j] ?? '', out[i] ?? ''];
    } else {
      const l = out[i] ?? '';
      const p = Math.floor(r() * (l.length + 1));
      out[i] = l.slice(0, p) + CORRUPT[Math.floor(r() * CORRUPT.length)]! + l.slice(p + 1);
    }
  }
  return out;
}

test('200 mutations of the sample are imported, what cannot be read noted at its line; never a crash, never a refusal', async () => {
  const lines = sampleText().split('\n');
  let ok = 0;
  let refused = 0;
  let noted = 0;
  for (let seed = 1; seed <= 200; seed++) {
    const text = mutate(lines, seeded(seed)).join('\n');
    try {
      const doc = await importBytes(new TextEncoder().encode(text), 'fuzz.txt');
      const errors = doc.importNotes.filter((n) => n.severity === 'error');
      for (const n of errors) assert.ok(n.src.line !== null && n.code !== undefined, `seed ${seed}: ${JSON.stringify(n)}`);
      if (errors.length > 0) noted++;
      ok++;
    } catch (e) {
      assert.ok(e instanceof FiscusError, `seed ${seed}: unhandled ${(e as Error).stack}`);
      assert.ok(e.code === 'INPUT_INVALID' || e.code === 'INPUT_UNREADABLE', `seed ${seed}: code ${e.code}`);
      assert.match(e.message, /应.+，实为/, `seed ${seed}: ${e.message}`);
      assert.equal(e.where.file, 'fuzz.txt');
      refused++;
    }
  }
  console.log(`fuzz: ${ok} imported (${noted} with a located note of what could not be read), ${refused} refused`);
  assert.equal(ok + refused, 200);
  assert.equal(refused, 0);
});
