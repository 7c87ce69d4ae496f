/**
 * `fiscus worker`: takes the jobs of the queue kept in PostgreSQL (pg-boss) — batch audits of uploaded
 * documents and PDF packages of many budgets — on any machine that reaches the database (DATABASE_URL). Progress and results go to the
 * database, where every server reads them; a worker killed mid-job has its job retried by another once
 * the job expires (FISCUS_JOB_EXPIRE_SECONDS). On PGlite (`./data`) the server process works the queue itself.
 */
import type { Command } from 'commander';
import { FiscusError } from '../domain/errors.js';
import { openWorkspace } from '../app/workspace.js';
import { BATCH_AUDIT_QUEUE, startBatchAuditWorker, WORKER_NAME } from '../app/batch-audit.js';
import { PACKAGE_QUEUE, startPackageWorker } from '../app/package-batch.js';
import { guardProcess } from '../app/process-guard.js';
import { untilSignal } from './io.js';

/** Registers `fiscus worker [--concurrency 1]` (DATABASE_URL names the PostgreSQL database). */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('处理任务队列（批量审核、PDF 批量打印）：任意机器上连接同一 PostgreSQL（DATABASE_URL）/ work the job queue')
    .option('--concurrency <n>', '同时处理的任务数 / jobs at once', '1')
    .action(async (o: { concurrency: string }) => {
      const databaseUrl = process.env['DATABASE_URL'];
      if (!databaseUrl) {
        throw new FiscusError('INPUT_INVALID', 'fiscus worker 需要环境变量 DATABASE_URL（PostgreSQL）；使用内置数据目录（PGlite）时，批量审核由 fiscus serve 进程自己处理', { field: 'DATABASE_URL' });
      }
      const concurrency = Number(o.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
        throw new FiscusError('INPUT_INVALID', `--concurrency 应为 1–64 的整数，实为 ${JSON.stringify(o.concurrency)}`, { field: 'concurrency' }, '1–64', o.concurrency);
      }
      guardProcess();
      const ws = await openWorkspace({ databaseUrl });
      try {
        await startBatchAuditWorker(ws, { concurrency });
        await startPackageWorker(ws);
        process.stdout.write(`fiscus worker 已启动：${WORKER_NAME}，处理队列 ${BATCH_AUDIT_QUEUE}（并发 ${concurrency}）与 ${PACKAGE_QUEUE}（PDF 打印，一次一个）\n`);
        await untilSignal();
      } finally {
        // Jobs in hand get a few seconds to finish; one cut short is retried by another worker.
        await ws.close();
      }
    });
}
