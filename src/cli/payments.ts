/**
 * `fiscus payments import <budget-file> <payments.csv|xlsx>`: reads the payments against the budget
 * (all-or-nothing), prints the execution summary and, with `--data`, stores them in the workspace.
 */
import type { Command } from 'commander';
import { basename, resolve } from 'node:path';
import { DEFAULT_LIMITS, importFileIsolated } from '../app/index.js';
import { readInputFile } from '../app/read-input.js';
import { openWorkspace, type Workspace } from '../app/workspace.js';
import { buildExecution, defaultAsOf, followOf, readPaymentsFile, wan, type DepartmentExecution, type FormPayment } from '../app/follow.js';
import type { BudgetDocument } from '../domain/model.js';

/**
 * Reads a payments (or monitoring, actuals) file from disk: only a regular file, at most the payments
 * limit (app/read-input.ts); NOT_FOUND, INPUT_UNREADABLE or TOO_LARGE naming the path otherwise.
 */
export async function readBytes(path: string): Promise<Uint8Array> {
  return readInputFile(path, DEFAULT_LIMITS.body.payments, 'body.payments');
}

/** The budget document and its payments from files. */
export async function loadBudgetAndPayments(budgetFile: string, paymentsFile: string): Promise<{ doc: BudgetDocument; payments: FormPayment[] }> {
  const doc = await importFileIsolated(budgetFile);
  return { doc, payments: await readPaymentsFile(doc, await readBytes(paymentsFile), basename(paymentsFile)) };
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
const lpad = (s: string, n: number) => ' '.repeat(Math.max(0, n - s.length)) + s;

/** The execution summary as text (万元). */
export function executionText(ex: DepartmentExecution): string {
  const lines = [`${ex.unitName} ${ex.year}年 预算执行情况（截至 ${ex.asOf}，万元）`, ''];
  lines.push(`${pad('项目', 26)}${lpad('年度预算', 12)}${lpad('累计支出', 12)}${lpad('执行率', 9)}${lpad('计划', 9)}${lpad('预计年末', 9)}  预警`);
  const line = (name: string, x: DepartmentExecution['total']) =>
    `${pad(name, 26)}${lpad(wan(x.budgetFen), 14)}${lpad(wan(x.paidFen), 14)}${lpad(x.rate ? `${x.rate}%` : '—', 9)}${lpad(x.planRate ? `${x.planRate}%` : '—', 9)}${lpad(x.forecastRate ? `${x.forecastRate}%` : '—', 9)}  ${x.warnings.map((w) => (w.kind === 'below-floor' ? '低于进度要求' : '偏离计划')).join('、')}`;
  for (const p of ex.projects) lines.push(line(p.name, p));
  lines.push(line('合计', ex.total));
  if (ex.warnings.length) {
    lines.push('', '预警：');
    for (const w of ex.warnings) lines.push(`  ${w.name}：${w.warning.message}`);
  }
  return lines.join('\n') + '\n';
}

/** The budget of `doc` in the workspace (matched by unit, year and kind), imported when absent. */
export async function budgetIdIn(ws: Workspace, doc: BudgetDocument, budgetFile: string): Promise<string> {
  const hit = (await ws.listBudgets()).find((b) => b.unitName === doc.unit.name && b.year === doc.year && b.kind === doc.kind);
  if (hit) return hit.id;
  return (await ws.importDocument(await readInputFile(budgetFile, DEFAULT_LIMITS.body.import, 'body.import'), basename(budgetFile), { author: 'fiscus payments', actor: 'cli' })).budgetId;
}

export function registerPayments(program: Command): void {
  const cmd = program.command('payments').description('支付明细 / payments against the budget');
  cmd
    .command('import <budget-file> <payments-file>')
    .description('导入支付明细（CSV/XLSX）并输出预算执行情况 / import payments and print the execution summary')
    .option('--as-of <date>', '统计截止日期 YYYY-MM-DD（默认今天或年末）')
    .option('-d, --data <dir>', '存入该 PGlite 数据目录的工作区（DATABASE_URL 选择 PostgreSQL）')
    .option('--replace', '替换该预算已有的支付明细')
    .option('--force', '该文件已导入过时仍再次存入（默认不重复存储）')
    .action(async (budgetFile: string, paymentsFile: string, o: { asOf?: string; data?: string; replace?: boolean; force?: boolean }) => {
      const { doc, payments } = await loadBudgetAndPayments(budgetFile, paymentsFile);
      const asOf = o.asOf ?? defaultAsOf(doc.year);
      if (o.data !== undefined || process.env['DATABASE_URL']) {
        const databaseUrl = process.env['DATABASE_URL'];
        const ws = await openWorkspace(databaseUrl ? { databaseUrl } : { dataDir: resolve(o.data!) });
        try {
          const id = await budgetIdIn(ws, doc, budgetFile);
          const f = followOf(ws);
          const r = await f.importPayments(id, await readBytes(paymentsFile), basename(paymentsFile), { replace: o.replace ?? false, force: o.force ?? false, actor: 'cli' });
          // Idempotent: the same file again stores nothing and exits 0, saying so (--force stores it again).
          if (r.alreadyImported) process.stdout.write(`未重复存储：${basename(paymentsFile)} 已导入过预算 ${id}（内容相同，sha256 ${r.sha256.slice(0, 12)}…）；如需再次存入请加 --force\n\n`);
          else process.stdout.write(`已存入预算 ${id}：${r.imported} 笔支付，合计 ${wan(r.totalFen)} 万元${r.replaced ? `（替换原有 ${r.replaced} 笔）` : ''}\n\n`);
          process.stdout.write(executionText(await f.execution(id, asOf)));
        } finally {
          await ws.close();
        }
        return;
      }
      process.stdout.write(`${basename(paymentsFile)}：${payments.length} 笔支付，合计 ${wan(payments.reduce((s, p) => s + p.fen, 0))} 万元（未存储；用 --data 存入工作区）\n\n`);
      process.stdout.write(executionText(buildExecution(doc, payments, asOf)));
    });
}
