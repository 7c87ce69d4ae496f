import type { Command } from 'commander';
import { importFile } from '../app/index.js';
import type { Profile } from '../domain/model.js';
import { writeAtomic } from './io.js';

export function registerImport(program: Command): void {
  program
    .command('import <file>')
    .description('导入披露文件（.txt/.pdf/.xlsx/.json）为规范 JSON / import a disclosure to the canonical JSON')
    .option('-o, --output <path>', 'write the canonical JSON here (default: standard output)')
    .option('--profile <profile>', 'layout profile: shenzhen-dept-budget | shanghai-budget | shanghai-final-accounts')
    .action(async (file: string, opts: { output?: string; profile?: Profile }) => {
      const doc = await importFile(file, opts.profile ? { profile: opts.profile } : {});
      const json = JSON.stringify(doc, null, 2) + '\n';
      if (opts.output) {
        await writeAtomic(opts.output, json);
        process.stderr.write(`${opts.output}: ${doc.unit.name} ${doc.year} ${doc.kind}, ${doc.tables.length} tables, ${doc.projectForms.length} project forms\n`);
      } else process.stdout.write(json);
    });
}
