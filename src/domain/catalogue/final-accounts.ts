/**
 * The vocabulary of a final account's figures against its budget (部门决算 / 单位决算): which figure a
 * line or column of a final-account table states (年初预算数, 调整预算数, 决算数), and the subjects its
 * narrative compares as a whole ("一般公共预算财政拨款支出年初预算为…", "“三公”经费财政拨款支出年初预算为…").
 * Read by the reconciliation of a budget with its final account (src/rules/reconcile).
 */
import { normalizeText } from '../text.js';

/** What a final account's line or column states: the budget at the year's start, after adjustment, or the actual. */
export type FinalFigureKind = 'initial' | 'adjusted' | 'final';

/** 中文 names of the figure kinds, as messages print them. */
export const FINAL_FIGURE_LABELS: Record<FinalFigureKind, string> = { initial: '年初预算数', adjusted: '调整预算数', final: '决算数' };

/**
 * The words that name a figure kind as a column's header, alone or as the group above its columns
 * ("年初预算数 / 小计 基本支出 项目支出", "调整预算数", "全年预算数", "决算数 / 合计"). Plain "预算数" is
 * not among them: in a budget it is the budget's own figure, and in a final account's header it is
 * read with the line it stands on (the 三公 table's "预算数" line, below).
 */
export const FIGURE_COLUMN_WORDS: ReadonlyArray<[FinalFigureKind, RegExp]> = [
  ['initial', /^年初预算(数|安排数?)?$/],
  // The adjusted budget for the whole year. ("预算调整数" may print the adjustment alone: a column so
  // named is left unknown; the 三公 table's line of that name is read as below.)
  ['adjusted', /^(调整(后)?预算数?|全年预算数?)$/],
  ['final', /^(决算数?|支出决算数?|本年决算数?|全年决算数?)$/],
];

const FIGURE_LABELS: ReadonlyArray<[FinalFigureKind, RegExp]> = [
  ...FIGURE_COLUMN_WORDS,
  ['adjusted', /^预算调整数$/],
  // A final account's plain "预算数" is the budget approved at the year's start (财政拨款“三公”经费支出决算表).
  ['initial', /^预算(数|安排数?)?$/],
  ['final', /^实际支出数?$/],
];

const squashed = (label: string) => normalizeText(label).replace(/\s+/g, '');

/** The figure kind a line's label names ("预算数" → initial, "决算数" → final), or null. */
export function finalFigureKindOf(label: string): FinalFigureKind | null {
  const s = squashed(label);
  return FIGURE_LABELS.find(([, p]) => p.test(s))?.[0] ?? null;
}

/** The figure kind a column header or header group names ("年初预算数" → initial, "全年预算数" → adjusted), or null. */
export function figureColumnKindOf(label: string): FinalFigureKind | null {
  const s = squashed(label);
  return FIGURE_COLUMN_WORDS.find(([, p]) => p.test(s))?.[0] ?? null;
}

/** What a final account's narrative compares as a whole, by the words of its subject. */
export type ComparedWhole = 'general-total' | 'three-public-total';

const WHOLE_SUBJECTS: ReadonlyArray<[ComparedWhole, RegExp]> = [
  ['three-public-total', /^(财政拨款)?三公经费(财政拨款)?(支出)?(合计|总额)?$/],
  ['general-total', /^一般公共预算(财政拨款)?支出(合计|总额)?$/],
];

/** The whole a comparison's subject names ("一般公共预算财政拨款支出" → general-total), or null. */
export function comparedWholeOf(subject: string): ComparedWhole | null {
  const s = normalizeText(subject)
    .replace(/[\s"“”]/g, '')
    .replace(/^20\d\d年度?/, '');
  return WHOLE_SUBJECTS.find(([, p]) => p.test(s))?.[0] ?? null;
}

/**
 * A function-class path as a narrative names it ("一般公共服务支出（类）财政事务（款）行政运行（项）"):
 * the names of its levels, top first, or null when the subject is not such a path. The last level may
 * come without its marker (a comparison's subject drops the trailing "（项）").
 */
export function classPathOf(subject: string): string[] | null {
  const s = normalizeText(subject)
    .replace(/\s+/g, '')
    .replace(/^\d+[、.．]/, '');
  if (!/\((类|款)\)/.test(s)) return null;
  const parts = s.split(/\((?:类|款|项)\)/).filter((p) => p !== '');
  return parts.length >= 2 && parts.length <= 3 ? parts : null;
}
