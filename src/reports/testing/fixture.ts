/**
 * A small hand-built Shenzhen-style budget document for the report tests (not a real disclosure:
 * figures are chosen so that every identity holds and each value is distinct).
 */
import type { BudgetDocument, Column, Indicator, Money, Row, Table } from '../../domain/model.js';

const src = { line: 1, page: 1, raw: '' };
const m = (fen: number, decimals = 2): Money => ({ fen, decimals, src });
const w = (wan: string): number => Math.round(Number(wan) * 1_000_000);

function row(id: string, label: string, amounts: Record<string, number | null>, extra: Partial<Row> = {}): Row {
  const a: Row['amounts'] = {};
  for (const [k, v] of Object.entries(amounts)) a[k] = v === null ? null : m(v);
  return { id, kind: 'item', label, level: 1, amounts: a, src, ...extra };
}

function table(no: number, role: Table['role'], title: string, columns: Column[], rows: Row[], extra: Partial<Table> = {}): Table {
  return { no, role, title: { text: title }, unitName: { text: '深圳市福田区示例中心' }, displayUnit: '万元', columns, rows, src, ...extra };
}

const amount = (key: string, ...header: string[]): Column => ({ key, header, kind: 'amount' });

function indicator(level1: string, level2: string, name: string, raw: string): Indicator {
  const q = /^(≥|≤|=|>|<)?\s*(\d+(?:\.\d+)?)(.*)$/.exec(raw);
  return {
    level1, level2, name, raw,
    comparator: (q?.[1] as Indicator['comparator']) ?? (q ? '=' : null),
    value: q?.[2] ?? null,
    unit: q?.[3] ?? null,
    qualitative: !q,
    notApplicable: raw === '不适用',
    src,
  };
}

