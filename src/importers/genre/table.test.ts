/**
 * The genre reader on real disclosures of the development corpus (../shared/corpus): each case names
 * the document, the table and what it prints, and checks what the reader made of it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readSourceText } from '../text/source.js';
import { readPdf } from '../pdf/index.js';
import { importGenericSource } from './index.js';
import { segment } from './segment.js';
import type { BudgetDocument } from '../../domain/model.js';
import { fen, row, table, w } from './test-tables.js';
import { parseAmount } from '../../domain/money.js';

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));

async function doc(name: string, from: 'txt' | 'pdf'): Promise<BudgetDocument> {
  const bytes = readFileSync(`${CORPUS}${from}/${name}.${from}`);
  const src = from === 'pdf' ? (await readPdf(bytes, `${name}.pdf`)).source : readSourceText(bytes, `${name}.txt`);
  return importGenericSource(src);
}

test('a two-sided 收支总表 (suzhou-data 公开01表): revenue and expenditure sides, classes named by their codes', async () => {
  const t = table(await doc('suzhou-data-bureau-2026-budget', 'txt'), /公开01表收支总表/);
  assert.deepEqual(t.sides, { revenue: 'amount', expenditure: 'amount' });
  const general = row(t, (r) => r.side === 'revenue' && r.code === 'general');
  assert.equal(general.label, '一、一般公共预算拨款收入');
  assert.equal(fen(general, 'amount'), w('64,090.74'));
  const c201 = row(t, (r) => r.side === 'expenditure' && r.code === '201');
  assert.equal(c201.codeResolved, 'by-name');
  assert.equal(fen(c201, 'amount'), w('4,523.04'));
  const totals = t.rows.filter((r) => r.kind === 'total');
  assert.deepEqual(
    totals.map((r) => [r.side, fen(r, 'amount')]),
    [
      ['revenue', w('64,090.74')],
      ['expenditure', w('64,090.74')],
    ],
  );
});

test('a three-line header (beijing-audit 预算02表, PDF): groups over runs of columns, wrapped labels joined, empty columns kept', async () => {
  const t = table(await doc('beijing-audit-bureau-2026-budget', 'pdf'), /预算02表收入总表/);
  const keys = t.columns.map((c) => c.key);
  for (const k of [
    'total',
    'current',
    'general',
    'govFund',
    'stateCapital',
    'specialAccount',
    'business',
    'operating',
    'superior',
    'subordinate',
    'otherIncome',
    'carryOver',
    'carryOver.general',
    'carryOver.unitFunds',
  ])
    assert.ok(keys.includes(k), `${k} in ${keys.join(',')}`);
  assert.deepEqual(t.columns.find((c) => c.key === 'general')!.header, ['本年收入', '一般公共预算资金']);
  const r = t.rows[0]!;
  assert.deepEqual(
    ['total', 'current', 'general', 'otherIncome', 'carryOver', 'carryOver.general', 'carryOver.unitFunds'].map((k) => fen(r, k)),
    ['32,852.053832', '32,380.090089', '32,365.090089', '15.000000', '471.963743', '436.846550', '35.117193'].map(w),
  );
  assert.equal(r.amounts['govFund'], null);
});

test('a header 小计 under 基本支出 is 基本支出 (suzhou-data 公开07表): total = basic + project, basic = personnel + public', async () => {
  const t = table(await doc('suzhou-data-bureau-2026-budget', 'pdf'), /公开07表/);
  assert.deepEqual(
    t.columns.map((c) => c.key),
    ['total', 'basic', 'personnel', 'public', 'project'],
  );
  const r = row(t, (x) => x.code === '201');
  assert.deepEqual(
    ['total', 'basic', 'personnel', 'public', 'project'].map((k) => fen(r, k)),
    ['4,523.04', '2,919.84', '2,556.25', '363.59', '1,603.20'].map(w),
  );
  const c = row(t, (x) => x.code === '2010302');
  assert.equal(c.parent, row(t, (x) => x.code === '20103').id);
  assert.deepEqual([fen(c, 'total'), fen(c, 'basic'), fen(c, 'project')], [w('306.00'), null, w('306.00')]);
});

test('类 / 款 / 项 columns where a row prints only its own digits (yantai-audit 收入总体情况表, PDF) give full codes', async () => {
  const t = table(await doc('yantai-audit-bureau-2026-budget', 'pdf'), /收入总体情况表$/);
  const codes = t.rows.filter((r) => r.codeSystem === 'function').map((r) => r.code);
  assert.deepEqual(codes.slice(0, 6), ['201', '20108', '2010801', '2010804', '2010850', '2010899']);
  const r = row(t, (x) => x.code === '2010804');
  assert.equal(r.label, '审计业务');
  assert.equal(r.parent, row(t, (x) => x.code === '20108').id);
  assert.equal(fen(r, 'total'), w('592.50'));
});

test('figures whose decimals pdftotext printed on the next line are joined, the printed pieces kept (chongqing-commerce 表二)', async () => {
  const t = table(await doc('chongqing-commerce-commission-2026-budget', 'txt'), /表二/);
  const total = row(t, (r) => r.kind === 'total');
  assert.equal(fen(total, 'total'), w('174,900.64'));
  assert.equal(total.amounts['total']!.src!.raw, '174,900\n.64');
  const r = row(t, (x) => x.code === '2011302');
  assert.equal(fen(r, 'total'), w('3,065.17'));
});

test('a label wrapped around its row joins it (shenzhen-statistics 表4: 机关事业单位基本养老保险缴 / 196.80 … / 费)', async () => {
  const t = table(await doc('shenzhen-statistics-bureau-2026-budget', 'txt'), /表4基本支出总表/);
  const r = row(t, (x) => x.label === '机关事业单位基本养老保险缴费');
  assert.equal(r.code, '30108');
  assert.equal(fen(r, 'total'), w('196.80'));
  assert.ok(!t.rows.some((x) => x.label === '费'));
});

test('a continuation page without its header takes the columns whose figures end nearest (suzhou-science 公开03表)', async () => {
  const t = table(await doc('suzhou-science-technology-bureau-2026-unit-budget', 'txt'), /公开03表/);
  const r = row(t, (x) => x.code === '2080501');
  assert.deepEqual([fen(r, 'total'), fen(r, 'basic'), fen(r, 'project')], [w('31.47'), w('31.47'), null]);
});

test('the units of a per-unit table (guangzhou-statistics 收入总体情况表, PDF): a unit name wrapped around its row, the total their sum', async () => {
  const t = table(await doc('guangzhou-statistics-bureau-2026-budget', 'pdf'), /^表2收入总体情况表/);
  const units = t.rows.filter((r) => r.kind === 'unit');
  assert.deepEqual(
    units.map((r) => r.label),
    ['广州市统计局', '广州市统计普查中心', '广州市统计监测中心（广州市统计发展中心）'],
  );
  // 6,748.28 + 1,373.74 + 1,361.71 = 9,483.73 against a printed 9,483.72: a rounding remainder of the
  // document's, within half a cent per unit.
  const sum = units.reduce((s, r) => s + (fen(r, 'total') ?? 0), 0);
  assert.ok(
    Math.abs(
      sum -
        fen(
          row(t, (r) => r.kind === 'total'),
          'total',
        )!,
    ) <=
      units.length * 5000,
  );
});

test('a row of amounts without a label is a row (beijing-audit 预算09表 三公)', async () => {
  const t = table(await doc('beijing-audit-bureau-2026-budget', 'pdf'), /预算09表/);
  assert.equal(t.rows.length, 1);
  assert.deepEqual(
    ['overseas', 'reception', 'vehicles', 'vehiclePurchase', 'vehicleRunning'].map((k) => fen(t.rows[0]!, k)),
    ['173.520000', '6.000000', '65.328000', '37.380000', '27.948000'].map(w),
  );
});

test('a 三公 table whose year headings stand off their blocks’ middles in text: each heads its whole block, and the columns are named as the rows add up (xian-healthcare-security 2022, text)', async () => {
  // (Its header once came out with 2021年 over part of its block only; the columns the rows did not add up to
  // were then left unnamed with a note, columns-unconfirmed. Each year now scopes its block, as in the PDF.)
  const d = await doc('xian-healthcare-security-bureau-2022-budget', 'txt');
  const t = table(d, /三公经费、会议费、培训费表/);
  assert.ok(!d.importNotes.some((n) => n.code === 'columns-unconfirmed' && n.table === t.id));
  const yuan = (s: string) => parseAmount(s, '元');
  assert.deepEqual(
    ['prior.threePublic', 'prior.reception', 'prior.meeting', 'prior.training', 'threePublic', 'vehicles', 'meeting', 'training', 'change.threePublic', 'change.training'].map((k) =>
      fen(t.rows[0]!, k),
    ),
    ['30400', '30400', '147850', '373550', '35000', '25000', '202300', '390000', '4600', '16450'].map(yuan),
  );
});

test('a contents page is no table; a title whose number is printed on the line above is one title (shenzhen-statistics)', () => {
  const src = readSourceText(readFileSync(`${CORPUS}txt/shenzhen-statistics-bureau-2026-budget.txt`), 'x.txt');
  const seg = segment(src);
  const titles = seg.tables.map((t) => t.title);
  assert.equal(titles[0], '表1收支总表');
  assert.equal(titles.filter((t) => /收支总表$/.test(t) && !/财政拨款/.test(t)).length, 1, 'the three pages of 表1 are one table');
  assert.ok(!titles.some((t) => /^（一）/.test(t)), 'the list of tables in the contents is not a table');
});

test('a narrative-only file has no table and is still a disclosure (beijing-transport)', async () => {
  const d = await doc('beijing-transport-commission-2026-budget', 'txt');
  assert.equal(d.tables.length, 0);
  assert.equal(d.year, 2026);
  assert.equal(d.unit.name, '北京市交通委员会');
});

test('covers: the unit between the year and the kind, wrapped over lines, or named in a form; "（本级）" kept, "（汇总）" dropped', async () => {
  const cases: Array<[string, string, string]> = [
    ['yantai-audit-bureau-2026-budget', '烟台市审计局', '部门预算'],
    ['fuzhou-commerce-bureau-2026-budget', '福州市商务局', '部门预算'],
    ['quanzhou-market-regulation-monitoring-tech-support-center-2026-unit-budget', '泉州市市场监管综合监测与技术保障中心', '单位预算'],
    ['beijing-audit-bureau-2026-budget', '北京市审计局', '部门预算'],
    ['huzhou-veterans-affairs-bureau-2026-budget', '湖州市退役军人事务局', '部门预算'],
    ['shanghai-data-bureau-2026-unit-budget', '上海市数据局', '单位预算'],
    // The organ's own budget beside the department's whole one: "（本级）" is which budget this is.
    ['shenzhen-statistics-bureau-2026-budget', '深圳市统计局（本级）', '部门预算'],
    ['quanzhou-govt-office-benji-2026-unit-budget', '泉州市人民政府办公室（本级）', '单位预算'],
    ['fuzhou-science-technology-bureau-2026-unit-budget', '福州市科学技术局（本级）', '单位预算'],
    // "（汇总）" only says what 部门预算 says.
    ['xian-audit-bureau-2026-budget', '西安市审计局', '部门预算'],
  ];
  for (const [name, unit, kind] of cases) {
    const d = await doc(name, 'txt');
    assert.deepEqual([d.unit.name, d.kind, d.year], [unit, kind, 2026], name);
  }
});

test('the cover title: wrapped over up to four lines, never a line of the contents or a numbered heading after it, and not a paragraph of the narrative', async () => {
  const cases: Array<[string, string | null]> = [
    // "2026年" / "广州市统计局部门预算", then 目录 with "第二部分 2026年部门预算表" (read as the title before).
    ['guangzhou-statistics-bureau-2026-budget', '2026年广州市统计局部门预算'],
    // Four lines: "2026 年度" / the name / "（本级）" / "单位预算"; the contents print "第二部分 2026 年度单位预算表 …… 8".
    ['quanzhou-govt-office-benji-2026-unit-budget', '2026年度泉州市人民政府办公室(本级)单位预算'],
    // "湖州市退役军人事务局 2026 年" / "部门预算"; the contents' "二、2026 年湖州市…部门预算安排情况说明" is a heading.
    ['huzhou-veterans-affairs-bureau-2026-budget', '湖州市退役军人事务局2026年部门预算'],
    // A running head "部门预算公开" above the title is not part of it.
    ['wuxi-development-reform-commission-2025-budget', '无锡市发展和改革委员会2025年度部门预算公开'],
    ['hangzhou-meteorological-bureau-2026-budget', '杭州市气象局2026年度部门预算'],
    // No cover at all (a tables-only file): no title.
    ['beijing-audit-bureau-2026-budget', null],
  ];
  for (const [name, title] of cases) {
    for (const format of ['txt', 'pdf'] as const) {
      const d = await doc(name, format);
      assert.equal(d.title?.text ?? null, title, `${name}.${format}`);
      // The title is the document's, not a paragraph of its narrative (a package printed it as a page of its own).
      const at = d.title?.src;
      const paragraphs = d.narrative.parts.flatMap((p) => p.sections.flatMap((s) => s.paragraphs));
      if (at)
        assert.deepEqual(
          paragraphs.filter((p) => p.src.page === at.page && p.src.line === at.line).map((p) => p.text),
          [],
          `${name}.${format}: the title in the narrative`,
        );
    }
  }
});

test('a group over a group (shanghai-data 三公经费和机关运行经费预算表, PDF): 合计 and the items under “三公”经费预算数, 购置费 / 运行费 under 公务用车', async () => {
  const t = table(await doc('shanghai-data-bureau-2026-unit-budget', 'pdf'), /三公经费和机关运行经费预算表/);
  assert.deepEqual(t.columns.find((c) => c.key === 'vehicleRunning')?.header, ['三公经费预算数', '公务用车购置及运行费', '运行费']);
  const r = t.rows[0]!;
  assert.deepEqual(
    ['threePublic', 'overseas', 'reception', 'vehicles', 'vehicleRunning'].map((k) => fen(r, k)),
    ['143.14', '109.14', '20.00', '14.00', '14.00'].map(w),
  );
  assert.equal(r.amounts['vehiclePurchase'], null);
});

/** A document read from text as pdftotext prints it (lines as given). */
const fromText = (text: string): BudgetDocument => importGenericSource(readSourceText(Buffer.from(text, 'utf8'), 'fixture.txt'));

