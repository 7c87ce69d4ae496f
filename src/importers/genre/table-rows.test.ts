/**
 * How the genre reader assembles rows and their nesting where a table's lines do not say it alone: a
 * table continued over a page break, a unit's name wrapped around its figures, keyword rows printed
 * close together. Small hand-made tables in the genre's shapes (PDFs built by hand, or text laid out
 * as pdftotext prints it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importBytes } from '../../app/import-document.js';
import { validateDocument } from '../../app/validate.js';
import type { BudgetDocument, Row, Table } from '../../domain/model.js';
import { at, fen, fromLines, row, table, w } from './test-tables.js';
import { parseAmount } from '../../domain/money.js';
import { buildPdf, type Run } from '../pdf/test-pdf.js';
import { tokensOf } from './tokens.js';

const fromText = (lines: string[]): Promise<BudgetDocument> => importBytes(new TextEncoder().encode(lines.join('\n') + '\n'), 'fixture.txt');

/** A hand-made PDF page: text placed at x (points) on numbered lines 14 points apart, in a CJK font whose ASCII glyphs are half-width. */
function page(place: (at: (x: number, line: number, text: string) => void, figure: (right: number, line: number, text: string) => void) => void): { runs: Run[] } {
  const SIZE = 8;
  const runs: Run[] = [];
  const at = (x: number, line: number, text: string) => runs.push({ x, y: 842 - 60 - line * 14, size: SIZE, text, font: 'CJK' });
  place(at, (right, line, text) => at(right - (text.length * SIZE) / 2, line, text));
  return { runs };
}

test('PDF: a table continued on a page whose first row is indented keeps its nesting: the page is taken into the first page’s frame through its columns of figures', async () => {
  // Class, 款 and 项 indented by 8 points each; the second page starts with a 项 and its leftmost
  // text is a 款 (its own left text edge is 8 points right of the first page's).
  const RIGHT = [330, 400];
  const first = page((at, figure) => {
    at(150, 0, '表5 一般公共预算支出表');
    at(40, 1, '部门名称：某某市某某局');
    at(420, 1, '单位：万元');
    at(100, 2, '科目名称');
    at(306, 2, '合计');
    at(372, 2, '基本支出');
    const lines: Array<[number, string, string, string]> = [
      [60, '合计', '300.00', '300.00'],
      [40, '某某类支出', '300.00', '300.00'],
      [48, '甲款事务', '100.00', '100.00'],
      [56, '甲项第一', '60.00', '60.00'],
    ];
    lines.forEach(([x, name, a, b], i) => {
      at(x, 4 + i, name);
      figure(RIGHT[0]!, 4 + i, a);
      figure(RIGHT[1]!, 4 + i, b);
    });
  });
  const second = page((at, figure) => {
    const lines: Array<[number, string, string, string]> = [
      [56, '甲项第二', '40.00', '40.00'],
      [48, '乙款事务', '200.00', '200.00'],
      [56, '乙项第一', '200.00', '200.00'],
    ];
    lines.forEach(([x, name, a, b], i) => {
      at(x, i, name);
      figure(RIGHT[0]!, i, a);
      figure(RIGHT[1]!, i, b);
    });
  });
  const d = await importBytes(buildPdf([first, second]), 'fixture.pdf');
  const t = table(d, /一般公共预算支出表/);
  const id = (label: string) => row(t, (r) => r.label === label).id;
  assert.deepEqual(
    ['甲项第一', '甲项第二', '乙款事务', '乙项第一'].map((l) => row(t, (r) => r.label === l).parent),
    [id('甲款事务'), id('甲款事务'), id('某某类支出'), id('乙款事务')],
  );
  assert.deepEqual(
    validateDocument(d).findings.filter((f) => f.rule === 'BUD-014'),
    [],
  );
});

test('PDF: a continuation page is taken into the first page’s frame through where most figures of a column end, not the furthest: one figure measured wider does not shift the page, and a class heading the page stays a class', async () => {
  // Labels indented by 8 points per rank. On the first page one figure is measured 6 points wider
  // than it prints (its right edge past the others'); the second page's note starts left of every
  // label, so its own left text edge is 10 points left of the first page's.
  const first = page((at, figure) => {
    at(150, 0, '表5 一般公共预算支出表');
    at(40, 1, '部门名称：某某市某某局');
    at(420, 1, '单位：万元');
    at(100, 2, '科目名称');
    at(306, 2, '合计');
    const lines: Array<[number, string, string, number]> = [
      [60, '合计', '500.00', 0],
      [40, '甲类支出', '300.00', 6],
      [48, '甲款事务', '300.00', 0],
      [56, '甲项第一', '100.00', 0],
      [56, '甲项第二', '120.00', 0],
    ];
    lines.forEach(([x, name, a, wider], i) => {
      at(x, 4 + i, name);
      figure(330 + wider, 4 + i, a);
    });
  });
  const second = page((at, figure) => {
    const lines: Array<[number, string, string]> = [
      [56, '甲项第三', '80.00'],
      [40, '乙类支出', '200.00'],
      [48, '乙款事务', '200.00'],
      [56, '乙项第一', '200.00'],
    ];
    lines.forEach(([x, name, a], i) => {
      at(x, i, name);
      figure(330, i, a);
    });
    at(30, 5, '注：本表金额单位为万元。');
  });
  const d = await importBytes(buildPdf([first, second]), 'fixture.pdf');
  const t = table(d, /一般公共预算支出表/);
  const id = (label: string) => row(t, (r) => r.label === label).id;
  assert.deepEqual(
    ['甲项第三', '乙类支出', '乙款事务', '乙项第一'].map((l) => row(t, (r) => r.label === l).parent),
    [id('甲款事务'), null, id('乙类支出'), id('乙款事务')],
  );
  assert.deepEqual(sums(d), []);
});

test('PDF: a two-sided table continued on a page without a header that prints the expenditure side alone: its rows are that side’s, placed through where the page stands on the sheet, and nest as on the page before', async () => {
  // The second page's leftmost text is the expenditure side's labels: its x count from there, and its figures end
  // where the revenue side's did on the page before. Where the page stands on the sheet says they are the
  // expenditure side's.
  const first = page((at, figure) => {
    at(150, 0, '表04 财政拨款收支预算总表');
    at(480, 1, '单位：万元');
    at(110, 2, '收   入');
    at(380, 2, '支   出');
    at(60, 3, '项   目');
    at(200, 3, '预算数');
    at(330, 3, '项   目');
    at(500, 3, '预算数');
    const lines: Array<[string | null, string | null, number, string, string]> = [
      ['一、财政拨款', '300.00', 290, '某某类支出', '300.00'],
      ['一般公共预算', '300.00', 296, '甲款事务', '100.00'],
      [null, null, 302, '甲项第一', '60.00'],
    ];
    lines.forEach(([rl, rv, x, el, ev], i) => {
      if (rl) at(40, 4 + i, rl);
      if (rv) figure(240, 4 + i, rv);
      at(x, 4 + i, el);
      figure(540, 4 + i, ev);
    });
  });
  const second = page((at, figure) => {
    const lines: Array<[number, string, string]> = [
      [302, '甲项第二', '40.00'],
      [296, '乙款事务', '200.00'],
      [302, '乙项第一', '200.00'],
    ];
    // (Its figures end 6 points further right than the page before's: where they end says less than where the page stands.)
    lines.forEach(([x, name, v], i) => {
      at(x, i, name);
      figure(546, i, v);
    });
  });
  const d = await importBytes(buildPdf([first, second]), 'fixture.pdf');
  const t = table(d, /财政拨款收支预算总表/);
  for (const [label, printed] of [
    ['甲项第二', '40.00'],
    ['乙款事务', '200.00'],
    ['乙项第一', '200.00'],
  ] as const) {
    const r = row(t, (x) => x.label === label);
    assert.equal(r.side, 'expenditure', label);
    assert.equal(r.unplaced, undefined, label);
    assert.equal(fen(r, t.sides!.expenditure), w(printed), label);
  }
  const id = (label: string) => row(t, (r) => r.label === label).id;
  assert.deepEqual(
    ['甲项第二', '乙款事务', '乙项第一'].map((l) => row(t, (r) => r.label === l).parent),
    [id('甲款事务'), id('某某类支出'), id('乙款事务')],
  );
});

test('PDF: code cells set at the foot of their rows (a code 0.6 em under the row’s figures, on the baseline of a wrapped name’s tail): each code is its row’s, and a name’s head above joins it', async () => {
  // Rows 1.6 lines apart; a 项's code at the foot of its row (0.36 line under the figures), a wrapped
  // name's head above the figures (0.39 line) and its tail below them (0.32), on the code's baseline.
  const rows: Array<[string, string[], string]> = [
    ['208', ['社会保障和就业支出'], '60.00'],
    ['20805', ['行政事业单位养老支出'], '60.00'],
    ['2080501', ['行政单位离退休'], '10.00'],
    ['2080505', ['机关事业单位基本养老保', '险缴费支出'], '30.00'],
    ['2080506', ['机关事业单位职业年金缴', '费支出'], '20.00'],
  ];
  const d = await importBytes(
    buildPdf([
      page((at, figure) => {
        at(150, 0, '表2 收入总表');
        at(420, 1, '单位：万元');
        at(40, 2, '科目编码');
        at(120, 2, '科目名称');
        at(310, 2, '合计');
        rows.forEach(([code, name, fig], k) => {
          const line = 4 + 1.6 * k;
          figure(330, line, fig);
          if (code.length <= 5) {
            at(40, line, code);
            at(100 + 4 * (code.length - 3), line, name[0]!);
          } else if (name.length === 1) {
            at(110, line, name[0]!);
            at(40, line + 0.37, code);
          } else {
            at(110, line - 0.39, name[0]!);
            at(100, line + 0.32, name[1]!);
            at(40, line + 0.36, code);
          }
        });
      }),
    ]),
    'fixture.pdf',
  );
  const t = table(d, /收入总表/);
  assert.deepEqual(
    t.rows.map((r) => [r.code, r.label, fen(r, t.columns[0]!.key)]),
    rows.map(([code, name, fig]) => [code, name.join(''), w(fig)]),
  );
});

test('PDF: a keyword row printed right above the total (上年结转 / 收 入 总 计) is a row of its own, not the total’s wrapped label', async () => {
  const d = await importBytes(
    buildPdf([
      page((at, figure) => {
        at(160, 0, '表1 收支总表');
        at(420, 1, '单位：万元');
        at(60, 2, '项目');
        at(180, 2, '预算数');
        at(260, 2, '项目');
        at(380, 2, '预算数');
        at(40, 3, '一、一般公共预算拨款收入');
        figure(210, 3, '2,123.11');
        at(240, 3, '一、一般公共服务支出');
        figure(410, 3, '2,123.11');
        at(60, 4, '本年收入合计');
        figure(210, 4, '2,123.11');
        at(260, 4, '本年支出合计');
        figure(410, 4, '2,123.11');
        at(40, 5, '上年结转');
        at(240, 5, '结转下年');
        at(90, 6, '收 入 总 计');
        figure(210, 6, '2,123.11');
        at(270, 6, '支 出 总 计');
        figure(410, 6, '2,123.11');
      }),
    ]),
    'fixture.pdf',
  );
  const t = table(d, /收支总表/);
  const revenue = t.rows.filter((r) => r.side === 'revenue');
  assert.deepEqual(
    revenue.map((r) => [r.label, r.kind, fen(r, 'amount')]),
    [
      ['一、一般公共预算拨款收入', 'item', w('2,123.11')],
      ['本年收入合计', 'subtotal', w('2,123.11')],
      ['上年结转', 'carry', null],
      ['收入总计', 'total', w('2,123.11')],
    ],
  );
});

test('text: the tail of a unit’s name wrapped around its figures, above a coded row, is the unit’s; the coded row keeps its own name', async () => {
  const d = await fromText([
    at([40, '表3 支出总表']),
    at([0, '部门名称：某某市某某局'], [90, '单位：万元']),
    at([2, '预算单位'], [17, '科目编码'], [27, '科目名称'], [44, '支出总计'], [56, '基本支出'], [70, '项目支出']),
    at([0, '某某市规划和自然资源局某某管']),
    at([41, '4,505.81'], [53, '2,648.89'], [68, '1,856.92']),
    at([0, '理局']),
    at([17, '208'], [27, '社会保障和就业支出'], [43, '281.48'], [55, '281.48'], [72, '0.00']),
    '',
    at([17, '20805'], [27, '行政事业单位养老支出'], [43, '281.48'], [55, '281.48'], [72, '0.00']),
  ]);
  const t = table(d, /支出总表/);
  // (Its first line, printed above the first line of figures, is read with the header band.)
  const unit = row(t, (r) => r.kind === 'unit');
  assert.ok(unit.label.endsWith('理局') && !/\d|社会保障/.test(unit.label), unit.label);
  assert.equal(fen(unit, 'total'), w('4,505.81'));
  const c208 = row(t, (r) => r.code === '208');
  assert.equal(c208.parent, unit.id);
  assert.equal(c208.label, '社会保障和就业支出');
  assert.equal(fen(c208, 'total'), w('281.48'));
});

test('a procurement table by unit: 数量 is no part of the labels, the code printed in 单位编码 makes a unit’s line, a form of funding (全额) heads its units', () => {
  const lines = [
    at([30, '表12 部门综合预算政府采购预算表']),
    at([70, '单位：元']),
    at([0, '科目编码'], [12, '单位编码'], [24, '采购项目'], [40, '数量'], [54, '预算金额']),
    at([0, '类 款 项']),
    at([24, '合计'], [42, '4'], [52, '4,020,000.00']),
    at([0, '201 08 01'], [10, '1'], [24, '全额'], [42, '2'], [54, '370,000.00']),
    at([0, '201 08 01'], [13, '117001'], [24, '某某市某某局'], [42, '2'], [54, '370,000.00']),
    at([0, '201 08 01'], [24, '日常公用经费'], [42, '2'], [54, '370,000.00']),
    at([0, '201 08 04'], [10, '1'], [24, '全额'], [42, '2'], [52, '3,650,000.00']),
    at([0, '201 08 04'], [13, '271001'], [24, '某某市某某中心'], [42, '2'], [52, '3,650,000.00']),
    at([0, '201 08 04'], [24, '审计服务'], [42, '1'], [52, '3,500,000.00']),
    at([0, '201 08 04'], [24, '培训服务'], [42, '1'], [54, '150,000.00']),
  ];
  // (The genre's reader, as for a tables-only attachment.)
  const d = fromLines(lines);
  const t = table(d, /政府采购预算表/);
  assert.deepEqual(
    t.rows.map((r) => [r.label, r.kind, r.texts?.['unitCode']?.text ?? null, r.texts?.['数量']?.text ?? null]),
    [
      ['合计', 'total', null, '4'],
      ['全额', 'unit', '1', '2'],
      ['某某市某某局', 'unit', '117001', '2'],
      ['日常公用经费', 'item', null, '2'],
      ['全额', 'unit', '1', '2'],
      ['某某市某某中心', 'unit', '271001', '2'],
      ['审计服务', 'item', null, '1'],
      ['培训服务', 'item', null, '1'],
    ],
  );
  const [, f1, u1, i1, f2, u2, i2, i3] = t.rows;
  assert.deepEqual(
    [f1, u1, i1, f2, u2, i2, i3].map((r) => r!.parent ?? null),
    [null, f1!.id, u1!.id, null, f2!.id, u2!.id, u2!.id],
  );
  const warnings = validateDocument(d).findings.filter((f) => ['BUD-010', 'BUD-014'].includes(f.rule));
  assert.deepEqual(
    warnings.map((f) => f.message),
    [],
  );
});

test('a 数量 column whose counts are grouped by thousands (187,920) is a column of counts, not of money: no sum is checked on it', () => {
  const lines = [
    at([30, '表12 部门综合预算政府采购预算表']),
    at([70, '单位：元']),
    at([0, '科目编码'], [12, '单位编码'], [24, '采购项目'], [44, '数量'], [60, '预算金额']),
    at([24, '合计'], [42, '21,400'], [58, '3,060,000.00']),
    at([0, '201 05 07'], [10, '1'], [24, '全额'], [42, '21,400'], [58, '3,060,000.00']),
    at([0, '201 05 07'], [13, '119001'], [24, '某某市某某局'], [42, '21,400'], [58, '3,060,000.00']),
    at([0, '201 05 07'], [24, '普通服装'], [42, '20,400'], [58, '2,040,000.00']),
    at([0, '201 05 07'], [24, '手提包'], [42, '2,000'], [58, '1,020,000.00']),
  ];
  const d = fromLines(lines);
  const t = table(d, /政府采购预算表/);
  assert.deepEqual(
    t.columns.map((c) => [c.header.join('/'), c.kind]),
    [
      ['数量', 'count'],
      ['预算金额', 'amount'],
    ],
  );
  // The unit's 21,400 against its items' 22,400: counts, not checked as sums of money.
  assert.deepEqual(
    validateDocument(d).findings.filter((f) => ['BUD-010', 'BUD-014'].includes(f.rule)),
    [],
  );
});

test('text: a continuation page of a two-sided table that prints the header again but figures only on the right side: its rows are the right side’s', () => {
  const lines = [
    at([30, '表1 收支总表']),
    at([70, '单位：万元']),
    at([12, '收   入'], [50, '支   出']),
    at([4, '项   目'], [22, '2026年预算数'], [44, '项   目'], [64, '2026年预算数']),
    at([0, '一、财政拨款'], [24, '300.00'], [40, '一、城乡社区支出'], [66, '100.00']),
    at([0, '二、其他收入'], [26, '0.00'], [42, '城乡社区管理事务'], [66, '100.00']),
    '\f' + at([30, '表1 收支总表']),
    at([70, '单位：万元']),
    at([12, '收   入'], [50, '支   出']),
    at([4, '项   目'], [22, '2026年预算数'], [44, '项   目'], [64, '2026年预算数']),
    at([40, '二、农林水支出'], [66, '200.00']),
    at([42, '农业农村'], [66, '200.00']),
  ];
  const d = fromLines(lines);
  const t = table(d, /收支总表/);
  for (const label of ['二、农林水支出', '农业农村']) assert.equal(row(t, (r) => r.label === label).side, 'expenditure', label);
  assert.equal(row(t, (r) => r.label === '农业农村').parent, row(t, (r) => r.label === '二、农林水支出').id);
  assert.equal(row(t, (r) => r.label === '二、其他收入').parent ?? null, null);
});

/** A 财政拨款收支总表 whose second page, set on a grid of its own without a header, prints one side alone at the left edge: `second` its lines. */
const twoSidedOverPage = (second: string[]) => [
  at([30, '表4 财政拨款收支预算总表']),
  at([70, '单位：万元']),
  at([12, '收   入'], [50, '支   出']),
  at([4, '项   目'], [22, '预算数'], [44, '项   目'], [64, '预算数']),
  at([0, '一、财政拨款'], [24, '300.00'], [40, '卫生健康支出'], [66, '300.00']),
  at([2, '一般公共预算'], [24, '300.00'], [41, '计划生育事务'], [66, '100.00']),
  at([2, '政府性基金预算'], [42, '计划生育服务'], [66, '100.00']),
  '\f' + second[0]!,
  ...second.slice(1),
];

