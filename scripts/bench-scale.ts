/**
 * The load run of `npm run bench` (section `scale`, issue 14): C clients for S seconds on the loopback
 * against 2 `fiscus serve` processes sharing one PostgreSQL database (TEST_DATABASE_URL's server; a
 * fresh database) and against 1 on PGlite (a fresh data folder). A mixed workload: reads (the budget's
 * web page, a table over the API, the budget list, the portal) and writes (project-form edits on the
 * latest version: a 409 from a concurrent edit is counted apart, it is the stale-edit refusal). Prints
 * requests/s, p50, p99, errors (5xx, dropped connections, other 4xx) and each server's resident memory
 * before and after, then p50/p99 by request kind, each beside the server's own time for it (the `total`
 * of the answer's Server-Timing header; for an edit, its PATCH's).
 *
 * The servers run the compiled build (dist/, built here first; FISCUS_RUN=dist, so that a checkout edited
 * meanwhile does not fall back to tsx). `--cpu-prof DIR` (or FISCUS_BENCH_CPU_PROF=DIR) runs each server
 * under `node --cpu-prof`, its profile written to DIR when it stops.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
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

function serve(args: string[], env: Record<string, string>, cpuProf?: string): Promise<Proc> {
  const node = cpuProf ? ['--cpu-prof', '--cpu-prof-dir', cpuProf] : [];
  const child = spawn(process.execPath, [...node, join(ROOT, 'bin/fiscus.js'), 'serve', '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, FISCUS_RUN: 'dist', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`fiscus serve did not start within 120 s\n${out}`)), 120_000);
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.stdout.on('data', (b: Buffer) => {
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

/** CPU time (user + system, ms) a process has used so far, all its threads, from /proc (100 ticks a second). */
function cpuMs(pid: number, thread?: number): number {
  // The fields after the command name (which may hold spaces, hence from the last ')'): utime and stime are the 12th and 13th.
  const f = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8')
    .split(') ')
    .pop()!
    .split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}

