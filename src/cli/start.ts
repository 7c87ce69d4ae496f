import type { Command } from 'commander';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Workspace } from '../app/workspace.js';
import { defaultHost, parsePort, runUntilSignal, startedLine, startServer } from './serve.js';
import { accountsOf, demoAccountLines, DEMO_ACCOUNTS } from '../app/accounts.js';
import { bootstrapAdmin } from './accounts.js';
import { workflowOf } from '../app/workflow.js';

/** The 财政局 of the bundled sample: the root of the tree `fiscus start` creates in an empty workspace. */
export const SAMPLE_ROOT = '深圳市福田区财政局';

/**
 * The administrator of an empty workspace, the bundled sample when there is no budget yet, and with
 * it the demo accounts of every role (printed when created; their passwords are in the README).
 */
export async function prepareStart(ws: Workspace, log: (s: string) => void): Promise<void> {
  const acc = accountsOf(ws);
  await bootstrapAdmin(acc, log, SAMPLE_ROOT);
  if (await importSampleIfEmpty(ws, log)) {
    const made = await acc.ensureDemo();
    if (made.length) log(['演示账户（每个角色一个；仅供试用，请勿用于正式部署）：', ...demoAccountLines(made)].join('\n') + '\n');
    return;
  }
  const logins = new Set((await acc.listUsers()).map((u) => u.login));
  const present = DEMO_ACCOUNTS.filter((a) => logins.has(a.login)).map((a) => a.login);
  if (present.length) log(`演示账户：${present.join('、')}（密码见 README「账户与角色」）\n`);
}

export const BUNDLED_SAMPLE = fileURLToPath(new URL('../../samples/shenzhen-futian-data-center-2021-dept-budget.txt', import.meta.url));
/** The sample's year (payments, August monitoring, year-end actuals), loaded with the sample. */
export const BUNDLED_YEAR = fileURLToPath(new URL('../../samples/year-2021/', import.meta.url));

/** Imports the bundled sample when the workspace holds no budget yet (first run from a fresh clone). */
export async function importSampleIfEmpty(ws: Workspace, log: (s: string) => void = () => {}): Promise<boolean> {
  // Asked at every start: whether there is a budget, not the list of them (a city's thousands, sorted).
  if (await ws.hasBudgets()) return false;
  const stored = await ws.importDocument(await readFile(BUNDLED_SAMPLE), basename(BUNDLED_SAMPLE), { author: 'fiscus start', note: '内置样例' });
  log(`已导入内置样例（预算 ${stored.budgetId}，第 ${stored.version} 版）\n`);
  const file = async (name: string) => ({ bytes: new Uint8Array(await readFile(BUNDLED_YEAR + name)), name });
  // The year's readers load for a new workspace only: a start on an existing folder goes without them.
  const { loadYearIfEmpty } = await import('../app/follow.js');
  await loadYearIfEmpty(ws, stored.budgetId, { payments: await file('payments.csv'), monitoring: await file('monitoring-2021-08.json'), actuals: await file('actuals-2021.json') });
  log('已导入样例的 2021 年支付明细、8 月监控与年终自评数据\n');
  // Published, so that the public portal shows it from the first start (the transitions are recorded).
  await workflowOf(ws).publishAsSystem(stored.budgetId, 'fiscus start', '内置样例：公开示范');
  log('已公开内置样例（公开门户 /public）\n');
  return true;
}

/** Registers `fiscus start`: `serve` with defaults, importing the bundled sample into an empty workspace. */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('启动 fiscus（./data，首次运行导入内置样例，端口 8080 或 PORT）/ serve with defaults')
    .option('-p, --port <port>', '端口 / port', process.env['PORT'] ?? '8080')
    .option('-d, --data <dir>', 'PGlite 数据目录 / data folder', './data')
    .option('--host <host>', '监听地址 / address to listen on (HOST, else 127.0.0.1)', defaultHost())
    .action(async (o: { port: string; data: string; host: string }) => {
      const databaseUrl = process.env['DATABASE_URL'];
      const server = await startServer({
        port: parsePort(o.port),
        dataDir: o.data,
        hostname: o.host,
        ...(databaseUrl ? { databaseUrl } : {}),
        prepare: (ws) => prepareStart(ws, (s) => process.stdout.write(s)),
      });
      process.stdout.write(startedLine(server));
      await runUntilSignal(server);
    });
}