test('text: a two-sided table continued on a page without a header whose labels all name function classes (pdftotext: no position says the side): its rows are the expenditure side’s; labels naming both sides or neither leave its figures unplaced', () => {
  // The second page's figures end where the revenue side's did on the page before: only its labels say which side it prints.
  const d = fromLines(twoSidedOverPage([at([1, '行政事业单位医疗'], [24, '200.00']), at([2, '行政单位医疗'], [24, '150.00']), at([2, '事业单位医疗'], [25, '50.00'])]));
  const t = table(d, /财政拨款收支预算总表/);
  for (const [label, printed] of [
    ['行政事业单位医疗', '200.00'],
    ['行政单位医疗', '150.00'],
    ['事业单位医疗', '50.00'],
  ] as const) {
    const r = row(t, (x) => x.label === label);
    assert.equal(r.side, 'expenditure', label);
    assert.equal(r.unplaced, undefined, label);
    assert.equal(fen(r, t.sides!.expenditure), w(printed), label);
  }
  // Labels naming both sides (a source, 上年结转, among the classes), or naming neither: which side is not known, nothing placed.
  for (const second of [
    [at([1, '行政事业单位医疗'], [24, '200.00']), at([2, '上年结转'], [24, '150.00'])],
    [at([1, '某某事项'], [24, '200.00']), at([2, '另一事项'], [24, '150.00'])],
  ]) {
    const t = table(fromLines(twoSidedOverPage(second)), /财政拨款收支预算总表/);
    const placed = t.rows.filter((r) => r.side === 'expenditure' && (r.src?.line ?? 0) > 7 && fen(r, t.sides!.expenditure) !== null);
    assert.deepEqual(
      placed.map((r) => r.label),
      [],
    );
  }
});

/** The first page of a 公开表11 (项目支出) as pdftotext sets it: title, header, the 合计 line and one project; shared by the continuation-page tests below. */
const firstPage11 = () => [
  at([123, '公开表11']),
  at([41, '项目支出预算情况表']),
  at([0, '部门（单位）：某某市某某局'], [121, '单位：万元']),
  at([68, '财政拨款']),
  at([87, '财政专户管'], [113, '使用非财政']),
  at([16, '项目名称'], [31, '项目类别'], [39, '合计'], [63, '一般公共预 政府性基金 国有资本经'], [88, '理资金'], [100, '单位资金'], [113, '拨款结余'], [121, '上年结转']),
  at([51, '小计'], [65, '算'], [70, '预算'], [76, '营预算']),
  at([0, '合'], [4, '计'], [38, '133,705.19'], [51, '51,908.37'], [64, '49,549.69'], [76, '2,358.68'], [88, '62,466.06'], [101, '19,330.76']),
  at([0, '实施公车统管'], [30, '其他运转类'], [43, '45.00'], [55, '45.00'], [68, '45.00']),
];

/** The header of a 收入总体情况表 (公开表2) as pdftotext sets it, 科目名称 and 合计 at `name` and `total`. */
const incomeHeader = (name: number, total: number) => [
  at([120, '公开表2']),
  at([66, '收入总体情况表']),
  at([0, '部门（单位）：某某市某某局'], [118, '单位：万元']),
  at([2, '科目编码'], [56, '财政拨款收入']),
  at([78, '事业收入'], [83, '事业单位经']),
  at([72, '财政专户管'], [78, '（不含教育'], [98, '上级补助收'], [104, '附属单位上'], [110, '使用非财政']),
  at([name, '科目名称'], [total, '合计'], [91, '其他收入'], [118, '上年结转']),
  at([54, '一般公共预'], [60, '政府性基金'], [66, '国有资本经'], [72, '理资金收入'], [79, '收费）']),
  at([84, '营收入'], [100, '入'], [105, '缴收入'], [110, '拨款结余']),
  at([0, '类'], [6, '款'], [11, '项'], [total + 11, '小计']),
  at([55, '算收入'], [60, '预算收入'], [65, '营预算收入']),
  '',
];

test('text: a continuation page printing the header again whose first row’s name wraps above its code’s line: the head is the row’s, not the header’s, and the page takes the page before’s columns', () => {
  // pdftotext sets "其他行政事业单位养老支" right under the header printed again, its tail "出" on the line of
  // the code and figures: read as the header's last line, the header no longer matched the page before's, and
  // the page's figures fell to its own reading of the header, naming the columns otherwise (not placed).
  const lines = [
    ...incomeHeader(24, 32),
    at([16, '合'], [20, '计'], [32, '2,123.11'], [43, '2,123.11'], [55, '2,123.11']),
    '',
    at([0, '208'], [16, '社会保障和就业支出'], [33, '292.73'], [45, '292.73'], [57, '292.73']),
    '',
    at([6, '05'], [17, '行政事业单位养老支出'], [33, '292.73'], [45, '292.73'], [57, '292.73']),
    '',
    at([11, '01'], [20, '行政单位离退休'], [34, '78.84'], [46, '78.84'], [58, '78.84']),
    '\f' + incomeHeader(22, 34).join('\n'),
    at([20, '其他行政事业单位养老支']),
    at([11, '99'], [16, '出'], [35, '2.24'], [46, '2.24'], [57, '2.24']),
    '',
    at([0, '210'], [16, '卫生健康支出'], [35, '102.63'], [46, '102.63'], [57, '102.63']),
  ];
  const t = table(fromLines(lines), /收入总体情况表/);
  assert.deepEqual(
    t.rows.filter((r) => r.unplaced).map((r) => r.label),
    [],
  );
  const keys = Object.keys(row(t, (r) => r.label === '合计').amounts).filter(
    (k) =>
      fen(
        row(t, (r) => r.label === '合计'),
        k,
      ) !== null,
  );
  assert.equal(keys.length, 3);
  // (The head stays a line of its own, the coded row labelled by its tail 出, as before: joining them is not done here.)
  const other = row(t, (r) => r.code === '2080599');
  assert.deepEqual(
    keys.map((k) => fen(other, k)),
    [w('2.24'), w('2.24'), w('2.24')],
  );
  assert.deepEqual(
    keys.map((k) =>
      fen(
        row(t, (r) => r.code === '210'),
        k,
      ),
    ),
    [w('102.63'), w('102.63'), w('102.63')],
  );
});

test('text: a continuation page printing the header again, its first coded row’s name wrapped around the line of its code and figures: the head is that row’s', () => {
  const header = [at([40, '支出总表']), at([100, '单位：万元']), at([5, '预算单位'], [16, '科目编码'], [30, '科目名称'], [44, '支出总计'], [56, '基本支出'], [68, '项目支出']), ''];
  const lines = [
    ...header,
    at([16, '20805'], [27, '行政事业单位养老支出'], [46, '654.07'], [58, '654.07'], [70, '0.00']),
    '',
    at([16, '2080501'], [27, '行政单位离退休'], [46, '281.93'], [58, '281.93'], [70, '0.00']),
    '\f' + header.join('\n'),
    at([27, '机关事业单位基本养老']),
    at([16, '2080505'], [46, '257.96'], [58, '257.96'], [70, '0.00']),
    at([27, '保险缴费支出']),
    '',
    at([16, '2080506'], [27, '机关事业单位职业年金缴费支出'], [46, '114.17'], [58, '114.17'], [70, '0.00']),
  ];
  const t = table(fromLines(lines), /支出总表/);
  assert.equal(row(t, (r) => r.code === '2080505').label, '机关事业单位基本养老保险缴费支出');
  assert.equal(
    fen(
      row(t, (r) => r.code === '2080505'),
      'total',
    ),
    w('257.96'),
  );
});

test('text: a continuation page printing the header again, set on a grid of its own, where the group head (财政拨款) scopes fewer columns than on the page before: 小计 is the page before’s 财政拨款/小计, and its figures are placed', () => {
  // pdftotext sets each page on its own grid: here the second page's header stands 3–4 columns right of the
  // first's, and 财政拨款, centred otherwise, no longer stands over 小计; the page's own reading names the column
  // "小计", the tail of the page before's "财政拨款/小计": the same column, named less fully, not a dispute.
  const lines = [
    ...firstPage11(),
    at([0, '公办学生应配未配教职工工资经费'], [30, '其他运转类'], [40, '1,000.00'], [52, '1,000.00'], [65, '1,000.00']),
    '\f' + at([120, '公开表11']),
    at([45, '项目支出预算情况表']),
    at([0, '部门（单位）：某某市某某局'], [118, '单位：万元']),
    at([70, '财政拨款']),
    at([86, '财政专户管'], [110, '使用非财政']),
    at([16, '项目名称'], [36, '项目类别'], [43, '合计'], [66, '一般公共预 政府性基金 国有资本经'], [87, '理资金'], [98, '单位资金'], [110, '拨款结余'], [118, '上年结转']),
    at([55, '小计'], [68, '算'], [73, '预算'], [79, '营预算']),
    at([0, '生均公用经费（非三保）'], [35, '其他运转类'], [46, '517.95'], [57, '517.95'], [69, '517.95']),
    at([0, '课后延时服务费'], [35, '其他运转类'], [46, '186.00'], [57, '186.00'], [69, '186.00']),
    at([0, '运转补助经费（非三保）'], [35, '其他运转类'], [44, '1,398.12'], [57, '484.90'], [69, '484.90'], [89, '850.22'], [102, '63.00']),
  ];
  const t = table(fromLines(lines), /项目支出预算情况表/);
  const cells = (label: string) => {
    const r = row(t, (x) => x.label.startsWith(label));
    assert.equal(r.unplaced, undefined, `${label}: unplaced ${r.unplaced?.map((m) => m.src?.raw).join(' ')}`);
    return ['total', 'govApprop', 'general', 'specialAccount', 'unitFunds'].map((k) => fen(r, k));
  };
  assert.deepEqual(cells('实施公车统管'), [w('45.00'), w('45.00'), w('45.00'), null, null]);
  assert.deepEqual(cells('生均公用经费'), [w('517.95'), w('517.95'), w('517.95'), null, null]);
  // 1,398.12 = 484.90 (财政拨款) + 850.22 (财政专户管理资金) + 63.00 (单位资金), as printed.
  assert.deepEqual(cells('运转补助经费'), [w('1,398.12'), w('484.90'), w('484.90'), w('850.22'), w('63.00')]);
});

test('text: a continuation page printing the header again, where the group head (财政拨款) scopes more columns than on the page before: its own reading 财政拨款/小计 names the page before’s 小计 more fully, and its figures are placed', () => {
  // The page before read its column "小计" (财政拨款, centred otherwise on its grid, not over it); this page reads
  // "财政拨款/小计": the same column, the page before's reading its tail, not a dispute.
  const lines = [
    at([120, '公开表10']),
    at([45, '基本支出预算情况表']),
    at([0, '部门（单位）：某某市某某局'], [118, '单位：万元']),
    at([70, '财政拨款']),
    at([86, '财政专户管'], [110, '使用非财政']),
    at([16, '科目名称'], [43, '合计'], [66, '一般公共预 政府性基金 国有资本经'], [87, '理资金'], [98, '单位资金'], [110, '拨款结余'], [118, '上年结转']),
    at([55, '小计'], [68, '算'], [73, '预算'], [79, '营预算']),
    at([0, '合'], [4, '计'], [44, '2,889.95'], [56, '2,889.95'], [68, '2,889.95']),
    at([0, '301'], [8, '工资福利支出'], [44, '2,186.00'], [56, '2,186.00'], [68, '2,186.00']),
    at([0, '30101'], [8, '基本工资'], [44, '1,000.00'], [56, '1,000.00'], [68, '1,000.00']),
    '\f' + at([123, '公开表10']),
    at([41, '基本支出预算情况表']),
    at([0, '部门（单位）：某某市某某局'], [121, '单位：万元']),
    at([68, '财政拨款']),
    at([87, '财政专户管'], [113, '使用非财政']),
    at([16, '科目名称'], [39, '合计'], [63, '一般公共预 政府性基金 国有资本经'], [88, '理资金'], [100, '单位资金'], [113, '拨款结余'], [121, '上年结转']),
    at([51, '小计'], [65, '算'], [70, '预算'], [76, '营预算']),
    at([0, '30102'], [8, '津贴补贴'], [40, '1,186.00'], [52, '1,186.00'], [65, '1,186.00']),
    at([0, '302'], [8, '商品和服务支出'], [42, '703.95'], [54, '703.95'], [67, '703.95']),
  ];
  const t = table(fromLines(lines), /基本支出预算情况表/);
  const sub = t.columns.find((c) => c.header.at(-1) === '小计');
  assert.ok(sub, t.columns.map((c) => c.header.join('/')).join(' | '));
  for (const [label, printed] of [
    ['津贴补贴', '1,186.00'],
    ['商品和服务支出', '703.95'],
  ] as const) {
    const r = row(t, (x) => x.label === label);
    assert.equal(r.unplaced, undefined, `${label}: unplaced ${r.unplaced?.map((m) => m.src?.raw).join(' ')}`);
    assert.equal(fen(r, sub.key), w(printed), label);
  }
});

test('text: a continuation page without its header that prints fewer columns of figures, set closer on its own grid: the one placement the sums allow places them, inferred', () => {
  // pdftotext leaves out the columns a page prints nothing in (公用经费, 项目支出) and sets the others closer: where the
  // figures stand does not say whether the third is 人员经费 or 公用经费. 208's row on the page before (人员经费 247.46,
  // its only 款 20805 on this page) and the total's 人员经费 (1,327.81 = 1,080.35 + 247.46) say 人员经费.
  const lines = [
    at([36, '财政拨款支出表（功能科目）']),
    at([1, '单位：某某市某某局'], [93, '单位：万元']),
    '',
    at([66, '基本支出']),
    at([7, '科目编码'], [25, '科目名称'], [39, '合计'], [87, '项目支出']),
    at([55, '小计'], [67, '人员经费'], [79, '公用经费']),
    at([24, '合计'], [40, '1,775.47'], [53, '1,551.47'], [65, '1,327.81'], [78, '223.66'], [91, '224.00']),
    at([1, '206'], [17, '科学技术支出'], [40, '1,528.01'], [53, '1,304.01'], [65, '1,080.35'], [78, '223.66'], [91, '224.00']),
    at([3, '20601'], [17, '科学技术管理事务'], [40, '1,528.01'], [53, '1,304.01'], [65, '1,080.35'], [78, '223.66'], [91, '224.00']),
    at([7, '2060101'], [17, '行政运行'], [40, '1,304.01'], [53, '1,304.01'], [65, '1,080.35'], [78, '223.66']),
    at([7, '2060102'], [17, '一般行政管理事务'], [44, '224.00'], [93, '224.00']),
    at([1, '208'], [17, '社会保障和就业支出'], [42, '247.46'], [53, '247.46'], [67, '247.46']),
    '\f' + at([3, '20805'], [17, '行政事业单位养老支出'], [36, '247.46'], [46, '247.46'], [55, '247.46']),
    at([7, '2080501'], [17, '行政单位离退休'], [37, '31.47'], [45, '31.47'], [56, '31.47']),
    at([7, '2080505'], [17, '机关事业单位基本养老保险缴费支出'], [36, '215.99'], [46, '215.99'], [55, '215.99']),
  ];
  const t = table(fromLines(lines), /财政拨款支出表/);
  for (const [code, printed] of [
    ['20805', '247.46'],
    ['2080501', '31.47'],
    ['2080505', '215.99'],
  ] as const) {
    const r = row(t, (x) => x.code === code);
    assert.equal(r.unplaced, undefined, code);
    assert.deepEqual(
      ['total', 'basic', 'personnel', 'public', 'project'].map((k) => fen(r, k)),
      [w(printed), w(printed), w(printed), null, null],
      code,
    );
    assert.equal(r.amounts['personnel']?.inferred, true, code);
  }
  // Without the rows that say 人员经费 (no total, no 208 on the page before), 人员经费 and 公用经费 fit alike: not placed.
  const open = table(fromLines(lines.filter((l) => !/^\s*(合计|208)\s/.test(l))), /财政拨款支出表/);
  assert.ok(row(open, (x) => x.code === '20805').unplaced?.length === 3, 'ambiguous placement left unplaced');
});

test('text: a continuation page printing the header again and figures in a column the page before printed empty: the column is matched where its figures stood on the last page printing them, and the page keeps the table’s columns', () => {
  // The first page prints figures under 政府性基金预算 (read, not placed: pdftotext may have pushed them from the
  // next column), the second none, the third one line of them again. Matched only against the second page's
  // columns of figures, the third page would fall back to its own reading of the header, where 财政拨款 stands
  // over none of its columns: 小计 and 财政专户管理资金 unnamed, and its figures not placed.
  const title = (col: number) => [at([col + 75, '公开表11']), at([45, '项目支出预算情况表']), at([0, '部门（单位）：某某市某某局'], [col, '单位：万元'])];
  const lines = [
    ...firstPage11(),
    at([0, '教育发展专项资金（市本级政府性基金）'], [30, '特定目标类'], [42, '120.00'], [54, '120.00'], [78, '120.00']),
    '\f' + title(118).join('\n'),
    at([70, '财政拨款']),
    at([86, '财政专户管'], [110, '使用非财政']),
    at([16, '项目名称'], [36, '项目类别'], [43, '合计'], [66, '一般公共预 政府性基金 国有资本经'], [87, '理资金'], [98, '单位资金'], [110, '拨款结余'], [118, '上年结转']),
    at([55, '小计'], [68, '算'], [73, '预算'], [79, '营预算']),
    at([0, '生均公用经费（非三保）'], [35, '其他运转类'], [46, '517.95'], [57, '517.95'], [69, '517.95']),
    at([0, '运转补助经费（非三保）'], [35, '其他运转类'], [44, '1,398.12'], [57, '484.90'], [69, '484.90'], [89, '850.22'], [102, '63.00']),
    '\f' + title(113).join('\n'),
    at([67, '财政拨款']),
    at([84, '财政专户管'], [105, '使用非财政']),
    at([16, '项目名称'], [36, '项目类别'], [43, '合计'], [64, '一般公共预 政府性基金 国有资本经'], [85, '理资金'], [95, '单位资金'], [105, '拨款结余'], [113, '上年结转']),
    at([53, '小计'], [66, '算'], [71, '预算'], [77, '营预算']),
    at([0, '外聘人员经费'], [35, '其他运转类'], [44, '135.75'], [86, '135.75']),
    at([0, '学生资助补助资金（非三保）'], [35, '特定目标类'], [45, '36.28'], [56, '10.78'], [67, '10.78'], [87, '25.50']),
    at([0, '专项债券利息'], [35, '特定目标类'], [45, '51.98'], [56, '51.98'], [75, '51.98']),
    at([0, '安保经费'], [35, '其他运转类'], [45, '25.20'], [56, '25.20'], [67, '25.20']),
  ];
  const t = table(fromLines(lines), /项目支出预算情况表/);
  const keys = ['total', 'govApprop', 'general', 'specialAccount', 'unitFunds'];
  const rowOf = (label: string) => row(t, (x) => x.label.startsWith(label));
  const cells = (label: string) => keys.map((k) => fen(rowOf(label), k));
  assert.deepEqual(cells('运转补助经费'), [w('1,398.12'), w('484.90'), w('484.90'), w('850.22'), w('63.00')]);
  assert.deepEqual(cells('外聘人员经费'), [w('135.75'), null, null, w('135.75'), null]);
  assert.deepEqual(cells('学生资助补助资金'), [w('36.28'), w('10.78'), w('10.78'), w('25.50'), null]);
  assert.deepEqual(cells('安保经费'), [w('25.20'), w('25.20'), w('25.20'), null, null]);
  // The 政府性基金预算 figure stands in the first page's column again: read, not placed, as the first page's are.
  assert.deepEqual(cells('专项债券利息'), [w('51.98'), w('51.98'), null, null, null]);
  const unplaced = (label: string) => rowOf(label).unplaced?.map((m) => m.src?.raw);
  assert.deepEqual(unplaced('专项债券利息'), ['51.98']);
  assert.deepEqual(unplaced('教育发展专项资金'), ['120.00']);
  // (合计's 2,358.68, 120.00 and 51.98: nothing else is left unplaced.)
  assert.equal(t.rows.filter((r) => r.unplaced).length, 3);
});

