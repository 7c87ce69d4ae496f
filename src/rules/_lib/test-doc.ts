/**
 * Small hand-built documents for rule tests (shared by every rule folder): an empty Shenzhen budget,
 * tables by role with the contract's column keys and headers, rows, and printed amounts.
 */
import type { BudgetDocument, Column, Fact, Money, NarrativeProject, Row, Table, TableRole } from '../../domain/model.js';
import { decimalsOf, parseAmount } from '../../domain/money.js';
import { runRules } from '../engine.js';
import type { Rule } from '../types.js';
import { COLUMN_LABELS, TITLES } from './columns.js';

/** An empty 2021 Shenzhen department budget with no tables, forms or narrative. */
export function emptyDoc(over: Partial<BudgetDocument> = {}): BudgetDocument {
  return {
    schema: 'fiscus/budget-document@1',
    kind: '部门预算',
    profile: 'shenzhen-dept-budget',
    year: 2021,
    unit: { name: '测试单位', subordinateUnits: [] },
    displayUnit: '万元',
    source: { file: 'test.txt', sha256: '0'.repeat(64), format: 'text', lines: 100, pages: null },
    narrative: { parts: [], duties: [], projects: [], glossary: [], facts: [] },
    tables: [],
    projectForms: [],
    departmentTargets: null,
    importNotes: [],
    ...over,
  };
}

let nextLine = 1;

/** A printed amount ("4,424.60", "81.7587") as Money, with provenance at `line`. */
export function money(text: string, line: number | null = null): Money {
  return { fen: parseAmount(text), decimals: decimalsOf(text), src: { line, page: null, raw: text } };
}

export type CellInput = string | Money | null;

/** Options of a row beyond id, label and amounts. */
export type RowOptions = Partial<Omit<Row, 'id' | 'label' | 'amounts'>>;

/**
 * A row: amounts as printed strings (null = empty printed cell). Each row gets its own line
 * number (increasing) unless `src` is given, so findings can be told apart by line.
 */
export function row(id: string, label: string, amounts: Record<string, CellInput>, opts: RowOptions = {}): Row {
  const line = opts.src?.line ?? nextLine++;
  const a: Record<string, Money | null> = {};
  for (const [k, v] of Object.entries(amounts)) a[k] = v === null ? null : typeof v === 'string' ? money(v, line) : v;
  return { id, kind: 'item', label, level: 0, amounts: a, src: { line, page: null, raw: label }, ...opts };
}

/** A function-classification row (类/款/项 by the code's length; parent by the code's shape). */
export function fnRow(code: string, label: string, amounts: Record<string, CellInput>, opts: RowOptions = {}): Row {
  const level = code.length === 3 ? 1 : code.length === 5 ? 2 : 3;
  const parent = code.length === 3 ? (opts.parent ?? null) : `f${code.slice(0, code.length - 2)}`;
  return row(`f${code}`, label, amounts, { code, codeSystem: 'function', level, parent, kind: code.length < 7 ? 'group' : 'item', ...opts });
}

/** A column: a key of the contract (header from docs/model.md) or a full Column. */
export function col(key: string, sumOf?: string[], header?: string[]): Column {
  return { key, header: header ?? [key], kind: 'amount', ...(sumOf ? { sumOf } : {}) };
}

/** A table with a role and number; string columns get their contract header for the role. */
export function table(role: TableRole, no: number | null, columns: Array<string | Column>, rows: Row[], opts: Partial<Table> = {}): Table {
  const cols = columns.map((c) => (typeof c === 'string' ? col(c, undefined, [COLUMN_LABELS[role]?.[c] ?? c]) : c));
  const title = TITLES[role] ?? role;
  return { no, role, title: { text: title }, displayUnit: '万元', columns: cols, rows, src: { line: rows[0]?.src.line ?? null, page: null, raw: title }, ...opts };
}

/** A two-sided summary table (表1/表6) with `amount` on both sides. */
export function summaryTable(role: 'income-expenditure-summary' | 'appropriation-summary', no: number, rows: Row[]): Table {
  return table(role, no, [col('amount', undefined, ['2021年预算数'])], rows, { sides: { revenue: 'amount', expenditure: 'amount' } });
}

/** A deep copy (tests mutate one cell of a consistent document). */
export function clone<T>(x: T): T {
  return structuredClone(x);
}

