import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DepartmentTargets, Money, ProjectForm, Table } from '../../domain/model.js';
import { FiscusError } from '../../domain/errors.js';
import { parseAmount } from '../../domain/money.js';
import { readSourceText } from '../text/source.js';
import { newContext, type ImportContext } from './context.js';
import { splitShenzhen } from './sections.js';
import type { NarrativeResult } from './narrative.js';
import { parseTables } from './tables.js';
import { linkFormsToProjects, parseDepartmentTargets, parseProjectForm } from './forms.js';

const SAMPLE = fileURLToPath(new URL('../../../samples/shenzhen-futian-data-center-2021-dept-budget.txt', import.meta.url));
const bytes = readFileSync(SAMPLE);

function loadSample(): { ctx: ImportContext; t14: DepartmentTargets; forms: ProjectForm[] } {
  const ctx = newContext(SAMPLE);
  const structure = splitShenzhen(readSourceText(bytes, SAMPLE), ctx);
  const block = structure.tables.find((t) => t.no === 14);
  assert.ok(block, 'table 14 is in the sample');
  const t14 = parseDepartmentTargets(block, ctx);
  const forms = structure.forms.map((f) => parseProjectForm(f, ctx));
  return { ctx, t14, forms };
}
const sample = loadSample();
const wan = (s: string) => parseAmount(s, '万元');
const form = (name: string) => {
  const f = sample.forms.find((x) => x.name === name);
  assert.ok(f, `form ${name}`);
  return f;
};

test('the sample has ten project forms with ids, year and names in printed order', () => {
  assert.deepEqual(
    sample.forms.map((f) => f.name),
    ['基础设施运行维护', '应用系统运行维护', '网络和信息安全运行维护', '绩效管理', '购置费', '其他一般管理事务', '应急项目和设备维修', '劳务派遣人员', '项目审计', '基层党建'],
  );
  assert.deepEqual(
    sample.forms.map((f) => f.id),
    sample.forms.map((_, i) => `form-${i + 1}`),
  );
  assert.ok(sample.forms.every((f) => f.year === 2021 && f.parentProject === null));
});

test('form 1 reads its header amounts, cost lines and quarterly plan', () => {
  const f = form('基础设施运行维护');
  assert.equal(f.amounts.total?.fen, wan('1,270.74'));
  assert.equal(f.amounts.total?.src?.line, 1017);
  assert.equal(f.amounts.currentYear?.fen, wan('1,270.74'));
  assert.equal(f.amounts.fiscal?.fen, wan('1,270.74'));
  assert.equal(f.amounts.other?.fen, 0);
  assert.equal(f.amounts.transfer?.fen, 0);
  assert.equal(f.amounts.purchasedServices?.fen, wan('1,246.56'));
  assert.equal(f.attribute?.text, '新增项目');
  assert.deepEqual([f.period?.start, f.period?.end], ['2021-01-01', '2021-12-31']);
  assert.equal(f.competentDepartment?.text, '深圳市福田区政务服务数据管理局');
  assert.equal(f.projectType?.text, '经常性项目');
  assert.equal(f.costLines.length, 5);
  assert.equal(f.costLines[0]?.amount?.fen, 81_758_700);
  assert.equal(f.costLines[0]?.label, '电脑联网服务');
  assert.equal(f.costLines[4]?.amount?.fen, wan('1164.8'));
  assert.deepEqual(
    f.disbursement.map((q) => [q.quarter, q.amount.fen]),
    [1, 2, 3, 4].map((q) => [q, wan('318.25')]),
  );
  assert.deepEqual(
    f.overview.map((o) => o.label),
    ['项目背景', '项目内容', '项目范围', '项目实施部门'],
  );
  assert.equal(f.overview[1]?.text, '电脑联网服务、新增设备、消防设备维保、动环监控系统运维管理保障服务、IDC机房。');
});

