/**
 * The reconciliation on the shared final account of 上海市普陀区财政局 2024 and the budget reconstructed
 * from it (test/fixtures/reconcile/README.md): the unedited pair gives nothing; each variant with a
 * known edit gives exactly the findings of its edit, at its place and by its amount.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { importBytes } from './import-document.js';
import { formatReconcileText, reconcileDocuments, toJsonReconcile } from './reconcile.js';
import {
  BUDGET_FILE,
  CHANGED_CLASS_FILE,
  FINAL_FILE,
  fixtures,
  MISSING_EXPLANATION_FILE,
  NATIONAL_ADJUSTED_FILE,
  NATIONAL_BUDGET_FILE,
  NATIONAL_CHANGED_BASIC_FILE,
  NATIONAL_FINAL_FILE,
} from '../../test/fixtures/reconcile/make-fixtures.js';
import { FiscusError } from '../domain/errors.js';

const load = (p: string) => importBytes(readFileSync(p), basename(p));
const [budget, final, changed, missing] = await Promise.all([load(BUDGET_FILE), load(FINAL_FILE), load(CHANGED_CLASS_FILE), load(MISSING_EXPLANATION_FILE)]);
const brief = (r: ReturnType<typeof reconcileDocuments>) =>
  r.findings.map((f) => [f.rule, f.severity, f.item, f.location.line, f.location.tableId ?? null, f.location.row ?? null, f.expected, f.actual, f.difference]);

test('the fixtures are what make-fixtures.ts makes now from the shared final account', async () => {
  for (const [file, content] of await fixtures()) assert.equal(readFileSync(file, 'utf8'), content, `${file} is out of date: run node --import tsx test/fixtures/reconcile/make-fixtures.ts`);
});

test('the unedited pair gives no finding and leaves nothing unchecked', () => {
  const r = reconcileDocuments(budget, final);
  assert.deepEqual(r.summary, { error: 0, warning: 0, info: 0 });
  assert.deepEqual(r.notChecked, []);
  const line = (k: string) => r.lines.find((l) => l.item === k)!;
  // 行政运行: 1,560.05 budgeted, 1,511.89 spent (-48.16, -3.09 %), explained.
  assert.deepEqual([line('function:2010601').budgetFen, line('function:2010601').finalFen, line('function:2010601').deviationPercent], [1_560_050_000, 1_511_890_000, '-3.09']);
  assert.deepEqual([line('general:total').budgetFen, line('general:total').finalFen], [2_993_920_000, 2_940_050_000]);
  assert.deepEqual([line('three-public:total').deviationFen, line('three-public:total').reason], [-950_000, '当年度无“三公”经费支出']);
});

test('a changed class (信息化建设 +20.00) gives the two stated budgets and the completion rate, at their lines', () => {
  const r = reconcileDocuments(changed, final);
  assert.deepEqual(brief(r), [
    ['REC-001', 'error', 'general:total', 618, null, null, '3013.92', '2993.92', '-20.00'],
    ['REC-004', 'error', 'general:total', 618, null, null, '97.55', '98.20', '0.65'],
    ['REC-001', 'error', 'function:2010607', 632, null, null, '155.90', '135.90', '-20.00'],
  ]);
  assert.deepEqual(
    r.findings.map((f) => [f.budgetLocation?.tableId, f.budgetLocation?.row, f.budgetLocation?.column]),
    [
      ['t1', 'total', 'total'],
      ['t1', 'total', 'total'],
      ['t1', 'f2010607', 'total'],
    ],
  );
});

test('a missing explanation (the 三公 reason removed) gives one warning at the 三公 table’s 决算数 line', () => {
  const r = reconcileDocuments(budget, missing);
  assert.deepEqual(brief(r), [['REC-002', 'warning', 'three-public:total', 530, 't7', 'final', '0.95', '0.00', '-0.95']]);
  assert.equal(r.findings[0]!.budgetLocation?.row, 'y2024');
});

test('a 项 spent but not budgeted is a stated-budget error and, unexplained, a large deviation', () => {
  const b = structuredClone(budget);
  b.tables[0]!.rows = b.tables[0]!.rows.filter((x) => x.id !== 'f2080599');
  const r = reconcileDocuments(b, final);
  assert.deepEqual(brief(r), [
    ['REC-001', 'error', 'function:2080599', 659, null, null, '0.00', '0.94', '0.94'],
    ['REC-002', 'warning', 'function:2080599', 356, 't5', 'f2080599', '0.00', '0.94', '0.94'],
  ]);
});

test('an unknown budget cell is listed as not checked, not as an error', () => {
  const b = structuredClone(changed);
  const r0 = b.tables[0]!.rows.find((x) => x.id === 'f2010607')!;
  r0.amounts['total'] = null;
  r0.unplaced = [{ fen: 1_559_000_000, decimals: 2 }];
  const r = reconcileDocuments(b, final);
  assert.equal(r.findings.filter((f) => f.item === 'function:2010607').length, 0);
  assert.ok(r.notChecked.some((n) => n.item === 'function:2010607' && n.rule === 'REC-001'));
});

test('documents that are not a budget and the final account of one unit and year are refused', async () => {
  const wanli = await load(new URL('../../samples/shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.txt', import.meta.url).pathname);
  assert.throws(
    () => reconcileDocuments(wanli, final),
    (e: unknown) => e instanceof FiscusError && e.code === 'INPUT_INVALID' && /同一单位/.test(e.message),
  );
  assert.throws(
    () => reconcileDocuments(final, budget),
    (e: unknown) => e instanceof FiscusError && /第一份文件应为部门预算/.test(e.message),
  );
  assert.throws(
    () => reconcileDocuments({ ...budget, year: 2023 }, final),
    (e: unknown) => e instanceof FiscusError && /同一年度/.test(e.message),
  );
});

test('the JSON and text reports carry the places as data', () => {
  const r = reconcileDocuments(changed, final);
  const j = toJsonReconcile(r) as { findings: Array<{ location: { fact: string | null }; budgetLocation: { tableId: string; row: string; column: string } }> };
  assert.deepEqual(j.findings[2]!.budgetLocation, {
    section: '2024年部门一般公共预算支出功能分类预算表',
    item: '2010607 信息化建设',
    field: '合计',
    line: null,
    page: null,
    tableId: 't1',
    row: 'f2010607',
    column: 'total',
    fact: null,
  });
  assert.equal(j.findings[2]!.location.fact, 'comparison.budget');
  const text = formatReconcileText(r, 'b.json', 'f.txt');
  assert.match(text, /^f\.txt:632: error REC-001 .*← b\.json 表 t1 行 f2010607 列 total$/m);
  assert.match(text, /3 errors, 0 warnings, 0 info, 0 not checked \(5 rules\)/);
});

// The national template's variant (test/fixtures/reconcile/README.md): the final account's function table
// prints 年初预算数 (小计 / 基本支出 / 项目支出), 调整预算数 and 决算数; the genre recogniser reads it.
const [nBudget, nFinal, nChanged, nAdjusted] = await Promise.all([load(NATIONAL_BUDGET_FILE), load(NATIONAL_FINAL_FILE), load(NATIONAL_CHANGED_BASIC_FILE), load(NATIONAL_ADJUSTED_FILE)]);
const placed = (r: ReturnType<typeof reconcileDocuments>) =>
  r.findings.map((f) => [
    f.rule,
    f.severity,
    f.item,
    f.location.line,
    f.location.tableId ?? null,
    f.location.column ?? null,
    f.expected,
    f.actual,
    f.difference,
    f.budgetLocation?.row,
    f.budgetLocation?.column,
  ]);
// The genre reader cannot name the columns of the 三公 table's 预算数 / 决算数 pairs: its 决算数 is unknown.
const threePublicNotChecked = ['REC-002 three-public:total', 'REC-003 three-public:total', 'REC-004 three-public:total'];

test('the national variant with the budget its 年初预算数 columns state gives no finding; its columns are the lines’ stated and adjusted budgets', () => {
  assert.equal(nFinal.profile, 'generic');
  const t = nFinal.tables.find((x) => x.role === 'general-budget-function')!;
  assert.deepEqual(
    t.columns.map((c) => c.key),
    ['initial.total', 'initial.basic', 'initial.project', 'adjusted.total', 'total', 'basic', 'project'],
  );
  const r = reconcileDocuments(nBudget, nFinal);
  assert.deepEqual(r.summary, { error: 0, warning: 0, info: 0 });
  assert.deepEqual(
    r.notChecked.map((n) => `${n.rule} ${n.item}`),
    threePublicNotChecked,
  );
  const line = (k: string) => r.lines.find((l) => l.item === k)!;
  assert.deepEqual([line('function:2010601').statedBudgetFen, line('function:2010601').adjustedFen, line('function:2010601').finalFen], [1_560_050_000, 1_560_050_000, 1_511_890_000]);
  // 信息化建设 adjusted down to what was spent: 135.90 → 135.25, within 10 %.
  assert.deepEqual([line('function:2010607').budgetFen, line('function:2010607').adjustedFen], [135_900_000, 135_250_000]);
  assert.deepEqual([line('general:total').statedBudgetFen, line('general:total').adjustedFen], [2_993_920_000, 2_993_270_000]);
});

test('national variant 1, a budget 基本支出 changed (行政运行 +5.00): its 年初预算数 cells and the narrative, each at its place', () => {
  assert.deepEqual(placed(reconcileDocuments(nChanged, nFinal)), [
    ['REC-001', 'error', 'function:2010601', 347, 't5', 'initial.total', '1565.05', '1560.05', '-5.00', 'f2010601', 'total'],
    ['REC-001', 'error', 'function:2010601', 347, 't5', 'initial.basic', '1556.68', '1551.68', '-5.00', 'f2010601', 'basic'],
    ['REC-001', 'error', 'function:2010601', 624, null, null, '1565.05', '1560.05', '-5.00', 'f2010601', 'total'],
  ]);
});

test('national variant 2, 一般行政管理事务 adjusted from 10.00 to 15.00 without a reason: one REC-005 warning at its 调整预算数 cell', () => {
  const r = reconcileDocuments(nBudget, nAdjusted);
  assert.deepEqual(placed(r), [['REC-005', 'warning', 'function:2010602', 348, 't5', 'adjusted.total', '10.00', '15.00', '5.00', 'f2010602', 'total']]);
  assert.match(r.findings[0]!.message, /决算说明第 627 行只列数字，未说明原因/);
  // The text's compared lines carry the 调整预算数 the final account prints, and only then.
  const text = formatReconcileText(r, 'b.json', 'f.txt');
  assert.match(text, /项目 \| 预算数 \| 决算所列年初预算数 \| 决算所列调整预算数 \| 决算数/);
  assert.match(text, /^ {2}2010602 一般行政管理事务 \| 10\.00 \| 10\.00 \| 15\.00 \| 10\.00 \| 0\.00 \| 0\.00%$/m);
  assert.doesNotMatch(formatReconcileText(reconcileDocuments(budget, final), 'b.json', 'f.txt'), /调整预算数/);
});
