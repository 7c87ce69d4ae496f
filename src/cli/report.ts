import type { Command } from 'commander';
import { REPORT_FORMATS, reportFile, type ReportFormat } from '../app/report.js';
import { FiscusError } from '../domain/errors.js';
import { writeAtomic } from './io.js';

/** The progress lines of a PDF report, per step of reportFile. */
const STEP_LABELS: Record<string, string> = { import: '导入', check: '校验', 'render HTML': '生成 HTML', 'print PDF': '打印 PDF' };

/** Registers `fiscus report <file> --format html|xlsx|pdf|md -o <path>`. */
export function registerReport(program: Command): void {
  program
    .command('report <file>')
    .description('生成公开文本（HTML/XLSX/PDF/Markdown）/ publish the disclosure package')
    .requiredOption('--format <format>', `output format: ${REPORT_FORMATS.join(' | ')}`)
    .option('-o, --output <path>', 'write the package here (Markdown and HTML default to standard output)')
    .option('--findings', 'run the checks and add their findings as an appendix')
    .option('--no-front-matter', 'leave out the cover page and the table of contents')
    .option('--no-charts', 'leave out the chart appendix')
    .action(async (file: string, opts: { format: string; output?: string; findings?: boolean; frontMatter: boolean; charts: boolean }) => {
      if (!(REPORT_FORMATS as readonly string[]).includes(opts.format)) {
        throw new FiscusError(
          'INPUT_INVALID',
          `--format 应为 ${REPORT_FORMATS.join('、')} 之一，实为 ${JSON.stringify(opts.format)} (expected --format ${REPORT_FORMATS.join('|')}, found ${JSON.stringify(opts.format)})`,
        );
      }
      const format = opts.format as ReportFormat;
      if (!opts.output && (format === 'pdf' || format === 'xlsx')) {
        throw new FiscusError('INPUT_INVALID', `--format ${format} 须用 -o <路径> 指定输出文件：二进制内容不写到终端 (expected -o <path> for --format ${format}, found none)`);
      }
      const steps = ['import', ...(opts.findings ? ['check'] : []), ...(format === 'pdf' ? ['render HTML', 'print PDF'] : [])];
      let i = 0;
      const onStep = (step: string) => {
        i++;
        // Progress only for PDF, the slow one; a line per step so logs stay readable when not a TTY.
        if (format === 'pdf') process.stderr.write(`[${i}/${steps.length}] ${STEP_LABELS[step] ?? step}…\n`);
      };
      const out = await reportFile(file, { format, withFindings: opts.findings === true, frontMatter: opts.frontMatter, charts: opts.charts, onStep });
      if (opts.output) {
        await writeAtomic(opts.output, out);
        process.stderr.write(`${opts.output}: 已写入 ${format.toUpperCase()}\n`);
      } else process.stdout.write(out);
    });
}
