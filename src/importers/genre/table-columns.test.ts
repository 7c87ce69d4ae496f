/**
 * How the genre reader names the columns of `pdftotext -layout` text and of multi-level headers, on
 * small hand-made tables in the genre's shapes (the revenue summary 收入总表 above all): each text is
 * laid out column by column as pdftotext prints it, where every character takes one column.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAmount } from '../../domain/money.js';
import type { Table } from '../../domain/model.js';
import { at, fen, fromLines, row, table, w } from './test-tables.js';

test('text: a figure starts under its header and covers half the columns its digits take, so a wide figure under a wrapped header is that header’s', () => {
  // The figure 12,345,990.00 starts under 一般公共预算资(金) and, counted in characters, runs under
  // 政府性基金预(算资金) too; on the page its digits, half an ideograph wide, end under the first.
  const d = fromLines([
    at([20, '表2 收入总表']),
    at([40, '金额单位：万元']),
    '',
    at([26, '本年收入']),
    at([2, '合计'], [14, '一般公共预算资'], [22, '政府性基金预'], [40, '其他收入']),
    at([17, '金'], [23, '算资金']),
    at([0, '12,346,000.00'], [15, '12,345,990.00'], [40, '10.00']),
  ]);
  const t = table(d, /收入总表/);
  assert.deepEqual(
    t.columns.map((c) => c.key),
    ['total', 'general', 'govFund', 'otherIncome'],
  );
  const r = t.rows[0]!;
  assert.deepEqual(
    ['total', 'general', 'govFund', 'otherIncome'].map((k) => fen(r, k)),
    [w('12,346,000.00'), w('12,345,990.00'), null, w('10.00')],
  );
});

test('text: a figure printed right after figures that run past the next header may have been pushed there: not placed, its row unknown', () => {
  // 1,000.00 stands under 国有资本经营 in the text, but the figure before it takes the columns of
  // 政府性基金预算资金 (which prints nothing): on the page it may stand under either.
  const d = fromLines([
    at([20, '表2 收入总表']),
    at([50, '金额单位：万元']),
    '',
    at([20, '本年收入']),
    at([2, '合计'], [14, '一般公共预算资'], [22, '政府性基金预'], [29, '国有资本经营'], [45, '其他收入']),
    at([17, '金'], [23, '算资金'], [30, '预算资金']),
    at([0, '12,346,000.00'], [15, '12,345,000.00'], [31, '1,000.00']),
  ]);
  const t = table(d, /收入总表/);
  const r = t.rows[0]!;
  assert.equal(fen(r, 'general'), w('12,345,000.00'));
  assert.equal(fen(r, 'govFund'), null);
  assert.equal(fen(r, 'stateCapital'), null);
  assert.deepEqual(
    r.unplaced?.map((m) => m.fen),
    [w('1,000.00')],
  );
});

test('a group under a group (财政拨款支出 over 基本支出 over 人员经费 | 公用经费) names the leaves, not the middle group', () => {
  const d = fromLines([
    at([20, '表5 财政拨款支出预算表']),
    at([50, '单位：万元']),
    '',
    at([14, '项目'], [40, '财政拨款支出']),
    at([0, '功能分类科目'], [42, '基本支出']),
    at([2, '编码'], [11, '功能分类科目名称'], [28, '合计'], [58, '项目支出']),
    at([0, '类 款 项'], [36, '人员经费'], [48, '公用经费']),
    '',
    at([0, '201'], [11, '一般公共服务支出'], [26, '6,000.00'], [36, '2,000.00'], [48, '3,000.00'], [58, '1,000.00']),
  ]);
  const t = table(d, /财政拨款支出预算表/);
  assert.deepEqual(
    t.columns.map((c) => [c.key, c.header.join('/')]),
    [
      ['total', '合计'],
      ['personnel', '财政拨款支出/基本支出/人员经费'],
      ['public', '财政拨款支出/基本支出/公用经费'],
      ['project', '项目支出'],
    ],
  );
  const r = row(t, (x) => x.code === '201');
  assert.deepEqual(
    ['total', 'personnel', 'public', 'project'].map((k) => fen(r, k)),
    ['6,000.00', '2,000.00', '3,000.00', '1,000.00'].map(w),
  );
});

test('text: the second lines of wrapped header labels set on a grid of their own join their first lines by the vocabulary', () => {
  // pdftotext sets the lower header line apart: 算拨款收入 stands under 国有资本经营, 理资金收入 past 财政专户管.
  const d = fromLines([
    at([30, '表二 收入总体情况表']),
    at([70, '单位：万元']),
    '',
    at([40, '一般公共预算'], [47, '政府性基金预'], [54, '国有资本经营'], [61, '财政专户管']),
    at([28, '总计'], [80, '事业收入']),
    at([41, '拨款收入'], [53, '算拨款收入'], [65, '预算拨款收入'], [72, '理资金收入']),
    at([6, '科目编码'], [21, '科目名称']),
    '',
    at([16, '合计'], [28, '1,100.00'], [40, '1,000.00'], [50, '100.00']),
  ]);
  const t = table(d, /收入总体情况表/);
  const keys = t.columns.map((c) => c.key);
  for (const k of ['total', 'general', 'govFund', 'stateCapital', 'specialAccount', 'business']) assert.ok(keys.includes(k), `${k} in ${keys.join(',')}`);
  assert.deepEqual(t.columns.find((c) => c.key === 'govFund')!.header, ['政府性基金预算拨款收入']);
  assert.deepEqual(t.columns.find((c) => c.key === 'specialAccount')!.header, ['财政专户管理资金收入']);
  const r = row(t, (x) => x.kind === 'total');
  assert.deepEqual(
    ['total', 'general', 'govFund'].map((k) => fen(r, k)),
    ['1,100.00', '1,000.00', '100.00'].map(w),
  );
});

test('text: the lower line of wrapped header labels in order under their heads: a word between two tails completes the head between theirs, though it names a column alone (“预算” under “政府性基金”)', () => {
  // pdftotext sets the lower line on a grid of its own: 预算 stands under 国有资本经, 营预算 past it.
  const d = fromLines([
    at([30, '表2 收入总体情况表']),
    at([70, '单位：万元']),
    at([37, '财政拨款收入']),
    at([9, '单位名称'], [20, '合计'], [31, '一般公共预'], [37, '政府性基金'], [43, '国有资本经'], [62, '事业收入']),
    at([33, '算'], [43, '预算'], [51, '营预算']),
    at([9, '合计'], [20, '1,150.00'], [32, '1,000.00'], [44, '100.00'], [57, '0.00'], [66, '50.00']),
    at([0, '某某市某某局'], [20, '1,150.00'], [32, '1,000.00'], [44, '100.00'], [57, '0.00'], [66, '50.00']),
  ]);
  const t = table(d, /收入总体情况表/);
  assert.deepEqual(
    t.columns.map((c) => [c.key, c.header.join('/')]),
    [
      ['total', '合计'],
      ['general', '财政拨款收入/一般公共预算'],
      ['govFund', '财政拨款收入/政府性基金预算'],
      ['stateCapital', '财政拨款收入/国有资本经营预算'],
      ['business', '事业收入'],
    ],
  );
  for (const r of t.rows) {
    assert.equal(r.unplaced, undefined, r.label);
    assert.deepEqual(
      t.columns.map((c) => fen(r, c.key)),
      ['1,150.00', '1,000.00', '100.00', '0.00', '50.00'].map(w),
      r.label,
    );
  }
});

test('a 序号 column numbers the lines: its numbers are no part of their labels, and the 合计 line is the total', () => {
  const d = fromLines([
    at([16, '表2 2022年部门综合预算收入总表']),
    at([60, '金额单位：元']),
    '',
    at([0, '序号'], [5, '单位编码'], [18, '单位名称'], [34, '合计'], [46, '一般公共预算拨款']),
    '',
    at([1, '1'], [20, '合计'], [32, '1500.00'], [48, '1500.00']),
    at([1, '2'], [5, '101'], [12, '某某市某某局'], [32, '1500.00'], [48, '1500.00']),
    at([1, '3'], [5, '101001'], [12, '某某市某某局本级'], [32, '1500.00'], [48, '1500.00']),
  ]);
  const t = table(d, /收入总表/);
  assert.deepEqual(
    t.rows.map((r) => [r.label, r.kind, r.texts?.['seq']?.text]),
    [
      ['合计', 'total', '1'],
      ['某某市某某局', 'unit', '2'],
      ['某某市某某局本级', 'unit', '3'],
    ],
  );
  assert.equal(fen(t.rows[0]!, 'total'), parseAmount('1500.00', '元'));
});

test('text: the heading of a side spaced across it (支　　出) names no column of that side', () => {
  const d = fromLines([
    at([20, '表1 收支总表']),
    at([60, '单位：元']),
    '',
    at([10, '收'], [21, '入'], [44, '支'], [62, '出']),
    at([5, '项目'], [24, '预算数'], [40, '项目'], [64, '预算数']),
    at([0, '一、一般公共预算拨款'], [23, '1500.00'], [36, '一、一般公共服务支出'], [61, '1500.00']),
    at([3, '收入总计'], [23, '1500.00'], [40, '支出总计'], [61, '1500.00']),
  ]);
  const t = table(d, /收支总表/);
  assert.deepEqual(
    t.columns.map((c) => c.key),
    ['amount'],
  );
  const spent = row(t, (r) => r.side === 'expenditure' && r.label === '一、一般公共服务支出');
  assert.equal(fen(spent, 'amount'), parseAmount('1500.00', '元'));
});

test('text: a label wrapped over two lines ("公务用车购置及运行维" / "护费") over columns whose labels start below it is their group, though its words also name a column', () => {
  // Laid out as pdftotext prints Xi'an's 三公 table: the group's tail centred under its head, the
  // leaves stacked character by character in narrow columns, figures in 元.
  const X = 20;
  const L = (...parts: Array<[number, string]>) => at(...parts.map(([x, s]) => [x === 0 ? 0 : x + X, s] as [number, string]));
  const d = fromLines([
    at([20, '表7 “三公”经费支出预算表']),
    at([70, '单位：元']),
    '',
    L([30, '公务用车购置及运行维']),
    L([34, '护费']),
    L([0, '单位名称'], [1, '合计'], [10, '因公出'], [20, '公务接']),
    L([11, '国'], [39, '公务']),
    L([10, '（境）'], [20, '待费'], [39, '用车'], [42, '公务用']),
    L([30, '小计'], [42, '车运行']),
    L([11, '费用'], [39, '购置']),
    L([43, '费']),
    L([39, '费']),
    '',
    L([0, '合计'], [1, '35000'], [13, '0'], [20, '10000'], [31, '25000'], [40, '0'], [44, '25000']),
    L([0, '某某中心'], [5, '0'], [13, '0'], [24, '0'], [35, '0'], [40, '0'], [48, '0']),
  ]);
  const t = table(d, /三公/);
  assert.deepEqual(
    t.columns.map((c) => c.key),
    ['total', 'overseas', 'reception', 'vehicles', 'vehiclePurchase', 'vehicleRunning'],
  );
  const r = row(t, (x) => x.label === '合计');
  assert.deepEqual(
    ['vehicles', 'vehiclePurchase', 'vehicleRunning'].map((k) => fen(r, k)),
    [2500000, 0, 2500000],
  );
});

/** The keys of a table's named columns, having checked that each holds on the 合计 line the figure (元) printed under that name. */
function namedAsPrinted(t: Table, printed: Record<string, number>): string[] {
  const r = row(t, (x) => /合计$/.test(x.label));
  const named = t.columns.map((c) => c.key).filter((k) => !/^c\d+_\d+$/.test(k));
  assert.deepEqual(
    named.map((k) => [k, fen(r, k)]),
    named.map((k) => [k, k in printed ? printed[k]! * 100 : 'not a column of this table']),
  );
  return named;
}

