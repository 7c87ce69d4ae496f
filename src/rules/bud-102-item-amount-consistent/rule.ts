import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { figures, lineRef, money } from '../_lib/content.js';
import { locSrc } from '../_lib/location.js';
import { squash } from '../../domain/text.js';

/**
 * Each item of a Shanghai budget's list ("“A（类）B（款）C（项）”X万元 … 本年预算安排Y万元") states
 * its amount twice: X and Y must agree, and both must equal the 项 row of the general-budget
 * function table whose 类/款/项 names the item gives (rounded to 0.01 万元).
 */
export const rule: Rule = {
  id: 'BUD-102',
  title: 'A budget item states one amount, the one of its table row',
  titleZh: '项目说明中同一科目的金额前后一致并与功能分类表一致',
  severity: 'error',
  category: 'narrative',
  reads: ['narrative', 'tables'],
  basis: 'domain.md §3：说明中的每一金额等于表列数',
  check(doc, ctx) {
    const heads = doc.narrative.facts.filter((f) => f.key === 'function.item' && f.money);
    const planned = new Map(doc.narrative.facts.filter((f) => f.key === 'function.item.planned' && f.money).map((f) => [f.label, f] as const));
    const t = tableOf(doc, 'general-budget-function');
    for (const h of heads) {
      const p = planned.get(h.label);
      if (p?.money && p.money.fen !== h.money!.fen) {
        ctx.report({
          message: `${h.label}：说明先写 ${money(doc, h.money!.fen)}，又写“预算安排 ${money(doc, p.money.fen)}”${lineRef(p.src)}`,
          location: locSrc('部门预算编制说明', p.src, h.label),
          ...figures(doc, h.money!.fen, p.money.fen),
        });
      }
      const names = [...h.label.matchAll(/([^()]+)\((类|款|项)\)/g)].map((m) => squash(m[1]!));
      if (!t || names.length !== 3) continue;
      const cls = t.rows.find((r) => r.level === 1 && squash(r.label) === names[0]);
      const kuan = cls && t.rows.find((r) => r.level === 2 && r.code?.startsWith(cls.code ?? '-') && squash(r.label) === names[1]);
      const xiang = kuan && t.rows.find((r) => r.level === 3 && r.code?.startsWith(kuan.code ?? '-') && squash(r.label) === names[2]);
      const cell = xiang?.amounts.total;
      if (!cell) continue;
      const rounded = Math.round(cell.fen / 10_000) * 10_000;
      for (const f of [h, p]) {
        if (!f?.money || f.money.fen === rounded) continue;
        ctx.report({
          message: `${h.label}：说明写 ${money(doc, f.money.fen)}，${t.title.text} ${xiang.code} 为 ${money(doc, rounded)}${lineRef(f.src)}`,
          location: locSrc('部门预算编制说明', f.src, h.label),
          ...figures(doc, rounded, f.money.fen),
        });
      }
    }
  },
};