test('a unit name wrapped over several lines, its figures centred, blank lines between rows (text): one row per name', () => {
  const d = fromText(
    [
      '                         表2：2026年部门收入预算总表',
      '部门名称：某某市某某局                                             单位：万元',
      '    单位名称          总计          一般公共预算          其他收入',
      '合计                 300.00            290.00             10.00',
      '',
      '某某市某某局          300.00            290.00             10.00',
      '',
      ' 某某市某某',
      '                     120.00            120.00',
      '局',
      '',
      ' 某某市某某',
      '局监所管理支',
      '                     180.00            170.00             10.00',
      '队（留置看护',
      '管理支队）',
      '',
    ].join('\n'),
  );
  const t = table(d, /收入预算总表/);
  assert.deepEqual(
    t.rows.map((r) => [r.label, fen(r, 'total')]),
    [
      ['合计', w('300.00')],
      ['某某市某某局', w('300.00')],
      ['某某市某某局', w('120.00')],
      ['某某市某某局监所管理支队（留置看护管理支队）', w('180.00')],
    ],
  );
});

test('unit names wrapped around their figures (hangzhou-public-security 表2, PDF): rows cut where the figures are centred', async () => {
  for (const from of ['pdf', 'txt'] as const) {
    const t = table(await doc('hangzhou-public-security-bureau-2026-budget', from), /收入预算总表/);
    const labels = t.rows.map((r) => r.label);
    // (总计 is named from the PDF; in pdftotext text 本年收入 stands columns away from its 小计, both stay unnamed.)
    const key = from === 'pdf' ? 'total' : 'c0_1';
    assert.ok(!labels.includes('杭州市公安'), `${from}: ${labels.join(' | ')}`);
    assert.equal(
      fen(
        row(t, (r) => r.label === '杭州市公安局监所管理支队（留置看护管理支队）'),
        key,
      ),
      w('22,199.42'),
      from,
    );
    assert.equal(
      fen(
        row(t, (r) => r.label === '杭州市公安局巡特警支队'),
        key,
      ),
      w('26,263.80'),
      from,
    );
    // "18,536.8" over "8" (the figure wrapped in its cell, its last digit under the row's line): 18,536.88.
    const total = row(t, (r) => r.label === '合计');
    assert.equal(fen(total, 'business'), w('18,536.88'), from);
    assert.deepEqual(total.unplaced ?? [], [], from);
  }
});

