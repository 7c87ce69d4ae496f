/**
 * PDF packages of many budgets as jobs (issue 14): a reviewer asks for the disclosure packages of
 * several budgets at once; each budget is one job on the pg-boss queue, printed (HTML in a parser
 * thread, then Chromium) by whichever `fiscus worker` takes it, on any machine, or by the server itself
 * on PGlite. Each PDF is kept in the database and written once (a retried job skips what is done);
 * progress is counted from the rows, and any server hands out the ZIP once every budget has its outcome.
 */
import type { Finding } from '../rules/types.js';
import { FiscusError } from '../domain/errors.js';
import { ACTION_LABELS, ROLE_LABELS } from '../domain/access.js';
import * as repo from '../storage/package-batch-repo.js';
import type { User } from './accounts.js';
import { WORKER_NAME } from './batch-audit.js';
import { batchIdOf, batchState, jobQueue, type BatchState } from './job-queue.js';
import { renderReportIsolated } from './report.js';
import { workflowOf } from './workflow.js';
import { connectionOf, type Workspace } from './workspace.js';

/** The queue of package jobs (its dead letters: `…_dead`). */
export const PACKAGE_QUEUE = 'fiscus_package';
/** Most budgets in one batch of packages. */
export const MAX_PACKAGE_BUDGETS = 500;
/** The appendix of each package: the review version with its 校验结果, or the publishable one without. */
export const PACKAGE_APPENDIXES = ['findings', 'none'] as const;
export type PackageAppendix = (typeof PACKAGE_APPENDIXES)[number];

/**
 * How long one budget's print may run before its job counts as lost and is retried
 * (FISCUS_PACKAGE_EXPIRE_SECONDS, default 900): a package is printed twice (its 目录 numbered) by a
 * Chromium that may be busy, so far longer than a batch-audit job of a few documents.
 */
export function packageExpireSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env['FISCUS_PACKAGE_EXPIRE_SECONDS'] ?? '900');
  return Number.isInteger(n) && n >= 10 && n <= 86_400 ? n : 900;
}

const ensurePackageQueue = (q: { ensure(name: string, o: { expireInSeconds: number }): Promise<void> }) => q.ensure(PACKAGE_QUEUE, { expireInSeconds: packageExpireSeconds() });

interface PackageJob {
  batchId: number;
  idx: number;
}

export interface PackageItemStatus {
  budget: string;
  version: number;
  name: string;
  state: 'pending' | 'printed' | 'failed';
  error: { code: string; message: string } | null;
}

export interface PackageBatchStatus {
  id: string;
  state: BatchState;
  total: number;
  /** Budgets with an outcome (printed or failed). */
  done: number;
  failed: number;
  appendix: PackageAppendix;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
  items: PackageItemStatus[];
}

