import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { col, money, row, ruleHarness, setCell, table, tbl } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a line whose total differs from its sources', () => {
  const d = doc();
  setCell(d, 4, 't4-3', 'total', '508.94');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表4 30101 基本工资: 总计 508\.94 ≠ 政府预算拨款小计 508\.93/);
  assert.equal(fs.length, 1);
});

test('reports a rounding remainder as info', () => {
  const d = doc();
  setCell(d, 4, 't4-3', 'govApprop', '500.00');
  setCell(d, 4, 't4-3', 'specialAccount', '8.94');
  const fs = run(d);
  const infos = fs.filter((f) => f.severity === 'info');
  assert.ok(infos.length > 0, 'expected an info finding');
  assert.match(infos[0]!.message, /尾差 0\.01 万元/);
  assert.match(infos[0]!.message, /总计 508\.93/);
  assert.equal(infos[0]!.difference, '0.01');
});

test('a row with a figure in a column the reader could not name is not checked: it may be one of the sources', () => {
  const d = doc();
  const t4 = tbl(d, 4);
  t4.columns.push(col('c1_3', undefined, ['一般公共', '预算拨款']));
  setCell(d, 4, 't4-1', 'general', '0.00');
  t4.rows[0]!.amounts['c1_3'] = money('780.06');
  assert.deepEqual(
    run(d).filter((f) => f.location.row === 't4-1'),
    [],
  );
  // A zero in the unnamed column cannot be a missing part: the row is checked.
  t4.rows[0]!.amounts['c1_3'] = money('0.00');
  assert.equal(run(d).filter((f) => f.location.row === 't4-1').length, 1);
});

test('a national 一般公共预算基本支出表: total = personnel + operating funds', () => {
  const d = doc();
  d.tables = [
    table(
      'basic-expenditure-economic',
      null,
      ['total', 'personnel', 'public'],
      [
        row('b1', '合计', { total: '100.00', personnel: '80.00', public: '20.00' }, { kind: 'total' }),
        row('b2', '工资福利支出', { total: '80.00', personnel: '80.00', public: null }, { code: '301', codeSystem: 'econ' }),
        row('b3', '商品和服务支出', { total: '21.00', personnel: null, public: '20.00' }, { code: '302', codeSystem: 'econ' }),
      ],
      { title: { text: '一般公共预算基本支出表' } },
    ),
  ];
  assert.deepEqual(
    run(d).map((f) => f.location.row),
    ['b3'],
  );
});
