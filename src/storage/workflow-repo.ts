/**
 * The workflow's tables (migration 0006): a budget's organisation, its versions' states, the
 * transitions and the waiver register. Calls that write run inside the caller's transaction.
 */
import { sql } from 'drizzle-orm';
import { FiscusError } from '../domain/errors.js';
import { isState, type State, type Waiver } from '../domain/workflow.js';
import type { Db } from './connection.js';
import { EFFECTIVE_ORG, ISO, num, numOrNull, rows, textOrNull } from './repository.js';

const stateOf = (v: unknown): State => {
  const s = String(v);
  return isState(s) ? s : 'draft';
};

/**
 * Refuses (FORBIDDEN) an import for `organisationId` of a document naming `unitName` when that name is
 * another organisation's, or when the budget it would add a version to (`existingOrg`, its effective
 * organisation; undefined: none exists yet) is another organisation's. A preparer never writes into
 * another unit's budget, nor takes another unit's name.
 */
export async function checkClaim(db: Db, unitName: string, existingOrg: number | null | undefined, organisationId: number): Promise<void> {
  const [o] = await rows<{ id: unknown }>(db, sql`SELECT id FROM organisations WHERE name = ${unitName}`);
  if (o && num(o.id) !== organisationId) {
    throw new FiscusError('FORBIDDEN', `文件的单位为“${unitName}”，是另一个机构；只能导入本单位的预算`, { field: 'unit' });
  }
  if (existingOrg !== undefined && existingOrg !== null && existingOrg !== organisationId) {
    throw new FiscusError('FORBIDDEN', `“${unitName}”的这份预算由另一个机构维护，不能导入为它的新版本`, { field: 'unit' });
  }
}

/** Claims a budget being imported for `organisationId` (see checkClaim), inside the import's transaction. */
export async function claimForOrganisation(db: Db, documentId: number, unitName: string, created: boolean, organisationId: number): Promise<void> {
  let existing: number | null | undefined;
  if (!created) {
    const [d] = await rows<{ org: unknown }>(db, sql`SELECT ${EFFECTIVE_ORG} AS org FROM documents d JOIN units u ON u.id = d.unit_id WHERE d.id = ${documentId}`);
    existing = numOrNull(d?.org);
  }
  await checkClaim(db, unitName, existing, organisationId);
  if (created || existing === null) await db.execute(sql`UPDATE documents SET organisation_id = ${organisationId} WHERE id = ${documentId}`);
}

/** The budget of a unit, year and kind, if there is one: its id, latest version and effective organisation. */
export async function findByKey(db: Db, unitName: string, year: number, kind: string): Promise<{ id: number; latest: number; org: number | null } | undefined> {
  const [d] = await rows<Record<string, unknown>>(
    db,
    sql`SELECT d.id, d.latest_version, ${EFFECTIVE_ORG} AS org FROM documents d JOIN units u ON u.id = d.unit_id WHERE u.name = ${unitName} AND d.year = ${year} AND d.kind = ${kind}`,
  );
  return d ? { id: num(d.id), latest: num(d.latest_version), org: numOrNull(d.org) } : undefined;
}

export interface StagedRecord {
  id: number;
  documentId: number;
  baseVersion: number;
  fileName: string;
  bytes: Uint8Array;
  userId: number | null;
  author: string | null;
  createdAt: string;
}

export async function insertStaged(db: Db, s: Omit<StagedRecord, 'id'>): Promise<number> {
  const [x] = await rows<{ id: unknown }>(
    db,
    sql`INSERT INTO staged_imports (document_id, base_version, file_name, bytes, user_id, author, created_at)
        VALUES (${s.documentId}, ${s.baseVersion}, ${s.fileName}, ${Buffer.from(s.bytes)}, ${s.userId}, ${s.author}, ${s.createdAt}) RETURNING id`,
  );
  return num(x!.id);
}

export async function selectStaged(db: Db, documentId: number, id: number): Promise<StagedRecord | undefined> {
  const [x] = await rows<Record<string, unknown>>(
    db,
    sql`SELECT id, document_id, base_version, file_name, bytes, user_id, author, ${ISO('created_at')} AS created_at FROM staged_imports WHERE id = ${id} AND document_id = ${documentId}`,
  );
  if (!x) return undefined;
  const b = x.bytes as Uint8Array;
  return {
    id: num(x.id),
    documentId: num(x.document_id),
    baseVersion: num(x.base_version),
    fileName: String(x.file_name),
    bytes: new Uint8Array(b.buffer, b.byteOffset, b.byteLength),
    userId: numOrNull(x.user_id),
    author: textOrNull(x.author),
    createdAt: String(x.created_at),
  };
}

