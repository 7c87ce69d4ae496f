import type { Command } from 'commander';
import { basename } from 'node:path';
import { failOnOption, textOrJsonOption } from './report-options.js';
import { FiscusError } from '../domain/errors.js';
import { validateOutcome } from './exit-codes.js';

/** Registers `fiscus reconcile <budget> <final> [--format text|json] [--fail-on …] [--deviation N]`. */
export function registerReconcile(program: Command): void {
  program
    .command('reconcile <budget> <final>')
    .description('预算与决算核对（同一单位、同一年度）/ reconcile a budget with its final account')
    .option('--format <format>', 'text | json', 'text')
    .option('--fail-on <level>', 'exit 1 when a finding is at or above: error | warning | never', 'error')
    .option('--deviation <percent>', '决算数偏离预算数超过此百分比须说明原因 / a larger deviation must be explained', '10')
    .action(async (budget: string, final: string, opts: { format: string; failOn: string; deviation: string }) => {
      const format = textOrJsonOption(opts.format);
      const failOn = failOnOption(opts.failOn);
      const { formatReconcileText, parseDeviationPercent, reconcileFiles, toJsonReconcile } = await import('../app/reconcile.js');
      const { failsAt } = await import('../app/validate.js');
      const deviationPercent = parseDeviationPercent(opts.deviation);
      if (deviationPercent === null) {
        throw new FiscusError(
          'INPUT_INVALID',
          `--deviation 应为 0–1000 之间的百分数（至多两位小数），实为 ${JSON.stringify(opts.deviation)} (expected a percentage, found ${JSON.stringify(opts.deviation)})`,
        );
      }
      (await import('../app/isolation/pool.js')).parsePool().warm();
      const report = await reconcileFiles(budget, final, { deviationPercent });
      process.stdout.write(format === 'json' ? JSON.stringify(toJsonReconcile(report), null, 2) + '\n' : formatReconcileText(report, basename(budget), basename(final)));
      validateOutcome.exitCode = failsAt(report, failOn) ? 1 : 0;
    });
}
