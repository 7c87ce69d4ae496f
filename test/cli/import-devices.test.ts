/**
 * `fiscus import` of what is not a regular file (issue 11): `/dev/urandom`, `/dev/zero` and a FIFO
 * never returned (the CLI read until memory ran out, or waited for a writer forever). They are refused
 * up front, exit 2, with one Chinese line naming the path; a file over the import limit is refused by
 * its size, naming the limit, before it is read. Nothing is written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LIMITS } from '../../src/app/limits.js';

const BIN = fileURLToPath(new URL('../../bin/fiscus.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'fiscus-dev-'));
const linux = process.platform === 'linux';

/** Runs the CLI with a time limit: before the fix these runs never ended. */
function run(args: string[]): { code: number | null; stderr: string; signal: NodeJS.Signals | null } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stderr: r.stderr, signal: r.signal };
}

function assertRefused(args: string[], path: string, what: string, out?: string): void {
  const r = run(args);
  assert.equal(r.signal, null, `ended by ${r.signal}: it did not return`);
  assert.equal(r.code, 2, r.stderr);
  assert.equal(
    r.stderr,
    `${path}: 不是普通文件（${what}），不予读取 (expected a regular file, found ${what === '命名管道' ? 'a FIFO' : what === '目录' ? 'a directory' : 'a character device'})（INPUT_UNREADABLE）\n`,
  );
  if (out) assert.equal(existsSync(out), false, 'nothing written');
}

for (const dev of ['/dev/urandom', '/dev/zero']) {
  test(`import ${dev} is refused at once, exit 2, naming the path`, { skip: !linux }, () => {
    const out = join(dir, 'dev.json');
    assertRefused(['import', dev, '-o', out], dev, '字符设备', out);
  });
}

test('import of a FIFO with no writer is refused at once instead of waiting', { skip: !linux }, () => {
  const fifo = join(dir, 'pipe.txt');
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
  assertRefused(['import', fifo, '-o', join(dir, 'pipe.json')], fifo, '命名管道', join(dir, 'pipe.json'));
  assertRefused(['validate', fifo], fifo, '命名管道');
});

test('validate of a directory is refused as not a regular file', () => {
  assertRefused(['validate', dir], dir, '目录');
});

test('payments import of /dev/zero as the payments file is refused, exit 2', { skip: !linux }, () => {
  const sample = fileURLToPath(new URL('../../samples/shenzhen-futian-data-center-2021-dept-budget.txt', import.meta.url));
  assertRefused(['payments', 'import', sample, '/dev/zero'], '/dev/zero', '字符设备');
});

test('a file over the import limit is refused by its size before it is read, naming the limit', () => {
  const big = join(dir, 'big.txt');
  writeFileSync(big, '');
  truncateSync(big, DEFAULT_LIMITS.body.import + 1); // sparse: costs no disk
  const out = join(dir, 'big.json');
  const r = run(['import', big, '-o', out]);
  assert.equal(r.code, 2, r.stderr);
  const mib = DEFAULT_LIMITS.body.import / 1024 / 1024;
  assert.equal(r.stderr, `${big}: 文件超过上限 ${mib} MiB（限制项 body.import），实为 ${DEFAULT_LIMITS.body.import + 1} 字节，不予读取（TOO_LARGE）\n`);
  assert.equal(existsSync(out), false);
});
