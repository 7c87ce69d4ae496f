import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Row, Table } from '../../domain/model.js';
import { Table as TableSchema } from '../../domain/model.js';
import { readSourceText } from '../text/source.js';
import { newContext, type ImportContext } from './context.js';
import { splitShenzhen } from './sections.js';
import { parseTables } from './tables.js';

const FILE = resolve(import.meta.dirname, '../../../samples/shenzhen-futian-data-center-2021-dept-budget.txt');
const RAW = readFileSync(FILE, 'utf8');

/** Parses tables 1–13 of a Shenzhen text (the sample, or a variant of its lines). */
function tablesOf(text: string, file = 'sample.txt'): { tables: Table[]; ctx: ImportContext } {
  const src = readSourceText(Buffer.from(text, 'utf8'), file);
  const ctx = newContext(file);
  const blocks = splitShenzhen(src, ctx).tables.filter((b) => b.no !== 14);
  return { tables: parseTables(blocks, ctx), ctx };
}

/** The sample with its 1-based line `no` replaced by `by` (several lines when `by` holds newlines). */
function withLine(text: string, no: number, by: string): string {
  const lines = text.split('\n');
  lines.splice(no - 1, 1, by);
  return lines.join('\n');
}

const sample = tablesOf(RAW);
const table = (no: number) => sample.tables.find((t) => t.no === no)!;
const fen = (wan: string) => {
  // Independent of money.ts: digits only, 1 万元 = 1,000,000 fen.
  const [i = '0', f = ''] = wan.replace(/,/g, '').split('.');
  return Number(i) * 1_000_000 + Number((f + '000000').slice(0, 6));
};
const cellOf = (r: Row | undefined, key: string) => (r ? (r.amounts[key] === null ? null : r.amounts[key]!.fen) : undefined);

test('the sample yields tables 1 to 13 with their roles, and each satisfies the table schema', () => {
  assert.deepEqual(
    sample.tables.map((t) => t.no),
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
  );
  assert.equal(table(4).role, 'basic-expenditure-economic');
  assert.equal(table(12).role, 'three-public');
  for (const t of sample.tables) {
    TableSchema.parse(t);
    assert.equal(t.displayUnit, '万元');
    assert.equal(t.unitName?.text, '深圳市福田区数据管理中心');
    const ids = new Set(t.rows.map((r) => r.id));
    assert.equal(ids.size, t.rows.length, `ids unique in 表 ${t.no}`);
    for (const r of t.rows) if (r.parent) assert.ok(ids.has(r.parent), `parent of ${r.id} exists`);
  }
});

test('table 1 revenue 收入总计 is 4,424.60 on line 277, and both sides keep their printed order', () => {
  const t = table(1);
  const total = t.rows.find((r) => r.side === 'revenue' && r.kind === 'total')!;
  assert.equal(total.label, '收入总计');
  assert.equal(cellOf(total, 'amount'), fen('4,424.60'));
  assert.equal(total.src.line, 277);
  assert.equal(total.amounts.amount!.src!.line, 277);
  const lines = t.rows.map((r) => r.src.line ?? 0);
  assert.deepEqual(
    lines,
    [...lines].sort((a, b) => a - b),
  );
  assert.deepEqual(t.sides, { revenue: 'amount', expenditure: 'amount' });
});

