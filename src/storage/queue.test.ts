import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPglite, type Connection } from './connection.js';
import { openQueue, QUEUE_SCHEMA } from './queue.js';

/** The connection, whose first script creating the queue's schema is refused with `error` (once). */
function refusingOnce(conn: Connection, error: Error & { code: string }): Connection & { refused: number } {
  const out = {
    ...conn,
    refused: 0,
    async raw(text: string, values?: unknown[]) {
      if (out.refused === 0 && /CREATE SCHEMA/i.test(text)) {
        out.refused++;
        throw error;
      }
      return conn.raw(text, values);
    },
  };
  return out;
}
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

test('a start refused by a catalog race (two processes creating the schema at once) starts again and the queue opens', { timeout: 120_000 }, async () => {
  const base = await openPglite();
  try {
    const conn = refusingOnce(base, pgError('23505', 'duplicate key value violates unique constraint "pg_namespace_nspname_index"'));
    const boss = await openQueue(conn);
    try {
      assert.equal(conn.refused, 1);
      const [row] = await base.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = $1', [QUEUE_SCHEMA]);
      assert.equal(row!.n, 1);
    } finally {
      await boss.stop({ graceful: false, wait: false });
    }
  } finally {
    await base.close();
  }
});

test('any other failure to start is not retried: it reaches the caller', { timeout: 120_000 }, async () => {
  const base = await openPglite();
  try {
    const conn = refusingOnce(base, pgError('42501', 'permission denied for database fiscus'));
    await assert.rejects(openQueue(conn), /permission denied/);
    assert.equal(conn.refused, 1);
  } finally {
    await base.close();
  }
});
