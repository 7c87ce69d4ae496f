/**
 * The audit trail in storage (issue 13): a hash-chained log of every write. `appendAudit` is called
 * inside the transaction of the write it records (last, just before the commit), so a rolled-back
 * write leaves no entry. Appends are serialised across every connection and server process on the
 * database by a transaction-level advisory lock, under which the previous entry is read: ids run
 * 1, 2, 3… without gaps and each entry carries the hash of the one before.
 *
 * hash = sha256(prev_hash + "\n" + JSON.stringify([id, at, actor, action, target, detail])), `at` as an
 * ISO string in UTC with milliseconds, `detail` with its keys sorted at every depth.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from './connection.js';
import { num, rows, textOrNull } from './repository.js';

/** The advisory-lock key of the log (the migration runner holds 7316452, a budget's follow data 7316453 + id). */
const AUDIT_LOCK = 7316454;

/** The prev_hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a write appends. `actor`: a user's login, or 'system'/'cli'/'web'/'api'/'anonymous'; null is 'system'. */
export interface AuditInput {
  actor: string | null;
  action: string;
  target: string;
  detail?: Record<string, unknown>;
}

/** A stored entry. */
export interface AuditRecord {
  id: number;
  /** ISO timestamp (UTC, milliseconds). */
  at: string;
  actor: string;
  /** The actor's display name when the actor is a user's login, else null. */
  actorName: string | null;
  action: string;
  target: string;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** Why an entry breaks the chain. */
export type AuditBreak =
  /** The entry's fields no longer give its stored hash (a field was altered). */
  | 'hash'
  /** prev_hash is not the hash of the entry before (that entry was replaced, or the chain rewritten from here). */
  | 'prev'
  /** An id is missing before this entry (a row was deleted). */
  | 'gap';

export type AuditVerification =
  | { ok: true; count: number; lastId: number | null; headHash: string }
  | {
      ok: false;
      /** Entries read and found sound before the broken one. */
      count: number;
      reason: AuditBreak;
      entry: Pick<AuditRecord, 'id' | 'at' | 'actor' | 'action' | 'target'>;
      /** For a gap: the id expected at this place. */
      expectedId?: number;
    };

/** JSON with object keys sorted at every depth (arrays keep their order). */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(sortKeys(v));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** The hash of an entry given the hash of the one before. */
export function auditHash(prevHash: string, e: { id: number; at: string; actor: string; action: string; target: string; detail: Record<string, unknown> }): string {
  const body = canonicalJson([e.id, e.at, e.actor, e.action, e.target, e.detail]);
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex');
}

// A NUL (neither text nor jsonb can hold it) or a lone surrogate (not UTF-8): replaced, so that a
// file name or a claimed login that cannot be stored never makes the write it records fail.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const storable = (s: string) => s.replace(UNSTORABLE, '\ufffd');

/**
 * The detail as it will read back from jsonb: through JSON (undefined dropped, non-finite numbers
 * null, dates as strings) with storable strings, so the hash computed now is the one verify recomputes.
 */
function normalDetail(detail: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!detail) return {};
  return JSON.parse(JSON.stringify(detail, (_k, v: unknown) => (typeof v === 'string' ? storable(v) : typeof v === 'bigint' ? v.toString() : v))) as Record<string, unknown>;
}

/**
 * Appends one entry to the log. Call it inside the transaction of the write it records, as the last
 * statement: the log's lock is held until the commit, so an append early in a long transaction would
 * hold up every other writer. Outside a transaction it opens one of its own.
 */
