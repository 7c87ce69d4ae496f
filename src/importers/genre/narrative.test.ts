import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Fact, Narrative } from '../../domain/model.js';
import { parseAmount } from '../../domain/money.js';
import { readSourceText } from '../text/source.js';
import { isRowLine, readNarrative, tocLines } from './narrative.js';

/**
 * Lines of a corpus document (`../shared/corpus/txt/<name>.txt`, the `pdftotext -layout` text), quoted
 * with their line numbers: the fixture is placed at those lines so that facts point where the corpus
 * prints them.
 */
function read(lines: Array<[number, string]>): Narrative {
  const out: string[] = [];
  for (const [no, text] of lines) {
    while (out.length < no - 1) out.push('');
    out.push(text);
  }
  return readNarrative(readSourceText(new TextEncoder().encode(out.join('\n')), 'fixture.txt').lines);
}

const wan = (s: string) => parseAmount(s, '万元');
const keyed = (n: Narrative) => n.facts.filter((f) => f.key !== 'mention');
const of = (n: Narrative, key: string): Fact[] => n.facts.filter((f) => f.key === key);

/** The one fact with a key (fails when there is none or more than one). */
function one(n: Narrative, key: string): Fact {
  const found = of(n, key);
  assert.equal(found.length, 1, `exactly one fact ${key}, found ${found.length}: ${JSON.stringify(found.map((f) => f.label))}`);
  return found[0]!;
}

// shenzhen-statistics-bureau-2026-budget.txt
const SHENZHEN_TOTALS: Array<[number, string]> = [
  [1, '2026 年深圳市统计局（本级）部门预'],
  [2, '          算'],
  [125, '     第二部分         部门预算收支总体情况'],
  [127, '   2026 年深圳市统计局（本级）部门预算收入 5,417.80 万元，'],
  [129, '较 2025 年年初预算增加 206.09 万元，增长 4.0%。2026 年深圳'],
  [131, '市统计局（本级）部门预算支出 5,417.80 万元，较 2025 年年'],
  [133, '初预算增加 206.09 万元，增长 4.0%。'],
];

describe('readNarrative: totals and their change against last year', () => {
  const n = read(SHENZHEN_TOTALS);

  it('reads "<department>部门预算收入 X万元，较上年增加 Y万元，增长 Z%" into revenue.total and its change', () => {
    const total = one(n, 'revenue.total');
    assert.equal(total.money?.fen, wan('5,417.80'));
    assert.equal(total.money?.src?.raw, '5,417.80');
    assert.equal(total.src.line, 127);
    assert.equal(one(n, 'revenue.change.amount').money?.fen, wan('206.09'));
    assert.equal(one(n, 'revenue.change.percent').percent, '4.0');
  });

  it('reads the expenditure sentence that starts mid-line and wraps over two lines', () => {
    const total = one(n, 'expenditure.total');
    assert.equal(total.money?.fen, wan('5,417.80'));
    assert.equal(total.src.line, 129);
    assert.equal(total.src.endLine, 131);
    assert.equal(one(n, 'expenditure.change.amount').money?.fen, wan('206.09'));
    assert.equal(one(n, 'expenditure.change.percent').src.line, 133);
  });

  it('puts the part under its heading without the cover as a part of its own', () => {
    const part = n.parts.find((p) => p.title === '部门预算收支总体情况');
    assert.ok(part, JSON.stringify(n.parts.map((p) => p.title)));
    assert.equal(part.no, 2);
    assert.equal(part.sections[0]?.paragraphs.length, 1);
  });
});

