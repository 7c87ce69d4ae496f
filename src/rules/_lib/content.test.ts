import { test } from 'node:test';
import assert from 'node:assert/strict';
import { intervalsOverlap, intervalOf, isAdverseRate, isFavourableRate, nameKey, parseDate, percent, placesOf, money, fixtureIndicator, textPlaces, fixtureForm } from './content.js';
import { emptyDoc } from './test-doc.js';
import { readTarget } from '../../importers/_lib/indicator.js';

const ind = (name: string, raw: string) => fixtureIndicator('产出指标', '质量指标', name, raw, readTarget(raw)!);

test('amounts are shown exactly, with four places when the source printed four', () => {
  const doc = emptyDoc();
  assert.equal(placesOf(doc, 81_758_700), 4);
  assert.equal(placesOf(doc, 4_424_600_000), 2);
  assert.equal(money(doc, 81_758_700), '81.7587 万元');
  assert.equal(money(doc, 1_074_560_000), '1,074.56 万元');
});

test('percentages round half up at the displayed precision', () => {
  assert.equal(percent(540_000, 4_424_060_000)?.toFixed(2), '0.01');
  assert.equal(percent(5, 1000, 1)?.toFixed(1), '0.5');
  assert.equal(percent(1, 0), null);
});

test('names match across spacing, quotes and brackets', () => {
  assert.equal(nameKey('“福田政府在线” 网站（英文版）'), '福田政府在线网站英文版');
});

test('failure and complaint rates are adverse, pass and satisfaction rates favourable', () => {
  assert.ok(isAdverseRate('IDC机房运行维护故障率'));
  assert.ok(isAdverseRate('用户投诉率'));
  assert.ok(!isAdverseRate('安全漏洞修复率'));
  assert.ok(isFavourableRate('系统巡检验收合格率'));
  assert.ok(isFavourableRate('用户满意度'));
  assert.ok(!isFavourableRate('工作人员投诉率'));
});

test('target intervals overlap only when some value meets both', () => {
  const a = intervalOf(ind('故障率', '≤ 2%'))!;
  assert.equal(intervalsOverlap(a, intervalOf(ind('故障率', '100%'))!), false);
  assert.equal(intervalsOverlap(a, intervalOf(ind('故障率', '2%'))!), true);
  assert.equal(intervalsOverlap(intervalOf(ind('x', '<2%'))!, intervalOf(ind('x', '2%'))!), false);
  assert.equal(intervalOf(ind('x', '及时')), null);
});

test('dates are read in the printed styles and invalid ones refused', () => {
  assert.equal(parseDate('2021.01.01'), '2021-01-01');
  assert.equal(parseDate('2021年2月', true), '2021-02-28');
  assert.equal(parseDate('2021-13-01'), null);
});

test('free-text places cover the narrative and the forms with their lines', () => {
  const doc = emptyDoc({ projectForms: [fixtureForm()] });
  const places = textPlaces(doc);
  assert.ok(places.some((p) => p.place.includes('测算明细') && p.src?.line === 13));
});

test('on the reference sample the content rules find exactly the six real inconsistencies as errors', async () => {
  const { readFileSync } = await import('node:fs');
  const { importShenzhenText } = await import('../../importers/shenzhen/index.js');
  const { runRules } = await import('../engine.js');
  const { CONTENT_RULES } = await import('../catalogue-content.js');
  const file = new URL('../../../samples/shenzhen-futian-data-center-2021-dept-budget.txt', import.meta.url);
  const doc = importShenzhenText(readFileSync(file), 'sample.txt');
  const errors = runRules(doc, CONTENT_RULES)
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.rule}@${f.location.item ?? ''}`)
    .sort();
  assert.deepEqual(errors, [
    'BUD-070@应急项目和设备维修', // 测算明细 42.67 vs 42.70
    'BUD-072@基础设施运行维护', // 4 × 318.25 = 1,273.00 vs 1,270.74
    'BUD-072@应急项目和设备维修', // 8.53 + 12.8 + 21.34 = 42.67 vs 42.70
    'BUD-072@应用系统运行维护', // 4 × 249.9 = 999.60 vs 1,074.56
    'BUD-088@基础设施运行维护 / IDC机房运行维护故障率', // 故障率 100%
    'BUD-090@基础设施运行维护 / IDC机房运行维护故障率', // ≤ 2% in table 14 vs 100%
  ]);
});

test('narrative figures printed in 万元 are compared with the 万元 allowance even against tables in 元', async () => {
  const { statedUnit } = await import('./content.js');
  const { emptyDoc } = await import('./test-doc.js');
  const yuan = emptyDoc({ displayUnit: '元' });
  assert.equal(statedUnit(yuan, { line: 1, page: null, raw: '收入4,203.47万元' }), '万元');
  assert.equal(statedUnit(yuan, { line: 1, page: null, raw: '公务接待费12,000.00元' }), '元');
  assert.equal(statedUnit(emptyDoc(), { line: 1, page: null, raw: '12,000.00元' }), '万元');
});
