import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, row, setCell, tbl, setRoleCell, shanghaiFinalDoc } from '../_lib/test-doc.js';
import type { BudgetDocument } from '../../domain/model.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a table 6 function line that differs from table 7', () => {
  const d = doc();
  setCell(d, 6, 't6-e7', 'amount', '50.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表6 2080505 机关事业单位基本养老保险缴费支出 50\.00 ≠ 表7 2080505 支出总计（表7） 50\.40/);
  assert.equal(fs.length, 1);
});

test('sums a code over tables 7 and 8', () => {
  const d = doc();
  tbl(d, 8).rows.push(row('t8-x', '机关事业单位基本养老保险缴费支出', { total: '1.00', basic: '1.00', project: null }, { code: '2080505', codeSystem: 'function', level: 1, parent: 't8-1' }));
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /2080505 支出总计（表7\+表8） 51\.40/);
  assert.equal(fs.length, 1);
});

// Shanghai final account (决算): carry lines, 类-only summaries, one 财政拨款收入 column.
const sh = () => shanghaiFinalDoc();
const shErrors = (d: BudgetDocument) => run(d).filter((f) => f.severity === 'error');

test('accepts a consistent Shanghai final account', () => {
  assert.deepEqual(run(sh()), []);
});

test('Shanghai: a 类-only appropriation summary is compared at 类 level; a wrong 类 is reported', () => {
  const fs = shErrors(setRoleCell(sh(), 'appropriation-summary', 'e3', 'amount', '41.00'));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /221 十九、住房保障支出 41\.00 ≠ 一般公共预算财政拨款支出决算表 221 支出总计/);
});

test('a code table 6 does not list is not taken as 0 while table 6 has function lines without a code', () => {
  const d = doc();
  const t6 = tbl(d, 6);
  const r = t6.rows.find((x) => x.id === 't6-e12')!; // 2210203 购房补贴, code not resolved
  delete r.code;
  delete r.codeSystem;
  assert.deepEqual(run(d), []);
  // Once every line has its code, a code missing from table 6 is a finding.
  t6.rows = t6.rows.filter((x) => x !== r);
  assert.ok(run(d).some((f) => /2210203/.test(f.message)));
});

test('a function table read without a total column (its 支出总计 not known) is not taken as 0: the codes it lists are not compared', () => {
  // Table 6 prints a fund's function line; table 8 lists that code, but its total column was not read.
  const d = doc();
  tbl(d, 6).rows.push(row('t6-x', '城乡社区支出', { amount: '50.00' }, { code: '212', codeSystem: 'function', level: 1, side: 'expenditure' }));
  const t8 = tbl(d, 8);
  t8.rows.push(row('t8-x', '城乡社区支出', { total: '50.00', basic: null, project: '50.00' }, { code: '212', codeSystem: 'function', level: 1, parent: 't8-1' }));
  assert.deepEqual(run(d), []);
  for (const c of t8.columns) if (c.key === 'total') c.key = 'c1_1';
  for (const r of t8.rows) {
    r.amounts['c1_1'] = r.amounts['total'] ?? null;
    delete r.amounts['total'];
  }
  assert.deepEqual(run(d), []);
});

test('a fund table printed empty, without a total column, hides no code: a code table 6 lists that no table lists is still a finding', () => {
  const d = doc();
  tbl(d, 6).rows.push(row('t6-x', '城乡社区支出', { amount: '50.00' }, { code: '212', codeSystem: 'function', level: 1, side: 'expenditure' }));
  const t9 = tbl(d, 9);
  t9.columns = [];
  t9.rows = [row('t9-1', '合计', {}, { kind: 'total' })];
  assert.match(
    run(d)
      .map((f) => f.message)
      .join('\n'),
    /212 城乡社区支出 50\.00 ≠/,
  );
});
