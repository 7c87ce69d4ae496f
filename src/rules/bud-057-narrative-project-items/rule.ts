import type { Rule } from '../types.js';
import { dec, lineRef, money, statedUnit } from '../_lib/content.js';
import { toleranceFen } from '../_lib/rounding.js';

/** The amounts named inside a project's description ("主要用于绩效管理 138 万元，项目评审费 7.5 万元") sum to no more than the project. */
export const rule: Rule = {
  id: 'BUD-057',
  title: 'Amounts inside a project description fit within the project',
  titleZh: '项目说明中列举的金额之和不超过项目金额',
  severity: 'error',
  category: 'narrative',
  reads: ['narrative'],
  basis: 'The described uses are parts of the project amount',
  check(doc, ctx) {
    for (const p of doc.narrative.projects) {
      const items = p.items.filter((i) => i.money);
      if (items.length === 0) continue;
      const sum = items.reduce((s, i) => s + (i.money?.fen ?? 0), 0);
      const diff = sum - p.amount.fen;
      if (diff <= 0) continue;
      const rounding =
        diff <=
        toleranceFen(
          items.map((i) => i.money ?? null),
          1,
          statedUnit(doc, p.src),
        );
      ctx.report({
        ...(rounding ? { severity: 'info' as const } : {}),
        message: `说明项目「${p.name}」${money(doc, p.amount.fen)}${lineRef(p.src)}，其说明列举的${items.map((i) => `${i.label} ${money(doc, i.money!.fen)}`).join('、')}合计 ${money(doc, sum)}，超出 ${money(doc, diff)}${rounding ? '（尾差）' : ''}`,
        location: { section: '第三部分 部门预算支出具体情况', item: p.name, field: '项目说明', line: p.src.line, page: p.src.page },
        expected: dec(doc, p.amount.fen),
        actual: dec(doc, sum),
        difference: dec(doc, diff),
        unit: doc.displayUnit,
      });
    }
  },
};
