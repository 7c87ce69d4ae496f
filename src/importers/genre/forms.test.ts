import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSourceText } from '../text/source.js';
import { formSession, placeIndicatorTargets, readForms } from './forms.js';
import { matchInOrder } from './forms/project-grid.js';
import { nameFromTitle } from './forms/context.js';
import { splitCentered } from './forms/partition.js';
import { continuesFigure } from './forms/amounts.js';
import { segment } from './segment.js';

import { forms, readAll } from './forms/test-read.js';
const wan = (s: string) => Math.round(Number(s) * 1_000_000);

// --- grids of projects ------------------------------------------------------------------------

test('a Beijing 预算表12 grid gives one form per project, its rows being those centred on its amount line', () => {
  const rs = readAll('beijing-audit-bureau-2026-budget', BEIJING_AUDIT_GRID);
  const fs = forms(rs);
  assert.deepEqual(
    fs.map((f) => f.name),
    ['《北京审计》杂志办刊经费', '机动经费(北京市审计局)'],
  );
  const [a, b] = fs;
  // "16-《北京审计》杂志           17.398000   17.398000": 项目总额 and 财政资金, printed with six decimals.
  assert.equal(a!.amounts.currentYear?.fen, wan('17.398'));
  assert.equal(a!.amounts.currentYear?.src?.raw, '17.398000');
  assert.equal(a!.amounts.fiscal?.fen, wan('17.398'));
  assert.equal(a!.amounts.other, null);
  // The project code wrapped before the name ("11000022T0000004602" / "16-…") is not part of it.
  assert.equal(a!.overview.find((o) => o.label === '项目编码')?.text, '11000022T000000460216');
  assert.match(a!.annualGoal!.text, /^主要用于《北京审计》杂志印刷刊发/);
  assert.equal(a!.indicators.length, 7);
  assert.equal(b!.indicators.length, 6);
  const printRun = a!.indicators.find((i) => i.name === '每期印刷数量')!;
  assert.deepEqual([printRun.level1, printRun.level2, printRun.comparator, printRun.value, printRun.unit], ['产出指标', '数量指标', '=', '900', '册']);
  assert.equal(printRun.raw, '= 900 册');
  const cost = a!.indicators.find((i) => i.name === '印刷刊物成本')!;
  assert.deepEqual([cost.comparator, cost.value, cost.unit], ['≤', '12.798', '万元']);
  // "定性 优": the form says the target is qualitative; no comparator or value is made up.
  const q = a!.indicators[0]!;
  assert.equal(q.name, '促进设计理论知识、技术方法、经验成果等方面的交流');
  assert.deepEqual([q.qualitative, q.comparator, q.value, q.raw], [true, null, null, '定性 优']);
  // A name wrapped above and below its row is joined.
  assert.ok(
    b!.indicators.some((i) => i.name === '新增、紧急和临时性项目保障及时率'),
    'a wrapped name joined',
  );
  assert.ok(rs[0]!.table !== null, 'the block is still held as a table for display');
  assert.deepEqual(
    rs[0]!.notes.filter((n) => n.severity !== 'info'),
    [],
  );
});

test("a grid's indicator targets are no unplaced amounts of its table: the form holds them, figure by figure", () => {
  // A grid whose columns the table reader could not follow over a page: a project's line and an indicator's
  // line with their figures unplaced (beijing-finance-bureau 预算12表: "670.428000   670.428000 … ≤ 12 月").
  const money = (raw: string, line: number) => ({ fen: Math.round(Number(raw) * 1_000_000), src: { line, page: 1, raw } });
  const row = (id: string, line: number, figures: string[]) => ({
    id,
    kind: 'item' as const,
    label: id,
    level: 0,
    amounts: { c1_1: null, c1_2: null },
    unplaced: figures.map((f) => money(f, line)),
    src: { line, page: 1, raw: '' },
  });
  const table = {
    no: 12,
    role: 'project-targets' as const,
    title: { text: '项目支出绩效目标表' },
    displayUnit: '万元' as const,
    columns: [
      { key: 'c1_1', header: ['项目总额'], kind: 'amount' as const },
      { key: 'c1_2', header: ['财政资金'], kind: 'amount' as const },
    ],
    rows: [row('r1', 10, ['670.428000', '12', '670.428000']), row('r2', 12, ['95']), row('r3', 14, ['50', '50']), row('r4', 16, ['5']), row('r5', 18, ['12.798'])],
    src: { line: 1, page: 1, raw: '' },
  };
  const ind = (raw: string, line: number, endLine?: number) => ({
    level1: '产出指标',
    level2: '时效指标',
    name: 'x',
    raw,
    comparator: null,
    value: null,
    unit: null,
    qualitative: false,
    notApplicable: false,
    src: { line, page: 1, raw, ...(endLine ? { endLine } : {}) },
  });
  placeIndicatorTargets(table, [{ indicators: [ind('≤ 12 月', 9, 11), ind('≥ 95 %', 12), ind('≥ 50 人', 14), ind('≥ 5 个', 20), ind('≤ 12.798 万元', 18)] }, null]);
  assert.deepEqual(
    table.rows.map((r) => r.unplaced?.map((m) => m.src.raw) ?? null),
    [
      ['670.428000', '670.428000'], // the project's amounts stay unplaced: its row's cells are still unknown
      null, // the target alone: the row prints no amount of the table's columns
      ['50'], // one figure for the one target: the other 50 may be the project's
      ['5'], // a target printed on other lines is not this figure
      ['12.798'], // an amount as printed: the indicator holds it as text only, the table as money
    ],
  );
});

