import type { Row } from '../../domain/model.js';
import { tableOf } from '../_lib/scope.js';
import type { Rule } from '../types.js';
import { threePublicFigure, type ThreePublicItem } from '../_lib/three-public.js';
import { locRow, rowName, tableName } from '../_lib/location.js';
import { fenOf } from '../_lib/rounding.js';

/** Economic 款 of basic expenditure that are a part of one 三公 column. */
export const PAIRS: ReadonlyArray<{ econ: string; key: ThreePublicItem; what: string }> = [
  { econ: '30212', key: 'overseas', what: '因公出国（境）费' },
  { econ: '30217', key: 'reception', what: '公务接待费' },
  { econ: '30231', key: 'vehicleRunning', what: '公务用车运行维护费' },
  { econ: '31013', key: 'vehiclePurchase', what: '公务用车购置费' },
];

/** Half a cent of 万元 in fen: the 三公 table prints 0.01 万元, the economic table may print 元. */
const HALF_CENT = 5_000;
const wan = (fen: number) => (fen / 1e6).toFixed(2);

/**
 * 三公 spending booked as basic expenditure (economic 款 30212, 30217, 30231, 31013 of the basic
 * expenditure table) is part of the 三公 table's column (which adds project spending): it can never
 * exceed it. Compared where both tables print the figure (final accounts: the 决算数 row).
 */
export const rule: Rule = {
  id: 'BUD-109',
  title: '三公 items of the economic table stay within the 三公 table',
  titleZh: '基本支出经济分类中的三公科目不超过“三公”经费表对应金额',
  severity: 'error',
  category: 'cross-table',
  layoutInferred: '“三公”经费表各栏目按表头位置推断',
  reads: ['tables'],
  basis: '“三公”经费 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行维护费（基本支出与项目支出中的合计）；经济分类 30212/30217/30231/31013',
  check(doc, ctx) {
    const econ = tableOf(doc, 'basic-expenditure-economic');
    const tp = tableOf(doc, 'three-public');
    if (!econ || !tp) return;
    const rows = tp.rows.filter((r) => r.kind === 'item' || r.kind === 'unit');
    // A final account prints 预算数 and 决算数 rows: the economic table is the 决算.
    const final = rows.find((r) => /决算/.test(r.label));
    const key = econ.columns.some((c) => c.key === 'general') ? 'general' : 'total';
    for (const p of PAIRS) {
      const e = econ.rows.find((r) => r.codeSystem === 'econ' && r.code === p.econ);
      // Otherwise the budget year's cell of the item, in whatever layout (none where that is unclear).
      const fig = final ? (tp.columns.some((c) => c.key === p.key) ? { row: final, value: final.amounts[p.key] ?? null } : undefined) : threePublicFigure(tp, p.key, doc.year);
      if (!e || e.amounts[key] == null || !fig) continue;
      const current: Row = fig.row;
      const ef = fenOf(e.amounts[key]);
      const tf = fenOf(fig.value);
      if (ef - tf <= HALF_CENT) continue;
      ctx.report({
        message: `${tableName(econ)} ${rowName(e)} ${wan(ef)} 万元超过${tableName(tp)}「${current.label}」${p.what} ${wan(tf)} 万元：基本支出中的${p.what}是三公经费的一部分，不能更大`,
        location: locRow(econ, e, key),
        expected: wan(tf),
        actual: wan(ef),
        difference: wan(ef - tf),
        unit: '万元',
      });
    }
  },
};
