/** fiscus command line: one file per command; errors mapped to exit codes in one place. */
import { Command, CommanderError } from 'commander';
import { FiscusError } from '../domain/errors.js';
import { EXIT } from './exit-codes.js';
import { removeStaleTemps } from './io.js';
import { guardProcess } from '../app/process-guard.js';
import { closePdfBrowsers } from '../app/pdf-browsers.js';
import { registerImport } from './import.js';
import { registerStart } from './start.js';
import { registerValidate, validateOutcome } from './validate.js';
import { registerReport } from './report.js';
import { registerServe } from './serve.js';
import { registerTemplate } from './template.js';
import { registerAudit } from './audit.js';
import { registerPayments } from './payments.js';
import { registerMonitor } from './monitor.js';
import { registerEvaluate } from './evaluate.js';
import { registerAccounts } from './accounts.js';
import { registerLog } from './log.js';
import { registerWorker } from './worker.js';

export function buildProgram(): Command {
  const program = new Command('fiscus')
    .description('fiscus — 部门预算与绩效管理 / department budgets and their performance management')
    .version('0.1.0')
    .exitOverride()
    // A command that writes -o/--output first removes the temp files a killed earlier run left there (io.ts).
    .hook('preAction', (_program, command) => {
      const output: unknown = command.opts().output;
      if (typeof output === 'string') removeStaleTemps(output);
    });
  registerImport(program);
  registerStart(program);
  registerValidate(program);
  registerReport(program);
  registerServe(program);
  registerTemplate(program);
  registerAudit(program);
  registerPayments(program);
  registerMonitor(program);
  registerEvaluate(program);
  registerAccounts(program);
  registerLog(program);
  registerWorker(program);
  return program;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  guardProcess();
  try {
    validateOutcome.exitCode = 0;
    await buildProgram().parseAsync(argv, { from: 'user' });
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
