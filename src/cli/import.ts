import type { Command } from 'commander';
import { basename } from 'node:path';
import { importFileIsolated } from '../app/index.js';
import { coverageLine, coverageSummary, formatCoverageText } from '../app/validate.js';
import type { Profile } from '../domain/model.js';
import { writeAtomic } from './io.js';

/**
 * Registers `fiscus import <file> [-o out.json] [--profile p] [--coverage]`. The JSON carries the
 * document's coverage (`coverage`); with -o a one-line summary goes to standard error, and
 * --coverage prints the coverage in full (in Chinese, as `fiscus validate` does) to standard error.
 */
export function registerImport(program: Command): void {
  program
    .command('import <file>')
    .description('导入披露文件（.txt/.pdf/.xlsx/.json）为规范 JSON / import a disclosure to the canonical JSON')
    .option('-o, --output <path>', 'write the canonical JSON here (default: standard output)')
    .option('--profile <profile>', 'layout profile: generic | shenzhen-dept-budget | shanghai-budget | shanghai-final-accounts')
    .option('--coverage', '在标准错误输出覆盖情况：识别的表格、金额召回率、未定位金额、缺少的表格、未能读取的部分 / print the coverage to standard error')
    .action(async (file: string, opts: { output?: string; profile?: Profile; coverage?: boolean }) => {
      const doc = await importFileIsolated(file, opts.profile ? { profile: opts.profile } : {});
      const json = JSON.stringify(doc, null, 2) + '\n';
      const coverage = coverageSummary(doc);
      if (opts.output) await writeAtomic(opts.output, json);
      else process.stdout.write(json);
      if (opts.coverage) process.stderr.write(formatCoverageText(coverage, basename(file)).join('\n') + '\n');
      if (opts.output) {
        process.stderr.write(`${opts.output}: ${doc.unit.name} ${doc.year} ${doc.kind}, ${coverageLine(coverage, doc.projectForms.length)}\n`);
      }
    });
}