test('text: a 三公 table printing 上年 | 本年 | 增减 blocks: every column named holds the figure printed under that name', () => {
  // pdftotext text of such a table (Xi'an, 2022): the vehicle columns' labels are wrapped into single
  // characters side by side ("费   费" ends 公务用车购置费 and 公务用车运行费), and the blocks' year headings
  // do not stand centred over their columns. A column may go unnamed; a named one is what it says.
  const d = fromLines([
    '\f表13', // (a page of its own)
    '',
    at([38, '2022年部门综合预算一般公共预算拨款“三公”经费、会议费、培训费表（不含上年结转）']),
    at([234, '单位：元']),
    '',
    at([56, '2021年'], [128, '2022年'], [197, '增减变化情况']),
    at([38, '一般公共预算拨款安排的“三公”经费预']),
    at([105, '一般公共预算拨款安排的“三公”经费预算'], [179, '一般公共预算拨款安排的“三公”经费预算']),
    at([46, '算']),
    '',
    at([62, '公务用车购置及'], [128, '公务用车购置及运行维'], [202, '公务用车购置及运行维']),
    at([63, '运行维护费'], [132, '护费'], [206, '护费']),
    at([1, '单位编码'], [16, '单位名称']),
    at([29, '合计'], [76, '会议费'], [86, '培训费'], [96, '合计'], [114, '因公出'], [150, '会议费'], [159, '培训费'], [169, '合计'], [187, '因公出'], [224, '会议费'], [234, '培训费']),
    at([47, '因公出国']),
    at([52, '公务接'], [67, '公务'], [70, '公务'], [115, '国'], [118, '公务接'], [137, '公务'], [188, '国'], [191, '公务接'], [211, '公务']),
    at([38, '小计'], [47, '（境）费'], [105, '小计'], [140, '公务用'], [178, '小计'], [214, '公务用']),
    at([53, '待费'], [56, '小'], [67, '用车'], [70, '用车'], [114, '（境）'], [118, '待费'], [137, '用车'], [187, '（境）'], [191, '待费'], [211, '用车']),
    at([49, '用'], [128, '小计'], [140, '车运行'], [202, '小计'], [214, '车运行']),
    at([56, '计'], [67, '购置'], [70, '运行'], [115, '费用'], [137, '购置'], [188, '费用'], [211, '购置']),
    at([141, '费'], [215, '费']),
    at([67, '费'], [71, '费'], [137, '费'], [211, '费']),
    '',
    '',
    '',
    '',
    at(
      [10, '合计'],
      [29, '551800'],
      [38, '30400'],
      [50, '0'],
      [54, '30400'],
      [63, '0'],
      [68, '0'],
      [72, '0'],
      [76, '147850'],
      [86, '373550'],
      [96, '627300'],
      [105, '35000'],
      [116, '0'],
      [120, '10000'],
      [129, '25000'],
      [138, '0'],
      [142, '25000'],
      [150, '202300'],
      [159, '390000'],
      [170, '75500'],
      [179, '4600'],
      [189, '0'],
      [193, '-20400'],
      [202, '25000'],
      [212, '0'],
      [216, '25000'],
      [225, '54450'],
      [235, '16450'],
    ),
    '',
    '',
    '',
    at(
      [0, '245'],
      [10, '西安市医疗保障局'],
      [29, '551800'],
      [38, '30400'],
      [50, '0'],
      [54, '30400'],
      [63, '0'],
      [68, '0'],
      [72, '0'],
      [76, '147850'],
      [86, '373550'],
      [96, '627300'],
      [105, '35000'],
      [116, '0'],
      [120, '10000'],
      [129, '25000'],
      [138, '0'],
      [142, '25000'],
      [150, '202300'],
      [159, '390000'],
      [170, '75500'],
      [179, '4600'],
      [189, '0'],
      [193, '-20400'],
      [202, '25000'],
      [212, '0'],
      [216, '25000'],
      [225, '54450'],
      [235, '16450'],
    ),
    '',
    '',
    '',
    at(
      [6, '245001'],
      [13, '西安市医疗保障局'],
      [29, '460000'],
      [38, '10000'],
      [50, '0'],
      [54, '10000'],
      [63, '0'],
      [68, '0'],
      [72, '0'],
      [76, '130000'],
      [86, '320000'],
      [96, '627300'],
      [105, '35000'],
      [116, '0'],
      [120, '10000'],
      [129, '25000'],
      [138, '0'],
      [142, '25000'],
      [150, '202300'],
      [159, '390000'],
      [169, '167300'],
      [178, '25000'],
      [189, '0'],
      [198, '0'],
      [202, '25000'],
      [212, '0'],
      [216, '25000'],
      [225, '72300'],
      [235, '70000'],
    ),
    '',
    '',
    '',
    at(
      [6, '245002'],
      [13, '西安市医疗保障经办服务中心'],
      [30, '91800'],
      [38, '20400'],
      [50, '0'],
      [54, '20400'],
      [63, '0'],
      [68, '0'],
      [72, '0'],
      [77, '17850'],
      [87, '53550'],
      [101, '0'],
      [110, '0'],
      [116, '0'],
      [124, '0'],
      [133, '0'],
      [138, '0'],
      [146, '0'],
      [155, '0'],
      [165, '0'],
      [169, '-91800'],
      [176, '-20400'],
      [189, '0'],
      [193, '-20400'],
      [207, '0'],
      [212, '0'],
      [220, '0'],
      [224, '-17850'],
      [234, '-53550'],
    ),
    '',
    '',
    '',
    at(
      [6, '245003'],
      [13, '西安市医疗保险基金管理中心'],
      [34, '0'],
      [43, '0'],
      [50, '0'],
      [58, '0'],
      [63, '0'],
      [68, '0'],
      [72, '0'],
      [82, '0'],
      [92, '0'],
      [101, '0'],
      [110, '0'],
      [116, '0'],
      [124, '0'],
      [133, '0'],
      [138, '0'],
      [146, '0'],
      [155, '0'],
      [165, '0'],
      [174, '0'],
      [183, '0'],
      [189, '0'],
      [198, '0'],
      [207, '0'],
      [212, '0'],
      [220, '0'],
      [230, '0'],
      [239, '0'],
    ),
  ]);
  const t = table(d, /三公/);
  const printed: Record<string, number> = {
    'prior.threePublic': 30400,
    'prior.overseas': 0,
    'prior.reception': 30400,
    'prior.vehicles': 0,
    'prior.vehiclePurchase': 0,
    'prior.vehicleRunning': 0,
    'prior.meeting': 147850,
    'prior.training': 373550,
    overseas: 0,
    reception: 10000,
    vehicles: 25000,
    vehiclePurchase: 0,
    vehicleRunning: 25000,
    meeting: 202300,
    training: 390000,
    threePublic: 35000,
    'change.threePublic': 4600,
    'change.overseas': 0,
    'change.reception': -20400,
    'change.vehicles': 25000,
    'change.vehiclePurchase': 0,
    'change.vehicleRunning': 25000,
    'change.meeting': 54450,
    'change.training': 16450,
  };
  const named = namedAsPrinted(t, printed);
  // The 上年 vehicle columns are told apart (their labels were run together before).
  assert.ok(
    ['prior.vehicles', 'prior.vehiclePurchase', 'prior.vehicleRunning'].every((k) => named.includes(k)),
    named.join(' '),
  );
});

