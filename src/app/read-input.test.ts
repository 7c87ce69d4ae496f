import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FiscusError } from '../domain/errors.js';
import { readInputFile, readInputFileSync } from './read-input.js';

const MiB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'fiscus-read-'));

async function refusal(path: string, max = 20 * MiB): Promise<FiscusError> {
  try {
    await readInputFile(path, max, 'body.import');
  } catch (e) {
    assert.ok(e instanceof FiscusError, String(e));
    return e;
  }
  assert.fail(`${path} was read`);
}

test('a regular file is read whole', async () => {
  writeFileSync(join(dir, 'a.txt'), '收入总计 4,424.60\n');
  assert.equal(Buffer.from(await readInputFile(join(dir, 'a.txt'), 100, 'body.import')).toString('utf8'), '收入总计 4,424.60\n');
});

test('devices and directories are refused before anything is read, naming the path and what it is', async () => {
  for (const [path, zh, en] of [
    ['/dev/zero', '字符设备', 'a character device'],
    ['/dev/urandom', '字符设备', 'a character device'],
    [dir, '目录', 'a directory'],
  ] as const) {
    const e = await refusal(path);
    assert.equal(e.code, 'INPUT_UNREADABLE');
    assert.equal(e.oneLine(), `${path}: 不是普通文件（${zh}），不予读取 (expected a regular file, found ${en})`);
  }
});

test('a FIFO with no writer is refused at once, not waited on', { skip: process.platform === 'win32' }, async () => {
  const fifo = join(dir, 'pipe.txt');
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
  const e = await refusal(fifo);
  assert.equal(e.code, 'INPUT_UNREADABLE');
  assert.match(e.message, /命名管道.*found a FIFO/);
});

test('a file over the limit is refused by its size, naming the limit', async () => {
  writeFileSync(join(dir, 'big.txt'), Buffer.alloc(2 * MiB + 1, 0x41));
  const e = await refusal(join(dir, 'big.txt'), 2 * MiB);
  assert.equal(e.code, 'TOO_LARGE');
  assert.equal(e.where.field, 'limits.body.import');
  assert.match(e.oneLine(), /big\.txt: 文件超过上限 2 MiB（限制项 body\.import），实为 2097153 字节，不予读取$/);
});

test('a file whose size stat does not tell (procfs) is read to its end, and stopped at the limit', { skip: process.platform !== 'linux' }, async () => {
  const status = Buffer.from(await readInputFile('/proc/self/status', MiB, 'body.import')).toString('utf8');
  assert.match(status, /^Name:/);
  const e = await refusal('/proc/self/status', 64);
  assert.equal(e.code, 'TOO_LARGE');
  assert.match(e.message, /实为超过 64 字节，不予读取/);
});

test('a missing file is NOT_FOUND', async () => {
  const e = await refusal(join(dir, 'missing.txt'));
  assert.equal(e.code, 'NOT_FOUND');
});

test('the synchronous read gives the same bytes and the same refusals', async () => {
  const big = join(dir, 'big.txt');
  writeFileSync(big, 'x'.repeat(300_000));
  const cases: Array<[string, number]> = [
    [join(dir, 'a.txt'), 100],
    [big, 1 * MiB],
    [big, 1000],
    [dir, 20 * MiB],
    ['/dev/zero', 20 * MiB],
    [join(dir, 'missing.txt'), 100],
  ];
  if (process.platform === 'linux') cases.push(['/proc/self/cmdline', 10], ['/proc/self/cmdline', 1 * MiB]);
  for (const [path, max] of cases) {
    const outcome = async (read: () => Uint8Array | Promise<Uint8Array>) => {
      try {
        return { bytes: Buffer.from(await read()).toString('latin1').length };
      } catch (e) {
        assert.ok(e instanceof FiscusError, String(e));
        return { code: e.code, message: e.message, where: e.where };
      }
    };
    const a = await outcome(() => readInputFile(path, max, 'body.import'));
    const b = await outcome(() => readInputFileSync(path, max, 'body.import'));
    assert.deepEqual(b, a, path);
  }
});
