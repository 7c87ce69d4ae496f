import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { importFile } from '../../app/import-document.js';
import type { BudgetDocument } from '../../domain/model.js';
import { SAMPLE_TEXT } from '../../../test/support/scaled-variants.js';
import { nextYearVariant, type YearVariant } from '../../../test/support/year-variant.js';
import { changePercentSigned, classAmounts, departmentComparison, isSignificant, percentWithin, sharePercent, yearComparison, type CompareLine, type ComparedDocument } from './compare.js';

const CORPUS = join(import.meta.dirname, '../../../../shared/corpus/txt');

let sample: BudgetDocument;
let variant: YearVariant;
const meta = (d: BudgetDocument, id: string): ComparedDocument => ({ budgetId: id, version: 1, unitName: d.unit.name, year: d.year, kind: d.kind });

before(async () => {
  sample = await importFile(SAMPLE_TEXT);
  variant = nextYearVariant(sample, 7);
});

const lineOf = (lines: CompareLine[], key: string) => {
  const l = lines.find((x) => x.key === key);
  assert.ok(l, `line ${key}`);
  return l;
};

test('a signed change percentage is computed from exact integers and rounded once, half up', () => {
  assert.equal(changePercentSigned(110, 100), '10.00');
  assert.equal(changePercentSigned(90, 100), '-10.00');
  // 1/3 of a percent of a fen-exact base: 2 places, half up (0.3333… → 0.33, 0.6666… → 0.67).
  assert.equal(changePercentSigned(300_001, 300_000), '0.00');
  assert.equal(changePercentSigned(300_002, 300_000), '0.00');
  assert.equal(changePercentSigned(301_000, 300_000), '0.33');
  assert.equal(changePercentSigned(302_000, 300_000), '0.67');
  assert.equal(changePercentSigned(-50, -100), '50.00', 'a negative base: the change is measured against its size');
  assert.equal(changePercentSigned(5, 0), null, 'no percentage of a zero base');
  // Beyond a double's exact integers the ratio is still exact: 2^53 − 1 against 2^52.
  assert.equal(changePercentSigned(Number.MAX_SAFE_INTEGER, 2 ** 52), '100.00');
  assert.equal(sharePercent(1, 3), '33.33');
  assert.equal(sharePercent(2, 3), '66.67');
  assert.equal(sharePercent(1, 0), null);
});

test('the threshold is met in integers: 10 % and 1.00 万元, a zero base by the amount alone', () => {
  assert.equal(isSignificant(1_000_000, 10_000_000), true, '1.00 万元 on 10.00 万元 is exactly 10 %');
  assert.equal(isSignificant(999_999, 9_999_990), false, 'just under 1.00 万元');
  assert.equal(isSignificant(1_000_000, 10_000_001), false, 'just under 10 %');
  assert.equal(isSignificant(-2_000_000, 20_000_000), true, 'a decrease counts as its size');
  assert.equal(isSignificant(1_000_000, 0), true);
  assert.equal(isSignificant(999_999, 0), false);
});

test('a stated percentage agrees within one unit of its last printed place', () => {
  assert.equal(percentWithin('12.00', 1_120_000, 1_000_000), true);
  assert.equal(percentWithin('12.01', 1_120_000, 1_000_000), true);
  assert.equal(percentWithin('12.02', 1_120_000, 1_000_000), false);
  assert.equal(percentWithin('12', 1_125_000, 1_000_000), true, '12.5 printed as 12');
  assert.equal(percentWithin('-3.2', 968_000, 1_000_000), true);
  assert.equal(percentWithin('3.2', 968_000, 1_000_000), false, 'the sign counts');
});

