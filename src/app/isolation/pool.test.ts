import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FiscusError } from '../../domain/errors.js';
import { importBytes } from '../import-document.js';
import { limitsWith } from '../limits.js';
import { ParsePool } from './pool.js';

const SAMPLE = new Uint8Array(readFileSync(fileURLToPath(new URL('../../../samples/shenzhen-futian-data-center-2021-dept-budget.txt', import.meta.url))));
const logged: string[] = [];
const pool = new ParsePool(limitsWith({ worker: { threads: 1, memoryMb: 64, timeMs: 1500 } }), { log: (m) => logged.push(m) });
after(() => pool.close());

/** The error `p` rejects with. */
async function failure(p: Promise<unknown>): Promise<FiscusError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof FiscusError, `expected a FiscusError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a refusal');
}

/** Runs `fn` while measuring how late a 50 ms timer of this thread fires, at worst. */
async function worstTimerLag<T>(fn: () => Promise<T>): Promise<{ value: T; lagMs: number }> {
  let worst = 0;
  let last = performance.now();
  const t = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 50);
    last = now;
  }, 50);
  try {
    return { value: await fn(), lagMs: worst };
  } finally {
    clearInterval(t);
  }
}

test('a document read in a thread is the document read in place', { timeout: 120_000 }, async () => {
  const big = new ParsePool(limitsWith({ worker: { threads: 1 } }));
  try {
    assert.deepEqual(await big.importDocument(SAMPLE, 'sample.txt'), await importBytes(SAMPLE, 'sample.txt'));
  } finally {
    await big.close();
  }
});

test('a refusal from a thread keeps its code, place, expected/found and one-line form', { timeout: 60_000 }, async () => {
  for (const bytes of [new TextEncoder().encode('{"schema": '), new TextEncoder().encode('会议纪要\n今天讨论了预算。\n')]) {
    const here = await failure(importBytes(bytes, 'x.txt'));
    const there = await failure(pool.importDocument(bytes, 'x.txt'));
    assert.equal(there.code, here.code);
    assert.deepEqual(there.where, here.where);
    assert.equal(there.message, here.message);
    assert.equal(there.oneLine(), here.oneLine());
    assert.equal(there.expected, here.expected);
  }
});

test('a parse over its time is stopped and named; this thread kept running meanwhile; the pool goes on', { timeout: 60_000 }, async () => {
  await pool.run({ kind: 'probe', what: 'echo' });
  const { value: e, lagMs } = await worstTimerLag(() => failure(pool.run({ kind: 'probe', what: 'spin' })));
  assert.equal(e.code, 'TOO_LARGE');
  assert.equal(e.where.field, 'limits.worker.timeMs');
  assert.match(e.message, /^读取所需时间应不超过 1500 毫秒（限制项 worker\.timeMs），实为读取 1\.5 秒后仍未完成，已停止$/);
  assert.ok(lagMs < 500, `timers of the calling thread were late by ${lagMs} ms`);
  assert.equal(await pool.run({ kind: 'probe', what: 'echo' }), 'echo');
});

test('a parse over its memory is stopped and named; the pool goes on', { timeout: 60_000 }, async () => {
  // A pool of its own whose time limit cannot come first: on a loaded machine, allocating 64 MB can
  // take longer than the other pool's 1.5 s, and that limit would then be the one named.
  const roomy = new ParsePool(limitsWith({ worker: { threads: 1, memoryMb: 64, timeMs: 45_000 } }), { log: (m) => logged.push(m) });
  try {
    const e = await failure(roomy.run({ kind: 'probe', what: 'allocate' }));
    assert.equal(e.code, 'TOO_LARGE');
    assert.equal(e.where.field, 'limits.worker.memoryMb');
    assert.match(e.message, /^读取所需内存应不超过 64 MB（限制项 worker\.memoryMb），实为读取需要更多内存，已停止$/);
    assert.equal(await roomy.run({ kind: 'probe', what: 'echo' }), 'echo');
  } finally {
    await roomy.close();
  }
});

test('a rejection nothing awaited in a thread costs nothing: the answer stands, the thread goes on', { timeout: 60_000 }, async () => {
  assert.equal(await pool.run({ kind: 'probe', what: 'reject-later' }), 'answered');
  assert.equal(await pool.run({ kind: 'probe', what: 'echo' }), 'echo');
});

test('a parser bug is an internal error, not a crash', { timeout: 60_000 }, async () => {
  const e = await failure(pool.run({ kind: 'probe', what: 'throw' }));
  assert.equal(e.code, 'INTERNAL');
  assert.match(e.message, /probe: a parser bug/);
});

test('a closed pool refuses work', async () => {
  const p = new ParsePool();
  await p.close();
  assert.equal((await failure(p.run({ kind: 'probe', what: 'echo' }))).code, 'INTERNAL');
});

test('a PDF over the page limit is refused naming it, counted by the reader before any page is read', { timeout: 120_000 }, async () => {
  const pdf = new Uint8Array(readFileSync(fileURLToPath(new URL('../../../samples/pdf/shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.pdf', import.meta.url))));
  const few = new ParsePool(limitsWith({ pages: 2, worker: { threads: 1 } }));
  try {
    const e = await failure(few.importDocument(pdf, 'wanli.pdf'));
    assert.equal(e.code, 'TOO_LARGE');
    assert.equal(e.where.field, 'limits.pages');
  } finally {
    await few.close();
  }
});

test('beyond worker.queue waiting parses, one more is refused at once as BUSY; the pool goes on', { timeout: 60_000 }, async () => {
  const small = new ParsePool(limitsWith({ worker: { threads: 1, queue: 1, timeMs: 800 } }));
  try {
    assert.equal(await small.run({ kind: 'probe', what: 'echo' }), 'echo');
    const running = failure(small.run({ kind: 'probe', what: 'spin' }));
    while (small.queued > 0) await new Promise((r) => setTimeout(r, 10));
    const waiting = failure(small.run({ kind: 'probe', what: 'spin' }));
    assert.equal(small.queued, 1);
    const t0 = performance.now();
    const busy = await failure(small.run({ kind: 'probe', what: 'echo' }));
    assert.ok(performance.now() - t0 < 500, 'the refusal did not wait for the queue');
    assert.equal(busy.code, 'BUSY');
    assert.equal(busy.where.field, 'limits.worker.queue');
    assert.match(busy.message, /^排队等待读取的文件数应不超过 1 个（限制项 worker\.queue），实为多 1 个：请几秒后重试$/);
    assert.equal((await running).code, 'TOO_LARGE');
    assert.equal((await waiting).code, 'TOO_LARGE');
    assert.equal(await small.run({ kind: 'probe', what: 'echo' }), 'echo');
  } finally {
    await small.close();
  }
});

test(
  'parser threads run below the server thread that answers requests (niceness 10 on Linux), the caller keeps its own',
  { skip: process.platform !== 'linux' ? 'thread niceness is a Linux attribute' : false },
  async () => {
    const { getPriority } = await import('node:os');
    const own = getPriority();
    const thread = (await pool.run({ kind: 'probe', what: 'priority' })) as number;
    assert.ok(thread >= 10, `parser thread niceness ${thread}`);
    assert.equal(getPriority(), own, 'the calling thread keeps its priority');
  },
);

test(
  "a command's pool (background: false) runs its threads at the caller's own priority: niced, they would only lose the CPU to other processes; it reads the same document",
  { skip: process.platform !== 'linux' ? 'thread niceness is a Linux attribute' : false },
  async () => {
    const { getPriority } = await import('node:os');
    const mine = new ParsePool(limitsWith({ worker: { threads: 1 } }), { background: false });
    try {
      assert.equal(await mine.run({ kind: 'probe', what: 'priority' }), getPriority());
      // Its schema check runs without zod's compiled parsers (worker-entry.mjs): the same document.
      assert.deepEqual(await mine.importDocument(SAMPLE, 'sample.txt'), await importBytes(SAMPLE, 'sample.txt'));
    } finally {
      await mine.close();
    }
  },
);
