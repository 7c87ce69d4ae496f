import { Decimal } from 'decimal.js';
import type { Rule } from '../types.js';
import type { Fact as F } from '../../domain/model.js';
import { lineRef } from '../_lib/content.js';
import { locSrc } from '../_lib/location.js';

/**
 * A Shanghai budget's item list states "上年当年预算执行数为P万元，本年预算安排C万元，比上年预算执行数
 * 增加/减少Z%": Z must equal (C − P) ÷ P at the printed places (±1 in the last place, the figures
 * themselves being rounded). A change from a zero base has no percentage.
 */
export const rule: Rule = {
  id: 'BUD-101',
  title: 'Stated change percentages agree with the two amounts',
  titleZh: '说明中的增减百分比与前后两个金额一致',
  severity: 'error',
  category: 'narrative',
  reads: ['narrative'],
  basis: 'domain.md §3 叙述与表格：所述增减（金额与百分比）在显示精度内算术一致',
  check(doc, ctx) {
    const by = (key: string) => new Map(doc.narrative.facts.filter((f) => f.key === key).map((f) => [f.label, f] as const));
    const prior = by('function.item.prior-execution');
    const planned = by('function.item.planned');
    for (const p of doc.narrative.facts.filter((f: F) => f.key === 'function.item.change.percent' && f.percent !== undefined)) {
      const a = prior.get(p.label)?.money?.fen;
      const b = planned.get(p.label)?.money?.fen;
      if (a === undefined || b === undefined) continue;
      const stated = new Decimal(p.percent!);
      const places = p.percent!.split('.')[1]?.length ?? 0;
      if (a === 0) {
        if (b !== 0)
          ctx.report({
            severity: 'warning',
            message: `${p.label}：上年执行数为 0，增长百分比无意义，但说明写“${p.text ?? p.percent + '%'}”${lineRef(p.src)}`,
            location: locSrc('部门预算编制说明', p.src, p.label),
            expected: null,
            actual: p.percent!,
            difference: null,
            unit: '%',
          });
        continue;
      }
      const exact = new Decimal(b - a).div(a).mul(100);
      const ulp = new Decimal(10).pow(-places);
      if (exact.minus(stated).abs().lte(ulp)) continue;
      ctx.report({
        message: `${p.label}：由 ${new Decimal(a).div(1e6).toFixed(2)} 万元到 ${new Decimal(b).div(1e6).toFixed(2)} 万元应为 ${exact.toFixed(places)}%，说明写 ${p.percent}%${lineRef(p.src)}`,
        location: locSrc('部门预算编制说明', p.src, p.label),
        expected: exact.toFixed(places),
        actual: stated.toFixed(places),
        difference: stated.minus(exact).toFixed(places),
        unit: '%',
      });
    }
  },
};
