import { test } from 'node:test';
import assert from 'node:assert/strict';
import { breaksOwnSums, checkCodeHierarchy, checkHeading, checkParent, checkRowRelations, childRows, isOfWhich, isPeriodRow, unitBlocks } from './arith.js';
import { rowRelations } from './relations.js';
import type { FindingInput, RuleContext } from '../types.js';
import type { ClassificationSystem } from '../../domain/classification/index.js';
import { emptyDoc, row, table } from './test-doc.js';
import type { BudgetDocument, Row, TableRole } from '../../domain/model.js';

const ids = (rs: readonly Row[]) => rs.map((r) => r.id);
const at = (id: string, level: number, opts: Partial<Row> = {}) => row(id, id, { total: '1.00' }, { level, parent: null, ...opts });
// The parser sets `parent: null` when it read no ids; a table where no row names a parent is read by levels.
const noIds = (rows: Row[]) =>
  table(
    'project-expenditure',
    5,
    ['total'],
    rows.map((r) => ({ ...r, parent: undefined })),
  );

test('without parent ids, a row heads the rows one level deeper up to the next row at its level or above', () => {
  const t = noIds([at('a', 1), at('a1', 2), at('a1x', 3), at('a2', 2), at('b', 1), at('b1', 2)]);
  const [a, a1, , , b] = t.rows as [Row, Row, Row, Row, Row];
  assert.deepEqual(ids(childRows(t, a)), ['a1', 'a2'], 'grandchildren are not direct children');
  assert.deepEqual(ids(childRows(t, a1)), ['a1x']);
  assert.deepEqual(ids(childRows(t, b)), ['b1']);
  assert.deepEqual(ids(childRows(t, t.rows[5]!)), [], 'the last row heads nothing');
});

test('without parent ids, a subtotal, total, carry or unit row ends the rows a heading heads, whatever its level', () => {
  for (const kind of ['subtotal', 'total', 'carry', 'unit'] as const) {
    const t = noIds([at('a', 1), at('a1', 2), at('x', 2, { kind }), at('a2', 2)]);
    assert.deepEqual(ids(childRows(t, t.rows[0]!)), ['a1'], kind);
  }
  // A row of the other side of a two-sided table is skipped, not an end.
  const two = noIds([at('a', 1, { side: 'revenue' }), at('e', 2, { side: 'expenditure' }), at('a1', 2, { side: 'revenue' })]);
  assert.deepEqual(ids(childRows(two, two.rows[0]!)), ['a1']);
});

test('with parent ids, they decide: a row named by none heads nothing even when deeper rows follow it', () => {
  const t = table('project-expenditure', 5, ['total'], [at('a', 1), at('a1', 2, { parent: 'a' }), at('b', 1), at('b1', 2, { parent: 'a' }), at('c', 1), at('c1', 2)]);
  assert.deepEqual(ids(childRows(t, t.rows[0]!)), ['a1', 'b1'], 'by id, wherever printed');
  assert.deepEqual(ids(childRows(t, t.rows[4]!)), [], 'c names no child and the table has ids');
  // A row naming itself as its parent is not its own part.
  const self = table('project-expenditure', 5, ['total'], [at('s', 1, { parent: 's' })]);
  assert.deepEqual(ids(childRows(self, self.rows[0]!)), []);
});

test('period and change rows are neither parts nor headings', () => {
  const t = noIds([at('a', 1), row('p', '2026年', { total: '1.00' }, { level: 2 }), at('a1', 2), row('c', '增减变化', { total: '0' }, { level: 2 })]);
  assert.deepEqual(ids(childRows(t, t.rows[0]!)), ['a1']);
  assert.deepEqual(ids(childRows(t, t.rows[1]!)), []);
  assert.ok(isPeriodRow(row('x', '上年预算数', {})) && isPeriodRow(row('y', '2025 年度', {})) && !isPeriodRow(row('z', '2026年', {}, { code: '201' })));
  assert.ok(!isPeriodRow(row('w', '本年收入合计', {})));
});

// ---- Parents against children, headings, unit blocks, code hierarchies and a row's own sums (the checks the
// table rules rest on), asserted through what a reviewer sees: the findings and their rows.
type Found = FindingInput;
const collect = () => {
  const found: Found[] = [];
  return { ctx: { report: (f: Found) => found.push(f) } satisfies RuleContext, found };
};
const kinds = (fs: Found[]) => fs.map((f) => `${f.location.row}:${f.severity ?? 'rule'}`);

