import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Decimal } from 'decimal.js';
import { FiscusError } from '../domain/errors.js';
import { importBytes } from './import-document.js';
import { openWorkspace } from './workspace.js';
import { buildEvaluation, buildMonitoring, followOf, parseActualsFile, parseMonitoringFile, readPaymentsFile } from './follow.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLE = join(ROOT, 'samples/shenzhen-futian-data-center-2021-dept-budget.txt');
const YEAR = join(ROOT, 'samples/year-2021');
const csv = readFileSync(join(YEAR, 'payments.csv'));
const sample = readFileSync(SAMPLE);

/** The CSV summed by hand (independently of the importer): fen per project up to a date. */
function csvTotals(upTo: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of csv.toString('utf8').trim().split('\n').slice(1)) {
    const [name, date, amount] = line.split(',');
    if (date! > upTo) continue;
    const [yuan, cents] = amount!.split('.');
    out.set(name!, (out.get(name!) ?? 0) + Number(yuan) * 100 + Number(cents ?? 0));
  }
  return out;
}

test('the fixture year: execution to the end of August matches the payments and warns where the story says', async () => {
  const doc = await importBytes(sample, 'sample.txt');
  const ps = await readPaymentsFile(doc, csv, 'payments.csv');
  const m = parseMonitoringFile(doc, readFileSync(join(YEAR, 'monitoring-2021-08.json')), 'monitoring.json');
  assert.equal(m.asOf, '2021-08-31');
  const r = buildMonitoring(doc, ps, m.entries, '2021-08-31');
  const byHand = csvTotals('2021-08-31');
  for (const p of r.execution.projects) {
    assert.equal(p.paidFen, byHand.get(p.name) ?? 0, p.name);
    assert.equal(p.rate, new Decimal(p.paidFen).div(p.budgetFen).times(100).toFixed(2), p.name);
  }
  const paid = [...byHand.values()].reduce((a, b) => a + b, 0);
  assert.equal(r.execution.total.paidFen, paid);
  const kinds = (name: string) => r.execution.projects.find((p) => p.name === name)!.warnings.map((w) => w.kind);
  assert.deepEqual(kinds('网络和信息安全运行维护'), ['below-floor', 'off-plan'], 'the lagging project is below the floor and off its plan');
  assert.deepEqual(kinds('其他一般管理事务'), ['off-plan'], 'the project paying ahead is off its plan upwards');
  assert.deepEqual(kinds('基础设施运行维护'), [], 'an on-plan project above the floor has no warning');
  assert.ok(
    r.execution.total.warnings.some((w) => w.kind === 'below-floor'),
    'the department as a whole is below the August floor',
  );
  const sec = r.projects.find((p) => p.execution.name === '网络和信息安全运行维护')!;
  const scan = sec.rows.find((x) => x.indicator.name === '应用系统扫描次数')!;
  assert.equal(scan.entry.likelihood, '有可能');
  assert.equal(scan.entry.reason, '人员保障');
  assert.deepEqual(scan.check.missing, []);
  assert.ok(scan.check.triggers.length > 0);
});

test('the fixture year: the self-evaluation scores each project and the lagging one grades below the others', async () => {
  const doc = await importBytes(sample, 'sample.txt');
  const ps = await readPaymentsFile(doc, csv, 'payments.csv');
  const a = parseActualsFile(doc, readFileSync(join(YEAR, 'actuals-2021.json')), 'actuals.json');
  const r = buildEvaluation(doc, ps, a);
  const byHand = csvTotals('2021-12-31');
  for (const p of r.projects) {
    assert.equal(p.paidFen, byHand.get(p.name), p.name);
    const cats = Object.values(p.evaluation.byCategory).reduce((s, x) => s.plus(x), new Decimal(0));
    assert.ok(cats.minus(p.evaluation.total).abs().lte('0.04'), `${p.name}: categories add up to the total`);
  }
  const sec = r.projects.find((p) => p.name === '网络和信息安全运行维护')!;
  assert.equal(sec.execution.rate, '86.10');
  assert.equal(sec.evaluation.grade, '良');
  const others = r.projects.filter((p) => p !== sec);
  assert.ok(others.every((p) => new Decimal(p.evaluation.total).gt(sec.evaluation.total)));
  // The deadline target "2021年11月前" is judged in bands rather than breaking the arithmetic.
  const deadline = sec.evaluation.indicators.find((i) => i.indicator.name === '现场检查完成时间')!;
  assert.equal(deadline.ratio, '1.0000');
  const repair = r.projects.find((p) => p.name === '应急项目和设备维修')!;
  assert.deepEqual(
    repair.evaluation.incomplete.map((i) => [i.indicator.name, i.missing]),
    [['设备正常使用率', ['correction']]],
  );
});

