import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editForm, type CostLineEdit, type IndicatorEdit } from './form-edit.js';
import { FiscusError } from '../domain/errors.js';
import type { CostLine, ProjectForm } from '../domain/model.js';
import { budget, indicator } from '../../test/storage/fixture.js';

/** The fixture's form with three cost lines (801, 802, 803 in the source) and two indicators. */
function before(): ProjectForm {
  const f = structuredClone(budget(2021).projectForms[0]!);
  f.costLines.push({
    no: 3,
    text: '3.电费：0.5万元',
    label: '电费',
    amount: { fen: 500_000, decimals: 1, src: { line: 803, page: null, raw: '0.5' } },
    src: { line: 803, page: null, raw: 'line 803' },
  });
  f.indicators.push({ ...indicator('机柜数量', '8'), src: { line: 901, page: null, raw: 'line 901' } });
  return f;
}

/** A cost line as the editor submits it: what the user sees, and the line it replaces. */
const typed = (l: CostLine, replaces: number | null, fen = l.amount?.fen): CostLineEdit => ({ replaces, text: l.text, label: l.label, amount: fen === undefined ? null : { fen, decimals: 2 } });
const lineOf = (f: ProjectForm) => f.costLines.map((l) => l.src.line);

test('a reordered list: each line keeps its own origin, number, printed figures and what was read from its text', () => {
  const f = before();
  const [a, b, c] = f.costLines as [CostLine, CostLine, CostLine];
  const next = editForm(f, { costLines: [typed(c, 2), typed(a, 0), typed(b, 1)] });
  assert.deepEqual(lineOf(next), [803, 801, 802]);
  assert.deepEqual(
    next.costLines.map((l) => l.no),
    [3, 1, 2],
  );
  // Unchanged figures are the printed ones (their decimals and place), not the typed 2 decimals.
  assert.deepEqual(
    next.costLines.map((l) => l.amount),
    [c.amount, a.amount, b.amount],
  );
  assert.deepEqual([next.costLines[2]!.quantity, next.costLines[2]!.quantityUnit, next.costLines[2]!.unitPrice], ['5', '台', b.unitPrice]);
  assert.equal(f.costLines[0]!.src.line, 801, 'the form before is not changed');
});

test('a line inserted in the middle is new (the form’s place); the lines after it keep theirs', () => {
  const f = before();
  const [a, b, c] = f.costLines as [CostLine, CostLine, CostLine];
  const next = editForm(f, { costLines: [typed(a, 0), { replaces: null, text: '新增：网络费 1万元', label: '网络费', amount: { fen: 1_000_000, decimals: 2 } }, typed(b, 1), typed(c, 2)] });
  assert.deepEqual(lineOf(next), [801, 799, 802, 803]);
  const added = next.costLines[1]!;
  assert.deepEqual([added.no, added.amount, added.quantity], [null, { fen: 1_000_000, decimals: 2, src: f.src }, undefined]);
  assert.equal(next.costLines[2]!.quantity, '5', 'the line after the insertion keeps what was read from its text');
});

test('a deleted line: the others keep their origin, nothing of the deleted one is left', () => {
  const f = before();
  const [a, , c] = f.costLines as [CostLine, CostLine, CostLine];
  const next = editForm(f, { costLines: [typed(a, 0), typed(c, 2)] });
  assert.deepEqual(lineOf(next), [801, 803]);
  assert.ok(next.costLines.every((l) => l.quantity === undefined));
});

test('a replaced line keeps its origin; a changed figure takes the printed figure’s place, a changed text drops what was read from it', () => {
  const f = before();
  const b = f.costLines[1]!;
  const next = editForm(f, { costLines: [{ replaces: 1, text: '2.备品备件：1.8万元（6台×0.3万元）', label: '备品备件', amount: { fen: 1_800_000, decimals: 1 } }] });
  const l = next.costLines[0]!;
  assert.deepEqual([l.src, l.no], [b.src, 2]);
  assert.deepEqual(l.amount, { fen: 1_800_000, decimals: 1, src: b.amount!.src ?? b.src });
  assert.deepEqual([l.quantity, l.unitPrice, l.text], [undefined, undefined, '2.备品备件：1.8万元（6台×0.3万元）']);
  // The same text with its white space trimmed or collapsed (as the editor sends it) is the same text:
  // the printed one stays, with what was read from it.
  b.text = '2.备品备件：1.5万元\n（5台×0.3万元）';
  const same = editForm(f, { costLines: [{ replaces: 1, text: ' 2.备品备件：1.5万元 （5台×0.3万元）', label: b.label, amount: { fen: b.amount!.fen } }] }).costLines[0]!;
  assert.deepEqual([same.text, same.quantity, same.unitPrice], [b.text, '5', b.unitPrice]);
});

