/** `fiscus evaluate <budget-file> --payments <csv> --actuals <actuals.json> [--format text|html|xlsx|pdf -o path]`. */
import type { Command } from 'commander';
import { basename } from 'node:path';
import { buildEvaluation, parseActualsFile, renderFollow, wan, type EvaluationReport } from '../app/follow.js';
import { checkFormat, emit } from './monitor.js';
import { loadBudgetAndPayments, readBytes } from './payments.js';

function evaluationText(r: EvaluationReport): string {
  const o = r.overall;
  const out = [`${r.unitName} ${r.year}年 项目支出绩效自评`, `预算 ${wan(o.budgetFen)} 万元，支出 ${wan(o.paidFen)} 万元，执行率 ${o.rate ?? '—'}%；加权平均得分 ${o.score}（${o.grade}）`, ''];
  for (const p of r.projects) {
    const e = p.evaluation;
    out.push(
      `${p.name}：执行率 ${p.execution.rate ?? '—'}%，得分 ${e.total}（${e.grade}）= 执行 ${e.byCategory.execution} + 产出 ${e.byCategory.output} + 效益 ${e.byCategory.effect} + 满意度 ${e.byCategory.satisfaction}`,
    );
    for (const i of e.indicators.filter((x) => x.needsExplanation)) {
      out.push(`    未完全达成：${i.indicator.name}（达成率 ${i.ratio}）${i.missing.length ? `【待补充：${i.missing.map((m) => (m === 'reason' ? '偏差原因' : '改进措施')).join('、')}】` : ''}`);
    }
  }
  return out.join('\n') + '\n';
}

export function registerEvaluate(program: Command): void {
  program
    .command('evaluate <budget-file>')
    .description('年终绩效自评（得分与等级）/ year-end self-evaluation')
    .requiredOption('--payments <file>', '支付明细 CSV/XLSX')
    .requiredOption('--actuals <file>', '指标实际完成值 JSON')
    .option('--format <format>', 'text | html | xlsx | pdf', 'text')
    .option('-o, --output <path>', '输出文件')
    .action(async (budgetFile: string, o: { payments: string; actuals: string; format: string; output?: string }) => {
      const format = checkFormat(o.format, o.output);
      const { doc, payments } = await loadBudgetAndPayments(budgetFile, o.payments);
      const actuals = parseActualsFile(doc, await readBytes(o.actuals), basename(o.actuals));
      const report = buildEvaluation(doc, payments, actuals);
      if (format === 'text') return emit(evaluationText(report), o.output);
      const out = await renderFollow({ kind: 'evaluation', report }, format);
      await emit(out.body, o.output);
    });
}
