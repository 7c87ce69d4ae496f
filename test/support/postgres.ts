/**
 * Databases of their own for the suites that claim PostgreSQL: created and dropped on the server
 * TEST_DATABASE_URL points at (`npm test` starts a throwaway one). Without it the suite fails, saying so.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';

export interface ThrowawayDatabase {
  databaseUrl: string;
  drop: () => Promise<void>;
}

/**
 * Returns a factory of fresh databases named `<prefix>_<pid>_<time>_<n>`, or null after registering a
 * failing test when TEST_DATABASE_URL is not set (a suite that claims PostgreSQL never skips silently).
 */
export function throwawayDatabases(prefix: string, suite: string): (() => Promise<ThrowawayDatabase>) | null {
  const admin = process.env['TEST_DATABASE_URL'];
  if (!admin) {
    test(`PostgreSQL: the ${suite} needs TEST_DATABASE_URL`, () => {
      assert.fail(`TEST_DATABASE_URL is not set: run the ${suite} through \`npm test\` (it starts a throwaway PostgreSQL), or \`source scripts/pg-throwaway.sh && pg_throwaway_start\` first`);
    });
    return null;
  }
  const exec = async (text: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  let n = 0;
  return async () => {
    const name = `${prefix}_${process.pid}_${Date.now()}_${n++}`;
    await exec(`CREATE DATABASE ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return { databaseUrl: url.toString(), drop: () => exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
  };
}
