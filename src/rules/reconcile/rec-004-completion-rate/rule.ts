import { Decimal } from 'decimal.js';
import { factsByKey } from '../../../domain/query.js';
import { halfUlpFen } from '../../../domain/money.js';
import type { Fact } from '../../../domain/model.js';
import type { Explanation, PairRule } from '../types.js';
import { show } from '../figures.js';
import { unknownReason } from '../where.js';

/** The completion-rate fact stated within an explanation's sentence ("完成年初预算的98.20%"). */
function rateOf(facts: readonly Fact[], e: Explanation): Fact | undefined {
  const from = e.comparison.src.line;
  const to = e.comparison.src.endLine ?? from;
  return facts.find((f) => f.label === e.comparison.subject && f.percent != null && (from == null || (f.src.line != null && f.src.line >= Math.min(from, to!) && f.src.line <= Math.max(from, to!))));
}

/**
 * The completion rate a final account states ("完成年初预算的Z%") equals its 决算数 divided by the
 * published budget's figure, at the places printed (allowing for the rounding of both amounts).
 */
export const rule: PairRule = {
  id: 'REC-004',
  title: 'The stated completion rate equals the final figure over the published budget',
  titleZh: '决算说明所列完成年初预算的百分比与决算数、公开的预算数一致',
  severity: 'error',
  category: 'final-accounts',
  basis: '部门决算公开说明：完成年初预算的百分比 = 决算数 ÷ 年初预算数',
  check(pair, ctx) {
    const facts = factsByKey(pair.final, 'comparison.completion-rate');
    for (const it of pair.items) {
      for (const e of it.explanations) {
        const f = rateOf(facts, e);
        if (!f?.percent) continue;
        const stated = new Decimal(f.percent);
        const places = /\.(\d+)/.exec(f.percent)?.[1]?.length ?? 0;
        const location = { ...e.location, line: f.src.line ?? e.location.line, page: f.src.page ?? e.location.page, field: '完成年初预算的百分比', fact: f.key };
        const base = { item: it.key, location, budgetLocation: it.budget?.location ?? null };
        if (!it.budget || !it.final) {
          ctx.notChecked({ ...base, reason: `${!it.budget ? pair.budget.kind : pair.final.kind}未列示“${it.name}”的金额，完成率 ${f.percent}% 无从核对` });
          continue;
        }
        if (it.budget.unknown || it.final.unknown) {
          ctx.notChecked({ ...base, reason: it.budget.unknown ? unknownReason(pair, 'budget', it.budget) : unknownReason(pair, 'final', it.final) });
          continue;
        }
        const b = it.budget.fen;
        const a = it.final.fen;
        if (b === 0) {
          ctx.notChecked({ ...base, reason: `${pair.budget.kind}“${it.name}”的预算数为 0，完成率 ${f.percent}% 无从计算` });
          continue;
        }
        const exact = new Decimal(a).div(b).times(100);
        // Half a unit of the printed place, and what the rounding of the two amounts can move the rate.
        const ha = halfUlpFen(it.final.unit, 2);
        const hb = halfUlpFen(it.budget.unit, 2);
        const slack = new Decimal(ha)
          .div(Math.abs(b))
          .plus(new Decimal(Math.abs(a)).times(hb).div(new Decimal(b).pow(2)))
          .times(100);
        const allowed = new Decimal(10).pow(-places).div(2).plus(slack);
        if (stated.minus(exact).abs().lte(allowed)) continue;
        const computed = exact.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
        ctx.report({
          message: `${it.name}：决算说明${location.line != null ? `（第 ${location.line} 行）` : ''}称完成年初预算的 ${f.percent}%，按决算数 ${show(pair, a)} 与${pair.budget.kind} ${show(pair, b)} 计算为 ${computed.toFixed(places)}%`,
          ...base,
          expected: computed.toFixed(places),
          actual: stated.toFixed(places),
          difference: stated.minus(computed).toFixed(places),
          unit: '%',
        });
      }
    }
  },
};
