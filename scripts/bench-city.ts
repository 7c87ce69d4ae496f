/**
 * `npm run bench -- --only city` (issue 14 item 5): a generated city (scripts/gen-city.ts) on PostgreSQL
 * (TEST_DATABASE_URL's server, else a throwaway one started and stopped here), then each API aggregate
 * (GET /api/v1/aggregates through the HTTP app, as the 财政审核) timed beside a hand-written SQL query
 * computing the same figures on the same data in the same run (target: within 2×), and both checked equal.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { openWorkspace } from '../src/app/workspace.js';
import { parsePool } from '../src/app/isolation/pool.js';
import { createHttpApp } from '../src/cli/http-app.js';
import { requester, setupDistrict } from '../test/support/district.js';
import { generateCity, type CityOptions } from './gen-city.js';

const ROOT = join(import.meta.dirname, '..');

interface Aggregate {
  name: string;
  query: string;
  /** The hand-written SQL: rows of year, kind, key, fen (text), documents. */
  sql: string;
  key: (r: Record<string, unknown>) => string;
}

const LATEST = `SELECT d.id, d.year, d.kind, u.name AS unit, v.id AS vid,
                       COALESCE(d.organisation_id, (SELECT o.id FROM organisations o WHERE o.name = u.name)) AS org
                FROM documents d JOIN units u ON u.id = d.unit_id JOIN versions v ON v.document_id = d.id AND v.n = d.latest_version`;

/** Rows of a classification at a code length: of each document's first table of the role, the shortest code under each prefix. */
function classSql(role: string, system: string, len: number): string {
  return `WITH latest AS (${LATEST}),
    first_table AS (SELECT r.version_id, min(r.table_idx) AS t FROM table_rows r JOIN latest l ON l.vid = r.version_id WHERE r.role = '${role}' GROUP BY r.version_id),
    coded AS (SELECT l.id, l.year, l.kind, l.unit, l.org, r.code, a.fen
              FROM latest l JOIN first_table f ON f.version_id = l.vid
              JOIN table_rows r ON r.version_id = f.version_id AND r.table_idx = f.t
              JOIN amounts a ON a.version_id = r.version_id AND a.table_idx = r.table_idx AND a.ord = r.ord AND a.column_key = 'total'
              WHERE r.role = '${role}' AND r.code_system = '${system}' AND length(r.code) >= ${len}),
    shortest AS (SELECT id, left(code, ${len}) AS p, min(length(code)) AS m FROM coded GROUP BY id, left(code, ${len}))
    SELECT c.* FROM coded c JOIN shortest s ON s.id = c.id AND s.p = left(c.code, ${len}) AND s.m = length(c.code)`;
}