test('one unit against its previous year: every amount and change in fen, the percentages exact', () => {
  const cmp = yearComparison({ meta: meta(sample, '1'), doc: sample }, { meta: meta(variant.doc, '2'), doc: variant.doc });
  assert.equal(cmp.basis, 'documents');
  assert.equal(cmp.beforeLabel, '2021年部门预算');
  assert.equal(cmp.afterLabel, '2022年部门预算');
  const { m, h } = variant.factor;
  const summary = cmp.sections.find((s) => s.id === 'summary')!;
  const rev = lineOf(summary.lines, 'revenue.total');
  // The sample's 收入总计 is 4,424.60 万元; the variant's is that times m / h exactly.
  assert.equal(rev.before, 4_424_600_000);
  assert.equal(BigInt(rev.after!), (4_424_600_000n * m) / h);
  assert.equal(rev.change, rev.after! - 4_424_600_000);
  // The percentage is (m − h) / h, independent of the amount, to 2 places half up.
  const q = ((m - h) * 20_000n + h) / (2n * h); // (m − h) / h in hundredths of a percent, half up
  assert.equal(rev.percent, `${q / 100n}.${String(q % 100n).padStart(2, '0')}`);
  assert.equal(rev.narrative?.agrees, true, 'the variant states the true change');
  assert.equal(new Set(cmp.sections.map((s) => s.decimals)).size, 1, 'one number of places for every table');
  assert.equal(rev.flag, null);

  // Function classes, class by class: the re-coded 项 exists only in 2021, its replacement only in 2022.
  const fn = cmp.sections.find((s) => s.id === 'general-budget-function')!;
  const gone = lineOf(fn.lines, variant.recoded.from);
  assert.equal(gone.onlyIn, 'before');
  assert.equal(gone.after, null);
  assert.equal(gone.change, -gone.before!);
  assert.equal(gone.percent, null, 'no percentage against a class that is absent from one side');
  const added = lineOf(fn.lines, variant.recoded.to);
  assert.equal(added.onlyIn, 'after');
  assert.equal(added.before, null);
  assert.equal(added.change, added.after);
  assert.equal(BigInt(added.after!), (BigInt(gone.before!) * m) / h);
  // A class in both years: 201 一般公共服务支出, 4,263.65 万元 in 2021.
  const c201 = lineOf(fn.lines, '201');
  assert.equal(c201.before, 4_263_650_000);
  assert.equal(c201.change, c201.after! - c201.before);
  assert.deepEqual(
    fn.lines.map((l) => l.code),
    [...fn.lines.map((l) => l.code)].sort(),
    'classes in code order, 款 and 项 under their 类',
  );

  // Economic classes and projects are compared too.
  const econ = cmp.sections.find((s) => s.id === 'basic-expenditure-economic')!;
  assert.ok(econ.lines.length > 5);
  for (const l of econ.lines) if (l.before !== null && l.after !== null) assert.equal(BigInt(l.after), (BigInt(l.before) * m) / h, `${l.label} scaled exactly`);
  const projects = cmp.sections.find((s) => s.id === 'projects')!;
  assert.equal(projects.lines.length, sample.tables.find((t) => t.role === 'project-expenditure')!.rows.filter((r) => r.kind === 'item').length);
  const revenue = cmp.sections.find((s) => s.id === 'revenue')!;
  assert.equal(lineOf(revenue.lines, 'govApprop').before, 4_424_600_000);
});

test('a change the narrative should explain and does not is highlighted; a stated change the years contradict too', () => {
  const cmp = yearComparison({ meta: meta(sample, '1'), doc: sample }, { meta: meta(variant.doc, '2'), doc: variant.doc });
  const tp = cmp.sections.find((s) => s.id === 'three-public')!;
  // 公务接待费: 0.00 in 2021 (the narrative: the table prints no figure), the seeded figure in 2022 — a zero base.
  const reception = lineOf(tp.lines, 'reception');
  assert.equal(reception.before, 0);
  assert.equal(reception.sourceBefore, '文字说明');
  assert.equal(reception.after, variant.reception);
  assert.equal(reception.change, variant.reception);
  assert.equal(reception.percent, null, 'a zero base has no percentage');
  assert.equal(reception.significant, true);
  assert.equal(reception.narrative?.stated, null);
  assert.equal(reception.flag, 'unexplained');
  // The 三公 total: the narrative still says 0.00 万元 of change.
  const total = lineOf(tp.lines, 'total');
  assert.equal(total.change, variant.reception);
  assert.equal(total.narrative?.stated?.fen, 0);
  assert.equal(total.narrative?.agrees, false);
  assert.equal(total.flag, 'mismatch');
  // Unchanged items are not highlighted.
  assert.equal(lineOf(tp.lines, 'overseas').flag, null);
  assert.equal(cmp.flagged, cmp.sections.flatMap((s) => s.lines).filter((l) => l.flag).length);
  assert.ok(cmp.flagged >= 2);
  assert.match(cmp.thresholdText, /1\.00 万元.*10%/);
  // A narrative stating the template's 0.01 % for a change of (m − h) / h is contradicted, even with the right amount.
  const stale = structuredClone(variant.doc);
  for (const f of stale.narrative.facts) if (f.key === 'revenue.change.percent') f.percent = '0.01';
  const s2 = yearComparison({ meta: meta(sample, '1'), doc: sample }, { meta: meta(stale, '2'), doc: stale });
  const rev = lineOf(s2.sections.find((s) => s.id === 'summary')!.lines, 'revenue.total');
  assert.equal(rev.narrative?.stated?.percent, '0.01');
  assert.equal(rev.flag, 'mismatch');
});

