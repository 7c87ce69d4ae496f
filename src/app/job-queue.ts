/**
 * The workspace's job queue (pg-boss, src/storage/queue.ts), started once per workspace and stopped
 * when the workspace closes; each kind of long work (batch audits, PDF packages) names its queue, which
 * is created on first use. On PostgreSQL every server and `fiscus worker` shares it; on PGlite the
 * server works it in its own process.
 */
import type PgBoss from 'pg-boss';
import { ensureQueue, openQueue, queueSettings, type QueueSettings } from '../storage/queue.js';
import { connectionOf, onWorkspaceClose, type Workspace } from './workspace.js';

export interface JobQueue {
  boss: PgBoss;
  settings: QueueSettings;
  /** The queue `name` and its dead-letter queue, created once per process (`overrides`: this queue's own settings, e.g. a longer expiry). */
  ensure(name: string, overrides?: Partial<QueueSettings>): Promise<void>;
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
