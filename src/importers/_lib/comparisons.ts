/**
 * The budget-vs-actual comparisons a final account's narrative (部门决算 / 单位决算情况说明) states, in the
 * national template's sentences, whatever the region's layout: "年初预算为X万元，支出决算为Y万元[，完成
 * 年初预算的Z%]。决算数小于预算数的主要原因：…" and "决算数为Y万元，比年初预算数增加/减少D万元，增长/下降
 * Z%，主要原因是…". Read by the Shanghai reader and the genre recogniser from their own paragraphs.
 */
import type { Fact, FinalAccountComparison, Money, Src } from '../../domain/model.js';
import { decimalsOf, isAmountText, parseAmount } from '../../domain/money.js';

/** A paragraph as a reader joined it: its text (white space dropped) and where a span of it was printed. */
export interface SpanText {
  text: string;
  srcOf(start: number, end: number): Src;
}

/** An amount printed in 万元 ("1,560.05"), or null when the text is no amount. */
export function wan(text: string, src: Src): Money | null {
  const t = text.replace(/\s/g, '');
  if (!isAmountText(t)) return null;
  return { fen: parseAmount(t, '万元'), decimals: decimalsOf(t), src };
}

const DIRECTION: Array<[RegExp, FinalAccountComparison['direction']]> = [
  [/决算数(?:大于|高于|超过)预算数|增加|增长/, '大于'],
  [/决算数(?:小于|低于)预算数|减少|下降/, '小于'],
  [/决算数(?:等于)预算数/, '等于'],
  [/持平/, '持平'],
];

/**
 * The comparisons of a final account's paragraphs, and the completion rates they state as facts
 * (`comparison.completion-rate`). The subject is the item's name before the figures.
 */
export function comparisonsOf(paras: readonly SpanText[]): { comparisons: FinalAccountComparison[]; facts: Fact[] } {
  const comparisons: FinalAccountComparison[] = [];
  const facts: Fact[] = [];
  for (const p of paras) {
    const t = p.text;
    const a = /年初预算为\s*([\d,]+(?:\.\d+)?)\s*万元[,，]\s*(?:支出)?决算为\s*([\d,]+(?:\.\d+)?)?\s*(万元)?/.exec(t);
    const b = /决算数为([\d,]+(?:\.\d+)?)万元[,，]比年初预算数?(增加|减少|持平)(?:([\d,]+(?:\.\d+)?)万元)?(?:[,，](增长|下降)([\d.]+)%)?/.exec(t);
    if (!a && !b) continue;
    const src = p.srcOf(0, t.length);
    const subjectM = /^(?:\d+\s*[、.．]\s*)?(.*?)(?:[(（]项[)）])?[。.]?(?:主要用于|年初预算为|决算数为)/.exec(t.replace(/^[(（][一二三四五六七八九十]+[)）]/, ''));
    const subject = (subjectM?.[1] ?? t.slice(0, 20)).replace(/[(（]项[)）]$/, '');
    let budget: Money | null = null;
    let actual: Money | null = null;
    let percent: string | null = null;
    if (a) {
      budget = wan(a[1]!, p.srcOf(a.index, a.index + a[0].length));
      actual = a[2] ? wan(a[2], p.srcOf(a.index, a.index + a[0].length)) : null;
      // pdftotext can print the actual figure ahead of its sentence ("449.52万元。决算数小于…").
      if (!actual) {
        const orphan = /(?:主要用于[:：]|[)）]。?)([\d,]+(?:\.\d+)?)万元/.exec(t);
        if (orphan) actual = wan(orphan[1]!, p.srcOf(orphan.index, orphan.index + orphan[0].length));
      }
      const done = /完成(?:年初)?预算的([\d.]+)%/.exec(t);
      if (done) facts.push({ key: 'comparison.completion-rate', label: subject, percent: done[1]!, src: p.srcOf(done.index, done.index + done[0].length) });
    } else if (b) {
      actual = wan(b[1]!, p.srcOf(b.index, b.index + b[0].length));
      const d = b[3] ? wan(b[3], p.srcOf(b.index, b.index + b[0].length)) : null;
      if (actual && (d || b[2] === '持平')) budget = { fen: actual.fen - (b[2] === '减少' ? -1 : 1) * (d?.fen ?? 0), decimals: 2, src: actual.src };
      if (b[5]) percent = b[4] === '下降' ? `-${b[5]}` : b[5];
    }
    const dirText = /决算数(?:大于|小于|等于|高于|低于)预算数|决算数与预算数(?:基本)?持平|比年初预算数?(?:增加|减少|持平)/.exec(t)?.[0] ?? null;
    const direction = dirText ? (DIRECTION.find(([re]) => re.test(dirText))?.[1] ?? null) : null;
    const why = /主要原因(?:是)?[:：]?([^。]*)/.exec(t);
    comparisons.push({ subject, budget, actual, direction, percent, reason: why ? why[1]!.trim() || null : null, src });
  }
  return { comparisons, facts };
}