/** A 支出总表 over two pdftotext pages, the first printing figures under 合计 and 基本支出 alone, the second (without a header, set 4 columns left) under 项目支出 too, its figures set `right` columns further right. */
const expenditureOverview = (right: number) => [
  at([55, '预算03表'], [61, '支出总表']),
  at([124, '金额单位：万元']),
  '',
  at([117, '其中']),
  at([8, '支出功能分类科目'], [26, '政府支出经济分类科目'], [46, '部门支出经济分类科目'], [69, '合计'], [83, '基本支出'], [98, '项目支出']),
  at([105, '事业单位经营支'], [124, '对附属单位补助']),
  at([115, '上缴上级支出']),
  at([108, '出'], [127, '支出']),
  at([0, '2010601-行政运行'], [19, '50101-工资奖金津补贴'], [39, '30101-基本工资'], [68, '1,721.982000'], [83, '1,721.982000']),
  at([0, '2010601-行政运行'], [19, '50102-社会保障缴费'], [39, '30112-其他社会保障缴费'], [71, '15.013572'], [86, '15.013572']),
  '\f' + at([0, '2010601-行政运行'], [19, '50502-商品和服务支出'], [39, '30239-其他交通费用'], [65, '285.552000'], [80, '285.552000']),
  at([0, '2010601-行政运行'], [19, '50999-其他对个人和家庭的补助'], [39, '30399-其他对个人和家庭的补助'], [64, '1,064.448000'], [79, '1,064.448000']),
  at([0, '2010602-一般行政管理事务'], [19, '50201-办公经费'], [39, '30202-印刷费'], [65, '110.460000'], [95 + right, '110.460000']),
  at([0, '2010602-一般行政管理事务'], [19, '50205-委托业务费'], [39, '30227-委托业务费'], [64, '4,052.472500'], [94 + right, '4,052.472500']),
  at([0, '2050803-培训支出'], [19, '50203-培训费'], [39, '30216-培训费'], [65, '152.341000'], [80, '100.821000'], [97 + right, '51.520000']),
];

test('text: a continuation page without a header printing figures in a column the page before printed empty (项目支出 after a page of 基本支出 alone): the column is found under its header, through the shift of the page’s grid', () => {
  // pdftotext sets the second page 4 columns left of the first, and 项目支出's figures as far from its header's
  // centre as 合计's and 基本支出's stand from theirs. Matched only against the columns the first page printed,
  // the second page's three columns of figures would be named none: its figures not placed.
  const t = table(fromLines(expenditureOverview(0)), /支出总表/);
  assert.deepEqual(
    t.rows.map((r) => r.unplaced?.map((m) => m.src?.raw)),
    t.rows.map(() => undefined),
  );
  const cells = (pick: (r: Row) => boolean) => ['total', 'basic', 'project', 'operatingExp'].map((k) => fen(row(t, pick), k));
  assert.deepEqual(
    cells((r) => r.amounts.total?.fen === w('285.552000')),
    [w('285.552000'), w('285.552000'), null, null],
  );
  assert.deepEqual(
    cells((r) => r.amounts.total?.fen === w('110.460000')),
    [w('110.460000'), null, w('110.460000'), null],
  );
  assert.deepEqual(
    cells((r) => r.amounts.total?.fen === w('152.341000')),
    [w('152.341000'), w('100.821000'), w('51.520000'), null],
  );
});

test('text: a continuation page without a header whose column of figures, printed empty on the page before, stands about as near the next header (事业单位经营支出) as its own: the column is not named, its figures not placed', () => {
  // Set 3 columns further right, the figures stand 3 columns from where 项目支出's would and 5.5 from where
  // 事业单位经营支出's would: which of the two they are is not known.
  const t = table(fromLines(expenditureOverview(3)), /支出总表/);
  const r = row(t, (x) => x.label === '培训支出');
  assert.deepEqual(
    ['project', 'operatingExp'].map((k) => fen(r, k)),
    [null, null],
  );
  assert.ok(t.rows.every((x) => fen(x, 'project') === null && fen(x, 'operatingExp') === null));
  assert.ok(r.unplaced?.some((m) => m.src?.raw === '51.520000'));
});
test('text: an expenditure class set one space after a revenue figure (pdftotext counting the revenue side’s ideographs one column each) is placed by its name, not under the class above by its column', () => {
  // 教育支出 stands with the other classes on the page; pdftotext sets it one space after 200.00, two
  // columns left of them, so its column reads as neither a class's nor a 款's.
  const lines = [
    at([30, '表1 收支总表']),
    at([70, '单位：万元']),
    at([12, '收   入'], [56, '支   出']),
    at([4, '项   目'], [24, '预算数'], [54, '项   目'], [70, '预算数']),
    at([0, '一、财政拨款'], [32, '316.50'], [44, '国防支出'], [71, '16.50']),
    at([0, '二、财政专户管理资金'], [35, '0.00'], [45, '国防动员'], [71, '16.50']),
    at([0, '三、事业收入'], [46, '交通战备'], [71, '16.50']),
    at([0, '四、事业单位经营收入'], [35, '200.00'], [42, '教育支出'], [70, '290.00']),
    at([45, '职业教育'], [70, '290.00']),
    at([46, '中等职业教育'], [70, '290.00']),
    at([44, '卫生健康支出'], [70, '210.00']),
    at([45, '行政事业单位医疗'], [70, '210.00']),
    at([46, '行政单位医疗'], [70, '210.00']),
    at([0, '本年收入合计'], [32, '516.50'], [44, '本年支出合计'], [70, '516.50']),
  ];
  const d = fromLines(lines);
  const t = table(d, /收支总表/);
  const edu = row(t, (r) => r.label === '教育支出');
  assert.equal(edu.code, '205');
  assert.equal(edu.parent ?? null, null);
  assert.equal(row(t, (r) => r.label === '职业教育').parent, edu.id);
  // The class after it is not one of its lines.
  const health = row(t, (r) => r.label === '卫生健康支出');
  assert.deepEqual([health.code, health.parent ?? null, health.level], ['210', null, 1]);
});

test('text: an enumerated list whose first line a class’s name codes (（一）一般公共服务支出) continues with classes (（二）外交支出), not with the first one’s lines', () => {
  const lines = [
    at([30, '表4 财政拨款收支总表']),
    at([70, '单位：万元']),
    at([12, '收   入'], [56, '支   出']),
    at([4, '项   目'], [24, '预算数'], [50, '项   目'], [70, '预算数']),
    at([0, '一、本年收入'], [32, '300.00'], [40, '一、本年支出'], [70, '300.00']),
    at([0, '（一）一般公共预算资金'], [32, '300.00'], [40, '（一）一般公共服务支出'], [70, '100.00']),
    at([40, '（二）外交支出'], [70, '120.00']),
    at([40, '（三）国防支出'], [70, '80.00']),
    at([0, '收入合计'], [32, '300.00'], [40, '支出合计'], [70, '300.00']),
  ];
  const t = table(fromLines(lines), /财政拨款收支总表/);
  assert.deepEqual(
    ['（一）一般公共服务支出', '（二）外交支出', '（三）国防支出'].map((l) => {
      const r = row(t, (x) => x.label === l);
      return [r.code, r.level, r.parent ?? null];
    }),
    [
      ['201', 1, null],
      ['202', 1, null],
      ['203', 1, null],
    ],
  );
});

test('text: a 款 whose name wraps around its row (above and below), its two digits alone under 款 on the middle line with the figures, is one coded row: its 项 are coded under it', () => {
  const lines = [
    at([30, '表2 收入总表']),
    at([70, '单位：万元']),
    at([2, '科目编码'], [24, '科目名称'], [40, '合计'], [52, '一般公共预算']),
    at([0, '类'], [6, '款'], [11, '项']),
    at([16, '合   计'], [38, '300.00'], [52, '300.00']),
    '',
    at([0, '212'], [16, '城乡社区支出'], [38, '300.00'], [52, '300.00']),
    '',
    at([17, '国有土地使用权出让收入安']),
    at([6, '08'], [38, '300.00'], [52, '300.00']),
    at([16, '排的支出']),
    '',
    at([11, '03'], [18, '城市建设支出'], [38, '100.00'], [52, '100.00']),
    '',
    at([11, '09'], [18, '支付破产或改制企业职工'], [37, '200.00'], [52, '200.00']),
    at([16, '安置费']),
  ];
  const t = table(fromLines(lines), /收入总表/);
  assert.deepEqual(
    t.rows.filter((r) => r.kind === 'item').map((r) => [r.code, r.label, fen(r, 'total')]),
    [
      ['212', '城乡社区支出', w('300.00')],
      ['21208', '国有土地使用权出让收入安排的支出', w('300.00')],
      ['2120803', '城市建设支出', w('100.00')],
      ['2120809', '支付破产或改制企业职工安置费', w('200.00')],
    ],
  );
});

test('text: a continuation page without a header whose first lines are items without figures: they are rows, and the totals below take the columns of the page before', () => {
  const lines = [
    at([30, '表1 收支总表']),
    at([70, '单位：万元']),
    at([12, '收   入'], [50, '支   出']),
    at([4, '项   目'], [22, '预算数'], [44, '项   目'], [64, '预算数']),
    at([0, '一、一般公共预算拨款收入'], [22, '300.00'], [40, '一、一般公共服务支出'], [64, '250.00']),
    at([0, '二、事业收入'], [24, '0.00'], [40, '二、教育支出'], [66, '50.00']),
    '\f' + at([40, '二十二、灾害防治及应急管理支出']),
    at([40, '二十三、其他支出']),
    at([4, '本年收入合计'], [22, '300.00'], [44, '本年支出合计'], [64, '300.00']),
    at([4, '收入总计'], [22, '300.00'], [44, '支出总计'], [64, '300.00']),
  ];
  const d = fromLines(lines);
  const t = table(d, /收支总表/);
  for (const label of ['二十二、灾害防治及应急管理支出', '二十三、其他支出']) assert.equal(row(t, (r) => r.label === label).side, 'expenditure', label);
  for (const [label, side] of [
    ['本年收入合计', 'revenue'],
    ['收入总计', 'revenue'],
    ['本年支出合计', 'expenditure'],
    ['支出总计', 'expenditure'],
  ] as const) {
    const r = row(t, (x) => x.label === label);
    assert.equal(r.side, side, label);
    assert.equal(fen(r, 'amount'), w('300.00'), label);
    assert.equal(r.unplaced, undefined, label);
  }
});

test('PDF: a 元 table printing whole amounts bare (426680000, 0) beside decimal ones: its whole-figure columns are columns, placed where they stand', async () => {
  const col = (c: number) => 20 + c * 4;
  const d = await importBytes(
    buildPdf([
      page((at) => {
        at(col(40), 0, '部门收入总表');
        at(col(120), 1, '单位：元');
        at(col(2), 3, '单位名称');
        at(col(30), 3, '合计');
        at(col(45), 3, '一般公共预算拨款');
        at(col(65), 3, '政府性基金拨款');
        at(col(85), 3, '事业收入');
        at(col(2), 5, '合计');
        at(col(30), 5, '4601.5');
        at(col(45), 5, '4000');
        at(col(65), 5, '0');
        at(col(85), 5, '601.5');
        at(col(2), 6, '某局');
        at(col(30), 6, '1200.5');
        at(col(45), 6, '1000');
        at(col(65), 6, '0');
        at(col(85), 6, '200.5');
        at(col(2), 7, '某中心');
        at(col(30), 7, '3401.0');
        at(col(45), 7, '3000');
        at(col(65), 7, '0');
        at(col(85), 7, '401.0');
      }),
    ]),
    'fixture.pdf',
  );
  const t = table(d, /收入总表/);
  const keyOf = (h: string) => t.columns.find((c) => c.header.join('/') === h)?.key ?? assert.fail(`no column ${h}: ${t.columns.map((c) => c.header.join('/')).join(' | ')}`);
  const yuan = (s: string) => parseAmount(s, '元');
  const r = row(t, (x) => x.label === '某局');
  assert.equal(r.unplaced, undefined);
  assert.equal(fen(r, keyOf('合计')), yuan('1200.5'));
  assert.equal(fen(r, keyOf('一般公共预算拨款')), yuan('1000'));
  assert.equal(fen(r, keyOf('政府性基金拨款')), 0);
  assert.equal(fen(r, keyOf('事业收入')), yuan('200.5'));
  assert.equal(
    fen(
      row(t, (x) => x.label === '某中心'),
      keyOf('一般公共预算拨款'),
    ),
    yuan('3000'),
  );
});

test('text: a 元 table printing whole amounts bare (426680000, 0) beside decimal ones, its heading wrapped so that 款 stands alone over a column ("政府性基金拨" / "款"): the whole figures are a column of amounts, none a code, and each row holds its figures', () => {
  const d = fromLines([
    at([40, '2022年部门综合预算收入总表']),
    at([80, '单位：元']),
    at([47, '一般公共预算拨款']),
    at([2, '单位编码'], [20, '单位名称'], [70, '政府性']),
    at([32, '合计'], [61, '其中：专项资'], [70, '基金拨'], [76, '上级补']),
    at([46, '小计'], [59, '金列入部门预'], [67, '款'], [76, '助收入']),
    at([61, '算项目']),
    '',
    at([15, '合计'], [31, '480544221.6'], [45, '480544221.6'], [60, '426680000'], [72, '0'], [77, '0']),
    at([0, '245'], [15, '某某市某某局'], [31, '480544221.6'], [45, '480544221.6'], [60, '426680000'], [72, '0'], [77, '0']),
    at([6, '245001'], [15, '某某市某某局'], [31, '18941962.57'], [45, '18941962.57'], [68, '0'], [72, '0'], [77, '0']),
    at([6, '245002'], [15, '某某市某某服务中心'], [31, '454472259.1'], [45, '454472259.1'], [60, '426680000'], [72, '0'], [77, '0']),
    at([6, '245003'], [15, '某某市某某管理中心'], [35, '7130000'], [49, '7130000'], [68, '0'], [72, '0'], [77, '0']),
  ]);
  const t = table(d, /收入总表/);
  const yuan = (s: string) => parseAmount(s, '元');
  // The row's figures in the order of the table's columns (those that hold a figure).
  const cells = (pick: (r: Row) => boolean) => {
    const r = row(t, pick);
    assert.equal(r.unplaced, undefined, `${r.label}: unplaced ${r.unplaced?.map((m) => m.src?.raw).join(' ')}`);
    return t.columns
      .map((c) => r.amounts[c.key])
      .filter((m) => m !== null && m !== undefined)
      .map((m) => m.fen);
  };
  const total = row(t, (r) => r.kind === 'total');
  assert.equal(total.label, '合计');
  assert.deepEqual(
    cells((r) => r === total),
    [48054422160, 48054422160, yuan('426680000'), 0, 0],
  );
  assert.deepEqual(
    cells((r) => r.label === '某某市某某服务中心'),
    [yuan('454472259.1'), yuan('454472259.1'), yuan('426680000'), 0, 0],
  );
  assert.deepEqual(
    cells((r) => r.label === '某某市某某管理中心'),
    [yuan('7130000'), yuan('7130000'), 0, 0, 0],
  );
});

test('text: a 元 table’s columns of bare whole figures whose 0 pdftotext sets one character right of the wider figures (106691 over 0, each ending where the other starts): one column each, every figure placed', () => {
  const d = fromLines([
    at([26, '一般公共预算支出明细表（按经济分类科目分）']),
    at([100, '金额单位：元']),
    at([0, '科目编码'], [20, '科目名称'], [57, '合计'], [68, '人员经费支出'], [83, '公用经费支出'], [96, '专项业务经费支出']),
    at([19, '合计'], [53, '18999011.66'], [68, '1732620.66'], [84, '106691'], [97, '17159700']),
    at([0, '301'], [19, '工资福利支出'], [54, '4788320.66'], [68, '1732620.66'], [90, '0'], [98, '3055700']),
    at([6, '30101'], [19, '基本工资'], [57, '298224'], [71, '298224'], [90, '0'], [105, '0']),
    at([6, '30102'], [19, '津贴补贴'], [56, '3055700'], [77, '0'], [90, '0'], [98, '3055700']),
    at([6, '30103'], [19, '奖金'], [55, '1434396.66'], [69, '1434396.66'], [90, '0'], [105, '0']),
    at([0, '302'], [19, '商品和服务支出'], [55, '14210691'], [77, '0'], [84, '106691'], [97, '14104000']),
    at([6, '30201'], [19, '办公费'], [57, '700000'], [77, '0'], [90, '0'], [99, '700000']),
    at([6, '30211'], [19, '差旅费'], [60, '58240'], [77, '0'], [85, '58240'], [105, '0']),
    at([6, '30214'], [19, '租赁费'], [56, '13452451'], [77, '0'], [85, '48451'], [97, '13404000']),
  ]);
  const t = table(d, /支出明细表/);
  const keys = ['合计', '人员经费支出', '公用经费支出', '专项业务经费支出'].map(
    (h) => t.columns.find((c) => c.header.join('/') === h)?.key ?? assert.fail(`no column ${h}: ${t.columns.map((c) => c.header.join('/')).join(' | ')}`),
  );
  assert.equal(t.columns.length, 4, t.columns.map((c) => c.header.join('/')).join(' | '));
  const yuan = (s: string) => parseAmount(s, '元');
  const cells = (label: string) => {
    const r = row(t, (x) => x.label === label);
    assert.equal(r.unplaced, undefined, `${label}: unplaced ${r.unplaced?.map((m) => m.src?.raw).join(' ')}`);
    return keys.map((k) => fen(r, k));
  };
  assert.deepEqual(cells('合计'), [yuan('18999011.66'), yuan('1732620.66'), yuan('106691'), yuan('17159700')]);
  assert.deepEqual(cells('基本工资'), [yuan('298224'), yuan('298224'), 0, 0]);
  assert.deepEqual(cells('差旅费'), [yuan('58240'), 0, yuan('58240'), 0]);
  assert.deepEqual(cells('租赁费'), [yuan('13452451'), 0, yuan('48451'), yuan('13404000')]);
});

