/**
 * `npm run fuzz -- [--count N] [--seed S] [--concurrency C]`: the long HTTP fuzz run. Starts
 * `fiscus start` on a fresh data folder (the bundled sample), sends N seeded requests to every API and
 * web route (test/fuzz/http-fuzz.ts) while a health probe runs, prints the figures and exits 1 on any
 * 5xx, timeout, dropped connection or probe slower than one second.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fuzzReport, runHttpFuzz } from '../test/fuzz/http-fuzz.js';
import { ROOT, startFiscus } from '../test/e2e/helpers.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '2000' }, seed: { type: 'string', default: '20261206' }, concurrency: { type: 'string', default: '4' } } });
const count = Number(values.count);
const seed = Number(values.seed);
const server = await startFiscus('start');
const rssBefore = process.memoryUsage().rss;
try {
  const samples = [
    { name: 'sample.txt', bytes: readFileSync(join(ROOT, 'samples/shenzhen-futian-data-center-2021-dept-budget.txt')) },
    { name: 'sample.pdf', bytes: readFileSync(join(ROOT, 'samples/pdf/shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.pdf')) },
    { name: 'payments.csv', bytes: readFileSync(join(ROOT, 'samples/year-2021/payments.csv')) },
  ];
  console.log(`fuzz: ${count} requests, seed ${seed}, concurrency ${values.concurrency}, against ${server.url}`);
  const r = await runHttpFuzz({ url: server.url, seed, count, concurrency: Number(values.concurrency), samples, log: (l) => console.log(l) });
  for (const line of fuzzReport(r, seed)) console.log(line);
  console.log(`fuzz process rss ${(rssBefore / 2 ** 20).toFixed(0)} → ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
  process.exitCode = r.failures.length > 0 || r.failedProbes > 0 ? 1 : 0;
} finally {
  await server.stop();
}