describe('readNarrative: 三公 items stated under run-in titles', () => {
  // shenzhen-statistics-bureau-2026-budget.txt
  const n = read([
    [285, '第五部分      财政拨款“三公”经费预算情况'],
    [287, '  2026 年财政拨款“三公”经费预算 32.56 万元，较 2025 年'],
    [289, '年初预算减少 27.07 万元。'],
    [291, '  1.因公出国（境）费用。2026 年预算数 16.80 万元，较'],
    [293, '2025 年年初预算减少 27.07 万元，主要是根据主管部门审核情'],
    [295, '况安排因公出国（境）费用。'],
    [297, '  2.公务接待费。2026 年预算数 11.56 万元，较 2025 年年初'],
    [299, '预算增加 0.00 万元，主要是上级部门及外市统计部门来深公务'],
    [305, ' 等公务接待支出。'],
    [307, '  3.公务用车购置和运行维护费。2026 年预算数 4.20 万元，'],
    [309, '其中：'],
    [311, '  公务用车购置费 2026 年预算数 0.00 万元，较 2025 年年初'],
    [313, '预算增加 0.00 万元，主要是本单位 2026 年未安排经费于公务'],
    [315, '用车购置；'],
  ]);

  it('keys the total and its signed change', () => {
    assert.equal(one(n, 'three-public.total').money?.fen, wan('32.56'));
    assert.equal(one(n, 'three-public.change.amount').money?.fen, -wan('27.07'));
  });

  it('takes the subject of "2026 年预算数 X万元" from the run-in title before it', () => {
    const overseas = one(n, 'three-public.overseas');
    assert.equal(overseas.money?.fen, wan('16.80'));
    assert.match(overseas.label, /因公出国\(境\)费用/);
    assert.equal(one(n, 'three-public.overseas.change').money?.fen, -wan('27.07'));
    assert.equal(one(n, 'three-public.reception').money?.fen, wan('11.56'));
    assert.equal(one(n, 'three-public.vehicles').money?.fen, wan('4.20'));
    assert.equal(one(n, 'three-public.vehicle-purchase').money?.fen, 0);
  });
});

describe('readNarrative: numbers wrapped by pdftotext', () => {
  // chongqing-commerce-commission-2026-budget.txt: the decimals of each figure start the next line.
  const n = read([
    [57, '   二、部门收支总体情况'],
    [58, '   (一)收入预算:2026年年初预算数174,900'],
    [59, '                           .64万元,其中:一般公共预算拨款101,833'],
    [60, '                                                  .84万元,政府性基'],
    [61, '金预算拨款41,534'],
    [62, '          .73万元,财政专户管理资金22,070'],
    [63, '                             .82万元,事业收入资金 2,461'],
    [64, '                                              .25 万元,事业单位经营收'],
    [65, '入资金6,282'],
    [66, '       .98万元,其他收入资金717'],
    [67, '                     .01万元。收入比2025年减少 86,685'],
    [68, '                                           .29 万元,主要是一般公共预算拨'],
    [69, '款减少7,885'],
    [70, '       .67万元,政府性基金预算拨款减少 80,165'],
    [71, '                              .27 万元,财政专户管理资金增加 2,024'],
    [72, '                                                    .14 万元,事业'],
  ]);

  it('joins "174,900 / .64万元" into one amount and keeps the line break in its source', () => {
    const total = one(n, 'revenue.total');
    assert.equal(total.money?.fen, wan('174,900.64'));
    assert.equal(total.money?.src?.raw, '174,900\n.64');
    assert.equal(total.money?.src?.line, 58);
    assert.equal(total.money?.src?.endLine, 59);
  });

  it('reads the sources of the "其中" list and the changes whose sentence names its subject', () => {
    assert.equal(one(n, 'revenue.general').money?.fen, wan('101,833.84'));
    assert.equal(one(n, 'revenue.gov-fund').money?.fen, wan('41,534.73'));
    assert.equal(one(n, 'revenue.special-account').money?.fen, wan('22,070.82'));
    assert.equal(one(n, 'revenue.business').money?.fen, wan('2,461.25'));
    assert.equal(one(n, 'revenue.operating').money?.fen, wan('6,282.98'));
    assert.equal(one(n, 'revenue.other-income').money?.fen, wan('717.01'));
    assert.equal(one(n, 'revenue.change.amount').money?.fen, -wan('86,685.29'));
    assert.equal(one(n, 'revenue.general.change.amount').money?.fen, -wan('7,885.67'));
    assert.equal(one(n, 'revenue.special-account.change.amount').money?.fen, wan('2,024.14'));
  });

  it('does not join pieces a wide gap inside one line sets apart (the layout, not a wrap)', () => {
    // chongqing-commerce-commission-2026-budget.txt: ".22" belongs to a figure printed further on.
    const s = read([
      [108, '  四、“三公”经费情况说明'],
      [109, '  2026年 “三公”经费预算890             .22万元。其中:因公出国 (境)费用552万元,与'],
      [110, '                  .97万元,比2025年减少1'],
    ]);
    assert.equal(of(s, 'three-public.total').length, 0);
    assert.ok(!s.facts.some((f) => f.money?.fen === wan('890.22')));
    assert.equal(one(s, 'three-public.overseas').money?.fen, wan('552'));
  });
});