test('text: a 三公 table whose year headings stand over the wrong blocks (two 增减 会议费 columns): 本年 会议费 is not named after last year’s', () => {
  // The same layout (Xi'an, 2022) with "2022年" read over the 2021 block: a 会议费 per year, two of them
  // under 增减变化情况, the one under 2022年 printing 2021's 2,380.
  const d = fromLines([
    '\f表13', // (a page of its own)
    at([66, '2022年部门综合预算一般公共预算拨款“三公”经费、会议费、培训费表（不含上年结转）']),
    '',
    at([233, '金额单位：元']),
    '',
    at([35, '2021年'], [97, '2022年'], [166, '增减变化情况']),
    '',
    at([45, '一般公共预算拨款安排的“三公”经费预算'], [105, '一般公共预算拨款安排的“三公”经费预算'], [176, '一般公共预算拨款安排的“三公”经费预算']),
    '',
    at([66, '公务用车购置及运行维'], [206, '公务用车购置及运']),
    at([136, '公务用车购置及运行维护费']),
    at([66, '护费'], [206, '行维护费']),
    at([0, '序号单位编码'], [14, '单位名称'], [90, '培训'], [160, '培训'], [189, '因公']),
    at([35, '合计'], [53, '因公出'], [84, '会议费'], [93, '合计'], [154, '会议费'], [163, '合计'], [227, '会议费'], [237, '培训费']),
    at([57, '公务'], [90, '费'], [114, '因公出国'], [160, '费'], [189, '出国']),
    at([53, '国'], [75, '公务'], [125, '公务接待'], [145, '公务'], [198, '公务接'], [215, '公务'], [218, '公务']),
    at([45, '小计'], [57, '接待'], [78, '公务用'], [105, '小计'], [114, '（境）费'], [148, '公务用'], [176, '小计'], [189, '（境']),
    at([53, '（境）'], [75, '用车'], [125, '费'], [145, '用车'], [198, '待费'], [215, '用车'], [218, '用车']),
    at([57, '费'], [66, '小计'], [78, '车运行'], [114, '用'], [136, '小计'], [148, '车运行'], [189, '）费'], [206, '小计']),
    at([53, '费用'], [75, '购置'], [145, '购置'], [215, '购置'], [218, '运行']),
    at([78, '费'], [148, '费'], [189, '用']),
    at([75, '费'], [145, '费'], [215, '费'], [218, '费']),
    '',
    at(
      [0, '1'],
      [17, '合计'],
      [37, '12240'],
      [46, '2720'],
      [55, '0'],
      [59, '2720'],
      [71, '0'],
      [76, '0'],
      [80, '0'],
      [85, '2380'],
      [90, '7140'],
      [100, '0'],
      [110, '0'],
      [121, '0'],
      [132, '0'],
      [141, '0'],
      [146, '0'],
      [150, '0'],
      [156, '0'],
      [162, '0'],
      [167, '-12240'],
      [181, '-2720'],
      [194, '0'],
      [198, '-2720'],
      [211, '0'],
      [216, '0'],
      [223, '0'],
      [229, '-2380'],
      [238, '-7140'],
    ),
    at(
      [0, '2'],
      [4, '234'],
      [17, '西安市气象局'],
      [37, '12240'],
      [46, '2720'],
      [55, '0'],
      [59, '2720'],
      [71, '0'],
      [76, '0'],
      [80, '0'],
      [85, '2380'],
      [90, '7140'],
      [100, '0'],
      [110, '0'],
      [121, '0'],
      [132, '0'],
      [141, '0'],
      [146, '0'],
      [150, '0'],
      [156, '0'],
      [162, '0'],
      [167, '-12240'],
      [181, '-2720'],
      [194, '0'],
      [198, '-2720'],
      [211, '0'],
      [216, '0'],
      [223, '0'],
      [229, '-2380'],
      [238, '-7140'],
    ),
    at(
      [0, '3'],
      [10, '234001'],
      [17, '西安市气象局'],
      [41, '0'],
      [49, '0'],
      [55, '0'],
      [62, '0'],
      [71, '0'],
      [76, '0'],
      [80, '0'],
      [88, '0'],
      [93, '0'],
      [100, '0'],
      [110, '0'],
      [121, '0'],
      [132, '0'],
      [141, '0'],
      [146, '0'],
      [150, '0'],
      [156, '0'],
      [162, '0'],
      [172, '0'],
      [185, '0'],
      [194, '0'],
      [202, '0'],
      [211, '0'],
      [216, '0'],
      [223, '0'],
      [233, '0'],
      [242, '0'],
    ),
    at(
      [0, '4'],
      [10, '234002'],
      [17, '西安市人工影响天气服务保障中心'],
      [37, '12240'],
      [46, '2720'],
      [55, '0'],
      [59, '2720'],
      [71, '0'],
      [76, '0'],
      [80, '0'],
      [85, '2380'],
      [90, '7140'],
      [100, '0'],
      [110, '0'],
      [121, '0'],
      [132, '0'],
      [141, '0'],
      [146, '0'],
      [150, '0'],
      [156, '0'],
      [162, '0'],
      [167, '-12240'],
      [181, '-2720'],
      [194, '0'],
      [198, '-2720'],
      [211, '0'],
      [216, '0'],
      [223, '0'],
      [229, '-2380'],
      [238, '-7140'],
    ),
    '\f表 14', // (the next table, on a page of its own)
    '',
    '',
  ]);
  const t = table(d, /三公/);
  const year = { overseas: 0, reception: 0, vehicles: 0, vehiclePurchase: 0, vehicleRunning: 0, meeting: 0, training: 0 };
  const prior = { overseas: 0, reception: 2720, vehicles: 0, vehiclePurchase: 0, vehicleRunning: 0, meeting: 2380, training: 7140 };
  const printed: Record<string, number> = { ...year };
  for (const [k, v] of Object.entries(prior)) {
    printed[`prior.${k}`] = v;
    printed[`change.${k}`] = year[k as keyof typeof year] - v;
  }
  namedAsPrinted(t, printed);
});