test('a level-3 name cut by a page break after its target is joined back ("IDC机房运行维护工作完成率")', () => {
  const f = form('基础设施运行维护');
  const ind = f.indicators.find((i) => i.src.line === 1132);
  assert.ok(ind);
  assert.equal(ind.name, 'IDC机房运行维护工作完成率');
  assert.equal(ind.raw, '100%');
  assert.equal(ind.src.endLine, 1139);
  assert.ok(!f.indicators.some((i) => i.name === '率' || i.name.startsWith('率')));
  // The page number printed inside form 7 is not taken for a target.
  assert.ok(sample.ctx.notes.some((n) => n.src.line === 2459 && n.message.includes('page number')));
  assert.ok(!sample.forms.some((x) => x.indicators.some((i) => i.raw === '37')));
});

test('form 3 plans 313.24 万元 for the fourth quarter and reads deadline targets', () => {
  const f = form('网络和信息安全运行维护');
  assert.equal(f.disbursement.find((q) => q.quarter === 4)?.amount.fen, wan('313.24'));
  assert.equal(f.disbursement.find((q) => q.quarter === 4)?.amount.src?.line, 1594);
  const deadline = f.indicators.find((i) => i.name === '现场检查完成时间');
  assert.deepEqual([deadline?.comparator, deadline?.value, deadline?.unit], ['≤', '2021-11', '年月']);
});

test('购置费 cost lines carry quantity × unit price, in 元 and in 万元', () => {
  const f = form('购置费');
  const c = f.costLines.map((l) => [l.quantity, l.quantityUnit, l.unitPrice?.fen, l.amount?.fen]);
  assert.deepEqual(c, [
    ['4', '台', parseAmount('6000', '元'), wan('2.4')],
    ['2', '台', parseAmount('800', '元'), wan('0.16')],
    ['5', '台', wan('18.5'), wan('92.5')],
    ['4', '台', wan('1.65'), wan('6.6')],
  ]);
  for (const l of f.costLines) assert.equal(BigInt(l.quantity!) * BigInt(l.unitPrice!.fen), BigInt(l.amount!.fen));
});

test('every form has 产出, 效益 and 满意度 indicators with levels from the vocabulary', () => {
  for (const f of sample.forms) {
    const l1 = new Set(f.indicators.map((i) => i.level1));
    assert.deepEqual([...l1].sort(), ['产出指标', '效益指标', '满意度指标'].sort(), f.name);
    assert.ok(
      f.indicators.every((i) => i.level2 !== '' && i.name !== '' && i.raw !== ''),
      f.name,
    );
  }
});

test('table 14 reads unit, goal, tasks with amounts, 合计 and the indicator tree', () => {
  const t = sample.t14;
  assert.equal(t.year, 2021);
  assert.equal(t.unitName.text, '深圳市福田区数据管理中心');
  assert.equal(t.competentDepartment?.text, '深圳市福田区政务服务数据管理局');
  assert.ok(t.overallGoal.text.startsWith('按照区委区政府的部署'));
  assert.ok(t.overallGoal.text.endsWith('提供有力的支撑保障服务。'));
  assert.deepEqual(
    t.tasks.map((k) => [k.name, k.total?.fen, k.fiscal?.fen, k.other?.fen]),
    [
      ['基本支出', wan('780.06'), wan('780.06'), 0],
      ['为福田电子政务建设和数据管理提供信息化服务', wan('3,644.54'), wan('3,644.54'), 0],
    ],
  );
  assert.equal(t.tasks[0]?.content, '主要用于人员、公用及对个人和家庭补助支出等。');
  assert.ok(t.tasks[1]?.content.startsWith('承担区级电子政务基础设施建设'));
  assert.deepEqual([t.total?.total?.fen, t.total?.fiscal?.fen, t.total?.other?.fen], [wan('4,424.60'), wan('4,424.60'), 0]);
  const by = (name: string) => t.indicators.find((i) => i.name === name);
  assert.deepEqual(by('IDC机房运行维护故障率') && [by('IDC机房运行维护故障率')!.comparator, by('IDC机房运行维护故障率')!.value, by('IDC机房运行维护故障率')!.unit], ['≤', '2', '%']);
  assert.deepEqual([by('预算执行率')?.comparator, by('预算执行率')?.value, by('预算执行率')?.level2], ['>', '95', '成本指标']);
  assert.deepEqual([by('用户满意度')?.comparator, by('用户满意度')?.value, by('用户满意度')?.level1], ['≥', '90', '满意度指标']);
  assert.equal(by('IDC机房运行维护工作完成率')?.src.line, 916);
  assert.equal(by('系统运维响应时间')?.comparator, '≤');
  const na = t.indicators.filter((i) => i.notApplicable).map((i) => i.level2);
  assert.deepEqual(na, ['经济效益指标', '生态效益指标', '可持续影响指标']);
});

