/**
 * The next year of a unit's budget, for the comparison tests (issue 15 item 2): the corpus holds no unit in
 * two years, so a year is made from a document by a small seeded transformation on top of the city
 * generator's exact scaling (scripts/gen-city.ts `vary`: every amount × m / h, exact fen, every identity
 * kept), then:
 * - the 三公 table's year rows move one year on (its 上年 row is the template's own year);
 * - one function 项 under a 款 is re-coded to that 款's 99 (“其他…”): a class present only in the earlier
 *   year and one present only in the later, the parents' sums unchanged;
 * - 公务接待费 goes from the template's figure to a seeded non-zero one in the 三公 table and the narrative
 *   (a zero base when the template has none), and the narrative's statement of its change is dropped
 *   (a change the narrative should explain and does not); its 三公 total follows, while the narrative's
 *   stated change of the 三公 total is left as scaled (a statement the two years contradict);
 * - the narrative's stated changes of the revenue and expenditure totals (amount and percentage) become the true ones.
 */
import type { BudgetDocument, Table } from '../../src/domain/model.js';
import { codes } from '../../src/domain/classification/index.js';
import { exactFactor, vary } from '../../scripts/gen-city.js';
import { seeded } from './seeded.js';

export interface YearVariant {
  doc: BudgetDocument;
  /** The exact factor every amount was multiplied by. */
  factor: { m: bigint; h: bigint };
  /** The function code that exists only in the earlier year, and its replacement in the later. */
  recoded: { from: string; to: string };
  /** 公务接待费 in the later year (fen). */
  reception: number;
}

const money = (fen: number, decimals = 2) => ({ fen, decimals, src: { line: null, page: null, raw: '' } });

function total(doc: BudgetDocument, role: string, pick: (t: Table) => number | null | undefined): number {
  const t = doc.tables.find((x) => x.role === role);
  const v = t ? pick(t) : null;
  if (v === null || v === undefined) throw new Error(`year variant: no ${role} total`);
  return v;
}

/** The budget of `doc`'s unit for the next year (see the file's comment); the same seed gives the same document. */
export function nextYearVariant(doc: BudgetDocument, seed = 1): YearVariant {
  const r = seeded(seed);
  const factor = exactFactor(doc, 1.05 + r() * 0.1);
  const next = vary(doc, doc.unit.name, doc.year + 1, factor, `${doc.unit.name}-${doc.year + 1}-variant.json`);

  // 三公 year rows one year on.
  for (const t of next.tables.filter((x) => x.role === 'three-public')) {
    for (const row of t.rows) {
      const y = row.texts?.['year'];
      if (y && /^\d{4}$/.test(y.text.trim())) y.text = String(Number(y.text.trim()) + 1);
    }
  }

  // One 项 re-coded to its 款's 99, in every function table (the same code everywhere keeps the cross-table checks).
  const fn = next.tables.find((t) => t.role === 'general-budget-function')!;
  const present = new Set(fn.rows.map((x) => x.code));
  const candidates = fn.rows.filter((x) => x.codeSystem === 'function' && x.code?.length === 7 && !x.code.endsWith('99') && !present.has(`${x.code.slice(0, 5)}99`) && x.amounts['total']?.fen);
  const pick = candidates[Math.floor(r() * candidates.length)];
  if (!pick?.code) throw new Error('year variant: no 项 to re-code');
  const from = pick.code;
  const to = `${from.slice(0, 5)}99`;
  const name = codes.byCodeIn('function', to, next.year)?.name ?? codes.namesOf('function', to)[0]?.name ?? `其他${pick.label}`;
  for (const t of next.tables) for (const row of t.rows) if (row.codeSystem === 'function' && row.code === from) Object.assign(row, { code: to, label: name });

  // 公务接待费: a seeded non-zero figure this year, its change not stated.
  const reception = (100 + Math.floor(r() * 200)) * 10_000;
  const t12 = next.tables.find((t) => t.role === 'three-public');
  const row = t12?.rows.find((x) => x.texts?.['year']?.text === String(next.year));
  const was = row?.amounts['reception']?.fen ?? 0;
  if (row) {
    row.amounts['reception'] = money(reception);
    row.amounts['total'] = money((row.amounts['total']?.fen ?? 0) - was + reception);
  }
  const facts = next.narrative.facts;
  for (const f of facts) {
    if (f.key === 'three-public.reception' && f.money) f.money = { ...f.money, fen: reception };
    if (f.key === 'three-public.total' && f.money) f.money = { ...f.money, fen: f.money.fen - was + reception };
  }
  next.narrative.facts = facts.filter((f) => f.key !== 'three-public.reception.change' && f.key !== 'three-public.reception.change.percent');

  // The totals' stated changes: the true differences.
  const rev = (d: BudgetDocument) => total(d, 'income-expenditure-summary', (t) => t.rows.find((x) => x.side === 'revenue' && x.kind === 'total')?.amounts[t.sides?.revenue ?? 'amount']?.fen);
  const exp = (d: BudgetDocument) => total(d, 'expenditure-summary', (t) => (t.rows.find((x) => x.kind === 'total') ?? t.rows.find((x) => x.kind === 'unit'))?.amounts['total']?.fen);
  // Percentages as printed: two places, half up, computed on integers here (not by the code under test).
  const pct = (after: number, before: number) => {
    const q = ((BigInt(after) - BigInt(before)) * 20_000n + BigInt(before)) / (2n * BigInt(before));
    return `${q / 100n}.${String(q % 100n).padStart(2, '0')}`;
  };
  for (const f of next.narrative.facts) {
    if (f.key === 'revenue.change.amount' && f.money) f.money = { ...f.money, fen: rev(next) - rev(doc) };
    if (f.key === 'expenditure.change.amount' && f.money) f.money = { ...f.money, fen: exp(next) - exp(doc) };
    if (f.key === 'revenue.change.percent') f.percent = pct(rev(next), rev(doc));
    if (f.key === 'expenditure.change.percent') f.percent = pct(exp(next), exp(doc));
  }
  return { doc: next, factor, recoded: { from, to }, reception };
}