test('text: a target grid beside a 元 table’s bare whole figures (10000 as a target’s value) whose 备注 prints only dashes: the dashes make no column, no score (10, 4) is read as an amount and each target keeps its own line', () => {
  const d = fromLines([
    at([40, '2026年部门整体支出绩效目标表']),
    at([0, '部门名称：某某局'], [120, '单位：万元']),
    at(
      [0, '单位名称'],
      [12, '资金总额'],
      [24, '一般公共预算'],
      [38, '基本支出'],
      [50, '项目支出'],
      [62, '一级指标'],
      [72, '二级指标'],
      [82, '三级指标'],
      [96, '指标值'],
      [106, '计量单位'],
      [116, '分值'],
      [124, '备注'],
    ),
    '',
    at([0, '某某局'], [12, '1,935.36'], [24, '1,935.36'], [38, '1,517.95'], [50, '417.41']),
    at([62, '成本指标'], [72, '经济成本'], [82, '基本支出'], [96, '1517.95'], [106, '万元'], [117, '10'], [125, '-']),
    at([62, '成本指标'], [72, '社会成本'], [82, '不适用'], [96, '定性'], [125, '-']),
    at([62, '产出指标'], [72, '数量指标'], [82, '办理事项'], [98, '10000'], [106, '件'], [118, '4']),
    at([62, '产出指标'], [72, '数量指标'], [82, '接待群众'], [99, '3000'], [106, '人次'], [118, '4']),
  ]);
  const t = table(d, /绩效目标表/);
  const held = t.rows.flatMap((r) => Object.values(r.amounts).flatMap((m) => (m ? [m.src?.raw] : [])));
  assert.ok(!held.includes('10') && !held.includes('4'), held.join(' '));
  for (const label of ['成本指标经济成本基本支出', '成本指标社会成本不适用', '产出指标数量指标办理事项']) row(t, (r) => r.label === label);
});

test('PDF: a group label spans the columns nearer it than the next group label on its line: 财政拨款收入 takes neither 合计 nor 财政专户拨款收入’s first column', async () => {
  // Columns evenly spaced, the group label centred over its three: the run from 合计 to 教育收费 is
  // centred there too, but reaches under the next group's label.
  const col = (c: number) => 20 + c * 4;
  const d = await importBytes(
    buildPdf([
      page((at) => {
        at(col(66), 0, '收入总体情况表');
        at(col(139), 1, '单位：万元');
        at(col(60.7), 2, '财政拨款收入');
        at(col(85.2), 2, '财政专户拨款收入');
        at(col(14.5), 3.5, '单位名称');
        at(col(41.4), 3.5, '合计');
        at(col(50.5), 3.5, '一般公共预');
        at(col(61.7), 3.5, '政府性基金');
        at(col(72.9), 3.5, '国有资本经');
        at(col(94), 3.5, '其他专户');
        at(col(84.3), 4, '教育收费');
        at(col(54.5), 4.5, '算');
        at(col(64.7), 4.5, '预算');
        at(col(74.9), 4.5, '营预算');
        at(col(94), 4.5, '收入拨款');
        at(col(16), 6, '合计');
        at(col(41.8), 6, '9,483.72');
        at(col(53), 6, '9,433.72');
        at(col(68.2), 6, '0.00');
        at(col(79.5), 6, '0.00');
        at(col(89.1), 6, '0.00');
        at(col(97.7), 6, '50.00');
      }),
    ]),
    'fixture.pdf',
  );
  const t = table(d, /收入总体情况表/);
  assert.deepEqual(
    t.columns.map((c) => c.header.join('/')),
    ['合计', '财政拨款收入/一般公共预算', '财政拨款收入/政府性基金预算', '财政拨款收入/国有资本经营预算', '财政专户拨款收入/教育收费', '财政专户拨款收入/其他专户收入拨款'],
  );
  assert.equal(t.columns[0]!.key, 'total');
});

test('PDF: a cell that runs a figure into a label ("64618.75 科学技术支出") is split where the digits end on the page: an ideograph is two digits wide', () => {
  const line = { no: 1, text: '64618.75 科学技术支出', page: 1, indent: 0, y: 10, size: 2, cells: [{ text: '64618.75 科学技术支出', x0: 57, x1: 78 }] };
  const [fig, name] = tokensOf(line);
  assert.deepEqual([fig!.text, name!.text], ['64618.75', '科学技术支出']);
  // 9 half-width characters and 6 ideographs (12 half-widths) over 21 columns: the name starts at 66.
  assert.equal(name!.x0, 66);
});

test('text: a word printed letter-spaced is one token, a letter doubled inside it too; one ideograph twice alone is the ends of two wrapped labels', () => {
  const words = (text: string) => tokensOf({ no: 1, text, page: 1, indent: 0 }).map((t) => t.text);
  assert.deepEqual(words('合   计'), ['合计']);
  assert.deepEqual(words('本 年 年 初 预 算 数'), ['本年年初预算数']);
  assert.deepEqual(words('费   费'), ['费', '费']);
});

test('text: a group read from indentation whose last line ends its page is not known to end there (pdftotext sets each page on its own grid): no sum is asserted for it; a group closed on its page still is', async () => {
  const group = (name: string, total: string, kids: Array<[string, string]>) => [at([0, name], [42, total]), ...kids.map(([k, v]) => at([2, k], [42, v]))];
  const d = await fromText([
    at([40, '表5 项目支出表']),
    at([0, '部门名称：某某市某某局'], [90, '单位：万元']),
    at([4, '项目名称'], [44, '合计']),
    ...group('信息化建设', '300.00', [
      ['系统运维', '100.00'],
      ['设备购置', '200.00'],
    ]),
    ...group('宣传工作', '100.00', [
      ['宣传品制作', '60.00'],
      ['宣传活动', '30.00'],
    ]),
    ...group('培训工作', '80.00', [
      ['业务培训', '50.00'],
      ['干部培训', '30.00'],
    ]),
    ...group('课题研究', '70.00', [
      ['课题一', '40.00'],
      ['课题二', '30.00'],
    ]),
    ...group('档案管理', '20.00', [
      ['档案整理', '10.00'],
      ['档案数字化', '10.00'],
    ]),
    // 办公保障's third line is printed on the next page, which pdftotext sets two columns further left.
    ...group('办公保障', '400.00', [
      ['物业管理', '150.00'],
      ['安保服务', '150.00'],
    ]),
    '\f' + at([0, '食堂服务'], [40, '100.00']),
    ...group('车辆运行', '90.00', [
      ['车辆维修', '50.00'],
      ['车辆保险', '40.00'],
    ]),
  ]);
  const t = table(d, /项目支出表/);
  assert.equal(row(t, (r) => r.label === '办公保障').childrenUnknown, true);
  assert.equal(row(t, (r) => r.label === '宣传工作').childrenUnknown, undefined);
  assert.equal(row(t, (r) => r.label === '车辆运行').childrenUnknown, undefined);
  // The lines keep their places (no total taken twice).
  assert.equal(row(t, (r) => r.label === '物业管理').parent, row(t, (r) => r.label === '办公保障').id);
  const sums = validateDocument(d).findings.filter((f) => f.rule === 'BUD-014');
  assert.deepEqual(
    sums.map((f) => f.location.item),
    ['宣传工作'],
  );
});

test('text: a line never heads a line printed after it on its page that starts where it starts or further left, whatever the frames of earlier pages make of the two (pdftotext sets each page on its own grid)', async () => {
  const group = (col: number, name: string, total: string, kids: Array<[string, string]>) => [at([col, name], [42, total]), ...kids.map(([k, v]) => at([col + 2, k], [42, v]))];
  const d = await fromText([
    at([40, '表5 项目支出表']),
    at([0, '部门名称：某某市某某局'], [90, '单位：万元']),
    at([4, '项目名称'], [44, '合计']),
    ...group(1, '信息化建设', '300.00', [
      ['系统运维', '100.00'],
      ['设备购置', '200.00'],
    ]),
    ...group(1, '档案管理', '20.00', [
      ['档案整理', '10.00'],
      ['档案数字化', '10.00'],
    ]),
    ...group(1, '会议保障', '30.00', [
      ['会场租用', '20.00'],
      ['会务服务', '10.00'],
    ]),
    ...group(1, '后勤服务', '50.00', [
      ['物业管理', '30.00'],
      ['保洁服务', '20.00'],
    ]),
    ...group(1, '法律顾问', '12.00', [
      ['常年顾问', '8.00'],
      ['专项法律服务', '4.00'],
    ]),
    // Three pages, three grids: groups at 1, 0 and 5, their lines two columns further right. 培训工作's
    // last two lines are printed on the third page, then a group of its own.
    '\f' + at([0, '宣传工作'], [42, '100.00']),
    at([2, '宣传品制作'], [42, '60.00']),
    at([2, '宣传活动'], [42, '40.00']),
    ...group(0, '培训工作', '180.00', [
      ['业务培训', '50.00'],
      ['干部培训', '30.00'],
    ]),
    '\f' + at([7, '专题培训'], [42, '60.00']),
    at([7, '岗前培训'], [42, '40.00']),
    ...group(5, '课题研究', '70.00', [
      ['课题一', '40.00'],
      ['课题二', '30.00'],
    ]),
  ]);
  const t = table(d, /项目支出表/);
  const id = (label: string) => row(t, (r) => r.label === label).id;
  // 课题研究 starts left of 岗前培训 on their page: not under it, and its own lines are under it.
  assert.notEqual(row(t, (r) => r.label === '课题研究').parent, id('岗前培训'));
  assert.equal(row(t, (r) => r.label === '课题一').parent, id('课题研究'));
  assert.equal(row(t, (r) => r.label === '课题二').parent, id('课题研究'));
  // Nothing is asserted of 岗前培训; 课题研究 adds up.
  assert.deepEqual(
    validateDocument(d)
      .findings.filter((f) => f.rule === 'BUD-014')
      .map((f) => f.location.item),
    [],
  );
});

test('text: a classification name under a line printed on an earlier page (its parent by indentation compared across grids) that is no child of that line’s code is placed by its name alone', async () => {
  const d = await fromText([
    at([30, '表5 一般公共预算支出表']),
    at([0, '部门名称：某某市某某局'], [60, '单位：万元']),
    at([4, '科目名称'], [44, '合计']),
    at([10, '合计'], [42, '150.00']),
    at([0, '卫生健康支出'], [42, '100.00']),
    at([1, '行政事业单位医疗'], [42, '100.00']),
    at([2, '行政单位医疗'], [43, '40.00']),
    // The next page is set three columns further right.
    '\f' + at([5, '公务员医疗补助'], [43, '60.00']),
    at([3, '住房保障支出'], [43, '50.00']),
    at([4, '住房改革支出'], [43, '50.00']),
    at([5, '住房公积金'], [43, '50.00']),
  ]);
  const t = table(d, /一般公共预算支出表/);
  const housing = row(t, (r) => r.label === '住房保障支出');
  assert.equal(housing.code, '221');
  assert.equal(housing.parent ?? null, null);
  assert.equal(row(t, (r) => r.label === '住房改革支出').parent, housing.id);
});

test("text: a line named like a unit (…中心) among project lines that are under no unit, heading no line itself, is a project line, not a unit's own: the total is the sum of all the lines", async () => {
  const d = await fromText([
    at([20, '表10 2026年市级部门项目支出预算表']),
    at([0, '部门名称：某某市某某局'], [80, '单位：万元']),
    at([4, '单位名称'], [26, '项目名称'], [50, '总计'], [62, '一般公共预算']),
    at([18, '合计'], [48, '300.00'], [62, '300.00']),
    at([0, '某某市某某局'], [18, '业务建设'], [48, '100.00'], [62, '100.00']),
    at([0, '某某市某某局'], [18, '设施维护'], [48, '120.00'], [62, '120.00']),
    at([0, '某某市某某局'], [18, '应急指挥中心'], [49, '80.00'], [63, '80.00']),
  ]);
  const t = table(d, /项目支出预算表/);
  const last = row(t, (r) => r.label.endsWith('应急指挥中心'));
  assert.equal(last.kind, 'item');
  assert.equal(last.level, row(t, (r) => r.label.endsWith('业务建设')).level);
  assert.deepEqual(
    validateDocument(d).findings.filter((f) => f.rule === 'BUD-010'),
    [],
  );
});

test('text: a total whose word is printed on the line above its figures ("合计" / "3861.25") is the total row, not an unlabelled line counted beside the classes (fuzhou-commerce-bureau-2026-budget.txt lines 489–490)', async () => {
  const d = await fromText([
    at([8, '2026 年度一般公共预算基本支出经济分类情况表']),
    at([31, '单位：万元']),
    '',
    at([0, '科目编码'], [22, '科目名称'], [35, '预算数']),
    '',
    at([0, '合计']),
    at([35, '3861.25']),
    '',
    at([0, '301'], [9, '工资福利支出'], [35, '2964.61']),
    at([0, '30101'], [9, '基本工资'], [36, '603.58']),
    at([0, '30102'], [9, '津贴补贴'], [36, '697.81']),
    at([0, '30199'], [9, '其他工资福利支出'], [35, '1663.22']),
    at([0, '302'], [9, '商品和服务支出'], [36, '896.64']),
    at([0, '30201'], [9, '办公费'], [36, '896.64']),
  ]);
  const t = table(d, /基本支出经济分类/);
  const total = row(t, (r) => r.kind === 'total');
  assert.equal(total.label, '合计');
  assert.equal(fen(total, 'amount'), w('3861.25'));
  assert.ok(!t.rows.some((r) => r.label === ''), t.rows.map((r) => r.label).join(' | '));
});

test('PDF: a 元 table’s column of bare whole amounts printing a small one (500 beside 9000) is a column; a continuation page whose first rows print whole figures only reads them as rows, even where a label names a column (公务接待费)', async () => {
  const RIGHT = [300, 370, 440, 510];
  const rowsAt = (figure: (right: number, line: number, text: string) => void, at: (x: number, line: number, text: string) => void, from: number, lines: Array<[number, string, string, string[]]>) =>
    lines.forEach(([x, code, name, figs], i) => {
      if (code) at(x, from + i, code);
      at(90, from + i, name);
      figs.forEach((f, j) => figure(RIGHT[j]!, from + i, f));
    });
  const first = page((at, figure) => {
    at(120, 0, '表6 一般公共预算支出明细表（按支出经济分类科目）');
    at(40, 1, '部门名称：某某市某某局');
    at(480, 1, '单位：元');
    at(40, 2, '科目编码');
    at(90, 2, '科目名称');
    at(284, 2, '合计');
    at(340, 2, '人员经费支出');
    at(410, 2, '公用经费支出');
    at(470, 2, '专项业务经费支出');
    rowsAt(figure, at, 4, [
      [40, '', '合计', ['21151.25', '10000.25', '651', '10500']],
      [40, '301', '工资福利支出', ['10000.25', '10000.25', '0', '0']],
      [48, '30101', '基本工资', ['10000.25', '10000.25', '0', '0']],
      [40, '302', '商品和服务支出', ['11151', '0', '651', '10500']],
      [48, '30201', '办公费', ['9500.5', '0', '500.5', '9000']],
      [48, '30202', '印刷费', ['500', '0', '0', '500']],
    ]);
  });
  const second = page((at, figure) =>
    rowsAt(figure, at, 0, [
      [48, '30217', '公务接待费', ['1000', '0', '0', '1000']],
      [48, '30228', '工会经费', ['150.5', '0', '150.5', '0']],
    ]),
  );
  const d = await importBytes(buildPdf([first, second]), 'fixture.pdf');
  const t = table(d, /支出明细表/);
  const keys = ['合计', '人员经费支出', '公用经费支出', '专项业务经费支出'].map(
    (h) => t.columns.find((c) => c.header.join('/') === h)?.key ?? assert.fail(`no column ${h}: ${t.columns.map((c) => c.header.join('/')).join(' | ')}`),
  );
  const yuan = (s: string) => parseAmount(s, '元');
  const cells = (label: string) => {
    const r = row(t, (x) => x.label === label);
    assert.equal(r.unplaced, undefined, `${label}: unplaced ${r.unplaced?.map((m) => m.src?.raw).join(' ')}`);
    return keys.map((k) => fen(r, k));
  };
  assert.deepEqual(cells('印刷费'), [yuan('500'), 0, 0, yuan('500')]);
  assert.deepEqual(cells('办公费'), [yuan('9500.5'), 0, yuan('500.5'), yuan('9000')]);
  assert.deepEqual(cells('公务接待费'), [yuan('1000'), 0, 0, yuan('1000')]);
  assert.deepEqual(cells('工会经费'), [yuan('150.5'), 0, yuan('150.5'), 0]);
  assert.ok(!t.rows.some((r) => r.unplaced), 'no figure unplaced');
});

test('PDF: a procurement table printing whole amounts only, its codes split under 类 / 款 / 项 (210 15 05, 302 27): the code parts are no amounts, a continuation page without a header counts under the page before’s 数量', async () => {
  const line = (
    at: (x: number, line: number, text: string) => void,
    figure: (right: number, line: number, text: string) => void,
    n: number,
    parts: string[],
    name: string,
    count: string,
    econ: string[],
    amount: string,
  ) => {
    parts.forEach((p, j) => at(40 + 20 * j, n, p));
    at(110, n, name);
    figure(244, n, count);
    econ.forEach((p, j) => at(270 + 30 * j, n, p));
    figure(440, n, amount);
  };
  const first = page((at, figure) => {
    at(120, 0, '表12 政府采购预算表');
    at(40, 1, '部门名称：某某市某某局');
    at(420, 1, '单位：元');
    at(40, 2, '科目编码');
    at(110, 2, '采购项目');
    at(232, 2, '数量');
    at(270, 2, '经济分类科目编码');
    at(400, 2, '预算金额');
    at(40, 3, '类');
    at(60, 3, '款');
    at(80, 3, '项');
    at(270, 3, '类');
    at(300, 3, '款');
    line(at, figure, 5, [], '合计', '9', [], '26000');
    line(at, figure, 6, ['210', '15', '05'], '系统运维费', '1', ['302', '27'], '20000');
    line(at, figure, 7, ['210', '15', '05'], '办公设备购置', '5', ['310', '02'], '1000');
  });
  const second = page((at, figure) => {
    line(at, figure, 0, ['210', '15', '06'], '印刷服务', '2', ['302', '99'], '3000');
    line(at, figure, 1, ['210', '15', '06'], '会议服务', '1', ['302', '15'], '2000');
  });
  const d = await importBytes(buildPdf([first, second]), 'fixture.pdf');
  const t = table(d, /政府采购预算表/);
  const amounts = t.columns.filter((c) => c.kind === 'amount');
  assert.deepEqual(
    amounts.map((c) => c.header.join('/')),
    ['预算金额'],
  );
  const key = amounts[0]!.key;
  const yuan = (s: string) => parseAmount(s, '元');
  assert.deepEqual(
    t.rows.map((r) => [r.label.replace(/\d+$/, ''), fen(r, key), r.unplaced?.map((m) => m.src?.raw) ?? []]),
    [
      ['合计', yuan('26000'), []],
      ['系统运维费', yuan('20000'), []],
      ['办公设备购置', yuan('1000'), []],
      ['印刷服务', yuan('3000'), []],
      ['会议服务', yuan('2000'), []],
    ],
  );
});