describe('readNarrative: lists, and changes after them', () => {
  // xian-audit-bureau-2026-budget.txt
  const n = read([
    [198, '  五、收支预算总体情况说明'],
    [200, '  按照综合预算的原则，本部门所有收入和支出均纳入部门预算管理。本部门当年预算收入'],
    [201, '4,203.47万元，其中：一般公共预算拨款4,005.29万元、上年实户资金余额98.18万元、其他收'],
    [203, '入100.00万元，较上年增加142.30万元，增长3.50%，增长的主要原因是：一方面，省厅下达的'],
    [204, '审计专项补助经费结余较上年增多，另一方面，部分干部职工补缴的集资建房款暂存于实户；'],
    [206, '本部门当年预算支出4,203.47万元，其中：一般公共预算拨款4,005.29万元、上年实户资金余'],
    [207, '额98.18万元、其他收入100.00万元，较上年增加142.30万元，增长3.50%，增长的主要原因'],
  ]);

  it('binds a change set off by a comma after a 、-list to the list head, not to its last item', () => {
    assert.equal(one(n, 'revenue.change.amount').money?.fen, wan('142.30'));
    assert.equal(one(n, 'revenue.change.percent').percent, '3.50');
    assert.equal(one(n, 'expenditure.change.amount').money?.fen, wan('142.30'));
    assert.equal(of(n, 'revenue.other-income.change.amount').length, 0);
  });

  it('keys a source by the side of its list: 一般公共预算拨款 of expenditure is expenditure.general', () => {
    assert.equal(one(n, 'revenue.general').money?.fen, wan('4,005.29'));
    assert.equal(one(n, 'expenditure.general').money?.fen, wan('4,005.29'));
  });

  it('does not key 其他收入 listed under expenditure, nor an unnamed fund, as a revenue source', () => {
    assert.equal(of(n, 'revenue.other-income').length, 1);
    assert.equal(of(n, 'revenue.other-income')[0]!.src.line, 201);
    const balance = n.facts.filter((f) => f.label === '上年实户资金余额');
    assert.equal(balance.length, 2);
    assert.ok(balance.every((f) => f.key === 'mention'));
  });

  it('reads the scope of a list head into its items: 一般公共预算拨款基本支出 → 人员经费 is expenditure.general.personnel', () => {
    // fuzhou-commerce-bureau-2026-budget.txt
    const f = read([
      [696, '五、一般公共预算拨款基本支出情况'],
      [697, '  2026 年度一般公共预算拨款基本支出 3861.25 万元，'],
      [698, '                                其中：'],
      [699, ' （一）人员经费 3551.21 万元，主要包括：基本工资、津贴'],
      [700, '补贴、奖金、伙食补助费、绩效工资、机关事业单位基本养老'],
      [705, ' （二）公用经费 310.04 万元，主要包括：办公费、印刷费、'],
    ]);
    assert.equal(one(f, 'expenditure.general.basic').money?.fen, wan('3861.25'));
    assert.equal(one(f, 'expenditure.general.personnel').money?.fen, wan('3551.21'));
    assert.equal(one(f, 'expenditure.general.public').money?.fen, wan('310.04'));
    assert.equal(of(f, 'expenditure.personnel').length, 0, 'never the department-wide key');
  });

  it('keeps the scope of a colon list: the 一般公共预算 part of procurement is not procurement.goods', () => {
    // chongqing-commerce-commission-2026-budget.txt
    const p = read([
      [122, '  (二)政府采购情况。所属各预算单位政府采购预算总额 6,546'],
      [123, '                                .82 万元:政府采购货物预算 1,267'],
      [124, '                                                    .79 万元、'],
      [125, '政府采购工程预算465'],
      [126, '          .53万元、政府采购服务预算 4,813'],
      [127, '                             .5 万元;其中一般公共预算拨款政府采购 5,499'],
      [128, '                                                      .84 万'],
      [129, '元:政府采购货物预算564'],
      [130, '            .79万元、政府采购工程预算121'],
    ]);
    assert.equal(one(p, 'procurement.total').money?.fen, wan('6,546.82'));
    assert.equal(one(p, 'procurement.goods').money?.fen, wan('1,267.79'));
    assert.equal(one(p, 'procurement.works').money?.fen, wan('465.53'));
    assert.equal(one(p, 'procurement.services').money?.fen, wan('4,813.5'));
    assert.equal(one(p, 'procurement.general.total').money?.fen, wan('5,499.84'));
    assert.equal(one(p, 'procurement.general.goods').money?.fen, wan('564.79'));
  });
});

