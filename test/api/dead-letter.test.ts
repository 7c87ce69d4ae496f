/**
 * The dead-letter path of the job queue (issue 14 item 4), on a throwaway PostgreSQL with pg-boss as it
 * runs in production: a batch-audit job that fails every try (here failed through pg-boss's own `fail`,
 * as a worker that throws or dies is) goes to the `…_dead` queue after its retries; a worker takes it
 * from there and lists that job's documents as not checked, so that the batch still ends with every
 * document once, the other jobs' documents checked as usual.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openWorkspace, type Workspace } from '../../src/app/workspace.js';
import { BATCH_AUDIT_QUEUE, batchAuditReport, batchAuditStatus, startBatchAuditWorker, submitBatchAudit } from '../../src/app/batch-audit.js';
import { jobQueue } from '../../src/app/job-queue.js';
import { throwawayDatabases } from '../support/postgres.js';

// Read when the workspace's queue starts: one retry, no delay between tries, quick polling; two documents a job.
process.env['FISCUS_JOB_RETRY_LIMIT'] = '1';
process.env['FISCUS_JOB_RETRY_DELAY_SECONDS'] = '0';
process.env['FISCUS_JOB_POLL_SECONDS'] = '0.5';
process.env['FISCUS_BATCH_CHUNK'] = '2';

const SAMPLES = resolve(import.meta.dirname, '../../samples');
const SHENZHEN = readFileSync(`${SAMPLES}/shenzhen-futian-data-center-2021-dept-budget.txt`);
const WANLI = readFileSync(`${SAMPLES}/shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.txt`);

const freshDatabase = throwawayDatabases('fiscus_dead_letter', 'dead-letter test');
if (freshDatabase) {
  let ws: Workspace;
  let drop: () => Promise<void> = async () => {};
  before(async () => {
    const db = await freshDatabase();
    drop = db.drop;
    ws = await openWorkspace({ databaseUrl: db.databaseUrl });
  });
  after(async () => {
    await ws?.close();
    await drop();
  });

  test('a batch-audit job failed on every try goes to the dead-letter queue; its documents are listed as not checked and the batch ends, each document once', async () => {
    // On PostgreSQL no worker runs until one is started: the jobs wait in the queue.
    const files = [
      { name: 'a-shenzhen.txt', bytes: SHENZHEN },
      { name: 'b-wanli.txt', bytes: WANLI },
      { name: 'c-shenzhen.txt', bytes: SHENZHEN },
    ];
    const submitted = await submitBatchAudit(ws, files, { createdBy: null });
    assert.equal(submitted.state, 'queued');
    assert.equal(submitted.total, 3);

    // The first job (documents 0 and 1) fails on its try and on its one retry, as a job whose worker
    // throws each time; the second job (document 2) is left for the worker.
    const q = await jobQueue(ws);
    const failed = new Map<string, number>();
    for (let i = 0; i < 200 && [...failed.values()].reduce((n, k) => n + k, 0) < 2; i++) {
      const jobs = await q.boss.fetch<{ batchId: number; from: number; to: number }>(BATCH_AUDIT_QUEUE, { batchSize: 10 });
      for (const j of jobs) {
        if (j.data.from === 0) {
          await q.boss.fail(BATCH_AUDIT_QUEUE, j.id, { message: 'simulated failure' });
          failed.set(j.id, (failed.get(j.id) ?? 0) + 1);
        } else {
          // Not this one: back to the queue, untouched, for the worker (cancelled and resumed, not failed).
          await q.boss.cancel(BATCH_AUDIT_QUEUE, j.id);
          await q.boss.resume(BATCH_AUDIT_QUEUE, j.id);
        }
      }
      if (jobs.length === 0) await new Promise((r) => setTimeout(r, 50));
    }
    assert.deepEqual([...failed.values()], [2], 'one job, failed on its try and its retry');
    const [jobId] = [...failed.keys()];
    const state = await q.boss.getJobById(BATCH_AUDIT_QUEUE, jobId!);
    assert.equal(state?.state, 'failed', 'the job failed for good after its retry');
    assert.equal(state?.retryCount, 1);

    void startBatchAuditWorker(ws);
    let status = submitted;
    for (let i = 0; i < 600 && status.state !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = await batchAuditStatus(ws, submitted.id);
    }
    assert.equal(status.state, 'done', `the batch ended (${status.done}/${status.total})`);
    assert.equal(status.done, 3);

    const report = await batchAuditReport(ws, submitted.id);
    assert.deepEqual(
      report.documents.map((d) => d.file),
      ['a-shenzhen.txt', 'b-wanli.txt', 'c-shenzhen.txt'],
      'every document once, in upload order',
    );
    for (const d of report.documents.slice(0, 2)) {
      assert.equal(d.readable, false, `${d.file}: listed as not checked`);
      assert.match(d.error?.message ?? '', /检查该文件的任务多次失败（工作进程异常退出或超时），已放弃/);
      assert.equal(d.error?.code, 'INTERNAL');
    }
    const checked = report.documents[2]!;
    assert.ok(checked.readable, 'the other job was worked as usual');
    assert.equal(checked.unit, '深圳市福田区数据管理中心');
    assert.ok(checked.findings.length > 0 && checked.summary.error + checked.summary.warning + checked.summary.info === checked.findings.length, 'and checked: the sample has findings');
  });
}
