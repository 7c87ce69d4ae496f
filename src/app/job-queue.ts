/**
 * The workspace's job queue (pg-boss, src/storage/queue.ts), started once per workspace and stopped
 * when the workspace closes; each kind of long work (batch audits, PDF packages) names its queue, which
 * is created on first use. On PostgreSQL every server and `fiscus worker` shares it; on PGlite the
 * server works it in its own process.
 */
import type PgBoss from 'pg-boss';
import { ensureQueue, openQueue, queueSettings, type QueueSettings } from '../storage/queue.js';
import { FiscusError } from '../domain/errors.js';
import { connectionOf, documentIdOf, onWorkspaceClose, type Workspace } from './workspace.js';

export interface JobQueue {
  boss: PgBoss;
  settings: QueueSettings;
  /** The queue `name` and its dead-letter queue, created once per process (`overrides`: this queue's own settings, e.g. a longer expiry). */
  ensure(name: string, overrides?: Partial<QueueSettings>): Promise<void>;
  /**
   * Works the queue `name` in this process: `concurrency` handlers taking one job at a time, and its
   * dead letters (jobs that failed every retry) by `onDead`, so that their batch still ends.
   */
  work<T extends object>(name: string, concurrency: number, onJob: (data: T) => Promise<void>, onDead: (data: T) => Promise<void>): Promise<void>;
}

export type BatchState = 'queued' | 'running' | 'done';

/** A batch's state from its stored progress: done once finished, running once anything has its outcome. */
export function batchState(b: { finishedAt: string | null; done: number }): BatchState {
  return b.finishedAt ? 'done' : b.done > 0 ? 'running' : 'queued';
}

/** The id of a batch in a path; NOT_FOUND naming `what` (批量审核, PDF 打包任务) when it cannot be one. */
export function batchIdOf(id: string, what: string): number {
  try {
    return documentIdOf(id);
  } catch {
    throw new FiscusError('NOT_FOUND', `${what} ${id.slice(0, 40)} 不存在`);
  }
}

const queues = new WeakMap<Workspace, Promise<JobQueue>>();

/** The workspace's job queue: pg-boss started once on its connection. */
export function jobQueue(ws: Workspace): Promise<JobQueue> {
  let q = queues.get(ws);
  if (!q) {
    const settings = queueSettings();
    q = (async () => {
      const boss = await openQueue(connectionOf(ws), settings);
      const made = new Map<string, Promise<void>>();
      return {
        boss,
        settings,
        ensure(name: string, overrides: Partial<QueueSettings> = {}) {
          let m = made.get(name);
          if (!m) {
            m = ensureQueue(boss, name, { ...settings, ...overrides });
            made.set(name, m);
          }
          return m;
        },
        async work<T extends object>(name: string, concurrency: number, onJob: (data: T) => Promise<void>, onDead: (data: T) => Promise<void>) {
          const options = { batchSize: 1, pollingIntervalSeconds: settings.pollingIntervalSeconds };
          for (let i = 0; i < Math.max(1, concurrency); i++) {
            await boss.work<T>(name, options, async (jobs) => {
              for (const j of jobs) await onJob(j.data);
            });
          }
          await boss.work<T>(`${name}_dead`, options, async (jobs) => {
            for (const j of jobs) await onDead(j.data);
          });
        },
      };
    })();
    queues.set(ws, q);
    const opened = q;
    onWorkspaceClose(ws, async () => {
      const s = await opened.catch(() => null);
      // Jobs in hand are given a few seconds; one cut short is retried by another worker.
      await s?.boss.stop({ graceful: true, timeout: 5000, wait: true });
    });
  }
  return q;
}