/** Every Money in a value tree, with the lines its provenance covers. */
function moneys(v: unknown, out: Money[] = []): Money[] {
  if (Array.isArray(v)) for (const x of v) moneys(x, out);
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o['fen'] === 'number' && o['src']) out.push(o as unknown as Money);
    else for (const x of Object.values(o)) moneys(x, out);
  }
  return out;
}

test('every amount printed in table 14 and the forms (lines 847–2906) is in the model at its line', (t) => {
  const raw = bytes.toString('utf8').split(/\r\n|\n/);
  const from = 847;
  const text = raw.slice(from - 1, 2906).join('\n');
  const lineOf = (pos: number) => from + (text.slice(0, pos).match(/\n/g)?.length ?? 0);
  const printed: Array<{ line: number; fen: number; raw: string }> = [];
  // A figure followed by 万元 / 元 (possibly across a line break), and bare two-decimal cells.
  for (const m of text.matchAll(/(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?=(\s*万\s*元)|\s*元)/g)) {
    const digits = m[1]! + (m[2] ?? '');
    printed.push({ line: lineOf(m.index), fen: parseAmount(digits, m[3] ? '万元' : '元'), raw: m[0] });
  }
  for (const m of text.matchAll(/(?<=^|\s)(\d{1,3}(?:,\d{3})*\.\d{2})(?=[ \t]|$)/gm)) {
    printed.push({ line: lineOf(m.index), fen: parseAmount(m[1]!, '万元'), raw: m[0] });
  }
  const model = moneys([sample.t14, sample.forms]);
  const noted = sample.ctx.notes.filter((n) => /万元$|元$/.test(n.src.raw));
  const missing = printed.filter((p) => {
    const inModel = model.some((m) => m.fen === p.fen && m.src!.line !== null && m.src!.line <= p.line && p.line <= (m.src!.endLine ?? m.src!.line));
    const inNotes = noted.some(
      (n) => n.src.line === p.line && moneys([{ fen: parseAmount(n.src.raw.replace(/万?元$/, ''), n.src.raw.endsWith('万元') ? '万元' : '元'), src: n.src }])[0]!.fen === p.fen,
    );
    return !inModel && !inNotes;
  });
  t.diagnostic(`printed amounts in lines 847–2906: ${printed.length}; in the model: ${model.length} Money values; as notes: ${noted.length}`);
  assert.ok(printed.length > 100);
  assert.deepEqual(missing, []);
  // And the other way round: no amount in the model that its line does not print.
  for (const m of model) {
    const lines = raw
      .slice(m.src!.line! - 1, m.src!.endLine ?? m.src!.line!)
      .join('')
      .normalize('NFKC');
    assert.ok(lines.replace(/\s+/g, '').includes(m.src!.raw.replace(/\s+/g, '')), `${m.src!.raw} at ${m.src!.line}`);
  }
});

function row(label: string, amount: string): Table['rows'][number] {
  return { id: label, kind: 'item', label, level: 2, codeSystem: 'project', amounts: { total: { fen: wan(amount) } }, src: { line: 1, page: 1, raw: label } };
}
function table5(rows: Table['rows']): Table {
  return {
    no: 5,
    role: 'project-expenditure',
    title: { text: '项目支出总表' },
    displayUnit: '万元',
    columns: [{ key: 'total', header: ['总计'], kind: 'amount' }],
    rows,
    src: { line: 1, page: 1, raw: '表 5' },
  };
}
function narrativeWith(projects: Array<{ name: string; amount: string; description: string; items?: Array<{ label: string; amount?: string }> }>): NarrativeResult {
  return {
    narrative: {
      parts: [],
      duties: [],
      glossary: [],
      facts: [],
      projects: projects.map((p, i) => ({
        no: i + 1,
        name: p.name,
        amount: { fen: wan(p.amount) },
        description: p.description,
        items: (p.items ?? []).map((it) => (it.amount ? { label: it.label, money: { fen: wan(it.amount) } } : { label: it.label })),
        src: { line: 90, page: 1, raw: p.name },
      })),
    },
    subordinateUnits: [],
  };
}
const SAMPLE_TABLE5 = table5([row('购置费', '101.66'), row('一般管理事务', '400.10'), row('电子政务管理', '145.50'), row('电子政务运行维护', '2,994.28'), row('预算准备金', '3.00')]);

