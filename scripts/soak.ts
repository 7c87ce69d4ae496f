/**
 * `npm run soak -- [--minutes 30] [--clients 32] [--db pglite|postgres|both]`: a bounded soak on the
 * loopback. Starts `fiscus start` on a fresh data folder (PGlite) and/or on a fresh PostgreSQL database
 * (TEST_DATABASE_URL's server; `npm run soak` starts a throwaway one), then runs N clients for the given
 * minutes, mixing reads (web pages, API JSON, an HTML export) with writes (project-form edits on the
 * latest version, payments added and deleted, monitoring saves). Prints requests/s, p50, p99, errors
 * (5xx, timeouts, dropped connections, unexpected 4xx), stale-edit conflicts (409, expected under
 * concurrent edits) and the server's resident memory after warm-up and at the end.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { freePort, ROOT } from '../test/e2e/helpers.js';

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '30' }, clients: { type: 'string', default: '32' }, db: { type: 'string', default: 'both' } } });
const minutes = Number(values.minutes);
const clients = Number(values.clients);

interface Server {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

async function start(databaseUrl: string | null): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'fiscus-soak-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/fiscus.js', 'start', '--port', String(port), '--data', join(dir, 'data')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`fiscus start did not start within 120 s\n${out}`)), 120_000);
    child.stdout.on('data', () => {
      const m = /fiscus 已启动: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    });
    child.once('exit', (code) => fail(new Error(`fiscus start exited with ${code}\n${out}`)));
  });
  return {
    url,
    pid: child.pid!,
    async stop() {
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((ok) => setTimeout(ok, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Resident memory of a process in MiB (Linux /proc). */
function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

interface Tally {
  ms: number[];
  errors: Map<string, number>;
  conflicts: number;
  requests: number;
}

/** A web session of a demo account of `fiscus start`, signed in through the 登录 form (same origin). */
async function signIn(url: string, login: string): Promise<string> {
  const res = await fetch(`${url}/login`, { method: 'POST', body: new URLSearchParams({ login, password: `fiscus-${login}` }), headers: { origin: url }, redirect: 'manual' });
  await res.arrayBuffer();
  const session = /fiscus_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (res.status !== 303 || !session) throw new Error(`signing in as ${login}: ${res.status}`);
  return `fiscus_session=${session}`;
}

/** An API token made on 我的账户 by the user of `cookie`, as a user would make one. */
async function tokenOf(url: string, cookie: string): Promise<string> {
  const res = await fetch(`${url}/account/tokens`, { method: 'POST', body: new URLSearchParams({ name: 'soak' }), headers: { origin: url, cookie } });
  const token = /<code>(fiscus_[A-Za-z0-9_-]+)<\/code>/.exec(await res.text())?.[1];
  if (!token) throw new Error(`no token from 我的账户: ${res.status}`);
  return token;
}