test('PDF: a numbered procurement table (序号) whose unit code is printed below its row’s baseline, beside the next row’s wrapped name: the code is the numbered row’s, which is the unit heading the project', async () => {
  const d = await importBytes(
    buildPdf([
      page((at, figure) => {
        at(120, 0, '表12 政府采购预算表');
        at(40, 1, '部门名称：某某市某某局');
        at(420, 1, '单位：元');
        at(20, 2, '序号');
        at(50, 2, '科目编码');
        at(110, 2, '单位编码');
        at(170, 2, '采购项目');
        at(400, 2, '预算金额');
        at(50, 3, '类');
        at(70, 3, '款');
        at(90, 3, '项');
        const numbered = (n: number, seq: string, codes: string[], name: string, amount: string) => {
          at(24, n, seq);
          codes.forEach((c, j) => at(50 + 20 * j, n, c));
          at(170, n, name);
          figure(440, n, amount);
        };
        numbered(5, '1', [], '合计', '142500');
        numbered(6, '2', ['220', '05', '07'], '西安市某某局', '142500');
        at(112, 7, '234001');
        at(170, 7, '预警发布平台');
        numbered(8, '3', ['220', '05', '07'], '运维项目', '142500');
      }),
    ]),
    'fixture.pdf',
  );
  const t = table(d, /政府采购预算表/);
  const unit = row(t, (r) => r.texts?.['unitCode']?.text === '234001');
  assert.equal(unit.kind, 'unit');
  assert.match(unit.label, /^西安市某某局/);
  const project = row(t, (r) => r.label.includes('运维项目'));
  assert.equal(project.parent, unit.id);
  assert.deepEqual(
    validateDocument(d).findings.filter((f) => f.rule === 'BUD-010'),
    [],
  );
});

test('PDF: an economic code printed under 类 / 款 between a 数量 column grouped by thousands and the amounts (302 27 502 05): its parts are no figures of either column', async () => {
  const line = (
    at: (x: number, line: number, text: string) => void,
    figure: (right: number, line: number, text: string) => void,
    n: number,
    name: string,
    count: string,
    econ: string[],
    amount: string,
  ) => {
    at(40, n, name);
    if (count) figure(244, n, count);
    econ.forEach((p, j) => at(262 + 24 * j, n, p));
    figure(440, n, amount);
  };
  const d = await importBytes(
    buildPdf([
      page((at, figure) => {
        at(120, 0, '表12 政府采购预算表');
        at(40, 1, '部门名称：某某市某某局');
        at(420, 1, '单位：元');
        at(40, 2, '采购项目');
        at(228, 2, '数量');
        at(262, 2, '经济分类科目编码');
        at(400, 2, '预算金额');
        at(262, 3, '类');
        at(286, 3, '款');
        at(310, 3, '类');
        at(334, 3, '款');
        line(at, figure, 5, '合计', '1,201', [], '2,320,000.00');
        line(at, figure, 6, '普通服装', '1,200', ['302', '99', '502', '99'], '2,040,000.00');
        line(at, figure, 7, '数据加工处理服务', '', ['302', '27', '502', '05'], '280,000.00');
        line(at, figure, 8, '云计算服务', '1', ['302', '27', '502', '05'], '0.00');
      }),
    ]),
    'fixture.pdf',
  );
  const t = table(d, /政府采购预算表/);
  // (Figures only under 数量 and 预算金额: the code's parts make no column of amounts.)
  const filled = new Set(t.rows.flatMap((r) => Object.entries(r.amounts).flatMap(([k, v]) => (v ? [t.columns.find((c) => c.key === k)?.header.join('/')] : []))));
  assert.deepEqual([...filled].sort(), ['数量', '预算金额'].sort());
  const key = t.columns.find((c) => c.header.join('/') === '预算金额')?.key ?? assert.fail(`no 预算金额: ${t.columns.map((c) => c.header.join('/')).join(' | ')}`);
  assert.deepEqual(
    t.rows.map((r) => [r.label.replace(/\d+$/, ''), fen(r, key), r.unplaced?.map((m) => m.src?.raw) ?? []]),
    [
      ['合计', parseAmount('2,320,000.00', '元'), []],
      ['普通服装', parseAmount('2,040,000.00', '元'), []],
      ['数据加工处理服务', parseAmount('280,000.00', '元'), []],
      ['云计算服务', 0, []],
    ],
  );
});

test('text: a 三公 table whose total figures pdftotext prints under the next header (five figures for six columns): the columns of that sum are not named, no figure is checked against a guessed name', async () => {
  const C = '“三公”经费合 因公出国(境)费';
  const d = await fromText([
    at([30, '表07']),
    at([10, '2026年市级部门一般公共预算"三公"经费支出表']),
    at([0, '606-某某市某某局'], [80, '单位：万元']),
    '',
    at([40, '公务用车购置及运行费']),
    at([20, C]),
    at([7, '单位名称'], [82, '公务接待费']),
    at([23, '计'], [35, '用'], [61, '公务用车运行维']),
    at([40, '小计'], [53, '公务用车购置费']),
    at([64, '护费']),
    at([11, '**'], [23, '1'], [36, '2'], [40, '3'], [56, '4'], [69, '5'], [84, '6']),
    at([0, '合计'], [29, '749.83'], [46, '698.30'], [62, '171.80'], [75, '526.50'], [88, '51.53']),
    at([0, '某某执法队'], [29, '372.56'], [46, '359.20'], [62, '101.20'], [75, '258.00'], [88, '13.36']),
    at([0, '某某管理中心'], [29, '249.00'], [46, '231.00'], [62, '53.00'], [75, '178.00'], [88, '18.00']),
    at([0, '注：不含教学科研人员学术交流因公出国（境）费用。']),
  ]);
  const t = table(d, /三公/);
  // 749.83 = 698.30 + 51.53: the figure read under 因公出国(境)费 is the total's; which part is which is not known.
  for (const key of ['overseas', 'reception', 'vehicles']) assert.ok(!t.columns.some((c) => c.key === key), `${key} named: ${t.columns.map((c) => `${c.key}=${c.header.join('/')}`).join(' | ')}`);
  assert.ok(d.importNotes.some((n) => n.code === 'columns-unconfirmed' && n.table === t.id));
  const findings = validateDocument(d).findings.filter((f) => f.severity !== 'info' && /三公/.test(f.message));
  assert.deepEqual(
    findings.map((f) => `${f.rule} ${f.message}`),
    [],
  );
});

/** Where the continuation tests below print their three columns of figures (right edges, points). */
const RIGHT = [300, 370, 440];
type Place = (x: number, line: number, text: string) => void;

/** A table's first page: its title, unit and one header line over the three columns. */
function headed(at: Place, title: string, label: string, columns: string[]): void {
  at(150, 0, title);
  at(420, 1, '单位：万元');
  at(60, 2, label);
  columns.forEach((c, k) => at(RIGHT[k]! - 10, 2, c));
}

/** Rows from `from` on: a label, then its figures in the columns given (k: the column, null: printed empty). */
function rowsAt(at: Place, figure: Place, from: number, rows: Array<[string, ...Array<string | null>]>): void {
  rows.forEach(([name, ...figures], i) => {
    at(40, from + i, name);
    figures.forEach((v, k) => v !== null && figure(RIGHT[k]!, from + i, v));
  });
}

/** A row's figures by column, in the table's column order; fails when one stayed unplaced. */
function placed(t: Table, label: string): Array<number | null> {
  const r = row(t, (x) => x.label.includes(label));
  assert.equal(r.unplaced, undefined, `${label}: unplaced ${r.unplaced?.map((m) => m.src?.raw).join(' ')}`);
  return t.columns.map((c) => fen(r, c.key));
}

/** The findings of a document's sums (its totals against its rows). */
const sums = (d: BudgetDocument) =>
  validateDocument(d)
    .findings.filter((f) => f.category === 'table-arithmetic')
    .map((f) => `${f.rule} ${f.message}`);

test('PDF: a continuation page whose lines above its first figures name no column (a row’s wrapped name, its project code) has no header: its figures take the columns of the page before', async () => {
  // The second page's first project prints its code on the line above its figures and fills no 其他资金
  // (empty, as many rows of a 项目支出 table do).
  const first = page((at, figure) => {
    headed(at, '表9 项目支出表', '项目名称', ['合计', '财政拨款', '其他资金']);
    rowsAt(at, figure, 4, [
      ['合计', '60.00', '50.00', '10.00'],
      ['某某运行维护项目', '30.00', '20.00', '10.00'],
    ]);
  });
  const second = page((at, figure) => {
    at(40, 0, 'XM2026T00000043');
    rowsAt(at, figure, 1, [['某某设备购置项目', '30.00', '30.00']]);
  });
  const d = await importBytes(buildPdf([first, second]), 'fixture.pdf');
  assert.deepEqual(placed(table(d, /项目支出表/), '某某设备购置项目'), [w('30.00'), w('30.00'), null]);
  // The 合计 line is the sum of both projects in every column (60 = 30 + 30, 50 = 20 + 30, 10 = 10 + 0).
  assert.deepEqual(sums(d), []);
});

test('PDF: a continuation page whose first line is the tail of the last row’s name, “支出” alone, has no header: 支出 names a column only where the page before printed it as a side’s heading', async () => {
  const first = page((at, figure) => {
    headed(at, '表3 支出总表', '科目名称', ['合计', '基本支出', '项目支出']);
    rowsAt(at, figure, 4, [
      ['合计', '100.00', '60.00', '40.00'],
      ['行政运行', '60.00', '60.00'],
      ['一般行政管理事务', '40.00', null, '40.00'],
    ]);
  });
  const second = page((at, figure) => {
    at(40, 0, '支出');
    rowsAt(at, figure, 1, [['机关服务', '0.00', '0.00']]);
  });
  const t = table(await importBytes(buildPdf([first, second]), 'fixture.pdf'), /支出总表/);
  assert.deepEqual(placed(t, '机关服务'), [w('0.00'), w('0.00'), null]);
});

test('PDF: a continuation page printing fewer columns keeps the others for the page after it, which prints them all again: every figure is placed', async () => {
  const first = page((at, figure) => {
    headed(at, '表9 项目支出表', '项目名称', ['合计', '财政拨款', '其他资金']);
    rowsAt(at, figure, 4, [
      ['合计', '100.00', '80.00', '20.00'],
      ['甲项目', '30.00', '20.00', '10.00'],
    ]);
  });
  // No 其他资金 on this page: two columns of figures; then all three again.
  const second = page((at, figure) => rowsAt(at, figure, 0, [['乙项目', '40.00', '40.00']]));
  const third = page((at, figure) => rowsAt(at, figure, 0, [['丙项目', '30.00', '20.00', '10.00']]));
  const d = await importBytes(buildPdf([first, second, third]), 'fixture.pdf');
  const t = table(d, /项目支出表/);
  assert.deepEqual(placed(t, '乙项目'), [w('40.00'), w('40.00'), null]);
  assert.deepEqual(placed(t, '丙项目'), [w('30.00'), w('20.00'), w('10.00')]);
  // 100 = 30 + 40 + 30, 80 = 20 + 40 + 20, 20 = 10 + 0 + 10.
  assert.deepEqual(sums(d), []);
});

test('PDF: a continuation page printing a column its first page printed empty: the figures under that column’s header are its own', async () => {
  // The first page lists only basic spending: 项目支出 is a header over no figure there.
  const first = page((at, figure) => {
    headed(at, '表3 支出总表', '科目名称', ['合计', '基本支出', '项目支出']);
    rowsAt(at, figure, 4, [
      ['行政运行', '60.00', '60.00'],
      ['机关服务', '20.00', '20.00'],
    ]);
  });
  const second = page((at, figure) => rowsAt(at, figure, 0, [['一般行政管理事务', '40.00', null, '40.00']]));
  const t = table(await importBytes(buildPdf([first, second]), 'fixture.pdf'), /支出总表/);
  assert.deepEqual(
    t.columns.map((c) => c.key),
    ['total', 'basic', 'project'],
  );
  assert.deepEqual(placed(t, '一般行政管理事务'), [w('40.00'), null, w('40.00')]);
});

/**
 * The national template's 一般公共预算财政拨款基本支出决算表 (公开06表): three panels of 科目编码 | 科目名称 | 决算数
 * under 人员经费 and 公用经费, each code printed in a column of its own well apart from its name, and a
 * last line 人员经费合计 … | 公用经费合计 … whose second figure stands in the third panel's column.
 */
function finalBasicTable(changed: Record<string, string> = {}): Uint8Array {
  const PANELS = [20, 200, 380];
  const rows: Array<Array<[string, string, string] | null>> = [
    [
      ['301', '工资福利支出', '1,060.00'],
      ['302', '商品和服务支出', '190.00'],
      ['307', '债务利息及费用支出', ''],
    ],
    [
      ['30101', '基本工资', '400.00'],
      ['30201', '办公费', '20.00'],
      ['30701', '国内债务付息', ''],
    ],
    [
      ['30102', '津贴补贴', '300.00'],
      ['30202', '印刷费', '5.00'],
      ['310', '资本性支出', '10.00'],
    ],
    [
      ['30103', '奖金', '360.00'],
      ['30205', '水费', '3.00'],
      ['31002', '办公设备购置', '10.00'],
    ],
    [
      ['303', '对个人和家庭的补助', '40.00'],
      ['30211', '差旅费', '30.00'],
      ['399', '其他支出', ''],
    ],
    [
      ['30302', '退休费', '30.00'],
      ['30229', '福利费', '112.00'],
      ['39999', '其他支出', ''],
    ],
    [['30305', '生活补助', '10.00'], ['30239', '其他交通费用', '20.00'], null],
  ];
  return buildPdf([
    page((at, figure) => {
      at(150, 0, '滨江市统计局2024年度部门决算');
      at(150, 1, '一般公共预算财政拨款基本支出决算表');
      at(20, 2, '部门：滨江市统计局');
      at(480, 2, '金额单位：万元');
      at(80, 3, '人员经费');
      at(370, 3, '公用经费');
      for (const x of PANELS) {
        at(x, 4, '科目编码');
        at(x + 60, 4, '科目名称');
        at(x + 140, 4, '决算数');
      }
      rows.forEach((cells, i) =>
        cells.forEach((c, k) => {
          if (!c) return;
          const [code, name, fig] = c;
          at(PANELS[k]!, 5 + i, code);
          at(PANELS[k]! + 60, 5 + i, name);
          if (fig) figure(PANELS[k]! + 170, 5 + i, changed[code] ?? fig);
        }),
      );
      at(60, 5 + rows.length, '人员经费合计');
      figure(PANELS[0]! + 170, 5 + rows.length, '1,100.00');
      at(300, 5 + rows.length, '公用经费合计');
      figure(PANELS[2]! + 170, 5 + rows.length, '200.00');
    }),
  ]);
}

test('PDF: the national final account’s basic-expenditure table in three panels: codes under 科目编码 are codes, never amounts; each 款 keeps its figure; the 公用经费合计 figure is not the row above it', async () => {
  const d = await importBytes(finalBasicTable(), 'fixture.pdf');
  const t = table(d, /基本支出决算表/);
  const byCode = (code: string) => row(t, (r) => r.code === code);
  const figure = (code: string) => Object.values(byCode(code).amounts).find((a) => a !== null)?.fen ?? null;
  // Every figure held is one the table prints: no code (302, 30201, 307 …) was taken for an amount.
  const printed = new Set(['1,060.00', '190.00', '400.00', '20.00', '300.00', '5.00', '10.00', '360.00', '3.00', '40.00', '30.00', '112.00', '20.00', '1,100.00', '200.00'].map((s) => w(s)));
  for (const r of t.rows) for (const a of Object.values(r.amounts)) if (a) assert.ok(printed.has(a.fen), `${r.code ?? ''} ${r.label}: ${a.src?.raw ?? a.fen}`);
  assert.deepEqual(
    ['301', '30101', '303', '30305', '302', '30201', '30202', '30229', '30239', '310', '31002'].map(figure),
    ['1,060.00', '400.00', '40.00', '10.00', '190.00', '20.00', '5.00', '112.00', '20.00', '10.00', '10.00'].map((s) => w(s)),
  );
  // The 公用经费合计 figure printed on the last line is not the 39999 row's.
  assert.equal(figure('39999'), null);
  // The three sides name the same column (决算数): one column, and the 公用经费合计 holds its figure.
  assert.deepEqual(
    t.columns.map((c) => c.key),
    ['total'],
  );
  assert.equal(
    fen(
      row(t, (r) => r.label === '公用经费合计'),
      'total',
    ),
    w('200.00'),
  );
  assert.equal(row(t, (r) => r.label === '人员经费合计').kind, 'subtotal');
  assert.equal(row(t, (r) => r.label === '公用经费合计').kind, 'subtotal');
  assert.deepEqual(
    validateDocument(d).findings.filter((f) => f.severity !== 'info' && f.rule !== 'BUD-040'),
    [],
  );
  // A 款 changed: its class no longer adds up, in the second panel as in the first.
  const wrong = validateDocument(await importBytes(finalBasicTable({ '30229': '122.00', '30101': '410.00' }), 'fixture.pdf')).findings.filter((f) => f.rule === 'BUD-012');
  assert.deepEqual(
    wrong.map((f) => f.message.split(':')[0]!.split(' ').slice(1).join(' ')),
    ['301 工资福利支出', '302 商品和服务支出'],
  );
});

