/**
 * Accounts in storage (issue 13): organisations, users, sessions and API tokens. Every function takes
 * a drizzle database or transaction. Times are passed in (ISO strings) so that callers own the clock;
 * secrets arrive already hashed (sessions and tokens as sha256, passwords as scrypt strings).
 */
import { sql } from 'drizzle-orm';
import type { Db } from './connection.js';
import { checkStorableText, num, numOrNull, rows } from './repository.js';

export interface OrganisationRecord {
  id: number;
  name: string;
  kind: string;
  parentId: number | null;
}

export interface UserRecord {
  id: number;
  login: string;
  displayName: string;
  role: string;
  organisationId: number;
  passwordHash: string;
  disabled: boolean;
  failedAttempts: number;
  /** ISO timestamp, or null when not locked. */
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface NewUser {
  login: string;
  displayName: string;
  role: string;
  organisationId: number;
  passwordHash: string;
}

export interface TokenRecord {
  id: number;
  userId: number;
  login: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));

function toOrg(r: Record<string, unknown>): OrganisationRecord {
  return { id: num(r['id']), name: String(r['name']), kind: String(r['kind']), parentId: numOrNull(r['parent_id']) };
}

function toUser(r: Record<string, unknown>): UserRecord {
  return {
    id: num(r['id']),
    login: String(r['login']),
    displayName: String(r['display_name']),
    role: String(r['role']),
    organisationId: num(r['organisation_id']),
    passwordHash: String(r['password_hash']),
    disabled: r['disabled'] === true,
    failedAttempts: num(r['failed_attempts']),
    lockedUntil: isoOrNull(r['locked_until']),
    lastLoginAt: isoOrNull(r['last_login_at']),
    createdAt: iso(r['created_at']),
  };
}

function toToken(r: Record<string, unknown>): TokenRecord {
  return {
    id: num(r['id']),
    userId: num(r['user_id']),
    login: String(r['login']),
    name: String(r['name']),
    prefix: String(r['prefix']),
    createdAt: iso(r['created_at']),
    lastUsedAt: isoOrNull(r['last_used_at']),
    revokedAt: isoOrNull(r['revoked_at']),
  };
}

/** Inserts an organisation; returns it. A duplicate name fails with the database's unique violation (23505). */
export async function insertOrganisation(db: Db, o: Omit<OrganisationRecord, 'id'>): Promise<OrganisationRecord> {
  checkStorableText({ name: o.name });
  const [r] = await rows<Record<string, unknown>>(db, sql`INSERT INTO organisations (name, kind, parent_id) VALUES (${o.name}, ${o.kind}, ${o.parentId}) RETURNING id, name, kind, parent_id`);
  return toOrg(r!);
}

/** Every organisation, by id. */
export async function selectOrganisations(db: Db): Promise<OrganisationRecord[]> {
  return (await rows<Record<string, unknown>>(db, sql`SELECT id, name, kind, parent_id FROM organisations ORDER BY id`)).map(toOrg);
}

/** Inserts a user; returns the id. A duplicate login fails with the database's unique violation (23505). */
export async function insertUser(db: Db, u: NewUser): Promise<number> {
  checkStorableText({ login: u.login, displayName: u.displayName });
  const [r] = await rows<{ id: unknown }>(
    db,
    sql`INSERT INTO users (login, display_name, role, organisation_id, password_hash) VALUES (${u.login}, ${u.displayName}, ${u.role}, ${u.organisationId}, ${u.passwordHash}) RETURNING id`,
  );
  return num(r!.id);
}

/** Every user, by login. */
export async function selectUsers(db: Db): Promise<UserRecord[]> {
  return (await rows<Record<string, unknown>>(db, sql`SELECT * FROM users ORDER BY login`)).map(toUser);
}

export async function countUsers(db: Db): Promise<number> {
  const [r] = await rows<{ c: unknown }>(db, sql`SELECT count(*) AS c FROM users`);
  return num(r!.c);
}

export async function findUserByLogin(db: Db, login: string): Promise<UserRecord | undefined> {
  const [r] = await rows<Record<string, unknown>>(db, sql`SELECT * FROM users WHERE login = ${login}`);
  return r && toUser(r);
}