describe('readNarrative: figures that must not get a semantic key', () => {
  it("leaves a project's carry-over a mention, not revenue.carry-over", () => {
    // shenzhen-port-office-2026-budget.txt
    const n = read([
      [189, '  3.上级转移支付项目 10,289.74 万元,主要包括：广深港高'],
      [191, '铁西九龙站内地口岸区物业管理服务 2,520.00 万元，上年结转'],
      [192, ' 122.31 万元，用于广深港高铁西九龙内地口岸区运行维护工作。'],
    ]);
    assert.deepEqual(keyed(n), []);
    const carry = n.facts.find((f) => f.money?.fen === wan('122.31'));
    assert.equal(carry?.key, 'mention');
    assert.equal(carry?.label, '上年结转');
  });

  it("leaves the figures of a subordinate unit's section mentions", () => {
    // shenzhen-public-works-bureau-2026-budget.txt: part 3 has one section per unit.
    const n = read([
      [1, '2026 年深圳市建筑工务署部门预算'],
      [140, '     第三部分        部门预算支出具体情况'],
      [142, '   一、市建筑工务署本级'],
      [144, '   市建筑工务署本级预算 14,480.17 万元，包括在职人员经'],
      [146, '费 3,169.47 万元、公用经费 751.34 万元、对个人和家庭的补'],
      [148, '助 支 出 376.30 万 元 、 增 人 增 资 316.95 万 元 、 项 目 支 出'],
      [150, '9,866.11 万元。'],
      [172, '  （五）项目支出 9,866.11 万元，具体包括：'],
    ]);
    assert.deepEqual(keyed(n), []);
    // Letter-spaced text reads as words: the label is the item's name.
    assert.ok(n.facts.some((f) => f.label === '对个人和家庭的补助支出' && f.money?.fen === wan('376.30')));
    assert.equal(n.facts.filter((f) => f.money?.fen === wan('9,866.11')).length, 2);
  });

  it("keys the department's own single section, named as on the cover", () => {
    // shenzhen-statistics-bureau-2026-budget.txt
    const n = read([
      [1, '2026 年深圳市统计局（本级）部门预'],
      [2, '          算'],
      [143, '      第三部分         部门预算支出具体情况'],
      [145, '   一、深圳市统计局（本级）'],
      [155, '   （一）在职人员经费 2,830.73 万元，主要是在职人员工资'],
      [159, '   （二）公用经费 502.22 万元，主要包括公用综合定额经费、'],
      [175, '  （五）项目支出 1,313.80 万元，具体包括：'],
    ]);
    assert.equal(one(n, 'expenditure.public').money?.fen, wan('502.22'));
    assert.equal(one(n, 'expenditure.project').money?.fen, wan('1,313.80'));
    // 在职人员经费 is not 人员支出 (which includes retirees' pay in the contract): a mention.
    assert.equal(n.facts.find((f) => f.money?.fen === wan('2,830.73'))?.key, 'mention');
  });

  it('does not take the SME share of procurement for the procurement total', () => {
    // samples/shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.txt
    const n = read([[876, '   2024年本部门面向中小企业预留政府采购项目预算金额664.98万元，其中，预留给小型和微型企业的政府采购项目预算为465.49万元。']]);
    assert.deepEqual(keyed(n), []);
    assert.equal(n.facts.length, 2);
  });

  it('does not key the budget a final account states beside the actual figure', () => {
    // samples/shanghai-putuo-finance-bureau-2024-dept-final-accounts.txt (wording of its 三公 paragraph)
    const n = read([[688, '   2024年度“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.40万元，完成年初预算的42.11%。']]);
    assert.equal(of(n, 'three-public.total').length, 0);
    assert.equal(n.facts.find((f) => f.money?.fen === wan('0.95'))?.key, 'mention');
  });
});

