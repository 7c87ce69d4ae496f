import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { money, row, ruleHarness, setCell, table } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a heading that is not the sum of the lines it heads', () => {
  const d = doc();
  setCell(d, 5, 't5-2', 'total', '3,600.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表5 一般性项目: 总计 3,600\.00 ≠ 购置费 101\.66 \+ 电子政务运行维护 3,542\.88 = 3,644\.54/);
  assert.equal(fs.length, 1);
});

test('checks revenue headings of table 1 too', () => {
  const d = doc();
  setCell(d, 1, 't1-r1', 'amount', '4,000.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表1 一、政府预算拨款: .* 4,000\.00 ≠ 1\.一般公共预算拨款 4,424\.60/);
  assert.equal(fs.length, 1);
});

test('reports a rounding remainder as info', () => {
  const d = doc();
  setCell(d, 5, 't5-3', 'total', '101.67');
  const fs = run(d);
  const infos = fs.filter((f) => f.severity === 'info');
  assert.ok(infos.length > 0, 'expected an info finding');
  assert.match(infos[0]!.message, /尾差 0\.01 万元/);
  assert.match(infos[0]!.message, /一般性项目/);
  assert.equal(infos[0]!.difference, '0.01');
});

test('a performance-target form read as a grid is not a table of sums', () => {
  const d = doc();
  d.tables.push(table('project-targets', null, ['amount'], [row('f1', '产出指标', { amount: '10.00' }, { level: 1 }), row('f2', '数量指标', { amount: '3.00' }, { level: 2, parent: 'f1' })]));
  assert.deepEqual(run(d), []);
  d.tables[d.tables.length - 1]!.role = 'project-expenditure';
  assert.equal(run(d).length, 1);
});

test('lines introduced by 其中 name parts: they may fall short of the line above, never exceed it', () => {
  const d = doc();
  d.tables.push(
    table(
      'appropriation-summary',
      null,
      ['amount'],
      [row('h', '1、一般公共预算拨款', { amount: '100.00' }, { level: 1 }), row('k', '其中:专项资金列入部门预算的项目', { amount: '30.00' }, { level: 2, parent: 'h' })],
    ),
  );
  assert.deepEqual(run(d), []);
  d.tables[d.tables.length - 1]!.rows[1]!.amounts['amount'] = money('130.00');
  assert.equal(run(d).length, 1);
});

test('asserts no sum for a heading whose lines are not known (childrenUnknown: an indented group over a page break of a text read)', () => {
  const d = doc();
  setCell(d, 5, 't5-2', 'total', '3,600.00');
  assert.equal(run(d).length, 1);
  d.tables.find((t) => t.no === 5)!.rows.find((r) => r.id === 't5-2')!.childrenUnknown = true;
  assert.deepEqual(run(d), []);
});

test('a heading read from the layout whose first lines add up to it, and not all of them, may end there: nothing is asserted; read from codes or a known layout, it is', () => {
  const d = doc();
  const lines = (second: string) => [
    row('h', '超长期特别国债安排的支出', { total: '177.92' }, { kind: 'group' }),
    row('a', '公路水路运输', { total: '177.92' }, { level: 1, parent: 'h' }),
    row('b', '其他交通运输支出', { total: second }, { level: 1, parent: 'h' }),
  ];
  d.tables.push(table('project-expenditure', 5, ['total'], lines('68,200.00')));
  assert.equal(run(d).length, 1, 'the known layout (Shenzhen) states its grouping: 177.92 ≠ 68,377.92');
  d.profile = 'generic';
  assert.deepEqual(run(d), []);
  // No first lines add up to it: the heading is still checked.
  d.tables[d.tables.length - 1]!.rows = lines('68,200.00').map((r) => (r.id === 'a' ? { ...r, amounts: { total: money('170.00') } } : r));
  assert.equal(run(d).length, 1);
});
