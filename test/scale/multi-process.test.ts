/**
 * Several processes on one PostgreSQL behave as one (issue 14 item 4): 3 `fiscus serve` processes and
 * 2 `fiscus worker` processes, spawned as a user would (`node bin/fiscus.js …` with DATABASE_URL), on a
 * fresh database of the throwaway PostgreSQL (`npm test` starts one; TEST_DATABASE_URL). Checked:
 * - a session made on one server is honoured by the others; 5 wrong passwords spread over the servers
 *   lock the account on all of them (the counter is in the database);
 * - 16 concurrent edits, all based on the same version, spread over the 3 servers: exactly 1 is stored
 *   and 15 answer 409 CONFLICT (the version check holds a row lock in the database);
 * - a batch audit of 200 documents submitted to one server completes while one worker is killed with
 *   SIGKILL mid-batch: its job is retried by the other worker, every server shows the same progress,
 *   and the report names every document exactly once.
 * Skipped, saying why, only when no PostgreSQL is available.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { openWorkspace } from '../../src/app/workspace.js';
import { setupDistrict, PASSWORD, type District } from '../support/district.js';
import { throwawayDatabases, type ThrowawayDatabase } from '../support/postgres.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLES = join(ROOT, 'samples');
const SAMPLE_FILES = ['shenzhen-futian-data-center-2021-dept-budget.txt', 'shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.txt', 'shanghai-putuo-finance-bureau-2024-dept-final-accounts.txt'];
const DOCUMENTS = 200;
const EDITS = 16;

const noPostgres = process.env['TEST_DATABASE_URL']
  ? false
  : 'no PostgreSQL: TEST_DATABASE_URL is not set (npm test starts a throwaway one; or `source scripts/pg-throwaway.sh && pg_throwaway_start`)';
if (noPostgres) console.log(`# multi-process test skipped: ${noPostgres}`);

interface Proc {
  name: string;
  child: ChildProcess;
  out: string;
  url?: string;
}

/**
 * Every process this file spawned, ready or not: `after` stops them all, so that one process failing to start
 * (its siblings already running) fails the test instead of leaving live children that keep the file from ending.
 */
const spawned: Proc[] = [];

