/**
 * The storage contract on PostgreSQL: a database of its own per case, created and dropped through
 * the server TEST_DATABASE_URL points at (npm test starts a throwaway one).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { registerContract } from './contract.js';

const admin = process.env.TEST_DATABASE_URL;

if (!admin) {
  test('PostgreSQL: the contract needs TEST_DATABASE_URL', () => {
    assert.fail('TEST_DATABASE_URL is not set: run the storage suites through `npm test` (it starts a throwaway PostgreSQL), or `source scripts/pg-throwaway.sh && pg_throwaway_start` first');
  });
} else {
  let n = 0;
  const exec = async (text: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  registerContract({
    name: 'PostgreSQL',
    folder: false,
    async fresh() {
      const name = `fiscus_test_${process.pid}_${Date.now()}_${n++}`;
      await exec(`CREATE DATABASE ${name}`);
      const url = new URL(admin);
      url.pathname = `/${name}`;
      return { opts: { databaseUrl: url.toString() }, drop: () => exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
    },
  });
}