test('a figure head between two rows whose last digit is lost: both rows unsure, neither holds it as known', () => {
  const d = fromText(
    [
      '                         表1：2026年收支预算总表',
      '                                                     单位：万元',
      '              收入                                支出',
      '         项目          预算数                   项目         预算数',
      '一、一般公共预算拨款收入           23195.94   一、一般公共服务支出            2943.48',
      '二、政府性基金预算拨款收入           1800.00   八、社会保障和就业支出            987.77',
      '九、其他收入                            十一、城乡社区支出             1800.00',
      '                                  十五、商业服务业等支出          18800.00',
      '                                  十九、住房保障支出              464.69',
      '                                  二十六、债务发行费用支出',
      '                                                     24995.9',
      '   本年收入合计           24995.94         本年支出合计',
      '上年结转结余                    0.00    结转下年支出                  0.00',
      '',
    ].join('\n'),
  );
  const t = table(d, /收支预算总表/);
  for (const label of ['二十六、债务发行费用支出', '本年支出合计']) {
    const r = row(t, (x) => x.side === 'expenditure' && x.label === label);
    assert.equal(r.amounts['amount'] ?? null, null, label);
    assert.deepEqual(
      r.unplaced?.map((m) => m.fen),
      [w('24995.9')],
      label,
    );
  }
});