/** A 一般公共预算支出表 whose 公用经费 and 项目支出 figures stand one space apart on some lines, each column's edge shifting a character from line to line. */
const runTogether = (lone: string[]) =>
  fromLines([
    at([20, '表5 一般公共预算支出表']),
    at([60, '单位：万元']),
    '',
    at([48, '基本支出']),
    at([2, '科目名称'], [24, '合计'], [37, '小计'], [48, '人员经费'], [60, '公用经费'], [70, '项目支出']),
    at([0, '合计'], [22, '1,000.00'], [35, '600.00'], [47, '500.00'], [59, '100.00'], [66, '400.00']),
    at([0, '公共安全支出'], [22, '1,000.00'], [35, '600.00'], [47, '500.00'], [59, '100.00'], [66, '400.00']),
    at([2, '行政运行'], [24, '600.00'], [35, '600.00'], [47, '500.00'], [60, '100.00']),
    at([2, '行政单位离退休'], [24, '501.50'], [35, '501.50'], [47, '500.00'], [63, '1.50']),
    ...lone,
  ]);

test('text: two columns whose figures stand one space apart on some lines and overlap from line to line are two columns, each figure in the one whose figures end where it ends (none ends between them)', () => {
  const t = table(runTogether([at([2, '执法办案'], [24, '400.00'], [70, '400.00'])]), /一般公共预算支出表/);
  assert.deepEqual(
    t.columns.map((c) => c.key),
    ['total', 'basic', 'personnel', 'public', 'project'],
  );
  const sum = row(t, (r) => r.label === '合计');
  assert.deepEqual(
    ['public', 'project'].map((k) => fen(sum, k)),
    [w('100.00'), w('400.00')],
  );
  // 100.00 ends one character right of the 公用经费 above it, 1.50 two (past where 项目支出 figures start), 400.00 four right of the 项目支出 above it.
  const cell = (label: string, key: string) =>
    fen(
      row(t, (r) => r.label === label),
      key,
    );
  assert.deepEqual([cell('行政运行', 'public'), cell('行政单位离退休', 'public')], [w('100.00'), w('1.50')]);
  const lone = row(t, (r) => r.label === '执法办案');
  assert.deepEqual(
    ['total', 'public', 'project'].map((k) => fen(lone, k)),
    [w('400.00'), null, w('400.00')],
  );
  assert.equal(lone.unplaced, undefined);
  // A figure ending between where the two columns' figures end: which column it is is not known, the two stay one.
  const u = table(runTogether([at([2, '执法办案'], [24, '400.00'], [70, '400.00']), at([2, '其他支出'], [25, '50.00'], [63, '50.00'])]), /一般公共预算支出表/);
  const other = row(u, (r) => r.label === '其他支出');
  assert.equal(fen(other, 'public'), null);
  assert.equal(fen(other, 'project'), null);
  assert.deepEqual(
    other.unplaced?.map((m) => m.fen),
    [w('50.00')],
  );
});

