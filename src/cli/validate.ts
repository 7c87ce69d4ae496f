import type { Command } from 'commander';
import { basename } from 'node:path';
import { failOnOption, textOrJsonOption } from './report-options.js';
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
      const format = textOrJsonOption(opts.format);
      const failOn = failOnOption(opts.failOn);
      // The file goes to the parser thread first (it starts, loads the importers and reads the file), and this
      // thread loads the rules meanwhile (a few hundred modules): on 2 cores neither waits for the other.
      const { importFileIsolated } = await import('../app/isolation/pool.js');
      const reading = importFileIsolated(file);
      // Awaited below; a refusal arriving while the rules load is not an unhandled rejection meanwhile.
      reading.catch(() => undefined);
      const { failsAt, formatText, toJsonReport, validateDocument } = await import('../app/validate.js');
      const report = validateDocument(await reading);
      process.stdout.write(format === 'json' ? JSON.stringify(toJsonReport(report), null, 2) + '\n' : formatText(report, basename(file)));
      validateOutcome.exitCode = failsAt(report, failOn) ? 1 : 0;
    });
}
