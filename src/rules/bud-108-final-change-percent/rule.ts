import { Decimal } from 'decimal.js';
import type { Fact } from '../../domain/model.js';
import type { Rule } from '../types.js';
import { lineRef } from '../_lib/content.js';
import { locSrc } from '../_lib/location.js';

const wan = (fen: number) => new Decimal(fen).div(1e6).toFixed(2);

/** The change facts of one sentence: the current amount, the change amount and the change percent. */
function sentences(facts: Fact[]): Array<{ current: Fact; amount: Fact; percent: Fact }> {
  const out: Array<{ current: Fact; amount: Fact; percent: Fact }> = [];
  const key = (f: Fact) => `${f.label}|${f.src.line ?? ''}`;
  const of = (k: string) => new Map(facts.filter((f) => f.key === k).map((f) => [key(f), f] as const));
  const amounts = of('change.amount');
  const percents = of('change.percent');
  for (const c of facts.filter((f) => f.key === 'change.current')) {
    const a = amounts.get(key(c));
    const p = percents.get(key(c));
    if (a?.money && p?.percent !== undefined && c.money) out.push({ current: c, amount: a, percent: p });
  }
  return out;
}

/**
 * A final account's "…X万元。与上年相比，增加/减少Y万元，增长/下降Z%": last year was X − Y, so Z
 * must be Y ÷ (X − Y) at the printed places (±1 in the last place, the figures being rounded), with
 * the same sign as Y.
 */
export const rule: Rule = {
  id: 'BUD-108',
  title: 'Final-account change percentages agree with the amounts',
  titleZh: '决算说明中与上年相比的增减百分比与金额一致',
  severity: 'error',
  category: 'final-accounts',
  reads: ['narrative'],
  basis: 'domain.md §3 叙述与表格：所述增减（金额与百分比）在显示精度内算术一致',
  appliesTo: { kinds: ['部门决算', '单位决算'] },
  check(doc, ctx) {
    for (const s of sentences(doc.narrative.facts)) {
      const x = s.current.money!.fen;
      const y = s.amount.money!.fen;
      const prior = x - y;
      const stated = new Decimal(s.percent.percent!);
      const places = s.percent.percent!.split('.')[1]?.length ?? 0;
      const where = locSrc('部门决算情况说明', s.percent.src, s.current.label);
      if (prior <= 0) continue; // no base to take a percentage of
      const exact = new Decimal(y).div(prior).mul(100);
      const ulp = new Decimal(10).pow(-places);
      const sameSign = exact.isZero() || stated.isZero() || exact.isNegative() === stated.isNegative();
      if (sameSign && exact.minus(stated).abs().lte(ulp)) continue;
      ctx.report({
        message: `${s.current.label}：本年 ${wan(x)} 万元，比上年${y < 0 ? '减少' : '增加'} ${wan(Math.abs(y))} 万元（上年 ${wan(prior)} 万元），变动率应为 ${exact.toFixed(places)}%，说明写 ${stated.toFixed(places)}%${lineRef(s.percent.src)}`,
        location: where,
        expected: exact.toFixed(places),
        actual: stated.toFixed(places),
        difference: stated.minus(exact).toFixed(places),
        unit: '%',
      });
    }
  },
};