async function rejects(p: Promise<unknown>, code: string, re: RegExp) {
  await assert.rejects(p, (e: unknown) => e instanceof FiscusError && e.code === code && re.test(e.oneLine()));
}

test('payments, monitoring entries and actuals are stored per budget, all-or-nothing, and survive a new version', { timeout: 120_000 }, async () => {
  const ws = await openWorkspace();
  try {
    const { budgetId } = await ws.importDocument(sample, 'sample.txt');
    const f = followOf(ws);
    assert.equal(await f.hasData(budgetId), false);
    const lines = csv.toString('utf8').trim().split('\n');
    const bad = [...lines.slice(0, 20), '基础设施运行维护,2021-06-01,"12,3.4",,', ...lines.slice(20)].join('\n');
    await rejects(f.importPayments(budgetId, new TextEncoder().encode(bad), 'payments.csv'), 'INPUT_INVALID', /^payments\.csv:21: 应为金额（元），实为 "12,3\.4"$/);
    assert.deepEqual(await f.listPayments(budgetId), [], 'nothing of the bad file was stored');

    const r = await f.importPayments(budgetId, csv, 'payments.csv');
    assert.equal(r.imported, lines.length - 1);
    assert.equal(
      r.totalFen,
      [...csvTotals('2021-12-31').values()].reduce((a, b) => a + b, 0),
    );
    const before = await f.execution(budgetId, '2021-08-31');
    await f.addPayment(budgetId, { project: '基础设施运行维护', date: '2021-08-20', fen: 1_000_000 });
    const after = await f.execution(budgetId, '2021-08-31');
    const p0 = before.projects.find((p) => p.name === '基础设施运行维护')!;
    const p1 = after.projects.find((p) => p.name === '基础设施运行维护')!;
    assert.equal(p1.paidFen - p0.paidFen, 1_000_000);
    await rejects(f.addPayment(budgetId, { project: '基础设施运行维护', date: '2022-01-01', fen: 1 }), 'INPUT_INVALID', /in 2021/);
    await rejects(f.addPayment(budgetId, { project: '不存在', date: '2021-01-01', fen: 1 }), 'NOT_FOUND', /不存在/);

    // A deviation without reason and action is incomplete until they are given.
    const doc = await ws.getDocument(budgetId);
    const form = doc.projectForms.find((x) => x.name === '网络和信息安全运行维护')!;
    const idx = form.indicators.findIndex((i) => i.name === '应用系统扫描次数');
    let m = await f.saveMonitoring(budgetId, form.id, [{ idx, actualToDate: '120', likelihood: '有可能' }], '2021-08-31');
    let row = m.projects.find((p) => p.execution.formId === form.id)!.rows[idx]!;
    assert.deepEqual(row.check.missing, ['reason', 'action']);
    m = await f.saveMonitoring(budgetId, form.name, [{ idx, actualToDate: '120', likelihood: '有可能', reason: '人员保障', action: '增派人员' }]);
    row = m.projects.find((p) => p.execution.formId === form.id)!.rows[idx]!;
    assert.deepEqual(row.check.missing, []);
    assert.equal(m.asOf, '2021-08-31', 'the entries keep their as-of date');
    await rejects(f.saveMonitoring(budgetId, form.id, [{ idx, likelihood: '也许' as never }]), 'INPUT_INVALID', /likelihood/);

    // Actuals: a missed count scores below its weight and asks for a reason.
    const e = await f.saveActuals(budgetId, form.id, [{ idx, value: '150' }]);
    const sc = e.projects.find((p) => p.formId === form.id)!.evaluation.indicators[idx]!;
    assert.equal(sc.ratio, '0.5000');
    assert.deepEqual(sc.missing, ['reason', 'correction']);
    await rejects(f.saveActuals(budgetId, form.id, [{ idx, value: '很多' }]), 'INPUT_INVALID', /expected a number/);

    // A new version of the budget keeps the year's figures (keyed by budget and form, not version).
    await ws.editProjectForm(budgetId, 1, form.id, { amounts: { purchasedServices: null } });
    assert.equal((await f.listPayments(budgetId)).length, lines.length);
    const again = await f.monitoring(budgetId);
    assert.equal(again.projects.find((p) => p.execution.formId === form.id)!.rows[idx]!.entry.reason, '人员保障');
    assert.equal(await f.hasData(budgetId), true);
  } finally {
    await ws.close();
  }
});