test('a Changsha form continued on the next page (title and header printed again) is one form', () => {
  const fs = forms(readAll('changsha-petitions-bureau-2026-budget', CHANGSHA_TWO_PAGES));
  assert.deepEqual(
    fs.map((f) => f.name),
    ['基层及其他信访业务工作经费专项', '人民来访接待中心及特护期运行专项'],
  );
  const [a, b] = fs;
  assert.equal(a!.amounts.currentYear?.fen, wan('35.78'));
  // 合计 417.41 and the unit's own row "126001 长沙市信访局 417.41" are not projects.
  assert.equal(a!.indicators.length, 16);
  assert.deepEqual(
    a!.indicators.map((i) => i.level1).filter((v, k, all) => all.indexOf(v) === k),
    ['成本指标', '产出指标', '效益指标', '满意度指标'],
  );
  // "调拨经费单位数   10   …   个   ≥   10": target 10, unit 个 (the unit column squeezed left), comparator ≥.
  const units = a!.indicators.find((i) => i.name === '调拨经费单位数')!;
  assert.deepEqual([units.comparator, units.value, units.unit], ['≥', '10', '个']);
  assert.equal(b!.amounts.currentYear?.fen, wan('10.22'));
  assert.equal(b!.indicators.length, 2);
});

test('without a session a continued Changsha page stands as a form of its own (the caller joins nothing)', () => {
  const src = readSourceText(Buffer.from(CHANGSHA_TWO_PAGES, 'utf8'), 'changsha.txt');
  const blocks = segment(src).tables.filter((b) => b.type?.form);
  const first = readForms(blocks[0]!, { file: 'a.txt', year: 2026, unit: '万元', id: 't1' }, formSession());
  const second = readForms(blocks[1]!, { file: 'a.txt', year: 2026, unit: '万元', id: 't2' }, formSession());
  assert.equal(first.projectForms.length, 1);
  assert.equal(second.projectForms[0]!.name, '基层及其他信访业务工作经费专项');
});

test('a Chongqing 表十二 grid: 序号, a wrapped header, indicators without levels', () => {
  const [f, ...rest] = forms(readAll('chongqing-water-resources-bureau-2026-budget', CHONGQING_GRID));
  assert.equal(rest.length, 0);
  assert.equal(f!.name, '水利行业业务经费');
  assert.equal(f!.amounts.currentYear?.fen, wan('14299.16'));
  assert.equal(f!.amounts.currentYear?.src?.raw, '14,299.16');
  assert.deepEqual(
    f!.indicators.map((i) => `${i.name} ${i.comparator}${i.value}${i.unit}`),
    ['水质检验对象数量 ≥3060个次', '发布重要水情专报 ≥50次数', '水文资料整编准确率 ≥95%', '机关食堂满意度 ≥80%', '年度预算执行率 =100%'],
  );
  // The template prints no 一级 / 二级指标: none is made up.
  assert.ok(
    f!.indicators.every((i) => i.level1 === '' && i.level2 === ''),
    'no level made up',
  );
});

test('a Hangzhou 项目支出绩效表 (unit, project, amount, goal; no indicators) gives its projects and their goals', () => {
  const fs = forms(readAll('hangzhou-meteorological-bureau-2026-budget', HANGZHOU_GRID));
  assert.deepEqual(
    fs.map((f) => [f.name, f.amounts.currentYear?.fen]),
    [
      ['气象业务建设', wan('1097.02')],
      ['气象设施维护及科普', wan('887.90')],
      ['专业系统维护及科普', wan('146.69')],
    ],
  );
  // Eleven lines of goal centred on "887.90": all of them, and none of the neighbours'.
  assert.match(fs[1]!.annualGoal!.text, /^通过实施气象设施维护及科普项目.*开发网络气象科普图解与小视频。$/);
  assert.match(fs[0]!.annualGoal!.text, /^通过气象监测能力项目.*提升气象数智化服务水平。$/);
  assert.equal(fs[2]!.overview.find((o) => o.label === '单位名称')?.text, '杭州市气象服务中心(杭州市预警信息发布中心)');
  assert.ok(
    fs.every((f) => f.indicators.length === 0),
    'no indicators printed',
  );
});

// --- cards ------------------------------------------------------------------------------------

test('a Fuzhou card: the title names the project, wrapped names and targets are joined across a page break', () => {
  const [f] = forms(readAll('fuzhou-commerce-bureau-2026-budget', FUZHOU_PROPERTY));
  assert.equal(f!.name, '办公楼物业');
  assert.equal(f!.competentDepartment?.text, '福州市商务局');
  assert.equal(f!.overview.find((o) => o.label === '实施单位')?.text, '福州市商务局');
  assert.equal(f!.amounts.total?.fen, wan('25.89'));
  assert.equal(f!.amounts.fiscal?.fen, wan('25.89'));
  assert.equal(f!.amounts.other?.fen, 0);
  assert.match(f!.annualGoal!.text, /年物业费每平米50.4元。$/);
  assert.deepEqual(
    f!.indicators.map((i) => `${i.level1}/${i.level2}/${i.name} ${i.comparator}${i.value}${i.unit}`),
    [
      '成本指标/经济成本指标/物业成本控制率 ≤100%',
      '产出指标/数量指标/物业管理面积 ≤5137.26平方米',
      '产出指标/质量指标/发现问题物业及时处理率 =100%',
      '产出指标/时效指标/物业服务提供时间 =24小时/日',
      '效益指标/社会效益指标/火灾发生率 ≤0%',
      '满意度指标/服务对象满意度指标/使用人员满意度 ≥90%',
    ],
  );
});

