import { Decimal } from 'decimal.js';
import type { Rule } from '../types.js';
import { lineRef } from '../_lib/content.js';
import { locSrc } from '../_lib/location.js';

/** The whole a share is a share of: function classes of 一般公共预算 spending, else the paragraph's totals. */
function baseKey(label: string): string[] {
  if (/\((类|款|项)\)$/.test(label)) return ['expenditure.general'];
  if (/基本支出|项目支出/.test(label)) return ['expenditure.total'];
  if (/收入/.test(label)) return ['revenue.total'];
  return [];
}

/**
 * "X万元，占Z%": Z equals X ÷ the whole (本年收入合计, 本年支出合计 or 一般公共预算财政拨款支出) at
 * the printed places, ±1 in the last place.
 */
export const rule: Rule = {
  id: 'BUD-106',
  title: 'Stated shares agree with the amounts',
  titleZh: '“占比”百分比与金额一致',
  severity: 'error',
  category: 'narrative',
  reads: ['narrative'],
  basis: 'domain.md §3：所述百分比在显示精度内与其描述的金额一致',
  check(doc, ctx) {
    for (const f of doc.narrative.facts.filter((x) => x.key === 'share' && x.money && x.percent)) {
      const base = baseKey(f.label)
        .map((k) => doc.narrative.facts.find((x) => x.key === k && x.money && x.money.fen > 0 && x.money.fen >= f.money!.fen))
        .find((x) => x);
      if (!base) continue;
      const places = f.percent!.split('.')[1]?.length ?? 0;
      const exact = new Decimal(f.money!.fen).div(base.money!.fen).mul(100);
      const stated = new Decimal(f.percent!);
      if (exact.minus(stated).abs().lte(new Decimal(10).pow(-places))) continue;
      ctx.report({
        message: `${f.label}：${new Decimal(f.money!.fen).div(1e6).toFixed(2)} 万元占 ${base.label} ${new Decimal(base.money!.fen).div(1e6).toFixed(2)} 万元应为 ${exact.toFixed(places)}%，说明写 ${f.percent}%${lineRef(f.src)}`,
        location: locSrc('情况说明', f.src, f.label),
        expected: exact.toFixed(places), actual: stated.toFixed(places), difference: stated.minus(exact).toFixed(places), unit: '%',
      });
    }
  },
};