/** Spawns `fiscus <args>` with the database and the queue's short test timings; resolves once `ready` matches its stdout. */
function spawnFiscus(name: string, args: string[], env: Record<string, string>, ready: RegExp): Promise<Proc> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/fiscus.js'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const p: Proc = { name, child, out: '' };
  spawned.push(p);
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`${name} did not start within 120 s:\n${p.out}`));
    }, 120_000);
    const onData = (b: Buffer) => {
      p.out += b.toString();
      const m = ready.exec(p.out);
      if (m) {
        clearTimeout(timer);
        if (m[1]) p.url = m[1];
        ok(p);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (b: Buffer) => (p.out += b.toString()));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`${name} exited (${code ?? signal}) before it was ready:\n${p.out}`));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('several fiscus processes on one PostgreSQL', { skip: noPostgres, timeout: 600_000 }, () => {
  let db: ThrowawayDatabase;
  let district: District;
  let budgetId: string;
  let formId: string;
  const servers: Proc[] = [];
  const workers: Proc[] = [];
  let env: Record<string, string> = {};

  before(async () => {
    db = await throwawayDatabases('fiscus_scale', 'multi-process test')!();
    // The district and a budget, prepared in this process; then the processes open the same database.
    const ws = await openWorkspace({ databaseUrl: db.databaseUrl });
    try {
      district = await setupDistrict(ws);
      const stored = await ws.importDocument(readFileSync(join(SAMPLES, SAMPLE_FILES[0]!)), SAMPLE_FILES[0]!);
      budgetId = stored.budgetId;
      formId = (await ws.getDocument(budgetId)).projectForms[0]!.id;
    } finally {
      await ws.close();
    }
    env = {
      DATABASE_URL: db.databaseUrl,
      // A job whose worker died counts as lost after 8 s; lost jobs are looked for every second.
      FISCUS_JOB_EXPIRE_SECONDS: '8',
      FISCUS_JOB_MAINTENANCE_SECONDS: '1',
      FISCUS_JOB_POLL_SECONDS: '0.5',
      FISCUS_JOB_RETRY_DELAY_SECONDS: '0',
      FISCUS_BATCH_CHUNK: '10',
    };
    // allSettled: all five have started or failed before a failure is reported, so `after` stops every one of them.
    const settled = await Promise.allSettled([
      ...[0, 1, 2].map((i) => spawnFiscus(`serve-${i}`, ['serve', '--port', '0'], env, /已启动: (http:\/\/\S+)/)),
      ...[0, 1].map((i) => spawnFiscus(`worker-${i}`, ['worker'], env, /fiscus worker 已启动/)),
    ]);
    const failed = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed.length > 0) throw failed[0]!.reason;
    const started = settled.map((s) => (s as PromiseFulfilledResult<Proc>).value);
    servers.push(...started.slice(0, 3));
    workers.push(...started.slice(3));
  });

  after(async () => {
    for (const p of spawned) {
      if (p.child.exitCode === null && p.child.signalCode === null) {
        const gone = new Promise((r) => p.child.once('exit', r));
        p.child.kill('SIGTERM');
        await Promise.race([gone, sleep(10_000)]);
        if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
      }
    }
    await db?.drop();
  });

  const api = (i: number, path: string, init: RequestInit = {}, login: 'jingban' | 'caizheng' = 'caizheng') => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${district.token[login]}`);
    return fetch(`${servers[i % servers.length]!.url}${path}`, { ...init, headers });
  };

  test('a session made on one server is honoured by the others, and failed sign-ins lock the account on all', async () => {
    const signIn = (i: number, login: string, password: string) =>
      fetch(`${servers[i]!.url}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: servers[i]!.url! },
        body: new URLSearchParams({ login, password }),
      });
    const ok = await signIn(0, 'bumen', PASSWORD);
    assert.equal(ok.status, 303);
    const cookie = /fiscus_session=[^;]+/.exec(ok.headers.get('set-cookie') ?? '')?.[0];
    assert.ok(cookie, 'a session cookie');
    for (const i of [1, 2]) {
      const r: Response = await fetch(`${servers[i]!.url}/account`, { headers: { cookie }, redirect: 'manual' });
      assert.equal(r.status, 200, `server ${i} knows the session made on server 0`);
    }
    // Five wrong passwords, concurrently, over the three servers: the account is locked everywhere.
    const wrong = await Promise.all([0, 1, 2, 0, 1].map((i) => signIn(i, 'bumenb', 'wrong-password')));
    assert.deepEqual(
      wrong.map((r) => r.status),
      [401, 401, 401, 401, 401],
    );
    for (const i of [0, 1, 2]) assert.equal((await signIn(i, 'bumenb', PASSWORD)).status, 401, `server ${i} refuses the locked account`);
  });

  test(`${EDITS} concurrent stale edits over 3 servers: exactly 1 stored, ${EDITS - 1} × 409`, async () => {
    const edits = await Promise.all(
      Array.from({ length: EDITS }, (_, i) =>
        api(
          i,
          `/api/v1/budgets/${budgetId}/projects/${encodeURIComponent(formId)}`,
          {
            method: 'PATCH',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ baseVersion: 1, amounts: { other: { fen: 100 + i } } }),
          },
          'jingban',
        ).then(async (r) => ({ status: r.status, body: await r.text() })),
      ),
    );
    const statuses = edits.map((e) => e.status);
    const tally = statuses.reduce<Record<number, number>>((a, s) => ({ ...a, [s]: (a[s] ?? 0) + 1 }), {});
    console.log(`# stale edits over 3 servers: ${JSON.stringify(tally)}`);
    assert.deepEqual(
      tally,
      { 200: 1, 409: EDITS - 1 },
      edits
        .filter((e) => e.status !== 409)
        .map((e) => e.body.slice(0, 300))
        .join('\n'),
    );
    for (const e of edits.filter((x) => x.status === 409)) assert.match(e.body, /CONFLICT/);
    // The budget has exactly one new version, whichever server is asked.
    for (const i of [0, 1, 2]) assert.equal(((await (await api(i, `/api/v1/budgets/${budgetId}`, {}, 'jingban')).json()) as { latestVersion: number }).latestVersion, 2);
  });

  test(`a batch audit of ${DOCUMENTS} documents completes while a worker is killed mid-batch; every document once`, async () => {
    const texts = SAMPLE_FILES.map((f) => readFileSync(join(SAMPLES, f), 'utf8'));
    const form = new FormData();
    const names: string[] = [];
    for (let i = 0; i < DOCUMENTS; i++) {
      // Varied copies: the three samples in turn, each with its own trailing lines.
      const name = `批次-${String(i).padStart(3, '0')}.txt`;
      names.push(name);
      form.append('files', new Blob([texts[i % texts.length]! + '\n'.repeat(i % 5) + `\n（副本 ${i}）\n`]), name);
    }
    const t0 = Date.now();
    const submitted = await api(0, '/api/v1/audits', { method: 'POST', body: form });
    assert.equal(submitted.status, 202, await submitted.clone().text());
    const batch = ((await submitted.json()) as { id: string }).id;

    // Kill a worker with SIGKILL while it holds a job: once it has checked documents, and while documents it
    // claimed have no result yet (claimed_by). Should its job end between the look and the kill (nothing of
    // it left unchecked, so nothing for the queue to retry), a fresh worker joins and is the next victim.
    const pgc = new pg.Client({ connectionString: db.databaseUrl });
    await pgc.connect();
    try {
      let killedAt = -1;
      let victim = workers[0]!;
      let open = 0;
      for (let round = 0; open === 0; round++) {
        assert.ok(round < 3, 'three kills each landed between two jobs');
        const victimName = `%:${victim.child.pid}`;
        for (let n = 0; ; n++) {
          assert.ok(n < 1200, 'the victim worker held no job within 120 s');
          const { rows } = await pgc.query<{ mine: string; open: string; total: string }>(
            'SELECT count(*) FILTER (WHERE done_by LIKE $2) AS mine, count(*) FILTER (WHERE claimed_by LIKE $2 AND entry IS NULL) AS open, count(entry) AS total FROM audit_batch_documents WHERE batch_id = $1',
            [batch, victimName],
          );
          if (Number(rows[0]!.mine) >= (round === 0 ? 10 : 1) && Number(rows[0]!.open) > 0 && Number(rows[0]!.total) < DOCUMENTS - 40) {
            victim.child.kill('SIGKILL');
            killedAt = Number(rows[0]!.total);
            break;
          }
          await sleep(50);
        }
        await new Promise((r) => (victim.child.exitCode !== null || victim.child.signalCode !== null ? r(null) : victim.child.once('exit', r)));
        assert.equal(victim.child.signalCode, 'SIGKILL');
        const { rows: left } = await pgc.query<{ n: string }>('SELECT count(*) AS n FROM audit_batch_documents WHERE batch_id = $1 AND claimed_by LIKE $2 AND entry IS NULL', [batch, victimName]);
        open = Number(left[0]!.n);
        console.log(`# worker ${victim.child.pid} killed (SIGKILL) with ${killedAt}/${DOCUMENTS} documents checked, ${open} of its job unchecked`);
        if (open === 0) {
          victim = await spawnFiscus(`worker-${2 + round}`, ['worker'], env, /fiscus worker 已启动/);
          workers.push(victim);
        }
      }

      // Progress from every server until done (the killed worker's job expires after 8 s, then is retried).
      let status: { state: string; done: number; total: number } = { state: 'queued', done: 0, total: DOCUMENTS };
      const seen: number[][] = [];
      for (let n = 0; status.state !== 'done'; n++) {
        assert.ok(n < 360, `the batch did not finish within 180 s after the kill: ${JSON.stringify(status)}`);
        const all = await Promise.all([0, 1, 2].map(async (i) => (await (await api(i, `/api/v1/audits/${batch}`)).json()) as typeof status));
        seen.push(all.map((s) => s.done));
        status = all[2]!;
        if (status.state !== 'done') await sleep(500);
      }
      const ms = Date.now() - t0;
      // Every server reads the same finished batch.
      for (const i of [0, 1, 2]) assert.deepEqual(((await (await api(i, `/api/v1/audits/${batch}`)).json()) as typeof status).done, DOCUMENTS);

      const report = (await (await api(1, `/api/v1/audits/${batch}/report`)).json()) as { summary: { documents: number; readable: number }; documents: { file: string; readable: boolean }[] };
      const count = new Map<string, number>();
      for (const d of report.documents) count.set(d.file, (count.get(d.file) ?? 0) + 1);
      assert.equal(report.documents.length, DOCUMENTS);
      assert.equal(report.summary.documents, DOCUMENTS);
      assert.deepEqual(
        report.documents.map((d) => d.file),
        names,
        'the report lists the documents in upload order',
      );
      assert.deepEqual(
        [...count.values()].filter((c) => c !== 1),
        [],
        'every document exactly once',
      );
      assert.equal(report.summary.readable, DOCUMENTS, 'every copy of a sample is readable');

      // The killed worker's job was taken again: documents started twice, checked once; the other worker finished the batch.
      const { rows: by } = await pgc.query<{ done_by: string; n: string }>('SELECT done_by, count(*) AS n FROM audit_batch_documents WHERE batch_id = $1 GROUP BY done_by ORDER BY done_by', [batch]);
      const { rows: again } = await pgc.query<{ n: string }>('SELECT count(*) AS n FROM audit_batch_documents WHERE batch_id = $1 AND attempts > 1', [batch]);
      const { rows: retried } = await pgc.query<{ n: string }>(
        `SELECT count(*) AS n FROM (SELECT retry_count FROM pgboss.job WHERE name = 'fiscus_batch_audit' UNION ALL SELECT retry_count FROM pgboss.archive WHERE name = 'fiscus_batch_audit') j WHERE retry_count > 0`,
      );
      console.log(
        `# batch of ${DOCUMENTS} done in ${ms} ms; documents per worker ${JSON.stringify(Object.fromEntries(by.map((r) => [r.done_by, Number(r.n)])))}; documents started again after the kill ${again[0]!.n}; jobs retried ${retried[0]!.n}; report: ${report.documents.length} documents, ${count.size} distinct`,
      );
      assert.ok(by.length >= 2, 'more than one worker checked documents');
      assert.ok(Number(retried[0]!.n) >= 1, 'the killed worker’s job was retried');
      assert.ok(Number(again[0]!.n) >= 1, 'documents of the killed worker’s job were taken up again');
      assert.ok(seen.length > 0);
    } finally {
      await pgc.end();
    }
  });

  test('PDF packages asked for on one server are printed by a `fiscus worker` and downloaded from another', async () => {
    const t0 = performance.now();
    const submitted = await api(0, '/api/v1/packages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ budgets: [budgetId] }) });
    assert.equal(submitted.status, 202, await submitted.clone().text());
    const { id } = (await submitted.json()) as { id: string };
    let status = { state: 'queued', done: 0, failed: 0, items: [] as { state: string; error: unknown }[] };
    while (status.state !== 'done') {
      assert.ok(performance.now() - t0 < 240_000, 'the packages are printed');
      await sleep(500);
      status = (await (await api(1, `/api/v1/packages/${id}`)).json()) as typeof status;
    }
    assert.equal(status.failed, 0, JSON.stringify(status.items));
    const zip = await api(2, `/api/v1/packages/${id}/download`);
    assert.equal(zip.status, 200);
    const bytes = new Uint8Array(await zip.arrayBuffer());
    // A ZIP (PK\x03\x04) holding a PDF printed by a worker process (the servers work no queue on PostgreSQL).
    assert.equal(Buffer.from(bytes.subarray(0, 4)).toString('latin1'), 'PK\x03\x04');
    assert.ok(Buffer.from(bytes).includes(Buffer.from('%PDF-')), 'the ZIP holds the PDF');
    const pgc = new pg.Client({ connectionString: db.databaseUrl });
    await pgc.connect();
    try {
      const { rows } = await pgc.query<{ done_by: string }>('SELECT done_by FROM package_batch_items WHERE batch_id = $1', [Number(id)]);
      const workerPids = workers.map((w) => String(w.child.pid));
      console.log(`# PDF package printed in ${Math.round(performance.now() - t0)} ms by ${rows.map((r) => r.done_by).join(', ')}; ZIP ${bytes.length} bytes from server 2`);
      assert.ok(
        rows.every((r) => workerPids.includes(r.done_by.split(':').pop()!)),
        'printed by a worker',
      );
    } finally {
      await pgc.end();
    }
  });
});