test(
  '指标控制: a payments file taking a project beyond its budget is refused at the row that crosses, nothing written; after an approved adjustment it is stored and the rates use the adjusted budget',
  { timeout: 120_000 },
  async () => {
    const ws = await openWorkspace();
    try {
      const { budgetId } = await ws.importDocument(sample, 'sample.txt');
      const f = followOf(ws);
      await f.importPayments(budgetId, csv, 'payments.csv');
      const control = async (name: string) => (await f.budgetControl(budgetId)).find((s) => s.name === name)!;
      // 基层党建: budget 16,000.00 元, 15,000.00 元 paid by the file; two rows of 600 元: the second crosses.
      const before = await control('基层党建');
      assert.deepEqual([before.budgetFen, before.paidFen, before.adjustedFen], [1_600_000, 1_500_000n, 0n]);
      const file = '项目,日期,金额(元)\n基层党建,2021-11-01,600.00\n基层党建,2021-11-20,600.00\n';
      await rejects(
        f.importPayments(budgetId, new TextEncoder().encode(file), 'more.csv'),
        'INPUT_INVALID',
        /^more\.csv:3: 项目"基层党建"的支付超出可用指标（指标控制）：本次 600\.00 元，应不超过剩余可用 400\.00 元（预算 16,000\.00 元，已支付 15,600\.00 元）；/,
      );
      assert.equal((await control('基层党建')).paidFen, 1_500_000n, 'nothing of the file was stored');

      // An adjustment may not be zero, nor leave less than is paid, nor concern a form with no printed budget.
      await rejects(f.addAdjustment(budgetId, { project: '基层党建', fen: 0, reason: '无' }, 'bumen'), 'INPUT_INVALID', /调整金额应不为零/);
      await rejects(f.addAdjustment(budgetId, { project: '基层党建', fen: -100_001, reason: '调减' }, 'bumen'), 'INPUT_INVALID', /应不低于已支付的 15,000\.00 元/);
      await rejects(f.addAdjustment(budgetId, { project: '基层党建', fen: 1, reason: '  ' }, 'bumen'), 'INPUT_INVALID', /须写明原因/);
      const adj = await f.addAdjustment(budgetId, { project: '基层党建', fen: 20_000, reason: '党建活动场地费调剂' }, 'bumen');
      assert.deepEqual([adj.fen, adj.approvedBy, adj.reason], [20_000, 'bumen', '党建活动场地费调剂']);
      const r = await f.importPayments(budgetId, new TextEncoder().encode(file), 'more.csv');
      assert.equal(r.imported, 2);
      const after = await control('基层党建');
      assert.deepEqual([after.paidFen, after.adjustedFen], [1_620_000n, 20_000n]);

      // Execution: the adjusted budget (16,200 元), paid in full: 100.00 %, the adjustment shown.
      const ex = (await f.execution(budgetId, '2021-12-31')).projects.find((p) => p.name === '基层党建')!;
      assert.deepEqual([ex.budgetFen, ex.adjustmentFen, ex.paidFen, ex.rate], [1_620_000, 20_000, 1_620_000, '100.00']);
      const ev = (await f.evaluation(budgetId)).projects.find((p) => p.name === '基层党建')!;
      assert.equal(ev.execution.budgetFen, 1_620_000);
      assert.deepEqual(
        (await f.listAdjustments(budgetId)).map((a) => a.formId),
        [after.formId],
      );
    } finally {
      await ws.close();
    }
  },
);
