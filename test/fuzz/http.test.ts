/**
 * The HTTP fuzz run of `npm test`: 500 seeded requests (test/fuzz/http-fuzz.ts) to every API and web
 * route of `fiscus start` on the bundled sample, as the public (with no credential or a forged one)
 * and as each of its signed-in users: no 5xx, no timeout, no dropped connection, no write by the
 * public that succeeds, no cross-site or CSRF-less form post that is not refused, and the health probe
 * answered within one second throughout.
 * `npm run fuzz -- --count 100000` is the long run.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fuzzReport, runHttpFuzz, type FuzzUser } from './http-fuzz.js';
import { startFuzzServer } from './fuzz-server.js';
import { ROOT, type Started } from '../e2e/helpers.js';

const SEED = 20261206;
let server: Started;
let users: FuzzUser[];

before(async () => {
  ({ server, users } = await startFuzzServer());
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
  const r = await runHttpFuzz({ url: server.url, seed: SEED, count: 500, concurrency: 2, samples, users });
  const report = fuzzReport(r, SEED);
  for (const line of report) console.log(line);
  assert.equal(r.requests, 500);
  assert.deepEqual(r.failures, [], report.join('\n'));
  // The mix: the public wrote (and was refused), pages of other sites posted forms with users' sessions
  // (and were refused: any that was not is among the failures), and every user got past the authorisation somewhere.
  assert.ok(r.publicWrites > 0, report.join('\n'));
  assert.ok(Object.values(r.crossSite).reduce((a, b) => a + b, 0) > 0, report.join('\n'));
  for (const u of users) {
    const statuses = r.bySender[u.login] ?? {};
    assert.ok(
      Object.keys(statuses).some((s) => /^2\d\d$/.test(s)),
      `${u.login} had no request answered 2xx: ${JSON.stringify(statuses)}`,
    );
  }
  assert.equal(r.failedProbes, 0, report.join('\n'));
});
