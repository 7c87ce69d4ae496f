import { Decimal } from 'decimal.js';
import type { Rule } from '../types.js';
import { lineRef, textPlaces } from '../_lib/content.js';
import { locSrc } from '../_lib/location.js';
import { parseAmount } from '../../domain/money.js';
import { normalizeText, squash } from '../../domain/text.js';
import { SHARE } from '../../domain/catalogue/index.js';

/** "2,906.80万元，占49.4%" / "4万元，占“三公”经费的21.86%": amount, the whole's words, percent. */
const SHARE_RE = /(\d[\d,]*(?:\.\d+)?)万元[，,]占([^\d%％，。；,;]{0,12}?)(\d+(?:\.\d+)?)[%％]/g;

interface Share {
  fen: number;
  whole: string;
  percent: string;
}

/** The shares one sentence states, by the words naming their whole ("" for a bare "占Z%"). */
function sentenceShares(sentence: string): Map<string, Share[]> {
  const out = new Map<string, Share[]>();
  for (const m of sentence.matchAll(SHARE_RE)) {
    let fen: number;
    try {
      fen = parseAmount(m[1]!);
    } catch {
      continue;
    }
    const whole = m[2]!.replace(/的$/, '');
    out.set(whole, [...(out.get(whole) ?? []), { fen, whole, percent: m[3]! }]);
  }
  return out;
}

const halfUlp = (p: string) => new Decimal(10).pow(-(p.split('.')[1]?.length ?? 0)).div(2);

/** The whole a share is a share of: function classes of 一般公共预算 spending, else the paragraph's totals. */
function baseKey(label: string): string[] {
  if (/\((类|款|项)\)$/.test(label)) return ['expenditure.general'];
  if (/基本支出|项目支出/.test(label)) return ['expenditure.total'];
  if (/收入/.test(label)) return ['revenue.total'];
  return [];
}

/**
 * "X万元，占Z%": Z equals X ÷ the whole (本年收入合计, 本年支出合计 or 一般公共预算财政拨款支出) at
 * the printed places, ±1 in the last place. The shares of one whole in one sentence add to 100 %
 * within their printed rounding (a warning: which shares make one whole is read from the sentence).
 */
export const rule: Rule = {
  id: 'BUD-106',
  title: 'Stated shares agree with the amounts',
  titleZh: '“占比”百分比与金额一致',
  severity: 'error',
  category: 'narrative',
  reads: ['narrative'],
  basis: 'domain.md §3：所述百分比在显示精度内与其描述的金额一致；issue 12 class 7：同一整体各部分的占比合计为 100%',
  check(doc, ctx) {
    for (const f of doc.narrative.facts.filter((x) => x.key === SHARE && x.money && x.percent)) {
      const base = baseKey(f.label)
        .map((k) => doc.narrative.facts.find((x) => x.key === k && x.money && x.money.fen > 0 && x.money.fen >= f.money!.fen))
        .find((x) => x);
      if (!base) continue;
      const places = f.percent!.split('.')[1]?.length ?? 0;
      const exact = new Decimal(f.money!.fen).div(base.money!.fen).mul(100);
      const stated = new Decimal(f.percent!);
      if (exact.minus(stated).abs().lte(new Decimal(10).pow(-places))) continue;
      ctx.report({
        message: `${f.label}：${new Decimal(f.money!.fen).div(1e6).toFixed(2)} 万元占 ${base.label} ${new Decimal(base.money!.fen).div(1e6).toFixed(2)} 万元应为 ${exact.toFixed(places)}%，说明写 ${f.percent}%${lineRef(f.src)}`,
        location: locSrc('情况说明', f.src, f.label),
        expected: exact.toFixed(places),
        actual: stated.toFixed(places),
        difference: stated.minus(exact).toFixed(places),
        unit: '%',
      });
    }
    // The shares of one whole in one sentence ("人员支出…占49.4%；日常公用支出…占14.3%；项目支出…占36.3%"):
    // when their amounts make up the whole, they add to 100 % within the rounding of each printed share.
    for (const p of textPlaces(doc)) {
      if (p.kind !== 'narrative') continue;
      for (const sentence of squash(normalizeText(p.text)).split('。')) {
        for (const [whole, g] of sentenceShares(sentence)) {
          if (g.length < 2) continue;
          const sum = g.reduce((a, x) => a.plus(x.percent), new Decimal(0));
          const amounts = g.reduce((a, x) => a + x.fen, 0);
          const of = whole ? `占${whole}` : '“占”';
          const list = g.map((x) => `${new Decimal(x.fen).div(1e6).toFixed(2)} 万元占 ${x.percent}%`).join('、');
          if (amounts === 0) {
            if (!sum.isZero())
              ctx.report({
                severity: 'warning',
                message: `${p.place}：${list}，各部分金额均为 0，整体为 0 时占比无意义${lineRef(p.src)}`,
                location: p.location,
                expected: null,
                actual: sum.toString(),
                difference: null,
                unit: '%',
              });
            continue;
          }
          // Each printed share is rounded (an exact 0 of an amount 0 is not).
          const tol = g.reduce((a, x) => (x.fen === 0 && new Decimal(x.percent).isZero() ? a : a.plus(halfUlp(x.percent))), new Decimal(0));
          if (sum.minus(100).abs().lte(tol)) continue;
          // Below 100 % the list may name only some parts: judged only when the amounts make up the
          // whole the largest share implies (its amount ÷ its share), within the group's rounding.
          if (sum.lt(100)) {
            const top = g.reduce((a, x) => (new Decimal(x.percent).gt(a.percent) ? x : a));
            const pct = new Decimal(top.percent);
            if (pct.isZero()) continue;
            const lo = new Decimal(top.fen).mul(100).div(pct.plus(tol));
            if (new Decimal(amounts).lt(lo)) continue;
          }
          ctx.report({
            severity: 'warning',
            message: `${p.place}：同一句中${of}的各部分 ${list}，合计 ${sum.toString()}%，不等于 100%（各占比按印出位数舍入，容差 ${tol.toString()}%）${lineRef(p.src)}`,
            location: p.location,
            expected: '100',
            actual: sum.toString(),
            difference: sum.minus(100).toString(),
            unit: '%',
          });
        }
      }
    }
  },
};
