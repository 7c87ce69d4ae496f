import type { PairItem, PairRule } from '../types.js';
import { deviationPercent, figureFields, isLargeDeviation, show } from '../figures.js';
import { unexplained, unknownReason } from '../where.js';

/** The items whose 决算数 a final account's narrative explains against the budget: the general budget's total, each 项, “三公”经费. */
function explainedItem(it: PairItem): boolean {
  return it.kind === 'general-total' || (it.kind === 'function' && it.level === 3) || it.key === 'three-public:total';
}

/**
 * A 决算数 that deviates from the published budget by more than the threshold (10 % of the budget by
 * default; any amount against a budget of 0) is explained by the final account's narrative: a comparison
 * of the item that gives a reason ("决算数小于预算数的主要原因：…").
 */
export const rule: PairRule = {
  id: 'REC-002',
  title: 'A large deviation of the final figure from the budget is explained',
  titleZh: '决算数与预算数差异较大的，决算说明应说明原因',
  severity: 'warning',
  category: 'final-accounts',
  basis: '部门决算公开说明：一般公共预算财政拨款支出按项级科目说明年初预算数与决算数，差异较大的说明原因（差异阈值为地方惯例，默认预算数的10%）',
  check(pair, ctx) {
    for (const it of pair.items) {
      if (!explainedItem(it)) continue;
      const b = it.budget;
      const a = it.final;
      if (!a && !b) continue;
      if (!a || !b) {
        const have = (a ?? b)!;
        if (have.fen === 0 && !have.unknown) continue;
        const missing = !b ? `${pair.budget.kind}未列示“${it.name}”的预算数` : `${pair.final.kind}未列示“${it.name}”的决算数`;
        ctx.notChecked({ item: it.key, location: a?.location ?? null, budgetLocation: b?.location ?? null, reason: `${missing}（未公开相应的表或合计行），差异无从计算` });
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
      const change = `${diff > 0 ? '增加' : '减少'} ${show(pair, Math.abs(diff))}${pct ? `（${diff > 0 ? '增长' : '下降'} ${pct.abs().toFixed(2)}%）` : '（预算数为 0）'}`;
      ctx.report({
        message: `${it.name}：决算数 ${show(pair, a.fen)}，比${pair.budget.kind} ${show(pair, b.fen)}${change}，差异超过预算数的 ${pair.deviationPercent}%，${said}`,
        item: it.key,
        location: a.location,
        budgetLocation: b.location,
        ...figureFields(pair, b.fen, a.fen),
      });
    }
  },
};
