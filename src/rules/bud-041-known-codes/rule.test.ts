import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, rowOf } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('warns about a 类 that is not in the national classification of the year', () => {
  const d = doc();
  const r = rowOf(d, 7, 't7-9');
  r.code = '209';
  const fs = run(d);
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'warning');
  assert.match(fs[0]!.message, /表7 编码 209（机关事业单位职业年金缴费支出）不在 2021 年支出功能分类中/);
});

test('warns about a 项 whose 类 does not exist (the 类 settles it)', () => {
  const d = doc();
  rowOf(d, 7, 't7-9').code = '2090506';
  const fs = run(d);
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'warning');
  assert.match(fs[0]!.message, /编码 2090506（.*）的类 209 不在 2021 年支出功能分类中/);
});

test('a 项 beyond the shipped (observed) 款/项 list is not checked, not wrong: one info per table', () => {
  const d = doc();
  rowOf(d, 7, 't7-9').code = '2080598';
  const fs = run(d);
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'info');
  assert.match(fs[0]!.message, /表7 1 个编码未核对是否存在.*2080598 机关事业单位职业年金缴费支出/);
});

test('a class valid only from a later year is reported in an earlier one (224 from 2019)', () => {
  const d = doc();
  d.year = 2018;
  const r = rowOf(d, 7, 't7-9');
  r.code = '224';
  const fs = run(d).filter((f) => f.severity === 'warning');
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /编码 224（.*）在 2018 年支出功能分类中无效（其他年度为“灾害防治及应急管理支出”）/);
  d.year = 2019;
  assert.deepEqual(
    run(d).filter((f) => f.severity === 'warning'),
    [],
  );
});

test('departmental economic 款 are checked against the whole national list; local 7-digit subdivisions and 5xx codes are not', () => {
  const d = doc();
  const a = rowOf(d, 4, 't4-3');
  a.code = '30230';
  a.codeResolved = 'printed';
  let fs = run(d);
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'warning');
  assert.match(fs[0]!.message, /编码 30230（基本工资）不在 2021 年部门预算支出经济分类中/);
  // Every 款 of the national list is known (309, 311, 312, 313, 399 included).
  for (const code of ['30701', '30905', '31101', '31206', '31304', '39909', '39999']) {
    a.code = code;
    assert.deepEqual(
      run(d).filter((f) => f.severity === 'warning'),
      [],
      code,
    );
  }
  a.code = '3021101'; // a local subdivision of 30211 差旅费
  fs = run(d);
  assert.deepEqual(
    fs.map((f) => f.severity),
    ['info'],
  );
  a.code = '3023001'; // its 款 30230 does not exist
  fs = run(d);
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /编码 3023001（基本工资）的款 30230 不在 2021 年部门预算支出经济分类中/);
  a.code = '50501'; // 政府预算支出经济分类: not in the shipped tables
  assert.deepEqual(
    run(d).map((f) => f.severity),
    ['info'],
  );
});
