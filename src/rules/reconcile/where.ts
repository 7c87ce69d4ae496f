/**
 * Places in prose for the reconciliation's messages and not-checked reasons: a figure's table line or
 * narrative line, and why a figure is unknown.
 */
import type { Pair, PairFigure, PairItem } from './types.js';

/** "（第 618 行）" or "". */
export function atLine(f: PairFigure): string {
  return f.location.line != null ? `（第 ${f.location.line} 行）` : '';
}

/** Where a figure stands, for a message: "决算说明（第 618 行）", "《一般公共预算财政拨款支出决算表》2010601 行政运行". */
export function placeOf(f: PairFigure): string {
  if (f.location.tableId == null && f.location.table == null) return `${f.location.section}${atLine(f)}`;
  return `《${f.location.section}》${f.absent ? '' : (f.location.item ?? '')}${atLine(f)}`;
}

/** Why a figure of one side is unknown (for a not-checked entry). */
export function unknownReason(pair: Pair, side: 'budget' | 'final', f: PairFigure): string {
  const doc = side === 'budget' ? pair.budget : pair.final;
  return f.absent ? `${doc.kind}《${f.location.section}》有未能读取的行，该项是否印出无从确定` : `${doc.kind}${placeOf(f)}的金额未能定位或读取`;
}

/**
 * What the final account's narrative says of an item's deviation: null when one of its comparisons gives
 * a reason (explained), else why not ("决算说明第 618 行只列数字，未说明原因" or "决算说明未提及此项").
 */
export function unexplained(it: PairItem): string | null {
  if (it.explanations.some((e) => (e.comparison.reason ?? '').trim() !== '')) return null;
  return it.explanations.length > 0 ? `决算说明${it.explanations.map((e) => (e.location.line != null ? `第 ${e.location.line} 行` : '')).join('、')}只列数字，未说明原因` : '决算说明未提及此项';
}