test('forms link to table-5 projects by name and by amounts summing exactly to the project', () => {
  const { forms, ctx } = loadSample();
  linkFormsToProjects(forms, [SAMPLE_TABLE5], narrativeWith([]), ctx);
  const parent = Object.fromEntries(forms.map((f) => [f.name, f.parentProject]));
  assert.equal(parent['购置费'], '购置费');
  assert.equal(parent['绩效管理'], '电子政务管理');
  assert.equal(parent['项目审计'], '电子政务管理');
  for (const n of ['基础设施运行维护', '应用系统运行维护', '网络和信息安全运行维护', '应急项目和设备维修']) assert.equal(parent[n], '电子政务运行维护');
  // 一般管理事务 (400.10) is more than its three forms (99.62): without the narrative they stay unlinked.
  for (const n of ['其他一般管理事务', '劳务派遣人员', '基层党建']) {
    assert.equal(parent[n], null);
    assert.ok(ctx.notes.some((x) => x.severity === 'warning' && x.message.includes(`"${n}"`)));
  }
});

test('forms link to the projects of the parsed table 5 of the sample', () => {
  const ctx = newContext(SAMPLE);
  const structure = splitShenzhen(readSourceText(bytes, SAMPLE), ctx);
  const tables = parseTables(
    structure.tables.filter((t) => t.no !== 14),
    ctx,
  );
  const forms = structure.forms.map((f) => parseProjectForm(f, ctx));
  linkFormsToProjects(forms, tables, narrativeWith([]), ctx);
  const t5 = tables.find((t) => t.role === 'project-expenditure');
  assert.ok(t5);
  const names = new Set(t5.rows.filter((r) => r.kind === 'item').map((r) => r.label));
  const linked = forms.filter((f) => f.parentProject !== null);
  assert.ok(linked.every((f) => names.has(f.parentProject!)));
  assert.deepEqual(linked.map((f) => f.name).sort(), ['基础设施运行维护', '应用系统运行维护', '网络和信息安全运行维护', '绩效管理', '购置费', '应急项目和设备维修', '项目审计'].sort());
});

test('forms whose amounts cannot cover their project link through the narrative project list', () => {
  const { forms, ctx } = loadSample();
  const narrative = narrativeWith([
    { name: '一般管理事务', amount: '400.10', description: '主要用于劳务派遣人员、基层党建、其他一般管理事务等。' },
    {
      name: '电子政务运行维护',
      amount: '2,994.28',
      description: '主要用于应用系统运行维护 1,074.56 万元、网络和信息安全运行维护 606.28 万元、机房运行维护 1,270.74 万元',
      items: [{ label: '机房运行维护', amount: '1,270.74' }],
    },
  ]);
  linkFormsToProjects(forms, [SAMPLE_TABLE5], narrative, ctx);
  for (const n of ['其他一般管理事务', '劳务派遣人员', '基层党建']) assert.equal(forms.find((f) => f.name === n)?.parentProject, '一般管理事务');
  assert.ok(forms.every((f) => f.parentProject !== null));
  assert.ok(!ctx.notes.some((x) => x.severity === 'warning' && x.message.includes('could not be linked')));
});

