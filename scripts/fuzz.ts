/**
 * `npm run fuzz -- [--count N] [--files F] [--seed S] [--concurrency C]`: the long fuzz run.
 *
 * HTTP (N requests, default 2000): starts `fiscus start` on a fresh data folder (the bundled sample),
 * sends N seeded requests to every API and web route (test/fuzz/http-fuzz.ts), as the public, as
 * each of its signed-in users (test/fuzz/fuzz-server.ts) and as pages of other sites posting forms
 * with those users' sessions (cross-site and CSRF-less), while a health probe runs. Files (F per kind, default N / 200): damaged workbooks, payments files, JSON, texts and PDFs
 * read through the parser pool (test/fuzz/file-fuzz.ts). Prints the figures and exits 1 on any 5xx,
 * timeout, dropped connection, write by the public that succeeded, cross-site form post that was not
 * refused (4xx), probe slower than one second,
 * internal error or stopped parser thread.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fuzzReport, runHttpFuzz } from '../test/fuzz/http-fuzz.js';
import { fileFuzzReport, runFileFuzz } from '../test/fuzz/file-fuzz.js';
import { startFuzzServer } from '../test/fuzz/fuzz-server.js';
import { ROOT } from '../test/e2e/helpers.js';
import { importBytes } from '../src/app/import-document.js';
import { ParsePool } from '../src/app/isolation/pool.js';
import { limitsWith } from '../src/app/limits.js';
import { writeTemplate } from '../src/reports/template/index.js';

const { values } = parseArgs({
  options: { count: { type: 'string', default: '2000' }, files: { type: 'string' }, seed: { type: 'string', default: '20261206' }, concurrency: { type: 'string', default: '4' } },
});
const count = Number(values.count);
const files = values.files !== undefined ? Number(values.files) : Math.round(count / 200);
const seed = Number(values.seed);
const read = (p: string) => new Uint8Array(readFileSync(join(ROOT, p)));
const sampleText = read('samples/shenzhen-futian-data-center-2021-dept-budget.txt');
const samplePdf = read('samples/pdf/shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.pdf');
let failed = false;

if (count > 0) {
  const { server, users } = await startFuzzServer();
  const rssBefore = process.memoryUsage().rss;
  try {
    const samples = [
      { name: 'sample.txt', bytes: sampleText },
      { name: 'sample.pdf', bytes: samplePdf },
      { name: 'payments.csv', bytes: read('samples/year-2021/payments.csv') },
    ];
    console.log(`fuzz: ${count} requests, seed ${seed}, concurrency ${values.concurrency}, against ${server.url}`);
    const r = await runHttpFuzz({ url: server.url, seed, count, concurrency: Number(values.concurrency), samples, users, log: (l) => console.log(l) });
    for (const line of fuzzReport(r, seed)) console.log(line);
    // The server's own account of its thread: the delay figures, and each stall it logged with the
    // requests then in flight (FISCUS_STALL_LOG_MS, 300 ms by default).
    const health = (await (await fetch(`${server.url}/api/v1/health`)).json()) as { eventLoop?: { maxMs: number; p99Ms: number; stalls: number } };
    console.log(`server event loop: max delay ${health.eventLoop?.maxMs} ms, p99 ${health.eventLoop?.p99Ms} ms, stalls logged ${health.eventLoop?.stalls}`);
    const stalls = server
      .stderr()
      .split('\n')
      .filter((l) => l.includes('event loop stalled'));
    const ms = (l: string) => Number(/阻塞 (\d+) ms/.exec(l)?.[1] ?? 0);
    for (const l of stalls.sort((a, b) => ms(b) - ms(a)).slice(0, 10)) console.log(`  ${l.slice(0, 400)}`);
    console.log(`fuzz process rss ${(rssBefore / 2 ** 20).toFixed(0)} → ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
    failed ||= r.failures.length > 0 || r.failedProbes > 0;
  } finally {
    await server.stop();
  }
}

if (files > 0) {
  // The server's limits, with a time limit no ordinary file needs: a parse stopped by it is a failure.
  const pool = new ParsePool(limitsWith({ worker: { threads: 2, timeMs: 60_000 } }));
  try {
    const sampleDoc = await importBytes(sampleText, 'sample.txt');
    const sampleXlsx = await writeTemplate({ doc: sampleDoc, standardTables: [] });
    console.log(`fuzz: ${files} files per kind, seed ${seed}`);
    const r = await runFileFuzz({ pool, seed, count: files, sampleText, samplePdf, sampleDoc, sampleXlsx, log: (l) => console.log(l) });
    for (const line of fileFuzzReport(r, seed)) console.log(line);
    failed ||= r.failures.length > 0;
  } finally {
    await pool.close();
  }
}
process.exitCode = failed ? 1 : 0;