async function soak(name: string, s: Server): Promise<string[]> {
  // Issue 13: the sample unit's 经办 reads and writes (pages with the session, API writes with a token);
  // the aggregates, which span departments, are the 财政审核's.
  const preparer = await signIn(s.url, 'jingban');
  const finance = await signIn(s.url, 'caizheng');
  const token = await tokenOf(s.url, preparer);
  const get = async (p: string) => (await fetch(s.url + p, { headers: { cookie: preparer } })).json() as Promise<Record<string, unknown>>;
  const forms = ((await get('/api/v1/budgets/1/projects'))['projects'] as Array<{ id: string }>).map((p) => p.id);
  const reads = [
    '/',
    '/public',
    '/public/budgets/1',
    '/budgets/1',
    '/budgets/1/narrative',
    '/budgets/1/tables/t7',
    '/budgets/1/findings',
    '/budgets/1/versions',
    '/budgets/1/follow',
    '/api/v1/budgets',
    '/api/v1/budgets/1/tables',
    '/api/v1/budgets/1/findings',
    '/api/v1/budgets/1/execution',
    '/api/v1/aggregates?by=function',
    ...forms.slice(0, 4).map((f) => `/budgets/1/projects/${f}`),
  ];
  const t: Tally = { ms: [], errors: new Map(), conflicts: 0, requests: 0 };
  const fail = (what: string) => t.errors.set(what, (t.errors.get(what) ?? 0) + 1);
  const call = async (method: string, path: string, body?: unknown, ok: number[] = [200]): Promise<Response | null> => {
    const t0 = performance.now();
    try {
      const who: Record<string, string> = path.startsWith('/api/v1/aggregates') ? { cookie: finance } : method === 'GET' ? { cookie: preparer } : { authorization: `Bearer ${token}` };
      const headers = { ...who, ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
      const r = await fetch(s.url + path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }), redirect: 'manual', signal: AbortSignal.timeout(60_000) });
      await r.clone().arrayBuffer();
      t.ms.push(performance.now() - t0);
      t.requests++;
      if (r.status === 409) t.conflicts++;
      else if (!ok.includes(r.status)) fail(`${method} ${path.replace(/\d+$/, 'N')} → ${r.status}`);
      return r;
    } catch (e) {
      t.requests++;
      fail(`${method} ${path} → ${(e as Error).name}`);
      return null;
    }
  };
  const until = Date.now() + minutes * 60_000;
  const warm = Date.now() + Math.min(30_000, minutes * 6_000);
  let rssWarm = NaN;
  const samples: number[] = [];
  const sampler = setInterval(() => {
    samples.push(rssMiB(s.pid));
    // Progress once a minute: requests so far and the server's memory.
    if (samples.length % 6 === 0)
      console.error(`${name}: ${samples.length / 6} min, ${t.requests} requests, ${[...t.errors.values()].reduce((a, b) => a + b, 0)} errors, server ${samples.at(-1)!.toFixed(0)} MiB`);
  }, 10_000);
  const client = async (k: number) => {
    let i = k;
    while (Date.now() < until) {
      if (Number.isNaN(rssWarm) && Date.now() > warm) rssWarm = rssMiB(s.pid);
      const r = (i++ * 7919) % 100;
      const form = forms[i % forms.length]!;
      if (r < 72) await call('GET', reads[i % reads.length]!);
      else if (r < 76) await call('GET', '/api/v1/budgets/1/export.html');
      else if (r < 86) {
        // An edit on the latest version: the same plan back (the document stays valid); a stale base is a 409.
        const p = await call('GET', `/api/v1/budgets/1/projects/${form}`);
        if (!p || p.status !== 200) continue;
        const j = (await p.json()) as { version: number; form: { disbursement: Array<{ quarter: number; amount: { fen: number } }> } };
        await call('PATCH', `/api/v1/budgets/1/projects/${form}`, {
          baseVersion: j.version,
          author: `soak-${k}`,
          disbursement: j.form.disbursement.map((q) => ({ quarter: q.quarter, amount: { fen: q.amount.fen } })),
        });
      } else if (r < 96) {
        const p = await call('POST', '/api/v1/budgets/1/payments', { project: form, date: '2021-06-15', fen: 1000 + k, voucher: `soak-${k}-${i}` }, [200, 201]);
        if (p && (p.status === 200 || p.status === 201)) {
          const { id } = (await p.json()) as { id: number };
          await call('DELETE', `/api/v1/budgets/1/payments/${id}`, undefined, [200, 204]);
        }
      } else await call('PUT', '/api/v1/budgets/1/monitoring', { owner: form, asOf: '2021-08-31', entries: [{ idx: 0, actualToDate: `${i % 100}%` }] });
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, (_, k) => client(k)));
  clearInterval(sampler);
  const secs = (performance.now() - t0) / 1000;
  const rssEnd = rssMiB(s.pid);
  const sorted = [...t.ms].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  const errs = [...t.errors.values()].reduce((a, b) => a + b, 0);
  // Memory at every fifth of the run (mean of the samples in that fifth) and growth over the second half:
  // a server that leaks keeps growing; one that warms up levels off.
  const fifths = Array.from({ length: 5 }, (_, i) => samples.slice(Math.floor((i * samples.length) / 5), Math.floor(((i + 1) * samples.length) / 5))).map((xs) =>
    xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN,
  );
  const half = samples.slice(Math.floor(samples.length / 2));
  const growth = half.length >= 2 ? half.at(-1)! - half[0]! : NaN;
  return [
    `${name}: ${minutes} min, ${clients} clients: ${t.requests} requests, ${(t.requests / secs).toFixed(1)}/s, p50 ${q(0.5).toFixed(0)} ms, p99 ${q(0.99).toFixed(0)} ms, errors ${errs}, stale-edit conflicts (409) ${t.conflicts}`,
    `${name}: server memory ${rssWarm.toFixed(0)} MiB after warm-up → ${rssEnd.toFixed(0)} MiB at the end (samples every 10 s: min ${Math.min(...samples).toFixed(0)}, max ${Math.max(...samples).toFixed(0)})`,
    `${name}: memory by fifths of the run ${fifths.map((m) => m.toFixed(0)).join(' → ')} MiB; over the second half ${growth >= 0 ? '+' : ''}${growth.toFixed(0)} MiB`,
    ...[...t.errors].map(([k, n]) => `${name}:   ${n} × ${k}`),
  ];
}

const lines: string[] = [];
if (values.db === 'pglite' || values.db === 'both') {
  const s = await start(null);
  try {
    lines.push(...(await soak('PGlite', s)));
  } finally {
    await s.stop();
  }
}
if (values.db === 'postgres' || values.db === 'both') {
  const admin = process.env['TEST_DATABASE_URL'];
  if (!admin) throw new Error('PostgreSQL soak: TEST_DATABASE_URL is not set (npm run soak starts a throwaway server)');
  const dbName = `fiscus_soak_${process.pid}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(admin);
  url.pathname = `/${dbName}`;
  const s = await start(url.toString());
  try {
    lines.push(...(await soak('PostgreSQL', s)));
  } finally {
    await s.stop();
    await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await c.end();
  }
}
for (const l of lines) console.log(l);
process.exitCode = lines.some((l) => / errors [1-9]/.test(l)) ? 1 : 0;