/** CPU time (ms) of each thread of a process so far, by thread id. */
function threadCpuMs(pid: number): Map<string, number> {
  return new Map(readdirSync(`/proc/${pid}/task`).map((t) => [t, cpuMs(pid, Number(t))]));
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

/** The workload's request kinds, each with its share of the mix (percent); one request of each is `run`. */
type Prep = Awaited<ReturnType<typeof prepare>>;
interface Kind {
  name: string;
  share: number;
  /** Answers the kind's (last) response; `i` is the client's request count. */
  run(url: string, p: Prep, c: number, i: number): Promise<Response>;
}
const auth = (p: Prep) => ({ authorization: `Bearer ${p.district.token.jingban}` });
const cookie = (p: Prep) => ({ cookie: `fiscus_session=${p.district.session.jingban}` });
export const KINDS: Kind[] = [
  {
    // A project-form edit on the latest version: a 409 from a concurrent edit is the stale-edit refusal.
    name: 'edit',
    share: 20,
    async run(url, p, c, i) {
      const latest = ((await (await fetch(`${url}/api/v1/budgets/${p.budgetId}`, { headers: auth(p) })).json()) as { latestVersion: number }).latestVersion;
      const form = p.formIds[i % p.formIds.length]!;
      const body = JSON.stringify({ baseVersion: latest, amounts: { other: { fen: (c * 1000 + i) % 100_000 } } });
      return fetch(`${url}/api/v1/budgets/${p.budgetId}/projects/${encodeURIComponent(form)}`, { method: 'PATCH', headers: { ...auth(p), 'content-type': 'application/json' }, body });
    },
  },
  { name: 'page', share: 30, run: (url, p) => fetch(`${url}/budgets/${p.budgetId}`, { headers: cookie(p) }) },
  { name: 'table', share: 25, run: (url, p) => fetch(`${url}/api/v1/budgets/${p.budgetId}/tables/t3`, { headers: auth(p) }) },
  { name: 'list', share: 15, run: (url, p) => fetch(`${url}/api/v1/budgets`, { headers: auth(p) }) },
  { name: 'public', share: 10, run: (url) => fetch(`${url}/public`) },
];
const KIND_LABEL: Record<string, string> = {
  edit: 'edit (GET budget + PATCH form) stored',
  'edit 409': 'edit refused stale (409)',
  page: 'page /budgets/:id',
  table: 'API tables/t3',
  list: 'API budgets',
  public: 'page /public',
};

async function load(name: string, servers: Proc[], prep: Prep, clients: number, seconds: number, kinds: Kind[]): Promise<string> {
  const { budgetId } = prep;
  // Warm-up: each server's first pages (templates, parser threads) before the memory is read.
  for (const s of servers) for (const p of [`/budgets/${budgetId}`, `/api/v1/budgets/${budgetId}/tables/t3`, '/public']) await (await fetch(s.url + p, { headers: cookie(prep) })).arrayBuffer();
  const before = servers.map((s) => rssMiB(s.child.pid!));
  const cpu0 = servers.map((s) => cpuMs(s.child.pid!));
  // The main thread's alone (its task id is the process id): the thread that reads, routes and renders every request.
  const main0 = servers.map((s) => cpuMs(s.child.pid!, s.child.pid));
  const threads0 = servers.map((s) => threadCpuMs(s.child.pid!));
  const ms: number[] = [];
  const byKind = new Map<string, number[]>();
  // The server's own time for each answer (the `total` of its Server-Timing header: from the first
  // middleware to the answer, awaiting the database included), by kind: the rest of a request's time
  // waited before the server took it up (the event loop busy with other requests).
  const serverByKind = new Map<string, number[]>();
  const errors = new Map<string, number>();
  let conflicts = 0;
  let writes = 0;
  const totalShare = kinds.reduce((a, k) => a + k.share, 0);
  const pick = (r: number) => {
    let x = r % totalShare;
    for (const k of kinds) if ((x -= k.share) < 0) return k;
    return kinds[0]!;
  };
  const end = Date.now() + seconds * 1000;
  const t0 = performance.now();
  const one = async (c: number) => {
    for (let i = 0; Date.now() < end; i++) {
      const s = servers[(c + i) % servers.length]!;
      const kind = pick((c * 7919 + i * 104729) % 100);
      if (kind.name === 'edit') writes++;
      const t = performance.now();
      let key = '';
      let label = kind.name;
      let serverMs = NaN;
      try {
        const res = await kind.run(s.url, prep, c, i);
        await res.arrayBuffer();
        serverMs = Number(/total;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? NaN);
        if (res.status === 409) {
          conflicts++;
          label += ' 409';
        } else if (res.status >= 400) key = `${res.status}`;
      } catch (e) {
        key = (e as Error).message.slice(0, 60);
      }
      const d = performance.now() - t;
      ms.push(d);
      const xs = byKind.get(label) ?? [];
      xs.push(d);
      byKind.set(label, xs);
      if (!Number.isNaN(serverMs)) {
        const sv = serverByKind.get(label) ?? [];
        sv.push(serverMs);
        serverByKind.set(label, sv);
      }
      if (key) errors.set(key, (errors.get(key) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => one(c)));
  const wall = (performance.now() - t0) / 1000;
  const after = servers.map((s) => rssMiB(s.child.pid!));
  // The servers' own CPU per answered request (all their threads: the rules of an edit run in a parser
  // thread): with C clients each waiting for its answer before the next request, a request waits for the
  // ones ahead of it, so p99 stays under a bound only when C × this ÷ the cores the servers get is under it.
  const cpuPerRequest = servers.reduce((a, s, i) => a + cpuMs(s.child.pid!) - cpu0[i]!, 0) / Math.max(1, ms.length);
  const mainPerRequest = servers.reduce((a, s, i) => a + cpuMs(s.child.pid!, s.child.pid) - main0[i]!, 0) / Math.max(1, ms.length);
  // The busiest other thread of each server (on PGlite: the thread that runs its statements), per request that server answered.
  const busiest = servers.map((s, i) => {
    let top = 0;
    for (const [t, ms1] of threadCpuMs(s.child.pid!)) if (Number(t) !== s.child.pid) top = Math.max(top, ms1 - (threads0[i]!.get(t) ?? 0));
    return top;
  });
  const otherPerRequest = busiest.reduce((a, b) => a + b, 0) / Math.max(1, ms.length);
  ms.sort((a, b) => a - b);
  const nErrors = [...errors.values()].reduce((a, b) => a + b, 0);
  const perKind = [...byKind].map(([k, xs]) => {
    xs.sort((a, b) => a - b);
    const sv = (serverByKind.get(k) ?? []).sort((a, b) => a - b);
    const server = sv.length ? ` (in the server p50 ${pct(sv, 50).toFixed(0)} ms, p99 ${pct(sv, 99).toFixed(0)} ms)` : '';
    return `${KIND_LABEL[k] ?? k} ${xs.length}: p50 ${pct(xs, 50).toFixed(0)} ms, p99 ${pct(xs, 99).toFixed(0)} ms${server}`;
  });
  return (
    `${name}: ${clients} clients × ${seconds} s: ${ms.length} requests, ${(ms.length / wall).toFixed(1)} requests/s, p50 ${pct(ms, 50).toFixed(1)} ms, p99 ${pct(ms, 99).toFixed(1)} ms, ` +
    `errors ${nErrors}${nErrors ? ` ${JSON.stringify(Object.fromEntries(errors))}` : ''}; server CPU ${cpuPerRequest.toFixed(1)} ms/request (all threads; its main thread ${mainPerRequest.toFixed(1)}, its busiest other thread ${otherPerRequest.toFixed(1)}); edits ${writes} (409 stale ${conflicts}); memory (RSS MiB) before ${before.join(' / ')}, after ${after.join(' / ')}\n  by kind: ${perKind.join('; ')}`
  );
}

/** Runs the load on PostgreSQL (2 servers, when TEST_DATABASE_URL is set) and on PGlite (1 server); returns the printed lines. */
export async function runScaleLoad(opts: { clients?: number; seconds?: number; cpuProf?: string; kind?: string; db?: 'postgres' | 'pglite' | 'both' } = {}): Promise<string[]> {
  const clients = opts.clients ?? 32;
  // One kind alone (to profile it), else the mix.
  const kinds = opts.kind ? KINDS.filter((k) => k.name === opts.kind) : KINDS;
  if (!kinds.length) throw new Error(`--kind: one of ${KINDS.map((k) => k.name).join(', ')}`);
  const db = opts.db ?? 'both';
  const seconds = opts.seconds ?? 60;
  const cpuProf = opts.cpuProf ?? (process.env['FISCUS_BENCH_CPU_PROF'] || undefined);
  // The servers run dist/ (FISCUS_RUN=dist): built here, so that it holds this checkout's sources.
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  const lines: string[] = [
    `load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} at the start; servers run dist/ (compiled)${cpuProf ? `, CPU profiles in ${cpuProf}` : ''}`,
  ];
  const admin = process.env['TEST_DATABASE_URL'];
  if (db === 'pglite') {
    // PostgreSQL not asked for.
  } else if (admin) {
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
      servers.push(...(await Promise.all([0, 1].map(() => serve([], { DATABASE_URL: url.toString() }, cpuProf)))));
      lines.push(await load('PostgreSQL, 2 servers', servers, prep, clients, seconds, kinds));
    } finally {
      for (const s of servers) await stop(s);
      await exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  } else lines.push('PostgreSQL, 2 servers: skipped (TEST_DATABASE_URL is not set; `source scripts/pg-throwaway.sh && pg_throwaway_start`)');
  const dir = mkdtempSync(join(tmpdir(), 'fiscus-bench-scale-'));
  let server: Proc | undefined;
  if (db !== 'postgres')
    try {
      const prep = await prepare({ dataDir: join(dir, 'data') });
      server = await serve(['--data', join(dir, 'data')], { DATABASE_URL: '' }, cpuProf);
      lines.push(await load('PGlite, 1 server', [server], prep, clients, seconds, kinds));
    } finally {
      if (server) await stop(server);
      rmSync(dir, { recursive: true, force: true });
    }
  lines.push(
    `load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} at the end`,
  );
  return lines;
}

// Run alone: node --import tsx scripts/bench-scale.ts [--quick] [--clients N] [--seconds S] [--cpu-prof DIR]
//   [--kind edit|page|table|list|public (one kind alone, to profile it)] [--db postgres|pglite|both]
if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (n: string) => (process.argv.includes(n) ? process.argv[process.argv.indexOf(n) + 1] : undefined);
  const quick = process.argv.includes('--quick');
  const prof = arg('--cpu-prof');
  const kind = arg('--kind');
  const dbArg = arg('--db');
  const db: 'postgres' | 'pglite' | 'both' | undefined = dbArg === 'postgres' || dbArg === 'pglite' || dbArg === 'both' ? dbArg : undefined;
  if (dbArg !== undefined && !db) throw new Error('--db: postgres, pglite or both');
  const opts = {
    clients: Number(arg('--clients') ?? 32),
    seconds: Number(arg('--seconds') ?? (quick ? 10 : 60)),
    ...(prof ? { cpuProf: resolve(prof) } : {}),
    ...(kind ? { kind } : {}),
    ...(db ? { db } : {}),
  };
  for (const l of await runScaleLoad(opts)) console.log(l);
}
