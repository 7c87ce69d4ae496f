/**
 * The HTTP fuzz run of `npm test`: 500 seeded requests (test/fuzz/http-fuzz.ts) to every API and web
 * route of `fiscus start` on the bundled sample: no 5xx, no timeout, no dropped connection, and the
 * health probe answered within one second throughout. `npm run fuzz -- --count 100000` is the long run.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fuzzReport, runHttpFuzz } from './http-fuzz.js';
import { ROOT, startFiscus, type Started } from '../e2e/helpers.js';

const SEED = 20261206;
let server: Started;

before(async () => {
  server = await startFiscus('start');
});

after(async () => {
  await server?.stop();
});

test('500 seeded hostile requests to every route: no 5xx, no hang, the health probe within 1 s', async () => {
  const samples = [
    { name: 'sample.txt', bytes: readFileSync(join(ROOT, 'samples/shenzhen-futian-data-center-2021-dept-budget.txt')) },
    { name: 'sample.pdf', bytes: readFileSync(join(ROOT, 'samples/pdf/shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.pdf')) },
    { name: 'payments.csv', bytes: readFileSync(join(ROOT, 'samples/year-2021/payments.csv')) },
  ];
  // Two requests in flight: npm test runs two test files at once on two cores, and the probe measures the server, not a starved machine.
  const r = await runHttpFuzz({ url: server.url, seed: SEED, count: 500, concurrency: 2, samples });
  const report = fuzzReport(r, SEED);
  for (const line of report) console.log(line);
  assert.equal(r.requests, 500);
  assert.deepEqual(r.failures, [], report.join('\n'));
  assert.equal(r.failedProbes, 0, report.join('\n'));
});