describe('readNarrative: function items and elided subjects', () => {
  // hangzhou-transport-bureau-2026-budget.txt
  const n = read([
    [336, '   （2）交通运输支出（类）超长期特别国债安排的支出'],
    [337, '（款）公路水路运输（项）预算为 177.92 万元，主要用于'],
    [338, '老旧船舶拆解补助资金。比上年执行数减少 5,635.94 万'],
    [339, '元，下降 96.9%，主要原因是2026年未安排新增预算，'],
    [340, '177.92 万元是上年结转的老旧船舶拆解补助资金。'],
  ]);

  it('labels a 类/款/项 item with its path', () => {
    const item = one(n, 'function.item');
    assert.equal(item.label, '交通运输支出(类)超长期特别国债安排的支出(款)公路水路运输(项)');
    assert.equal(item.money?.fen, wan('177.92'));
  });

  it('gives a sentence that opens with "比上年…" the subject of the sentence before it', () => {
    assert.equal(one(n, 'function.item.change.amount').money?.fen, -wan('5,635.94'));
    assert.equal(one(n, 'function.item.change.percent').percent, '-96.9');
  });

  it('holds an amount after a Chinese comma (NFKC "，" is ",", not a thousands separator)', () => {
    const second = n.facts.filter((f) => f.money?.fen === wan('177.92'));
    assert.equal(second.length, 2);
    assert.equal(second[1]!.key, 'mention');
    assert.equal(second[1]!.src.line, 340);
  });

  it('binds a change after a parenthesis to the figure before the parenthesis', () => {
    // guangzhou-statistics-bureau-2026-budget.txt
    const g = read([
      [629, '  二、“三公”经费安排情况'],
      [631, '  2026年本部门财政拨款安排“三公”经费19.86万元，比上年'],
      [633, '减少22.65万元，下降53.3%，主要原因是厉行节约，压减“三'],
      [635, '公”经费预算。其中：因公出国（境）费5万元，比上年减少15万'],
      [637, '元，下降75%，主要原因是厉行节约，压减因公出国（境）经费预'],
      [639, '算；公务用车购置及运行维护费6.7万元（公务用车购置费0万'],
      [641, '元，比上年增加0万元；公务用车运行维护费6.7万元，比上年减'],
      [643, '少2.3万元。）比上年减少2.3万元，下降25.6%，主要原因是厉行'],
    ]);
    assert.equal(one(g, 'three-public.vehicle-running.change').money?.fen, -wan('2.3'));
    assert.equal(one(g, 'three-public.vehicles.change').money?.fen, -wan('2.3'));
    assert.equal(one(g, 'three-public.vehicles.change.percent').percent, '-25.6');
    assert.equal(one(g, 'three-public.overseas.change.percent').percent, '-75');
  });
});