test('a table printing its figures without trailing zeros ("0", "594390.8"): a figure with one decimal is whole, not cut short', () => {
  const lines = [
    '表7',
    '              2022年部门综合预算一般公共预算基本支出明细表（按支出功能分类科目）',
    '                                                                                              单位：元',
    '',
    '  功能科目编码                     功能科目名称     合计                 人员经费支出           公用经费支出           备注',
    '',
    '                   合计                        23111876.62      21477243.45       1634633.17',
    '208                社会保障和就业支出                  1948860.94       1948860.94               0',
    '      20805        行政事业单位养老支出                1934653.65       1934653.65               0',
    '         2080505   机关事业单位基本养老保险缴费支出          1282574.11       1282574.11               0',
    '         2080506   机关事业单位职业年金缴费支出             652079.54        652079.54               0',
    '      20899        其他社会保障和就业支出                   14207.29         14207.29               0',
    '         2089999   其他社会保障和就业支出                   14207.29         14207.29               0',
    '210                卫生健康支出                    18864687.42      17230054.25       1634633.17',
    '      21011        行政事业单位医疗                    789417.06        789417.06               0',
    '         2101101   行政单位医疗                        594390.8         594390.8               0',
    '         2101103   公务员医疗补助                      195026.26        195026.26               0',
    '      21015        医疗保障管理事务                  18075270.36      16440637.19       1634633.17',
    '         2101501   行政运行                        18075270.36      16440637.19       1634633.17',
    '221                住房保障支出                     2298328.26       2298328.26               0',
    '      22102        住房改革支出                     2298328.26       2298328.26               0',
    '         2210201   住房公积金                      1514331.7        1514331.7                0',
    '         2210203   购房补贴                       783996.56        783996.56                0',
  ];
  const t = table(importGenericSource(readSourceText(Buffer.from(lines.join('\n') + '\n', 'utf8'), 'fixture.txt')), /基本支出明细表/);
  for (const [code, printed] of [
    ['2101101', '594390.8'],
    ['2210201', '1514331.7'],
  ] as const) {
    const r = row(t, (x) => x.code === code);
    assert.equal(r.unplaced, undefined, code);
    assert.equal(fen(r, 'total'), parseAmount(printed, '元'), code);
  }
});

