import type { Rule } from '../types.js';
import { factsOf, lineRef, money, moneyFact, parsePercent, percentPlaces, percent } from '../_lib/content.js';

const SUBJECTS: Array<[string, string]> = [
  ['revenue', '收入'],
  ['expenditure', '支出'],
  ['three-public', '“三公”经费'],
  ['procurement', '政府采购预算'],
];

/**
 * The stated change against last year is consistent: last year = this year − change, and the
 * printed percent equals change ÷ last year rounded half up to the printed places
 * (0.54 / 4,424.06 = 0.0122 % → "0.01%").
 */
export const rule: Rule = {
  id: 'BUD-060',
  title: 'The stated change against last year is arithmetically consistent',
  titleZh: '说明中的增减额与增减幅度相互一致',
  severity: 'error',
  category: 'narrative',
  reads: ['narrative'],
  basis: 'domain.md §3: the stated change against last year (amount and %) is consistent at the displayed precision',
  check(doc, ctx) {
    for (const [key, name] of SUBJECTS) {
      const total = moneyFact(doc, `${key}.total`);
      const change = moneyFact(doc, `${key}.change.amount`);
      const pct = factsOf(doc, `${key}.change.percent`).find((f) => f.percent != null);
      if (!total || !change || !pct) continue;
      const printed = parsePercent(pct.percent);
      if (!printed) continue;
      const last = total.money.fen - change.money.fen;
      const places = percentPlaces(pct.percent ?? '');
      const expected = percent(change.money.fen, last, places);
      const loc = { section: '部门预算说明', item: pct.label, field: `${key}.change.percent`, line: pct.src.line, page: pct.src.page };
      if (expected === null) {
        if (!printed.isZero()) {
          ctx.report({ message: `${name}上年为 0，说明${lineRef(pct.src)}却列增减幅度 ${pct.percent}%`, location: loc, expected: null, actual: printed.toString(), difference: null, unit: '%' });
        }
        continue;
      }
      if (expected.equals(printed)) continue;
      ctx.report({
        message: `${name}${money(doc, total.money.fen)}，比上年增减 ${money(doc, change.money.fen)}，上年应为 ${money(doc, last)}，增减幅度应为 ${expected.toFixed(places)}%，说明${lineRef(pct.src)}为 ${pct.percent}%`,
        location: loc,
        expected: expected.toFixed(places),
        actual: printed.toFixed(places),
        difference: printed.minus(expected).toFixed(places),
        unit: '%',
      });
    }
  },
};