export async function deleteStaged(db: Db, documentId: number, id: number): Promise<boolean> {
  return (await rows<{ id: unknown }>(db, sql`DELETE FROM staged_imports WHERE id = ${id} AND document_id = ${documentId} RETURNING id`)).length === 1;
}

/** The latest version and its state, the document row locked for the transition. */
export async function lockLatest(db: Db, documentId: number): Promise<{ n: number; state: State } | undefined> {
  const [x] = await rows<Record<string, unknown>>(
    db,
    sql`SELECT d.latest_version AS n, v.state FROM documents d JOIN versions v ON v.document_id = d.id AND v.n = d.latest_version WHERE d.id = ${documentId} FOR UPDATE OF d`,
  );
  return x ? { n: num(x.n), state: stateOf(x.state) } : undefined;
}

export interface TransitionRecord {
  id: number;
  version: number;
  action: string;
  from: State;
  to: State;
  actor: string;
  reason: string | null;
  at: string;
}

/** Records a transition and sets the version's state (and its publication time when published). */
export async function insertTransition(
  db: Db,
  t: { documentId: number; version: number; action: string; from: State; to: State; userId: number | null; actor: string; reason: string | null; at: string },
): Promise<void> {
  await db.execute(
    sql`INSERT INTO transitions (document_id, version_n, action, from_state, to_state, user_id, actor, reason, at)
        VALUES (${t.documentId}, ${t.version}, ${t.action}, ${t.from}, ${t.to}, ${t.userId}, ${t.actor}, ${t.reason}, ${t.at})`,
  );
  await db.execute(
    sql`UPDATE versions SET state = ${t.to}, published_at = ${t.to === 'published' ? sql`${t.at}` : sql`published_at`}
        WHERE document_id = ${t.documentId} AND n = ${t.version}`,
  );
}

/** A budget's transitions, oldest first. */
export async function selectTransitions(db: Db, documentId: number): Promise<TransitionRecord[]> {
  const r = await rows<Record<string, unknown>>(
    db,
    sql`SELECT id, version_n, action, from_state, to_state, actor, reason, ${ISO('at')} AS at FROM transitions WHERE document_id = ${documentId} ORDER BY id`,
  );
  return r.map((x) => ({
    id: num(x.id),
    version: num(x.version_n),
    action: String(x.action),
    from: stateOf(x.from_state),
    to: stateOf(x.to_state),
    actor: String(x.actor),
    reason: textOrNull(x.reason),
    at: String(x.at),
  }));
}

export async function insertWaiver(
  db: Db,
  w: { documentId: number; key: string; rule: string; message: string; reason: string; userId: number | null; actor: string; at: string; expiresAt: string | null },
): Promise<number> {
  const [x] = await rows<{ id: unknown }>(
    db,
    sql`INSERT INTO waivers (document_id, finding_key, rule, message, reason, user_id, actor, at, expires_at)
        VALUES (${w.documentId}, ${w.key}, ${w.rule}, ${w.message}, ${w.reason}, ${w.userId}, ${w.actor}, ${w.at}, ${w.expiresAt}) RETURNING id`,
  );
  return num(x!.id);
}

export async function selectWaivers(db: Db, documentId: number): Promise<Waiver[]> {
  const r = await rows<Record<string, unknown>>(
    db,
    sql`SELECT id, finding_key, rule, message, reason, actor, ${ISO('at')} AS at, ${ISO('expires_at')} AS expires_at, ${ISO('revoked_at')} AS revoked_at
        FROM waivers WHERE document_id = ${documentId} ORDER BY id`,
  );
  return r.map((x) => ({
    id: num(x.id),
    key: String(x.finding_key),
    rule: String(x.rule),
    message: String(x.message),
    reason: String(x.reason),
    by: String(x.actor),
    at: String(x.at),
    expiresAt: textOrNull(x.expires_at),
    revokedAt: textOrNull(x.revoked_at),
  }));
}

/** Revokes a live waiver of the budget; false when there is none with that id. */
export async function revokeWaiver(db: Db, documentId: number, waiverId: number, at: string): Promise<boolean> {
  const r = await rows<{ id: unknown }>(db, sql`UPDATE waivers SET revoked_at = ${at} WHERE id = ${waiverId} AND document_id = ${documentId} AND revoked_at IS NULL RETURNING id`);
  return r.length === 1;
}
