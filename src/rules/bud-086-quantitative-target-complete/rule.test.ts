import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc } from '../_lib/test-doc.js';
import { fixtureForm, fixtureIndicator } from '../_lib/content.js';
import { readTarget } from '../../importers/_lib/indicator.js';
import type { DepartmentTargets } from '../../domain/model.js';

const ind = (l1: string, l2: string, name: string, raw: string, line: number | null = null) => fixtureIndicator(l1, l2, name, raw, readTarget(raw)!, line);
const dept = (indicators: ReturnType<typeof ind>[]): DepartmentTargets => ({
  year: 2021,
  unitName: { text: '测试单位' },
  overallGoal: { text: '目标' },
  tasks: [],
  indicators,
  src: { line: 1, page: null, raw: '' },
});
void dept;

test('figures with units and quality words pass', () => {
  const f = fixtureForm({
    indicators: [ind('产出指标', '数量指标', '系统巡检次数', '≥4次'), ind('产出指标', '时效指标', '补丁更新及时性', '及时'), ind('效益指标', '经济效益指标', '不适用', '不适用')],
  });
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [f] })), []);
});

test('a bare figure without a unit is a warning naming the indicator', () => {
  const f = fixtureForm({ name: '网络和信息安全运行维护', indicators: [ind('满意度指标', '服务对象满意度指标', '用户投诉数', '0', 77)] });
  const fs = runRule(rule, emptyDoc({ projectForms: [f] }));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /网络和信息安全运行维护.*用户投诉数.*缺少计量单位/);
  assert.equal(fs[0]!.location.line, 77);
});

test('a target that is neither figure nor quality word is a warning', () => {
  const f = fixtureForm({ indicators: [fixtureIndicator('产出指标', '质量指标', '达标情况', '待定', { comparator: null, value: null, unit: null, qualitative: false, notApplicable: false })] });
  assert.equal(runRule(rule, emptyDoc({ projectForms: [f] })).length, 1);
});

const unread = (name: string, raw: string) => fixtureIndicator('产出指标', '数量指标', name, raw, { comparator: null, value: null, unit: null, qualitative: false, notApplicable: false });

test('targets complete as printed pass: compound units, areas, dates and periods (the target reading reads them)', () => {
  const f = fixtureForm({
    indicators: [
      ind('产出指标', '数量指标', '污染物指标年均浓度', '≤37微克/立方米'),
      ind('产出指标', '数量指标', '审计人员成本标准', '≤560元/人/天'),
      ind('产出指标', '数量指标', '活动场地面积', '≥1700㎡'),
      ind('产出指标', '时效指标', '清查完成时间', '2026年10月至11月'),
      ind('产出指标', '时效指标', '报告报送时间', '12月31日前'),
    ],
  });
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [f] })), []);
});

test('several targets in one cell or words around a figure are still reported', () => {
  const f = fixtureForm({
    indicators: [
      unread('媒体宣传等', '10余次约6类'),
      unread('信访事项及时受理率;信访事项按期答复率', '≥95%;≥95%;100%'),
      unread('接访量、登记办理群众来信数量', '≥10000人次;≥6000件次'),
      unread('完成情况', '94.5万元有所促进'),
    ],
  });
  const fs = runRule(rule, emptyDoc({ projectForms: [f] }));
  assert.equal(fs.length, 4);
  assert.match(fs[0]!.message, /既不是定量目标也不是定性表述/);
});

test('one target in words around its figure, or a range, is a quantitative target (corpus: xian-meteorological-bureau-2022-budget.txt lines 696–910, xian-state-owned-assets-commission-2022-budget.txt 804–835, xian-healthcare-security-bureau-2022-budget.txt 1112)', () => {
  const f = fixtureForm({
    indicators: [
      unread('站点运行', '每月站点正常运行率≥95%'),
      unread('满意度', '满意度≥92%'),
      unread('执行率', '1-12月执行率≥95%'),
      unread('改造', '在建2000户'),
      unread('增幅', '比同期上升5%'),
      unread('审计项目', '10-15项'),
      unread('效率', '效率提升≥1%'),
    ],
  });
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [f] })), []);
});

