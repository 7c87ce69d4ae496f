/**
 * Errors fiscus once reported on real disclosures that the disclosures do not have (docs/corpus.md,
 * "Errors labelled false"), each cause as a rule about the genre, on a small hand-made document of the
 * genre's shape: what the reader makes of it, and that no error rests on what it could not read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importBytes } from '../../src/app/import-document.js';
import { validateDocument } from '../../src/app/validate.js';
import type { BudgetDocument, Row } from '../../src/domain/model.js';
import { fen, row, table, w } from '../../src/importers/genre/test-tables.js';
import { buildPdf, type Run } from '../../src/importers/pdf/test-pdf.js';
import { UNPLACED_TABLE_LINES } from '../support/unplaced.js';

const fromText = (lines: string[]): Promise<BudgetDocument> => importBytes(new TextEncoder().encode(lines.join('\n') + '\n'), 'fixture.txt');
const errorsOf = (d: BudgetDocument, rule: string) => validateDocument(d).findings.filter((f) => f.rule === rule && f.severity === 'error');

test('a 款 and a 项 named like their class (二、其他支出 / 其他支出 / 其他支出, names without codes) are nested under it, never coded as the class: the class is not counted twice', async () => {
  const d = await fromText([
    '                                 表6 财政拨款收支总表',
    '部门名称：某某市某某办公室                                                          单位：万元',
    '                  收入                                         支出',
    '         项目              2026 年预算数                   项目            2026 年预算数',
    '一、本年收入                     1,300.00       一、一般公共服务支出                  1,000.00',
    ' 1.一般公共预算拨款               1,300.00        政府办公厅（室）及相关机构事务           1,000.00',
    ' 2.政府性基金预算拨款                 0.00         行政运行                           1,000.00',
    '                                             二、其他支出                         300.00',
    '                                              其他支出                          300.00',
    '                                               其他支出                         300.00',
    '      本年收入合计                1,300.00          本年支出合计                   1,300.00',
    '      收入总计                    1,300.00          支出总计                      1,300.00',
    '',
    '                         表7 一般公共预算支出表（按功能分类）',
    '部门名称：某某市某某办公室                                                          单位：万元',
    '     科目编码        科目名称                       合计          基本支出          项目支出',
    '                   合计                       1,300.00          1,000.00            300.00',
    '     201           一般公共服务支出                1,000.00          1,000.00',
    '     20103         政府办公厅（室）及相关机构事务      1,000.00          1,000.00',
    '     2010301       行政运行                      1,000.00          1,000.00',
    '     229           其他支出                        300.00                              300.00',
    '     22999         其他支出                        300.00                              300.00',
    '     2299999       其他支出                        300.00                              300.00',
  ]);
  const t = table(d, /财政拨款收支总表/);
  const others = t.rows.filter((r) => r.side === 'expenditure' && /其他支出$/.test(r.label));
  assert.deepEqual(
    others.map((r) => [r.label, r.code ?? null, r.level, fen(r, 'amount')]),
    [
      ['二、其他支出', '229', 1, w('300.00')],
      ['其他支出', null, 2, w('300.00')],
      ['其他支出', null, 3, w('300.00')],
    ],
  );
  assert.equal(others[1]!.parent, others[0]!.id);
  assert.equal(others[2]!.parent, others[1]!.id);
  // Table 6's class 229 against table 7's: 300.00 both, not 600.00.
  assert.deepEqual(errorsOf(d, 'BUD-026'), []);
});

test('figures run together in a PDF cell ("345.6712,000.00"): each placed where the run’s glyphs put it, at its column’s edge (841d3d9; a run whose figures end at no column’s edge stays unplaced: table-rows.test.ts), no error on them', async () => {
  // A 收入总表 whose 一般公共预算 and 政府性基金 columns are so narrow that a wide figure of the second
  // starts where the first one's figure ends: the PDF's text runs of the two join into one.
  const SIZE = 8;
  const CH = SIZE / 2; // the CJK font's half-width ASCII glyph
  const H = 842;
  const runs: Run[] = [];
  const at = (x: number, line: number, text: string) => runs.push({ x, y: H - 60 - line * 14, size: SIZE, text, font: 'CJK' });
  // Right edges of the figure columns: 合计 | 一般公共预算 | 政府性基金 (a nine-character figure fills it).
  const RIGHT = [330, 380, 380 + 9 * CH];
  const figure = (col: number, line: number, text: string) => at(RIGHT[col]! - text.length * CH, line, text);
  at(160, 0, '2026年部门收入总体情况表');
  at(40, 1, '单位名称：某某市某某局');
  at(420, 1, '单位：万元');
  at(40, 2, '科目编码');
  at(120, 2, '科目名称');
  at(306, 2, '合计');
  at(348, 2, '一般公共');
  at(348, 3, '预算拨款');
  at(394, 2, '政府性基');
  at(394, 3, '金预算拨');
  at(394, 4, '款');
  const rows: Array<[string, string, string[]]> = [
    ['', '合计', ['12,345.67', '345.67', '12,000.00']],
    ['208', '社会保障和就业支出', ['12,345.67', '345.67', '12,000.00']],
    ['20805', '行政事业单位养老支出', ['345.67', '345.67', '']],
    ['2080505', '机关事业单位基本养老保险缴费支出', ['345.67', '345.67', '']],
    ['20822', '大中型水库移民后期扶持基金支出', ['12,000.00', '', '12,000.00']],
    ['2082201', '移民补助', ['12,000.00', '', '12,000.00']],
  ];
  rows.forEach(([code, name, figs], i) => {
    const line = 6 + i;
    if (code) at(40, line, code);
    at(code ? 100 : 150, line, name);
    figs.forEach((f, c) => f && figure(c, line, f));
  });
  const d = await importBytes(buildPdf([{ runs }]), 'fixture.pdf');
  const t = table(d, /收入总体情况表/);
  assert.ok(t.columns.some((c) => c.key === 'general') && t.columns.some((c) => c.key === 'govFund'), t.columns.map((c) => c.key).join(','));
  for (const pick of [(r: Row) => r.kind === 'total', (r: Row) => r.code === '208']) {
    const r = row(t, pick);
    assert.ok(!/\d/.test(r.label), r.label);
    assert.deepEqual([fen(r, 'total'), fen(r, 'general'), fen(r, 'govFund')], [w('12,345.67'), w('345.67'), w('12,000.00')], r.label);
    assert.equal(r.unplaced, undefined, r.label);
  }
  assert.equal(
    fen(
      row(t, (r) => r.code === '20805'),
      'general',
    ),
    w('345.67'),
  );
  assert.equal(
    fen(
      row(t, (r) => r.code === '2082201'),
      'govFund',
    ),
    w('12,000.00'),
  );
  const report = validateDocument(d);
  assert.equal(report.coverage.unknownCells, 0);
  assert.deepEqual(
    report.findings.filter((f) => f.severity === 'error' && ['BUD-002', 'BUD-011'].includes(f.rule)),
    [],
  );
});

test('figures run into their label and into each other in the text ("合计1,300.00300.00"): the label is the words, the figures are read and not placed', async () => {
  const d = await fromText(UNPLACED_TABLE_LINES);
  const t = table(d, /收入总表/);
  const total = row(t, (r) => r.kind === 'total');
  assert.equal(total.label, '合计');
  assert.deepEqual([fen(total, 'total'), fen(total, 'general')], [null, null]);
  assert.deepEqual(
    (total.unplaced ?? []).map((m) => m.fen),
    [w('1,300.00'), w('300.00')],
  );
  assert.equal(
    fen(
      row(t, (r) => r.code === '201'),
      'general',
    ),
    w('300.00'),
  );
});

test("a table continued on the next page, its header printed again on a grid set further left (pdftotext): the continuation's figures take the first page's columns, or none where the two pages' headers disagree; no error rests on a shift", async () => {
  const d = await fromText([
    '                                        公开表3',
    '                                          支出总体情况表',
    ' 部门（单位）：某某市某某局                                                                              单位：万元',
    '       科目编码',
    '                                  科目名称       合计              基本支出              项目支出            结转下年',
    ' 类      款     项',
    '                   合   计                          1,000.00            800.00          200.00',
    ' 201               一般公共服务支出                         200.00                            200.00',
    '        05         统计信息事务                           200.00                            200.00',
    '              07   专项普查活动                           200.00                            200.00',
    ' 210               卫生健康支出                           800.00            800.00',
    '        11         行政事业单位医疗                         800.00            800.00',
    '              01   行政单位医疗                           300.00            300.00',
    '\f                                        公开表3',
    '                                          支出总体情况表',
    ' 部门（单位）：某某市某某局                                                                          单位：万元',
    '       科目编码',
    '                               科目名称        合计             基本支出            项目支出   结转下年',
    ' 类      款     项',
    '              02   事业单位医疗                        300.00          300.00',
    '              03   公务员医疗补助                       200.00          200.00',
  ]);
  const t = table(d, /支出总体情况表/);
  // Which column holds a figure of each row: the first page's rows and the second page's alike.
  const keysOf = (r: Row) => Object.entries(r.amounts).flatMap(([k, m]) => (m ? [k] : []));
  const first = row(t, (r) => r.code === '2101101');
  assert.equal(first.src.page, 1);
  assert.equal(keysOf(first).length, 2);
  for (const [code, figure] of [
    ['2101102', '300.00'],
    ['2101103', '200.00'],
  ] as const) {
    const r = row(t, (x) => x.code === code);
    assert.equal(r.src.page, 2);
    // Placed only in the first page's columns; a figure whose column the two pages' headers name
    // differently is read and not placed.
    assert.ok(
      keysOf(r).every((k) => keysOf(first).includes(k)),
      `${code}: ${keysOf(r).join(',')} / ${keysOf(first).join(',')}`,
    );
    assert.deepEqual([...keysOf(r).map((k) => fen(r, k)), ...(r.unplaced ?? []).map((m) => m.fen)], [w(figure), w(figure)], code);
  }
  assert.deepEqual(errorsOf(d, 'BUD-011'), []);
});
