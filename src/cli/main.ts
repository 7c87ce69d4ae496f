/** fiscus command line: one file per command; errors mapped to exit codes in one place. */
import { Command, CommanderError, Help } from 'commander';
import { FiscusError } from '../domain/errors.js';
import { EXIT, validateOutcome } from './exit-codes.js';
import { removeStaleTemps } from './io.js';
import { guardProcess } from '../app/process-guard.js';
import { closePdfBrowsers } from '../app/pdf-browsers.js';
import { parseInForeground } from '../app/isolation/thread-priority.js';

/**
 * The commands, in the order `fiscus --help` lists them. Each module is imported only when its command
 * runs (or its own help is asked for), so `fiscus --help`, `--version` and every command load no code of
 * the others (pdfjs, exceljs, echarts, PGlite, Chromium…: test/cli/lazy-load.test.ts). `term` and
 * `summary` are what the top-level help shows without loading the module; main.test.ts checks that they
 * are what the module registers. A module that registers several commands is named by each of them.
 */
const COMMANDS: Record<string, { term: string; summary: string; load: () => Promise<(program: Command) => void> }> = {
  import: {
    term: 'import [options] <file>',
    summary: '导入披露文件（.txt/.pdf/.xlsx/.json）为规范 JSON / import a disclosure to the canonical JSON',
    load: async () => (await import('./import.js')).registerImport,
  },
  start: { term: 'start [options]', summary: '启动 fiscus（./data，首次运行导入内置样例，端口 8080 或 PORT）/ serve with defaults', load: async () => (await import('./start.js')).registerStart },
  validate: { term: 'validate [options] <file>', summary: '校验预算文档 / check a budget against every identity it must satisfy', load: async () => (await import('./validate.js')).registerValidate },
  reconcile: {
    term: 'reconcile [options] <budget> <final>',
    summary: '预算与决算核对（同一单位、同一年度）/ reconcile a budget with its final account',
    load: async () => (await import('./reconcile.js')).registerReconcile,
  },
  report: { term: 'report [options] <file>', summary: '生成公开文本（HTML/XLSX/PDF/Markdown）/ publish the disclosure package', load: async () => (await import('./report.js')).registerReport },
  export: {
    term: 'export [options] <file>',
    summary: '开放数据：财政数据包（Fiscal Data Package，ZIP）或一张表格的 CSV / open data: a Fiscal Data Package or one table as CSV',
    load: async () => (await import('./export.js')).registerExport,
  },
  serve: { term: 'serve [options]', summary: '启动 Web 应用与 HTTP API / serve the web app and the HTTP API', load: async () => (await import('./serve.js')).registerServe },
  template: { term: 'template [options]', summary: '生成 XLSX 编制模板（可由已有文档填充）/ write the XLSX authoring template', load: async () => (await import('./template.js')).registerTemplate },
  audit: {
    term: 'audit [options] <paths...>',
    summary: '批量审核：导入并校验文件夹中的全部文档，生成跨文档报告 / check a batch of documents',
    load: async () => (await import('./audit.js')).registerAudit,
  },
  payments: { term: 'payments', summary: '支付明细 / payments against the budget', load: async () => (await import('./payments.js')).registerPayments },
  monitor: {
    term: 'monitor [options] <budget-file>',
    summary: '绩效运行监控表（预算执行与指标完成“双监控”）/ mid-year monitoring table',
    load: async () => (await import('./monitor.js')).registerMonitor,
  },
  evaluate: { term: 'evaluate [options] <budget-file>', summary: '年终绩效自评（得分与等级）/ year-end self-evaluation', load: async () => (await import('./evaluate.js')).registerEvaluate },
  org: { term: 'org', summary: '机构树（财政局 → 主管部门 → 所属单位）/ the organisation tree', load: async () => (await import('./accounts.js')).registerAccounts },
  user: { term: 'user', summary: '用户 / users', load: async () => (await import('./accounts.js')).registerAccounts },
  token: { term: 'token', summary: 'API 令牌（Authorization: Bearer）/ API tokens', load: async () => (await import('./accounts.js')).registerAccounts },
  log: { term: 'log', summary: '审计日志 / the audit log (a hash chain of every write)', load: async () => (await import('./log.js')).registerLog },
  worker: {
    term: 'worker [options]',
    summary: '处理任务队列（批量审核、PDF 批量打印）：任意机器上连接同一 PostgreSQL（DATABASE_URL）/ work the job queue',
    load: async () => (await import('./worker.js')).registerWorker,
  },
};