test('checkParent compares every amount column the parent prints or its children print, and only those', () => {
  const { ctx, found } = collect();
  const t = table('project-expenditure', 5, ['total', 'basic', 'project', 'other', 'general'], []);
  // basic: printed empty on the parent and nowhere below (nothing to compare); project: the parent prints
  // nothing, a child prints 1.00; other: the parent prints 4.00, no child prints that column; general: the
  // parent prints nothing, both children print it.
  const p = row('p', '一般性项目', { total: '5.00', basic: null, other: '4.00' });
  const kids = [row('k1', '项目甲', { total: '3.00', basic: null, project: '1.00', general: '1.00' }), row('k2', '项目乙', { total: '2.00', general: '2.00' })];
  assert.deepEqual(checkParent(ctx, t, p, kids), ['equal', 'mismatch', 'mismatch', 'mismatch']);
  assert.deepEqual(
    found.map((f) => [f.location.row, f.location.column, f.expected, f.actual]),
    [
      ['p', 'project', '0.00', '1.00'],
      ['p', 'other', '4.00', '0.00'],
      ['p', 'general', '0.00', '3.00'],
    ],
  );
  const none = collect();
  assert.deepEqual(checkParent(none.ctx, t, p, []), [], 'a row heading nothing is not compared');
  assert.deepEqual(none.found, []);
});

test('a heading whose lines are all 其中 may exceed them but not fall short beyond rounding; a mixed breakdown must add up', () => {
  const t = table('project-expenditure', 5, ['total', 'basic'], []);
  const run = (parent: Row, children: Row[]) => {
    const { ctx, found } = collect();
    checkHeading(ctx, t, parent, children);
    return found;
  };
  const ofWhich = (id: string, v: string, basic: string | null = null) => row(id, `其中：${id}`, { total: v, basic });
  const p = row('p', '项目支出', { total: '10.00', basic: '2.00' });
  assert.deepEqual(run(p, [ofWhich('a', '3.00'), ofWhich('b', '4.00')]), [], 'parts named, less than the whole');
  // Two rounded parts may exceed by up to 0.01 万元 (half a cent each): exactly that is no finding either.
  assert.deepEqual(run(row('q', '项目支出', { total: '1.00' }), [ofWhich('a', '0.51'), ofWhich('b', '0.50')]), []);
  const over = run(p, [ofWhich('a', '7.00', '1.00'), ofWhich('b', '4.00')]);
  assert.deepEqual(
    over.map((f) => [f.location.row, f.location.column, f.expected, f.actual]),
    [['p', 'total', '10.00', '11.00']],
    'only the column whose parts exceed it',
  );
  // One line not introduced by 其中: the lines are the breakdown, and 3.00 + 4.00 ≠ 10.00.
  assert.deepEqual(
    run(row('m', '项目支出', { total: '10.00' }), [ofWhich('a', '3.00'), row('b', '专项资金', { total: '4.00' })]).map((f) => [f.location.row, f.location.column]),
    [['m', 'total']],
  );
  assert.ok(isOfWhich(row('x', '  其中：政府采购', {})) && !isOfWhich(row('y', '专项资金其中', {})) && !isOfWhich(row('z', '合计 其中', {})));
});

test('a period row followed by deeper rows heads none of them', () => {
  const t = noIds([at('a', 1), row('p', '上年预算数', { total: '1.00' }, { level: 1 }), at('p1', 2)]);
  assert.deepEqual(ids(childRows(t, t.rows[1]!)), []);
});

test('unit blocks: by the preceding unit line, by the row’s own unit, and by side', () => {
  const blockIds = (rs: Row[]) => unitBlocks(table('general-budget-function', 7, ['total'], rs)).map(ids);
  assert.deepEqual(blockIds([row('u1', '单位甲', {}, { kind: 'unit' }), at('a', 1), row('u2', '单位乙', {}, { kind: 'unit' }), at('b', 1)]), [
    ['u1', 'a'],
    ['u2', 'b'],
  ]);
  assert.deepEqual(blockIds([at('a', 1, { unit: '甲' }), at('b', 1, { unit: '乙' }), at('c', 1, { unit: '甲' })]), [['a', 'c'], ['b']]);
  assert.deepEqual(blockIds([at('r', 1, { side: 'revenue' }), at('e', 1, { side: 'expenditure' }), at('r2', 1, { side: 'revenue' })]), [['r', 'r2'], ['e']]);
});

// A function table (表7) of 万元: 201 heads 20101 (1.00) but prints 5.00.
const fnTable = (rows: Row[], role: TableRole = 'general-budget-function') => table(role, 7, ['total'], rows);
const fn = (code: string, v: string | null, opts: Partial<Row> = {}) => row(`f${code}`, code, { total: v }, { code, codeSystem: 'function', level: code.length === 3 ? 1 : 2, parent: null, ...opts });
const hierarchy = (rows: Row[], system: ClassificationSystem = 'function', profile: BudgetDocument['profile'] = 'shenzhen-dept-budget') => {
  const { ctx, found } = collect();
  checkCodeHierarchy(ctx, emptyDoc({ tables: [fnTable(rows)], profile }), system);
  return found.map((f) => f.location.row);
};

