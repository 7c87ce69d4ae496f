import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import type { Row, Table } from '../../domain/model.js';
import { figures, lineRef, money } from '../_lib/content.js';
import { locSrc } from '../_lib/location.js';

type Pick = (t: Table) => Row | undefined;
const side =
  (s: 'revenue' | 'expenditure', kind: Row['kind']): Pick =>
  (t) =>
    t.rows.find((r) => r.side === s && r.kind === kind);

const CHECKS: Array<[string, Parameters<typeof tableOf>[1], Pick, string]> = [
  ['income-expenditure.total', 'income-expenditure-summary', side('revenue', 'total'), '收入支出总计'],
  ['revenue.total', 'income-expenditure-summary', side('revenue', 'subtotal'), '本年收入合计'],
  ['expenditure.total', 'income-expenditure-summary', side('expenditure', 'subtotal'), '本年支出合计'],
  ['appropriation.total', 'appropriation-summary', side('revenue', 'total'), '财政拨款收入支出总计'],
];

/**
 * The totals a final account's narrative states (收入支出总计, 本年收入/支出合计, 财政拨款收入支出
 * 总计) equal the 收入支出决算总表 and the 财政拨款收入支出决算总表.
 */
export const rule: Rule = {
  id: 'BUD-105',
  title: 'Final-account totals in the narrative equal the summary tables',
  titleZh: '决算说明中的总计、合计等于收入支出决算总表和财政拨款收入支出决算总表',
  severity: 'error',
  category: 'narrative',
  reads: ['narrative', 'tables'],
  basis: '部门决算公开：情况说明中的数字与决算表一致（domain.md §3）',
  appliesTo: { kinds: ['部门决算', '单位决算'] },
  check(doc, ctx) {
    for (const [key, role, pick, name] of CHECKS) {
      const t = tableOf(doc, role);
      const r = t && pick(t);
      const cell = r?.amounts.amount;
      if (!t || !cell) continue;
      for (const f of doc.narrative.facts.filter((x) => x.key === key && x.money)) {
        if (f.money!.fen === cell.fen) continue;
        ctx.report({
          message: `${name}：说明写 ${money(doc, f.money!.fen)}${lineRef(f.src)}，${t.title.text} 为 ${money(doc, cell.fen)}`,
          location: locSrc('部门决算情况说明', f.src, name),
          ...figures(doc, cell.fen, f.money!.fen),
        });
      }
    }
  },
};