test('a department-wide form’s field naming the unit beside its name (部门（单位）名称 | 某某市某某局) heads no column, nor the year printed under the title (（2026年度）): the figures stand under 总额 and 财政拨款', () => {
  const lines = [
    at([0, '表15']),
    at([37, '部门整体支出绩效目标表']),
    at([44, '（2026年度）']),
    at([6, '部门（单位）名称'], [57, '某某市某某局']),
    at([69, '预算金额（万元）']),
    at([14, '任务名称'], [33, '主要内容']),
    at([60, '总额'], [74, '财政拨款'], [88, '其他资金']),
    at([8, '保运转'], [24, '保障人员薪酬等基本支出'], [61, '1932.81'], [76, '1900.00'], [92, '32.81']),
    at([8, '信访业务'], [24, '信访事项受理、办理'], [63, '66.38'], [78, '66.38']),
    at([28, '金额合计'], [61, '1999.19'], [76, '1966.38'], [92, '32.81']),
  ];
  const t = table(fromLines(lines), /部门整体支出绩效目标表/);
  assert.deepEqual(
    t.columns.map((c) => [c.key, c.header.join('/')]),
    [
      ['total', '预算金额（万元）/总额'],
      ['govApprop', '预算金额（万元）/财政拨款'],
      ['unitFunds', '预算金额（万元）/其他资金'],
    ],
  );
  const r = row(t, (x) => x.label.startsWith('保运转'));
  assert.deepEqual([fen(r, 'total'), fen(r, 'govApprop'), fen(r, 'unitFunds')], [w('1932.81'), w('1900.00'), w('32.81')]);
});

