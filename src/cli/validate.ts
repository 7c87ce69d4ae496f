import type { Command } from 'commander';
import { basename } from 'node:path';
import type { FailOn } from '../app/validate.js';
import { FiscusError } from '../domain/errors.js';
import { validateOutcome } from './exit-codes.js';

// Kept here too for the commands that set it (audit); it lives in exit-codes.ts, which main.ts reads
// without loading this command.
export { validateOutcome };

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
      // The parser thread starts loading now, while this thread loads the rules (2 cores: a third off the wall time).
      (await import('../app/isolation/pool.js')).parsePool().warm();
      const { failsAt, formatText, toJsonReport, validateFile } = await import('../app/validate.js');
      const report = await validateFile(file);
      process.stdout.write(opts.format === 'json' ? JSON.stringify(toJsonReport(report), null, 2) + '\n' : formatText(report, basename(file)));
      validateOutcome.exitCode = failsAt(report, opts.failOn as FailOn) ? 1 : 0;
    });
}