test("a Xi'an card prints its amounts in 万元 in a document in 元, and stacks its labels", () => {
  const [f] = forms(readAll('xian-audit-bureau-2026-budget', XIAN_AUDIT_CARD, '元'));
  assert.equal(f!.name, '审计专项补助经费');
  // "资金金额 (万元)": 198.18 万元, not 198.18 元.
  assert.equal(f!.amounts.total?.fen, wan('198.18'));
  assert.equal(f!.amounts.fiscal?.fen, 0);
  assert.equal(f!.amounts.other?.fen, wan('198.18'));
  // "总体" / … / "目标" printed one above the other around the goal's line.
  assert.equal(f!.annualGoal?.text, '维护国家财经秩序,履行审计职责,促进廉政建设。');
  assert.equal(f!.indicators.length, 9);
  // Level names wrapped in narrow cells ("成本指" / "标").
  assert.deepEqual(
    f!.indicators.slice(0, 2).map((i) => `${i.level1}/${i.level2}`),
    ['成本指标/经济成本指标', '成本指标/经济成本指标'],
  );
  const days = f!.indicators.find((i) => i.name === '审计项目工作日')!;
  assert.deepEqual([days.comparator, days.value, days.unit], ['≤', '44', '天']);
  // A bare figure is a target of exactly that value; the form prints its unit after the name.
  const rate = f!.indicators.find((i) => i.name === '市内外勤经费标准(元/人/天)')!;
  assert.deepEqual([rate.comparator, rate.value, rate.unit, rate.raw], ['=', '35', '元/人/天', '35']);
});

test('a Yantai 政策和项目预算绩效目标表 card', () => {
  const [f] = forms(readAll('yantai-commerce-bureau-2026-budget', YANTAI_CARD));
  assert.equal(f!.name, '离休老干部医疗费');
  assert.equal(f!.competentDepartment?.text, '281_烟台市商务局');
  assert.equal(f!.amounts.currentYear?.fen, wan('30'));
  assert.equal(f!.amounts.fiscal?.fen, wan('30'));
  assert.equal(f!.indicators.length, 8);
  const n = f!.indicators.find((i) => i.name === '局机关报销医疗费人数')!;
  assert.deepEqual([n.comparator, n.value, n.unit], ['=', '2', '人']);
  assert.equal(f!.indicators.at(-1)!.level1, '满意度指标');
});

test('a figure the text splits on its line ("964 .85") is one figure', () => {
  const [f] = forms(readAll('xian-state-owned-assets-commission-2022-budget', XIAN_SASAC_FUNDS, '元'));
  assert.equal(f!.name, '西凹里保障房公开发行置换债券专项利息');
  assert.equal(f!.amounts.total?.fen, wan('964.85'));
  assert.equal(f!.amounts.fiscal?.fen, wan('964.85'));
  assert.equal(f!.amounts.fiscal?.src?.raw, '964 .85');
});

// --- department-wide forms ----------------------------------------------------------------------

test('Beijing 部门整体支出绩效目标表: funds under group headers, and levels printed in one cell', () => {
  const [r] = readAll('beijing-audit-bureau-2026-budget', BEIJING_AUDIT_DEPT);
  const d = r!.departmentTargets!;
  assert.equal(d.unitName.text, '北京市审计局');
  assert.equal(d.total?.total?.fen, wan('32852.053832'));
  assert.equal(d.total?.fiscal?.fen, wan('32801.936639'));
  assert.equal(d.total?.other?.fen, wan('50.117193'));
  assert.match(d.overallGoal.text, /^坚持以习近平新时代中国特色社会主义思想为指导/);
  const first = d.indicators[0]!;
  // "产出指标数量指标出具数据分析报告   ＝   4   份"
  assert.deepEqual([first.level1, first.level2, first.name, first.comparator, first.value, first.unit], ['产出指标', '数量指标', '出具数据分析报告', '=', '4', '份']);
  assert.equal(r!.projectForms.length, 0);
});

test("Xi'an 部门整体支出绩效目标表: tasks with their amounts, 金额合计 as the total", () => {
  const [r] = readAll('xian-audit-bureau-2026-budget', XIAN_AUDIT_DEPT, '元');
  const d = r!.departmentTargets!;
  assert.equal(d.unitName.text, '西安市审计局');
  assert.deepEqual(
    d.tasks.map((t) => [t.name, t.total?.fen, t.fiscal?.fen, t.other?.fen ?? null]),
    [
      ['机关运转', wan('3354.42'), wan('3354.42'), null],
      ['审计事务', wan('285.87'), wan('285.87'), null],
      ['购买中介机构审计服务', wan('350'), wan('350'), null],
      ['审计培训', wan('15'), wan('15'), null],
      ['审计专项补助经费', wan('198.18'), 0, wan('198.18')],
    ],
  );
  assert.deepEqual([d.total?.total?.fen, d.total?.fiscal?.fen, d.total?.other?.fen], [wan('4203.47'), wan('4005.29'), wan('198.18')]);
  assert.match(d.overallGoal.text, /^履行审计监督职责/);
  assert.ok(d.indicators.length >= 20, `${d.indicators.length} indicators`);
});

test('Quanzhou and Chongqing department-wide cards: a name wrapped around its label, a name after a colon', () => {
  const q = readAll('quanzhou-govt-office-2026-budget', QUANZHOU_DEPT)[0]!.departmentTargets!;
  assert.equal(q.unitName.text, '泉州市人民政府办公室');
  assert.equal(q.total?.total?.fen, wan('8200.95'));
  assert.equal(q.overallGoal.text, '保障政府高效运行,提高行政效率。');
  assert.equal(q.indicators.length, 9);
  const c = readAll('chongqing-water-resources-bureau-2026-budget', CHONGQING_DEPT)[0]!.departmentTargets!;
  assert.equal(c.unitName.text, '重庆市水利局');
  assert.match(c.overallGoal.text, /^完善全市水网建设布局.*监测断面684个以上。$/);
  assert.equal(c.indicators.length, 6);
});