export async function findUserById(db: Db, id: number): Promise<UserRecord | undefined> {
  const [r] = await rows<Record<string, unknown>>(db, sql`SELECT * FROM users WHERE id = ${id}`);
  return r && toUser(r);
}

export async function setDisabled(db: Db, userId: number, disabled: boolean): Promise<void> {
  await db.execute(sql`UPDATE users SET disabled = ${disabled} WHERE id = ${userId}`);
}

/** A new password hash; clears failures and the lock. */
export async function setPasswordHash(db: Db, userId: number, hash: string, now: string): Promise<void> {
  await db.execute(sql`UPDATE users SET password_hash = ${hash}, password_changed_at = ${now}::timestamptz, failed_attempts = 0, locked_until = NULL WHERE id = ${userId}`);
}

/**
 * Counts one failed sign-in, atomically (two concurrent failures count two); at `maxFailures` the
 * account is locked until `lockUntil` and the count starts again. Returns the state after.
 */
export async function recordFailure(db: Db, userId: number, maxFailures: number, lockUntil: string): Promise<{ failedAttempts: number; lockedUntil: string | null }> {
  const [r] = await rows<Record<string, unknown>>(
    db,
    sql`UPDATE users SET
          locked_until = CASE WHEN failed_attempts + 1 >= ${maxFailures} THEN ${lockUntil}::timestamptz ELSE locked_until END,
          failed_attempts = CASE WHEN failed_attempts + 1 >= ${maxFailures} THEN 0 ELSE failed_attempts + 1 END
        WHERE id = ${userId} RETURNING failed_attempts, locked_until`,
  );
  return { failedAttempts: num(r!['failed_attempts']), lockedUntil: isoOrNull(r!['locked_until']) };
}

/** A successful sign-in: failures and the lock cleared, the time recorded. */
export async function recordSuccess(db: Db, userId: number, now: string): Promise<void> {
  await db.execute(sql`UPDATE users SET failed_attempts = 0, locked_until = NULL, last_login_at = ${now}::timestamptz WHERE id = ${userId}`);
}

export async function insertSession(db: Db, tokenSha256: string, userId: number, now: string, expiresAt: string): Promise<void> {
  await db.execute(
    sql`INSERT INTO sessions (token_sha256, user_id, created_at, last_seen_at, expires_at) VALUES (${tokenSha256}, ${userId}, ${now}::timestamptz, ${now}::timestamptz, ${expiresAt}::timestamptz)`,
  );
}

/** A credential's user with the organisation tree as read in the same statement (the tree the user's request reads). */
export interface UserWithTree {
  user: UserRecord;
  organisations: OrganisationRecord[];
}

/** Every organisation, as one JSON array in a column of a statement that reads something else (see touchSession). */
const ORGANISATIONS = sql.raw(
  `(SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name, 'kind', o.kind, 'parent_id', o.parent_id) ORDER BY o.id), '[]'::json) FROM organisations o) AS organisations__`,
);

function withTree(r: Record<string, unknown> | undefined): UserWithTree | undefined {
  if (!r) return undefined;
  const orgs = r['organisations__'];
  return { user: toUser(r), organisations: (typeof orgs === 'string' ? (JSON.parse(orgs) as Record<string, unknown>[]) : (orgs as Record<string, unknown>[])).map(toOrg) };
}

/**
 * The user of a live session (expiring after `now` is live), extending it to `expiresAt` (sliding
 * expiry) when it was last seen at or before `touchedBefore` (a read, not a write, on every other
 * request), with every organisation (the tree its request's permissions read); undefined for an
 * unknown or expired session. One statement.
 */
export async function touchSession(db: Db, tokenSha256: string, now: string, expiresAt: string, touchedBefore: string): Promise<UserWithTree | undefined> {
  const [u] = await rows<Record<string, unknown>>(
    db,
    sql`WITH live AS (SELECT user_id FROM sessions WHERE token_sha256 = ${tokenSha256} AND expires_at > ${now}::timestamptz),
             touched AS (UPDATE sessions SET last_seen_at = ${now}::timestamptz, expires_at = ${expiresAt}::timestamptz
                         WHERE token_sha256 = ${tokenSha256} AND expires_at > ${now}::timestamptz AND last_seen_at <= ${touchedBefore}::timestamptz RETURNING 1)
        SELECT u.*, ${ORGANISATIONS} FROM users u JOIN live ON u.id = live.user_id`,
  );
  return withTree(u);
}

