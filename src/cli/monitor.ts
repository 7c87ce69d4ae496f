/** `fiscus monitor <budget-file> --payments <csv> [--entries monitoring.json] [--as-of …] [--format text|html|xlsx|pdf -o path]`. */
import type { Command } from 'commander';
import { basename } from 'node:path';
import { buildMonitoring, parseMonitoringFile, renderFollow, type MonitoringReport } from '../app/follow.js';
import { FiscusError } from '../domain/errors.js';
import { writeAtomic } from './io.js';
import { executionText, loadBudgetAndPayments, readBytes } from './payments.js';

const FORMATS = ['text', 'html', 'xlsx', 'pdf'] as const;

/** Checks `--format` and `-o`: binary formats need an output file. */
export function checkFormat(format: string, output: string | undefined): (typeof FORMATS)[number] {
  if (!(FORMATS as readonly string[]).includes(format))
    throw new FiscusError('INPUT_INVALID', `--format 应为 text、html、xlsx 或 pdf，实为 ${JSON.stringify(format)} (expected --format text|html|xlsx|pdf, found ${JSON.stringify(format)})`);
  if ((format === 'xlsx' || format === 'pdf') && !output)
    throw new FiscusError('INPUT_INVALID', `--format ${format} 须用 -o <路径> 指定输出文件 (expected -o <path> for --format ${format}, found none)`);
  return format as (typeof FORMATS)[number];
}

/** Writes a rendered document to `output` or standard output. */
export async function emit(body: Uint8Array | string, output: string | undefined): Promise<void> {
  if (output) await writeAtomic(output, body);
  else process.stdout.write(body);
}

function monitoringText(r: MonitoringReport): string {
  const out = [executionText(r.execution)];
  const list = [...(r.department ? [{ name: '部门整体（表14）', rows: r.department.rows }] : []), ...r.projects.map((p) => ({ name: p.execution.name, rows: p.rows }))];
  out.push('指标偏差：');
  let n = 0;
  for (const p of list) {
    for (const row of p.rows) {
      if (!row.check.triggers.length && !row.check.missing.length) continue;
      n++;
      const miss = row.check.missing.length ? `  【待填写：${row.check.missing.join('、')}】` : '';
      out.push(
        `  ${p.name} / ${row.indicator.name}：${row.check.triggers.join('；') || '未填写'}${row.entry.reason ? `；原因 ${row.entry.reason}` : ''}${row.entry.action ? `；措施 ${row.entry.action}` : ''}${miss}`,
      );
    }
  }
  if (n === 0) out.push('  无');
  return out.join('\n') + '\n';
}

export function registerMonitor(program: Command): void {
  program
    .command('monitor <budget-file>')
    .description('绩效运行监控表（预算执行与指标完成“双监控”）/ mid-year monitoring table')
    .requiredOption('--payments <file>', '支付明细 CSV/XLSX')
    .option('--entries <file>', '监控填报 JSON（指标完成情况、可能性、偏差原因、纠偏措施）')
    .option('--as-of <date>', '监控时点 YYYY-MM-DD（默认填报文件的日期，否则 8 月 31 日）')
    .option('--format <format>', 'text | html | xlsx | pdf', 'text')
    .option('-o, --output <path>', '输出文件')
    .action(async (budgetFile: string, o: { payments: string; entries?: string; asOf?: string; format: string; output?: string }) => {
      const format = checkFormat(o.format, o.output);
      const { doc, payments } = await loadBudgetAndPayments(budgetFile, o.payments);
      const m = o.entries ? parseMonitoringFile(doc, await readBytes(o.entries), basename(o.entries)) : { asOf: null, entries: {} };
      const asOf = o.asOf ?? m.asOf ?? `${doc.year}-08-31`;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number(asOf.slice(0, 4)) !== doc.year)
        throw new FiscusError(
          'INPUT_INVALID',
          `--as-of 应为 ${doc.year} 年内的日期 YYYY-MM-DD，实为 ${JSON.stringify(asOf)} (expected --as-of YYYY-MM-DD in ${doc.year}, found ${JSON.stringify(asOf)})`,
        );
      const report = buildMonitoring(doc, payments, m.entries, asOf);
      if (format === 'text') return emit(monitoringText(report), o.output);
      const out = await renderFollow({ kind: 'monitoring', report }, format);
      await emit(out.body, o.output);
    });
}
