/**
 * Following the year in storage: payments, mid-year monitoring entries and year-end actuals per
 * budget (document id) and project form id ("department" for table 14), independent of versions.
 * Every function takes a drizzle database or transaction, so callers compose them in one transaction.
 */
import { sql } from 'drizzle-orm';
import { FiscusError } from '../domain/errors.js';
import type { Db } from './connection.js';
import { checkStorableText, ISO, num, numOrNull, rows, textOrNull } from './repository.js';

/** The advisory-lock class of a budget's follow-the-year data (the second key is the document id). */
const FOLLOW_LOCK = 7316453;

/**
 * Serialises writers of one budget's payments, monitoring entries and actuals until the end of the
 * transaction (call first inside it). At READ COMMITTED a replace (DELETE then INSERT) is otherwise
 * not atomic against another: two concurrent replaces both delete what they see and both insert
 * (duplicated payments), or collide on the primary key (monitoring, actuals).
 */
export async function lockFollow(db: Db, documentId: number): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(${FOLLOW_LOCK}, ${documentId}::integer)`);
}

export interface PaymentRecord {
  id: number;
  formId: string;
  /** ISO date YYYY-MM-DD. */
  date: string;
  fen: number;
  voucher: string | null;
  payee: string | null;
  source: string | null;
  sourceRow: number | null;
}

export type NewPayment = Omit<PaymentRecord, 'id'> & {
  /** sha256 of the file the payment was imported from (null when entered by hand). */
  importSha256?: string | null;
};

export interface IndicatorKey {
  owner: string;
  idx: number;
  name: string;
}

export interface MonitoringRecord extends IndicatorKey {
  asOf: string;
  actualToDate: string | null;
  likelihood: string | null;
  reason: string | null;
  action: string | null;
}

export interface ActualRecord extends IndicatorKey {
  value: string | null;
  band: string | null;
  notApplicable: boolean;
  reason: string | null;
  correction: string | null;
}

const isoDate = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/** Inserts payments (call inside a transaction for all-or-nothing imports); returns their ids. */
export async function insertPayments(db: Db, documentId: number, ps: readonly NewPayment[]): Promise<number[]> {
  ps.forEach((p, n) => checkStorableText({ [`payments[${n}].voucher`]: p.voucher, [`payments[${n}].payee`]: p.payee, [`payments[${n}].source`]: p.source, [`payments[${n}].formId`]: p.formId }));
  const ids: number[] = [];
  for (let i = 0; i < ps.length; i += 500) {
    const chunk = ps.slice(i, i + 500);
    const values = sql.join(
      chunk.map((p) => sql`(${documentId}, ${p.formId}, ${p.date}::date, ${p.fen}, ${p.voucher}, ${p.payee}, ${p.source}, ${p.sourceRow}, ${p.importSha256 ?? null})`),
      sql`, `,
    );
    const r = await rows<{ id: unknown }>(db, sql`INSERT INTO payments (document_id, form_id, paid_on, fen, voucher, payee, source, source_row, import_sha256) VALUES ${values} RETURNING id`);
    ids.push(...r.map((x) => num(x.id)));
  }
  return ids;
}

/** Whether a payment imported from the file with this sha256 is stored for the budget. */
export async function paymentsImported(db: Db, documentId: number, sha256: string): Promise<boolean> {
  const r = await rows<{ x: unknown }>(db, sql`SELECT 1 AS x FROM payments WHERE document_id = ${documentId} AND import_sha256 = ${sha256} LIMIT 1`);
  return r.length > 0;
}

/** The sum of a budget's payments in fen, exact (a bigint, whatever is stored). */
export async function paymentsTotal(db: Db, documentId: number): Promise<bigint> {
  const [x] = await rows<{ total: unknown }>(db, sql`SELECT coalesce(sum(fen), 0)::text AS total FROM payments WHERE document_id = ${documentId}`);
  return BigInt(textOrNull(x?.total) ?? '0');
}

/** The largest sum of payments the follow-the-year views can add up exactly (Number.MAX_SAFE_INTEGER fen). */
export const MAX_PAYMENTS_FEN = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Refuses (INPUT_INVALID, nothing written by the caller's transaction) payments that would bring a
 * budget's total beyond MAX_PAYMENTS_FEN: sums, rates and forecasts are computed in JS numbers.
 */
export function checkPaymentsTotal(existing: bigint, adding: number, where: { file?: string } = {}): void {
  const total = existing + BigInt(adding);
  if (total > MAX_PAYMENTS_FEN) {
    throw new FiscusError(
      'INPUT_INVALID',
      `本预算的支付合计应不超过 ${MAX_PAYMENTS_FEN} 分（Number.MAX_SAFE_INTEGER），实为 ${total} 分（已存 ${existing} + 新增 ${adding}）`,
      { ...where, field: 'fen' },
      `不超过 ${MAX_PAYMENTS_FEN} 分`,
      String(total),
    );
  }
}

/** Removes every payment of a budget (before a replacing import); returns how many. */
export async function deletePayments(db: Db, documentId: number): Promise<number> {
  const r = await rows<{ id: unknown }>(db, sql`DELETE FROM payments WHERE document_id = ${documentId} RETURNING id`);
  return r.length;
}

/** Removes one payment of a budget; returns what it was (for the audit log), undefined when the budget has no payment with that id. */
export async function deletePayment(db: Db, documentId: number, paymentId: number): Promise<Pick<PaymentRecord, 'formId' | 'date' | 'fen'> | undefined> {
  const [r] = await rows<Record<string, unknown>>(
    db,
    sql`DELETE FROM payments WHERE document_id = ${documentId} AND id = ${paymentId} RETURNING form_id, to_char(paid_on, 'YYYY-MM-DD') AS paid_on, fen::text AS fen`,
  );
  return r && { formId: String(r['form_id']), date: isoDate(r['paid_on']), fen: num(r['fen']) };
}

/** Payments of a budget by date, then entry order. */
export async function selectPayments(db: Db, documentId: number): Promise<PaymentRecord[]> {
  const r = await rows<Record<string, unknown>>(
    db,
    sql`SELECT id, form_id, to_char(paid_on, 'YYYY-MM-DD') AS paid_on, fen::text AS fen, voucher, payee, source, source_row FROM payments WHERE document_id = ${documentId} ORDER BY paid_on, id`,
  );
  // Stored before imports checked their sums, payments may add up beyond what JS numbers hold
  // exactly: a clear refusal naming the budget, never an unsafe figure or a crash in a view.
  checkPaymentsTotal(
    r.reduce((s, x) => s + BigInt(String(x['fen'])), 0n),
    0,
  );
  return r.map((x) => ({
    id: num(x['id']),
    formId: String(x['form_id']),
    date: isoDate(x['paid_on']),
    fen: num(x['fen']),
    voucher: textOrNull(x['voucher']),
    payee: textOrNull(x['payee']),
    source: textOrNull(x['source']),
    sourceRow: numOrNull(x['source_row']),
  }));
}

/** One indicator given twice in one save: the last one wins (one statement cannot write a key twice). */
function lastPerIndicator<T extends { idx: number; name: string }>(xs: readonly T[]): T[] {
  const m = new Map<string, T>();
  for (const x of xs) m.set(`${x.idx}\u0000${x.name}`, x);
  return [...m.values()];
}

/** Replaces the monitoring entries of one owner (a form id or the department). */
export async function replaceMonitoring(db: Db, documentId: number, owner: string, entries: readonly Omit<MonitoringRecord, 'owner'>[]): Promise<void> {
  entries.forEach((e, n) => checkStorableText({ owner, [`entries[${n}].actualToDate`]: e.actualToDate, [`entries[${n}].action`]: e.action }));
  await lockFollow(db, documentId);
  await db.execute(sql`DELETE FROM monitoring_entries WHERE document_id = ${documentId} AND owner = ${owner}`);
  if (entries.length === 0) return;
  const values = lastPerIndicator(entries).map((e) => sql`(${documentId}, ${owner}, ${e.idx}, ${e.name}, ${e.asOf}::date, ${e.actualToDate}, ${e.likelihood}, ${e.reason}, ${e.action})`);
  await db.execute(
    sql`INSERT INTO monitoring_entries (document_id, owner, indicator_idx, indicator_name, as_of, actual_to_date, likelihood, reason, action)
        VALUES ${sql.join(values, sql`, `)}
        ON CONFLICT (document_id, owner, indicator_idx, indicator_name) DO UPDATE SET as_of = excluded.as_of, actual_to_date = excluded.actual_to_date,
          likelihood = excluded.likelihood, reason = excluded.reason, action = excluded.action, updated_at = now()`,
  );
}

/** Every monitoring entry of a budget. */
export async function selectMonitoring(db: Db, documentId: number): Promise<MonitoringRecord[]> {
  const r = await rows<Record<string, unknown>>(
    db,
    sql`SELECT owner, indicator_idx, indicator_name, to_char(as_of, 'YYYY-MM-DD') AS as_of, actual_to_date, likelihood, reason, action
        FROM monitoring_entries WHERE document_id = ${documentId} ORDER BY owner, indicator_idx`,
  );
  return r.map((x) => ({
    owner: String(x['owner']),
    idx: num(x['indicator_idx']),
    name: String(x['indicator_name']),
    asOf: isoDate(x['as_of']),
    actualToDate: textOrNull(x['actual_to_date']),
    likelihood: textOrNull(x['likelihood']),
    reason: textOrNull(x['reason']),
    action: textOrNull(x['action']),
  }));
}

/** Replaces the year-end actuals of one owner. */
export async function replaceActuals(db: Db, documentId: number, owner: string, actuals: readonly Omit<ActualRecord, 'owner'>[]): Promise<void> {
  actuals.forEach((a, n) => checkStorableText({ owner, [`actuals[${n}].value`]: a.value, [`actuals[${n}].reason`]: a.reason, [`actuals[${n}].correction`]: a.correction }));
  await lockFollow(db, documentId);
  await db.execute(sql`DELETE FROM evaluation_actuals WHERE document_id = ${documentId} AND owner = ${owner}`);
  if (actuals.length === 0) return;
  const values = lastPerIndicator(actuals).map((a) => sql`(${documentId}, ${owner}, ${a.idx}, ${a.name}, ${a.value}, ${a.band}, ${a.notApplicable}, ${a.reason}, ${a.correction})`);
  await db.execute(
    sql`INSERT INTO evaluation_actuals (document_id, owner, indicator_idx, indicator_name, value, band, not_applicable, reason, correction)
        VALUES ${sql.join(values, sql`, `)}
        ON CONFLICT (document_id, owner, indicator_idx, indicator_name) DO UPDATE SET value = excluded.value, band = excluded.band,
          not_applicable = excluded.not_applicable, reason = excluded.reason, correction = excluded.correction, updated_at = now()`,
  );
}

/** Every year-end actual of a budget. */
export async function selectActuals(db: Db, documentId: number): Promise<ActualRecord[]> {
  const r = await rows<Record<string, unknown>>(
    db,
    sql`SELECT owner, indicator_idx, indicator_name, value, band, not_applicable, reason, correction
        FROM evaluation_actuals WHERE document_id = ${documentId} ORDER BY owner, indicator_idx`,
  );
  return r.map((x) => ({
    owner: String(x['owner']),
    idx: num(x['indicator_idx']),
    name: String(x['indicator_name']),
    value: textOrNull(x['value']),
    band: textOrNull(x['band']),
    notApplicable: x['not_applicable'] === true,
    reason: textOrNull(x['reason']),
    correction: textOrNull(x['correction']),
  }));
}

/** Whether anything has been recorded for the year of a budget (payments, entries or actuals). */
export async function hasFollowData(db: Db, documentId: number): Promise<boolean> {
  const [x] = await rows<{ n: unknown }>(
    db,
    sql`SELECT (SELECT count(*) FROM payments WHERE document_id = ${documentId}) + (SELECT count(*) FROM monitoring_entries WHERE document_id = ${documentId}) + (SELECT count(*) FROM evaluation_actuals WHERE document_id = ${documentId}) AS n`,
  );
  return num(x?.n ?? 0) > 0;
}

/** A recorded budget adjustment (预算调整 / 调剂) of one project form. */
export interface AdjustmentRecord {
  id: number;
  formId: string;
  /** Added to the form's budget (negative: taken away). */
  fen: number;
  reason: string;
  approvedBy: string;
  /** ISO timestamp. */
  approvedAt: string;
}

export async function insertAdjustment(db: Db, documentId: number, a: Omit<AdjustmentRecord, 'id' | 'approvedAt'>): Promise<AdjustmentRecord> {
  checkStorableText({ reason: a.reason });
  const [r] = await rows<Record<string, unknown>>(
    db,
    sql`INSERT INTO budget_adjustments (document_id, form_id, fen, reason, approved_by) VALUES (${documentId}, ${a.formId}, ${a.fen}, ${a.reason}, ${a.approvedBy})
        RETURNING id, form_id, fen::text AS fen, reason, approved_by, ${ISO('approved_at')} AS approved_at`,
  );
  return toAdjustment(r!);
}

/** A budget's adjustments, oldest first. */
export async function selectAdjustments(db: Db, documentId: number): Promise<AdjustmentRecord[]> {
  const r = await rows<Record<string, unknown>>(
    db,
    sql`SELECT id, form_id, fen::text AS fen, reason, approved_by, ${ISO('approved_at')} AS approved_at
        FROM budget_adjustments WHERE document_id = ${documentId} ORDER BY id`,
  );
  return r.map(toAdjustment);
}

function toAdjustment(r: Record<string, unknown>): AdjustmentRecord {
  return { id: num(r['id']), formId: String(r['form_id']), fen: num(r['fen']), reason: String(r['reason']), approvedBy: String(r['approved_by']), approvedAt: String(r['approved_at']) };
}

/** Paid so far per form of a budget (exact: summed in the database as numeric, read as bigint). */
export async function paidByForm(db: Db, documentId: number): Promise<Map<string, bigint>> {
  return sumByForm(db, sql`payments`, documentId);
}

/** The approved adjustments per form of a budget, summed (exact, as paidByForm). */
export async function adjustedByForm(db: Db, documentId: number): Promise<Map<string, bigint>> {
  return sumByForm(db, sql`budget_adjustments`, documentId);
}

async function sumByForm(db: Db, table: ReturnType<typeof sql>, documentId: number): Promise<Map<string, bigint>> {
  const r = await rows<{ form_id: unknown; total: unknown }>(db, sql`SELECT form_id, sum(fen)::text AS total FROM ${table} WHERE document_id = ${documentId} GROUP BY form_id`);
  return new Map(r.map((x) => [String(x.form_id), BigInt(String(x.total))]));
}
