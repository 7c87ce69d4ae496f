import type { PairItem, PairRule } from '../types.js';
import { deviationPercent, figureFields, isLargeDeviation, show } from '../figures.js';
import { placeOf, unexplained, unknownReason } from '../where.js';

/** The items a final account's narrative explains against the budget: the general budget's total and each 项. */
function explainedItem(it: PairItem): boolean {
  return it.kind === 'general-total' || (it.kind === 'function' && it.level === 3);
}

/**
 * An adjusted budget (调整预算数 / 全年预算数, a column of the national template's 一般公共预算财政拨款支出
 * 决算表) that differs from the published budget by more than the threshold (10 % of the budget by
 * default; any amount against a budget of 0) is explained by the final account's narrative: a comparison
 * of the item that gives a reason.
 */
export const rule: PairRule = {
  id: 'REC-005',
  title: 'A large adjustment of the budget is explained',
  titleZh: '调整预算数与公开的预算数差异较大的，决算说明应说明原因',
  severity: 'warning',
  category: 'final-accounts',
  basis: '部门决算公开说明：按项级科目说明年初预算数与决算数的差异及原因；调整预算数偏离公开的年初预算较大的，同样应有说明（差异阈值为地方惯例，默认预算数的10%）',
  check(pair, ctx) {
    for (const it of pair.items) {
      if (!explainedItem(it)) continue;
      for (const a of it.adjusted.filter((x) => x.part === 'total')) {
        const b = it.budget;
        if (!b) {
          if (a.fen === 0 && !a.unknown) continue;
          ctx.notChecked({
            item: it.key,
            location: a.location,
            budgetLocation: null,
            reason: `${pair.budget.kind}未列示“${it.name}”的预算数，${placeOf(a)}所列调整预算数 ${show(pair, a.fen)} 的调整无从计算`,
          });
          continue;
        }
        if (a.unknown || b.unknown) {
          ctx.notChecked({ item: it.key, location: a.location, budgetLocation: b.location, reason: b.unknown ? unknownReason(pair, 'budget', b) : unknownReason(pair, 'final', a) });
          continue;
        }
        if (!isLargeDeviation(b.fen, a.fen, pair.deviationPercent)) continue;
        const said = unexplained(it);
        if (said === null) continue;
        const diff = a.fen - b.fen;
        const pct = deviationPercent(b.fen, a.fen);
        const change = `${diff > 0 ? '调增' : '调减'} ${show(pair, Math.abs(diff))}${pct ? `（${pct.abs().toFixed(2)}%）` : '（预算数为 0）'}`;
        ctx.report({
          message: `${it.name}：${pair.final.kind}${placeOf(a)}所列调整预算数 ${show(pair, a.fen)}，比${pair.budget.kind} ${show(pair, b.fen)}${change}，超过预算数的 ${pair.deviationPercent}%，${said}`,
          item: it.key,
          location: a.location,
          budgetLocation: b.location,
          ...figureFields(pair, b.fen, a.fen),
        });
      }
    }
  },
};