test('a figure whose decimals pdftotext set one space apart ("25180591 .33") on lines one under another: each line keeps its own decimals', () => {
  const lines = [
    '表1',
    '                      2022年部门综合预算收支总表',
    '                                                         单位：元',
    '        收入                                     支出',
    '    项目                    预算数          项目                      预算数',
    '一、部门预算                  25180591 .33 一、一般公共服务支出            25180591.33',
    ' 1、财政拨款                 25180591 .33 二、外交支出                          0.00',
    '  (1)一般公共预算拨款           25180591 .33 三、国防支出                          0.00',
    '本年收入合计                  25180591.33 本年支出合计                  25180591.33',
  ];
  const t = table(importGenericSource(readSourceText(Buffer.from(lines.join('\n') + '\n', 'utf8'), 'fixture.txt')), /收支总表/);
  for (const label of ['一、部门预算', '1、财政拨款', '（1）一般公共预算拨款']) {
    const r = row(t, (x) => x.side === 'revenue' && x.label === label);
    assert.equal(r.unplaced, undefined, label);
    assert.equal(r.amounts['amount']?.fen, parseAmount('25180591.33', '元'), label);
    assert.equal(r.amounts['amount']?.src?.raw, '25180591 .33', label);
    assert.equal(r.amounts['amount']?.src?.line, r.src.line, label);
  }
});

