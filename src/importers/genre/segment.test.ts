/**
 * Cutting a disclosure into tables, forms and narrative (segment.ts), on small texts shaped like the
 * genre (`pdftotext -layout` lines; a form feed starts a page).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSourceText } from '../text/source.js';
import { furnitureOf, segment } from './segment.js';

const src = (text: string) => readSourceText(Buffer.from(text, 'utf8'), 'fixture.txt');
const texts = (ls: ReadonlyArray<{ text: string }>) => ls.map((l) => l.text);

// --- 1. a wrapped title does not swallow the last row of the table above ------------------------

/** A performance form whose last row wraps "服务对象满意度 / 指标" at the foot of its page; the next form's title heads the next page. */
const FORM_THEN_TITLE = [
  '                         政策和项目预算绩效目标表',
  '                             (2026年度)',
  '',
  '         项目名称                           审计业务经费',
  '',
  '       主管部门及代码              231_烟台市审计局       实施单位              烟台市审计局',
  '',
  '                          年度资金总额：                  4.50',
  '',
  '绩效指标   产出指标      数量指标       审计项目数量                 ≥10个',
  '',
  '                服务对象满意度',
  '绩效指标   满意度指标                被审计单位满意度                ≥95%',
  '                   指标',
  '',
  '',
  '                                — 29 —',
  '\f                         政策和项目预算绩效目标表',
  '                             (2026年度)',
  '',
  '         项目名称                           等保测评服务',
  '',
  '                          年度资金总额：                  2.00',
  '',
  '绩效指标   产出指标      质量指标       系统等保测评评分                 ≥60分',
].join('\n');

test("the wrapped cell of a form's last row, left at the foot of its page, stays in the form: the next title is printed on its own page", () => {
  const seg = segment(src(FORM_THEN_TITLE));
  assert.equal(seg.tables.length, 2);
  const [a, b] = seg.tables;
  assert.equal(b!.title, '政策和项目预算绩效目标表');
  assert.deepEqual(texts(b!.titleLines), ['政策和项目预算绩效目标表']);
  assert.equal(a!.lines.at(-1)!.text, '指标', 'the wrapped "指标" ends the first form');
});

test('on one page, a line shorter than the title below it is not the first half of a wrapped title', () => {
  // The same two forms printed on one page (no form feed, no page number between them).
  const seg = segment(src(FORM_THEN_TITLE.replace('                                — 29 —\n\f', '')));
  assert.equal(seg.tables.length, 2);
  assert.deepEqual(texts(seg.tables[1]!.titleLines), ['政策和项目预算绩效目标表']);
  assert.equal(seg.tables[0]!.lines.at(-1)!.text, '指标');
});

test('a title wrapped because its first line is full is still one title', () => {
  const text = [
    '自创区福州片区“一区多园”评估工作经费项目绩',
    '          效目标表',
    '',
    '  项目名称      自创区福州片区“一区多园”评估工作经费',
    '  年度资金总额           30.00',
    '  一级指标    二级指标     三级指标       指标值',
    '  产出指标    数量指标     评估报告数量    1份',
  ].join('\n');
  const seg = segment(src(text));
  assert.equal(seg.tables.length, 1);
  // (squashed: no spaces or quotation marks)
  assert.equal(seg.tables[0]!.title, '自创区福州片区一区多园评估工作经费项目绩效目标表');
  assert.equal(seg.tables[0]!.titleLines.length, 2);
});

// --- 2. long sentences inside a form's grid do not end the form ---------------------------------

/** A 部门整体绩效目标表 whose 当年整体绩效目标 cell prints numbered sentences from the left margin, then its indicator grid. */
const DEPARTMENT_FORM = [
  '表十',
  '',
  '                      2026 年部门整体绩效目标表',
  '单位名称:重庆市气象局                                                              单位:万元',
  '',
  '                             当年整体绩效目标',
  '',
  '1.全力做好“十五五”规划编制，扎实推进智慧气象多跨融合试点建设等试点示范建设。',
  '2.迭代升级数智气象业务技术体系，着力建设具有全国影响力的气象科技创新中心，纵深推进气象保障。',
  '3.打造西部陆海新通道气象保障等内陆开放国际合作引领区气象保障应用场景标志性成果。',
  '4.打造全面深化改革先行区气象保障体系标志性成果，加强气象法规和标准体系建设，深化气象领域改革。',
  '5.打造超大城市现代化治理示范区气象保障应用场景标志性成果，健全以预警为先导的应急联动机制。',
  '6.打造城乡融合乡村振兴示范区气象保障应用场景标志性成果，不断加强城镇功能品质提升气象保障。',
  '7.打造美丽中国建设先行区气象保障应用场景标志性成果，实施污染防治攻坚战气象保障。',
  '                      指标名称              指标性质   指标值    计量单位   指标权重(%) 是否核心',
  '',
  '         气候预测准确率                         ≥     68      %       12     是',
  '',
  '         短期天气预报准确率                       ≥     78      %       13     是',
  '',
  '  绩效指标   观测系统传输及时率(国家地面站)               ≥     98      %       10     是',
  '',
  '         公众气象服务满意度               ≥     90     分       5      否',
].join('\n');