test('table 1 splits revenue sources from function names and resolves codes by name along the tree', () => {
  const t = table(1);
  const rev = (code: string) => t.rows.find((r) => r.side === 'revenue' && r.code === code)!;
  assert.equal(rev('govApprop').label, '一、政府预算拨款');
  assert.equal(rev('govFund').parent, rev('govApprop').id);
  assert.equal(cellOf(rev('govFund'), 'amount'), null);
  assert.equal(rev('superior').parent, rev('unitFunds').id);
  const exp = (code: string) => t.rows.find((r) => r.side === 'expenditure' && r.code === code)!;
  const x = exp('2010399');
  assert.equal(x.src.line, 241);
  assert.equal(x.codeResolved, 'by-name');
  assert.equal(x.level, 2);
  assert.equal(x.parent, exp('20103').id);
  assert.equal(exp('20103').parent, exp('201').id);
  assert.equal(exp('2210203').parent, exp('22102').id);
  const upward = t.rows.find((r) => r.label === '上缴上级支出')!;
  assert.equal(upward.side, 'expenditure');
  assert.equal(upward.code, null);
  assert.equal(t.rows.find((r) => r.label === '结转下年')!.kind, 'carry');
  assert.equal(t.rows.find((r) => r.label === '本年收入合计')!.kind, 'subtotal');
  assert.equal(rev('carryOver').kind, 'carry');
});

test('table 6 joins a function name wrapped over two lines to the amount on a third, without thousands separators', () => {
  const r = table(6).rows.find((x) => x.code === '2010399')!;
  assert.equal(r.label, '其他政府办公厅(室)及相关机构事务支出');
  assert.equal(r.src.line, 622);
  assert.equal(r.src.endLine, 625);
  assert.equal(cellOf(r, 'amount'), fen('4263.65'));
  assert.equal(r.amounts.amount!.src!.line, 625);
  assert.equal(table(6).rows.find((x) => x.side === 'revenue' && x.code === 'govFund')!.amounts.amount, null);
});

test('table 2 places the four printed cells of the unit row among sixteen columns', () => {
  const t = table(2);
  assert.equal(t.rows.length, 1);
  const r = t.rows[0]!;
  assert.equal(r.kind, 'unit');
  assert.equal(r.label, '深圳市福田区数据管理中心');
  assert.equal(r.unit, '深圳市福田区数据管理中心');
  assert.equal(cellOf(r, 'total'), fen('4,424.60'));
  assert.equal(cellOf(r, 'general'), fen('4,424.60'));
  assert.equal(cellOf(r, 'generalBasic'), fen('780.06'));
  assert.equal(cellOf(r, 'generalDuty'), fen('3,644.54'));
  // The sums fit 780.06 and 3,644.54 in more than one pair of the four 一般公共预算 sub-columns: the
  // earliest placement is kept and marked inferred, and the sub-columns another placement would fill
  // are unknown (no key), not empty; the printed totals are settled.
  assert.equal(r.amounts.total!.inferred, undefined);
  assert.equal(r.amounts.generalBasic!.inferred, true);
  assert.equal(r.amounts.generalDuty!.inferred, true);
  assert.deepEqual(
    t.columns.map((c) => c.key).filter((k) => !(k in r.amounts)),
    ['generalSpecial', 'generalInvest'],
  );
  const others = Object.keys(r.amounts).filter((k) => !['total', 'general', 'generalBasic', 'generalDuty'].includes(k));
  assert.equal(others.length, t.columns.length - 6);
  for (const k of others) assert.equal(r.amounts[k], null, k);
  assert.deepEqual(t.columns.find((c) => c.key === 'general')!.sumOf, ['generalBasic', 'generalDuty', 'generalSpecial', 'generalInvest']);
  assert.ok(t.columns.find((c) => c.key === 'total')!.sumOf!.includes('carryOver'));
});

test('table 3 keeps 其中:政府采购项目 outside the total', () => {
  const t = table(3);
  assert.deepEqual(t.columns.find((c) => c.key === 'total')!.sumOf, ['basic', 'project']);
  assert.equal(cellOf(t.rows[0], 'procurement'), fen('2,092.56'));
});

