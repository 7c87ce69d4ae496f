import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { col, money, ruleHarness, setCell, tbl } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a three-public total that is not the sum of its three parts', () => {
  const d = doc();
  setCell(d, 12, 't12-1', 'total', '4.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /总计 4\.00 ≠ 因公出国\(境\)费 0\.00 \+ 公务接待费 1\.00 \+ 公务用车购置及运行维护费小计 2\.50/);
  assert.equal(fs.length, 1);
});

test('reports a rounding remainder as info', () => {
  const d = doc();
  setCell(d, 12, 't12-1', 'reception', '1.01');
  const fs = run(d);
  const infos = fs.filter((f) => f.severity === 'info');
  assert.ok(infos.length > 0, 'expected an info finding');
  assert.match(infos[0]!.message, /尾差 0\.01 万元/);
  assert.match(infos[0]!.message, /公务接待费 1\.01/);
  assert.equal(infos[0]!.difference, '0.01');
});

test('a 三公经费及会议费、培训费 table: 合计 also counts the meeting and training columns', () => {
  const d = doc();
  const t12 = tbl(d, 12);
  t12.columns.push(col('meeting', undefined, ['会议费']), col('training', undefined, ['培训费']));
  const r = t12.rows[0]!;
  r.amounts['meeting'] = money('1.00');
  r.amounts['training'] = money('2.00');
  r.amounts['total'] = money('6.50');
  assert.deepEqual(
    run(d).filter((f) => f.location.row === r.id),
    [],
  );
  r.amounts['total'] = money('3.50');
  assert.equal(run(d).filter((f) => f.location.row === r.id).length, 1);
});

test('a 公务用车 小计 printed empty beside its 购置费 and 运行维护费 stands for their sum: the total is checked against them', () => {
  // beijing-cpc-civil-military-integration-office-2026-budget 预算09表: 40.77 = 17.10 + 0.15 + (小计 blank) 18.69 + 4.83.
  const d = doc();
  const r = tbl(d, 12).rows[0]!;
  r.amounts['vehicles'] = null;
  assert.deepEqual(run(d), []);
  r.amounts['vehicleRunning'] = money('2.00');
  const fs = run(d);
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /总计 3\.50 ≠ 因公出国\(境\)费 0\.00 \+ 公务接待费 1\.00 \+ 公务用车购置费 0\.00 \+ 公务用车运行维护费 2\.00/);
});
