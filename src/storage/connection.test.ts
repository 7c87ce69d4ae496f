import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { openPglite, type Connection } from './connection.js';
import { rows } from './repository.js';

// PGlite runs in a thread of its own (connection.ts, PgliteThread): what its callers rely on across the thread.
let conn: Connection;
before(async () => {
  conn = await openPglite();
  await conn.execScript('CREATE TABLE t (n int PRIMARY KEY)');
});
after(() => conn.close());

test('a statement asked while a transaction holds the database runs after its end', async () => {
  await conn.execScript('DELETE FROM t');
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const tx = conn.db.transaction(async (t) => {
    await t.execute(sql`INSERT INTO t VALUES (1)`);
    await held;
    await t.execute(sql`INSERT INTO t VALUES (2)`);
  });
  // Asked while the transaction waits between its statements: it must see both rows or none, never one.
  const seen = conn.query<{ n: number }>('SELECT count(*)::int AS n FROM t');
  await new Promise((r) => setTimeout(r, 50));
  release();
  await tx;
  assert.equal((await seen)[0]!.n, 2);
});

test('a transaction whose function throws is rolled back, and the error is the one thrown', async () => {
  await conn.execScript('DELETE FROM t');
  await assert.rejects(
    conn.db.transaction(async (t) => {
      await t.execute(sql`INSERT INTO t VALUES (1)`);
      throw new Error('stop');
    }),
    /stop/,
  );
  assert.deepEqual(await conn.query('SELECT n FROM t'), []);
});

test("a failed statement's error keeps PostgreSQL's fields (code, constraint)", async () => {
  await assert.rejects(conn.query('SELECT 1 / 0'), (e: Error & { code?: string }) => e.code === '22012' && /division by zero/.test(e.message));
  await conn.execScript('DELETE FROM t; INSERT INTO t VALUES (7)');
  await assert.rejects(conn.db.execute(sql`INSERT INTO t VALUES (7)`), (e: Error & { cause?: { code?: string; constraint?: string } }) => {
    const c = e.cause ?? (e as { code?: string; constraint?: string });
    return c.code === '23505' && c.constraint === 't_pkey';
  });
});

test('values cross the thread as PGlite parses them (integers, bigints, JSON, timestamps as drizzle reads them)', async () => {
  const [r] = await conn.query<{ i: number; b: unknown; j: unknown }>(`SELECT 2 AS i, 9007199254740993::int8 AS b, '{"a":[1,"x"]}'::jsonb AS j`);
  assert.deepEqual(r, { i: 2, b: 9007199254740993n, j: { a: [1, 'x'] } });
  // drizzle keeps a timestamp's text as PostgreSQL prints it (its own parsers, named by type across the thread).
  const [d] = await rows<{ t: unknown }>(conn.db, sql`SELECT '2026-01-02 03:04:05+00'::timestamptz AS t`);
  assert.equal(typeof d!.t, 'string');
});