test('table 4 reads the wrapped 机关事业单位基本养老保险缴费 as 30108 under 301 with 50.40 in three columns', () => {
  const t = table(4);
  const r = t.rows.find((x) => x.code === '30108')!;
  assert.equal(r.label, '机关事业单位基本养老保险缴费');
  assert.equal(r.kind, 'item');
  assert.equal(r.src.line, 473);
  assert.equal(r.src.endLine, 476);
  for (const k of ['total', 'govApprop', 'general']) assert.equal(cellOf(r, k), fen('50.40'), k);
  for (const k of ['govFund', 'stateCapital', 'specialAccount', 'business', 'carryOver']) assert.equal(cellOf(r, k), null, k);
  const cls = t.rows.find((x) => x.id === r.parent)!;
  assert.equal(cls.code, '301');
  assert.equal(cls.kind, 'group');
  assert.equal(t.rows.find((x) => x.id === cls.parent)!.kind, 'unit');
  assert.equal(t.rows.find((x) => x.label === '维修(护)费')!.code, '30213');
  assert.equal(
    t.rows
      .filter((x) => x.kind === 'group')
      .map((x) => x.code)
      .join(','),
    '301,302,303',
  );
});

test('table 5 has the unit, the 一般性项目 group and five projects', () => {
  const t = table(5);
  assert.deepEqual(
    t.rows.map((r) => r.kind),
    ['unit', 'group', 'item', 'item', 'item', 'item', 'item'],
  );
  const p = t.rows.find((r) => r.label === '电子政务运行维护')!;
  assert.equal(p.codeSystem, 'project');
  assert.equal(p.parent, t.rows[1]!.id);
  assert.equal(cellOf(p, 'generalDuty'), fen('2,994.28'));
});

test('table 7 row 2010399, printed over six lines, has total 4,263.65, basic 619.11 and project 3,644.54', () => {
  const t = table(7);
  const r = t.rows.find((x) => x.code === '2010399')!;
  assert.equal(r.label, '其他政府办公厅(室)及相关机构事务支出');
  assert.equal(r.codeResolved, 'printed');
  assert.equal(r.level, 3);
  assert.equal(r.src.line, 676);
  assert.equal(r.src.endLine, 683);
  assert.equal(cellOf(r, 'total'), fen('4,263.65'));
  assert.equal(cellOf(r, 'basic'), fen('619.11'));
  assert.equal(cellOf(r, 'project'), fen('3,644.54'));
  assert.equal(t.rows.find((x) => x.id === r.parent)!.code, '20103');
  const pension = t.rows.find((x) => x.code === '2080505')!;
  assert.equal(cellOf(pension, 'basic'), fen('50.40'));
  assert.equal(cellOf(pension, 'project'), null);
});

test('tables 8 to 10 keep their printed zeros as amounts', () => {
  for (const no of [8, 9]) {
    const r = table(no).rows[0]!;
    assert.equal(r.kind, 'unit');
    assert.deepEqual([cellOf(r, 'total'), cellOf(r, 'basic'), cellOf(r, 'project')], [0, 0, 0]);
  }
  const r10 = table(10).rows[0]!;
  assert.equal(cellOf(r10, 'amount'), 0);
  assert.equal(r10.amounts.amount!.src!.line, 743);
});

test('table 11 reads printed procurement codes with levels and parents', () => {
  const t = table(11);
  const c99 = t.rows.find((r) => r.code === 'C99')!;
  assert.equal(cellOf(c99, 'amount'), fen('1,990.90'));
  assert.equal(c99.level, 2);
  assert.equal(t.rows.find((r) => r.id === c99.parent)!.code, 'C');
  assert.equal(t.rows.find((r) => r.code === 'A02')!.label, '通用设备');
});

test('table 12 keeps both year rows with every cell empty', () => {
  const t = table(12);
  assert.deepEqual(
    t.rows.map((r) => r.texts?.year?.text),
    ['2020', '2021'],
  );
  for (const r of t.rows) {
    assert.equal(r.unit, '深圳市福田区数据管理中心');
    assert.deepEqual(Object.values(r.amounts), [null, null, null, null, null, null]);
  }
});

