/**
 * Database connections: PGlite (PostgreSQL in WASM) in a locked data folder or in memory, or a
 * PostgreSQL server through a `pg` Pool. Both are driven through drizzle-orm.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PGlite, QueryOptions, Results, Transaction } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { PoolClient, QueryResult } from 'pg';
// pg's own parameter encoding (arrays as PostgreSQL array literals, objects as JSON, dates as
// timestamps), so that SQL written for pg gets the same values on PGlite.
// @ts-expect-error -- pg's types do not declare this module (it is exported: "./lib/*.js").
import pgUtilsUntyped from 'pg/lib/utils.js';
const pgUtils = pgUtilsUntyped as { prepareValue(v: unknown): unknown };
import { lockFolder, type FolderLock } from './lock.js';
import { pgliteTemplatePath } from './pglite-template.js';
import { takePrestartedPglite } from './pglite-prestart.js';

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

/** What connection.ts asks of PGlite: its statements, its transactions and closing it. */
interface PgliteClient {
  query<T>(query: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(query: string, options?: QueryOptions): Promise<Results[]>;
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** An error of the PGlite thread as it posts it (pglite-thread.mjs): message, name, and the fields of a PostgreSQL error. */
interface ErrorData {
  message: string;
  name: string;
  fields: Record<string, unknown>;
}

/** The error a statement failed with in the PGlite thread, as an Error of this thread with the same fields (`code`, `detail` …). */
function errorOf(d: ErrorData): Error {
  const e = Object.assign(new Error(d.message), d.fields);
  e.name = d.name;
  return e;
}

/**
 * PGlite in a thread of its own (pglite-thread.mjs), its statements sent by message (issue 14, load run
 * on PGlite). PGlite runs a statement on the thread that holds it, in WebAssembly, synchronously: held by
 * the server's thread, every statement of every request took that thread from the others (about half of
 * its time in the load run), and the server read no socket meanwhile. Here the server's thread renders
 * pages while the PGlite thread runs statements, each on its own core.
 *
 * The same surface as PGlite for what drizzle and connection.ts use: query (rowMode; `parsers` only of
 * the kind drizzle gives, keeping a type's text as it is), exec, transaction, close. Statements run in the
 * order they are asked. A transaction holds the database as PGlite's own does: BEGIN, its statements,
 * COMMIT (ROLLBACK when its function throws), and a statement asked outside it meanwhile waits for its
 * end. The thread keeps the process alive only while a statement is waiting for its answer, as PGlite
 * on this thread did.
 */
class PgliteThread implements PgliteClient {
  private readonly pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();
  private next = 1;
  /** The transaction holding the database, if any. */
  private holding: Promise<unknown> | null = null;
  private dead: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: { id: number; result?: unknown; error?: ErrorData }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) worker.unref();
      if (m.error) p.reject(errorOf(m.error));
      else p.resolve(m.result);
    });
    const end = (e: Error) => {
      this.dead ??= e;
      for (const p of this.pending.values()) p.reject(this.dead);
      this.pending.clear();
    };
    worker.on('error', end);
    worker.on('exit', (code) => end(new Error(`PGlite 线程已退出（${code}）`)));
    worker.unref();
  }

  /**
   * Starts the thread on `dataDir` (in memory when undefined), a new folder unpacked from `template`; or
   * sends the folder to the thread prestartPglite started (pglite-prestart.ts), which has loaded PGlite meanwhile.
   */
  static async open(dataDir: string | undefined, template: string | null): Promise<PgliteThread> {
    const where = { dataDir: dataDir ?? null, template };
    const prestarted = takePrestartedPglite();
    const worker = prestarted ?? new Worker(new URL('./pglite-thread.mjs', import.meta.url), { workerData: where });
    const ready = new Promise<void>((resolve, reject) => {
      worker.once('message', (m: { ready: boolean; error?: ErrorData }) => (m.ready ? resolve() : reject(errorOf(m.error!))));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`PGlite 线程未能启动（${code}）`)));
    });
    if (prestarted) {
      // It keeps the process alive while it opens, as a thread started here does.
      prestarted.ref();
      prestarted.postMessage({ op: 'open', ...where });
    }
    await ready;
    for (const ev of ['message', 'error', 'exit']) worker.removeAllListeners(ev);
    return new PgliteThread(worker);
  }

  private send<R>(m: Record<string, unknown>): Promise<R> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.next++;
    return new Promise<R>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject });
      this.worker.postMessage({ id, ...m });
    });
  }

  private statement<T>(sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<Results<T>> {
    const keepText = Object.entries(options.parsers ?? {}).map(([oid, parse]) => {
      // Only a parser that keeps the text as it is can be named across threads (by its type).
      if ((parse as (text: string, typeId: number) => unknown)('0', Number(oid)) !== '0') throw new Error(`PGlite 线程：类型 ${oid} 的解析函数只能保留原文`);
      return Number(oid);
    });
    return this.send({ op: 'query', sql, params, rowMode: options.rowMode, keepText });
  }

  // Each waits for the transaction holding the database (if any) in its own loop, and sends its first
  // message in the same turn as it finds the database free: nothing else can start in between.

  async query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    while (this.holding) await this.holding.catch(() => undefined);
    return this.statement<T>(sql, params, options);
  }

  async exec(sql: string): Promise<Results[]> {
    while (this.holding) await this.holding.catch(() => undefined);
    return this.send({ op: 'exec', sql });
  }

  async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    while (this.holding) await this.holding.catch(() => undefined);
    let closed = false;
    const open = () => {
      if (closed) throw new Error('事务已结束');
    };
    const tx = {
      query: async <R>(sql: string, params?: unknown[], options?: QueryOptions) => (open(), this.statement<R>(sql, params, options)),
      exec: async (sql: string) => (open(), this.send<Results[]>({ op: 'exec', sql })),
      rollback: async () => {
        open();
        await this.send({ op: 'exec', sql: 'ROLLBACK' });
        closed = true;
      },
      get closed() {
        return closed;
      },
    } as unknown as Transaction;
    const run = (async () => {
      await this.send({ op: 'exec', sql: 'BEGIN' });
      try {
        const r = await fn(tx);
        if (!closed) await this.send({ op: 'exec', sql: 'COMMIT' });
        return r;
      } catch (e) {
        if (!closed) await this.send({ op: 'exec', sql: 'ROLLBACK' }).catch(() => undefined);
        throw e;
      } finally {
        closed = true;
      }
    })();
    this.holding = run;
    const release = () => {
      if (this.holding === run) this.holding = null;
    };
    run.then(release, release);
    return run;
  }

  async close(): Promise<void> {
    if (this.dead) return;
    while (this.holding) await this.holding.catch(() => undefined);
    await this.send({ op: 'close' });
    // PGlite has closed its files: the thread has nothing left to do.
    await this.worker.terminate();
  }
}

/**
 * Opens PGlite, in a thread of its own: in `dataDir/pgdata` with the folder locked (FiscusError LOCKED
 * when another live process holds it), or in memory when `dataDir` is undefined.
 */
export async function openPglite(dataDir?: string): Promise<Connection> {
  let lock: FolderLock | undefined;
  if (dataDir !== undefined) lock = lockFolder(dataDir);
  let client: PgliteThread;
  try {
    if (dataDir === undefined) client = await PgliteThread.open(undefined, null);
    else {
      const pgdata = join(dataDir, 'pgdata');
      // A new folder is unpacked from the build's template rather than made by initdb (pglite-template.ts).
      client = await PgliteThread.open(pgdata, existsSync(join(pgdata, 'PG_VERSION')) ? null : pgliteTemplatePath());
    }
  } catch (e) {
    lock?.release();
    throw e;
  }
  const db = drizzlePglite(client as unknown as PGlite) as unknown as Db;
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
