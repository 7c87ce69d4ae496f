import type { Command } from 'commander';
import { basename } from 'node:path';
import { failsAt, formatText, toJsonReport, validateFile, type FailOn } from '../app/validate.js';
import { FiscusError } from '../domain/errors.js';

/** Exit code of the last `fiscus validate` run (commander actions cannot return one). */
export const validateOutcome = { exitCode: 0 };

/** Registers `fiscus validate <file> [--format text|json] [--fail-on error|warning|never]`. */
export function registerValidate(program: Command): void {
  program
    .command('validate <file>')
    .description('校验预算文档 / check a budget against every identity it must satisfy')
    .option('--format <format>', 'text | json', 'text')
    .option('--fail-on <level>', 'exit 1 when a finding is at or above: error | warning | never', 'error')
    .action(async (file: string, opts: { format: string; failOn: string }) => {
      if (opts.format !== 'text' && opts.format !== 'json') {
        throw new FiscusError('INPUT_INVALID', `--format 应为 text 或 json，实为 ${JSON.stringify(opts.format)} (expected --format text or json, found ${JSON.stringify(opts.format)})`);
      }
      if (!['error', 'warning', 'never'].includes(opts.failOn)) {
        throw new FiscusError('INPUT_INVALID', `--fail-on 应为 error、warning 或 never，实为 ${JSON.stringify(opts.failOn)} (expected --fail-on error, warning or never, found ${JSON.stringify(opts.failOn)})`);
      }
      const report = await validateFile(file);
      process.stdout.write(opts.format === 'json' ? JSON.stringify(toJsonReport(report), null, 2) + '\n' : formatText(report, basename(file)));
      validateOutcome.exitCode = failsAt(report, opts.failOn as FailOn) ? 1 : 0;
    });
}
