import type { Command } from 'commander';
import { fileURLToPath } from 'node:url';
import { importFile } from '../app/index.js';
import { formatAmount } from '../domain/money.js';

export const BUNDLED_SAMPLE = fileURLToPath(new URL('../../samples/shenzhen-futian-data-center-2021-dept-budget.txt', import.meta.url));

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('导入内置样例并显示摘要 / import the bundled sample and print its summary')
    .action(async () => {
      const doc = await importFile(BUNDLED_SAMPLE);
      const t1 = doc.tables.find((t) => t.no === 1);
      const total = t1?.rows.find((r) => r.side === 'revenue' && r.kind === 'total');
      const fen = total ? Object.values(total.amounts)[0]?.fen : undefined;
      process.stdout.write(
        `${doc.unit.name} ${doc.year}年${doc.kind}\n` +
          `  收入总计 ${fen !== undefined ? formatAmount(fen) : '—'} 万元\n` +
          `  表格 ${doc.tables.length + (doc.departmentTargets ? 1 : 0)} 张，项目绩效目标申报表 ${doc.projectForms.length} 张，叙述事实 ${doc.narrative.facts.length} 项\n`,
      );
    });
}