/** Builds the fixture document (a fresh copy each call). */
export function sampleDocument(): BudgetDocument {
  const total = w('1234.56');
  const basic = w('234.56');
  const project = w('1000.00');
  const t1 = table(1, 'income-expenditure-summary', '收支总表', [amount('amount', '2021 年预算数')], [
    row('r1', '一、政府预算拨款', { amount: total }, { side: 'revenue', code: 'govApprop', codeSystem: 'revenue', level: 0 }),
    row('r2', '1.一般公共预算拨款', { amount: total }, { side: 'revenue', code: 'general', codeSystem: 'revenue', parent: 'r1' }),
    row('r3', '2.政府性基金预算拨款', { amount: null }, { side: 'revenue', code: 'govFund', codeSystem: 'revenue', parent: 'r1' }),
    row('e1', '一般公共服务支出', { amount: w('1100.00') }, { side: 'expenditure', code: '201', codeSystem: 'function', level: 0 }),
    row('e2', '政府办公厅（室）及相关机构事务', { amount: w('1100.00') }, { side: 'expenditure', code: '20103', codeSystem: 'function', parent: 'e1' }),
    row('e3', '住房保障支出', { amount: w('134.56') }, { side: 'expenditure', code: '221', codeSystem: 'function', level: 0 }),
    row('rs', '本年收入合计', { amount: total }, { side: 'revenue', kind: 'subtotal', level: 0 }),
    row('es', '本年支出合计', { amount: total }, { side: 'expenditure', kind: 'subtotal', level: 0 }),
    row('rc', '上年结余、结转', { amount: null }, { side: 'revenue', kind: 'carry', level: 0 }),
    row('ec', '结转下年', { amount: null }, { side: 'expenditure', kind: 'carry', level: 0 }),
    row('rt', '收入总计', { amount: total }, { side: 'revenue', kind: 'total', level: 0 }),
    row('et', '支出总计', { amount: total }, { side: 'expenditure', kind: 'total', level: 0 }),
  ], { sides: { revenue: 'amount', expenditure: 'amount' } });
  const t2 = table(2, 'revenue-summary', '收入总表', [
    amount('total', '收入总计'),
    amount('general', '本年收入', '政府预算拨款', '一般公共预算拨款', '小计'),
    amount('generalBasic', '本年收入', '政府预算拨款', '一般公共预算拨款', '基本支出拨款'),
    amount('generalDuty', '本年收入', '政府预算拨款', '一般公共预算拨款', '履职类项目拨款'),
    amount('govFund', '本年收入', '政府预算拨款', '政府性基金预算拨款'),
    amount('specialAccount', '本年收入', '财政专户管理资金'),
    amount('business', '本年收入', '单位资金', '事业收入'),
    amount('otherIncome', '本年收入', '单位资金', '其他收入'),
    amount('carryOver', '上年结余、结转'),
  ], [
    row('u', '深圳市福田区示例中心', { total, general: total, generalBasic: basic, generalDuty: project, govFund: null, specialAccount: null, business: null, otherIncome: null, carryOver: null }, { kind: 'unit', level: 0 }),
  ]);
  const t4 = table(4, 'basic-expenditure-economic', '基本支出总表', [amount('total', '总计'), amount('general', '政府预算拨款', '一般公共预算拨款')], [
    row('u', '深圳市福田区示例中心', { total: basic, general: basic }, { kind: 'unit', level: 0 }),
    row('g301', '工资福利支出', { total: w('200.00'), general: w('200.00') }, { kind: 'group', code: '301', codeSystem: 'econ', parent: 'u' }),
    row('i30101', '基本工资', { total: w('200.00'), general: w('200.00') }, { code: '30101', codeSystem: 'econ', parent: 'g301', level: 2 }),
    row('g302', '商品和服务支出', { total: w('30.00'), general: w('30.00') }, { kind: 'group', code: '302', codeSystem: 'econ', parent: 'u' }),
    row('i30201', '办公费', { total: w('30.00'), general: w('30.00') }, { code: '30201', codeSystem: 'econ', parent: 'g302', level: 2 }),
    row('g303', '对个人和家庭的补助', { total: w('4.56'), general: w('4.56') }, { kind: 'group', code: '303', codeSystem: 'econ', parent: 'u' }),
    row('i30302', '退休费', { total: w('4.56'), general: w('4.56') }, { code: '30302', codeSystem: 'econ', parent: 'g303', level: 2 }),
  ]);
  const t5 = table(5, 'project-expenditure', '项目支出总表', [amount('total', '总计'), amount('general', '政府预算拨款', '一般公共预算拨款', '小计')], [
    row('u', '深圳市福田区示例中心', { total: project, general: project }, { kind: 'unit', level: 0 }),
    row('g', '一般性项目', { total: project, general: project }, { kind: 'group', parent: 'u' }),
    row('p1', '运行维护', { total: w('700.00'), general: w('700.00') }, { codeSystem: 'project', parent: 'g', level: 2 }),
    row('p2', '购置费', { total: w('300.00'), general: w('300.00') }, { codeSystem: 'project', parent: 'g', level: 2 }),
  ]);
  const fnCols = [amount('total', '支出总计'), amount('basic', '基本支出'), amount('project', '项目支出')];
  const t7 = table(7, 'general-budget-function', '一般公共预算支出表', fnCols, [
    row('u', '深圳市福田区示例中心', { total, basic, project }, { kind: 'unit', level: 0 }),
    row('f201', '一般公共服务支出', { total: w('1100.00'), basic: w('100.00'), project }, { code: '201', codeSystem: 'function', codeResolved: 'printed', parent: 'u' }),
    row('f221', '住房保障支出', { total: w('134.56'), basic: w('134.56'), project: null }, { code: '221', codeSystem: 'function', codeResolved: 'printed', parent: 'u' }),
  ]);
  const zero = (): Record<string, number> => ({ total: 0, basic: 0, project: 0 });
  const t8 = table(8, 'gov-fund-function', '政府性基金预算支出表', fnCols, [
    { ...row('u', '深圳市福田区示例中心', zero(), { kind: 'unit', level: 0 }), amounts: { total: m(0, 0), basic: m(0, 0), project: m(0, 0) } },
  ]);
  const t11 = table(11, 'procurement', '政府采购项目支出表', [amount('amount', '金额')], [
    row('u', '深圳市福田区示例中心', { amount: w('300.00') }, { kind: 'unit', level: 0 }),
    row('A', '货物', { amount: w('300.00') }, { kind: 'group', code: 'A', codeSystem: 'procurement', parent: 'u' }),
    row('A02', '通用设备', { amount: w('300.00') }, { code: 'A02', codeSystem: 'procurement', parent: 'A', level: 2 }),
  ]);
  const t13 = table(13, 'performance-projects', '部门预算绩效管理项目情况表', [
    amount('total', '预算金额', '合计'), amount('general', '预算金额', '一般公共预算拨款'), amount('other', '预算金额', '其他资金'),
  ], [
    row('u', '深圳市福田区示例中心', { total: project, general: project, other: null }, { kind: 'unit', level: 0 }),
    row('p1', '运行维护', { total: w('700.00'), general: w('700.00'), other: null }, { unit: '深圳市福田区示例中心', texts: { period: { text: '2021.01.01-2021.12.31' } } }),
    row('p2', '购置费', { total: w('300.00'), general: w('300.00'), other: null }, { unit: '深圳市福田区示例中心', texts: { period: { text: '2021.01.01-2021.12.31' } } }),
  ]);
  const fact = (key: string, label: string, v: { money?: Money; count?: number; percent?: string; text?: string }) => ({ key, label, ...v, src });
  return {
    schema: 'fiscus/budget-document@1',
    kind: '部门预算',
    profile: 'shenzhen-dept-budget',
    year: 2021,
    unit: { name: '深圳市福田区示例中心', subordinateUnits: [{ text: '深圳市福田区示例中心' }] },
    displayUnit: '万元',
    source: { file: 'fixture.txt', sha256: '0', format: 'authored', lines: null, pages: null },
    narrative: {
      parts: [],
      duties: [{ text: '承担区级电子政务基础设施建设。' }, { text: '完成上级部门交办的其他任务。' }],
      goals: { text: '优化完善区级电子政务基础设施。' },
      changeReason: { text: '预算收支与上年基本持平。' },
      projects: [
        { no: 1, name: '运行维护', amount: m(w('700.00')), description: '主要用于机房运行维护。', items: [], src },
        { no: 2, name: '购置费', amount: m(w('300.00')), description: '主要用于购置服务器 5 台。', items: [], src },
      ],
      glossary: [{ term: '基本支出', definition: '指为保障机构正常运转、完成日常工作任务而发生的支出。', src }],
      facts: [
        fact('revenue.total', '部门预算收入', { money: m(total) }),
        fact('revenue.change.amount', '比上年增加', { money: m(w('34.56')) }),
        fact('revenue.change.percent', '增长', { percent: '2.88' }),
        fact('expenditure.personnel', '人员支出', { money: m(w('200.00')) }),
        fact('expenditure.public', '公用支出', { money: m(w('30.00')) }),
        fact('expenditure.retiree', '离退休人员支出', { money: m(w('4.56')) }),
        fact('expenditure.project', '项目支出', { money: m(project) }),
        fact('staff.career.establishment', '事业编制总数', { count: 18 }),
        fact('staff.career.actual', '实有在编人数', { count: 11 }),
      ],
    },
    tables: [t1, t2, t4, t5, t7, t8, t11, t13],
    projectForms: [
      {
        id: 'form-1', name: '运行维护', year: 2021, parentProject: '运行维护',
        attribute: { text: '延续项目' },
        period: { start: '2021-01-01', end: '2021-12-31', src },
        competentDepartment: { text: '深圳市福田区政务服务数据管理局' },
        projectType: { text: '经常性项目' },
        amounts: { total: m(w('700.00')), currentYear: m(w('700.00')), fiscal: m(w('700.00')), other: m(0), transfer: m(0), purchasedServices: m(w('650.00')) },
        overview: [{ label: '项目背景', text: '为维护基础设施，特实施此项目。', src }],
        use: { text: '主要用于机房运行维护经费。' },
        midTermGoal: { text: '保障机房正常运行。' },
        annualGoal: { text: '保障机房正常运行。' },
        costLines: [
          { no: 1, text: '1、电脑联网服务 681.7587万元。', label: '电脑联网服务', amount: m(w('681.7587'), 4), src },
          { no: 2, text: '2、电费 18.2413万元。', label: '电费', amount: m(w('18.2413'), 4), src },
        ],
        disbursement: [1, 2, 3, 4].map((q) => ({ quarter: q, amount: m(w('175.0'), 1), src })),
        indicators: [
          indicator('产出指标', '数量指标', '机房运行维护工作完成率', '100%'),
          indicator('产出指标', '数量指标', '系统巡检次数', '≥4次'),
          indicator('产出指标', '时效指标', '维护工作完成及时率', '100%'),
          indicator('效益指标', '社会效益指标', '保障政务网络稳定性', '有效'),
          indicator('满意度指标', '服务对象满意度指标', '用户投诉率', '≤2%'),
        ],
        src,
      },
    ],
    departmentTargets: {
      year: 2021,
      unitName: { text: '深圳市福田区示例中心' },
      competentDepartment: { text: '深圳市福田区政务服务数据管理局' },
      overallGoal: { text: '为数字政府建设提供支撑保障服务。' },
      tasks: [
        { name: '基本支出', content: '主要用于人员、公用支出。', total: m(basic), fiscal: m(basic), other: m(0), src },
        { name: '信息化服务', content: '承担区级电子政务基础设施建设。', total: m(project), fiscal: m(project), other: m(0), src },
      ],
      total: { total: m(total), fiscal: m(total), other: m(0), src },
      indicators: [
        indicator('产出指标', '数量指标', '系统巡检次数', '≥4次'),
        indicator('产出指标', '质量指标', '故障率', '≤ 2%'),
        indicator('满意度指标', '服务对象满意度指标', '用户满意度', '≥90%'),
      ],
      src,
    },
    importNotes: [],
  };
}
