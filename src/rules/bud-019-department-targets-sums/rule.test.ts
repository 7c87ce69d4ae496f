import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { col, ruleHarness, money, table } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports tasks that do not add up to the 合计 line', () => {
  const d = doc();
  d.departmentTargets!.tasks[0]!.total = money('700.00', 901);
  d.departmentTargets!.tasks[0]!.fiscal = money('700.00', 901);
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表14 合计: 总额 4,424\.60 ≠ 基本支出 总额 700\.00 \+ 信息化服务 总额 3,644\.54/);
  assert.equal(fs.length, 2); // 总额 and 财政拨款 columns
});

test('reports a rounding remainder as info', () => {
  const d = doc();
  d.departmentTargets!.tasks[0]!.fiscal = money('780.07', 901);
  const fs = run(d);
  const infos = fs.filter((f) => f.severity === 'info');
  assert.ok(infos.length > 0, 'expected an info finding');
  assert.match(infos[0]!.message, /尾差 0\.01 万元/);
  assert.match(infos[0]!.message, /财政拨款/);
  assert.equal(infos[0]!.difference, '0.01');
});

test('an amount the form does not print is unknown, not zero: no error, one info saying what was not checked', () => {
  // The genre's shape where the department-wide form prints 资金总额 and 其他资金 but no 财政拨款
  // line (资金总额 8200.95 = 项目支出 + 基本支出; 其他资金 0.00).
  const d = doc();
  d.departmentTargets!.tasks = [];
  d.departmentTargets!.total = { total: money('8,200.95', 901), fiscal: null, other: money('0.00', 908), src: { line: 901, page: null, raw: '8200.95' } };
  const fs = run(d);
  assert.equal(fs.filter((f) => f.severity !== 'info').length, 0, JSON.stringify(fs.map((f) => f.message)));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /未印出财政拨款.*核对未进行/);
});

test('an empty cell in a column the form prints is an empty printed cell: a wrong total is still found', () => {
  const d = doc();
  const t = d.departmentTargets!.tasks[0]!;
  t.other = null; // printed empty
  t.total = money('790.06', 901); // ≠ 780.06 + (empty)
  const fs = run(d).filter((f) => f.severity === 'error');
  assert.ok(
    fs.some((f) => /基本支出: 总额 790\.06 ≠ 财政拨款 780\.06 \+ 其他资金 \(空\)/.test(f.message)),
    JSON.stringify(fs.map((f) => f.message)),
  );
});

test('a column the form heads but leaves blank on every line is printed empty (0), and still checked', () => {
  const d = doc();
  for (const t of d.departmentTargets!.tasks) t.other = null;
  d.departmentTargets!.total!.other = null;
  d.departmentTargets!.tasks[0]!.total = money('790.06', 901);
  // Without the printed block, a column no line fills is unknown: no error, an info.
  assert.ok(!run(d).some((f) => f.severity === 'error' && /基本支出: 总额/.test(f.message)));
  // The block as read heads the column 其他资金: its blank cells are empty printed cells.
  const line = d.departmentTargets!.src.line ?? 1;
  d.tables.push(
    table('department-targets', null, [col('c1_1', undefined, ['预算金额（万元）', '总额']), col('c1_2', undefined, ['财政拨款']), col('c1_3', undefined, ['其他资金'])], [], {
      id: 'tdept',
      src: { line, page: null, raw: '' },
    }),
  );
  const errs = run(d).filter((f) => f.severity === 'error');
  assert.ok(
    errs.some((f) => /基本支出: 总额 790\.06/.test(f.message)),
    JSON.stringify(errs.map((f) => f.message)),
  );
});
