/**
 * Batch audits in the database (migration 0008): the uploaded documents, each document's result
 * (written once), and progress counted from the rows, so that every server and every worker sees the
 * same state. Functions take a drizzle database or transaction.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './connection.js';
import { num, rows } from './repository.js';

export interface BatchRecord {
  id: number;
  createdBy: string | null;
  createdAt: string;
  failOn: string;
  total: number;
  /** Documents with a result. */
  done: number;
  finishedAt: string | null;
}

export interface BatchDocumentInput {
  name: string;
  bytes: Uint8Array;
}

const ISO = (col: string) => sql.raw(`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** Stores a batch and its documents (indexes 0…n−1, in the given order); returns its id. Call inside a transaction. */
export async function insertBatch(db: Db, b: { createdBy: string | null; failOn: string; documents: readonly BatchDocumentInput[] }): Promise<number> {
  const [r] = await rows<{ id: unknown }>(db, sql`INSERT INTO audit_batches (created_by, fail_on, total) VALUES (${b.createdBy}, ${b.failOn}, ${b.documents.length}) RETURNING id`);
  const id = num(r!.id);
  // In slices: one statement's parameters are limited (65535).
  for (let i = 0; i < b.documents.length; i += 500) {
    const values = b.documents.slice(i, i + 500).map((d, j) => sql`(${id}, ${i + j}, ${d.name}, ${Buffer.from(d.bytes)})`);
    await db.execute(sql`INSERT INTO audit_batch_documents (batch_id, idx, name, bytes) VALUES ${sql.join(values, sql`, `)}`);
  }
  return id;
}

/** A batch with its progress (documents with a result), or undefined. */
export async function selectBatch(db: Db, id: number): Promise<BatchRecord | undefined> {
  const [r] = await rows<Record<string, unknown>>(
    db,
    sql`SELECT b.id, b.created_by, ${ISO('b.created_at')} AS created_at, b.fail_on, b.total, ${ISO('b.finished_at')} AS finished_at,
               (SELECT count(*) FROM audit_batch_documents d WHERE d.batch_id = b.id AND d.entry IS NOT NULL) AS done
        FROM audit_batches b WHERE b.id = ${id}`,
  );
  if (!r) return undefined;
  return {
    id: num(r['id']),
    createdBy: (r['created_by'] as string | null) ?? null,
    createdAt: String(r['created_at']),
    failOn: String(r['fail_on']),
    total: num(r['total']),
    done: num(r['done']),
    finishedAt: (r['finished_at'] as string | null) ?? null,
  };
}

/**
 * The documents of `from`…`to − 1` still without a result, with their bytes; each one's attempts
 * counted up (a document started again after a killed worker shows 2) and `by` named as its claimant.
 */
export async function claimPending(db: Db, batchId: number, from: number, to: number, by: string): Promise<{ idx: number; name: string; bytes: Uint8Array }[]> {
  const r = await rows<Record<string, unknown>>(
    db,
    sql`UPDATE audit_batch_documents SET attempts = attempts + 1, claimed_by = ${by}
        WHERE batch_id = ${batchId} AND idx >= ${from} AND idx < ${to} AND entry IS NULL
        RETURNING idx, name, bytes`,
  );
  return r.map((x) => ({ idx: num(x['idx']), name: String(x['name']), bytes: x['bytes'] as Uint8Array })).sort((a, b) => a.idx - b.idx);
}

/**
 * Writes a document's result unless it already has one (a retried job, or two workers on one
 * document, write it once: the first wins). Returns whether this call wrote it.
 */
export async function recordResult(db: Db, batchId: number, idx: number, entry: unknown, by: string): Promise<boolean> {
  const r = await rows<{ idx: unknown }>(
    db,
    sql`UPDATE audit_batch_documents SET entry = ${JSON.stringify(entry)}::jsonb, done_by = ${by}, done_at = now()
        WHERE batch_id = ${batchId} AND idx = ${idx} AND entry IS NULL RETURNING idx`,
  );
  return r.length === 1;
}

/** Marks the batch finished when every document has a result (once; later calls change nothing). Returns whether it is finished. */
export async function finishIfComplete(db: Db, batchId: number): Promise<boolean> {
  await db.execute(
    sql`UPDATE audit_batches SET finished_at = now()
        WHERE id = ${batchId} AND finished_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM audit_batch_documents WHERE batch_id = ${batchId} AND entry IS NULL)`,
  );
  const [r] = await rows<{ finished: unknown }>(db, sql`SELECT finished_at IS NOT NULL AS finished FROM audit_batches WHERE id = ${batchId}`);
  return r?.['finished'] === true;
}

export interface BatchDocumentResult {
  idx: number;
  name: string;
  entry: unknown;
  attempts: number;
  doneBy: string | null;
}

/** Every document of a batch in upload order, with its result (null while pending). */
export async function selectResults(db: Db, batchId: number): Promise<BatchDocumentResult[]> {
  const r = await rows<Record<string, unknown>>(db, sql`SELECT idx, name, entry, attempts, done_by FROM audit_batch_documents WHERE batch_id = ${batchId} ORDER BY idx`);
  return r.map((x) => {
    const e = x['entry'];
    return {
      idx: num(x['idx']),
      name: String(x['name']),
      entry: typeof e === 'string' ? (JSON.parse(e) as unknown) : (e ?? null),
      attempts: num(x['attempts']),
      doneBy: (x['done_by'] as string | null) ?? null,
    };
  });
}

/** The most recent batches first (at most `limit`), with their progress. */
export async function selectRecentBatches(db: Db, limit: number): Promise<BatchRecord[]> {
  const r = await rows<Record<string, unknown>>(
    db,
    sql`SELECT b.id, b.created_by, ${ISO('b.created_at')} AS created_at, b.fail_on, b.total, ${ISO('b.finished_at')} AS finished_at,
               (SELECT count(*) FROM audit_batch_documents d WHERE d.batch_id = b.id AND d.entry IS NOT NULL) AS done
        FROM audit_batches b ORDER BY b.id DESC LIMIT ${limit}`,
  );
  return r.map((x) => ({
    id: num(x['id']),
    createdBy: (x['created_by'] as string | null) ?? null,
    createdAt: String(x['created_at']),
    failOn: String(x['fail_on']),
    total: num(x['total']),
    done: num(x['done']),
    finishedAt: (x['finished_at'] as string | null) ?? null,
  }));
}

const parsed = (e: unknown): unknown => (typeof e === 'string' ? (JSON.parse(e) as unknown) : (e ?? null));

/**
 * Every document of a batch in upload order with its result but without its findings (the review
 * table's rows: the database drops them, so that a large batch's table does not read every finding).
 */
export async function selectResultSummaries(db: Db, batchId: number): Promise<BatchDocumentResult[]> {
  const r = await rows<Record<string, unknown>>(db, sql`SELECT idx, name, entry - 'findings' AS entry, attempts, done_by FROM audit_batch_documents WHERE batch_id = ${batchId} ORDER BY idx`);
  return r.map((x) => ({ idx: num(x['idx']), name: String(x['name']), entry: parsed(x['entry']), attempts: num(x['attempts']), doneBy: (x['done_by'] as string | null) ?? null }));
}

/** One document of a batch with its result (null while pending) and, when `withBytes`, the uploaded bytes; undefined when there is none. */
export async function selectBatchDocument(db: Db, batchId: number, idx: number, withBytes: boolean): Promise<(BatchDocumentResult & { bytes: Uint8Array | null }) | undefined> {
  const [x] = await rows<Record<string, unknown>>(
    db,
    withBytes
      ? sql`SELECT idx, name, entry, attempts, done_by, bytes FROM audit_batch_documents WHERE batch_id = ${batchId} AND idx = ${idx}`
      : sql`SELECT idx, name, entry, attempts, done_by FROM audit_batch_documents WHERE batch_id = ${batchId} AND idx = ${idx}`,
  );
  if (!x) return undefined;
  return {
    idx: num(x['idx']),
    name: String(x['name']),
    entry: parsed(x['entry']),
    attempts: num(x['attempts']),
    doneBy: (x['done_by'] as string | null) ?? null,
    bytes: withBytes ? (x['bytes'] as Uint8Array) : null,
  };
}