// --- degrading ------------------------------------------------------------------------------------

test('indicator rows with no project line before them are kept as the table and noted, not guessed', () => {
  // The first rows of beijing-audit-bureau-2026-budget's 预算表12, cut before the project's own lines.
  const cut = BEIJING_AUDIT_GRID.split('\n').slice(0, 18).join('\n');
  const [r] = readAll('beijing-audit-bureau-2026-budget', cut);
  assert.equal(r!.projectForms.length, 0);
  assert.ok(r!.table && r!.table.rows.length > 0, 'the lines are held as the rows of the table');
  const note = r!.notes.find((n) => n.code === 'form-unreadable')!;
  assert.equal(note.severity, 'warning');
  assert.match(note.message, /^绩效目标表《预算表12项目支出绩效目标表》第 \d+ 行起未能按表单读取/);
});

test("no arrangement of a form's lines makes the reader throw", () => {
  for (const [name, text] of [
    ['beijing', BEIJING_AUDIT_GRID],
    ['fuzhou', FUZHOU_PROPERTY],
    ['xian', XIAN_AUDIT_DEPT],
    ['changsha', CHANGSHA_TWO_PAGES],
  ] as const) {
    const lines = text.split('\n');
    const title = lines.findIndex((l) => /绩效目标表|绩效表/.test(l));
    for (let seed = 1; seed <= 5; seed++) {
      // A deterministic shuffle of the lines after the title.
      const rest = lines
        .slice(title + 1)
        .map((l, i) => ({ l, k: (i * 7919 * seed) % 104729 }))
        .sort((a, b) => a.k - b.k)
        .map((x) => x.l);
      const rs = readAll(name, [...lines.slice(0, title + 1), ...rest].join('\n'));
      for (const r of rs) assert.ok(r.table !== null, `${name} ${seed}`);
    }
  }
});

// --- pieces ---------------------------------------------------------------------------------------

test('items between two anchors are split where both groups centre best', () => {
  // A two-line name above and below its row's target, next to a one-line row.
  assert.deepEqual(
    splitCentered(
      [17, 19, 22].map((v) => ({ top: v, bot: v })),
      [{ c: 18 }, { c: 22 }],
    ),
    [0, 0, 1],
  );
  // A merged cell spanning three rows is centred on the middle one.
  assert.deepEqual(
    splitCentered(
      [10, 12, 14, 16, 18].map((v) => ({ top: v, bot: v })),
      [{ c: 12 }, { c: 17 }],
    ),
    [0, 0, 0, 1, 1],
  );
});

test('figures are matched to amount headers in order', () => {
  assert.deepEqual(matchInOrder([26.5, 40.5], [24, 36, 48]), [0, 1]);
  assert.deepEqual(matchInOrder([28.5, 52.5], [24, 36, 48]), [0, 2]);
  assert.deepEqual(matchInOrder([1, 2, 3, 4], [24, 36, 48]), [-1, -1, -1, -1]);
});

test('a figure wrapped over lines is joined only where the pieces make one figure', () => {
  assert.deepEqual(
    [
      ['4,902', '.34'],
      ['46,', '794'],
      ['4,902.34', '17'],
      ['35.78', '.5'],
    ].map(([a, b]) => continuesFigure(a!, b!)),
    [true, true, false, false],
  );
});

test('a title names its project only when it is not a generic title', () => {
  assert.equal(nameFromTitle('办公楼物业项目绩效目标表'), '办公楼物业');
  assert.equal(nameFromTitle('科学普及活动项目项目绩效目标表'), '科学普及活动项目');
  assert.equal(nameFromTitle('96196电梯应急处置服务平台项目绩效目标表'), '96196电梯应急处置服务平台');
  for (const t of [
    '预算表12项目支出绩效目标表',
    '政策和项目预算绩效目标表',
    '部门专项业务经费绩效目标表',
    '2022年部门预算专项业务经费绩效目标表',
    '项目支出绩效目标表(2026)',
    '专项资金绩效目标表',
    '表十一2026年市级重点专项资金绩效目标表(一级项目)',
  ]) {
    assert.equal(nameFromTitle(t), null, t);
  }
});

// --- fixtures: real lines of the corpus (../shared/corpus/txt), exactly as pdftotext -layout printed them ---

const FF = '\f';

