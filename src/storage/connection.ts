/**
 * Database connections: PGlite (PostgreSQL in WASM) in a locked data folder or in memory, or a
 * PostgreSQL server through a `pg` Pool. Both are driven through drizzle-orm.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type QueryOptions, type Results } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { PoolClient, QueryResult } from 'pg';
// pg's own parameter encoding (arrays as PostgreSQL array literals, objects as JSON, dates as
// timestamps), so that SQL written for pg gets the same values on PGlite.
// @ts-expect-error -- pg's types do not declare this module (it is exported: "./lib/*.js").
import pgUtilsUntyped from 'pg/lib/utils.js';
const pgUtils = pgUtilsUntyped as { prepareValue(v: unknown): unknown };
import { lockFolder, type FolderLock } from './lock.js';
import { pgliteTemplate } from './pglite-template.js';

/** A drizzle database (or transaction) over either driver. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export interface Connection {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Runs several statements in one round trip; the server runs them as one implicit transaction. */
  execScript(script: string): Promise<void>;
  /** A parameterised query returning rows. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * A statement as a `pg`-style driver runs it, for libraries that bring their own SQL (the job
   * queue, pg-boss): with `values`, one parameterised statement; without, a script of one or more
   * statements in the simple protocol, answering the last statement's rows.
   */
  raw(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /** Runs `fn` on one server session (session-level advisory locks need the same connection). */
  session<T>(fn: (s: Session) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** One server session: raw statements on a single connection. */
export type Session = Pick<Connection, 'execScript' | 'query'>;

/** Waits for the event loop's next turn, in which it reads the sockets (new requests). */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * PGlite whose statements outside a transaction first let the event loop take a turn. PGlite runs a
 * statement on this thread and answers it through microtasks only, so a server with many requests
 * waiting for the database ran their queries one after another without ever reading its sockets: a
 * request that arrived meanwhile waited, unread, until the whole backlog was done (in the load run of
 * issue 14 pages answered in 5 ms once read, 1.5 s after they were sent). With a turn before each
 * statement, requests take their places in the database's queue as they arrive. Statements inside a
 * transaction (PGlite's own tx.query) do not wait: the transaction holds the database meanwhile.
 */
class TurnTakingPGlite extends PGlite {
  override async query<T>(query: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    await nextTurn();
    return super.query<T>(query, params, options);
  }

  override async exec(query: string, options?: QueryOptions): Promise<Results[]> {
    await nextTurn();
    return super.exec(query, options);
  }
}

/**
 * Opens PGlite: in `dataDir/pgdata` with the folder locked (FiscusError LOCKED when another live
 * process holds it), or in memory when `dataDir` is undefined.
 */
export async function openPglite(dataDir?: string): Promise<Connection> {
  let lock: FolderLock | undefined;
  if (dataDir !== undefined) lock = lockFolder(dataDir);
  let client: PGlite;
  try {
    if (dataDir === undefined) client = new TurnTakingPGlite();
    else {
      const pgdata = join(dataDir, 'pgdata');
      // A new folder is unpacked from the build's template rather than made by initdb (pglite-template.ts).
      const template = existsSync(join(pgdata, 'PG_VERSION')) ? null : pgliteTemplate();
      client = new TurnTakingPGlite(pgdata, template ? { loadDataDir: template } : {});
    }
    await client.waitReady;
  } catch (e) {
    lock?.release();
    throw e;
  }
  const db = drizzlePglite(client) as unknown as Db;
  const session: Session = {
    async execScript(script) {
      await client.exec(script);
    },
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.query<T>(text, params)).rows;
    },
  };
  return {
    kind: 'pglite',
    db,
    ...session,
    async raw(text, values) {
      if (values === undefined || values.length === 0) {
        const all = await client.exec(text);
        return { rows: all[all.length - 1]?.rows ?? [] };
      }
      return {
        rows: (
          await client.query<Record<string, unknown>>(
            text,
            values.map((v) => pgUtils.prepareValue(v)),
          )
        ).rows,
      };
    },
    session: (fn) => fn(session),
    async close() {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** Opens a `pg` Pool on a PostgreSQL server. */
export async function openPostgres(url: string): Promise<Connection> {
  // pg and drizzle's driver for it load when a PostgreSQL server is used: a PGlite server starts without them.
  const [{ default: pg }, { drizzle: drizzlePg }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle pooled connection that the server ends (restart, administrator, a dropped database) is
  // discarded by the pool, which then emits 'error': without a listener that would end the process.
  pool.on('error', (e) => console.warn(`fiscus: an idle PostgreSQL connection was closed by the server: ${e.message}`));
  // pool.end() resolves before its connections have closed; close() waits for them, so a database
  // dropped right after close() terminates no connection of ours.
  const open = new Set<PoolClient>();
  let allClosed: (() => void) | undefined;
  pool.on('connect', (c) => open.add(c));
  pool.on('remove', (c) => {
    open.delete(c);
    if (open.size === 0) allClosed?.();
  });
  try {
    (await pool.connect()).release();
  } catch (e) {
    await pool.end();
    throw e;
  }
  const db = drizzlePg(pool) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async execScript(script) {
      // Without parameters pg uses the simple query protocol, which accepts several statements.
      await pool.query(script);
    },
    async query<T>(text: string, params: unknown[] = []) {
      return (await pool.query(text, params)).rows as T[];
    },
    async raw(text, values) {
      // A script of several statements answers one result per statement.
      const r = (await pool.query(text, values)) as QueryResult | QueryResult[];
      const last = Array.isArray(r) ? r[r.length - 1] : r;
      return { rows: (last?.rows ?? []) as Record<string, unknown>[] };
    },
    async session(fn) {
      const c = await pool.connect();
      try {
        return await fn({
          async execScript(script) {
            await c.query(script);
          },
          async query<T>(text: string, params: unknown[] = []) {
            return (await c.query(text, params)).rows as T[];
          },
        });
      } finally {
        c.release();
      }
    },
    async close() {
      const closed = open.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => (allClosed = resolve));
      await pool.end();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, 5000).unref()))]);
      clearTimeout(timer);
    },
  };
}