/** The same table as pdftotext -layout prints it from a PDF (Chromium-printed; ideographs one character wide, so a side's figures and codes stand left of where its header words do). */
const FINAL_BASIC_TEXT = [
  '                             滨江市统计局2024年度部门决算',
  '                    一般公共预算财政拨款基本支出决算表',
  '                                                                       公开06表',
  '部门：滨江市统计局                                                             金额单位：万元',
  '             人员经费                                 公用经费',
  '科目编码      科目名称      决算数        科目编码     科目名称   决算数 科目编码        科目名称   决算数',
  '301 工资福利支出            1,060.00 302 商品和服务支出 190.00 307 债务利息及费用支出',
  '30101 基本工资              400.00 30201 办公费        20.00 30701 国内债务付息',
  '30102 津贴补贴              300.00 30202 印刷费         5.00 30702 国外债务付息',
  '30103 奖金                100.00 30205 水费          3.00 310 资本性支出        10.00',
  '30108 机关事业单位基本养老',
  '      保险缴费              120.00 30206 电费         12.00 31002 办公设备购置     10.00',
  '30110 职工基本医疗保险缴费         60.00 30211 差旅费        30.00 31003 专用设备购置',
  '30113 住房公积金              80.00 30213 维修（护）费     20.00 31007 信息网络及软件购置',
  '                                                            更新',
  '303 对个人和家庭的补助            40.00 30216 培训费        10.00 399 其他支出',
  '30302 退休费                30.00 30228 工会经费       15.00 39999 其他支出',
  '30305 生活补助               10.00 30229 福利费        25.00',
  '                               30231 公务用车运行维护费 20.00',
  '                               30239 其他交通费用     30.00',
  '     人员经费合计           1,100.00                公用经费合计                  200.00',
];

test('text: the national final account’s basic-expenditure table in three panels: every figure in its side’s row; a code’s name wrapped with its figure on the tail line is one row; no code is an amount', async () => {
  const read = async (lines: string[]) => {
    const d = await fromText(lines);
    return { d, t: table(d, /基本支出决算表/) };
  };
  const { d, t } = await read(FINAL_BASIC_TEXT);
  const figure = (code: string) => Object.values(row(t, (r) => r.code === code).amounts).find((a) => a !== null)?.src?.raw ?? null;
  assert.deepEqual(['301', '30108', '303', '302', '30202', '30205', '30239', '307', '30701', '310', '31002', '39999'].map(figure), [
    '1,060.00',
    '120.00',
    '40.00',
    '190.00',
    '5.00',
    '3.00',
    '30.00',
    null,
    null,
    '10.00',
    '10.00',
    null,
  ]);
  assert.equal(row(t, (r) => r.code === '30108').label, '机关事业单位基本养老保险缴费');
  assert.ok(!t.rows.some((r) => r.label === '保险缴费'));
  assert.deepEqual(
    validateDocument(d).findings.filter((f) => f.category === 'table-arithmetic'),
    [],
  );
  const changed = FINAL_BASIC_TEXT.map((l) => l.replace('印刷费         5.00', '印刷费        15.00'));
  const wrong = validateDocument((await read(changed)).d).findings.filter((f) => f.rule === 'BUD-012');
  assert.deepEqual(
    wrong.map((f) => f.message.split(':')[0]!.split(' ').slice(1).join(' ')),
    ['302 商品和服务支出'],
  );
});

/** The head of a final account's two-sided 收入支出决算总表 on a PDF page: title, unit, 收入 | 支出 over 项目 | 行次 | 金额 on each side (lines 0–4). */
function finalSummaryHead(at: (x: number, line: number, text: string) => void): void {
  at(150, 0, '滨江市统计局2024年度部门决算');
  at(160, 1, '收入支出决算总表');
  at(470, 2, '金额单位：万元');
  at(120, 3, '收入');
  at(380, 3, '支出');
  for (const [x, name] of [
    [60, '项目'],
    [190, '行次'],
    [240, '金额'],
    [320, '项目'],
    [450, '行次'],
    [500, '金额'],
  ] as const)
    at(x, 4, name);
}

test('PDF: a final account’s two-sided 收入支出决算总表 numbers its lines (项目 | 行次 | 金额 on each side): the line numbers are no amounts', async () => {
  const lines: Array<[string, string, string, string, string, string]> = [
    ['一、一般公共预算财政拨款收入', '1', '1,380.00', '一、一般公共服务支出', '32', '1,080.00'],
    ['二、政府性基金预算财政拨款收入', '2', '50.00', '二、外交支出', '33', ''],
    ['四、上级补助收入', '4', '', '六、社会保障和就业支出', '39', '300.00'],
    ['八、其他收入', '8', '20.00', '八、城乡社区支出', '44', '70.00'],
    ['本年收入合计', '28', '1,450.00', '本年支出合计', '60', '1,450.00'],
    ['总计', '31', '1,450.00', '总计', '63', '1,450.00'],
  ];
  const d = await importBytes(
    buildPdf([
      page((at, figure) => {
        finalSummaryHead(at);
        lines.forEach(([a, an, af, b, bn, bf], i) => {
          at(20, 5 + i, a);
          at(192, 5 + i, an);
          if (af) figure(265, 5 + i, af);
          at(280, 5 + i, b);
          at(452, 5 + i, bn);
          if (bf) figure(525, 5 + i, bf);
        });
      }),
    ]),
    'fixture.pdf',
  );
  const t = table(d, /收入支出决算总表/);
  const raw = (label: string) => row(t, (r) => r.label === label).amounts['amount']?.src?.raw ?? null;
  assert.deepEqual(['一、一般公共预算财政拨款收入', '二、政府性基金预算财政拨款收入', '四、上级补助收入', '八、其他收入', '二、外交支出', '六、社会保障和就业支出', '八、城乡社区支出'].map(raw), [
    '1,380.00',
    '50.00',
    null,
    '20.00',
    null,
    '300.00',
    '70.00',
  ]);
  for (const r of t.rows) for (const a of Object.values(r.amounts)) if (a) assert.ok(a.src?.raw?.includes('.'), `${r.label}: ${a.src?.raw}`);
  assert.deepEqual(
    validateDocument(d).findings.filter((f) => f.category === 'table-arithmetic'),
    [],
  );
});

test('PDF: a final account’s expenditure by function prints no 合计 column: its 本年支出 / 小计 is the table’s total', async () => {
  const d = await importBytes(
    buildPdf([
      page((at, figure) => {
        at(150, 0, '滨江市统计局2024年度部门决算');
        at(150, 1, '一般公共预算财政拨款支出决算表');
        at(470, 2, '金额单位：万元');
        at(100, 3, '项目');
        at(380, 3, '本年支出');
        at(20, 4, '科目编码');
        at(120, 4, '科目名称');
        at(300, 4, '小计');
        at(380, 4, '基本支出');
        at(460, 4, '项目支出');
        const rows: Array<[string, string, string, string, string]> = [
          ['', '合计', '1,360.00', '1,300.00', '60.00'],
          ['201', '一般公共服务支出', '1,060.00', '1,000.00', '60.00'],
          ['2010601', '行政运行', '1,000.00', '1,000.00', ''],
          ['2010602', '一般行政管理事务', '60.00', '', '60.00'],
          ['221', '住房保障支出', '300.00', '300.00', ''],
        ];
        rows.forEach(([code, name, a, b, c], i) => {
          if (code) at(20, 5 + i, code);
          at(code ? 120 : 140, 5 + i, name);
          figure(330, 5 + i, a);
          if (b) figure(420, 5 + i, b);
          if (c) figure(500, 5 + i, c);
        });
      }),
    ]),
    'fixture.pdf',
  );
  const t = table(d, /一般公共预算财政拨款支出决算表/);
  assert.deepEqual(
    t.columns.map((c) => c.key),
    ['total', 'basic', 'project'],
  );
  assert.equal(
    fen(
      row(t, (r) => r.code === '201'),
      'total',
    ),
    w('1,060.00'),
  );
  assert.deepEqual(
    validateDocument(d).findings.filter((f) => f.rule === 'BUD-046'),
    [],
  );
});

/** The national template's 收入支出决算总表 and 财政拨款收入支出决算总表 printed with narrow fixed-width cells, as pdftotext prints them (made: test/fixtures/genre/README.md): most labels wrap. */
const NARROW_SUMMARIES_TEXT = [
  '  滨江市统计局',
  '2024年度部门决算',
  '第二部分 2024年度部门决算表',
  '                   收入支出决算总表',
  '                                                      公开01表',
  '部门：滨江市统计局                                          金额单位：万元',
  '             收入                              支出',
  '     项目      行次   金额                项目       行次   金额',
  '一、一般公共预算财政    1        1,380.00 一、一般公共服务支出   32        1,080.00',
  '拨款收入',
  '二、政府性基金预算财   2          50.00 二、外交支出         33',
  '政拨款收入',
  '三、国有资本经营预算   3                  三、国防支出       34',
  '财政拨款收入',
  '四、上级补助收入     4                  四、公共安全支出     35',
  '五、事业收入       5                  五、教育支出       36',
  '六、经营收入       6                  六、社会保障和就业支   39          160.00',
  '                                出',
  '七、附属单位上缴收入   7                  七、卫生健康支出     41           60.00',
  '八、其他收入       8            20.00 八、城乡社区支出     44           50.00',
  '             9                  九、住房保障支出     53           80.00',
  '本年收入合计       28        1,450.00 本年支出合计       60        1,430.00',
  '使用非财政拨款结余    29                 结余分配         61',
  '年初结转和结余      30                 年末结转和结余      62           20.00',
  '总计           31        1,450.00 总计           63        1,450.00',
  '2210201   住房公积金     80.00   80.00',
  '                             财政拨款收入支出决算总表',
  '                                                                            公开04表',
  '部门：滨江市统计局                                                                金额单位：万元',
  '            收入                                    支出',
  '   项目       行次   金额           项目     行次   合计        一般公共预算财政拨款  政府性基金预算财政拨款',
  '                                                                        国有资本经营预算',
  '一、一般公共预      1    1,380.00 一、一般公共服   30    1,060.00    1,060.00',
  '算财政拨款                      务支出',
  '二、政府性基金     2        50.00 二、社会保障和   31     160.00    160.00',
  '预算财政拨款                     就业支出',
  '三、国有资本经     3              三、卫生健康支   32      60.00     60.00',
  '营预算财政拨款                    出',
  '            4              四、城乡社区支   33      50.00               50.00',
  '                           出',
  '            5              五、住房保障支   34      80.00      80.00',
  '                           出',
  '本年收入合计      6     1,430.00 本年支出合计    35   1,410.00   1,360.00    50.00',
  '年初财政拨款结     7              年末财政拨款结   36      20.00      20.00',
  '转和结余                       转和结余',
  '总计          8     1,430.00 总计        37   1,430.00   1,380.00    50.00',
];

test('text: labels wrapped in a final account’s two-sided tables: a tail that is a name of its own (财政拨款收入) completes the head the two lines name again; a carry-over’s words (转和结余) complete theirs; no error', async () => {
  const d = await fromText(NARROW_SUMMARIES_TEXT);
  const t1 = table(d, /^收入支出决算总表/);
  const revenue = t1.rows.filter((r) => r.side === 'revenue').map((r) => r.label);
  assert.deepEqual(revenue.slice(0, 3), ['一、一般公共预算财政拨款收入', '二、政府性基金预算财政拨款收入', '三、国有资本经营预算财政拨款收入']);
  assert.ok(!revenue.includes('财政拨款收入'), revenue.join(' | '));
  assert.equal(row(t1, (r) => r.label === '三、国有资本经营预算财政拨款收入').code, 'stateCapital');
  const t4 = table(d, /财政拨款收入支出决算总表/);
  assert.equal(row(t4, (r) => r.side === 'revenue' && r.label === '年初财政拨款结转和结余').kind, 'carry');
  const end = row(t4, (r) => r.side === 'expenditure' && r.label === '年末财政拨款结转和结余');
  assert.equal(end.kind, 'carry');
  assert.equal(fen(end, 'amount'), w('20.00'));
  assert.ok(!t4.rows.some((r) => r.label === '转和结余'));
  assert.deepEqual(
    validateDocument(d).findings.filter((f) => f.severity === 'error'),
    [],
  );
});

/** The basic-expenditure table printed with narrow fixed-width cells, as pdftotext prints it: a code at its cell's left edge, apart from its name, and 公用经费 set over the second side's 决算数. */
const NARROW_BASIC_TEXT = [
  '                             滨江市统计局2024年度部门决算',
  '                                一般公共预算财政拨款基本支出决算表',
  '                                                                                      公开06表',
  '部门：滨江市统计局                                                                          金额单位：万元',
  '              人员经费                                        公用经费',
  '   科目编码       科目名称    决算数          科目编码     科目名称      决算数         科目编码     科目名称    决算数',
  '301         工资福利支出     1,060.00 302       商品和服务支出       190.00 307       债务利息及费用',
  '                                                                         支出',
  '30101       基本工资         400.00 30201     办公费            20.00 30701     国内债务付息',
  '30102       津贴补贴         300.00 30202     印刷费             5.00 30702     国外债务付息',
  '30103       奖金           100.00 30205     水费              3.00 310       资本性支出        10.00',
  '30108       机关事业单位基      120.00 30206     电费             12.00 31002     办公设备购置       10.00',
  '            本养老保险缴费',
  '30110       职工基本医疗保      60.00 30211      差旅费             30.00 31003    专用设备购置',
  '            险缴费',
  '30113       住房公积金        80.00 30213      维修（护）费          20.00 31007    信息网络及软件',
  '                                                                         购置更新',
  '303         对个人和家庭的       40.00 30216     培训费           10.00 399        其他支出',
  '            补助',
  '30302       退休费           30.00 30228     工会经费          15.00 39999      其他支出',
  '30305       生活补助          10.00 30229     福利费           25.00',
  '                                30231     公务用车运行维       20.00',
  '                                          护费',
  '                                30239     其他交通费用        30.00',
  '        人员经费合计         1,100.00                     公用经费合计                           200.00',
];

test('text: a basic-expenditure table whose codes stand apart from their names (科目编码 | 科目名称 cells): each side starts at its codes, no code is a figure, the three sides share one column', async () => {
  const d = await fromText(NARROW_BASIC_TEXT);
  const t = table(d, /基本支出决算表/);
  assert.deepEqual(
    t.columns.map((c) => c.key),
    ['total'],
  );
  const byCode = (code: string) => row(t, (r) => r.code === code);
  assert.deepEqual(
    ['302', '30201', '307', '30701', '310', '31007', '39999'].map((c) => byCode(c).label),
    ['商品和服务支出', '办公费', '债务利息及费用支出', '国内债务付息', '资本性支出', '信息网络及软件购置更新', '其他支出'],
  );
  assert.deepEqual(
    ['301', '302', '30239', '307', '310'].map((c) => fen(byCode(c), 'total')),
    [w('1,060.00'), w('190.00'), w('30.00'), null, w('10.00')],
  );
  assert.equal(byCode('30231').parent, byCode('302').id);
  assert.equal(
    fen(
      row(t, (r) => r.label === '公用经费合计'),
      'total',
    ),
    w('200.00'),
  );
  for (const r of t.rows) assert.deepEqual(r.unplaced ?? [], [], r.label);
  assert.deepEqual(
    validateDocument(d).findings.filter((f) => f.severity === 'error'),
    [],
  );
});

test('PDF: a final account’s two-sided table printed with narrow cells: the first row’s label wrapped around its figures (its head above them) is the row’s, not the header’s; a tail that is a name of its own completes the head the two lines name again', async () => {
  const d = await importBytes(
    buildPdf([
      page((at, figure) => {
        finalSummaryHead(at);
        const side = (line: number, label: string | [string, string], no: string, fig: string, x: number) => {
          if (typeof label === 'string') at(x, line, label);
          else {
            at(x, line - 0.5, label[0]);
            at(x, line + 0.5, label[1]);
          }
          at(x + 172, line, no);
          if (fig) figure(x + 245, line, fig);
        };
        side(6, ['一、一般公共预算财政', '拨款收入'], '1', '1,380.00', 20);
        side(6, '一、一般公共服务支出', '32', '1,080.00', 280);
        side(8, ['三、国有资本经营预算', '财政拨款收入'], '3', '', 20);
        side(8, '二、外交支出', '33', '', 280);
        side(10, '八、其他收入', '8', '20.00', 20);
        side(10, '六、社会保障和就业支出', '39', '300.00', 280);
        side(12, '本年收入合计', '28', '1,400.00', 20);
        side(12, '本年支出合计', '60', '1,380.00', 280);
        side(14, '年初结转和结余', '30', '', 20);
        side(14, '年末结转和结余', '62', '20.00', 280);
        side(16, '总计', '31', '1,400.00', 20);
        side(16, '总计', '63', '1,400.00', 280);
      }),
    ]),
    'fixture.pdf',
  );
  const t = table(d, /收入支出决算总表/);
  const revenue = t.rows.filter((r) => r.side === 'revenue');
  assert.deepEqual(
    revenue.map((r) => r.label),
    ['一、一般公共预算财政拨款收入', '三、国有资本经营预算财政拨款收入', '八、其他收入', '本年收入合计', '年初结转和结余', '总计'],
  );
  assert.equal(fen(revenue[0]!, 'amount'), w('1,380.00'));
  assert.deepEqual(
    revenue.map((r) => r.code ?? null),
    ['general', 'stateCapital', 'otherIncome', null, null, null],
  );
  assert.deepEqual(
    validateDocument(d).findings.filter((f) => f.severity === 'error'),
    [],
  );
});