/** beijing-audit-bureau-2026-budget.txt, lines 331–383. */
const BEIJING_AUDIT_GRID = `${FF}                                                            预算表12 项目支出绩效目标表
                                                                                                                          金额单位：万元

                                       其中：
                                                                                                           绩效指   本年绩效        绩效度
     项目名称             项目总额                                 绩效目标           一级指标    二级指标            三级指标
                                                                                                           标性质   指标值         量单位
                                  财政资金        其他资金


                                                                                          促进设计理论知识、技术方法、
                                                                         效益指标    社会效益指标                    定性    优
                                                                                          经验成果等方面的交流


                                                                                          印刷刊物质量与国家行业标准规
                                                                         产出指标    质量指标                      ＝     100        %
                                                                                          定要求的相符性

                                                     主要用于《北京审计》杂志印刷刊     产出指标    数量指标     每期印刷数量           ＝     900        册
11000022T0000004602                                  发，宣传展示审计工作成果 、交流审
16-《北京审计》杂志           17.398000   17.398000          计经验、探讨审计技术方法、教育培
办刊经费                                                 养审计人才，为北京审计事业的发展    产出指标    数量指标     编辑、印刷《北京审计》期数    ＝     4          期
                                                     提供支撑和保障。

                                                                         产出指标    时效指标     刊物印刷频率           ＝     4          期/年


                                                                         产出指标    时效指标     12月底前支出进度        ＝     100        %


                                                                         成本指标    经济成本指标   印刷刊物成本           ≤     12.798     万元


                                                                         成本指标    经济成本指标   成本控制率            ＝     100        %


                                                                                          新增、紧急和临时性项目正常开
                                                                         产出指标    数量指标                      ＝     100        %
                                                                                          展率

11000022T0000004606                                  解决市委、市政府确定的新增、临时    产出指标    质量指标     拨付金额准确率          ＝     100        %
87-机动经费（北京市           10.000000   10.000000          、紧急事项，及时保障部门临时性紧
审计局）                                                 急任务，服务部门稳定运行。
                                                                                          新增、紧急和临时性项目保障及
                                                                         产出指标    时效指标                      ＝     100        %
                                                                                          时率

                                                                         效益指标    社会效益指标   保障部门稳定运行         定性    优

                                                                                          有效应对新增、紧急和临时性工
                                                                         效益指标    社会效益指标                    定性    优
                                                                                          作`;

/** beijing-audit-bureau-2026-budget.txt, lines 748–790. */
const BEIJING_AUDIT_DEPT = `${FF}                                               预算 13表 部门整体支出绩效目标表
                                                                （2026年度）

     部门名称             北京市审计局
                                                                  财政拨款                                                     其他资金
                          预算支出总额
  总体资金情况（ 万元）                                   合计                基本支出                  项目支出                  合计           基本支出        项目支出
                            32,852.053832       32,801.936639       25,218.537585        7,583.399054          50.117193                 50.117193

                      坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大和二十届历次全会精神，深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个
                      自信”、做到“两个维护”。深入贯彻习近平总书记对北京重要讲话精神和对审计工作的重要指示批示精神，认真落实党中央决策部署和市委市政府工作要求，推动审计全覆
            整体绩效目标    盖。坚持提升审计监督效能，督促被审计单位对审计中发现的问题进行整改、完善制度机制。坚持依法审计，严格依据党的路线方针政策，依照法定职责、权限和程序行使审
                      计监督权，做到应审尽审、凡审必严、严肃问责。



            其他说明


                     活动                                 绩效指标                            指标性质                         指标值               度量单位
         审计业务                               产出指标数量指标出具数据分析报告                        ＝                   4                         份
                                            产出指标数量指标处理企业审计领域审计项目财
         审计业务                                                     ≥                                     1                         TB
                                            务数据
                                            产出指标数量指标处理审计业务数据项目数量和
         审计业务                                                     ≥                                     18                        个
                                            区级财政业务数据
                                            产出指标数量指标区级财政业务数据标准化覆盖
         审计业务                                                     ＝                                     16                        个
                                            城区数量
         审计业务                               产出指标数量指标完成审计项目数量                        ≥                   77                        项
         审计业务                               产出指标质量指标履行征求意见报告比例                      ＝                   100                       %
         审计业务                               产出指标质量指标审计报告三级复核通过率                     ＝                   100                       %
         审计业务                               产出指标质量指标数据验收合格率                         ＝                   100                       %
         审计业务                               产出指标时效指标各项任务按时完成率                       ≥                   90                        %
         审计业务                               产出指标时效指标各项审计工作按时完成率                     ≥                   95                        %
                                            效益指标社会效益指标保障财政资金安全性和效
         审计业务                                                     定性                                    优
                                            益性
         审计业务                               效益指标社会效益指标部门稳定运行率                       ＝                   100                       %
                                            效益指标社会效益指标防范重点领域经济风险、
         审计业务                                                     定性                                    优
                                            促进相关领域优化资源配置`;

/** fuzhou-commerce-bureau-2026-budget.txt, lines 732–776. */
const FUZHOU_PROPERTY = `         办公楼物业项目绩效目标表

 项目名称                  办公楼物业

 主管部门         福州市商务局          实施单位       福州市商务局

               资金总额                  25.89
专项资金情况
               财政拨款                  25.89
 （万元）
               其他资金                  0.00

         根据《物业服务合同》租用面积 5137.26 平方米，年物业费每平米 50.4
 年度目标    元。



          一级指标      二级指标      三级指标           指标值

                             物业成本控制
                                             ≤100%
          成本指标     经济成本指标       率
绩效目标指标
                                         ≤5137.26 平
                             物业管理面积
                    数量指标                    方米
          产出指标
                             发现问题物业          =100%
                    质量指标
                              及时处理率


                       26
${FF}                      物业服务提供
                        时间     =24 小时/日
              时效指标


                      火灾发生率      ≤0%
     效益指标    社会效益指标
                      使用人员满意
             服务对象满意             ≥90%
     满意度指标               度
               度指标
`;

