import type { PairRule } from '../types.js';
import { figureFields, roundingAllowance, show } from '../figures.js';
import { placeOf, unknownReason } from '../where.js';
import { budgetPart } from '../pair.js';
import { columnTermLabel } from '../../../domain/catalogue/columns.js';
import type { FigurePart, StatedFigure } from '../types.js';

/** A part of an item after the item's name: "（基本支出）"; its whole goes unnamed. */
const partLabel = (part: FigurePart) => (part === 'total' ? '' : `（${columnTermLabel(part)}）`);

/**
 * What the final account states as an item's 年初预算数 — a table line "预算数" (财政拨款“三公”经费支出
 * 决算表), the function table's 年初预算数 columns (合计 / 基本支出 / 项目支出, national template) or the
 * narrative's "年初预算为X万元" — equals the published budget's figure for the same item and part.
 */
export const rule: PairRule = {
  id: 'REC-001',
  title: "The final account's stated budget equals the published budget",
  titleZh: '决算所列年初预算数与公开的部门预算一致',
  severity: 'error',
  category: 'final-accounts',
  basis: '部门决算公开：年初预算数为经批复并公开的年初部门预算数（决算表“预算数”行、“年初预算数”栏，决算说明“年初预算为X万元”）',
  check(pair, ctx) {
    // A part the budget prints in no column at all (a budget without 基本支出 / 项目支出 columns) is one
    // check not made for the whole column, not one per line.
    const partsMissing = new Map<FigurePart, StatedFigure[]>();
    for (const it of pair.items) {
      for (const s of it.statedBudget) {
        const base = { item: it.key, location: s.location };
        const name = `${it.name}${partLabel(s.part)}`;
        const budget = budgetPart(it, s.part);
        if (!budget && s.part !== 'total') {
          partsMissing.set(s.part, [...(partsMissing.get(s.part) ?? []), s]);
          continue;
        }
        if (!budget) {
          ctx.notChecked({ ...base, budgetLocation: null, reason: `${pair.budget.kind}未列示“${name}”的预算数（未公开相应的表或栏），${placeOf(s)}所列年初预算数 ${show(pair, s.fen)} 无从核对` });
          continue;
        }
        if (budget.unknown || s.unknown) {
          ctx.notChecked({ ...base, budgetLocation: budget.location, reason: budget.unknown ? unknownReason(pair, 'budget', budget) : unknownReason(pair, 'final', s) });
          continue;
        }
        const diff = s.fen - budget.fen;
        if (diff === 0) continue;
        const rounding = Math.abs(diff) <= roundingAllowance(s, budget);
        const absent = budget.absent ? `（${pair.budget.kind}《${budget.location.section}》未列此项，即为 0）` : '';
        ctx.report({
          ...(rounding ? { severity: 'info' as const } : {}),
          message: `${name}：${s.via === 'narrative' ? '' : pair.final.kind}${placeOf(s)}所列年初预算数 ${show(pair, s.fen)}，${pair.budget.kind}为 ${show(pair, budget.fen)}${absent}，相差 ${show(pair, Math.abs(diff))}${rounding ? '（尾差，在四舍五入容差之内）' : ''}`,
          ...base,
          budgetLocation: budget.location,
          ...figureFields(pair, budget.fen, s.fen),
        });
      }
    }
    for (const [part, ss] of partsMissing) {
      const first = ss[0]!;
      ctx.notChecked({
        item: null,
        location: { ...first.location, row: null, item: null, line: null, page: null },
        budgetLocation: null,
        reason: `${pair.budget.kind}的功能分类表未列${columnTermLabel(part)}栏，${pair.final.kind}《${first.location.section}》${ss.length} 行所列年初预算数（${columnTermLabel(part)}）无从核对`,
      });
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
