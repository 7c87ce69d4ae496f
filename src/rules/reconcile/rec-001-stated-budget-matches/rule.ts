import type { PairRule } from '../types.js';
import { figureFields, roundingAllowance, show } from '../figures.js';
import { placeOf, unknownReason } from '../where.js';

/**
 * What the final account states as an item's 年初预算数 — a table line "预算数" (财政拨款“三公”经费支出
 * 决算表) or the narrative's "年初预算为X万元" — equals the published budget's figure for the item.
 */
export const rule: PairRule = {
  id: 'REC-001',
  title: "The final account's stated budget equals the published budget",
  titleZh: '决算所列年初预算数与公开的部门预算一致',
  severity: 'error',
  category: 'final-accounts',
  basis: '部门决算公开：年初预算数为经批复并公开的年初部门预算数（决算表“预算数”栏、决算说明“年初预算为X万元”）',
  check(pair, ctx) {
    for (const it of pair.items) {
      for (const s of it.statedBudget) {
        const base = { item: it.key, location: s.location };
        if (!it.budget) {
          ctx.notChecked({ ...base, budgetLocation: null, reason: `${pair.budget.kind}未列示“${it.name}”的预算数（未公开相应的表或栏），${placeOf(s)}所列年初预算数 ${show(pair, s.fen)} 无从核对` });
          continue;
        }
        if (it.budget.unknown || s.unknown) {
          ctx.notChecked({ ...base, budgetLocation: it.budget.location, reason: it.budget.unknown ? unknownReason(pair, 'budget', it.budget) : unknownReason(pair, 'final', s) });
          continue;
        }
        const diff = s.fen - it.budget.fen;
        if (diff === 0) continue;
        const rounding = Math.abs(diff) <= roundingAllowance(s, it.budget);
        const absent = it.budget.absent ? `（${pair.budget.kind}《${it.budget.location.section}》未列此项，即为 0）` : '';
        ctx.report({
          ...(rounding ? { severity: 'info' as const } : {}),
          message: `${it.name}：${s.via === 'narrative' ? '' : pair.final.kind}${placeOf(s)}所列年初预算数 ${show(pair, s.fen)}，${pair.budget.kind}为 ${show(pair, it.budget.fen)}${absent}，相差 ${show(pair, Math.abs(diff))}${rounding ? '（尾差，在四舍五入容差之内）' : ''}`,
          ...base,
          budgetLocation: it.budget.location,
          ...figureFields(pair, it.budget.fen, s.fen),
        });
      }
    }
    for (const u of pair.unplaced) {
      if (!u.comparison.budget) continue;
      ctx.notChecked({
        item: null,
        location: u.location,
        budgetLocation: null,
        reason: `决算说明${u.location.line != null ? `第 ${u.location.line} 行` : ''}所述“${u.comparison.subject}”未能对应到功能分类表的科目或“三公”经费，其年初预算数无从核对`,
      });
    }
  },
};
