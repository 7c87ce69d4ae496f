/**
 * Batch audits of uploaded documents as jobs (issue 14): a 财政审核 uploads many documents; they are
 * stored in the database (not on a server's disk), split into jobs of a few documents on the pg-boss
 * queue, and checked by whichever `fiscus worker` takes each job, on any machine. Each document's
 * result is written once (a retried job skips what is done), progress is counted from the database,
 * and the report is the stored results in upload order: every document exactly once. On PGlite the
 * same code runs the worker in the server's own process.
 */
import { hostname } from 'node:os';
import type PgBoss from 'pg-boss';
import { FiscusError } from '../domain/errors.js';
import { RULES } from '../rules/index.js';
import { renderAuditCsv, renderAuditHtml, tallyRules, type AuditEntry, type AuditReport } from '../reports/audit/index.js';
import * as repo from '../storage/batch-audit-repo.js';
import { batchIdOf, batchState, jobQueue, type BatchState, type JobQueue } from './job-queue.js';
import { auditBytesIsolated } from './audit.js';
import { failsAt, TOOL, type FailOn } from './validate.js';
import { connectionOf, type Workspace } from './workspace.js';

/** The queue of batch-audit jobs (its dead letters: `…_dead`). */
export const BATCH_AUDIT_QUEUE = 'fiscus_batch_audit';
/** Most documents in one batch. */
export const MAX_BATCH_DOCUMENTS = 5000;

/** Documents per job (FISCUS_BATCH_CHUNK, default 10): small enough that a killed worker costs little, large enough that the queue is not the work. */
export function batchChunk(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env['FISCUS_BATCH_CHUNK'] ?? '10');
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : 10;
}

interface ChunkJob {
  batchId: number;
  from: number;
  to: number;
}

/** A batch audit as any server reads it from the database. */
export interface BatchAuditStatus {
  id: string;
  state: BatchState;
  total: number;
  /** Documents checked so far. */
  done: number;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
  failOn: FailOn;
}

const FAIL_ONS: readonly FailOn[] = ['error', 'warning', 'never'];

/** The worker's name in the results (`host:pid`): which machine checked a document. */
export const WORKER_NAME = `${hostname()}:${process.pid}`;

/** Whether this process works the batch-audit queue (a `fiscus worker`, or a server on PGlite): once per workspace. */
const working = new WeakMap<Workspace, Promise<void>>();

/** The workspace's job queue with the batch-audit queue made. */
async function queueOf(ws: Workspace): Promise<JobQueue> {
  const q = await jobQueue(ws);
  await q.ensure(BATCH_AUDIT_QUEUE);
  return q;
}

function toStatus(b: repo.BatchRecord): BatchAuditStatus {
  return {
    id: String(b.id),
    state: batchState(b),
    total: b.total,
    done: b.done,
    createdBy: b.createdBy,
    createdAt: b.createdAt,
    finishedAt: b.finishedAt,
    failOn: FAIL_ONS.includes(b.failOn as FailOn) ? (b.failOn as FailOn) : 'error',
  };
}

/** The cross-document report of stored entries (in upload order), as `fiscus audit` gathers it. */
export function reportOf(documents: AuditEntry[], failOn: FailOn): AuditReport {
  const sev = { error: 0, warning: 0, info: 0 };
  let failing = 0;
  for (const d of documents) {
    if (!d.readable) continue;
    sev.error += d.summary.error;
    sev.warning += d.summary.warning;
    sev.info += d.summary.info;
    if (failsAt({ summary: d.summary }, failOn)) failing++;
  }
  const readable = documents.filter((d) => d.readable).length;
  return {
    tool: { ...TOOL, rules: RULES.length },
    failOn,
    summary: { documents: documents.length, readable, unreadable: documents.length - readable, failing, ...sev },
    documents,
    rules: tallyRules(documents),
  };
}

/**
 * Stores a batch of documents and queues its jobs; answers its status (queued). INPUT_INVALID for an
 * empty batch, an empty file or an unknown fail level; TOO_LARGE beyond MAX_BATCH_DOCUMENTS.
 */