test('without the previous year: said so, and only the document’s own 上年 figures are compared, labelled', () => {
  // The variant's 三公 table has a 2021 row printed empty, and nothing else carries 上年 columns: nothing to compare.
  const bare = yearComparison(null, { meta: meta(variant.doc, '2'), doc: variant.doc });
  assert.equal(bare.before, null);
  assert.equal(bare.basis, 'none');
  assert.equal(bare.sections.length, 0);
  assert.match(bare.notes[0]!, /未找到 深圳市福田区数据管理中心 2021 年的部门预算/);
  // With figures in its 2021 row, those are the 上年 side, labelled as the document's own.
  const doc = structuredClone(variant.doc);
  const row = doc.tables.find((t) => t.role === 'three-public')!.rows.find((r) => r.texts?.['year']?.text === '2021')!;
  const src = { line: null, page: null, raw: '' };
  row.amounts['total'] = { fen: 2_500_000, decimals: 2, src };
  row.amounts['reception'] = { fen: 2_500_000, decimals: 2, src };
  const cmp = yearComparison(null, { meta: meta(doc, '2'), doc });
  assert.equal(cmp.basis, 'prior-columns');
  assert.equal(cmp.beforeLabel, '本文件所列上年数');
  assert.deepEqual(cmp.sections.map((s) => s.id), ['three-public']);
  const tp = cmp.sections[0]!;
  assert.match(tp.note!, /本文件.*2021 年一行，不是上年的预算文件/);
  const reception = lineOf(tp.lines, 'reception');
  assert.equal(reception.before, 2_500_000);
  assert.equal(reception.after, variant.reception);
  assert.equal(reception.change, variant.reception - 2_500_000);
  assert.equal(reception.percent, changePercentSigned(variant.reception, 2_500_000));
  assert.equal(reception.narrative, null, 'no narrative check against the document itself');
  assert.equal(lineOf(tp.lines, 'overseas').before, null, 'an empty printed cell is no figure');
});

test('across departments: classes side by side, shares of each total and of the sum, as the SQL aggregates add them', async () => {
  const names = ['shenzhen-statistics-bureau-2026-budget', 'shenzhen-port-office-2026-budget', 'guangzhou-statistics-bureau-2026-budget'];
  const docs = await Promise.all(names.map((n) => importFile(join(CORPUS, `${n}.txt`))));
  const cmp = departmentComparison(docs.map((d, i) => ({ meta: meta(d, String(i + 1)), doc: d })), 'function', 1);
  assert.equal(cmp.year, 2026);
  assert.equal(cmp.documents.length, 3);
  assert.match(cmp.statement, /2026 年部门预算，共 3 份/);
  // Each document's total is the sum of its classes, the grand total the sum of the documents'.
  for (const [i, d] of docs.entries()) {
    const own = [...classAmounts(d, 'function', 1).values()].reduce((s, x) => s + x.fen, 0);
    assert.equal(cmp.totals[i], own);
    assert.equal(cmp.classes.reduce((s, c) => s + (c.fen[i] ?? 0), 0), own);
  }
  assert.equal(cmp.grandTotal, cmp.totals.reduce((s, x) => s + x, 0));
  for (const c of cmp.classes) {
    assert.equal(c.total, c.fen.reduce<number>((s, x) => s + (x ?? 0), 0));
    assert.equal(c.shareOfTotal, sharePercent(c.total, cmp.grandTotal));
    assert.deepEqual(c.shareOfClass, c.fen.map((f) => (f === null ? null : sharePercent(f, c.total))));
  }
  // A class only some departments have: null (absent), not zero, for the others.
  const partial = cmp.classes.find((c) => c.fen.some((x) => x === null));
  assert.ok(partial, 'some class is not in every department');
  assert.equal(partial.shareOfDocument[partial.fen.indexOf(null)], null);
  // 三公 per department (the 深圳 tables print them by position, so from the narrative; 广州 by row).
  assert.equal(cmp.threePublic[0]!.items['total'], 32_560_000);
  assert.equal(cmp.threePublic[1]!.items['total'], 43_790_000);
  assert.equal(cmp.threePublic[2]!.items['total'], 19_860_000);
  assert.equal(cmp.threePublicTotals['total']!.fen, 32_560_000 + 43_790_000 + 19_860_000);
  assert.equal(cmp.threePublic[2]!.items['operatingFunds'], 839_210_000);
  assert.throws(() => departmentComparison([{ meta: meta(sample, '9'), doc: sample }, { meta: meta(docs[0]!, '1'), doc: docs[0]! }], 'function', 1), /mixed/);
});

test('classes at a level roll up from the shortest printed code, never a parent and its child both', () => {
  const doc = structuredClone(sample);
  const fn = doc.tables.find((t) => t.role === 'general-budget-function')!;
  // Drop every 类 row of 208: its 款 rows are added up instead.
  fn.rows = fn.rows.filter((r) => r.code !== '208');
  const byClass = classAmounts(doc, 'function', 1);
  const whole = classAmounts(sample, 'function', 1);
  assert.equal(byClass.get('208')!.fen, whole.get('208')!.fen);
  assert.equal(byClass.get('208')!.label, null, 'no label printed at the 类');
  assert.equal(whole.get('201')!.fen, 4_263_650_000);
  assert.equal([...whole.values()].reduce((s, x) => s + x.fen, 0), 4_424_600_000);
});
