/**
 * The job queue: pg-boss (a maintained PostgreSQL job queue; its tables in their own schema,
 * `pgboss`) driven through the workspace's own connection, on PostgreSQL and on PGlite alike. pg-boss
 * accepts a `db` object with `executeSql(text, values)`; Connection.raw runs pg-boss's SQL as `pg`
 * would (a script of statements without values, one parameterised statement with them; pg's own
 * parameter encoding on PGlite). On PostgreSQL every server and `fiscus worker` shares the queue; on
 * PGlite (one process owns the data folder) the queue runs in that process.
 */
import type PgBoss from 'pg-boss';
import type { Connection } from './connection.js';

/** pg-boss's schema: kept apart from fiscus's tables. */
export const QUEUE_SCHEMA = 'pgboss';

/** How long a job may run before it counts as lost (its worker killed) and is retried, and how often that is checked. */
export interface QueueSettings {
  /** A job active for longer is failed and retried by another worker (pg-boss expireInSeconds). */
  expireInSeconds: number;
  /** Retries of a failed or expired job before it goes to the dead-letter queue. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** How often expired jobs are looked for (pg-boss maintenance; one process does it per interval). */
  maintenanceIntervalSeconds: number;
  /** How often an idle worker asks for a job. */
  pollingIntervalSeconds: number;
}

function envNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const v = env[name];
  if (v === undefined || v.trim() === '') return fallback;
  const n = Number(v);
  return Number.isFinite(n) && n >= min ? n : fallback;
}

/**
 * The settings, from FISCUS_JOB_EXPIRE_SECONDS (default 300), FISCUS_JOB_RETRY_LIMIT (3),
 * FISCUS_JOB_RETRY_DELAY_SECONDS (1), FISCUS_JOB_MAINTENANCE_SECONDS (15), FISCUS_JOB_POLL_SECONDS (1).
 */
export function queueSettings(env: NodeJS.ProcessEnv = process.env): QueueSettings {
  return {
    expireInSeconds: Math.round(envNumber(env, 'FISCUS_JOB_EXPIRE_SECONDS', 300, 1)),
    retryLimit: Math.round(envNumber(env, 'FISCUS_JOB_RETRY_LIMIT', 3, 0)),
    retryDelaySeconds: Math.round(envNumber(env, 'FISCUS_JOB_RETRY_DELAY_SECONDS', 1, 0)),
    maintenanceIntervalSeconds: Math.round(envNumber(env, 'FISCUS_JOB_MAINTENANCE_SECONDS', 15, 1)),
    pollingIntervalSeconds: envNumber(env, 'FISCUS_JOB_POLL_SECONDS', 1, 0.5),
  };
}

/** True for PostgreSQL's "deadlock detected" (40P01): one of the transactions was rolled back and may simply run again. */
function isDeadlock(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '40P01';
}

/**
 * A queue with its dead-letter queue, created when missing and set to `settings` (idempotent; any process may do it).
 * pg-boss makes each queue a partition of its job table: processes starting together (servers and workers on one
 * PostgreSQL) can deadlock on that DDL, and PostgreSQL then rolls one of them back. That one tries again, a few
 * times, after a short random wait.
 */
export async function ensureQueue(boss: PgBoss, name: string, settings: QueueSettings): Promise<void> {
  const dead = `${name}_dead`;
  const options = { name, retryLimit: settings.retryLimit, retryDelay: settings.retryDelaySeconds, expireInSeconds: settings.expireInSeconds, deadLetter: dead };
  await retryingTransient(isDeadlock, async () => {
    await boss.createQueue(dead);
    await boss.createQueue(name, options);
    await boss.updateQueue(name, options);
  });
}

/**
 * Runs `run`; when it fails with an error `transient` accepts (PostgreSQL rolled this session back in a
 * race with another process), runs it again after a short random wait, up to 5 times in all.
 */
async function retryingTransient<T>(transient: (e: unknown) => boolean, run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if (!transient(e) || attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 50 + Math.floor(Math.random() * 200) * attempt));
    }
  }
}

/** True for PostgreSQL's unique violation (23505) on a system catalog: two sessions creating the same schema or type at once. */
function isCatalogRace(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { code, message } = e as { code?: unknown; message?: unknown };
  return code === '23505' && typeof message === 'string' && /"pg_[a-z_]+_index"/.test(message);
}

/**
 * Starts pg-boss on the connection (creating or upgrading its schema under its own advisory lock).
 * Errors of its background work (maintenance, polling) are logged, never thrown at the process.
 * Processes starting together on a new database (servers and workers) can still meet in PostgreSQL's
 * catalogs: one of them is refused with a unique violation on pg_namespace (seen in CI: a `fiscus worker`
 * exited with it while three servers and another worker started). That one starts again, a few times,
 * after a short random wait; by then the schema exists.
 */
export async function openQueue(conn: Connection, settings: QueueSettings = queueSettings()): Promise<PgBoss> {
  // pg-boss (and its dependencies) load with the first queue opened, not with every server start.
  const { default: Boss } = await import('pg-boss');
  return retryingTransient(isCatalogRace, async () => {
    const boss = new Boss({
      db: { executeSql: (text: string, values: unknown[]) => conn.raw(text, values) },
      schema: QUEUE_SCHEMA,
      migrate: true,
      supervise: true,
      schedule: false,
      maintenanceIntervalSeconds: settings.maintenanceIntervalSeconds,
    });
    boss.on('error', (e: Error) => console.warn(`fiscus: 任务队列后台操作失败（pg-boss）：${e.message}`));
    try {
      await boss.start();
      return boss;
    } catch (e) {
      await boss.stop({ graceful: false, wait: false }).catch(() => undefined);
      throw e;
    }
  });
}