/** A file name for the ZIP from the budget's unit, year and kind: no path separators or control characters, unique in the batch. */
export function packageFileName(unit: string, year: number, kind: string, taken: Set<string>): string {
  const base = `${unit}-${year}-${kind}`.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').slice(0, 120) || 'budget';
  let name = `${base}.pdf`;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}.pdf`;
  taken.add(name);
  return name;
}

/**
 * Queues the packages of `budgets` (ids as the API gives them, each once, in the order given); answers
 * the batch's status. Every budget must be one the user may read (NOT_FOUND otherwise, as a budget
 * page would answer); INPUT_INVALID for none, a repeated id or an unknown appendix; TOO_LARGE beyond
 * MAX_PACKAGE_BUDGETS. Nothing is stored when any budget is refused.
 */
export async function submitPackageBatch(ws: Workspace, budgets: readonly string[], opts: { user: User | null; createdBy: string | null; appendix?: string }): Promise<PackageBatchStatus> {
  const appendix = opts.appendix ?? 'findings';
  if (!PACKAGE_APPENDIXES.includes(appendix as PackageAppendix)) {
    throw new FiscusError(
      'INPUT_INVALID',
      `appendix 应为 findings（附校验结果）或 none（可公开版本），实为 ${JSON.stringify(appendix.slice(0, 40))}`,
      { field: 'appendix' },
      'findings | none',
      appendix,
    );
  }
  if (budgets.length === 0) throw new FiscusError('INPUT_INVALID', 'PDF 打包至少需要一个预算（budgets）', { field: 'budgets' });
  if (budgets.length > MAX_PACKAGE_BUDGETS) {
    throw new FiscusError('TOO_LARGE', `一次打包的预算数应不超过 ${MAX_PACKAGE_BUDGETS} 个，实为 ${budgets.length} 个`, { field: 'budgets' }, String(MAX_PACKAGE_BUDGETS), String(budgets.length));
  }
  const seen = new Set<string>();
  for (const b of budgets) {
    if (seen.has(b)) throw new FiscusError('INPUT_INVALID', `预算 ${b.slice(0, 40)} 在 budgets 中出现了两次`, { field: 'budgets' });
    seen.add(b);
  }
  const flow = workflowOf(ws);
  const tree = await flow.tree();
  const items: repo.PackageItemInput[] = [];
  const names = new Set<string>();
  for (const id of budgets) {
    if (!/^\d{1,9}$/.test(id)) throw new FiscusError('NOT_FOUND', `预算 ${id.slice(0, 40)} 不存在`, { field: 'budgets' });
    const d = await flow.decideOn(opts.user, 'read-draft', id, tree);
    if (d === 'not-found') throw new FiscusError('NOT_FOUND', `预算 ${id} 不存在`, { field: 'budgets' });
    if (d !== 'allow') throw new FiscusError('FORBIDDEN', `无权${ACTION_LABELS['read-draft']}：${opts.user ? ROLE_LABELS[opts.user.role] : '公众'}不能打包预算 ${id}`, { field: 'budgets' });
    const b = await ws.getBudget(id);
    items.push({ documentId: Number(id), version: b.latestVersion, name: packageFileName(b.unitName, b.year, b.kind, names) });
  }
  const q = await jobQueue(ws);
  await ensurePackageQueue(q);
  const db = connectionOf(ws).db;
  const batchId = await db.transaction((tx) => repo.insertPackageBatch(tx as unknown as typeof db, { createdBy: opts.createdBy, appendix, items }));
  await q.boss.insert(items.map((_, idx) => ({ name: PACKAGE_QUEUE, data: { batchId, idx } satisfies PackageJob })));
  // The embedded database belongs to this process: the queue is worked here.
  if (connectionOf(ws).kind === 'pglite') void startPackageWorker(ws);
  return packageBatchStatus(ws, String(batchId));
}

/** A batch's status, progress and items; NOT_FOUND when there is none. */
export async function packageBatchStatus(ws: Workspace, id: string): Promise<PackageBatchStatus> {
  const db = connectionOf(ws).db;
  const b = await repo.selectPackageBatch(db, batchIdOf(id, 'PDF 打包任务'));
  if (!b) throw new FiscusError('NOT_FOUND', `PDF 打包任务 ${id} 不存在`);
  const items = await repo.selectPackageItems(db, b.id, false);
  return {
    id: String(b.id),
    state: batchState(b),
    total: b.total,
    done: b.done,
    failed: b.failed,
    appendix: b.appendix === 'none' ? 'none' : 'findings',
    createdBy: b.createdBy,
    createdAt: b.createdAt,
    finishedAt: b.finishedAt,
    items: items.map((i) => ({ budget: String(i.documentId), version: i.version, name: i.name, state: i.error ? 'failed' : i.printed ? 'printed' : 'pending', error: i.error })),
  };
}

/**
 * The ZIP of a finished batch: each printed PDF under its name, and 打包说明.txt listing every budget
 * with its version and, for one that could not be printed, why. CONFLICT while budgets are still pending.
 */
export async function packageBatchZip(ws: Workspace, id: string): Promise<Uint8Array> {
  const s = await packageBatchStatus(ws, id);
  if (s.state !== 'done') throw new FiscusError('CONFLICT', `PDF 打包任务 ${id} 尚未完成（已完成 ${s.done}/${s.total} 个）`);
  const items = await repo.selectPackageItems(connectionOf(ws).db, Number(s.id), true);
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  const lines = [
    `PDF 打包任务 ${s.id}：${s.total} 个预算，${s.total - s.failed} 个已打印，${s.failed} 个未能打印；${s.appendix === 'none' ? '可公开版本（无校验结果附录）' : '审核版本（附校验结果）'}`,
    '',
  ];
  for (const i of items) {
    // Stored, not deflated: a PDF's streams are compressed already, and deflating megabytes would hold the server's thread.
    if (i.pdf) zip.file(i.name, i.pdf, { binary: true, compression: 'STORE', date: new Date(s.finishedAt ?? s.createdAt) });
    lines.push(`${i.name}\t预算 ${i.documentId} 第 ${i.version} 版\t${i.error ? `未能打印（${i.error.code}）：${i.error.message}` : '已打印'}`);
  }
  zip.file('打包说明.txt', `${lines.join('\n')}\n`, { date: new Date(s.finishedAt ?? s.createdAt) });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Prints one budget's package, writing its PDF once; a FiscusError (Chromium missing, budget gone …) is the item's outcome, anything else is retried. */
async function runPackageJob(ws: Workspace, job: PackageJob): Promise<void> {
  const db = connectionOf(ws).db;
  const item = await repo.claimPackageItem(db, job.batchId, job.idx, WORKER_NAME);
  if (item) {
    try {
      const id = String(item.documentId);
      const doc = await ws.getDocument(id, item.version);
      const findings: Finding[] | null = item.appendix === 'none' ? null : await ws.getFindings(id, item.version);
      const pdf = await renderReportIsolated(doc, 'pdf', findings);
      await repo.recordPackageItem(db, job.batchId, job.idx, { pdf: pdf as Uint8Array }, WORKER_NAME);
    } catch (e) {
      if (!(e instanceof FiscusError)) throw e;
      await repo.recordPackageItem(db, job.batchId, job.idx, { error: { code: e.code, message: e.message } }, WORKER_NAME);
    }
  }
  await repo.finishPackageBatchIfComplete(db, job.batchId);
}

/** A job that failed every retry: its budget is recorded as not printed, so that the batch still ends. */
async function giveUpPackageJob(ws: Workspace, job: PackageJob): Promise<void> {
  const db = connectionOf(ws).db;
  await repo.recordPackageItem(db, job.batchId, job.idx, { error: { code: 'INTERNAL', message: '打印该预算的任务多次失败（工作进程异常退出或超时），已放弃' } }, WORKER_NAME);
  await repo.finishPackageBatchIfComplete(db, job.batchId);
}

const working = new WeakMap<Workspace, Promise<void>>();

/** Works the package queue in this process until the workspace closes (once per workspace). One PDF at a time: Chromium takes the CPU. */
export function startPackageWorker(ws: Workspace): Promise<void> {
  let w = working.get(ws);
  if (!w) {
    w = jobQueue(ws).then(async (q) => {
      await ensurePackageQueue(q);
      await q.work<PackageJob>(
        PACKAGE_QUEUE,
        1,
        (j) => runPackageJob(ws, j),
        (j) => giveUpPackageJob(ws, j),
      );
    });
    working.set(ws, w);
  }
  return w;
}