const AGGREGATES: Aggregate[] = [
  ...(
    [
      ['function', 'general-budget-function', 1, 3],
      ['function', 'general-budget-function', 3, 7],
      ['econ', 'basic-expenditure-economic', 2, 5],
    ] as const
  ).map(([by, role, level, len]) => ({
    name: `by ${by} class, level ${level}`,
    query: `/api/v1/aggregates?by=${by}&level=${level}`,
    sql: `SELECT year, kind, left(code, ${len}) AS key, sum(fen)::text AS fen, count(DISTINCT id) AS documents FROM (${classSql(role, by, len)}) x GROUP BY 1, 2, 3`,
    key: (r: Record<string, unknown>) => `${String(r.year)}/${String(r.kind)}/${String(r.code ?? r.key)}`,
  })),
  {
    name: 'by 主管部门 (department)',
    query: '/api/v1/aggregates?by=department',
    sql: `SELECT x.year, x.kind, (CASE WHEN o.kind = 'unit' THEN o.parent_id ELSE o.id END)::text AS key, sum(x.fen)::text AS fen, count(DISTINCT x.id) AS documents
          FROM (${classSql('general-budget-function', 'function', 3)}) x LEFT JOIN organisations o ON o.id = x.org GROUP BY 1, 2, 3`,
    key: (r) => `${String(r.year)}/${String(r.kind)}/${String(r.organisationId ?? r.key)}`,
  },
  {
    name: 'by unit',
    query: '/api/v1/aggregates?by=unit',
    sql: `SELECT year, kind, unit AS key, sum(fen)::text AS fen, count(DISTINCT id) AS documents FROM (${classSql('general-budget-function', 'function', 3)}) x GROUP BY 1, 2, 3`,
    key: (r) => `${String(r.year)}/${String(r.kind)}/${String(r.name ?? r.key)}`,
  },
  {
    name: 'by year',
    query: '/api/v1/aggregates?by=year',
    sql: `SELECT year, kind, '' AS key, sum(fen)::text AS fen, count(DISTINCT id) AS documents FROM (${classSql('general-budget-function', 'function', 3)}) x GROUP BY 1, 2`,
    key: (r) => `${String(r.year)}/${String(r.kind)}/`,
  },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Starts a throwaway PostgreSQL (scripts/pg-throwaway.sh); returns its URL and how to stop it. */
function throwaway(): { url: string; stop: () => void } {
  const out = execFileSync('bash', ['-c', `source "${ROOT}/scripts/pg-throwaway.sh" && pg_throwaway_start >&2 && echo "$TEST_DATABASE_URL $PG_TMP"`], { encoding: 'utf8' })
    .trim()
    .split(' ');
  const [url, tmp] = [out[0]!, out[1]!];
  return { url, stop: () => execFileSync('bash', ['-c', `source "${ROOT}/scripts/pg-throwaway.sh" && PG_TMP="${tmp}" pg_throwaway_stop`]) };
}

/** Generates the city and prints the comparison; returns the printed lines. */
export async function runCityBench(opts: { quick: boolean; city?: Partial<CityOptions> }): Promise<string[]> {
  const lines: string[] = [];
  const say = (l: string) => {
    lines.push(l);
    console.log(`city: ${l}`);
  };
  let admin = process.env['TEST_DATABASE_URL'];
  const own = admin ? null : throwaway();
  admin ??= own!.url;
  const name = `fiscus_city_bench_${process.pid}`;
  const exec = async (url: string, text: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return await c.query(text);
    } finally {
      await c.end();
    }
  };
  await exec(admin, `CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const ws = await openWorkspace({ databaseUrl: url.toString() });
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    const district = await setupDistrict(ws);
    const size = opts.quick ? { units: 120, departments: 12, years: 3 } : { units: 2000, departments: 60, years: 3 };
    const rep = await generateCity(ws, { ...size, ...opts.city, log: (l) => say(l) });
    await client.connect();
    await client.query('VACUUM ANALYZE');
    const counts = (
      await client.query(
        `SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM table_rows) AS table_rows, (SELECT count(*) FROM amounts) AS amounts, (SELECT count(*) FROM payments) AS payments`,
      )
    ).rows[0] as Record<string, string>;
    say(
      `city: ${rep.budgets} budgets + ${rep.finalAccounts} final accounts of ${size.units} units under ${size.departments} 主管部门 × ${size.years} years; ${counts.table_rows} table rows, ${counts.amounts} amounts, ${counts.payments} payments; generated in ${(rep.ms.total / 1000).toFixed(1)} s`,
    );
    const app = requester(createHttpApp(ws), district, 'caizheng');
    const n = opts.quick ? 5 : 11;
    say(`${'aggregate'.padEnd(30)}  ${'API ms'.padStart(9)}  ${'SQL ms'.padStart(9)}  ${'ratio'.padStart(6)}  rows  same figures`);
    for (const a of AGGREGATES) {
      const api: number[] = [];
      const ref: number[] = [];
      let apiRows: Record<string, unknown>[] = [];
      let sqlRows: Record<string, unknown>[] = [];
      // Interleaved, after one warm-up each, so that both see the same machine load.
      for (let i = -1; i < n; i++) {
        let t = performance.now();
        const res = await app(a.query);
        if (res.status !== 200) throw new Error(`${a.query} answered ${res.status}: ${await res.text()}`);
        apiRows = ((await res.json()) as { rows: Record<string, unknown>[] }).rows;
        if (i >= 0) api.push(performance.now() - t);
        t = performance.now();
        sqlRows = (await client.query(a.sql)).rows as Record<string, unknown>[];
        if (i >= 0) ref.push(performance.now() - t);
      }
      const want = new Map(sqlRows.map((r) => [a.key(r), `${String(r.fen)}/${String(r.documents)}`]));
      const got = new Map(apiRows.map((r) => [a.key(r), `${String(r.fen)}/${String(r.documents)}`]));
      const same = want.size === got.size && [...want].every(([k, v]) => got.get(k) === v);
      const ratio = median(api) / median(ref);
      say(
        `${a.name.padEnd(30)}  ${median(api).toFixed(1).padStart(9)}  ${median(ref).toFixed(1).padStart(9)}  ${ratio.toFixed(2).padStart(6)}  ${String(apiRows.length).padStart(4)}  ${same ? 'yes' : `NO (${got.size} API rows, ${want.size} SQL rows)`}${ratio > 2 ? '  > 2×' : ''}`,
      );
    }
  } finally {
    await client.end().catch(() => {});
    await ws.close();
    await parsePool().close();
    await exec(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    own?.stop();
  }
  return lines;
}