test("sentences printed in a form's cell from the left margin stay in the form when its grid follows them", () => {
  const seg = segment(src(DEPARTMENT_FORM));
  assert.equal(seg.tables.length, 1);
  const t = seg.tables[0]!;
  assert.ok(t.type?.form);
  assert.ok(
    t.lines.some((l) => l.text.startsWith('7.打造美丽中国')),
    'the seventh goal is in the form',
  );
  assert.equal(t.lines.at(-1)!.text.replace(/\s+/g, ' '), '公众气象服务满意度 ≥ 90 分 5 否');
  assert.deepEqual(
    seg.narrative.filter((l) => /打造|指标/.test(l.text)),
    [],
  );
});

/** A grid of projects whose 绩效目标 column holds paragraphs; a project's amount stands on one of its lines. */
const PROJECT_GRID = [
  '                      表11：2026年市级部门项目支出绩效表',
  '部门名称：杭州市交通运输局                                                                 单位:万元',
  '',
  '     单位名称            项目名称     金额                            绩效目标',
  '',
  '                                           推进干部教育培训事业持续健康发展，提升干部履职能力，提高党员干部塑造变革和推进',
  '杭州市交通运输局        日常保障运行             64.90',
  '                                           现代化建设新能力。',
  '                                           不断提升交通运输服务质量和效益，初步构建现代综合交通运输体系，保障和改善民生，',
  '                                           更好满足公众出行和交通运输需求。确保资金使用的安全性和合规性，提高资金使用绩',
  '                                           效，加强内控管理。确保单位各项工作开展合法合规。规范档案管理工作，确保档案的完',
  '杭州市交通运输局        综合交通行业管理        1,188.11   整、真实、有效。根据交通职能，进行相关的政府购买服务审核与评价。保障各项工作协',
  '                                           同高效开展，提升单位治理水平和服务能力。通过项目的开展，按时、高质完成杭州市公',
  '                                           路货运、道路客运、城市客运企业的数据审核、数据上报等工作。进一步完善安全生产责',
  '                                           任链条，夯实安全生产基础，共同创建先进、科学的安全生产监管模式。',
  '                                           满足群众公共交通出行需求，有效缓解交通拥堵、解决群众出行难，推进节能减排、促进',
  '杭州市交通运输局        行业内相关政府补偿     504,000.00',
  '                                           城市绿色发展。',
].join('\n');

test('a grid of projects keeps every project whose target text runs over several lines', () => {
  const seg = segment(src(PROJECT_GRID));
  assert.equal(seg.tables.length, 1);
  const t = seg.tables[0]!;
  assert.ok(
    t.lines.some((l) => l.text.includes('504,000.00')),
    'the last project is in the form',
  );
  assert.equal(t.lines.at(-1)!.text, '城市绿色发展。');
  assert.deepEqual(
    seg.narrative.map((l) => l.text),
    [],
  );
});