export async function submitBatchAudit(ws: Workspace, files: readonly repo.BatchDocumentInput[], opts: { createdBy: string | null; failOn?: string }): Promise<BatchAuditStatus> {
  const failOn = opts.failOn ?? 'error';
  if (!FAIL_ONS.includes(failOn as FailOn))
    throw new FiscusError('INPUT_INVALID', `failOn 应为 error、warning 或 never，实为 ${JSON.stringify(failOn.slice(0, 40))}`, { field: 'failOn' }, 'error | warning | never', failOn);
  if (files.length === 0) throw new FiscusError('INPUT_INVALID', '批量审核至少需要一份文件（multipart 的 files 字段）', { field: 'files' });
  if (files.length > MAX_BATCH_DOCUMENTS)
    throw new FiscusError('TOO_LARGE', `一次批量审核的文件数应不超过 ${MAX_BATCH_DOCUMENTS} 份，实为 ${files.length} 份`, { field: 'files' }, String(MAX_BATCH_DOCUMENTS), String(files.length));
  const empty = files.find((f) => f.bytes.length === 0);
  if (empty) throw new FiscusError('INPUT_UNREADABLE', `文件 ${empty.name} 为空`, { file: empty.name });
  const q = await queueOf(ws);
  const db = connectionOf(ws).db;
  const id = await db.transaction((tx) => repo.insertBatch(tx as unknown as typeof db, { createdBy: opts.createdBy, failOn, documents: files }));
  const chunk = batchChunk();
  const jobs: PgBoss.JobInsert<ChunkJob>[] = [];
  for (let from = 0; from < files.length; from += chunk) jobs.push({ name: BATCH_AUDIT_QUEUE, data: { batchId: id, from, to: Math.min(files.length, from + chunk) } });
  await q.boss.insert(jobs);
  // The embedded database belongs to this process: the queue is worked here.
  if (connectionOf(ws).kind === 'pglite') void startBatchAuditWorker(ws);
  return batchAuditStatus(ws, String(id));
}

/** A batch's status and progress; NOT_FOUND when there is none. */
export async function batchAuditStatus(ws: Workspace, id: string): Promise<BatchAuditStatus> {
  const b = await repo.selectBatch(connectionOf(ws).db, batchIdOf(id, '批量审核'));
  if (!b) throw new FiscusError('NOT_FOUND', `批量审核 ${id} 不存在`);
  return toStatus(b);
}

/** The most recent batches, newest first (the reviewer's desk lists them). */
export async function recentBatchAudits(ws: Workspace, limit = 50): Promise<BatchAuditStatus[]> {
  return (await repo.selectRecentBatches(connectionOf(ws).db, limit)).map(toStatus);
}

/** The report of a finished batch; CONFLICT while documents are still being checked. */
export async function batchAuditReport(ws: Workspace, id: string): Promise<AuditReport> {
  const s = await batchAuditStatus(ws, id);
  if (s.state !== 'done') throw new FiscusError('CONFLICT', `批量审核 ${id} 尚未完成（已检查 ${s.done}/${s.total} 份）`);
  const results = await repo.selectResults(connectionOf(ws).db, Number(s.id));
  return reportOf(
    results.map((r) => r.entry as AuditEntry),
    s.failOn,
  );
}

/** The report as CSV or HTML (documents are named, not linked: they live in the database). */
export function renderBatchReport(r: AuditReport, format: 'csv' | 'html'): string {
  const noLink = () => '';
  return format === 'csv' ? renderAuditCsv(r, noLink) : renderAuditHtml(r, noLink);
}

/** Checks the documents of one job still without a result, writing each one's result once. */
async function runChunk(ws: Workspace, job: ChunkJob): Promise<void> {
  const db = connectionOf(ws).db;
  const pending = await repo.claimPending(db, job.batchId, job.from, job.to, WORKER_NAME);
  for (const d of pending) {
    // Read and checked in a parser thread: a server on PGlite works this queue beside its requests.
    const entry = await auditBytesIsolated(d.bytes, d.name);
    await repo.recordResult(db, job.batchId, d.idx, entry, WORKER_NAME);
  }
  await repo.finishIfComplete(db, job.batchId);
}

/** A job that failed every retry: its documents without a result are listed as unreadable, so that the batch still ends. */
async function giveUpChunk(ws: Workspace, job: ChunkJob): Promise<void> {
  const db = connectionOf(ws).db;
  for (const d of await repo.claimPending(db, job.batchId, job.from, job.to, WORKER_NAME)) {
    const entry: AuditEntry = { file: d.name, readable: false, error: { code: 'INTERNAL', message: `${d.name}: 检查该文件的任务多次失败（工作进程异常退出或超时），已放弃` }, ms: 0 };
    await repo.recordResult(db, job.batchId, d.idx, entry, WORKER_NAME);
  }
  await repo.finishIfComplete(db, job.batchId);
}

export interface WorkerOptions {
  /** Jobs worked at once in this process (default 1: the checks use this process's thread). */
  concurrency?: number;
}

/**
 * Works the batch-audit queue in this process until the workspace closes (once per workspace; later
 * calls return the same promise). A job whose worker dies is retried by another when it expires.
 */
export function startBatchAuditWorker(ws: Workspace, opts: WorkerOptions = {}): Promise<void> {
  let w = working.get(ws);
  if (!w) {
    w = queueOf(ws).then((q) =>
      q.work<ChunkJob>(
        BATCH_AUDIT_QUEUE,
        opts.concurrency ?? 1,
        (j) => runChunk(ws, j),
        (j) => giveUpChunk(ws, j),
      ),
    );
    working.set(ws, w);
  }
  return w;
}
