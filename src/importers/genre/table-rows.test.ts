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
import { parseAmount } from '../../domain/money.js';
import type { BudgetDocument, Row, Table } from '../../domain/model.js';
import { buildPdf, type Run } from '../pdf/test-pdf.js';

const at = (...parts: Array<[number, string]>): string => parts.reduce((s, [col, text]) => s.padEnd(col) + text, '');
const fromText = (lines: string[]): Promise<BudgetDocument> => importBytes(new TextEncoder().encode(lines.join('\n') + '\n'), 'fixture.txt');
const table = (d: BudgetDocument, title: RegExp): Table => {
  const t = d.tables.find((x) => title.test(x.title.text));
  assert.ok(t, `no table ${title} in ${d.tables.map((x) => x.title.text).join(' | ')}`);
  return t;
};
const row = (t: Table, pick: (r: Row) => boolean): Row => {
  const r = t.rows.find(pick);
  assert.ok(r, `no such row in ${t.title.text}: ${t.rows.map((x) => x.label).join(' | ')}`);
  return r;
};
const fen = (r: Row, key: string) => r.amounts[key]?.fen ?? null;
const w = (s: string) => parseAmount(s, '万元');

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