/** xian-audit-bureau-2026-budget.txt, lines 958–1006. */
const XIAN_AUDIT_CARD = `              部门专项业务经费绩效目标表
                            (2026年度)

      项目名称                         审计专项补助经费

      主管部门           西安市审计局

                       实施期资金总额：        198.18
      资金金额                                            执行率分值（
                       其中：财政拨款         0.00
       (万元)                                           10分）
                     其他资金              198.18


 总体
      维护国家财经秩序，履行审计职责，促进廉政建设。
 目标

      一级                                              分值权重（90
              二级指标          三级指标              指标值
      指标                                                分）
                     市内外勤经费标准（元/人/
                                                35       5
      成本指 经济成本            天）
       标   指标        区县外勤经费标准（元/人/
                                                130      5
                          天）

              数量指标   提交的审计建议数量（条）             ≥10       10

                     被审计单位采纳审计建议率             ≥80%       7
      产出指
年度绩       质量指标
       标
效指标                    审计整改完成率                ≥85%      10

              时效指标     审计项目工作日                ≤44天      13

          经济效益
                       促进财政增收节支          ≥5000万元        15
      效益指  指标
       标
          社会效益       促进被审计单位建立完善制
                                                ≥5      15
           指标             度措施
          服务对象
      满意度
          满意度指         被审计单位满意度               ≥90%      10
       指标`;

/** xian-audit-bureau-2026-budget.txt, lines 1007–1095. */
const XIAN_AUDIT_DEPT = `            标
${FF}表15

                 部门整体支出绩效目标表
                            （2026年度）
部门（单位）名称                          西安市审计局

                                         预算金额（万元）
       任务名称        主要内容
                                  总额       财政拨款            其他资金

      机关运转     人员经费及公用经费。        3354.42   3354.42

               审计外勤经费、差旅费、劳务
  年 审计事务                         285.87    285.87
           费、审计普法宣传费等。
  度
  主                                                                 执行率分值
  要 购买中介机构 选用专业社会中介机构或专业           350      350                      （10分）
  任 审计服务   技术人员协助完成审计项目。
  务
           通过教育培训，全面提高审计
    审计培训                           15        15
               干部的审计业务工作能力。

      审计专项补助 专项用于审计署、省审计厅统
                                 198.18       0            198.18
      经费     一组织的审计项目等。

      金额合计                       4203.47   4005.29         198.18

年度
      履行审计监督职责，发挥审计监督职能，做好常态化“经济体检”，增强经济监督质效，以
总体
      高质量审计监督护航西安经济社会高质量发展。
目标
      一级 二级指                                                        分值权重（
                      三级指标                        指标值
      指标  标                                                          90分）
               市内外勤经费标准（元/人/天）                       35               3

               区县外勤经费标准（元/人/天）                       130              3

               注册会计师、高级会计师（元/人/天）                 ≤1200               3

      成本 经济成 中级会计师（元/人/天）                         ≤800                3
      指标 本指标 初级会计师（元/人/天）                         ≤500                3

               一级造价工程师（元/人/天）                     ≤850                3

               工程师（元/人/天）                         ≤700                3

               造价员（元/人/天）                         ≤550                3

               提交审计报告和信息（篇）                       ≥150                4

               提交的审计建议数量（条）                       ≥100                4
         数量指
          标
年度
绩效
指标 产出
${FF}        数量指 促进被审计单位建立完善管理制度（项
                                  ≥18     4
         标 ）
年度         审计培训人次                ≥250     4
绩效
指标 产出      完成审计项目（个）              ≥36     4
   指标
           被审计单位采纳审计建议率          ≥95%     4

        质量指 审计培训参与率               100%    4
         标 审计报告合格率                100%    4

           审计整改完成率               ≥85%     4
        时效指
            审计项目完成时限            12月31日前   6
        标
        经济效
            促进财政增收节支            ≥10亿元     6
        益指标

  效益 社会效 促使国家重大政策有效落实           较上年提高     6
  指标 益指标
     可持续
     影响指 促进国民经济健康发展             较上年提高     6
     标
  满意 服务对
  度指 象满意 政府及被审计单位满意度             ≥95%     6`;

