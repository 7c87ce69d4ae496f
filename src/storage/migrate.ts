/**
 * The migration runner: numbered, forward-only SQL files in migrations/, recorded with their sha256
 * in `fiscus_migrations`. It refuses a database whose history it does not know (a migration applied
 * that is not in the folder, or one whose file was edited after it was applied).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FiscusError } from '../domain/errors.js';
import type { Connection, Session } from './connection.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** The migrations of a folder in order (`0001_init.sql`, `0002_…`). */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_-]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies pending migrations, each in its own transaction together with its history record.
 * Throws FiscusError INTERNAL when the recorded history is not a prefix of the folder's migrations.
 * Returns the names applied.
 */
export async function migrate(conn: Connection, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  const files = loadMigrations(dir);
  // Every start of an existing database (issue 14: start-up): one statement when its history is these
  // migrations, without the lock, the CREATE and the unlock (on PGlite each statement costs its thread a
  // few ms, and more before its WebAssembly has warmed up). Anything else (a new database, a migration
  // pending, a history edited or unknown) takes the locked path, which applies or refuses as it always did.
  if (await upToDate(conn, files)) return [];
  return conn.session(async (s) => {
    // Two servers starting on one database: the second waits, then finds the history applied.
    await s.query('SELECT pg_advisory_lock(7316452)');
    try {
      return await migrateLocked(s, files);
    } finally {
      await s.query('SELECT pg_advisory_unlock(7316452)');
    }
  });
}

/** Whether the database's recorded history is exactly `files`, names and checksums (false when it has no history table yet). */
async function upToDate(conn: Connection, files: Migration[]): Promise<boolean> {
  let applied: { name: string; checksum: string }[];
  try {
    applied = await conn.query<{ name: string; checksum: string }>('SELECT name, checksum FROM fiscus_migrations ORDER BY name');
  } catch (e) {
    // undefined_table: a new database, which the locked path sets up.
    if ((e as { code?: unknown }).code === '42P01') return false;
    throw e;
  }
  return applied.length === files.length && applied.every((a, i) => a.name === files[i]!.name && a.checksum === files[i]!.checksum);
}

async function migrateLocked(s: Session, files: Migration[]): Promise<string[]> {
  await s.execScript('CREATE TABLE IF NOT EXISTS fiscus_migrations (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  const applied = await s.query<{ name: string; checksum: string }>('SELECT name, checksum FROM fiscus_migrations ORDER BY name');
  for (const [i, a] of applied.entries()) {
    const f = files[i];
    if (!f || f.name !== a.name) {
      throw new FiscusError('INTERNAL', `数据库的迁移历史未知：已应用 ${a.name}，但程序中${f ? `对应位置是 ${f.name}` : '没有该迁移'}（数据库可能来自更新或不同的版本）`);
    }
    if (f.checksum !== a.checksum) {
      throw new FiscusError('INTERNAL', `迁移 ${a.name} 在应用后被修改（校验和 ${a.checksum.slice(0, 12)}… ≠ ${f.checksum.slice(0, 12)}…）；迁移只能新增，不能编辑`);
    }
  }
  const done: string[] = [];
  for (const m of files.slice(applied.length)) {
    // One simple-protocol script: the migration and its record commit or roll back together.
    await s.execScript(`${m.sql}\n;\nINSERT INTO fiscus_migrations (name, checksum) VALUES ('${m.name}', '${m.checksum}');`);
    done.push(m.name);
  }
  return done;
}