test('when several subsets of forms fit a project, the narrative items break the tie', () => {
  const mk = (name: string, total: string): ProjectForm => ({
    id: name,
    name,
    year: 2021,
    parentProject: null,
    amounts: { total: { fen: wan(total) }, currentYear: null, fiscal: null, other: null, transfer: null, purchasedServices: null },
    overview: [],
    costLines: [],
    disbursement: [],
    indicators: [],
    src: { line: 1, page: null, raw: name },
  });
  const forms = [mk('甲', '10.00'), mk('乙', '10.00'), mk('丙', '20.00')];
  const tables = [table5([row('项目一', '20.00'), row('项目二', '20.00')])];
  const ctx = newContext('t.txt');
  linkFormsToProjects(forms, tables, narrativeWith([{ name: '项目一', amount: '20.00', description: '', items: [{ label: '丙', amount: '20.00' }] }]), ctx);
  assert.deepEqual(
    forms.map((f) => f.parentProject),
    ['项目二', '项目二', '项目一'],
  );
  const ctx2 = newContext('t.txt');
  const again = [mk('甲', '10.00'), mk('乙', '10.00'), mk('丙', '20.00')];
  linkFormsToProjects(again, tables, narrativeWith([]), ctx2);
  assert.deepEqual(
    again.map((f) => f.parentProject),
    [null, null, null],
  );
  assert.equal(ctx2.notes.filter((n) => n.severity === 'warning').length, 3);
});

/** A form block from text; a line starting with exactly one space starts a new page, as pdftotext prints it. */
function blockOf(text: string, no = 1) {
  const src = readSourceText(Buffer.from(text, 'utf8'), 'synthetic.txt');
  let page = 1;
  const lines = src.lines.map((l, i) => ({ ...l, page: i > 0 && l.indent === 1 ? ++page : page }));
  return { no, title: '预算项目支出绩效目标申报表', lines };
}

const SYNTHETIC = `预算项目支出绩效目标申报表
2022 年度
项目
名称
社区图书
馆数字化
改造
项目属性名称 新增项目
项目起止时间 2022.03.01~2022.11.30
项目主管部门 某某区文化广电旅游体育局
项目类型 一次性项目
项目总
金额(万
元)
56.40
本年预
算金额
(万元)
56.40
其
中:
财政
拨款
资金
(万
元)
50.00
其他资金(万元) 6.40
转移支付资金(万元) 0.00
政府购买服务资金(万元) 12.00
项目概况
1.项目背景:提升社区图书馆服务能力。
2.项目内容:扫描古籍 2,000册、采购自助借还机。
项目用途 主要用于图书馆数字化改造。
项目中期目标
完成辖区 3个社区图书馆的数字化改造。
项目年度目标
完成 3个社区图书馆的数字化改造。
年度绩效指标 一级指标 二级指标 指标内容 目标值
投入指标
测算明细
1、自助借还机 3台,8.5万元/台×3台=25.5万
元。
2、古籍扫描服务 2,000册,
按每册 150元计,共 30万元,另
预留 0.9万元。
3、场地协调(由街道提供,不需资金)。
资金支出进度 第二季度 20.00万元,第三
季度支付 30万元,第四季度支付 6.40万元。
产出指标
数量指标
扫描古
籍册数
≥2000册
改造图
书馆数
量 3个
质量指
标
设备验收合格率 100%
时效指标
改造完
成时间
 2022年10月底前
效益指标
社会效益
指标
市民借阅便
 利度
有效
可持续
影响指标
数字资源保存年限 ≥10年
满意
度指标
服务对象满意度
指标
读者满意度 不低于90%
`;

