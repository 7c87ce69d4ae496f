/**
 * `fiscus payments import` (issue 11): the same file seven times is stored once (exit 0, saying so;
 * `--force` stores it again), and a file whose amounts add up beyond Number.MAX_SAFE_INTEGER fen
 * exits 2 before anything is written (it exited 4 after committing the rows).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWorkspace } from '../app/workspace.js';
import { followOf } from '../app/follow.js';
import { budget, bytesOf, paymentsCsv } from '../../test/storage/fixture.js';

const BIN = fileURLToPath(new URL('../../bin/fiscus.js', import.meta.url));

function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const env = { ...process.env };
  delete env['DATABASE_URL'];
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env, maxBuffer: 1 << 26 }, (e, out, err) => resolve({ code: e ? Number((e as { code?: number }).code ?? 99) : 0, out, err }));
  });
}

test('payments import: the same file again stores nothing and says so; --force stores it; an overflowing sum exits 2 with nothing stored', { timeout: 180_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fiscus-payments-cli-'));
  try {
    const budgetFile = join(dir, 'budget.json');
    writeFileSync(budgetFile, bytesOf(budget(2021)));
    const pay = join(dir, 'payments.csv');
    writeFileSync(pay, paymentsCsv(179));
    const data = join(dir, 'data');
    const run = (...extra: string[]) => cli(['payments', 'import', budgetFile, pay, '--data', data, '--as-of', '2021-12-31', ...extra]);

    const first = await run();
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /已存入预算 1：179 笔支付/);
    const again = await run();
    assert.equal(again.code, 0, again.err);
    assert.match(again.out, /未重复存储：payments\.csv 已导入过预算 1.*--force/);
    const forced = await run('--force');
    assert.equal(forced.code, 0, forced.err);
    assert.match(forced.out, /已存入预算 1：179 笔支付/);

    const big = join(dir, 'big.csv');
    writeFileSync(big, '项目,日期,金额(元)\nf1,2021-03-01,90071992547409.91\nf1,2021-03-02,0.01\n');
    const over = await cli(['payments', 'import', budgetFile, big, '--data', data]);
    assert.equal(over.code, 2, over.err);
    assert.match(over.err, /big\.csv:3: 金额合计应不超过 9007199254740991 分/);

    const ws = await openWorkspace({ dataDir: data });
    try {
      assert.equal((await followOf(ws).listPayments('1')).length, 358);
    } finally {
      await ws.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