test("a unit carried by the indicator's name is the target's unit (xian-audit-bureau-2026-budget.txt lines 932–936, xian-petitions-bureau-2026-budget.txt 976); a name without one still needs it", () => {
  const f = fixtureForm({
    indicators: [
      ind('产出指标', '数量指标', '培训场次', '4'),
      ind('产出指标', '数量指标', '培训人次', '265'),
      ind('产出指标', '数量指标', '培训天数', '13'),
      ind('产出指标', '时效指标', '发放时间(月)', '12'),
      ind('产出指标', '数量指标', '办公时间（工作日）', '250'),
    ],
  });
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [f] })), []);
  const g = fixtureForm({ indicators: [ind('产出指标', '数量指标', '促进被审计单位建立完善制度措施', '≥18')] });
  assert.equal(runRule(rule, emptyDoc({ projectForms: [g] })).length, 1);
});

test('one indicator with a target per part of a list, a target with a clause of words beside it, a unit of four characters: readable targets (corpus: xian-meteorological-bureau-2022-budget.txt lines 701, 827; xian-state-owned-assets-commission-2022-budget.txt 716, 796)', () => {
  const f = fixtureForm({
    indicators: [
      unread('指标2:作业次数', '飞机增雨10次/年;火箭增雨12次/年'),
      unread('指标1:人工增雨(雪)作业效果', '增加降水量≥10%,受到普遍好评'),
      unread('提高电能节约率', '节约47.06万千瓦时'),
      unread('推进竞争类企业混改', '完成竞争类国企混改,实现竞争类国企混概率达到50%.'),
    ],
  });
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [f] })), []);
});

test('a clause of words carrying a second figure, or approximate figures, are still reported', () => {
  const f = fixtureForm({ indicators: [unread('完成项目投资', '20759.03完善率95%以上落实三年行动方案,有序开展混改'), unread('专项检查', '≥2次约2次'), unread('建设完成时间', '2022年12约')] });
  assert.equal(runRule(rule, emptyDoc({ projectForms: [f] })).length, 3);
});

test('a unit in brackets inside a long name counts only when it is a unit of count or time', () => {
  const f = fixtureForm({
    indicators: [ind('产出指标', '时效指标', '人事处按月考勤情况发放岗位津贴,发放时间(月)保障驻厅工作人员', '12'), ind('效益指标', '社会效益指标', '人工增雨(雪)作业效果提升', '12')],
  });
  const fs = runRule(rule, emptyDoc({ projectForms: [f] }));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /人工增雨\(雪\)/);
});

test('a rate with its direction word after it ("完善率95%以上") is one target; an approximate one ("约95%", "95%左右") is still reported (corpus: xian-state-owned-assets-commission-2022-budget.txt line 828)', () => {
  const ok = fixtureForm({ indicators: [unread('督导监管企业安全生产、应急管理工作', '完善率95%以上'), unread('覆盖率', '覆盖率90%及以上'), unread('误差', '误差5%以内')] });
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [ok] })), []);
  const approx = fixtureForm({ indicators: [unread('完善率', '完善率约95%'), unread('完善率', '完善率95%左右')] });
  assert.equal(runRule(rule, emptyDoc({ projectForms: [approx] })).length, 2);
});

test('a count of things in words (a figure, a measure word, what it counts) is one target; a percent or an amount with words after it is not (corpus: xian-meteorological-bureau-2022-budget.txt line 705, xian-state-owned-assets-commission-2022-budget.txt lines 792, 855)', () => {
  const ok = fixtureForm({ indicators: [unread('气象灾害数据监测', '全年366天实时监测'), unread('安全生产督促检查', '对9户直管企业'), unread('数据监测', '全年366天实时监测,多部门数据共享')] });
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [ok] })), []);
  const words = fixtureForm({ indicators: [unread('现代企业制度', '100%使市属国企减轻负担'), unread('完成情况', '94.5万元有所促进'), unread('检查', '约9户直管企业')] });
  assert.equal(runRule(rule, emptyDoc({ projectForms: [words] })).length, 3);
});