test('table 13 separates the wrapped unit name from the project name and keeps the period text', () => {
  const t = table(13);
  assert.equal(t.rows[0]!.kind, 'unit');
  assert.equal(cellOf(t.rows[0], 'total'), fen('3,644.54'));
  const items = t.rows.slice(1);
  assert.deepEqual(
    items.map((r) => r.label),
    ['一般管理事务', '电子政务管理', '电子政务运行维护', '购置费', '预算准备金'],
  );
  for (const r of items) {
    assert.equal(r.texts?.period?.text, '2021.01.01-2021.12.31');
    assert.equal(r.unit, '深圳市福田区数据管理中心');
    assert.equal(r.parent, t.rows[0]!.id);
  }
  assert.equal(cellOf(items[2], 'general'), fen('2,994.28'));
  assert.equal(cellOf(items[2], 'other'), null);
});

test('every amount printed in lines 228–846 is in some row with its line', () => {
  const printed: string[] = [];
  RAW.split(/\r?\n/).forEach((line, i) => {
    if (i + 1 < 228 || i + 1 > 846) return;
    for (const w of line.trim().split(/\s+/)) if (/^(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}$|^0$/.test(w)) printed.push(`${i + 1}:${fen(w)}`);
  });
  const parsed: string[] = [];
  for (const t of sample.tables) for (const r of t.rows) for (const m of Object.values(r.amounts)) if (m) parsed.push(`${m.src!.line}:${m.fen}`);
  assert.deepEqual([...parsed].sort(), [...printed].sort());
  assert.equal(printed.length, 203);
});

/** The import notes of errors (what could not be read). */
const unread = (ctx: ImportContext) => ctx.notes.filter((n) => n.severity === 'error');

