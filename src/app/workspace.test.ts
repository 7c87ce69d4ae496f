import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyPatch, diffDocuments, openWorkspace } from './workspace.js';
import { FiscusError } from '../domain/errors.js';
import { budget, bytesOf } from '../../test/storage/fixture.js';

test('an in-memory workspace imports a document and lists it with its latest version (and has budgets only from then on)', async () => {
  const ws = await openWorkspace();
  try {
    assert.equal(await ws.hasBudgets(), false);
    const r = await ws.importDocument(bytesOf(budget(2021)), 'a.json');
    assert.equal(await ws.hasBudgets(), true);
    const [b] = await ws.listBudgets();
    assert.deepEqual([b?.id, b?.latestVersion, b?.year], [r.budgetId, 1, 2021]);
  } finally {
    await ws.close();
  }
});

test('a patch replaces the listed parts of one project form and keeps the rest', () => {
  const doc = budget(2021);
  const next = applyPatch(doc, 'f1', { disbursement: [{ quarter: 1, amount: { fen: 6_000_000 } }], amounts: { other: { fen: 5 } } });
  const f = next.projectForms[0]!;
  // The quarter keeps the place of the quarter it replaces (app/form-edit.ts decides it).
  const q1 = doc.projectForms[0]!.disbursement[0]!;
  assert.deepEqual(f.disbursement, [{ quarter: 1, amount: { fen: 6_000_000, src: q1.amount.src }, src: q1.src }]);
  assert.equal(f.amounts.other?.fen, 5);
  assert.equal(f.amounts.total?.fen, 6_000_000);
  assert.deepEqual(f.costLines, doc.projectForms[0]!.costLines);
  assert.equal(doc.projectForms[0]!.disbursement.length, 4, 'the original is not changed');
});

test('a patch that breaks the model is refused with INPUT_INVALID naming the field', () => {
  assert.throws(
    () => applyPatch(budget(2021), 'f1', { disbursement: [{ quarter: 5, amount: { fen: 1 } }] }),
    (e: unknown) => e instanceof FiscusError && e.code === 'INPUT_INVALID' && /disbursement\.0\.quarter/.test(e.message),
  );
  assert.throws(
    () => applyPatch(budget(2021), 'nope', {}),
    (e: unknown) => e instanceof FiscusError && e.code === 'NOT_FOUND',
  );
});

test('the diff of a changed form amount gives before, after and the difference in fen', () => {
  const a = budget(2021);
  const b = applyPatch(a, 'f1', { amounts: { total: { fen: 6_500_000 } } });
  const d = diffDocuments(a, b);
  assert.deepEqual(
    d.amounts.map((c) => [c.path, c.beforeFen, c.afterFen, c.differenceFen]),
    [['projectForms[f1].amounts.total', 6_000_000, 6_500_000, 500_000]],
  );
  assert.deepEqual([d.added, d.removed], [[], []]);
});

test('identical documents have an empty diff', () => {
  assert.deepEqual(diffDocuments(budget(2021), budget(2021)), { amounts: [], added: [], removed: [] });
});

test('the diff names changed narrative figures and table 14 task amounts and targets', async () => {
  const { importFile } = await import('./import-document.js');
  const a = await importFile(new URL('../../samples/shenzhen-futian-data-center-2021-dept-budget.txt', import.meta.url).pathname);
  const b = structuredClone(a);
  const personnel = b.narrative.facts.filter((f) => f.key === 'expenditure.personnel');
  personnel[1]!.money!.fen += 10_000; // the second statement of 人员支出
  const staff = b.narrative.facts.find((f) => f.key === 'staff.career.actual')!;
  staff.count = staff.count! + 1;
  b.departmentTargets!.tasks[0]!.total!.fen += 20_000;
  const sat = b.departmentTargets!.indicators.find((i) => i.name === '用户满意度')!;
  sat.value = '95';
  const d = diffDocuments(a, b);
  assert.deepEqual(
    d.amounts.map((c) => [c.path, c.differenceFen]),
    [
      ['narrative.facts[expenditure.personnel#2].money', 10_000],
      [`departmentTargets.tasks[${a.departmentTargets!.tasks[0]!.name}].total`, 20_000],
    ],
  );
  assert.deepEqual(
    d.removed.map((x) => x.what),
    ['fact', 'indicator'],
  );
  assert.deepEqual(
    d.added.map((x) => [x.what, x.table]),
    [
      ['fact', null],
      ['indicator', 14],
    ],
  );
  assert.match(d.added[1]!.path, /用户满意度: ≥95%/);
});
