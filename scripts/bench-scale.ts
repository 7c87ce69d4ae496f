/**
 * The load run of `npm run bench` (section `scale`, issue 14): C clients for S seconds on the loopback
 * against 2 `fiscus serve` processes sharing one PostgreSQL database (TEST_DATABASE_URL's server; a
 * fresh database) and against 1 on PGlite (a fresh data folder). A mixed workload: reads (the budget's
 * web page, a table over the API, the budget list, the portal) and writes (project-form edits on the
 * latest version: a 409 from a concurrent edit is counted apart, it is the stale-edit refusal). Prints
 * requests/s, p50, p99, errors (5xx, dropped connections, other 4xx) and each server's resident memory
 * before and after.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { openWorkspace, type WorkspaceOptions } from '../src/app/workspace.js';
import { setupDistrict, type District } from '../test/support/district.js';

const ROOT = resolve(import.meta.dirname, '..');
const SAMPLE = join(ROOT, 'samples/shenzhen-futian-data-center-2021-dept-budget.txt');

interface Proc {
  url: string;
  child: ChildProcess;
}

function serve(args: string[], env: Record<string, string>): Promise<Proc> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/fiscus.js'), 'serve', '--port', '0', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`fiscus serve did not start within 120 s\n${out}`)), 120_000);
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /已启动: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok({ url: m[1]!, child });
      }
    });
    child.once('exit', (code) => fail(new Error(`fiscus serve exited with ${code}\n${out}`)));
  });
}

async function stop(p: Proc): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const gone = new Promise((r) => p.child.once('exit', r));
  p.child.kill('SIGTERM');
  await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))]);
  if (p.child.exitCode === null) p.child.kill('SIGKILL');
}

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

/** A district with the sample imported (as the system: a draft of the sample unit, the 经办 jingban's). */
async function prepare(opts: WorkspaceOptions): Promise<{ district: District; budgetId: string; formIds: string[] }> {
  const ws = await openWorkspace(opts);
  try {
    const district = await setupDistrict(ws);
    const { budgetId } = await ws.importDocument(readFileSync(SAMPLE), 'sample.txt');
    const formIds = (await ws.getDocument(budgetId)).projectForms.map((f) => f.id);
    return { district, budgetId, formIds };
  } finally {
    await ws.close();
  }
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

async function load(name: string, servers: Proc[], prep: Awaited<ReturnType<typeof prepare>>, clients: number, seconds: number): Promise<string> {
  const { district, budgetId, formIds } = prep;
  const auth = { authorization: `Bearer ${district.token.jingban}` };
  const cookie = { cookie: `fiscus_session=${district.session.jingban}` };
  // Warm-up: each server's first pages (templates, parser threads) before the memory is read.
  for (const s of servers) for (const p of [`/budgets/${budgetId}`, `/api/v1/budgets/${budgetId}/tables/t3`, '/public']) await (await fetch(s.url + p, { headers: cookie })).arrayBuffer();
  const before = servers.map((s) => rssMiB(s.child.pid!));
  const ms: number[] = [];
  const errors = new Map<string, number>();
  let conflicts = 0;
  let writes = 0;
  const end = Date.now() + seconds * 1000;
  const t0 = performance.now();
  const one = async (c: number) => {
    for (let i = 0; Date.now() < end; i++) {
      const s = servers[(c + i) % servers.length]!;
      const r = (c * 7919 + i * 104729) % 100;
      const t = performance.now();
      let key = '';
      try {
        let res: Response;
        if (r < 20) {
          writes++;
          const latest = ((await (await fetch(`${s.url}/api/v1/budgets/${budgetId}`, { headers: auth })).json()) as { latestVersion: number }).latestVersion;
          const form = formIds[i % formIds.length]!;
          res = await fetch(`${s.url}/api/v1/budgets/${budgetId}/projects/${encodeURIComponent(form)}`, { method: 'PATCH', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ baseVersion: latest, amounts: { other: { fen: (c * 1000 + i) % 100_000 } } }) });
        } else if (r < 50) res = await fetch(`${s.url}/budgets/${budgetId}`, { headers: cookie });
        else if (r < 75) res = await fetch(`${s.url}/api/v1/budgets/${budgetId}/tables/t3`, { headers: auth });
        else if (r < 90) res = await fetch(`${s.url}/api/v1/budgets`, { headers: auth });
        else res = await fetch(`${s.url}/public`);
        await res.arrayBuffer();
        if (res.status === 409) conflicts++;
        else if (res.status >= 400) key = `${res.status}`;
      } catch (e) {
        key = (e as Error).message.slice(0, 60);
      }
      ms.push(performance.now() - t);
      if (key) errors.set(key, (errors.get(key) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => one(c)));
  const wall = (performance.now() - t0) / 1000;
  const after = servers.map((s) => rssMiB(s.child.pid!));
  ms.sort((a, b) => a - b);
  const nErrors = [...errors.values()].reduce((a, b) => a + b, 0);
  return (
    `${name}: ${clients} clients × ${seconds} s: ${ms.length} requests, ${(ms.length / wall).toFixed(1)} requests/s, p50 ${pct(ms, 50).toFixed(1)} ms, p99 ${pct(ms, 99).toFixed(1)} ms, ` +
    `errors ${nErrors}${nErrors ? ` ${JSON.stringify(Object.fromEntries(errors))}` : ''}; edits ${writes} (409 stale ${conflicts}); memory (RSS MiB) before ${before.join(' / ')}, after ${after.join(' / ')}`
  );
}

/** Runs the load on PostgreSQL (2 servers, when TEST_DATABASE_URL is set) and on PGlite (1 server); returns the printed lines. */
export async function runScaleLoad(opts: { clients?: number; seconds?: number } = {}): Promise<string[]> {
  const clients = opts.clients ?? 32;
  const seconds = opts.seconds ?? 60;
  const lines: string[] = [];
  const admin = process.env['TEST_DATABASE_URL'];
  if (admin) {
    const name = `fiscus_bench_${process.pid}_${Date.now()}`;
    const exec = async (q: string) => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(q).finally(() => c.end());
    };
    await exec(`CREATE DATABASE ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const servers: Proc[] = [];
    try {
      const prep = await prepare({ databaseUrl: url.toString() });
      servers.push(...(await Promise.all([0, 1].map(() => serve([], { DATABASE_URL: url.toString() })))));
      lines.push(await load('PostgreSQL, 2 servers', servers, prep, clients, seconds));
    } finally {
      for (const s of servers) await stop(s);
      await exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  } else lines.push('PostgreSQL, 2 servers: skipped (TEST_DATABASE_URL is not set; `source scripts/pg-throwaway.sh && pg_throwaway_start`)');
  const dir = mkdtempSync(join(tmpdir(), 'fiscus-bench-scale-'));
  let server: Proc | undefined;
  try {
    const prep = await prepare({ dataDir: join(dir, 'data') });
    server = await serve(['--data', join(dir, 'data')], { DATABASE_URL: '' });
    lines.push(await load('PGlite, 1 server', [server], prep, clients, seconds));
  } finally {
    if (server) await stop(server);
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

// Run alone: node --import tsx scripts/bench-scale.ts [--quick] [--clients N] [--seconds S]
if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (n: string) => (process.argv.includes(n) ? Number(process.argv[process.argv.indexOf(n) + 1]) : undefined);
  const quick = process.argv.includes('--quick');
  for (const l of await runScaleLoad({ clients: arg('--clients') ?? 32, seconds: arg('--seconds') ?? (quick ? 10 : 60) })) console.log(l);
}
