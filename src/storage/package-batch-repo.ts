/**
 * PDF packages of many budgets in the database (migration 0012): the budgets asked for, each one's
 * printed PDF or the error that stopped it (written once), and progress counted from the rows, so
 * that every server and every worker sees the same state. Functions take a drizzle database or transaction.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './connection.js';
import { num, rows } from './repository.js';

export interface PackageBatchRecord {
  id: number;
  createdBy: string | null;
  createdAt: string;
  appendix: string;
  total: number;
  /** Items with an outcome (printed or failed). */
  done: number;
  failed: number;
  finishedAt: string | null;
}

export interface PackageItemInput {
  documentId: number;
  version: number;
  name: string;
}

export interface PackageItemOutcome {
  idx: number;
  documentId: number;
  version: number;
  name: string;
  /** Whether its PDF is stored (also when the PDFs were not read). */
  printed: boolean;
  pdf: Uint8Array | null;
  error: { code: string; message: string } | null;
}

const ISO = (col: string) => sql.raw(`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** Stores a batch and its items (indexes 0…n−1, in the given order); returns its id. Call inside a transaction. */
export async function insertPackageBatch(db: Db, b: { createdBy: string | null; appendix: string; items: readonly PackageItemInput[] }): Promise<number> {
  const [r] = await rows<{ id: unknown }>(db, sql`INSERT INTO package_batches (created_by, appendix, total) VALUES (${b.createdBy}, ${b.appendix}, ${b.items.length}) RETURNING id`);
  const id = num(r!.id);
  for (let i = 0; i < b.items.length; i += 500) {
    const values = b.items.slice(i, i + 500).map((d, j) => sql`(${id}, ${i + j}, ${d.documentId}, ${d.version}, ${d.name})`);
    await db.execute(sql`INSERT INTO package_batch_items (batch_id, idx, document_id, version, name) VALUES ${sql.join(values, sql`, `)}`);
  }
  return id;
}

/** A batch with its progress, or undefined. */
export async function selectPackageBatch(db: Db, id: number): Promise<PackageBatchRecord | undefined> {
  const [r] = await rows<Record<string, unknown>>(
    db,
    sql`SELECT b.id, b.created_by, ${ISO('b.created_at')} AS created_at, b.appendix, b.total, ${ISO('b.finished_at')} AS finished_at,
               (SELECT count(*) FROM package_batch_items i WHERE i.batch_id = b.id AND (i.pdf IS NOT NULL OR i.error IS NOT NULL)) AS done,
               (SELECT count(*) FROM package_batch_items i WHERE i.batch_id = b.id AND i.error IS NOT NULL) AS failed
        FROM package_batches b WHERE b.id = ${id}`,
  );
  if (!r) return undefined;
  return {
    id: num(r['id']),
    createdBy: (r['created_by'] as string | null) ?? null,
    createdAt: String(r['created_at']),
    appendix: String(r['appendix']),
    total: num(r['total']),
    done: num(r['done']),
    failed: num(r['failed']),
    finishedAt: (r['finished_at'] as string | null) ?? null,
  };
}

/** The item `idx` while it has no outcome, its attempts counted up and `by` named as its claimant; undefined when it has one. */
export async function claimPackageItem(db: Db, batchId: number, idx: number, by: string): Promise<{ idx: number; documentId: number; version: number; appendix: string } | undefined> {
  const [r] = await rows<Record<string, unknown>>(
    db,
    sql`UPDATE package_batch_items i SET attempts = attempts + 1, claimed_by = ${by}
        FROM package_batches b
        WHERE i.batch_id = ${batchId} AND i.idx = ${idx} AND i.pdf IS NULL AND i.error IS NULL AND b.id = i.batch_id
        RETURNING i.idx, i.document_id, i.version, b.appendix`,
  );
  if (!r) return undefined;
  return { idx: num(r['idx']), documentId: num(r['document_id']), version: num(r['version']), appendix: String(r['appendix']) };
}

/** Writes an item's outcome unless it has one (a retried job writes it once: the first wins). Returns whether this call wrote it. */
export async function recordPackageItem(db: Db, batchId: number, idx: number, outcome: { pdf: Uint8Array } | { error: { code: string; message: string } }, by: string): Promise<boolean> {
  const pdf = 'pdf' in outcome ? Buffer.from(outcome.pdf) : null;
  const error = 'error' in outcome ? JSON.stringify(outcome.error) : null;
  const r = await rows<{ idx: unknown }>(
    db,
    sql`UPDATE package_batch_items SET pdf = ${pdf}, error = ${error}::jsonb, done_by = ${by}, done_at = now()
        WHERE batch_id = ${batchId} AND idx = ${idx} AND pdf IS NULL AND error IS NULL RETURNING idx`,
  );
  return r.length === 1;
}

/** Marks the batch finished when every item has an outcome (once). Returns whether it is finished. */
export async function finishPackageBatchIfComplete(db: Db, batchId: number): Promise<boolean> {
  await db.execute(
    sql`UPDATE package_batches SET finished_at = now()
        WHERE id = ${batchId} AND finished_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM package_batch_items WHERE batch_id = ${batchId} AND pdf IS NULL AND error IS NULL)`,
  );
  const [r] = await rows<{ finished: unknown }>(db, sql`SELECT finished_at IS NOT NULL AS finished FROM package_batches WHERE id = ${batchId}`);
  return r?.['finished'] === true;
}

/** Every item of a batch in order, with its outcome; the PDFs only when `withPdf`. */
export async function selectPackageItems(db: Db, batchId: number, withPdf: boolean): Promise<PackageItemOutcome[]> {
  const r = await rows<Record<string, unknown>>(
    db,
    withPdf
      ? sql`SELECT idx, document_id, version, name, pdf IS NOT NULL AS printed, pdf, error FROM package_batch_items WHERE batch_id = ${batchId} ORDER BY idx`
      : sql`SELECT idx, document_id, version, name, pdf IS NOT NULL AS printed, NULL AS pdf, error FROM package_batch_items WHERE batch_id = ${batchId} ORDER BY idx`,
  );
  return r.map((x) => {
    const e = x['error'];
    return {
      idx: num(x['idx']),
      documentId: num(x['document_id']),
      version: num(x['version']),
      name: String(x['name']),
      printed: x['printed'] === true,
      pdf: (x['pdf'] as Uint8Array | null) ?? null,
      error: e === null || e === undefined ? null : ((typeof e === 'string' ? JSON.parse(e) : e) as { code: string; message: string }),
    };
  });
}