export async function deleteSession(db: Db, tokenSha256: string): Promise<void> {
  await db.execute(sql`DELETE FROM sessions WHERE token_sha256 = ${tokenSha256}`);
}

/** Ends every session of a user (disabled, password changed); returns how many. */
export async function deleteUserSessions(db: Db, userId: number): Promise<number> {
  return (await rows(db, sql`DELETE FROM sessions WHERE user_id = ${userId} RETURNING 1`)).length;
}

/** Removes sessions expired at `now`; returns how many. */
export async function deleteExpiredSessions(db: Db, now: string): Promise<number> {
  return (await rows(db, sql`DELETE FROM sessions WHERE expires_at <= ${now}::timestamptz RETURNING 1`)).length;
}

export async function countSessions(db: Db, userId: number): Promise<number> {
  const [r] = await rows<{ c: unknown }>(db, sql`SELECT count(*) AS c FROM sessions WHERE user_id = ${userId}`);
  return num(r!.c);
}

export async function insertToken(db: Db, t: { userId: number; name: string; tokenSha256: string; prefix: string; now: string }): Promise<TokenRecord> {
  checkStorableText({ name: t.name });
  const [r] = await rows<{ id: unknown }>(
    db,
    sql`INSERT INTO api_tokens (user_id, name, token_sha256, prefix, created_at) VALUES (${t.userId}, ${t.name}, ${t.tokenSha256}, ${t.prefix}, ${t.now}::timestamptz) RETURNING id`,
  );
  const [tok] = await selectTokens(db, { id: num(r!.id) });
  return tok!;
}

/** Tokens (revoked ones too), newest first; of one user or one id when given. */
export async function selectTokens(db: Db, f: { userId?: number; id?: number } = {}): Promise<TokenRecord[]> {
  const where = f.id !== undefined ? sql`WHERE t.id = ${f.id}` : f.userId !== undefined ? sql`WHERE t.user_id = ${f.userId}` : sql``;
  return (await rows<Record<string, unknown>>(db, sql`SELECT t.*, u.login FROM api_tokens t JOIN users u ON u.id = t.user_id ${where} ORDER BY t.id DESC`)).map(toToken);
}

/** The token of a hash (revoked ones too). */
export async function findTokenByHash(db: Db, tokenSha256: string): Promise<TokenRecord | undefined> {
  const [r] = await rows<Record<string, unknown>>(db, sql`SELECT t.*, u.login FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_sha256 = ${tokenSha256}`);
  return r && toToken(r);
}

/**
 * The user of an unrevoked token, recording its use at `now` when its last recorded use is at or before
 * `touchedBefore` (or none: a read, not a write, on every other request), with every organisation (as
 * touchSession); undefined for an unknown or revoked token. One statement.
 */
export async function useToken(db: Db, tokenSha256: string, now: string, touchedBefore: string): Promise<UserWithTree | undefined> {
  const [u] = await rows<Record<string, unknown>>(
    db,
    sql`WITH live AS (SELECT user_id FROM api_tokens WHERE token_sha256 = ${tokenSha256} AND revoked_at IS NULL),
             touched AS (UPDATE api_tokens SET last_used_at = ${now}::timestamptz
                         WHERE token_sha256 = ${tokenSha256} AND revoked_at IS NULL AND (last_used_at IS NULL OR last_used_at <= ${touchedBefore}::timestamptz) RETURNING 1)
        SELECT u.*, ${ORGANISATIONS} FROM users u JOIN live ON u.id = live.user_id`,
  );
  return withTree(u);
}

/** Revokes a token; returns false when it does not exist or was revoked already. */
export async function revokeToken(db: Db, id: number, now: string): Promise<boolean> {
  return (await rows(db, sql`UPDATE api_tokens SET revoked_at = ${now}::timestamptz WHERE id = ${id} AND revoked_at IS NULL RETURNING 1`)).length === 1;
}
