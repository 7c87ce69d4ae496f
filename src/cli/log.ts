/**
 * `fiscus log verify` and `fiscus log list` (issue 13): the audit log of a workspace (`--data DIR`,
 * `--database-url URL`, or DATABASE_URL). `verify` recomputes the hash chain and exits 0 when it is
 * intact, AUDIT_BROKEN (exit 5) naming the first broken entry otherwise.
 */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { openWorkspace, type Workspace } from '../app/workspace.js';
import { actionLabel, actorLabel, auditLogOf, auditSummary, parseAnchor, type AuditAnchor } from '../app/audit-log.js';
import { FiscusError } from '../domain/errors.js';

interface WhereOptions {
  data: string;
  databaseUrl?: string;
}

async function withWorkspace<T>(o: WhereOptions, fn: (ws: Workspace) => Promise<T>): Promise<T> {
  const databaseUrl = o.databaseUrl ?? process.env['DATABASE_URL'];
  const ws = await openWorkspace(databaseUrl ? { databaseUrl } : { dataDir: resolve(o.data) });
  try {
    return await fn(ws);
  } finally {
    await ws.close();
  }
}

const positive = (name: string) => (s: string) => {
  if (!/^\d{1,9}$/.test(s) || Number(s) < 1) throw new FiscusError('INPUT_INVALID', `${name} 应为正整数，实际为 ${JSON.stringify(s)}`, { field: name });
  return Number(s);
};

export function registerLog(program: Command): void {
  const log = program.command('log').description('审计日志 / the audit log (a hash chain of every write)');
  const where = (c: Command) =>
    c.option('-d, --data <dir>', 'PGlite 数据目录 / data folder', './data').option('--database-url <url>', 'PostgreSQL（缺省取 DATABASE_URL）/ PostgreSQL instead of the data folder');

  where(
    log
      .command('verify')
      .description('校验审计日志的哈希链；有记录被修改或删除时以 5 退出并指出第一条 / verify the hash chain')
      .option('--anchor <编号:哈希>', '此前记在库外的锚点（上次校验打印的"锚点"）：该条记录须仍在且哈希不变，以发现末尾记录被删或日志被整体改写', parseAnchor),
  ).action(async (o: WhereOptions & { anchor?: AuditAnchor }) => {
    await withWorkspace(o, async (ws) => {
      const v = await auditLogOf(ws).check(o.anchor);
      process.stdout.write(
        v.count === 0
          ? '审计日志完好：尚无记录\n'
          : `审计日志完好：共 ${v.count} 条记录（第 1–${v.lastId} 条），哈希链连续、无改动${o.anchor ? `，锚点第 ${o.anchor.id} 条相符` : ''}\n最新哈希：${v.headHash}\n锚点：${v.lastId}:${v.headHash}（请记在数据库之外，下次以 --anchor 校验）\n`,
      );
    });
  });

  where(
    log
      .command('list')
      .description('列出审计日志（缺省为最近 100 条，按时间先后）/ print entries')
      .option('--target <target>', '只列出某一对象的记录，如 budget:1、user:2')
      .option('--limit <n>', '条数（最多 1000）', positive('--limit'), 100)
      .option('--after <id>', '只列出编号大于此值的记录（从旧到新）', positive('--after')),
  ).action(async (o: WhereOptions & { target?: string; limit: number; after?: number }) => {
    await withWorkspace(o, async (ws) => {
      const limit = Math.min(o.limit, 1000);
      const q = { limit, ...(o.target !== undefined ? { target: o.target } : {}) };
      const entries = o.after !== undefined ? await auditLogOf(ws).list({ ...q, afterId: o.after }) : (await auditLogOf(ws).list({ ...q, newestFirst: true })).reverse();
      const lines = entries.map((e) => [e.id, e.at, actorLabel(e), `${actionLabel(e.action)}（${e.action}）`, e.target, auditSummary(e)].join('\t'));
      process.stdout.write(['编号\t时间\t操作人\t操作\t对象\t内容', ...lines].join('\n') + '\n');
    });
  });
}