/** Sets one printed cell of a table (by number) and row id; null empties it. */
export function setCell(doc: BudgetDocument, no: number, rowId: string, key: string, value: string | null): BudgetDocument {
  const t = doc.tables.find((x) => x.no === no);
  const r = t?.rows.find((x) => x.id === rowId);
  if (!r) throw new Error(`no row ${rowId} in table ${no}`);
  r.amounts[key] = value === null ? null : money(value, r.src.line);
  return doc;
}

const SOURCES = ['govFund', 'stateCapital', 'specialAccount', 'business', 'operating', 'superior', 'subordinate', 'otherIncome', 'carryOver'];
const empty = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, null]));

/**
 * A small, fully consistent Shenzhen budget with the fourteen tables, shaped like the reference
 * sample (one unit, all money from the general public budget). Every table rule accepts it.
 */
export function consistentDoc(): BudgetDocument {
  const fn = (id: string, code: string, label: string, v: Record<string, CellInput>, level: number, parent: string | null, side?: 'expenditure') =>
    row(id, label, v, { code, codeSystem: 'function', level, parent, ...(side ? { side, codeResolved: 'by-name' as const } : { codeResolved: 'printed' as const }) });
  const rev = (id: string, code: string | null, label: string, v: string | null, level: number, parent: string | null, kind: Row['kind'] = 'item') =>
    row(id, label, { amount: v }, { side: 'revenue', kind, level, parent, ...(code ? { code, codeSystem: 'revenue' as const } : {}) });
  const exp = (id: string, label: string, v: string | null, kind: Row['kind'] = 'item') => row(id, label, { amount: v }, { side: 'expenditure', kind, level: 0, parent: null });
  const summary = (no: 1 | 6, p: string) => {
    const fnLines = [
      fn(`${p}-e1`, '201', '一般公共服务支出', { amount: '4,263.65' }, 0, null, 'expenditure'),
      fn(`${p}-e2`, '20103', '政府办公厅（室）及相关机构事务', { amount: '4,263.65' }, 1, `${p}-e1`, 'expenditure'),
      fn(`${p}-e3`, '2010399', '其他政府办公厅（室）及相关机构事务支出', { amount: '4,263.65' }, 2, `${p}-e2`, 'expenditure'),
      fn(`${p}-e4`, '208', '社会保障和就业支出', { amount: '74.31' }, 0, null, 'expenditure'),
      fn(`${p}-e5`, '20805', '行政事业单位养老支出', { amount: '74.31' }, 1, `${p}-e4`, 'expenditure'),
      fn(`${p}-e6`, '2080502', '事业单位离退休', { amount: '8.07' }, 2, `${p}-e5`, 'expenditure'),
      fn(`${p}-e7`, '2080505', '机关事业单位基本养老保险缴费支出', { amount: '50.40' }, 2, `${p}-e5`, 'expenditure'),
      fn(`${p}-e8`, '2080506', '机关事业单位职业年金缴费支出', { amount: '15.84' }, 2, `${p}-e5`, 'expenditure'),
      fn(`${p}-e9`, '221', '住房保障支出', { amount: '86.64' }, 0, null, 'expenditure'),
      fn(`${p}-e10`, '22102', '住房改革支出', { amount: '86.64' }, 1, `${p}-e9`, 'expenditure'),
      fn(`${p}-e11`, '2210201', '住房公积金', { amount: '63.60' }, 2, `${p}-e10`, 'expenditure'),
      fn(`${p}-e12`, '2210203', '购房补贴', { amount: '23.04' }, 2, `${p}-e10`, 'expenditure'),
    ];
    const revenue =
      no === 1
        ? [
            rev(`${p}-r1`, 'govApprop', '一、政府预算拨款', '4,424.60', 0, null),
            rev(`${p}-r2`, 'general', '1.一般公共预算拨款', '4,424.60', 1, `${p}-r1`),
            rev(`${p}-r3`, 'govFund', '2.政府性基金预算拨款', null, 1, `${p}-r1`),
            rev(`${p}-r4`, 'stateCapital', '3.国有资本经营预算拨款', null, 1, `${p}-r1`),
            rev(`${p}-r5`, 'specialAccount', '二、财政专户管理资金', null, 0, null),
            rev(`${p}-r6`, 'unitFunds', '三、单位资金', null, 0, null),
            rev(`${p}-r7`, 'business', '1.事业收入', null, 1, `${p}-r6`),
          ]
        : [
            rev(`${p}-r1`, 'govApprop', '政府预算拨款', '4,424.60', 0, null),
            rev(`${p}-r2`, 'general', '一般公共预算拨款', '4,424.60', 1, `${p}-r1`),
            rev(`${p}-r3`, 'govFund', '政府性基金预算拨款', null, 1, `${p}-r1`),
          ];
    return summaryTable(no === 1 ? 'income-expenditure-summary' : 'appropriation-summary', no, [
      ...revenue,
      ...fnLines,
      ...(no === 1 ? [exp(`${p}-e13`, '上缴上级支出', null)] : []),
      rev(`${p}-s1`, null, '本年收入合计', '4,424.60', 0, null, 'subtotal'),
      exp(`${p}-s2`, '本年支出合计', '4,424.60', 'subtotal'),
      rev(`${p}-c1`, 'carryOver', '上年结余、结转', null, 0, null, 'carry'),
      exp(`${p}-c2`, '结转下年', null, 'carry'),
      rev(`${p}-t1`, null, '收入总计', '4,424.60', 0, null, 'total'),
      exp(`${p}-t2`, '支出总计', '4,424.60', 'total'),
    ]);
  };
  const U = '测试单位';
  const unit = (id: string, v: Record<string, CellInput>) => row(id, U, v, { kind: 'unit', level: 0 });
  const t2 = table(
    'revenue-summary',
    2,
    ['total', 'general', 'generalBasic', 'generalDuty', 'generalSpecial', 'generalInvest', ...SOURCES],
    [unit('t2-1', { total: '4,424.60', general: '4,424.60', generalBasic: '780.06', generalDuty: '3,644.54', generalSpecial: null, generalInvest: null, ...empty(SOURCES) })],
  );
  const t3 = table('expenditure-summary', 3, ['total', 'basic', 'project', 'procurement'], [unit('t3-1', { total: '4,424.60', basic: '780.06', project: '3,644.54', procurement: '2,092.56' })]);
  const e4 = (id: string, code: string, label: string, v: string, kind: Row['kind'], parent: string) =>
    row(id, label, { total: v, govApprop: v, general: v, ...empty(SOURCES) }, { code, codeSystem: 'econ', codeResolved: 'by-name', kind, level: kind === 'group' ? 1 : 2, parent });
  const t4 = table(
    'basic-expenditure-economic',
    4,
    ['total', 'govApprop', 'general', ...SOURCES],
    [
      row('t4-1', U, { total: '780.06', govApprop: '780.06', general: '780.06', ...empty(SOURCES) }, { kind: 'unit', level: 0 }),
      e4('t4-2', '301', '工资福利支出', '728.73', 'group', 't4-1'),
      e4('t4-3', '30101', '基本工资', '508.93', 'item', 't4-2'),
      e4('t4-4', '30108', '机关事业单位基本养老保险缴费', '50.40', 'item', 't4-2'),
      e4('t4-5', '30109', '职业年金缴费', '15.84', 'item', 't4-2'),
      e4('t4-6', '30113', '住房公积金', '63.60', 'item', 't4-2'),
      e4('t4-7', '30199', '其他工资福利支出', '89.96', 'item', 't4-2'),
      e4('t4-8', '303', '对个人和家庭的补助', '51.33', 'group', 't4-1'),
      e4('t4-9', '30302', '退休费', '8.07', 'item', 't4-8'),
      e4('t4-10', '30399', '其他对个人和家庭的补助', '43.26', 'item', 't4-8'),
    ],
  );
  const p5 = (id: string, label: string, v: string, kind: Row['kind'], parent: string | null, level: number) =>
    row(
      id,
      label,
      { total: v, general: v, generalDuty: v, generalSpecial: null, generalInvest: null, ...empty(SOURCES) },
      { kind, level, parent, ...(kind === 'item' ? { codeSystem: 'project' as const } : {}) },
    );
  const t5 = table(
    'project-expenditure',
    5,
    ['total', 'general', 'generalDuty', 'generalSpecial', 'generalInvest', ...SOURCES],
    [
      p5('t5-1', U, '3,644.54', 'unit', null, 0),
      p5('t5-2', '一般性项目', '3,644.54', 'group', 't5-1', 1),
      p5('t5-3', '购置费', '101.66', 'item', 't5-2', 2),
      p5('t5-4', '电子政务运行维护', '3,542.88', 'item', 't5-2', 2),
    ],
  );
  const f7 = (id: string, code: string, label: string, total: string, basic: string | null, project: string | null, parent: string) =>
    fn(id, code, label, { total, basic, project }, code.length === 3 ? 1 : code.length === 5 ? 2 : 3, parent);
  const t7 = table(
    'general-budget-function',
    7,
    [col('total', ['basic', 'project'], ['支出总计']), 'basic', 'project'],
    [
      unit('t7-1', { total: '4,424.60', basic: '780.06', project: '3,644.54' }),
      f7('t7-2', '201', '一般公共服务支出', '4,263.65', '619.11', '3,644.54', 't7-1'),
      f7('t7-3', '20103', '政府办公厅（室）及相关机构事务', '4,263.65', '619.11', '3,644.54', 't7-2'),
      f7('t7-4', '2010399', '其他政府办公厅（室）及相关机构事务支出', '4,263.65', '619.11', '3,644.54', 't7-3'),
      f7('t7-5', '208', '社会保障和就业支出', '74.31', '74.31', null, 't7-1'),
      f7('t7-6', '20805', '行政事业单位养老支出', '74.31', '74.31', null, 't7-5'),
      f7('t7-7', '2080502', '事业单位离退休', '8.07', '8.07', null, 't7-6'),
      f7('t7-8', '2080505', '机关事业单位基本养老保险缴费支出', '50.40', '50.40', null, 't7-6'),
      f7('t7-9', '2080506', '机关事业单位职业年金缴费支出', '15.84', '15.84', null, 't7-6'),
      f7('t7-10', '221', '住房保障支出', '86.64', '86.64', null, 't7-1'),
      f7('t7-11', '22102', '住房改革支出', '86.64', '86.64', null, 't7-10'),
      f7('t7-12', '2210201', '住房公积金', '63.60', '63.60', null, 't7-11'),
      f7('t7-13', '2210203', '购房补贴', '23.04', '23.04', null, 't7-11'),
    ],
  );
  const zeroFn = (role: 'gov-fund-function' | 'state-capital-function', no: number) => table(role, no, ['total', 'basic', 'project'], [unit(`t${no}-1`, { total: '0', basic: '0', project: '0' })]);
  const t10 = table('transfer-payments', 10, ['amount'], [unit('t10-1', { amount: '0' })]);
  const pc = (id: string, code: string, label: string, v: string, parent: string, level: number) =>
    row(id, label, { amount: v }, { code, codeSystem: 'procurement', codeResolved: 'printed', level, parent });
  const t11 = table(
    'procurement',
    11,
    ['amount'],
    [
      unit('t11-1', { amount: '2,092.56' }),
      pc('t11-2', 'A', '货物', '101.66', 't11-1', 1),
      pc('t11-3', 'A02', '通用设备', '101.66', 't11-2', 2),
      pc('t11-4', 'C', '服务', '1,990.90', 't11-1', 1),
      pc('t11-5', 'C99', '其他服务', '1,990.90', 't11-4', 2),
    ],
  );
  const t12 = table(
    'three-public',
    12,
    ['total', 'overseas', 'reception', 'vehicles', 'vehiclePurchase', 'vehicleRunning'],
    [
      unit('t12-1', { total: '3.50', overseas: '0.00', reception: '1.00', vehicles: '2.50', vehiclePurchase: '0.00', vehicleRunning: '2.50' }),
      unit('t12-2', { total: '3.00', overseas: '0.00', reception: '0.50', vehicles: '2.50', vehiclePurchase: '0.00', vehicleRunning: '2.50' }),
    ],
  );
  const pp = (id: string, label: string, v: string) => row(id, label, { total: v, general: v, other: null }, { codeSystem: 'project', level: 1, parent: 't13-1' });
  const t13 = table(
    'performance-projects',
    13,
    ['total', 'general', 'other'],
    [unit('t13-1', { total: '3,644.54', general: '3,644.54', other: null }), pp('t13-2', '电子政务运行维护', '3,542.88'), pp('t13-3', '购置费', '101.66')],
  );
  const src = { line: 900, page: null, raw: '' };
  return emptyDoc({
    tables: [summary(1, 't1'), t2, t3, t4, t5, summary(6, 't6'), t7, zeroFn('gov-fund-function', 8), zeroFn('state-capital-function', 9), t10, t11, t12, t13],
    departmentTargets: {
      year: 2021,
      unitName: { text: U },
      overallGoal: { text: '目标' },
      tasks: [
        { name: '基本支出', content: '人员、公用', total: money('780.06', 901), fiscal: money('780.06', 901), other: money('0.00', 901), src: { ...src, line: 901 } },
        { name: '信息化服务', content: '运行维护', total: money('3,644.54', 902), fiscal: money('3,644.54', 902), other: money('0.00', 902), src: { ...src, line: 902 } },
      ],
      total: { total: money('4,424.60', 903), fiscal: money('4,424.60', 903), other: money('0.00', 903), src: { ...src, line: 903 } },
      indicators: [],
      src,
    },
  });
}