/** changsha-petitions-bureau-2026-budget.txt, lines 377–537. */
const CHANGSHA_TWO_PAGES = `${FF}                                                                       2026年项目支出绩效目标表
部门名称：长沙市信访局                                                                                                                                                   单位：万元
                                                                                                                 绩效指标
 单位编码          单位（项目）名称       资金总额         绩效目标
                                                         一级指标 二级指标        三级指标        指标值           指标值内容            评（扣）分标准              度量单位        指标值类型   备注



合计                              417.41




126001     长沙市信访局               417.41




                                                                                                                 偏离目标40%及以上不得分，偏离
                                                                经济成本指                                            40%-30%得10分，偏离目标29%-2
                                                                      总成本        35.78      不超过预算                                      万元        ≤                 20
                                                                标                                                0%得15分，偏离目标19%-10%得18
                                                                                                                 分，10%以下得满分




                                                                社会成本指
                                                         成本指标         无          无          无                    无                               定性
                                                                标




                                                                生态环境成
                                                                      不适用        无          无                    无                               定性
                                                                本指标




                                                                                                                 高于10个得满分，每少1个减1分，
                                                                数量指标   调拨经费单位数   10         调拨经费至信访业务相关单位数量                        个             ≥                 10
                                                                                                                 扣完为止。
                                       根据年终考核及综合评价情况，分
                                       档次将信访工作经费调拨至各区
                                       县（市），信访工作优秀市直单
  126001    基层及其他信访业务工作经费专项      35.78
                                       位，助推各单位提升信访工作成
                                       效。按规定及时将驻村工作经费调
                                       拨到位，确保乡村帮扶取得实效。
                                                                                            实际拨付档次与考核评价档次一致的单位数 精准率大于95%得满分，每低1个百
                                                                质量指标   经费分档精准率   95                                               %              ≥                 10
                                                                                            量 ÷ 拨付经费单位总数 ×100%  分点，减0.1分。




                                                                       区县经费调拨及                                   年内按时拨付得满分，未按时不得
                                                         产出指标                    按时         确保资金及时调拨                                             定性                 5
                                                                       时性                                        分




                                                                       乡村振兴经费调                                   年内按时拨付得满分，未按时不得
                                                                时效指标             按时         确保资金及时调拨                                             定性                 5
                                                                       拨及时性                                      分




                                                                                                                 区县（市）信访事项及时受理率9
                                                                       市直单位信访事
                                                                                 95         区县（市）信访事项及时受理率达95%以上 5%以上得满分，每低1个百分点减     %          ≥                  5
                                                                       项及时受理率
                                                                                                                 0.2分。
${FF}                                                                     2026年项目支出绩效目标表
部门名称：长沙市信访局                                                                                                                                                  单位：万元
                                                                                                                绩效指标
单位编码        单位（项目）名称        资金总额         绩效目标
                                                       一级指标 二级指标      三级指标          指标值           指标值内容               评（扣）分标准            度量单位        指标值类型   备注


                                                                                                                市直单位信访事项及时受理率95%
                                                                     区县（市）信访
                                                       产出指标   时效指标             95         市直单位信访事项及时受理率达95%以上   以上得满分，每低1个百分点减0.2 %             ≥                  5
                                                                     事项及时受理率
                                                                                                                分。




                                                              经济效益指 不直接产生经济
                                                                               无          不直接产生经济效益             无                               定性
                                                              标     效益




                                                                     助推基层提升工
                                                                               促进提升       经费拨付后，是否助推基层提升工作效率    促进提升得满分，不提升不得分。                 定性                 5
                                                                     作效率




                                                              社会效益指 助推实现乡村振
                                                                               实现提升       助推乡村实现提升              实现提升得满分，不提升不得分。                 定性                10
                                                              标     兴
                                     根据年终考核及综合评价情况，分
                                     档次将信访工作经费调拨至各区
                                     县（市），信访工作优秀市直单
         基层及其他信访业务工作经费专项       35.78                   效益指标
                                     位，助推各单位提升信访工作成
                                     效。按规定及时将驻村工作经费调
                                     拨到位，确保乡村帮扶取得实效。
                                                                     促进市直单位信              通过奖励及经费调拨，促进市直各单位信访
                                                                               促进提升                           促进提升得满分，不提升不得分。                   定性                 5
                                                                     访工作完成                工作指标提升


126001


                                                              生态效益指 不适用生态效益
                                                                               无          无                     无                               定性
                                                              标     指标




                                                              可持续影响 不适用可持续影
                                                                               无          无                     无                               定性
                                                              指标    响指标




                                                       满意度指   服务对象满                                             大于90%得满分，每低一个百分点
                                                                    群众满意度      90         群众评价满意的信访件数/参与评价件数                         %          ≥                 10
                                                       标      意度指标                                              减0.2分。




                                                                                                                偏离目标40%及以上不得分，偏离
                                                              经济成本指                                             39%-30%得10分，偏离目标29%-2
                                     按时优质搞好来访接访中心设施设                总成本        10.22      不超过预算                                       万元        ≤                 20
                                                              标                                                 0%得15分，偏离目标19%-10%得18
                                     备维修，保证人民来访接待中心各
                                                                                                                分，10%以下得满分
                                     种安保、接待、宣传、录音录像、
                                     网络及办公设施设备正常运转。做
         人民来访接待中心及特护期运行专项      10.22                   成本指标
                                     好群众信访调度会议服务保障，省
                                     委省政府信访值班保障，保证群众
                                     信访事项按时接待，及时处置办理
                                                              社会成本指 不适用社会成本
                                     。                                         无          不适用                   不适用                             定性
                                                              标     指标`;

/** chongqing-water-resources-bureau-2026-budget.txt, lines 748–764. */
const CHONGQING_GRID = `${FF}表十二

               2026 年市级一般性项目绩效目标表（一级项目）
资金主管部门：重庆市水利局
                 当年财政拨款
序号      项目名称                   当年绩效目标         指标名称    指标性质   指标值    计量单位   指标权重(%)
                  预算金额

                                          水质检验对象数量     ≥     3060    个次      10

                              按照相关管理办法推   发布重要水情专报     ≥      50     次数      40
                              进项目实施，并按财
 1    水利行业业务经费    14,299.16               水文资料整编准确率    ≥      95     %       30
                              政要求加快预算执行
                              进度          机关食堂满意度      ≥      80     %       10

                                          年度预算执行率      =     100     %       10`;

/** chongqing-water-resources-bureau-2026-budget.txt, lines 663–690. */
const CHONGQING_DEPT = `${FF}表十

                        2026 年部门整体绩效目标表
单位名称：重庆市水利局

                                   当年整体绩效目标


完善全市水网建设布局，以市级水网为牵引，构建现代化水网新体系，续建大中型水库 27 个。做实水利民生实事，落实《重庆市提升农村饮水质量专项
行动方案（2025—2027 年）》，实施提升农村饮水质量专项行动，计划 3 年实施 2100 个农村供水项目，惠及 500 万农村居民。强化筑牢长江上游生态屏
障，实施幸福河湖建设“百千行动”，建成 15 条以上生态清洁小流域。推进三峡库区安全治理。实施大中型水库库区和移民安置区的移民脱贫解困工程
项目、移民新村建设项目和生产开发项目 100 个以上，覆盖 30 个以上区县的农村道路、农村居民饮水、农村社会事业和生态环境等基础设施项目。开展
河长制水质断面监测，监测断面 684 个以上。

                 指标名称            指标性质           指标值   计量单位     指标权重(%)   是否核心

       续建大中型水库                     ≥             27     座         20       是

       农村饮水项目受益人口                  ≥            150    万人次        20       是

绩效指标   建设农村饮水项目数量                  ≥            494     个数        20       是

       断面监测检查对象数量                  ≥            684     个数        10       是

       实施后扶及移民项目数量                 ≥            100     个数        20       是

       后扶资金项目覆盖区县数量                ≥             30     个数        10       否
`;

