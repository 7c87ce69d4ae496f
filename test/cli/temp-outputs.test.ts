/**
 * Temporary outputs (issue 11): `fiscus import … -o out.json` killed with -9 while writing left its
 * temp file (`.out.json.<pid>.tmp`, 235 MB in the probe) behind for good. A command that writes -o
 * removes such leftovers of dead processes when it starts — even when it then fails — and keeps the
 * temp files of processes still running.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SAMPLE_PATH } from '../import/helpers.js';

const BIN = fileURLToPath(new URL('../../bin/fiscus.js', import.meta.url));
const DEAD = 2_147_483_646; // no such process: the writer that was killed

test('import -o removes the temp file a killed import left, keeps a running writer’s, and writes the output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fiscus-tmp-'));
  const out = join(dir, 'out.json');
  writeFileSync(join(dir, `.out.json.${DEAD}.tmp`), Buffer.alloc(8 << 20, 0x7b));
  writeFileSync(join(dir, `.out.json.${process.pid}.tmp`), 'a writer still running');
  const r = spawnSync(process.execPath, [BIN, 'import', SAMPLE_PATH, '-o', out], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(readdirSync(dir).sort(), [`.out.json.${process.pid}.tmp`, 'out.json']);
});

test('a command that fails still removes the leftover, and writes nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fiscus-tmp-'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, `.report.html.${DEAD}.tmp`), '<html>half');
  const r = spawnSync(process.execPath, [BIN, 'report', join(dir, 'empty.txt'), '--format', 'html', '-o', join(dir, 'report.html')], { encoding: 'utf8' });
  assert.equal(r.status, 2, r.stderr);
  assert.deepEqual(readdirSync(dir), ['empty.txt']);
  assert.equal(existsSync(join(dir, 'report.html')), false);
});