/**
 * A small, consistent Shanghai final account (决算, 万元): 收入支出决算总表 with the four carry lines
 * (使用非财政拨款结余, 年初结转和结余 | 结余分配, 年末结转和结余) and only 类 rows, 收入决算表 with
 * one 财政拨款收入 column, 支出决算表, 财政拨款收入支出决算总表 whose carry-over is broken down by
 * fund, and the general-budget function table (类/款/项). Tables keep `no: null` like the importer.
 */
export function shanghaiFinalDoc(): BudgetDocument {
  const fnRows = (p: string, vals: Record<string, Record<string, CellInput>>) => [
    { ...fnRow('201', '一般公共服务支出', vals['201']!), id: `${p}201` },
    { ...fnRow('20106', '财政事务', vals['201']!, { parent: `${p}201` }), id: `${p}20106` },
    { ...fnRow('2010601', '行政运行', vals['201']!, { parent: `${p}20106` }), id: `${p}2010601` },
    { ...fnRow('221', '住房保障支出', vals['221']!), id: `${p}221` },
    { ...fnRow('22102', '住房改革支出', vals['221']!, { parent: `${p}221` }), id: `${p}22102` },
    { ...fnRow('2210201', '住房公积金', vals['221']!, { parent: `${p}22102` }), id: `${p}2210201` },
  ];
  const side = (s: 'revenue' | 'expenditure', kind: Row['kind'] = 'item', extra: RowOptions = {}): RowOptions => ({ side: s, kind, level: kind === 'item' ? 1 : 0, parent: null, ...extra });
  const fnLine = (id: string, code: string, label: string, v: string | null, extra: Record<string, CellInput> = {}) =>
    row(id, label, { amount: v, ...extra }, { ...side('expenditure'), code, codeSystem: 'function', codeResolved: 'by-name' });
  const t1 = table(
    'income-expenditure-summary',
    null,
    [col('amount', undefined, ['决算数'])],
    [
      row('r1', '一、一般公共预算财政拨款收入', { amount: '100.00' }, { ...side('revenue'), code: 'general', codeSystem: 'revenue' }),
      row('r2', '八、其他收入', { amount: '5.00' }, { ...side('revenue'), code: 'otherIncome', codeSystem: 'revenue' }),
      fnLine('e1', '201', '一、一般公共服务支出', '60.00'),
      fnLine('e2', '202', '二、外交支出', null),
      fnLine('e3', '221', '十九、住房保障支出', '40.00'),
      row('s1', '本年收入合计', { amount: '105.00' }, side('revenue', 'subtotal')),
      row('s2', '本年支出合计', { amount: '100.00' }, side('expenditure', 'subtotal')),
      row('c1', '使用非财政拨款结余(含专用结余)', { amount: null }, side('revenue', 'carry')),
      row('c2', '结余分配', { amount: null }, side('expenditure', 'carry')),
      row('c3', '年初结转和结余', { amount: '10.00' }, side('revenue', 'carry')),
      row('c4', '年末结转和结余', { amount: '15.00' }, side('expenditure', 'carry')),
      row('t1', '总计', { amount: '115.00' }, side('revenue', 'total')),
      row('t2', '总计', { amount: '115.00' }, side('expenditure', 'total')),
    ],
    { sides: { revenue: 'amount', expenditure: 'amount' }, title: { text: '收入支出决算总表' } },
  );
  const t2 = table(
    'revenue-summary',
    null,
    ['total', 'govApprop', 'otherIncome'].map((k) => col(k, undefined, [{ total: '本年收入合计', govApprop: '财政拨款收入', otherIncome: '其他收入' }[k]!])),
    [
      row('total', '合计', { total: '105.00', govApprop: '100.00', otherIncome: '5.00' }, { kind: 'total' }),
      ...fnRows('f', { '201': { total: '65.00', govApprop: '60.00', otherIncome: '5.00' }, '221': { total: '40.00', govApprop: '40.00', otherIncome: null } }),
    ],
    { title: { text: '收入决算表' } },
  );
  const t3 = table(
    'expenditure-summary',
    null,
    ['total', 'basic', 'project'],
    [
      row('total', '合计', { total: '100.00', basic: '70.00', project: '30.00' }, { kind: 'total' }),
      ...fnRows('f', { '201': { total: '60.00', basic: '30.00', project: '30.00' }, '221': { total: '40.00', basic: '40.00', project: null } }),
    ],
    { title: { text: '支出决算表' } },
  );
  const t4 = table(
    'appropriation-summary',
    null,
    [col('amount', undefined, ['决算数']), 'general'],
    [
      row('r1', '一、一般公共预算财政拨款', { amount: '100.00' }, { ...side('revenue'), code: 'general', codeSystem: 'revenue' }),
      fnLine('e1', '201', '一、一般公共服务支出', '60.00', { general: '60.00' }),
      fnLine('e3', '221', '十九、住房保障支出', '40.00', { general: '40.00' }),
      row('s1', '本年收入合计', { amount: '100.00' }, side('revenue', 'subtotal')),
      row('s2', '本年支出合计', { amount: '100.00', general: '100.00' }, side('expenditure', 'subtotal')),
      row('c1', '年初财政拨款结转和结余', { amount: '8.00' }, side('revenue', 'carry')),
      row('c2', '年末财政拨款结转和结余', { amount: '8.00', general: '8.00' }, side('expenditure', 'carry')),
      row('c3', '一、一般公共预算财政拨款', { amount: '8.00' }, { ...side('revenue'), level: 2, parent: 'c1', code: 'general', codeSystem: 'revenue' }),
      row('t1', '总计', { amount: '108.00' }, side('revenue', 'total')),
      row('t2', '总计', { amount: '108.00', general: '108.00' }, side('expenditure', 'total')),
    ],
    { sides: { revenue: 'amount', expenditure: 'amount' }, title: { text: '财政拨款收入支出决算总表' } },
  );
  const t5 = table(
    'general-budget-function',
    null,
    ['total', 'basic', 'project'],
    [
      ...fnRows('f', { '201': { total: '60.00', basic: '30.00', project: '30.00' }, '221': { total: '40.00', basic: '40.00', project: null } }),
      row('total', '合计', { total: '100.00', basic: '70.00', project: '30.00' }, { kind: 'total' }),
    ],
    { title: { text: '一般公共预算财政拨款支出决算表' } },
  );
  return emptyDoc({ kind: '部门决算', profile: 'shanghai-final-accounts', year: 2024, tables: [t1, t2, t3, t4, t5] });
}

