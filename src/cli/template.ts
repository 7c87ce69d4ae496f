import type { Command } from 'commander';
import { buildTemplateFile } from '../app/template.js';
import { FiscusError } from '../domain/errors.js';
import { writeAtomic } from './io.js';

/** Registers `fiscus template -o budget.xlsx [--from <file>] [--year 2025]`. */
export function registerTemplate(program: Command): void {
  program
    .command('template')
    .description('生成 XLSX 编制模板（可由已有文档填充）/ write the XLSX authoring template')
    .requiredOption('-o, --output <path>', '输出 .xlsx 文件 / the .xlsx to write')
    .option('--from <file>', '用已有文档（.txt/.pdf/.json/.xlsx）填充 / fill from an existing document')
    .option('--year <year>', '空模板的预算年度（决定代码表）/ budget year of an empty template')
    .action(async (opts: { output: string; from?: string; year?: string }) => {
      if (!/\.xlsx$/i.test(opts.output))
        throw new FiscusError('INPUT_INVALID', `输出文件应以 .xlsx 结尾，实为 ${JSON.stringify(opts.output)} (expected an output path ending in .xlsx, found ${JSON.stringify(opts.output)})`);
      let year: number | undefined;
      if (opts.year !== undefined) {
        year = Number(opts.year);
        if (!Number.isInteger(year) || year < 1990 || year > 2100)
          throw new FiscusError('INPUT_INVALID', `--year 应为 1990–2100 的年份，实为 ${JSON.stringify(opts.year)} (expected --year 1990–2100, found ${JSON.stringify(opts.year)})`);
      }
      const bytes = await buildTemplateFile({ ...(opts.from ? { from: opts.from } : {}), ...(year !== undefined ? { year } : {}) });
      await writeAtomic(opts.output, bytes);
      process.stderr.write(`${opts.output}: 模板已生成${opts.from ? `（来自 ${opts.from}）` : ''}\n`);
    });
}