test('two columns whose figures run together in the text: a lone figure there is not placed', () => {
  const d = fromText(
    [
      '      表5：2026年一般公共预算支出预算表',
      '部门名称：某某市某某局                                             单位：万元',
      '    功能分类科目名称          合计          基本支出    日常公用支出   项目支出',
      '合计                       300.00          100.00    120.00 80.00',
      '  行政运行                 220.00          100.00    120.00',
      '  其他公安支出              80.00                             80.00',
      '',
    ].join('\n'),
  );
  const t = table(d, /一般公共预算支出预算表/);
  const other = row(t, (r) => r.label === '其他公安支出');
  assert.deepEqual(
    other.unplaced?.map((m) => m.fen),
    [w('80.00')],
  );
  const run = row(t, (r) => r.label === '行政运行');
  assert.deepEqual(
    run.unplaced?.map((m) => m.fen),
    [w('120.00')],
  );
});

test('where a table prints its decimals apart from their figures, an integer part left without its decimals is unknown, not a whole figure (chongqing-meteorological 表四); decimals wrapped under their figure at the foot of a page are its own (表三)', async () => {
  const d = await doc('chongqing-meteorological-bureau-2026-budget', 'txt');
  // pdftotext printed the ".73" of "(一)一般公共预算资金" above its "12,572": the value is not known, so no sum rests on 12,572.00.
  const r = row(table(d, /表四/), (x) => x.label === '（一）一般公共预算资金');
  assert.equal(fen(r, 'amount'), null);
  assert.deepEqual(
    r.unplaced?.map((m) => m.src?.raw),
    ['12,572'],
  );
  // "8,252" over ".34", the last line of its page (as on the page before: no running footer).
  const t = table(d, /表三/);
  for (const code of ['220', '22005'])
    assert.deepEqual(
      [
        fen(
          row(t, (x) => x.code === code),
          'project',
        ),
        fen(
          row(t, (x) => x.code === code),
          'basic',
        ),
      ],
      [w('8,252.34'), w('5,621.02')],
      code,
    );
});

test('a figure whose decimals wrapped onto the last line of its page keeps them (chongqing-commerce 表八: 公务接待费 121 over .07)', async () => {
  const t = table(await doc('chongqing-commerce-commission-2026-budget', 'txt'), /表八/);
  assert.equal(t.rows.length, 1);
  const r = t.rows[0]!;
  assert.deepEqual([fen(r, 'total'), fen(r, 'overseas'), fen(r, 'vehicles'), fen(r, 'reception')], [w('890.97'), w('552.00'), w('217.90'), w('121.07')]);
  assert.equal(r.unplaced, undefined);
});

