import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { BudgetDocument, Indicator, ProjectForm } from '../../domain/model.js';
import { buildEvaluation, buildMonitoring, evaluationHtml, evaluationXlsx, monitoringHtml, monitoringXlsx } from './index.js';

const src = { line: null, page: null, raw: '' };
const ind = (name: string, comparator: Indicator['comparator'], value: string | null, unit: string | null, level1 = '产出指标'): Indicator => ({
  level1, level2: '数量指标', name, raw: `${comparator ?? ''}${value ?? '及时'}${unit ?? ''}`, comparator, value, unit, qualitative: value === null, notApplicable: false, src,
});
const money = (fen: number) => ({ fen });
const form = (id: string, name: string, fen: number, quarters: number[], indicators: Indicator[]): ProjectForm => ({
  id, name, year: 2021, parentProject: null,
  amounts: { total: money(fen), currentYear: money(fen), fiscal: money(fen), other: null, transfer: null, purchasedServices: null },
  overview: [], costLines: [], indicators, src,
  disbursement: quarters.map((q, i) => ({ quarter: i + 1, amount: money(q), src })).filter((q) => q.amount.fen > 0),
});
const doc = {
  year: 2021, unit: { name: '测试单位', subordinateUnits: [] }, departmentTargets: null,
  projectForms: [
    form('f1', '甲项目', 1_200_000_00, [300_000_00, 300_000_00, 300_000_00, 300_000_00], [ind('巡检次数', '≥', '4', '次'), ind('满意度', '≥', '90', '%', '满意度指标')]),
    form('f2', '乙项目', 600_000_00, [0, 0, 0, 600_000_00], [ind('完成率', '=', '100', '%')]),
  ],
} as unknown as BudgetDocument;
const payments = [
  { formId: 'f1', date: '2021-03-10', fen: 300_000_00 },
  { formId: 'f1', date: '2021-07-10', fen: 400_000_00 },
  { formId: 'f1', date: '2021-09-10', fen: 100_000_00 },
  { formId: 'f2', date: '2021-12-20', fen: 540_000_00 },
];

test('the monitoring table shows execution to the as-of date, the warnings and each entry with its missing fields', async () => {
  const r = buildMonitoring(doc, payments, { f1: [{ actualToDate: '1', likelihood: '有可能' }] }, '2021-08-31');
  assert.equal(r.execution.projects[0]!.paidFen, 700_000_00, 'the September payment is after the as-of date');
  assert.equal(r.execution.projects[0]!.rate, '58.33');
  assert.deepEqual(r.execution.projects[0]!.warnings.map((w) => w.kind), ['below-floor']);
  assert.deepEqual(r.projects[0]!.rows[0]!.check.missing, ['reason', 'action']);
  const html = monitoringHtml(r);
  assert.match(html, /测试单位2021年度绩效运行监控表/);
  assert.match(html, /<td class="num">58\.33%<\/td>/);
  assert.match(html, /截至8月末累计执行率 58\.33%，低于 60% 的进度要求/);
  assert.match(html, /<svg/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await monitoringXlsx(r)) as unknown as ArrayBuffer);
  const s = wb.getWorksheet('执行情况')!;
  assert.deepEqual([s.getCell('A3').value, s.getCell('B3').value, s.getCell('D3').value, s.getCell('E3').value], ['甲项目', 120, 70, 0.5833]);
  assert.equal(s.getCell('A5').value, '合计');
  assert.equal(s.getCell('D5').value, 70);
});

test('the self-evaluation report scores each project and prints every indicator with its weight and score', async () => {
  const r = buildEvaluation(doc, payments, { f1: [{ value: '2' }, { value: '95' }], f2: [{ value: '100' }] });
  const [a, b] = r.projects;
  // 甲 has no 效益 indicator: its 30 go to the others in proportion (÷ 0.7), so 预算执行率 weighs
  // 14.2857 and scores 0.6667 × 14.2857 = 9.52; 巡检 2 of 4 earns half of 产出 71.43 = 35.71; 满意度 14.29.
  assert.equal(a!.execution.rate, '66.67');
  assert.equal(a!.evaluation.executionScore, '9.52');
  assert.equal(a!.evaluation.byCategory.output, '35.71');
  assert.equal(a!.evaluation.total, '59.52');
  assert.equal(a!.evaluation.grade, '差');
  // 乙: only 产出 and 预算执行率 (÷ 0.6): 0.9 × 16.67 + 83.33 = 98.33.
  assert.equal(b!.execution.rate, '90.00');
  assert.equal(b!.evaluation.total, '98.33');
  const html = evaluationHtml(r);
  assert.match(html, /测试单位2021年度项目支出绩效自评报告/);
  assert.match(html, new RegExp(`<td class="num">${a!.evaluation.total}</td><td class="c">${a!.evaluation.grade}</td>`));
  assert.match(html, /巡检次数/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await evaluationXlsx(r)) as unknown as ArrayBuffer);
  const s = wb.getWorksheet('自评汇总')!;
  assert.equal(s.getCell('I3').value, Number(a!.evaluation.total));
  assert.equal(s.getCell('J4').value, b!.evaluation.grade);
});

test('project amounts of the budget document that add up beyond Number.MAX_SAFE_INTEGER fen are refused naming the project (issue 11)', async () => {
  const { FiscusError } = await import('../../domain/errors.js');
  const { buildExecution } = await import('./model.js');
  const big = 2 ** 52; // two projects of 2^52 fen add up to 2^53, beyond Number.MAX_SAFE_INTEGER
  const budgets = { ...doc, projectForms: [form('f1', '甲项目', big, [], []), form('f2', '乙项目', big, [], [])] };
  const refused = (e: unknown, name: string) => e instanceof FiscusError && e.code === 'INPUT_INVALID' && e.message.includes(`"${name}"`) && /MAX_SAFE_INTEGER/.test(e.message);
  assert.throws(() => buildExecution(budgets, [], '2021-12-31'), (e) => refused(e, '乙项目'));
  assert.throws(() => buildEvaluation(budgets, [], {}), (e) => refused(e, '乙项目'));
  assert.throws(() => buildMonitoring(budgets, [], {}, '2021-08-31'), (e) => refused(e, '乙项目'));
  const plan = { ...doc, projectForms: [form('f1', '甲项目', 100, [big, big, 0, 0], [])] };
  assert.throws(() => buildExecution(plan, [], '2021-12-31'), (e) => refused(e, '甲项目'));
  const plans = { ...doc, projectForms: [form('f1', '甲项目', 100, [big, 0, 0, 0], []), form('f2', '乙项目', 100, [0, big, 0, 0], [])] };
  assert.throws(() => buildExecution(plans, [], '2021-12-31'), (e) => refused(e, '乙项目'));
  // Just below the limit the sums are exact, as before.
  const edge = { ...doc, projectForms: [form('f1', '甲项目', big, [], []), form('f2', '乙项目', big - 1, [], [])] };
  assert.equal(buildExecution(edge, [], '2021-12-31').total.budgetFen, Number.MAX_SAFE_INTEGER);
});