/** yantai-commerce-bureau-2026-budget.txt, lines 1494–1535. */
const YANTAI_CARD = `${FF}      （三）部门预算项目绩效目标表
               政策和项目预算绩效目标表
                   (2026年度)
               政策和项目预算绩效目标表

       项目名称                            离休老干部医疗费

     主管部门及代码              281_烟台市商务局     实施单位              烟台市商务局

                        年度预算资金总额：                  30.00
       项目资金             其中：财政拨款                    30.00
       （万元）
                           其他资金                    0.00




总体目标 保证离休老干部的医疗待遇，从一定程度上解决离休干部的医疗难题，更好的为离休人员提供优质服务。




      一级指标     二级指标         三级指标                  指标值

绩效指标 成本指标      经济成本      项目年度支出总额情况               ≤30万元

绩效指标 产出指标      数量指标      局机关报销医疗费人数                 2人

                         离休人员报销覆盖范围                100%
绩效指标 产出指标      质量指标
                        报销药费中离休人员占比                100%

                        本年度离休干部药费报销及
绩效指标 产出指标      时效指标          时率                    100%

绩效指标 效益指标     社会效益指标     离休干部医疗保障情况               100%保障

                        项目对离休干部医疗费用持
绩效指标 效益指标     可持续影响指标       续保障情况                 100%保障

              服务对象满意度
绩效指标 满意度指标      指标        离休老干部满意度                 100%`;

/** quanzhou-govt-office-2026-budget.txt, lines 895–942. */
const QUANZHOU_DEPT = `            部门整体支出绩效目标表
                     （2026 年度）
           泉州市人民政府
  部门名称                 部门预算编码                103
             办公室

            资金总额                   8200.95

            项目支出                   2285.57
年度预算安排（万
   元）
            基本支出                   5915.38

            其他资金                    0.00

  总体目标                保障政府高效运行，提高行政效率。

            一级指标        二级指标       三级指标            目标值

                                 “三公”经费控
                                                   ≤100%
                                    制率

                                 “三公”经费违
           一般性支出情况    一般性支出情况                      ≤0 次
                                  规使用次数

                                 会议费、差旅费超
                                                   ≤0 次
                                  标准使用次数


 绩效目标指标     成本指标       经济成本指标     预算执行率            ≥85%

                        时效指标     资金支付及时率           ≥90%

                                 组织举办会议（活
            产出指标        数量指标                       ≥100 场
                                   动）数

                        质量指标     资金使用合规性           =100%

            效益指标       经济效益指标    招商引资项目数           ≥10 个

                      服务对象满意度
            满意度指标                服务对象满意度           ≥90%
                         指标
`;

/** hangzhou-meteorological-bureau-2026-budget.txt, lines 603–624. */
const HANGZHOU_GRID = `${FF}                      表11：2026年市级部门项目支出绩效表
部门名称：杭州市气象局                                                                     单位:万元

     单位名称           项目名称     金额                             绩效目标

                                        通过气象监测能力项目等提升杭州气象监测预报能力。通过实施人工影响天气业务提升杭
杭州市气象局           气象业务建设      1,097.02
                                        州人工影响天气保障能力和安全水平。通过气象信息化项目提升气象数智化服务水平。
                                        通过实施气象设施维护及科普项目，维持气象预报业务服务系统及天气预报预警信息发布
                                        业务的正常运转、保障气象影视制作系统运行正常，确保杭州电视台气象节目制作及气象
                                        新媒体微直播业务的常态化开展。确保地面气象监测网全年安全、准确、连续稳定运行。
                                        站点维护数量 162 个，自动气象站网资料接收及时率达到 98％以上，设备故障响应时效 24
                                        小时。保障风廓线雷达，毫米波云雷达，微波辐射计正常运行。保障杭州气象业务、服务
杭州市气象局           气象设施维护及科普     887.90
                                        系统及办公系统正常运行和系统维护。保障人工影响天气业务正常开展，年内至少开展一
                                        次人工影响天气作业或演练，指导全市开展人工影响天气作业。杭州气象科普体验馆设备
                                        正常运行，面向市民免费开放；结合科普周、科技周等活动和科普进学校、农村、社区活
                                        动，向市民普及气象科学知识和气象防灾减灾知识；征订、制作气象科普宣传书籍和宣传
                                        品，结合新媒体开发网络气象科普图解与小视频。
杭州市气象服务中心（杭州市预                          1.突发公共事件预警信息稳定运行；2.根据天气雷达运行保障的特点，通过维护定标、维
                 专业系统维护及科普     146.69
警信息发布中心）                                修定标、调整定标和专项定标等，保障新一代天气雷达正常运行。`;

/** xian-state-owned-assets-commission-2022-budget.txt, lines 682–690. */
const XIAN_SASAC_FUNDS = `                                2022年部门预算专项业务经费绩效目标表
                 项目名称                              西凹里保障房公开发行置换债券专项利息

                 主管部门                              西安市人民政府国有资产监督管理委员会

                                    实施期资金总额：                            964.85
                 资金金额
                                       其中：财政拨款                          964 .85
                 （万元）`;