describe('readNarrative: structure', () => {
  // suzhou-data-bureau-2026-budget.txt (contents, a part, its glossary)
  const n = read([
    [1, '苏州市数据局 2026 年度部门预算'],
    [3, '目 录'],
    [4, '第一部分 部门概况'],
    [5, '第四部分 名词解释'],
    [38, '                       第一部分 部门概况'],
    [40, '       一、主要职能'],
    [41, '       市数据局负责贯彻落实党中央关于数据和政务服务管理工作的方针政'],
    [42, '  策以及省委、市委决策部署。'],
    [1129, '                       第四部分 名词解释'],
    [1131, '       一、财政拨款：单位从同级财政部门取得的各类财政拨款，包'],
    [1132, '  括一般公共预算拨款、政府性基金预算拨款、国有资本经营预算拨'],
    [1133, '  款。'],
    [1141, '       二、财政专户管理资金：缴入财政专户、实行专项管理的高中'],
    [1142, '  以上学费、住宿费、高校委托培养费、函大、电大、夜大及短训班'],
    [1143, '  培训费等教育收费。'],
  ]);

  it('sets the table of contents aside: parts come from the body headings', () => {
    assert.deepEqual(
      n.parts.map((p) => [p.no, p.title]),
      [
        [0, ''],
        [1, '部门概况'],
        [4, '名词解释'],
      ],
    );
    assert.equal(n.parts[1]!.src.line, 38);
  });

  it('reads the duties under 主要职能 and the glossary under 名词解释', () => {
    assert.equal(n.duties.length, 1);
    assert.match(n.duties[0]!.text, /^市数据局负责贯彻落实/);
    assert.deepEqual(
      n.glossary.map((g) => g.term),
      ['财政拨款', '财政专户管理资金'],
    );
    assert.equal(n.glossary[0]!.definition, '单位从同级财政部门取得的各类财政拨款,包括一般公共预算拨款、政府性基金预算拨款、国有资本经营预算拨款。');
    assert.equal(n.glossary[0]!.src.endLine, 1133);
  });

  it('takes the title of a part number alone on its line from the next line, after a dot-leader contents', () => {
    // fuzhou-commerce-bureau-2026-budget.txt
    const f = read([
      [1, '2026 年度'],
      [2, '福州市商务局'],
      [3, ' 部门预算'],
      [4, '                                                   目录'],
      [6, '第一部分 部门概况..................................................................................................... 1'],
      [8, '一、部门主要职责....................................................................................................... 2'],
      [54, ' 第一部分'],
      [55, '部门概况'],
      [61, ' 一、部门主要职责'],
      [63, '  福州市商务局的主要职责是：'],
      [64, ' （一）贯彻执行国家有关贸易、国际经济合作和口岸管'],
    ]);
    const part = f.parts.find((p) => p.no === 1);
    assert.equal(part?.title, '部门概况');
    assert.equal(part?.src.line, 54);
    assert.deepEqual(
      part?.sections.map((s) => s.title),
      ['部门主要职责'],
    );
    assert.equal(f.duties.length, 2);
  });

  it('finds contents lines by their dot leaders anywhere', () => {
    const toc = tocLines(readSourceText(new TextEncoder().encode('第一部分部门概况..........................1\n正文'), 'x').lines);
    assert.equal(toc.size, 1);
  });

  it('tells a table row among the narrative from a sentence with figures', () => {
    assert.equal(isRowLine('深圳市统计局(本   统计管理      352.27           为统计管理工作提供支持保'), true);
    assert.equal(isRowLine('86,685                  .14万元,项目支出减少91,057'), false);
    assert.equal(isRowLine('55,670'), false);
    assert.equal(isRowLine('534.72', 15), true);
  });

  it('holds the amounts of a table printed in the narrative once it states its unit', () => {
    // shenzhen-statistics-bureau-2026-budget.txt, 第七部分 重点项目预算绩效情况说明
    const t = read([
      [358, '二级预算单位名称   一级项目名称           预算数(万元)        绩效目标'],
      [359, '深圳市统计局(本   统计管理      352.27           为统计管理工作提供支持保'],
    ]);
    const f = one(t, 'mention');
    assert.equal(f.money?.fen, wan('352.27'));
    assert.equal(f.label, '深圳市统计局(本 统计管理');
  });
});

describe('readNarrative: units and percentages', () => {
  it("reads 万 before punctuation as 万元 and keeps a percentage's digits without separators", () => {
    // hangzhou-meteorological-bureau-2026-budget.txt; hangzhou-transport-bureau-2026-budget.txt
    const n = read([
      [186, '   （2）农林水支出（类）农业农村（款）农业生产发展'],
      [187, '（项）15.00 万，主要用于浙江省农业行业职业技能竞赛农机修'],
      [330, '   （1）城乡社区支出（类）国有土地使用权出让收入安排的支出（款）城市建设支出（项）预算为 211,000.00 万元。比上年执行数增加 205,287.63 万元，增长 3,593.7%。'],
    ]);
    assert.equal(n.facts.find((f) => f.src.line === 186 || f.src.line === 187)?.money?.fen, wan('15.00'));
    assert.equal(one(n, 'function.item.change.percent').percent, '3593.7');
  });
});