/** Sets one printed cell of the first table with a role (tables without numbers); null empties it. */
export function setRoleCell(doc: BudgetDocument, role: TableRole, rowId: string, key: string, value: string | null): BudgetDocument {
  const r = doc.tables.find((x) => x.role === role)?.rows.find((x) => x.id === rowId);
  if (!r) throw new Error(`no row ${rowId} in ${role}`);
  r.amounts[key] = value === null ? null : money(value, r.src.line);
  return doc;
}

/**
 * The set-up of a rule's tests: `run` checks a document with that rule alone, `doc()` gives a fresh
 * copy of `base` (the consistent budget unless told) to spoil.
 */
export function ruleHarness(rule: Rule, base: BudgetDocument = consistentDoc()) {
  return {
    run: (d: BudgetDocument) => runRules(d, [rule]),
    doc: () => clone(base),
  };
}

/** Table `no` of a document (the test knows it is there). */
export const tbl = (d: BudgetDocument, no: number): Table => d.tables.find((t) => t.no === no)!;

/** Row `id` of table `no` (the test knows it is there). */
export const rowOf = (d: BudgetDocument, no: number, id: string): Row => tbl(d, no).rows.find((r) => r.id === id)!;

/** A document whose narrative holds `facts` and the listed `projects` (二、项目支出 情况), beside `tables`. */
export function narrativeDoc(facts: Fact[], tables: Table[], projects: NarrativeProject[] = [], over: Partial<BudgetDocument> = {}): BudgetDocument {
  return emptyDoc({ tables, narrative: { parts: [], duties: [], projects, glossary: [], facts }, ...over });
}

/** A project as the narrative lists it: its name, amount (printed, at `line`) and items. */
export function narrativeProject(name: string, amount: string, items: NarrativeProject['items'] = [], line = 92): NarrativeProject {
  return { no: 1, name, amount: money(amount, line), description: '', items, src: { line, page: null, raw: name } };
}