test('a line that claims to replace a line the version does not have is refused, naming it', () => {
  const f = before();
  assert.throws(
    () => editForm(f, { costLines: [typed(f.costLines[0]!, 0), typed(f.costLines[0]!, 3)] }),
    (e: unknown) => e instanceof FiscusError && e.code === 'INPUT_INVALID' && e.where.field === 'costLines.1.replaces' && /测算明细第 2 项要替换原第 4 项，但原有的只有 3 项/.test(e.message),
  );
  assert.throws(
    () => editForm(f, { indicators: [{ ...f.indicators[0]!, replaces: -1 }] }),
    (e: unknown) => e instanceof FiscusError && e.where.field === 'indicators.0.replaces',
  );
});

test('without `replaces`: a line with an `src` replaces the line printed there, one without the line at its position', () => {
  const f = before();
  const [a, b] = f.costLines as [CostLine, CostLine];
  // An API client that read the form and sends it back reordered, each line with its src.
  const echoed = editForm(f, {
    costLines: [
      { ...b, amount: { fen: b.amount!.fen } },
      { ...a, amount: { fen: a.amount!.fen } },
    ],
  });
  assert.deepEqual(
    echoed.costLines.map((l) => [l.src.line, l.amount]),
    [
      [802, b.amount],
      [801, a.amount],
    ],
  );
  // Without src: the position (the API's contract before `replaces`).
  const positional = editForm(f, { costLines: [{ text: 'x', label: 'x', amount: { fen: 7 } }] });
  assert.deepEqual([positional.costLines[0]!.src, positional.costLines[0]!.amount], [a.src, { fen: 7, src: a.amount!.src ?? a.src }]);
  // An src given with a line is kept as given, with its figure.
  const place = { line: 5, page: 2, raw: 'x' };
  assert.deepEqual(editForm(f, { costLines: [{ replaces: 0, text: 'x', label: 'x', amount: { fen: 7, src: place }, src: place }] }).costLines[0]!.amount, { fen: 7, src: place });
});

test('indicators: an unchanged one stays exactly as printed wherever it moves; a changed one keeps its place; a new one points at the form', () => {
  const f = before();
  const [x, y] = f.indicators as [ProjectForm['indicators'][number], ProjectForm['indicators'][number]];
  const edit = (i: typeof x, replaces: number | null, change: Partial<IndicatorEdit> = {}): IndicatorEdit => {
    const { src: _src, ...rest } = i;
    return { ...rest, raw: `${i.comparator}${i.value}${i.unit}`, replaces, ...change };
  };
  const next = editForm(f, { indicators: [edit(y, 1), edit(x, 0, { value: '25', raw: '≥25台' }), { ...edit(x, null), name: '新增指标' }] });
  assert.equal(next.indicators[0], y, 'unchanged: the printed indicator itself');
  assert.deepEqual([next.indicators[1]!.value, next.indicators[1]!.raw, next.indicators[1]!.src], ['25', '≥25台', x.src]);
  assert.deepEqual([next.indicators[2]!.name, next.indicators[2]!.src], ['新增指标', f.src]);
  assert.ok(
    next.indicators.every((i) => !('replaces' in i)),
    'replaces is not stored',
  );
});

test('quarters are their own ids: each keeps its quarter’s place, an unchanged figure stays as printed, a new quarter points at the form', () => {
  const f = before();
  f.disbursement = f.disbursement.filter((q) => q.quarter !== 3);
  const [q1, q2] = f.disbursement as [ProjectForm['disbursement'][number], ProjectForm['disbursement'][number]];
  const next = editForm(f, {
    disbursement: [
      { quarter: 3, amount: { fen: 10 } },
      { quarter: 2, amount: { fen: 20, decimals: 2 } },
      { quarter: 1, amount: { fen: q1.amount.fen, decimals: 4 } },
    ],
  });
  assert.deepEqual(
    next.disbursement.map((q) => q.quarter),
    [1, 2, 3],
  );
  assert.deepEqual(next.disbursement[0], q1);
  assert.deepEqual(next.disbursement[1], { quarter: 2, amount: { fen: 20, decimals: 2, src: q2.amount.src ?? q2.src }, src: q2.src });
  assert.deepEqual(next.disbursement[2], { quarter: 3, amount: { fen: 10, src: f.src }, src: f.src });
});

test('form amounts: a changed field keeps its printed place, null empties it, others stay', () => {
  const f = before();
  const next = editForm(f, { amounts: { total: { fen: 1 }, purchasedServices: null, other: { fen: 2 } } });
  assert.deepEqual(next.amounts.total, { fen: 1, src: f.amounts.total!.src ?? f.src });
  assert.deepEqual([next.amounts.purchasedServices, next.amounts.other, next.amounts.fiscal], [null, { fen: 2, src: f.src }, f.amounts.fiscal]);
});
