import type { Command } from 'commander';
import { extname } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { auditExitCode, auditWorkerCount, findDocuments, writeAuditReport } from '../app/audit.js';
import { takePrestartedPool } from '../app/audit-pool.js';
import { formatRecall } from '../app/validate.js';
import { FiscusError } from '../domain/errors.js';
import { validateOutcome } from './validate.js';
import { removeStaleTemps, tempFiles } from './io.js';
import { failOnOption } from './report-options.js';

/**
 * Registers `fiscus audit <files or folders…> -o report.html|.csv|.json [--fail-on] [--workers]`.
 * Exit 0 / 1 by the findings of the readable documents, 2 only when none could be read. The report is
 * written as the documents finish (app/audit.ts writeAuditReport), in the order the paths are found.
 */
export function registerAudit(program: Command): void {
  program
    .command('audit <paths...>')
    .description('批量审核：导入并校验文件夹中的全部文档，生成跨文档报告 / check a batch of documents')
    .requiredOption('-o, --output <path>', '报告文件：.html、.csv 或 .json / the report (.html, .csv or .json)')
    .option('--fail-on <level>', 'exit 1 when a readable document has a finding at or above: error | warning | never', 'error')
    .option('--workers <n>', `并行检查的线程数（默认为处理器核数 ${auditWorkerCount()}）/ worker threads (default: one per core)`)
    .action(async (paths: string[], opts: { output: string; failOn: string; workers?: string }) => {
      const format = extname(opts.output).toLowerCase();
      if (!['.html', '.csv', '.json'].includes(format))
        throw new FiscusError(
          'INPUT_INVALID',
          `报告文件（-o）应以 .html、.csv 或 .json 结尾，实为 ${JSON.stringify(opts.output)} (expected -o ending in .html, .csv or .json, found ${JSON.stringify(opts.output)})`,
        );
      const failOn = failOnOption(opts.failOn);
      const workers = opts.workers === undefined ? undefined : Number(opts.workers);
      if (workers !== undefined && (!Number.isInteger(workers) || workers < 0 || workers > 64))
        throw new FiscusError('INPUT_INVALID', `--workers 应为 0–64 的整数，实为 ${JSON.stringify(opts.workers)} (expected --workers 0–64, found ${JSON.stringify(opts.workers)})`);

      // The threads started as the command began (cli/main.ts), when it did; closed once the report is written.
      const pool = takePrestartedPool();
      let report: Awaited<ReturnType<typeof writeAuditReport>>;
      try {
        const files = await findDocuments(paths, [opts.output]);
        removeStaleTemps(opts.output);
        const bar = new SingleBar({ stream: process.stderr, format: '审核 [{bar}] {value}/{total} {file}', hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
        bar.start(files.length, 0, { file: '' });
        report = await writeAuditReport(files, opts.output, {
          ...(workers === undefined ? {} : { workers }),
          ...(pool ? { pool } : {}),
          failOn,
          onProgress: (done, _total, e) => bar.update(done, { file: e.file }),
          tempFiles,
        });
        bar.stop();
      } finally {
        await pool?.close();
      }

      const s = report.summary;
      const r = report.recalls;
      const coverage = r.count ? `；金额召回率平均 ${formatRecall(r.sum / r.count)}，最低 ${formatRecall(r.min)}` : '';
      process.stderr.write(`${opts.output}: ${s.documents} 份文件，可读取 ${s.readable}，无法读取 ${s.unreadable}；错误 ${s.error}，警告 ${s.warning}，提示 ${s.info}${coverage}\n`);
      for (const d of report.unreadable) process.stderr.write(`  无法读取 ${d.error.message.startsWith(d.file) ? '' : `${d.file}: `}${d.error.message}\n`);
      validateOutcome.exitCode = auditExitCode(report);
    });
}