test('a table with a missing column is left out as a located table-unreadable note; the other tables are read', () => {
  const text = withLine(RAW, 284, '预算单位');
  assert.equal(RAW.split('\n')[283], '预算单位 收入总计');
  const { tables, ctx } = tablesOf(text);
  assert.deepEqual(
    tables.map((t) => t.no),
    [1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
  );
  assert.deepEqual(
    tables.map((t) => t.id),
    ['t1', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10', 't11', 't12', 't13'],
  );
  const [n, ...more] = unread(ctx);
  assert.deepEqual(more, []);
  assert.deepEqual([n!.code, n!.table, n!.row, n!.src.line, n!.src.page], ['table-unreadable', 't2', null, 284, 7]);
  assert.match(n!.message, /^表《收入总表》未能读取（第 284 行）：表头缺少“收入总计”列/);
});

test('a malformed amount makes its row unreadable at its file line: the row is kept with unknown cells, the rest of the table is read', () => {
  const text = withLine(RAW, 476, '50.40 1,2.3 50.40');
  const { tables, ctx } = tablesOf(text, 'futian.txt');
  const t4 = tables.find((t) => t.no === 4)!;
  const [n, ...more] = unread(ctx);
  assert.deepEqual(more, []);
  assert.deepEqual([n!.code, n!.table, n!.src.line, n!.src.page], ['row-unreadable', 't4', 476, 9]);
  assert.match(n!.message, /^表《基本支出总表》第 476 行未能读取：「机关事业单位基本养老保险缴费」“1,2\.3”不是金额（万元）$/);
  const r = t4.rows.find((x) => x.id === n!.row)!;
  assert.equal(r.label, '机关事业单位基本养老保险缴费');
  assert.ok(Object.values(r.amounts).every((v) => v === null));
  assert.deepEqual(
    r.unplaced?.map((m) => m.fen),
    [fen('50.40'), fen('50.40')],
  );
  // The rows below it are read as printed.
  assert.equal(
    cellOf(
      t4.rows.find((x) => x.label === '职业年金缴费'),
      'total',
    ),
    fen('15.84'),
  );
  assert.equal(t4.rows.length, table(4).rows.length);
});

test('a table number outside 1–13 and a repeated table are left out as located notes, the others read', () => {
  const src = readSourceText(Buffer.from(RAW, 'utf8'), 'x.txt');
  const blocks = splitShenzhen(src, newContext('x.txt')).tables;
  const c1 = newContext('x.txt');
  assert.deepEqual(
    parseTables(blocks, c1).map((t) => t.no),
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
  );
  assert.deepEqual(
    unread(c1).map((n) => [n.code, n.table, n.src.line]),
    [['table-unreadable', 't14', 847]],
  );
  assert.match(unread(c1)[0]!.message, /表 14.*不是深圳部门预算的表 1 至表 13/);
  const t3 = blocks.find((b) => b.no === 3)!;
  const c2 = newContext('x.txt');
  assert.deepEqual(
    parseTables([t3, { ...t3 }], c2).map((t) => [t.id, t.no]),
    [['t1', 3]],
  );
  assert.deepEqual(
    unread(c2).map((n) => [n.code, n.table, n.src.line]),
    [['table-unreadable', 't2', 385]],
  );
  assert.match(unread(c2)[0]!.message, /“表 3”已在第 385 行出现过/);
});

test('an amount row that fits no placement into the columns is unreadable, naming the row; its cells are unknown, not guessed', () => {
  const text = withLine(RAW, 685, '208 社会保障和就业支出 74.31 70.00');
  const { tables, ctx } = tablesOf(text);
  const [n, ...more] = unread(ctx);
  assert.deepEqual(more, []);
  assert.deepEqual([n!.code, n!.table, n!.src.line], ['row-unreadable', 't7', 685]);
  assert.match(n!.message, /第 685 行未能读取：「208 社会保障和就业支出」的 2 个金额（74\.31 70\.00）/);
  const r = tables.find((t) => t.no === 7)!.rows.find((x) => x.id === n!.row)!;
  assert.equal(r.code, '208');
  assert.deepEqual(Object.values(r.amounts), [null, null, null]);
  assert.deepEqual(
    r.unplaced?.map((m) => m.fen),
    [fen('74.31'), fen('70.00')],
  );
});

test('two-sided tables: a malformed amount leaves its side of the line unknown, an amount with no label is noted, the other side is read', () => {
  const i = RAW.split('\n').findIndex((l) => l.startsWith('收入总计 4,424.60'));
  const { tables, ctx } = tablesOf(withLine(RAW, i + 1, '收入总计 1,2.3 支出总计 4,424.60'));
  const t1 = tables.find((t) => t.no === 1)!;
  const [n, ...more] = unread(ctx);
  assert.deepEqual(more, []);
  assert.deepEqual([n!.code, n!.table, n!.src.line], ['row-unreadable', 't1', i + 1]);
  const rev = t1.rows.find((r) => r.id === n!.row)!;
  assert.deepEqual([rev.side, rev.kind, rev.amounts.amount], ['revenue', 'total', null]);
  assert.equal(
    cellOf(
      t1.rows.find((r) => r.side === 'expenditure' && r.kind === 'total'),
      'amount',
    ),
    fen('4,424.60'),
  );
  const { ctx: c2 } = tablesOf(withLine(RAW, 237, '12.00'));
  assert.deepEqual(
    unread(c2).map((x) => [x.code, x.table, x.row, x.src.line]),
    [['row-unreadable', 't1', null, 237]],
  );
});

test('an unknown row label is kept without a code and noted as a warning', () => {
  const text = withLine(RAW, 490, '新型办公耗材费 9.00 9.00 9.00');
  const { tables, ctx } = tablesOf(text);
  const r = tables.find((t) => t.no === 4)!.rows.find((x) => x.label === '新型办公耗材费')!;
  assert.equal(r.code, null);
  assert.equal(r.kind, 'item');
  assert.equal(cellOf(r, 'general'), fen('9.00'));
  assert.ok(ctx.notes.some((n) => n.severity === 'warning' && n.message.includes('新型办公耗材费') && n.src.line === 490));
});

test('another unit with an extra function 项 and project is read the same way (not tied to the sample)', () => {
  let text = RAW.replaceAll('深圳市福田区数据管理', '深圳市南山区城市管理');
  // Line numbers below are the sample's; edits go bottom-up so earlier numbers stay valid.
  text = withLine(text, 846, '预算准备金 3.00 3.00 2021.01.01-2021.12.31\n深圳市南山区城市管理\n中心\n智慧城管平台建设运\n营 10.00 10.00 2021.03.01-2021.12.31');
  text = withLine(text, 699, '15.84 15.84\n2080599 其他行政事业单\n位养老支出\n1.25 1.25');
  text = withLine(text, 251, '2.事业单位经营收入 机关事业单位职业年金缴费支出 15.84\n其他行政事业单位养\n老支出 1.25');
  const { tables } = tablesOf(text);
  const t1 = tables.find((t) => t.no === 1)!;
  const extra1 = t1.rows.find((r) => r.code === '2080599')!;
  assert.equal(extra1.label, '其他行政事业单位养老支出');
  assert.equal(extra1.side, 'expenditure');
  assert.equal(t1.rows.find((r) => r.id === extra1.parent)!.code, '20805');
  assert.equal(cellOf(extra1, 'amount'), fen('1.25'));
  const t7 = tables.find((t) => t.no === 7)!;
  assert.equal(t7.rows[0]!.label, '深圳市南山区城市管理中心');
  const extra7 = t7.rows.find((r) => r.code === '2080599')!;
  assert.equal(extra7.level, 3);
  assert.equal(cellOf(extra7, 'basic'), fen('1.25'));
  assert.equal(cellOf(extra7, 'project'), null);
  const t2 = tables.find((t) => t.no === 2)!;
  assert.equal(t2.rows[0]!.unit, '深圳市南山区城市管理中心');
  const t13 = tables.find((t) => t.no === 13)!;
  const p = t13.rows[t13.rows.length - 1]!;
  assert.equal(p.label, '智慧城管平台建设运营');
  assert.equal(p.unit, '深圳市南山区城市管理中心');
  assert.equal(p.texts?.period?.text, '2021.03.01-2021.12.31');
  assert.equal(cellOf(p, 'total'), fen('10.00'));
});

test('an unknown expenditure name in table 1 is kept on the expenditure side without a code and noted', () => {
  const text = withLine(RAW, 253, '数据要素市场培育支出 13.20');
  const { tables, ctx } = tablesOf(text);
  const r = tables.find((t) => t.no === 1)!.rows.find((x) => x.label === '数据要素市场培育支出')!;
  assert.equal(r.side, 'expenditure');
  assert.equal(r.code, null);
  assert.equal(cellOf(r, 'amount'), fen('13.20'));
  assert.ok(ctx.notes.some((n) => n.severity === 'warning' && n.src.line === 253));
});

test('table 13 tells a unit seen nowhere else from its project by the line that carries the cells', () => {
  const text = withLine(withLine(RAW, 840, ''), 838, '深圳市福田区数据服务\n站');
  const { tables } = tablesOf(text);
  const r = tables.find((t) => t.no === 13)!.rows.find((x) => x.label === '购置费')!;
  assert.equal(r.unit, '深圳市福田区数据服务站');
  assert.equal(r.texts?.period?.text, '2021.01.01-2021.12.31');
  assert.equal(cellOf(r, 'total'), fen('101.66'));
});

test('a note under a table is kept as the table note, not read as a row', async () => {
  const { importShenzhenText } = await import('./index.js');
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(new URL('../../../samples/shenzhen-futian-data-center-2021-dept-budget.txt', import.meta.url), 'utf8');
  const lines = text.split('\n');
  const at = lines.findIndex((l, i) => i > 700 && l.startsWith('深圳市福田区数据管理中心 0 0 0'));
  lines.splice(at + 1, 0, '注：本单位 2021 年无政府性基金预算支出，', '本表无数据。');
  const doc = importShenzhenText(new TextEncoder().encode(lines.join('\n')), 'note.txt');
  const t8 = doc.tables.find((t) => t.no === 8)!;
  assert.equal(t8.note?.text, '注:本单位 2021 年无政府性基金预算支出,本表无数据。');
  assert.equal(t8.note?.src?.line, at + 2);
  assert.equal(t8.rows.length, 1);
});