test('the narrative after a form still ends it: a run of prose (amounts in its sentences too) after which the grid does not come back', () => {
  const narrative = [
    '2026年，本部门将继续加强预算绩效管理，强化绩效目标审核，提高财政资金使用效益，确保各项工作顺利开展。',
    '2026年本部门项目支出预算 1,234.56 万元，主要是交通运输管理服务项目增加，保障各项工作有序开展。',
    '一是严格执行预算，规范资金使用，按照年度预算安排和工作计划，合理安排支出进度，提高资金使用效率。',
    '二是加强绩效监控，对项目实施情况和绩效目标完成情况开展跟踪监控，及时发现问题并督促整改落实到位。',
    '三是做好绩效评价，按照有关规定组织开展项目绩效自评，评价结果作为以后年度安排预算的重要依据。',
    '四是推进信息公开，按照规定公开部门预算和绩效目标，主动接受社会监督，不断提升预算管理的透明度。',
    '五是强化结果应用，将绩效评价结果与预算安排挂钩，对绩效较差的项目压减预算，促进财政资金提质增效。',
  ];
  const seg = segment(src(`${PROJECT_GRID}\n\n${narrative.join('\n')}`));
  const t = seg.tables[0]!;
  assert.equal(t.lines.at(-1)!.text, '城市绿色发展。');
  assert.deepEqual(
    seg.narrative.map((l) => l.text),
    narrative.map((l) => l.normalize('NFKC')),
  );
});

test('a heading of the next part ends a form whatever follows', () => {
  const seg = segment(src(`${DEPARTMENT_FORM}\n\n                 第四部分  名词解释\n\n一、财政拨款收入：指本级财政当年拨付的资金。`));
  assert.equal(seg.tables[0]!.lines.at(-1)!.text.replace(/\s+/g, ' '), '公众气象服务满意度 ≥ 90 分 5 否');
  assert.ok(seg.narrative.some((l) => l.text.startsWith('第四部分')));
});

test("a part the contents list ends a form: its narrow sentences of amounts and counts are no rows of the form's grid", () => {
  const contents = ['目  录', '七、部门项目绩效目标表.................................22', '八、其他重要事项说明.................................23', '\f'];
  const part = [
    '八、其他重要事项说明',
    '  （一）机关运行经费',
    '  2026 年，本单位一般公共预算拨款安排',
    '的机关运行经费支出 32.52 万元，比上年增加 0.43 万元，',
    '增长 1.34%。主要原因是其他公用经费增加。',
    '  （二）国有资产占用使用情况',
    '  截至 2025 年 12 月 31 日，本单位共有',
    '车辆 4 辆，其中：副部（省）级以上领导用车 0 辆、主要领',
    '导干部用车 0 辆、机要通信用车 0 辆、应急保障用车 0 辆。',
  ];
  const seg = segment(src(`${contents.join('\n')}${DEPARTMENT_FORM}\n\n${part.join('\n')}`));
  assert.equal(seg.tables.length, 1);
  assert.equal(seg.tables[0]!.lines.at(-1)!.text.replace(/\s+/g, ' '), '公众气象服务满意度 ≥ 90 分 5 否');
  assert.ok(seg.narrative.some((l) => l.text === '八、其他重要事项说明'));
  assert.ok(seg.narrative.some((l) => l.text.startsWith('车辆 4 辆')));
});

// --- 3. a short figure piece in a table is not a page number --------------------------------------

/** A form's amounts wrapped in narrow cells ("40," / "624" / ".00"), and the page number at the foot. */
const WRAPPED_FIGURES = [
  '                2026 年市级重点专项资金绩效目标表 (一级项目 )',
  '                                                                                       单位:万元',
  '',
  ' 项目名称                    市商务发展专项                      主管部门                 重庆市商务委员会',
  '',
  '                                                      市级支出                  40,',
  '                                                                              624',
  '                                                                                .00',
  ' 当年预算                     46,',
  '                            794',
  '                              .00',
  '                                                      补助区县                  6,',
  '                                                                             170',
  '                                                                               .00',
  '',
  '',
  '                                           26',
  '\f表十二',
].join('\n');

test('a short number that continues a figure wrapped in its cell is content, a number alone at the foot of the page is its page number', () => {
  const s = src(WRAPPED_FIGURES);
  const furniture = [...furnitureOf(s)].map((l) => l.text);
  assert.deepEqual(furniture, ['26']);
  const t = segment(s).tables[0]!;
  for (const piece of ['40,', '624', '.00', '46,', '794', '6,', '170'])
    assert.ok(
      t.lines.some((l) => l.text.endsWith(piece)),
      `${piece} kept`,
    );
});

test('a number under a figure that is whole (a chart axis "8.2" / "8") is still not a piece of it', () => {
  const s = src(['         8.2', '           8', '         7.8'].join('\n'));
  assert.deepEqual(
    [...furnitureOf(s)].map((l) => l.text),
    ['8'],
  );
});

