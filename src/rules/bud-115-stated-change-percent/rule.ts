import { Decimal } from 'decimal.js';
import type { BudgetDocument, Fact } from '../../domain/model.js';
import type { Rule } from '../types.js';
import { lineRef, textPlaces } from '../_lib/content.js';
import { locSrc } from '../_lib/location.js';
import { parseAmount } from '../../domain/money.js';
import { normalizeText } from '../../domain/text.js';

const wan = (fen: number) => new Decimal(fen).div(1e6).toFixed(2);
const places = (p: string) => p.split('.')[1]?.length ?? 0;
const lastLine = (f: Fact) => f.src.endLine ?? f.src.line ?? 0;
/** A printed amount in fen, or null (never throws on a figure with too many places). */
function fenOf(text: string): number | null {
  try {
    return parseAmount(text);
  } catch {
    return null;
  }
}

/** One stated change: the subject's amount this year, the change amount and the change percent, all of one sentence. */
interface Stated {
  subject: string;
  current: Fact;
  amount: Fact;
  percent: Fact;
}

/**
 * The change statements of the narrative facts "K" + "K.change.amount" (or "K.change") +
 * "K.change.percent" with one label, read from one sentence (the three within a few lines, in that
 * order). Left to other rules: the totals (`K.total`, BUD-060) and the Shanghai items with a stated
 * prior execution (BUD-101).
 */
function statements(doc: BudgetDocument): Stated[] {
  const facts = doc.narrative.facts;
  const out: Stated[] = [];
  for (const p of facts) {
    if (!p.key.endsWith('.change.percent') || p.percent === undefined) continue;
    const base = p.key.slice(0, -'.change.percent'.length);
    const same = (f: Fact) => f.label === p.label && f.money !== undefined;
    if (facts.some((f) => f.key === `${base}.prior-execution` && f.label === p.label)) continue;
    const amount = facts.find(
      (f) => (f.key === `${base}.change.amount` || f.key === `${base}.change`) && same(f) && p.src.line !== null && f.src.line !== null && f.src.line <= p.src.line && p.src.line - lastLine(f) <= 1,
    );
    const current = amount && facts.find((f) => f.key === base && same(f) && f.src.line !== null && f.src.line <= amount.src.line! && amount.src.line! - lastLine(f) <= 3);
    if (amount && current) out.push({ subject: p.label, current, amount, percent: p });
  }
  return out;
}

/** "比2025年年初预算数1506121.45万元减少57334.09万元，下降3.81%": the prior printed in the clause. */
const PRIOR_RE =
  /比\s*(?:上年|去年|20\d\d\s*年)[^，。；,;\d]{0,12}?([\d,]+(?:\.\d+)?)\s*万元\s*(增加|减少)\s*([\d,]+(?:\.\d+)?)\s*万元\s*[，,]\s*(增长|下降|上升|减少|增加)\s*(\d+(?:\.\d+)?)\s*[%％]/g;

/**
 * A stated change against last year, "X万元，比上年增加/减少Y万元，增长/下降Z%", in any of the
 * corpus' phrasings (比上年执行数 / 比上年预算数 / 较2025年年初预算 / 与上年相比, of a function item,
 * an economic item, 机关运行经费, each 三公 part, 培训费 / 会议费 / 委托业务费 …): last year was X − Y,
 * so Z must be Y ÷ (X − Y) at the printed places (±1 in the last place, the amounts being rounded),
 * with the sign of Y. A percentage of a zero base (X = Y) is a warning. When the clause prints last
 * year's amount P itself ("比2025年年初预算数P万元减少Y万元，下降Z%"), Z must be Y ÷ P.
 */
export const rule: Rule = {
  id: 'BUD-115',
  title: 'Every stated change percentage agrees with its amounts',
  titleZh: '各项“比上年增减X万元、增长/下降Z%”的百分比与金额一致',
  severity: 'error',
  category: 'narrative',
  reads: ['narrative'],
  basis: 'domain.md §3 叙述与表格：所述增减（金额与百分比）在显示精度内算术一致；issue 12 class 1 (year-on-year statements) and class 7 (percent of a zero base)',
  check(doc, ctx) {
    for (const s of statements(doc)) {
      const x = s.current.money!.fen;
      const y = s.amount.money!.fen;
      const prior = x - y;
      const pct = s.percent.percent!;
      const stated = new Decimal(pct);
      const where = locSrc('部门预算说明', s.percent.src, s.subject);
      if (prior < 0) continue; // a change larger than the amount: the reader paired the wrong figures
      if (prior === 0) {
        if (!stated.isZero())
          ctx.report({
            severity: 'warning',
            message: `${s.subject}：本年 ${wan(x)} 万元，比上年增加 ${wan(y)} 万元，上年为 0，增减百分比无意义，说明却写 ${pct.replace(/^-/, '')}%${lineRef(s.percent.src)}`,
            location: where,
            expected: null,
            actual: pct,
            difference: null,
            unit: '%',
          });
        continue;
      }
      const exact = new Decimal(y).div(prior).mul(100);
      const pl = places(pct);
      const sameSign = exact.isZero() || stated.isZero() || exact.isNegative() === stated.isNegative();
      if (sameSign && exact.minus(stated).abs().lte(new Decimal(10).pow(-pl))) continue;
      ctx.report({
        message: `${s.subject}：本年 ${wan(x)} 万元，比上年${y < 0 ? '减少' : '增加'} ${wan(Math.abs(y))} 万元（上年 ${wan(prior)} 万元），变动率应为 ${exact.abs().toFixed(pl)}%，说明写 ${stated.abs().toFixed(pl)}%${lineRef(s.percent.src)}`,
        location: where,
        expected: exact.toFixed(pl),
        actual: stated.toFixed(pl),
        difference: stated.minus(exact).toFixed(pl),
        unit: '%',
      });
    }
    for (const p of textPlaces(doc)) {
      if (p.kind !== 'narrative') continue;
      const text = normalizeText(p.text);
      for (const m of text.matchAll(PRIOR_RE)) {
        const prior = fenOf(m[1]!);
        const change = fenOf(m[3]!);
        const pct = m[5]!;
        if (prior === null || change === null || prior <= 0) continue;
        const y = change * (m[2] === '减少' ? -1 : 1);
        const exact = new Decimal(y).div(prior).mul(100);
        const pl = places(pct);
        const down = /下降|减少/.test(m[4]!);
        const sameSign = exact.isZero() || Number(pct) === 0 || exact.isNegative() === down;
        if (sameSign && exact.abs().minus(new Decimal(pct)).abs().lte(new Decimal(10).pow(-pl))) continue;
        ctx.report({
          message: `${p.place}：“${m[0].replace(/\s+/g, '')}”，${wan(Math.abs(y))} 万元占上年 ${wan(prior)} 万元应为 ${exact.abs().toFixed(pl)}%${lineRef(p.src)}`,
          location: p.location,
          expected: exact.toFixed(pl),
          actual: (down ? '-' : '') + pct,
          difference: null,
          unit: '%',
        });
      }
    }
  },
};
