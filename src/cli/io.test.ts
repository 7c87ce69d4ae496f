import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeStaleTemps, writeAtomic } from './io.js';

const DEAD = 2_147_483_646; // no such process

test('an output is written whole through a temp file that does not remain', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fiscus-io-'));
  await writeAtomic(join(dir, 'out.json'), '{}\n');
  assert.equal(readFileSync(join(dir, 'out.json'), 'utf8'), '{}\n');
  assert.deepEqual(readdirSync(dir), ['out.json']);
});

test('a failed write removes its temp file and leaves no output', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fiscus-io-'));
  // The output path is a non-empty directory: the rename into place fails after the temp was written.
  mkdirSync(join(dir, 'out.json'));
  writeFileSync(join(dir, 'out.json', 'x'), '');
  await assert.rejects(writeAtomic(join(dir, 'out.json'), 'x'.repeat(1 << 20)));
  assert.deepEqual(readdirSync(dir), ['out.json']);
});

test('temp files of a killed writer are removed; those of running processes are kept', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fiscus-io-'));
  const out = join(dir, 'report.pdf');
  writeFileSync(join(dir, `.report.pdf.${DEAD}.tmp`), Buffer.alloc(1 << 20));
  writeFileSync(join(dir, `.report.pdf.${process.ppid}.tmp`), 'a writer still running');
  writeFileSync(join(dir, `.other.pdf.${DEAD}.tmp`), 'another output');
  writeFileSync(join(dir, `.report.pdf.x.tmp`), 'not ours');
  assert.deepEqual(removeStaleTemps(out), [`.report.pdf.${DEAD}.tmp`]);
  assert.deepEqual(readdirSync(dir).sort(), [`.other.pdf.${DEAD}.tmp`, `.report.pdf.${process.ppid}.tmp`, '.report.pdf.x.tmp'].sort());
  writeFileSync(join(dir, `.report.pdf.${DEAD}.tmp`), '');
  await writeAtomic(out, 'pdf');
  assert.equal(existsSync(join(dir, `.report.pdf.${DEAD}.tmp`)), false);
});
