/**
 * Direction words of the narrative (增加/增长/上升 up, 减少/下降/降低 down, 持平/保持不变/不变 flat)
 * and the budget items of a Shanghai budget's list ("上年执行数 P，本年预算安排 C，比上年增加Z%，
 * 主要原因是：…") gathered by item. Pure; never throws.
 */
import type { BudgetDocument, Fact } from '../../domain/model.js';
import { normalizeText, squash } from '../../domain/text.js';

export type Direction = 'up' | 'down' | 'flat';

export const DIRECTION_ZH: Record<Direction, string> = { up: '增加', down: '减少', flat: '持平' };

/**
 * The direction a phrase states, or null when it states none (or both, e.g. "有增有减"). "持平" and
 * "不变" win over a preceding verb ("保持不变").
 */
export function directionOf(text: string | undefined | null): Direction | null {
  if (!text) return null;
  const s = squash(normalizeText(text));
  if (/持平|不变|保持不变|无变化/.test(s)) return 'flat';
  const up = /增加|增长|上升|提高|增多|新增/.test(s);
  const down = /减少|下降|降低|减小|压减|缩减|调减/.test(s);
  if (up === down) return null;
  return up ? 'up' : 'down';
}

/** The direction of a move from `a` to `b` in fen. */
export function directionOfFigures(a: number, b: number): Direction {
  return b > a ? 'up' : b < a ? 'down' : 'flat';
}

/** One item of the budget list: its label, figures, stated change and reason, with their facts. */
export interface BudgetItem {
  label: string;
  prior: Fact | undefined;
  planned: Fact | undefined;
  change: Fact | undefined;
  reason: Fact | undefined;
}

/** The items of the budget list (facts `function.item.*`), in narrative order. */
export function budgetItems(doc: BudgetDocument): BudgetItem[] {
  const out = new Map<string, BudgetItem>();
  const slot = { 'function.item.prior-execution': 'prior', 'function.item.planned': 'planned', 'function.item.change.percent': 'change', 'function.item.reason': 'reason' } as const;
  for (const f of doc.narrative.facts) {
    const k = slot[f.key as keyof typeof slot];
    if (!k) continue;
    const it = out.get(f.label) ?? { label: f.label, prior: undefined, planned: undefined, change: undefined, reason: undefined };
    if (!it[k]) it[k] = f;
    out.set(f.label, it);
  }
  return [...out.values()];
}

/** The direction the item's figures show (prior execution → planned), or null without both. */
export function figureDirection(it: BudgetItem): Direction | null {
  const a = it.prior?.money?.fen;
  const b = it.planned?.money?.fen;
  return a === undefined || b === undefined ? null : directionOfFigures(a, b);
}

/** The direction the change phrase states ("减少2.98%"), from its words, else from the percent's sign. */
export function statedDirection(it: BudgetItem): Direction | null {
  const w = directionOf(it.change?.text ?? it.change?.src.raw);
  if (w) return w;
  const p = it.change?.percent;
  if (p === undefined) return null;
  const n = Number(p);
  return n > 0 ? 'up' : n < 0 ? 'down' : 'flat';
}