test('a synthetic form with other wrapping, units and prose reads completely', () => {
  const ctx = newContext('synthetic.txt');
  const f = parseProjectForm(blockOf(SYNTHETIC, 3), ctx);
  assert.equal(f.id, 'form-3');
  assert.equal(f.name, '社区图书馆数字化改造');
  assert.equal(f.year, 2022);
  assert.deepEqual([f.period?.start, f.period?.end], ['2022-03-01', '2022-11-30']);
  assert.equal(f.competentDepartment?.text, '某某区文化广电旅游体育局');
  assert.deepEqual(
    [f.amounts.total?.fen, f.amounts.currentYear?.fen, f.amounts.fiscal?.fen, f.amounts.other?.fen, f.amounts.transfer?.fen, f.amounts.purchasedServices?.fen],
    [wan('56.40'), wan('56.40'), wan('50.00'), wan('6.40'), 0, wan('12.00')],
  );
  assert.deepEqual(
    f.overview.map((o) => o.label),
    ['项目背景', '项目内容'],
  );
  assert.equal(f.midTermGoal?.text, '完成辖区 3个社区图书馆的数字化改造。');
  const [c1, c2, c3] = f.costLines;
  assert.equal(f.costLines.length, 3);
  assert.deepEqual([c1?.quantity, c1?.quantityUnit, c1?.unitPrice?.fen, c1?.amount?.fen], ['3', '台', wan('8.5'), wan('25.5')]);
  // A line with several amounts: the one after 共 is the line's amount, the others are kept beside it.
  assert.equal(c2?.amount?.fen, wan('30'));
  const others = c2?.otherAmounts ?? [];
  assert.ok(others.some((o) => o.money.src?.raw === '0.9万元' && o.money.src.line === c2.src.line! + 2));
  assert.ok(others.some((o) => o.money.src?.raw === '150元'));
  assert.equal(c3?.amount, null);
  assert.equal(c3?.label, '场地协调(由街道提供,不需资金)');
  assert.deepEqual(
    f.disbursement.map((q) => [q.quarter, q.amount.fen]),
    [
      [2, wan('20')],
      [3, wan('30')],
      [4, wan('6.4')],
    ],
  );
  assert.deepEqual(
    f.indicators.map((i) => [i.level1, i.level2, i.name, i.comparator, i.value, i.unit]),
    [
      ['产出指标', '数量指标', '扫描古籍册数', '≥', '2000', '册'],
      ['产出指标', '数量指标', '改造图书馆数量', '=', '3', '个'],
      ['产出指标', '质量指标', '设备验收合格率', '=', '100', '%'],
      ['产出指标', '时效指标', '改造完成时间', '≤', '2022-10', '年月'],
      ['效益指标', '社会效益指标', '市民借阅便利度', null, null, null],
      ['效益指标', '可持续影响指标', '数字资源保存年限', '≥', '10', '年'],
      ['满意度指标', '服务对象满意度指标', '读者满意度', '≥', '90', '%'],
    ],
  );
});

function expectInputError(fn: () => unknown, line: number, expected: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof FiscusError, String(e));
    assert.equal(e.code, 'INPUT_INVALID');
    assert.equal(e.where.line, line);
    assert.match(e.message, expected);
    return true;
  });
}

test('a form without 项目名称 is an input error at its header', () => {
  const text = SYNTHETIC.replace('项目\n名称\n', '');
  expectInputError(() => parseProjectForm(blockOf(text), newContext('s.txt')), 3, /应为表头中的“项目名称”/);
});

test('a malformed header amount ("1,2.3") is an input error at its line', () => {
  const text = SYNTHETIC.replace('56.40\n本年预', '1,2.3\n本年预');
  const line = text.split('\n').indexOf('1,2.3') + 1;
  expectInputError(() => parseProjectForm(blockOf(text), newContext('s.txt')), line, /应为金额（万元），实为 "1,2.3"/);
});

test('a quarter in the disbursement plan without a number is an input error at its line', () => {
  const text = SYNTHETIC.replace('季度支付 30万元', '季度支付 三十万元');
  const line = text.split('\n').findIndex((l) => l.startsWith('季度支付 三十')) + 1;
  expectInputError(() => parseProjectForm(blockOf(text), newContext('s.txt')), line, /应为金额（万元.*实为 "三十"/);
});

test('a malformed amount in a cost line or in table 14 is an input error at its line', () => {
  const text = SYNTHETIC.replace('共 30万元', '共 3,0万元');
  const line = text.split('\n').findIndex((l) => l.includes('3,0万元')) + 1;
  expectInputError(() => parseProjectForm(blockOf(text), newContext('s.txt')), line, /实为 "3,0"/);
  const t14 = blockOf(
    '表 14\n部门(单位)整体支出绩效目标申报表\n2021 年度\n部门(单位)名称 某单位 主管部门 某局\n年度总体目标\n做好工作。\n年度主要任务 任务名称 主要内容\n基本支出\n人员和公用。\n780.06 78,0.06 0.00\n',
  );
  expectInputError(() => parseDepartmentTargets(t14, newContext('s.txt')), 10, /实为 "78,0.06"/);
});