test('PDF: a basic-expenditure table printed with narrow cells: a code at its cell’s left edge, apart from its name and left of its heading, starts its side; a name wrapped around its code on a row without figures is that code’s, on the first row as further down; 公用经费合计 centred over the second side’s 决算数 is its total’s word', async () => {
  const PANELS = [20, 200, 380];
  // 公用经费合计 left of the second side's figures, or centred in its merged cell over them (its figure in the third side's column).
  for (const publicTotalX of [300, 350]) {
    const d = await importBytes(
      buildPdf([
        page((at, figure) => {
          at(150, 0, '滨江市统计局2024年度部门决算');
          at(150, 1, '一般公共预算财政拨款基本支出决算表');
          at(20, 2, '部门：滨江市统计局');
          at(480, 2, '金额单位：万元');
          at(80, 3, '人员经费');
          // 公用经费 is centred over the second and third sides: over the line where they meet.
          at(352, 3, '公用经费');
          for (const x of PANELS) {
            at(x + 8, 4, '科目编码');
            at(x + 60, 4, '科目名称');
            at(x + 140, 4, '决算数');
          }
          const cell = (k: number, line: number, code: string, name: string | [string, string], fig: string) => {
            at(PANELS[k]!, line, code);
            if (typeof name === 'string') at(PANELS[k]! + 48, line, name);
            else {
              at(PANELS[k]! + 48, line - 0.5, name[0]);
              at(PANELS[k]! + 48, line + 0.5, name[1]);
            }
            if (fig) figure(PANELS[k]! + 170, line, fig);
          };
          cell(0, 5, '301', '工资福利支出', '1,060.00');
          cell(1, 5, '302', '商品和服务支出', '190.00');
          cell(2, 5, '307', ['债务利息及费用', '支出'], '');
          cell(0, 7, '30101', '基本工资', '1,000.00');
          cell(1, 7, '30201', '办公费', '70.00');
          cell(2, 7, '30701', '国内债务付息', '');
          cell(0, 8, '30102', '津贴补贴', '60.00');
          cell(1, 8, '30202', '印刷费', '100.00');
          cell(2, 8, '310', '资本性支出', '10.00');
          cell(0, 9, '303', '对个人和家庭的补助', '40.00');
          cell(1, 9, '30239', '其他交通费用', '20.00');
          cell(2, 9, '31002', '办公设备购置', '10.00');
          cell(0, 11, '30302', '退休费', '30.00');
          cell(0, 14, '30305', '生活补助', '10.00');
          cell(2, 11, '31007', ['信息网络及软件', '购置更新'], '');
          cell(2, 13, '399', '其他支出', '');
          at(60, 15, '人员经费合计');
          figure(PANELS[0]! + 170, 15, '1,100.00');
          at(publicTotalX, 15, '公用经费合计');
          figure(PANELS[2]! + 170, 15, '200.00');
        }),
      ]),
      'fixture.pdf',
    );
    const t = table(d, /基本支出决算表/);
    assert.deepEqual(
      t.columns.map((c) => c.key),
      ['total'],
    );
    const byCode = (code: string) => row(t, (r) => r.code === code);
    assert.deepEqual(
      ['301', '302', '30239', '307', '31002', '31007'].map((c) => byCode(c).label),
      ['工资福利支出', '商品和服务支出', '其他交通费用', '债务利息及费用支出', '办公设备购置', '信息网络及软件购置更新'],
    );
    assert.deepEqual(
      ['301', '302', '30239', '307', '310'].map((c) => fen(byCode(c), 'total')),
      [w('1,060.00'), w('190.00'), w('20.00'), null, w('10.00')],
    );
    assert.equal(byCode('30239').parent, byCode('302').id);
    assert.equal(
      fen(
        row(t, (r) => r.label === '公用经费合计'),
        'total',
      ),
      w('200.00'),
    );
    assert.deepEqual(
      validateDocument(d).findings.filter((f) => f.severity === 'error'),
      [],
    );
  }
});

/** The national final account's 三公 table (公开07表): 预算数 | 决算数 over the same six columns, 公务用车购置及运行费 over 小计 | 购置费 | 运行费, the others two lines high. */
function finalThreePublic(figures: string[]): Uint8Array {
  const SIZE = 6;
  const runs: Run[] = [];
  const at = (x: number, y: number, text: string) => runs.push({ x, y, size: SIZE, text, font: 'CJK' });
  // Centred on x: an ideograph is SIZE wide, an ASCII character half that.
  const width = (text: string) => [...text].reduce((n, c) => n + (c.charCodeAt(0) < 128 ? SIZE / 2 : SIZE), 0);
  const centred = (x: number, y: number, text: string) => at(x - width(text) / 2, y, text);
  at(200, 790, '滨江市统计局2024年度部门决算');
  at(160, 775, '一般公共预算财政拨款“三公”经费支出决算表');
  at(20, 762, '部门：滨江市统计局');
  at(500, 762, '金额单位：万元');
  [20, 300].forEach((base, side) => {
    const c = (j: number) => base + 25 + 45 * j;
    centred(side === 0 ? base + 137.5 : c(3) - 6, 745, side === 0 ? '预算数' : '决算数');
    centred(c(3), 733, '公务用车购置及运行费');
    centred(c(0), 727, '合计');
    centred(c(1), 727, '因公出国（境）费');
    centred(c(5), 727, '公务接待费');
    centred(c(2), 721, '小计');
    centred(c(3), 721, '公务用车购置费');
    centred(c(4), 721, '公务用车运行费');
    for (let j = 0; j < 6; j++) {
      const f = figures[side * 6 + j]!;
      if (f) at(c(j) + 18 - width(f), 705, f);
    }
  });
  return buildPdf([{ runs }]);
}

test('PDF: a final account’s 三公 table under 预算数 | 决算数 groups of three header levels: each column takes the catalogue’s key (预算数 the initial budget’s), and the 三公 sums are checked on both', async () => {
  const printed = ['30.00', '5.00', '20.00', '', '20.00', '5.00', '27.00', '3.00', '20.00', '', '20.00', '4.00'];
  const d = await importBytes(finalThreePublic(printed), 'fixture.pdf');
  const t = table(d, /三公/);
  assert.deepEqual(
    t.columns.map((c) => c.key),
    [
      'initial.total',
      'initial.overseas',
      'initial.vehicles',
      'initial.vehiclePurchase',
      'initial.vehicleRunning',
      'initial.reception',
      'total',
      'overseas',
      'vehicles',
      'vehiclePurchase',
      'vehicleRunning',
      'reception',
    ],
  );
  const r = t.rows[0]!;
  assert.deepEqual([fen(r, 'initial.total'), fen(r, 'initial.reception'), fen(r, 'total'), fen(r, 'vehicleRunning'), fen(r, 'reception')], [w('30.00'), w('5.00'), w('27.00'), w('20.00'), w('4.00')]);
  const sums = (fs: Awaited<ReturnType<typeof validateDocument>>['findings']) => fs.filter((f) => f.rule === 'BUD-007' || f.rule === 'BUD-008' || f.rule === 'BUD-046');
  assert.deepEqual(sums(validateDocument(d).findings), []);
  // One figure changed on either side: the sum it breaks is found, at its column.
  const changed = async (i: number, to: string) => {
    const fs = sums(validateDocument(await importBytes(finalThreePublic(printed.map((f, k) => (k === i ? to : f))), 'fixture.pdf')).findings);
    return fs.map((f) => `${f.rule} ${f.location?.column ?? ''}`);
  };
  assert.deepEqual(await changed(6, '28.00'), ['BUD-007 total']);
  assert.deepEqual(await changed(5, '6.00'), ['BUD-007 initial.total']);
});

/**
 * The national final account's 三公 table printed on portrait A4 (the positions chromium gives it): the page clips the 决算数 side's
 * last column (公务接待费), and 决算数, centred over the six columns it spans, stands over 公务用车购置费 alone.
 */
function clippedThreePublic(figures: Array<[number, string]>): Uint8Array {
  const SIZE = 8;
  // [left, bottom of the text's box from the top of the page, text]
  const words: Array<[number, number, string]> = [
    [200, 40, '滨江市统计局2024年度部门决算'],
    [37.75, 84.45, '部门：滨江市统计局'],
    [515.24, 84.45, '金额单位：万元'],
    [192.5, 60.75, '一般公共预算财政拨款“三公”经费支出决算表'],
    [167.49, 98.35, '预算数'],
    [450.49, 98.35, '决算数'],
    [163.73, 112.85, '公务用车购置及运行费'],
    [446.73, 112.85, '公务用车购置及运行费'],
    [42.23, 120.35, '合计'],
    [64.73, 120.35, '因公出国（境）费'],
    [135.23, 127.35, '小计'],
    [157.73, 127.35, '公务用车购置费'],
    [218.23, 127.35, '公务用车运行费'],
    [278.74, 120.35, '公务接待费'],
    [325.23, 120.35, '合计'],
    [347.73, 120.35, '因公出国（境）费'],
    [418.23, 127.35, '小计'],
    [440.73, 127.35, '公务用车购置费'],
    [501.23, 127.35, '公务用车运行费'],
  ];
  const runs: Run[] = [...words, ...figures.map(([x, f]): [number, number, string] => [x, 141.85, f])].map(([x, bottom, text]) => ({ x, y: 842 - bottom + 4, size: SIZE, text, font: 'CJK' }));
  return buildPdf([{ runs }]);
}

test('PDF: a final account’s 三公 table whose page clips the last 决算数 column: the 预算数 group stays the initial budget, the clipped 公务接待费 is unknown, and the narrative’s 决算 figure is not compared with the budget’s', async () => {
  const printed: Array<[number, string]> = [
    [40.25, '30.00'],
    [113.2, '5.00'],
    [133.24, '20.00'],
    [254.26, '20.00'],
    [303.2, '5.00'],
    [323.25, '27.00'],
    [396.2, '3.00'],
    [416.24, '20.00'],
    [537.26, '20.00'],
  ];
  const d = await importBytes(clippedThreePublic(printed), 'fixture.pdf');
  const t = table(d, /三公/);
  const keys = t.columns.map((c) => c.key);
  const asFinal = t.columns.filter((c) => ['total', 'overseas', 'vehicles', 'vehiclePurchase', 'vehicleRunning', 'reception'].includes(c.key) && c.header[0] === '预算数');
  assert.deepEqual(asFinal, [], `预算数 columns read as final ones: ${keys.join(' ')}`);
  const r = t.rows[0]!;
  assert.equal(fen(r, 'reception'), null);
  assert.equal(fen(r, 'initial.reception'), w('5.00'));
});

test('text: a dense two-sided table (figures one space after 行次, portrait A4): a row printed on a line whose figures could not be placed is unknown, not empty; no finding rests on it', async () => {
  const d = await fromText([
    '滨江市统计局2024年度部门决算',
    '\f                          财政拨款收入支出决算总表',
    '                                                                  公开04表',
    '部门：滨江市统计局                                                      金额单位：万元',
    '       收入                                      支出',
    '    项目    行次 金额          项目 行次 合计 一般公共预算财政拨款 政府性基金预算财政拨款 国有资本经营预算财政拨款',
    '一、一般公共预算 1 1,380.00 一、一般公共 30 1,060.00   1,060.00',
    '财政拨款                  服务支出',
    '二、政府性基金预 2 50.00 二、社会保障 31 160.00          160.00',
    '算财政拨款                 和就业支出',
    '三、国有资本经营 3            三、卫生健康 32 60.00       60.00',
    '预算财政拨款                支出',
    '           4          四、城乡社区 33 50.00                 50.00',
    '                      支出',
    '           5          五、住房保障 34 80.00       80.00',
    '                      支出',
    '本年收入合计     6 1,430.00 本年支出合计 35 1,410.00 1,360.00     50.00',
    '年初财政拨款结转 7            年末财政拨款 36 20.00       20.00',
    '和结余                   结转和结余',
    '总计         8 1,430.00 总计     37 1,430.00 1,380.00     50.00',
    '\f                           一般公共预算财政拨款支出决算表',
    '                                                                          公开05表',
    '部门：滨江市统计局                                                              金额单位：万元',
    '                     项目                                  本年支出',
    '   科目编码                   科目名称               小计          基本支出         项目支出',
    '            合计                                1,360.00     1,300.00      60.00',
    '201         一般公共服务支出                          1,060.00     1,000.00      60.00',
    '20106       财政事务                              1,060.00     1,000.00      60.00',
    '2010601     行政运行                              1,000.00     1,000.00',
    '2010602     一般行政管理事务                             60.00                    60.00',
    '208         社会保障和就业支出                           160.00       160.00',
    '20805       行政事业单位养老支出                          160.00       160.00',
    '2080501     行政单位离退休                              40.00        40.00',
    '2080505     机关事业单位基本养老保险缴费支出                    120.00       120.00',
    '210         卫生健康支出                               60.00        60.00',
    '21011       行政事业单位医疗                             60.00        60.00',
    '2101101     行政单位医疗                               60.00        60.00',
    '221         住房保障支出                               80.00        80.00',
    '22102       住房改革支出                               80.00        80.00',
    '2210201     住房公积金                                80.00        80.00',
  ]);
  const t = table(d, /财政拨款收入支出决算总表/);
  // The reader could not place the figures of line 7 (201 一、一般公共服务支出 1,060.00): its row holds none of them.
  const r = row(t, (x) => x.code === '201');
  assert.equal(fen(r, 'amount'), null);
  const fs = validateDocument(d).findings;
  assert.deepEqual(
    fs.filter((f) => f.severity !== 'info' && f.rule !== 'BUD-040').map((f) => `${f.rule} ${f.message}`),
    [],
  );
  // The rows whose own figures were not placed are still named, and only they.
  assert.match(fs.find((f) => f.rule === 'BUD-049' && /财政拨款收入支出决算总表/.test(f.message))?.message ?? '', /有 7 行金额未能定位/);
});

test('PDF: figures printed with nothing between them are placed where the run’s glyphs put each, in the column whose figures end there; one that ends at no column’s edge stays unplaced (chongqing-commerce 表二)', async () => {
  // Columns one figure's width apart: the total row's first two figures touch and are one run of text.
  const RIGHT = [300, 336, 400];
  const p = page((at, figure) => {
    at(150, 0, '表2 部门收入总表');
    at(40, 1, '部门名称：某某市某某局');
    at(420, 1, '单位：万元');
    at(100, 2, '科目名称');
    at(284, 2, '合计');
    at(304, 2, '事业收入');
    at(368, 2, '其他收入');
    at(60, 3, '合计');
    figure(RIGHT[1]!, 3, '12,300.0011,100.00');
    figure(RIGHT[2]!, 3, '1,200.00');
    const lines: Array<[string, string, string, string]> = [
      ['甲类支出', '10,000.00', '9,900.00', '100.00'],
      ['乙类支出', '2,300.00', '1,200.00', '1,100.00'],
    ];
    lines.forEach(([name, a, b, c], i) => {
      at(40, 4 + i, name);
      figure(RIGHT[0]!, 4 + i, a);
      figure(RIGHT[1]!, 4 + i, b);
      figure(RIGHT[2]!, 4 + i, c);
    });
    // A run whose first figure ends between two columns: where it stands is not known.
    at(40, 6, '丙类支出');
    figure(RIGHT[2]!, 6, '50.0012,345.00');
  });
  const t = table(await importBytes(buildPdf([p]), 'fixture.pdf'), /部门收入总表/);
  const total = row(t, (r) => r.label === '合计');
  assert.equal(total.unplaced, undefined);
  assert.deepEqual(
    t.columns.map((c) => fen(total, c.key)),
    [w('12,300.00'), w('11,100.00'), w('1,200.00')],
  );
  // The run's last figure ends where it ends: in its column.
  const third = row(t, (r) => r.label === '丙类支出');
  assert.deepEqual(
    third.unplaced?.map((m) => m.fen),
    [w('50.00')],
  );
  assert.equal(fen(third, t.columns[2]!.key), w('12,345.00'));
});

test('PDF: a figure run together with others that ends where no column’s figures end on its page is placed by the cell borders: the cell between two columns printing figures is the one column between them printing none (chongqing-commerce 表二 合计)', async () => {
  // 政府性基金's only figure on the page is the total row's, run into the figures before it; its cell borders place it.
  const RIGHT = [312, 348, 372, 430];
  const mk = (rules: boolean) => {
    const p = page((at, figure) => {
      at(150, 0, '表2 部门收入总表');
      at(40, 1, '部门名称：某某市某某局');
      at(420, 1, '单位：万元');
      at(100, 2, '科目名称');
      at(296, 2, '合计');
      at(316, 2, '一般公共');
      at(324, 3, '预算');
      at(356, 2, '政府');
      at(348, 3, '性基金');
      at(398, 2, '事业收入');
      at(60, 4, '合计');
      figure(RIGHT[2]!, 4, '11,300.0010,000.00300.00');
      figure(RIGHT[3]!, 4, '1,000.00');
      at(40, 5, '甲类支出');
      figure(RIGHT[0]!, 5, '9,000.00');
      figure(RIGHT[1]!, 5, '8,000.00');
      figure(RIGHT[3]!, 5, '1,000.00');
    });
    const x = [30, 262, ...RIGHT.map((r) => r + 1)];
    return rules ? { ...p, rules: x.map((v) => ({ x0: v, y0: 700, x1: v, y1: 770 })) } : p;
  };
  const cells = async (rules: boolean) => {
    const t = table(await importBytes(buildPdf([mk(rules)]), 'fixture.pdf'), /部门收入总表/);
    const total = row(t, (r) => r.label === '合计');
    return { keys: t.columns.map((c) => c.key), cells: t.columns.map((c) => fen(total, c.key)), unplaced: total.unplaced?.map((m) => m.src?.raw) };
  };
  assert.deepEqual(await cells(true), { keys: ['total', 'general', 'govFund', 'business'], cells: [w('11,300.00'), w('10,000.00'), w('300.00'), w('1,000.00')], unplaced: undefined });
  // Without borders, where it ends is not known against any column: read, not placed.
  assert.deepEqual((await cells(false)).unplaced, ['300.00']);
});

test('text: a figure too wide for its cell, its last decimal wrapped under it around its row’s line ("576,171.1" / "合计 …" / "1"), is that row’s whole figure; so when the row’s label stands alone between', async () => {
  // (Hangzhou's 表3 and 表5, as pdftotext lays them out: the tail a column or two right of the head.)
  const d = await fromText([
    at([30, '表3 支出预算总表']),
    at([0, '部门名称：某某市某某局'], [70, '单位：万元']),
    at([2, '功能分类科目名称'], [26, '总计'], [38, '人员支出'], [50, '日常公用支出'], [64, '项目支出']),
    at([62, '576,171.1']),
    at([0, '合计'], [22, '665,964.37'], [36, '73,924.43'], [50, '15,868.83']),
    at([72, '1']),
    at([0, '教育支出'], [24, '22,262.08'], [36, '19,203.72'], [62, '3,058.36']),
    at([22, '226,000.00'], [62, '226,000.0']),
    at([0, '城乡社区支出']),
    at([71, '0']),
    at([0, '卫生健康支出'], [24, '2,531.04'], [36, '2,531.04']),
    at([62, '347,112.7']),
    at([0, '交通运输支出'], [22, '417,702.29'], [36, '54,720.71'], [50, '15,868.83']),
    at([71, '5']),
  ]);
  const t = table(d, /支出预算总表/);
  const total = row(t, (r) => r.label === '合计');
  assert.equal(fen(total, 'project'), w('576,171.11'));
  assert.equal(fen(total, 'total'), w('665,964.37'));
  const urban = row(t, (r) => r.label === '城乡社区支出');
  assert.equal(fen(urban, 'total'), w('226,000.00'));
  assert.equal(fen(urban, 'project'), w('226,000.00'));
  assert.deepEqual(
    t.rows.filter((r) => (r.unplaced ?? []).length > 0).map((r) => r.label),
    [],
  );
  assert.equal(
    fen(
      row(t, (r) => r.label === '教育支出'),
      'project',
    ),
    w('3,058.36'),
  );
  // (A head printed alone above a row of figures is that row’s, not the row’s above.)
  assert.equal(
    fen(
      row(t, (r) => r.label === '交通运输支出'),
      'project',
    ),
    w('347,112.75'),
  );
  assert.equal(
    fen(
      row(t, (r) => r.label === '卫生健康支出'),
      'project',
    ),
    null,
  );
});