export async function appendAudit(db: Db, entry: { actor: string | null; action: string; target: string; detail?: Record<string, unknown> }): Promise<void> {
  const inTransaction: boolean = db instanceof PgTransaction;
  if (!inTransaction) {
    await db.transaction((tx) => appendAudit(tx as unknown as Db, entry));
    return;
  }
  const actor = storable(entry.actor ?? 'system');
  const action = storable(entry.action);
  const target = storable(entry.target);
  const detail = normalDetail(entry.detail);
  await db.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK}::bigint)`);
  // Read under the lock: every earlier append has committed (or rolled back) by now.
  const [prev] = await rows<{ id: unknown; hash: unknown; now: unknown }>(
    db,
    sql`SELECT a.id, a.hash, ${isoNow} AS now FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1) a ON true`,
  );
  const id = prev?.id === null || prev?.id === undefined ? 1 : num(prev.id) + 1;
  const prevHash = textOrNull(prev?.hash) ?? GENESIS_HASH;
  const at = String(prev!.now);
  const hash = auditHash(prevHash, { id, at, actor, action, target, detail });
  await db.execute(
    sql`INSERT INTO audit_log (id, at, actor, action, target, detail, prev_hash, hash)
        VALUES (${id}, ${at}::timestamptz, ${actor}, ${action}, ${target}, ${JSON.stringify(detail)}::jsonb, ${prevHash}, ${hash})`,
  );
}

// The database's clock (one clock for every server process), to the millisecond that is stored.
const isoNow = sql.raw(`to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const ISO_AT = sql.raw(`to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

function toRecord(r: Record<string, unknown>): AuditRecord {
  const detail = typeof r['detail'] === 'string' ? (JSON.parse(r['detail']) as unknown) : r['detail'];
  return {
    id: num(r['id']),
    at: String(r['at']),
    actor: String(r['actor']),
    actorName: textOrNull(r['actor_name']),
    action: String(r['action']),
    target: String(r['target']),
    detail: (detail ?? {}) as Record<string, unknown>,
    prevHash: String(r['prev_hash']),
    hash: String(r['hash']),
  };
}

export interface AuditQuery {
  /** Entries of one target only (`budget:12`). */
  target?: string;
  /** At most this many (default 100, at most 1000). */
  limit?: number;
  /** Entries after this id (the last id of the previous page). */
  afterId?: number;
  /** Newest first (the last `limit` entries) instead of oldest first. */
  newestFirst?: boolean;
}

/** Entries in id order (oldest first unless `newestFirst`), with the actor's display name where the actor is a user. */
export async function listAudit(db: Db, q: AuditQuery = {}): Promise<AuditRecord[]> {
  const limit = Math.min(Math.max(Math.trunc(q.limit ?? 100), 1), 1000);
  const where = [q.target !== undefined ? sql`a.target = ${q.target}` : null, q.afterId !== undefined ? sql`a.id > ${Math.trunc(q.afterId)}` : null].filter((x) => x !== null);
  const r = await rows<Record<string, unknown>>(
    db,
    sql`SELECT a.id, ${ISO_AT} AS at, a.actor, u.display_name AS actor_name, a.action, a.target, a.detail, a.prev_hash, a.hash
        FROM audit_log a LEFT JOIN users u ON u.login = a.actor
        ${where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``}
        ORDER BY a.id ${q.newestFirst ? sql`DESC` : sql`ASC`} LIMIT ${limit}`,
  );
  return r.map(toRecord);
}

/** How many entries the log holds. */
export async function countAudit(db: Db): Promise<number> {
  const [r] = await rows<{ c: unknown }>(db, sql`SELECT count(*) AS c FROM audit_log`);
  return num(r!.c);
}

/**
 * Walks the whole log in id order, recomputing every hash: ok with the count, or the first entry that
 * breaks the chain and why (a gap in the ids is reported before a prev_hash that does not follow).
 * Reads in pages of `page` entries, so a long log is never held in memory at once.
 */
export async function verifyAudit(db: Db, page = 1000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expected = 1;
  let count = 0;
  let lastId: number | null = null;
  for (;;) {
    const r = await rows<Record<string, unknown>>(
      db,
      sql`SELECT a.id, ${ISO_AT} AS at, a.actor, a.action, a.target, a.detail, a.prev_hash, a.hash
          FROM audit_log a WHERE a.id > ${lastId ?? 0} ORDER BY a.id LIMIT ${page}`,
    );
    for (const x of r) {
      const e = toRecord(x);
      const broken = (reason: AuditBreak): AuditVerification => ({
        ok: false,
        count,
        reason,
        entry: { id: e.id, at: e.at, actor: e.actor, action: e.action, target: e.target },
        ...(reason === 'gap' ? { expectedId: expected } : {}),
      });
      if (e.id !== expected) return broken('gap');
      if (e.prevHash !== prevHash) return broken('prev');
      if (auditHash(e.prevHash, e) !== e.hash) return broken('hash');
      prevHash = e.hash;
      expected = e.id + 1;
      lastId = e.id;
      count++;
    }
    if (r.length < page) return { ok: true, count, lastId, headHash: prevHash };
  }
}