const SAMPLES = fileURLToPath(new URL('../../../../shared/samples/', import.meta.url));
const sample = (name: string): BudgetDocument => importGenericSource(readSourceText(readFileSync(`${SAMPLES}${name}`), name));

test('columns of whole figures apart from the decimal ones are columns of their own; a 款 printed without its zero (Shanghai Wanli sample)', () => {
  const d = sample('shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.txt');
  // "201 一般公共服务支出 2,932,700 2,932,700 0 0 0": the three columns of zeros are read as zeros.
  const r = row(table(d, /部门收入预算总表/), (x) => x.code === '201');
  assert.equal(r.unplaced, undefined);
  assert.deepEqual([fen(r, 'total'), fen(r, 'govApprop'), fen(r, 'business'), fen(r, 'otherIncome')], [293270000, 293270000, 0, 0]);
  // A one-row 三公 table: "47.91 0 1.35 46.56 25 21.56 443.18" in seven columns.
  const tp = table(d, /三公/).rows[0]!;
  assert.deepEqual([fen(tp, 'total'), fen(tp, 'overseas'), fen(tp, 'vehiclePurchase')], [w('47.91'), 0, w('25')]);
  // "301 2 津贴补贴" is 30102.
  assert.ok(table(d, /基本支出/).rows.some((x) => x.code === '30102' && x.label === '津贴补贴'));
});

test('figures printed above their rows: the 类 款 项 heading line is no row, the 合计 takes the figures above it (Shanghai finance bureau sample)', () => {
  const d = sample('shanghai-putuo-finance-bureau-2024-dept-final-accounts.txt');
  const t = table(d, /^支出决算表/);
  assert.ok(!t.rows.some((x) => /类款项/.test(x.label)));
  const total = row(t, (x) => x.label === '合计');
  assert.deepEqual([fen(total, 'total'), fen(total, 'basic'), fen(total, 'project')], [w('2,940.05'), w('2,336.91'), w('603.14')]);
  const run = row(t, (x) => x.code === '2010601');
  assert.deepEqual([fen(run, 'total'), fen(run, 'basic'), fen(run, 'project')], [w('1,511.89'), w('1,503.52'), w('8.37')]);
  // A right-hand panel's 类 printed on every line ("301 01 … 302") is a code, not a figure. Its one
  // column, 决算数, is the table's own figure: `total`.
  const econ = table(d, /基本支出决算表/);
  assert.ok(!econ.rows.some((x) => Object.values(x.amounts).some((m) => m?.src?.raw === '302')));
  assert.equal(
    fen(
      row(econ, (x) => x.code === '30108'),
      'total',
    ),
    w('160.75'),
  );
});

test('a tables-only file without a cover takes its year from the bracketed year under a table title (beijing-public-security 预算13表 "（2026年度）")', async () => {
  const d = await doc('beijing-public-security-bureau-2026-budget', 'txt');
  assert.equal(d.year, 2026);
  assert.ok(!d.importNotes.some((n) => n.code === 'year-unknown'));
});

test('a tables-only file takes its year from a subtitle line printing the year before a bracketed 年度 ("2026（年度）")', () => {
  const text = [
    '                              预算01表 收支总表',
    '                                                                   金额单位：万元',
    '          收    入                              支    出',
    '     项    目       预算数                 项    目       预算数',
    '一、一般公共预算拨款收入    100.00     一、一般公共服务支出        100.00',
    '       收入总计             100.00            支出总计             100.00',
    '',
    '                           预算13表 部门整体支出绩效目标表',
    '                                      2026（年度）',
    '',
    '     部门名称             某某市某某办公室',
    '',
  ].join('\n');
  const d = fromText(text);
  assert.equal(d.year, 2026);
  assert.ok(!d.importNotes.some((n) => n.code === 'year-unknown'));
  // Without the subtitle nothing names the year: it stays unknown and says so, not guessed.
  const none = fromText(text.replace('2026（年度）', ''));
  assert.equal(none.importNotes.filter((n) => n.code === 'year-unknown').length, 1);
});