test('PDF: a scope of funds (本年收入) centred in its cell over columns of unequal widths (小计 wide) heads its 小计, though a run of fewer columns is nearer its centre; 总计 stays the table’s total', async () => {
  // The revenue summary's header as Hangzhou prints it (总计 | 本年收入: 小计 … 其他收入 | 上年结转结余: 小计 … 单位资金),
  // in text columns of U points (x from the left text edge, y from the top): 本年收入 centred in its cell
  // (from halfway between 总计 and 小计 to halfway between 其他收入 and the next 小计) stands right of the mean of
  // its columns' axes, over 国有资本经营预算 | 财政专户管理资金 | 事业收入.
  const U = 2.8;
  const runs: Run[] = [];
  const put = (x: number, y: number, text: string, size = 2 * U) => runs.push({ x: 20 + x * U, y: 842 - 40 - y * U, size, text, font: 'CJK' });
  put(62.7, 14.7, '表2：部门收入预算总表', 3 * U);
  put(0, 19.7, '部门名称：某某市某某局');
  put(189.8, 19.7, '单位：万元');
  const header: Array<[number, Array<[number, string]>]> = [
    [
      23.5,
      [
        [80.7, '本年收入'],
        [166.5, '上年结转结余'],
      ],
    ],
    [
      27.5,
      [
        [71.2, '国有资'],
        [81.4, '财政专'],
        [101.7, '事业单'],
        [164.0, '政府性'],
        [185.6, '财政专'],
      ],
    ],
    [
      29.5,
      [
        [2.3, '单位名称'],
        [19.3, '总计'],
        [46.3, '一般公共'],
        [59.1, '政府性基'],
        [111.8, '上级补'],
        [120.9, '附属单位'],
        [133.3, '其他'],
        [153.5, '一般公'],
        [173.8, '国有资本'],
        [196.0, '单位资'],
      ],
    ],
    [
      31.4,
      [
        [34.2, '小计'],
        [71.2, '本经营'],
        [81.4, '户管理'],
        [90.5, '事业收入'],
        [101.7, '位经营'],
        [143.9, '小计'],
        [164.0, '基金预'],
        [185.6, '户管理'],
      ],
    ],
    [
      33.4,
      [
        [48.3, '预算'],
        [60.1, '金预算'],
        [111.8, '助收入'],
        [120.9, '上缴收入'],
        [133.3, '收入'],
        [153.5, '共预算'],
        [173.8, '经营预算'],
        [198.0, '金'],
      ],
    ],
    [
      35.3,
      [
        [72.2, '预算'],
        [82.4, '资金'],
        [102.7, '收入'],
        [166.0, '算'],
        [186.6, '资金'],
      ],
    ],
  ];
  for (const [y, cells] of header) for (const [x, text] of cells) put(x, y, text);
  // Figures right-aligned in their columns (总计, 小计, 一般公共预算, 政府性基金预算, 其他收入, 上年结转结余's 小计 and 一般公共预算).
  const RIGHT = [27.4, 42.2, 55.6, 68.5, 140.0, 150.5, 161.1];
  const FIGURES = ['1,000.00', '900.00', '700.00', '100.00', '100.00', '100.00', '100.00'];
  ['合计', '某某市某某局'].forEach((name, r) => {
    const y = 45.3 + 8 * r;
    put(0, y, name);
    FIGURES.forEach((f, i) => put(RIGHT[i]! - f.length, y, f));
  });
  const d = await importBytes(buildPdf([{ runs }]), 'fixture.pdf');
  const t = table(d, /收入预算总表/);
  const keys = t.columns.map((c) => c.key);
  assert.deepEqual(keys.slice(0, 4), ['total', 'current', 'general', 'govFund'], keys.join(' '));
  assert.ok(keys.includes('carryOver') && keys.includes('carryOver.general'), keys.join(' '));
  const total = row(t, (r) => r.label === '合计');
  assert.equal(fen(total, 'total'), w('1,000.00'));
  assert.equal(fen(total, 'current'), w('900.00'));
  assert.equal(fen(total, 'carryOver'), w('100.00'));
});

test('text: a continuation page without a header whose two columns shared with the page before shifted apart (0 and 2 columns): its grid moved by their mean, the column printed on its total line alone is 项目支出', () => {
  // Beijing's 预算03表 as pdftotext lays it out: 基本支出's figures end two columns further right on the second
  // page, 合计's where they did; taking either shift alone puts 项目支出's 7,077.056250 as near 事业单位经营支出.
  const row1 = (fig: string, at0: number, at1: number) => at([0, '2013601-行政运行'], [18, '50101-工资奖金津补贴'], [39, '30101-基本工资'], [at0, fig], [at1, fig]);
  const t = table(
    fromLines([
      at([49, '预算03表 支出预算总表']),
      at([124, '金额单位：万元']),
      at([105, '其中']),
      at([7, '支出功能分类科目'], [24, '政府支出经济分类科目'], [44, '部门支出经济分类科目'], [64, '合计'], [77, '基本支出'], [90, '项目支出']),
      at([97, '事业单位经营'], [111, '对附属单位补']),
      at([104, '上缴上级支出']),
      at([99, '支出'], [113, '助支出']),
      row1('151.992000', 64, 77),
      row1('436.289776', 64, 77),
      '\f' + row1('7.000000', 66, 81),
      row1('120.888788', 63, 78),
      at([10, '合      计'], [62, '1,716.170564'], [79, '716.170564'], [92, '1,000.000000']),
    ]),
    /支出预算总表/,
  );
  const total = row(t, (r) => r.kind === 'total');
  assert.deepEqual(
    ['total', 'basic', 'project'].map((k) => fen(total, k)),
    [w('1,716.170564'), w('716.170564'), w('1,000.000000')],
  );
  assert.deepEqual(
    t.rows.filter((r) => (r.unplaced ?? []).length > 0).map((r) => r.label),
    [],
  );
});

/**
 * A table whose second page, without a header, prints two of the three columns centred in their cells (flush right
 * on the first page); the first page ruled as RULED (the label cell, then 合计, 基本支出 and 项目支出 cells 110 points
 * wide), the second as `secondRules` says. The second page's row.
 */
const RULED = [30, 200, 310, 420, 530];
async function ruledContinuationRow(secondRules: number[]): Promise<Row> {
  const rules = (xs: number[]) => xs.map((x) => ({ x0: x, y0: 842 - 50, x1: x, y1: 842 - 200 }));
  const first = page((at, figure) => {
    at(150, 0, '表5 一般公共预算支出表');
    at(40, 1, '部门名称：某某市某某局');
    at(420, 1, '单位：万元');
    at(100, 2, '科目名称');
    at(247, 2, '合计');
    at(349, 2, '基本支出');
    at(459, 2, '项目支出');
    [
      ['合计', '400.00', '300.00', '100.00'],
      ['某某类支出', '200.00', '100.00', '100.00'],
    ].forEach(([name, a, b, c], i) => {
      at(40, 4 + i, name!);
      figure(306, 4 + i, a!);
      figure(416, 4 + i, b!);
      figure(526, 4 + i, c!);
    });
  });
  const second = page((at) => {
    at(40, 0, '另一类支出');
    // Centred in their cells: 255 and 365 their middles.
    at(255 - 12, 0, '200.00');
    at(365 - 12, 0, '200.00');
  });
  const d = await importBytes(
    buildPdf([
      { ...first, rules: rules(RULED) },
      { ...second, rules: rules(secondRules) },
    ]),
    'fixture.pdf',
  );
  return row(table(d, /一般公共预算支出表/), (x) => x.label === '另一类支出');
}

test('PDF: a continuation page without a header, ruled as the page before, whose figures are centred in their cells (flush right on the page before): each column is the one whose cell it stands in', async () => {
  const r = await ruledContinuationRow(RULED);
  assert.deepEqual(
    ['total', 'basic', 'project'].map((k) => fen(r, k)),
    [w('200.00'), w('200.00'), null],
  );
  // (Placed by where they stand, not inferred from the sums.)
  assert.deepEqual(
    ['total', 'basic'].map((k) => r.amounts[k]?.inferred ?? false),
    [false, false],
  );
  assert.equal(r.unplaced, undefined);
});

test('PDF: a continuation page without a header ruled on a grid of its own (a new section of the table): its cells say nothing of the page before’s columns', async () => {
  const r = await ruledContinuationRow([30, 150, 310, 420, 530]);
  // (Not placed by where they stand: at most inferred from the sums.)
  assert.ok(
    ['total', 'basic', 'project'].every((k) => !r.amounts[k] || r.amounts[k].inferred === true),
    JSON.stringify(r.amounts),
  );
});

test('text: a procurement table of whole amounts continued on a page set on a grid of its own, without its header: its code parts and counts are found under the page before’s headings taken onto its grid, not read as amounts', () => {
  // pdftotext sets each page on a grid of its own: on the second page the columns right of the names
  // stand 17 characters further left, the names 5. (The total prints eight digits: in text, whole figures of a
  // code's length alone make no column.)
  const row = (shift: number, lead: number, parts: string[], name: string, item: string, count: string, econ: string[], amount: string) => {
    const cells: Array<[number, string]> = parts.map((p, j) => [[0, 6, 11][j]!, p]);
    cells.push([24 - lead, name], [56 - lead - 1, item]);
    if (count) cells.push([93 - shift - count.length, count]);
    econ.forEach((p, j) => cells.push([[94, 100, 105, 111][j]! - shift, p]));
    cells.push([124 - shift - amount.length, amount]);
    return at(...cells);
  };
  const lines = [
    at([40, '表12 部门综合预算政府采购预算表']),
    at([120, '单位：元']),
    at([2, '科目编码'], [40, '采购项目'], [66, '采购目录'], [86, '数量'], [96, '经济分类科目编码'], [116, '预算金额']),
    at([1, '类    款    项'], [96, '类   款    类     款']),
    row(0, 0, [], '合计', '', '9', [], '11530000'),
    row(0, 0, ['210', '15', '05'], '系统运维费', 'C0206运行维护服务', '1', ['302', '13', '502', '09'], '9990000'),
    row(0, 0, ['210', '15', '05'], '办公设备购置', 'A02010104台式计算机', '5', ['310', '02', '503', '06'], '120000'),
    '\f' + row(17, 5, ['210', '15', '06'], '宣传费', 'C0806广告服务', '1', ['302', '99', '502', '99'], '1414000'),
    row(17, 5, ['210', '15', '06'], '印刷费', 'C081401印刷服务', '2', ['302', '99', '502', '99'], '6000'),
  ];
  const t = table(fromLines(lines), /政府采购预算表/);
  const key = t.columns.find((c) => c.header.join('/') === '预算金额')?.key ?? assert.fail(`no 预算金额: ${t.columns.map((c) => c.header.join('/')).join(' | ')}`);
  const yuan = (s: string) => parseAmount(s, '元');
  assert.deepEqual(
    t.rows.map((r) => [r.label.replace(/[A-Z]\d.*$/u, ''), fen(r, key), r.texts?.['数量']?.text ?? null, r.unplaced?.map((m) => m.src?.raw) ?? []]),
    [
      ['合计', yuan('11530000'), '9', []],
      ['系统运维费', yuan('9990000'), '1', []],
      ['办公设备购置', yuan('120000'), '5', []],
      ['宣传费', yuan('1414000'), '1', []],
      ['印刷费', yuan('6000'), '2', []],
    ],
  );
});

test('text: a second classification printed beside the row’s, its code and name in cells of their own (30101 基本工资 50101 工资奖金津补贴): the row is named by its own, the other kept apart', () => {
  const lines = [
    at([35, '表8 部门综合预算一般公共预算基本支出明细表（按支出经济分类科目）']),
    at([120, '单位：元']),
    at([2, '部门经济科目编码'], [24, '部门经济科目名称'], [46, '政府经济科目编码'], [64, '政府经济科目名称'], [82, '合计'], [100, '人员经费支出']),
    at([36, '合计'], [79, '7,587,700.98'], [97, '7,587,700.98']),
    at([0, '301'], [14, '工资福利支出'], [79, '7,587,700.98'], [97, '7,587,700.98']),
    at([6, '30101'], [14, '基本工资'], [41, '50101'], [59, '工资奖金津补贴'], [79, '3,868,678.80'], [97, '3,868,678.80']),
    at([6, '30102'], [14, '津贴补贴'], [41, '50101'], [59, '工资奖金津补贴'], [79, '3,719,022.18'], [97, '3,719,022.18']),
  ];
  const t = table(fromLines(lines), /基本支出明细表/);
  assert.deepEqual(
    t.rows.filter((r) => r.code?.startsWith('301')).map((r) => [r.code, r.label, r.texts?.['code2']?.text ?? null, fen(r, 'total')]),
    [
      ['301', '工资福利支出', null, parseAmount('7,587,700.98', '元')],
      ['30101', '基本工资', '50101-工资奖金津补贴', parseAmount('3,868,678.80', '元')],
      ['30102', '津贴补贴', '50101-工资奖金津补贴', parseAmount('3,719,022.18', '元')],
    ],
  );
});

test('text: an economic code printed in parts under a letter-spaced heading read as one word (类   款   类   款): the parts right of the word are the code’s, no figures', () => {
  const lines = [
    at([36, '表12 部门综合预算政府采购预算表']),
    at([98, '金额单位：元']),
    at([12, '科目编码'], [70, '部门预算支出经济科目编码']),
    at([24, '单位编码'], [38, '采购项目'], [51, '采购目录'], [66, '数量'], [97, '预算金额']),
    at([6, '类'], [13, '款'], [19, '项'], [74, '类   款   类   款']),
    at([39, '合计'], [67, '3'], [97, '1765000']),
    at([6, '220'], [13, '05'], [19, '07'], [36, '西安市某某局'], [67, '3'], [97, '1765000']),
    at([6, '220'], [13, '05'], [19, '07'], [35, '预警平台运维'], [50, 'C0301电信服务'], [67, '1'], [75, '302'], [81, '07'], [86, '502'], [92, '01'], [97, '142500']),
    at([6, '220'], [13, '05'], [19, '07'], [35, '防雷执法经费'], [51, 'C0903气象服务'], [67, '2'], [75, '302'], [81, '27'], [86, '502'], [92, '05'], [97, '1622500']),
  ];
  const t = table(fromLines(lines), /政府采购预算表/);
  const key = t.columns.find((c) => c.header.join('/') === '预算金额')?.key ?? assert.fail(`no 预算金额: ${t.columns.map((c) => c.header.join('/')).join(' | ')}`);
  const yuan = (s: string) => parseAmount(s, '元');
  assert.deepEqual(
    t.rows.map((r) => [r.label.replace(/[A-Z]\d.*$/u, ''), fen(r, key), r.unplaced?.map((m) => m.src?.raw) ?? []]),
    [
      ['合计', yuan('1765000'), []],
      ['西安市某某局', yuan('1765000'), []],
      ['预警平台运维', yuan('142500'), []],
      ['防雷执法经费', yuan('1622500'), []],
    ],
  );
});

test('text: a procurement line prints after its project’s name its 品目 (采购目录), cells of its own and its economic codes split under 类 / 款: the name alone labels it, the others are kept apart', () => {
  const lines = [
    '                                                   部门综合预算政府采购（资产配置、购买服务）预算表',
    '                                                                                                                                  单位：元',
    '                                                                                             部门预算 政府预算',
    '科目编码                                                                                         支出经济 支出经济',
    '                单位编码             采购项目               采购目录     购买服务内容          规格型号   数量                         实施采购时间   预算金额            说明',
    '                                                                                             科目编码 科目编码',
    '类     款 项                                                                                    类   款   类    款',
    '                                                        合计                               5                               4,032,000.00',
    '201   08 01 1             全额                                                             5                               4,032,000.00',
    '201   08 01      117001   某某市某某局                                                         5                               4,032,000.00',
    '201   08 01               日常公用经费        C04070100体检服务                                    2 302   99 502   99               370,000.00',
    '201   08 01               购买中介机构审计服务    C19990000其他专业技术服务             1                  1 302   27 502   05             3,500,000.00',
    '201   08 01               审计培训          C02060000培训服务                 培训服务               1 302   16 502   03               150,000.00',
    '201   08 01               设备购置          A02021003A4 黑白打印机                                1 310   02 503   06                12,000.00',
  ];
  const t = table(fromLines(lines), /政府采购/);
  const key = t.columns.find((c) => c.header.join('/') === '预算金额')?.key ?? assert.fail(`no 预算金额: ${t.columns.map((c) => c.header.join('/')).join(' | ')}`);
  const yuan = (s: string) => parseAmount(s, '元');
  const text = (r: Row, k: string) => r.texts?.[k]?.text ?? null;
  assert.deepEqual(
    t.rows.filter((r) => r.kind === 'item').map((r) => [r.code, r.label, text(r, 'catalogue'), text(r, 'code2'), text(r, 'code3'), text(r, 'other'), text(r, '数量'), fen(r, key)]),
    [
      ['2010801', '日常公用经费', 'C04070100-体检服务', '30299', '50299', null, '2', yuan('370,000.00')],
      ['2010801', '购买中介机构审计服务', 'C19990000-其他专业技术服务', '30227', '50205', '1', '1', yuan('3,500,000.00')],
      ['2010801', '审计培训', 'C02060000-培训服务', '30216', '50203', '培训服务', '1', yuan('150,000.00')],
      ['2010801', '设备购置', 'A02021003-A4黑白打印机', '31002', '50306', null, '1', yuan('12,000.00')],
    ],
  );
});

test('text: a continuation page without a header whose column of figures ends as near two of the page before’s columns: which it is is not known, its figures stay unplaced', () => {
  // 财政资金 and 其他资金 end 8 characters apart on the first page; the second page's second column ends 4 from each.
  const p1 = (name: string, figs: string[]) => at([0, name], ...figs.map((f, j): [number, string] => [[20, 36, 44][j]! - f.length, f]));
  const p2 = (name: string, figs: string[]) => at([0, name], ...figs.map((f, j): [number, string] => [[20, 40][j]! - f.length, f]));
  const lines = [
    at([30, '预算11表 项目支出绩效目标表']),
    at([60, '金额单位：万元']),
    at([28, '其中：']),
    at([0, '项目名称'], [12, '项目总额'], [28, '财政资金'], [38, '其他资金']),
    p1('甲项目', ['300.00', '200.00', '100.00']),
    p1('乙项目', ['90.00', '60.00', '30.00']),
    '\f' + p2('丙项目', ['80.00', '80.00']),
  ];
  const t = table(fromLines(lines), /绩效目标表/);
  const keyOf = (h: string) => t.columns.find((c) => c.header.join('/').endsWith(h))?.key ?? assert.fail(`no ${h}: ${t.columns.map((c) => c.header.join('/')).join(' | ')}`);
  const keys = ['项目总额', '财政资金', '其他资金'].map(keyOf);
  assert.deepEqual(
    t.rows.map((r) => [r.label, ...keys.map((k) => fen(r, k)), r.unplaced?.map((m) => m.src?.raw) ?? []]),
    [
      ['甲项目', w('300.00'), w('200.00'), w('100.00'), []],
      ['乙项目', w('90.00'), w('60.00'), w('30.00'), []],
      ['丙项目', w('80.00'), null, null, ['80.00']],
    ],
  );
});
