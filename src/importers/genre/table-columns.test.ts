/**
 * How the genre reader names the columns of `pdftotext -layout` text and of multi-level headers, on
 * small hand-made tables in the genre's shapes (the revenue summary 收入总表 above all): each text is
 * laid out column by column as pdftotext prints it, where every character takes one column.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAmount } from '../../domain/money.js';
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
