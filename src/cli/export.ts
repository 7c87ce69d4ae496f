import type { Command } from 'commander';
import { exportFile, OPEN_DATA_FORMATS, type OpenDataFormat } from '../app/open-data.js';
import { FiscusError } from '../domain/errors.js';
import { writeAtomic } from './io.js';

/** Registers `fiscus export <file> --format fdp|csv [--table <id>] [-o <path>]`. */
export function registerExport(program: Command): void {
  program
    .command('export <file>')
    .description('开放数据：财政数据包（Fiscal Data Package，ZIP）或一张表格的 CSV / open data: a Fiscal Data Package or one table as CSV')
    .requiredOption('--format <format>', `output format: ${OPEN_DATA_FORMATS.join(' | ')}`)
    .option('--table <id>', '--format csv 的表格：编号（t7）或表号（7）/ the table for --format csv: its id (t7) or printed number (7)')
    .option('-o, --output <path>', 'write here (a CSV defaults to standard output; a package needs -o)')
    .action(async (file: string, opts: { format: string; table?: string; output?: string }) => {
      if (!(OPEN_DATA_FORMATS as readonly string[]).includes(opts.format)) {
        throw new FiscusError(
          'INPUT_INVALID',
          `--format 应为 ${OPEN_DATA_FORMATS.join('、')} 之一，实为 ${JSON.stringify(opts.format)} (expected --format ${OPEN_DATA_FORMATS.join('|')}, found ${JSON.stringify(opts.format)})`,
        );
      }
      const format = opts.format as OpenDataFormat;
      if (format === 'fdp' && !opts.output) {
        throw new FiscusError('INPUT_INVALID', '--format fdp 须用 -o <路径> 指定输出文件：ZIP 不写到终端 (expected -o <path> for --format fdp, found none)');
      }
      if (format === 'fdp' && opts.table !== undefined) {
        throw new FiscusError('INPUT_INVALID', `--table 只用于 --format csv：财政数据包含全部表格 (expected no --table with --format fdp, found ${JSON.stringify(opts.table)})`);
      }
      const out = await exportFile(file, { format, ...(opts.table !== undefined ? { table: opts.table } : {}) });
      if (opts.output) {
        await writeAtomic(opts.output, out.body);
        process.stderr.write(`${opts.output}: 已写入${format === 'fdp' ? '财政数据包（ZIP）' : ' CSV'}\n`);
      } else process.stdout.write(out.body);
    });
}