/** The command `argv` runs (or asks help for: `help <command>`), if it names one. */
function commandOf(argv: readonly string[]): string | undefined {
  const words: string[] = [];
  for (const a of argv) {
    // `fiscus --help import` is the top-level help, as commander reads it.
    if (words.length === 0 && ['-h', '--help', '-V', '--version'].includes(a)) return undefined;
    if (!a.startsWith('-')) words.push(a);
  }
  const name = words[0] === 'help' ? words[1] : words[0];
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? name : undefined;
}

/**
 * The program for `argv`: the one command it names, registered in full by its module; otherwise (the
 * top-level help, --version, an unknown command) every command as a name and a summary only.
 */
export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command('fiscus')
    .description('fiscus — 部门预算与绩效管理 / department budgets and their performance management')
    .version('0.1.0')
    .exitOverride()
    // A command that writes -o/--output first removes the temp files a killed earlier run left there (io.ts).
    .hook('preAction', (_program, command) => {
      const output: unknown = command.opts().output;
      if (typeof output === 'string') removeStaleTemps(output);
    });
  const name = commandOf(argv);
  if (name !== undefined) {
    (await COMMANDS[name]!.load())(program);
    return program;
  }
  const terms = new Map<Command, string>();
  for (const [n, c] of Object.entries(COMMANDS)) terms.set(program.command(n).description(c.summary), c.term);
  const help = new Help();
  program.configureHelp({ subcommandTerm: (c) => terms.get(c) ?? help.subcommandTerm(c) });
  return program;
}

/** Every command registered in full by its module (main.test.ts compares them with the summaries). */
export async function fullProgram(): Promise<Command> {
  const program = new Command('fiscus');
  const loaded = new Set<(program: Command) => void>();
  for (const c of Object.values(COMMANDS)) {
    const register = await c.load();
    if (!loaded.has(register)) register(program);
    loaded.add(register);
  }
  return program;
}

/** The commands that run a server or a job worker: their parser threads stay in the background (thread-priority.ts). */
const SERVING = new Set(['serve', 'start', 'worker']);

/**
 * `fiscus audit` starts its worker threads first, so that they load their code while this thread loads the
 * command's modules and finds the documents; not for its help, which reads no document.
 */
export function startsAuditThreads(argv: readonly string[]): boolean {
  return commandOf(argv) === 'audit' && !argv.some((a) => a === '--help' || a === '-h');
}

/**
 * `fiscus start` and `fiscus serve` on PGlite (no DATABASE_URL) start the PGlite thread first, so that it
 * loads PGlite and compiles its WebAssembly while this thread loads the server's modules
 * (storage/pglite-prestart.ts); not for their help, which opens no database.
 */
export function prestartsPglite(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  const name = commandOf(argv);
  // `fiscus help start` names the command after `help`: its help, no server.
  const runs = name !== undefined && argv.find((a) => !a.startsWith('-')) === name;
  return runs && (name === 'start' || name === 'serve') && !env['DATABASE_URL'] && !argv.some((a) => a === '--help' || a === '-h');
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  if (prestartsPglite(argv)) (await import('../app/pglite-prestart.js')).prestartPglite();
  guardProcess();
  const name = commandOf(argv);
  // A command that waits for its parse gets it done at its own priority, not below every other process.
  if (name === undefined || !SERVING.has(name)) parseInForeground();
  // A command checks one or two documents: without zod's compiled parsers (schema-mode.ts), chosen before its module loads the model.
  if (name !== undefined && !SERVING.has(name)) (await import('../app/isolation/schema-mode.js')).checkSchemasWithoutCompiling();
  if (startsAuditThreads(argv)) (await import('../app/audit-pool.js')).prestartAuditPool();
  try {
    validateOutcome.exitCode = 0;
    await (await buildProgram(argv)).parseAsync(argv, { from: 'user' });
    // validate exits 1 when a finding reaches --fail-on; other commands leave it at 0.
    return validateOutcome.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof FiscusError) {
      // The compiler's `file:line: message`, and the stable code for programs beside it (as the web's titles).
      process.stderr.write(`${e.oneLine()}（${e.code}）\n`);
      return EXIT[e.code];
    }
    process.stderr.write(`内部错误（INTERNAL）：${(e as Error).stack ?? String(e)}\n`);
    return 4;
  } finally {
    // A command that printed PDFs exits now rather than after the shared browser's idle close.
    await closePdfBrowsers();
  }
}
