import type { PairRule } from '../types.js';
import { figureFields, roundingAllowance, show } from '../figures.js';
import { statedActualOf } from '../pair.js';
import { placeOf, unknownReason } from '../where.js';

/**
 * The 决算数 a narrative comparison states ("支出决算为Y万元") equals the final account's own table
 * figure for the item (the 一般公共预算财政拨款支出决算表 by function code or its 合计 line, the
 * “三公”经费 table's 决算数 line).
 */
export const rule: PairRule = {
  id: 'REC-003',
  title: "An explanation's final figure equals the final account's table",
  titleZh: '决算说明中与预算比较所列决算数与决算表一致',
  severity: 'error',
  category: 'final-accounts',
  basis: '部门决算公开说明：说明所列决算数与决算表同一科目金额一致',
  check(pair, ctx) {
    for (const it of pair.items) {
      for (const e of it.explanations) {
        const s = statedActualOf(pair, e);
        if (!s) continue;
        const base = { item: it.key, location: s.location, budgetLocation: it.budget?.location ?? null };
        if (!it.final) {
          ctx.notChecked({ ...base, reason: `${pair.final.kind}的表中未列示“${it.name}”的决算数，${placeOf(s)}所列决算数 ${show(pair, s.fen)} 无从核对` });
          continue;
        }
        if (it.final.unknown || s.unknown) {
          ctx.notChecked({ ...base, reason: unknownReason(pair, 'final', it.final.unknown ? it.final : s) });
          continue;
        }
        const diff = s.fen - it.final.fen;
        if (diff === 0) continue;
        const rounding = Math.abs(diff) <= roundingAllowance(s, it.final);
        ctx.report({
          ...(rounding ? { severity: 'info' as const } : {}),
          message: `${it.name}：${placeOf(s)}所列支出决算 ${show(pair, s.fen)}，${placeOf(it.final)}为 ${show(pair, it.final.fen)}，相差 ${show(pair, Math.abs(diff))}${rounding ? '（尾差，在四舍五入容差之内）' : ''}`,
          ...base,
          ...figureFields(pair, it.final.fen, s.fen),
        });
      }
    }
  },
};
