import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, rowOf } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('warns about a name that differs from the code table', () => {
  const d = doc();
  rowOf(d, 7, 't7-4').label = '其他办公厅事务支出';
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'warning'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表7 2010399 名称“其他办公厅事务支出”与2021 年支出功能分类名称“其他政府办公厅（室）及相关机构事务支出”不一致/);
  assert.equal(fs.length, 1);
});

test('warns about the name of another year', () => {
  const d = doc();
  const r = rowOf(d, 7, 't7-10');
  r.code = '210';
  r.label = '医疗卫生与计划生育支出';
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'warning'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表7 210 使用旧科目名称“医疗卫生与计划生育支出”，2021 年应为“卫生健康支出”/);
  assert.equal(fs.length, 1);
});

test('a label that also prints the government economic classification is checked on its own part', () => {
  const d = doc();
  const r = rowOf(d, 4, 't4-3');
  r.codeResolved = 'printed';
  r.label = '基本工资  50101 工资奖金津补贴';
  assert.deepEqual(run(d), []);
  r.label = '津贴补贴  50101 工资奖金津补贴'; // 30101 printed with 30102's name: still found
  const fs = run(d);
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /30101 名称“津贴补贴”与2021 年部门预算支出经济分类名称“基本工资”不一致/);
});

test('the last line of a wrapped name is part of the name, not another name', () => {
  const d = doc();
  rowOf(d, 7, 't7-9').label = '缴费支出';
  assert.deepEqual(run(d), []);
  rowOf(d, 7, 't7-9').label = '出';
  assert.deepEqual(run(d), []);
});

test('in a procurement table a function code is an attribute of the purchase, whose name the label is', () => {
  const d = doc();
  const t = d.tables.find((x) => x.no === 11)!;
  const r = t.rows.find((x) => x.codeSystem === 'procurement')!;
  t.rows.push({ ...r, id: 'fn-attr', code: '2010399', codeSystem: 'function', codeResolved: 'printed', label: '数据中心运维服务' });
  assert.deepEqual(run(d), []);
});

test("the head of the next line's wrapped name read into this line is the next line's, not this name", () => {
  const d = doc();
  rowOf(d, 7, 't7-7').label = '事业单位离退休机关事业单位基本养老保';
  rowOf(d, 7, 't7-8').label = '险缴费支出';
  assert.deepEqual(run(d), []);
  rowOf(d, 7, 't7-7').label = '事业单位离退休补贴'; // a longer name that begins no next name: reported
  assert.equal(run(d).length, 1);
});

test("the tail of the line above's wrapped name read into this line, or the head of the next line's read instead of this line's own name: neither is another name", () => {
  const d = doc();
  // As xian-state-owned-assets-commission-2022 表8 reads "机关事业单位基本养老保险缴" over "费" + 30109's "职业年金缴费".
  rowOf(d, 7, 't7-8').label = '机关事业单位基本养老保险缴费支';
  rowOf(d, 7, 't7-9').label = '出机关事业单位职业年金缴费支出';
  assert.deepEqual(run(d), []);
  rowOf(d, 7, 't7-9').label = '补机关事业单位职业年金缴费支出'; // completes no name above: reported
  assert.equal(run(d).length, 1);
  // chongqing-water-resources-bureau-2026 表二: 2080505's own name unread, 2080506's wrapped head read into it.
  const e = doc();
  rowOf(e, 7, 't7-8').label = '机关事业单位职业年金';
  rowOf(e, 7, 't7-9').label = '缴费支出';
  assert.deepEqual(run(e), []);
  rowOf(e, 7, 't7-8').label = '机关事业单位职业年金补贴'; // not the next name's head: reported
  assert.equal(run(e).length, 1);
});
