import type { Rule, RuleContext } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import type { BudgetDocument, Row, Table } from '../../domain/model.js';
import { codes } from '../../domain/classification/index.js';
import { functionCodes, reconcile, sumFigures, hasColumn, type TableFigure } from '../_lib/cross.js';
import { fenOf } from '../_lib/rounding.js';

/**
 * Where the economic view (table 4) and the function view (table 7, basic expenditure) meet: the
 * same contribution appears once by economic 款 and once by function 项.
 */
export const PAIRS: ReadonlyArray<{ econ: string[]; fn: string[]; what: string; notIn?: BudgetDocument['profile'][] }> = [
  { econ: ['30108'], fn: ['2080505'], what: '机关事业单位基本养老保险缴费' },
  { econ: ['30109'], fn: ['2080506'], what: '职业年金缴费' },
  { econ: ['30110'], fn: ['2101101', '2101102'], what: '职工基本医疗保险缴费' },
  { econ: ['30111'], fn: ['2101103'], what: '公务员医疗补助缴费' },
  { econ: ['30113'], fn: ['2210201'], what: '住房公积金' },
  // 行政/事业单位离退休 (2080501/02) also carry retirees' other basic spending (公用经费, 补助) where
  // the layout books it there (Shanghai: 退休费 25.49 within 31.97): no identity in those layouts.
  { econ: ['30301', '30302'], fn: ['2080501', '2080502'], what: '离休费、退休费', notIn: ['shanghai-budget', 'shanghai-final-accounts'] },
];

/** Economic 款 rows of table 4 by code (resolved from the name when the table prints none). */
function econRows(doc: BudgetDocument, t: Table): Map<string, Row[]> {
  const m = new Map<string, Row[]>();
  for (const r of t.rows) {
    let code = r.codeSystem === 'econ' ? r.code : null;
    if (!code && r.kind === 'item') code = codes.byNameIn('econ', r.label, doc.year).find((e) => e.level === '款')?.code ?? null;
    if (!code) continue;
    m.set(code, [...(m.get(code) ?? []), r]);
  }
  return m;
}

/** Table 4 economic items equal the matching table 7 function items of basic expenditure. */
export const rule: Rule = {
  id: 'BUD-035',
  title: 'Economic and function views of basic expenditure agree',
  titleZh: '基本支出经济分类与功能分类相互对应的科目金额一致（养老、年金、医疗、公积金、离退休）',
  severity: 'error',
  category: 'cross-table',
  reads: ['tables'],
  basis: 'domain.md §3 "the function view (table 7) and the economic view (table 4) of basic expenditure agree where they meet"',
  check(doc, ctx) {
    const t4 = tableOf(doc, 'basic-expenditure-economic');
    const t7 = tableOf(doc, 'general-budget-function');
    if (!t4 || !t7 || !hasColumn(t7, 'basic')) return;
    // The general-budget column of table 4 is what table 7 (general budget only) shows.
    // (A table that prints one figure per row names it total or amount; a table with none of these
    // columns is not checked: its figures are not known, not zero.)
    const k4 = (['general', 'total', 'amount'] as const).find((k) => hasColumn(t4, k));
    if (!k4) return;
    const econ = econRows(doc, t4);
    const fn = functionCodes(t7, 'basic');
    // Outside the Shenzhen template the pairs are a booking convention, not an identity: reviewed on
    // the corpus (test/corpus/reviewed-findings.json), every one of 90 mismatches in 12 regions was a
    // regional practice (Changsha and Suzhou book all staff costs under 行政运行, Fuzhou retiree
    // subsidies under 30399, Shanghai medical as 30110 + 30111 under 2101101, Shenzhen's own 2026
    // budgets 2080505 above 30108). A mismatch there is information to look at, never a finding.
    const out: RuleContext =
      doc.profile === 'shenzhen-dept-budget' ? ctx : { report: (f) => ctx.report({ ...f, severity: 'info', message: `${f.message}（经济分类与功能分类的对应口径各地不一，仅供核对）` }) };
    for (const p of PAIRS) {
      if (p.notIn?.includes(doc.profile)) continue;
      const eRows = p.econ.flatMap((c) => econ.get(c) ?? []);
      const fFigs = p.fn.map((c) => fn.get(c)).filter((f): f is TableFigure => f !== undefined);
      const eFen = eRows.reduce((s, r) => s + fenOf(r.amounts[k4]), 0);
      const fSum = sumFigures(fFigs);
      if (eFen === 0 && fSum.fen === 0) continue;
      const eFig: TableFigure = eRows.length === 1 ? { value: eRows[0]!.amounts[k4] ?? null, fen: eFen, row: eRows[0], n: 1 } : { value: eFen, fen: eFen, row: eRows[0], n: eRows.length };
      reconcile(out, { table: t4, label: `${p.econ.join('+')} ${p.what}`, fig: eFig, key: k4 }, { table: t7, label: `${p.fn.join('+')} 基本支出`, fig: fSum, key: 'basic' }, p.what);
    }
  },
};