test('a count printed left of its centred heading (人数 over a cell whose figures stand left in it): under that heading from midway after the word before, not an amount, and the heading no column', () => {
  const lines = [
    at([32, '会议费明细表']),
    at([74, '单位：万元']),
    at([0, '序号'], [17, '会议名称'], [38, '时间'], [56, '人数'], [61, '金额'], [74, '备注']),
    at([0, '1'], [5, '试点工作部署动员会'], [24, '2026年03月04日'], [50, '80'], [67, '1.19']),
    at([0, '2'], [5, '经济运行分析会'], [24, '2026年05月26日'], [50, '61'], [67, '2.00']),
  ];
  const t = table(fromLines(lines), /会议费明细表/);
  const key = t.columns.find((c) => c.header.join('/') === '金额')?.key ?? assert.fail(`no 金额: ${t.columns.map((c) => c.header.join('/')).join(' | ')}`);
  assert.deepEqual(
    t.rows.map((r) => [r.texts?.['人数']?.text ?? null, fen(r, key), r.unplaced?.map((m) => m.src?.raw) ?? []]),
    [
      ['80', w('1.19'), []],
      ['61', w('2.00'), []],
    ],
  );
  // (Its counts all kept apart, 人数 heads no column of figures.)
  assert.deepEqual(
    t.columns.map((c) => c.header.join('/')),
    ['金额', '备注'],
  );
});

