/**
 * Following the year in storage: payments, mid-year monitoring entries and year-end actuals per
 * budget (document id) and project form id ("department" for table 14), independent of versions.
 * Every function takes a drizzle database or transaction, so callers compose them in one transaction.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './connection.js';
import { num, numOrNull, rows, textOrNull } from './repository.js';

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

export type NewPayment = Omit<PaymentRecord, 'id'>;

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
  const ids: number[] = [];
  for (let i = 0; i < ps.length; i += 500) {
    const chunk = ps.slice(i, i + 500);
    const values = sql.join(
      chunk.map((p) => sql`(${documentId}, ${p.formId}, ${p.date}::date, ${p.fen}, ${p.voucher}, ${p.payee}, ${p.source}, ${p.sourceRow})`),
      sql`, `,
    );
    const r = await rows<{ id: unknown }>(db, sql`INSERT INTO payments (document_id, form_id, paid_on, fen, voucher, payee, source, source_row) VALUES ${values} RETURNING id`);
    ids.push(...r.map((x) => num(x.id)));
  }
  return ids;
}

/** Removes every payment of a budget (before a replacing import); returns how many. */
export async function deletePayments(db: Db, documentId: number): Promise<number> {
  const r = await rows<{ id: unknown }>(db, sql`DELETE FROM payments WHERE document_id = ${documentId} RETURNING id`);
  return r.length;
}

/** Removes one payment of a budget; false when the budget has no payment with that id. */
export async function deletePayment(db: Db, documentId: number, paymentId: number): Promise<boolean> {
  const r = await rows<{ id: unknown }>(db, sql`DELETE FROM payments WHERE document_id = ${documentId} AND id = ${paymentId} RETURNING id`);
  return r.length > 0;
}

/** Payments of a budget by date, then entry order. */
export async function selectPayments(db: Db, documentId: number): Promise<PaymentRecord[]> {
  const r = await rows<Record<string, unknown>>(
    db,
    sql`SELECT id, form_id, to_char(paid_on, 'YYYY-MM-DD') AS paid_on, fen, voucher, payee, source, source_row FROM payments WHERE document_id = ${documentId} ORDER BY paid_on, id`,
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

/** Replaces the monitoring entries of one owner (a form id or the department). */
export async function replaceMonitoring(db: Db, documentId: number, owner: string, entries: readonly Omit<MonitoringRecord, 'owner'>[]): Promise<void> {
  await db.execute(sql`DELETE FROM monitoring_entries WHERE document_id = ${documentId} AND owner = ${owner}`);
  for (const e of entries) {
    await db.execute(
      sql`INSERT INTO monitoring_entries (document_id, owner, indicator_idx, indicator_name, as_of, actual_to_date, likelihood, reason, action)
          VALUES (${documentId}, ${owner}, ${e.idx}, ${e.name}, ${e.asOf}::date, ${e.actualToDate}, ${e.likelihood}, ${e.reason}, ${e.action})`,
    );
  }
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
  await db.execute(sql`DELETE FROM evaluation_actuals WHERE document_id = ${documentId} AND owner = ${owner}`);
  for (const a of actuals) {
    await db.execute(
      sql`INSERT INTO evaluation_actuals (document_id, owner, indicator_idx, indicator_name, value, band, not_applicable, reason, correction)
          VALUES (${documentId}, ${owner}, ${a.idx}, ${a.name}, ${a.value}, ${a.band}, ${a.notApplicable}, ${a.reason}, ${a.correction})`,
    );
  }
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
