import { Decimal } from 'decimal.js';
import { tableOf } from '../_lib/scope.js';
import type { Rule } from '../types.js';
import { cell } from '../../domain/query.js';
import { dec, lineRef, money, nameKey, percent, tableLocation } from '../_lib/content.js';

/** Local default: the reserve is kept within 5 % of project expenditure (configurable practice, not national law). */
export const RESERVE_LIMIT_PERCENT = 5;

/** 预算准备金 (budget reserve) is at most 5 % of project expenditure. */
export const rule: Rule = {
  id: 'BUD-078',
  title: 'The budget reserve is within 5 % of project expenditure',
  titleZh: '预算准备金不超过项目支出的 5%',
  severity: 'error',
  category: 'project-form',
  reads: ['tables'],
  basis: '深圳市区级部门预算编制口径：预算准备金按项目支出的 5% 以内规模预留（本地做法，可配置）；domain.md §3',
  check(doc, ctx) {
    const t5 = tableOf(doc, 'project-expenditure');
    if (!t5) return;
    const reserve = t5.rows.find((r) => r.kind === 'item' && nameKey(r.label).includes('预算准备金'));
    const reserveFen = cell(reserve, 'total');
    if (!reserve || reserveFen == null) return;
    const t3 = tableOf(doc, 'expenditure-summary');
    const t3total = t3?.rows.find((r) => r.kind === 'total') ?? t3?.rows.find((r) => r.kind === 'unit');
    const unitRow = t5.rows.find((r) => r.kind === 'total') ?? t5.rows.find((r) => r.kind === 'unit');
    const projectFen = cell(t3total, 'project') ?? cell(unitRow, 'total');
    if (projectFen == null || projectFen <= 0) return;
    const limitFen = new Decimal(projectFen).times(RESERVE_LIMIT_PERCENT).div(100).toDecimalPlaces(0, Decimal.ROUND_DOWN).toNumber();
    if (reserveFen <= limitFen) return;
    ctx.report({
      message: `项目支出总表「${reserve.label}」${money(doc, reserveFen)}${lineRef(reserve.src)}，占项目支出 ${money(doc, projectFen)} 的 ${percent(reserveFen, projectFen)?.toFixed(2)}%，超过 ${RESERVE_LIMIT_PERCENT}% 上限 ${money(doc, limitFen)}`,
      location: tableLocation(t5, reserve, '总计'),
      expected: dec(doc, limitFen),
      actual: dec(doc, reserveFen),
      difference: dec(doc, reserveFen - limitFen),
      unit: doc.displayUnit,
    });
  },
};