test('text: a 三公 table of three blocks (上年 | 当年 | 增减变化情况 over the same nine columns each): each scope word heads its whole block, though centred off its middle', () => {
  const heads = (x: number): Array<[number, string]> => [
    [x, '合计'],
    [x + 25, '因公出国'],
    [x + 79, '会议费'],
    [x + 85, '培训费'],
  ];
  const subs = (x: number): Array<[number, string]> => [
    [x + 13, '小计'],
    [x + 33, '公务接待费'],
    [x + 59, '公务用车购置'],
    [x + 66, '公务用车运行'],
  ];
  const figures = ['242,000.00', '120,000.00', '', '20,000.00', '100,000.00', '', '100,000.00', '', '122,000.00'];
  const now = ['320,800.00', '101,000.00', '', '10,000.00', '91,000.00', '', '91,000.00', '', '219,800.00'];
  const change = ['78,800.00', '-19,000.00', '', '-10,000.00', '-9,000.00', '', '-9,000.00', '', '97,800.00'];
  const ends = [40, 53, 63, 74, 87, 95, 107, 114, 126];
  const row = (...label: Array<[number, string]>) =>
    at(...label, ...[figures, now, change].flatMap((fs, b) => fs.flatMap((f, i): Array<[number, string]> => (f ? [[ends[i]! + 98 * b - f.length, f]] : []))));
  const lines = [
    at([64, '部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表']),
    at([306, '单位：元']),
    at([78, '上年'], [176, '当年'], [273, '增减变化情况']),
    at([58, '一般公共预算拨款安排的“三公”经费预算'], [157, '一般公共预算拨款安排的“三公”经费预算'], [254, '一般公共预算拨款安排的“三公”经费预算']),
    at([2, '单位编码'], [23, '单位名称'], [81, '公务用车购置及运行维护费'], [179, '公务用车购置及运行维护费'], [277, '公务用车购置及运行维护费']),
    at(...heads(31), ...heads(130), ...heads(227)),
    at(...subs(31), ...subs(130), ...subs(227)),
    at([56, '（境）费用'], [78, '小计'], [155, '（境）费用'], [176, '小计'], [252, '（境）费用'], [275, '小计']),
    at([92, '费'], [98, '维护费'], [190, '费'], [196, '维护费'], [288, '费'], [294, '维护费']),
    row([18, '合计']),
    row([0, '121'], [15, '某某市某某局']),
  ];
  const t = table(fromLines(lines), /三公/);
  const r = t.rows[0]!;
  const yuan = (s: string) => parseAmount(s, '元');
  const cells = Object.fromEntries(
    ['prior.reception', 'prior.vehicleRunning', 'prior.training', 'reception', 'vehicleRunning', 'training', 'change.reception', 'change.training'].map((k) => [k, r?.amounts[k]?.fen ?? null]),
  );
  assert.deepEqual(cells, {
    'prior.reception': yuan('20,000.00'),
    'prior.vehicleRunning': yuan('100,000.00'),
    'prior.training': yuan('122,000.00'),
    reception: yuan('10,000.00'),
    vehicleRunning: yuan('91,000.00'),
    training: yuan('219,800.00'),
    'change.reception': yuan('-10,000.00'),
    'change.training': yuan('97,800.00'),
  });
});