test('the decimals of a figure wrapped under it at the foot of every page (".00" under "100", the line ".00  100" under it) are no running footer: the figure keeps them', () => {
  const page = (n: number) =>
    [
      `                     表${'一二三四'[n]} 一般公共预算支出情况表`,
      '                                                   单位：万元',
      '    科目编码        科目名称                合计        项目支出',
      '    2240108       应急救援                  100',
      '                                          .00          100',
      '                                                         .00',
    ].join('\n');
  const s = src([0, 1, 2, 3].map(page).join('\n\f'));
  assert.deepEqual(
    [...furnitureOf(s)].map((l) => l.text.trim()),
    [],
  );
  for (const t of segment(s).tables)
    assert.deepEqual(
      texts(t.lines.slice(-2)).map((x) => x.trim().replace(/\s+/g, ' ')),
      ['.00 100', '.00'],
    );
});

test('a row printing figures is no running footer though it ends three pages: the function tables of a final account break at the same code', () => {
  const page = (title: string) => [
    `                     ${title}`,
    '部门：滨江市统计局                                  金额单位：万元',
    '  科目编码        科目名称              本年支出合计     基本支出',
    '20805       行政事业单位养老支出            160.00       160.00',
    '2080505     机关事业单位基本养老保险缴费支出    120.00       120.00',
    '                    滨江市统计局2024年度部门决算',
  ];
  const s = src(['收入决算表', '支出决算表', '一般公共预算财政拨款支出决算表', '政府性基金预算财政拨款收入支出决算表'].map((t) => page(t).join('\n')).join('\n\f'));
  assert.deepEqual(
    [...furnitureOf(s)].map((l) => l.text.trim()),
    ['滨江市统计局2024年度部门决算', '滨江市统计局2024年度部门决算', '滨江市统计局2024年度部门决算', '滨江市统计局2024年度部门决算'],
  );
});

// --- contents ------------------------------------------------------------------------------------

test("the last entry of a contents list, followed by the list's note on empty tables, opens no form", () => {
  const text = [
    '             目   录',
    '第二部分 2026 年部门预算表',
    '1、部门收支总表',
    '2、部门收入总表',
    '9、项目支出绩效目标表',
    '10、部门整体支出绩效目标表',
    '注：以上部门预算报表中，空表表示本部门无相关收支情况',
    '       第一部分 部门预算公开说明',
    '  一、部门基本概况',
  ].join('\n');
  const seg = segment(src(text));
  assert.deepEqual(
    seg.tables.map((t) => t.title),
    [],
  );
  assert.ok(seg.narrative.some((l) => l.text.startsWith('10、部门整体支出绩效目标表')));
});

test("an empty table's note still makes its title a table", () => {
  const text = [
    '                 2026年政府性基金预算支出情况表',
    '注：本部门2026年无政府性基金预算拨款安排，故此表为空表。',
    '                 2026年部门整体支出绩效目标表',
    '单位名称：长沙市信访局',
    '  年度总体目标     完成信访工作任务',
  ].join('\n');
  const seg = segment(src(text));
  assert.deepEqual(
    seg.tables.map((t) => t.title),
    ['2026年政府性基金预算支出情况表', '2026年部门整体支出绩效目标表'],
  );
});

// --- a table's printed number and the year after it stay apart ----------------------------------

test('a title whose number runs into its year keeps them apart, so the number is read and the title reads as printed', () => {
  const table = (title: string[]) =>
    [...title, '单位：万元', '        科目编码          科目名称            合计', '        301             工资福利支出         10.00', '                        合计                 10.00'].join(
      '\n',
    );
  // On one line ("表 8     2022 年…"), and with the number on a line of its own above the title ("表01" / "2026年…").
  const one = segment(src(table(['表 8     2022 年部门综合预算一般公共预算基本支出明细表'])));
  assert.equal(one.tables[0]!.title, '表8 2022年部门综合预算一般公共预算基本支出明细表');
  assert.equal(one.tables[0]!.no, 8, 'not 表82022');
  const two = segment(src(table(['表01', '        2026年市级部门收支预算总表'])));
  assert.equal(two.tables[0]!.title, '表01 2026年市级部门收支预算总表');
  assert.equal(two.tables[0]!.no, 1);
  // A number followed by the title's words needs no space.
  assert.equal(segment(src(table(['表一  部门收支总体情况表']))).tables[0]!.title, '表一部门收支总体情况表');
});