test('code hierarchy: a line without a code under a class leaves it unchecked, up to the next class, total or line of another side', () => {
  const uncoded = (kind: Row['kind'] = 'item', opts: Partial<Row> = {}) => row(`x-${kind}`, '（未识别编码）', { total: '4.00' }, { kind, level: 2, ...opts });
  assert.deepEqual(hierarchy([fn('201', '5.00'), fn('20101', '1.00')]), ['f201']);
  assert.deepEqual(hierarchy([fn('201', '5.00'), fn('20101', '1.00'), uncoded()]), [], 'an uncoded item may be a child');
  assert.deepEqual(hierarchy([fn('201', '5.00'), fn('20101', '1.00'), uncoded('group')]), [], 'an uncoded heading too');
  assert.deepEqual(hierarchy([fn('201', '5.00'), fn('20101', '1.00'), fn('202', '4.00'), uncoded()]), ['f201'], 'after the next class it is that class’s line');
  for (const kind of ['total', 'subtotal', 'carry', 'unit'] as const) {
    // Rows carrying their unit stay in one block through a unit line.
    const u = { unit: '甲' };
    assert.deepEqual(hierarchy([fn('201', '5.00', u), fn('20101', '1.00', u), row(`end-${kind}`, kind, { total: '9.00' }, { kind, ...u }), uncoded('item', u)]), ['f201'], kind);
  }
  const two = [fn('201', '5.00', { side: 'expenditure' }), uncoded('item', { side: 'revenue' }), fn('20101', '1.00', { side: 'expenditure' })];
  assert.deepEqual(hierarchy(two), ['f201'], 'a revenue line beside the expenditure side is none of its lines');
  // A line coded in another system (an economic class in a function table) is neither an end nor a child.
  const econ = row('e301', '工资福利支出', { total: '1.00' }, { code: '301', codeSystem: 'econ', level: 2 });
  assert.deepEqual(hierarchy([fn('201', '5.00'), fn('20101', '1.00'), econ, uncoded()]), []);
  // Checked as economic classes, the function codes are not read.
  assert.deepEqual(hierarchy([fn('201', '5.00'), fn('20101', '1.00')], 'econ'), []);
});

test('breaksOwnSums: a row whose total is not the sum of its parts beyond rounding; 结转下年 may count or not', () => {
  const t = table('expenditure-summary', 3, ['total', 'basic', 'project', 'carryForward'], []);
  const r = (total: string | null | undefined, basic: string | null, project: string | null, carryForward: string | null = null) =>
    row('r', '201', { ...(total === undefined ? {} : { total }), basic, project, carryForward });
  assert.equal(breaksOwnSums(t, r('10.00', '3.00', '7.00')), false, 'adds up');
  assert.equal(breaksOwnSums(t, r('10.01', '3.00', '7.00')), false, 'a rounding remainder');
  assert.equal(breaksOwnSums(t, r('10.02', '3.00', '7.00')), false, 'two figures: up to a unit of the last place each');
  assert.equal(breaksOwnSums(t, r('10.03', '3.00', '7.00')), true);
  assert.equal(breaksOwnSums(t, r('5.00', '3.00', '7.00', '0.00')), true, '结转下年 printed 0.00 changes nothing');
  assert.equal(breaksOwnSums(t, r('5.00', null, null)), false, 'no parts printed: no breakdown to break');
  assert.equal(breaksOwnSums(t, r(undefined, '3.00', '7.00')), false, 'no total column in the row');
  assert.equal(breaksOwnSums(t, r(null, '3.00', '7.00')), true, 'the total printed empty while its parts hold figures');
  assert.equal(breaksOwnSums(t, r('10.00', '3.00', '2.00', '5.00')), false, 'holds when 结转下年 counts');
  assert.equal(breaksOwnSums(t, r('5.00', '3.00', '2.00', '5.00')), false, 'holds when it does not');
  assert.equal(breaksOwnSums(t, r('20.00', '3.00', '2.00', '5.00')), true, 'fails both ways');
});

test('read by the generic recogniser, a class whose own row breaks its sums is not checked against its children', () => {
  const t = table(
    'general-budget-function',
    7,
    ['total', 'basic', 'project'],
    [
      row('p', '201', { total: '5.00', basic: '5.00', project: null }, { code: '201', codeSystem: 'function', level: 1 }),
      row('k', '20101', { total: '1.00', basic: '1.00', project: null }, { code: '20101', codeSystem: 'function', level: 2 }),
    ],
  );
  const run = (profile: BudgetDocument['profile']) => {
    const { ctx, found } = collect();
    checkCodeHierarchy(ctx, emptyDoc({ tables: [t], profile }), 'function');
    return found.length;
  };
  assert.equal(run('generic'), 2, 'its own sums hold: 201 ≠ 20101 in both columns');
  t.rows[1]!.amounts.total = null;
  assert.equal(run('generic'), 0, 'the child read one column off');
  assert.equal(run('shenzhen-dept-budget'), 2);
});

test('checkRowRelations: 结转下年 printed empty does not stop a row from being checked; printed, it does', () => {
  const t = table(
    'expenditure-summary',
    3,
    ['total', 'basic', 'project', 'carryForward'],
    [row('a', '201', { total: '10.00', basic: '3.00', project: '2.00', carryForward: null }), row('b', '202', { total: '10.00', basic: '3.00', project: '2.00', carryForward: '5.00' })],
  );
  const { ctx, found } = collect();
  checkRowRelations(ctx, t, rowRelations(t));
  assert.deepEqual(kinds(found), ['a:rule']);
});
