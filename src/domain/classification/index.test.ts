import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codes, coverage, NATIONAL_CLASSES, NATIONAL_ECON } from './index.js';

test('every national 类 of 支出功能分类 is a known 3-digit code, valid in 2024', () => {
  for (const [code, name] of NATIONAL_CLASSES) {
    assert.match(code, /^2\d\d$/);
    const e = codes.byCodeIn('function', code, 2024);
    assert.ok(e, `${code} ${name} unknown`);
    assert.equal(e.level, '类');
    assert.equal(e.parent, null);
  }
  // Printed in every summary table even when unused: 外交, 国防, 债务付息 …
  assert.equal(codes.byCodeIn('function', '202', 2024)?.name, '外交支出');
  assert.equal(codes.byCodeIn('function', '232', 2024)?.name, '债务付息支出');
  assert.equal(codes.byCodeIn('function', '209', 2024), null, '209 is not a national class');
});

test('national class names resolve by name (NFKC, white space ignored), as summary tables print them', () => {
  assert.deepEqual(
    codes.byNameIn('function', '抗疫特别国债安排的支出', 2024).map((e) => e.code),
    ['234'],
  );
  assert.deepEqual(
    codes.byNameIn('function', '资源勘探工业信息等 支出', 2024).map((e) => e.code),
    ['215'],
  );
});

test('renamed classes keep the older name for the years before the change', () => {
  assert.equal(codes.byCodeIn('function', '207', 2018)?.name, '文化体育与传媒支出');
  assert.equal(codes.byCodeIn('function', '207', 2019)?.name, '文化旅游体育与传媒支出');
  assert.equal(codes.byCodeIn('function', '220', 2024)?.name, '自然资源海洋气象等支出');
  assert.deepEqual(
    codes
      .namesOf('function', '220')
      .map((e) => e.name)
      .sort(),
    ['国土海洋气象等支出', '自然资源海洋气象等支出'],
  );
});

test('the national economic classification lists 款 under their 类, e.g. 30212 因公出国（境）费用 and 31099', () => {
  for (const [code] of NATIONAL_ECON) {
    const e = codes.byCodeIn('econ', code, 2024);
    assert.ok(e, code);
    assert.equal(e.level, code.length === 3 ? '类' : '款');
    if (code.length === 5) assert.equal(e.parent, code.slice(0, 3));
  }
  assert.deepEqual(
    codes.byNameIn('econ', '因 公 出 国 （ 境 ） 费 用', 2024).map((e) => e.code),
    ['30212'],
  );
  assert.equal(codes.byCodeIn('econ', '30230', 2024), null);
  assert.equal(codes.byCodeIn('econ', '31206', 2024)?.name, '其他资本性补助');
});

test('year-aware classes: 215 renamed in 2019, 224 from 2019, 234 from 2020', () => {
  assert.equal(codes.byCodeIn('function', '215', 2018)?.name, '资源勘探信息等支出');
  assert.equal(codes.byCodeIn('function', '215', 2019)?.name, '资源勘探工业信息等支出');
  assert.equal(codes.byCodeIn('function', '224', 2018), null);
  assert.equal(codes.byCodeIn('function', '224', 2019)?.name, '灾害防治及应急管理支出');
  assert.equal(codes.byCodeIn('function', '234', 2019), null);
  assert.equal(codes.byCodeIn('function', '234', 2020)?.name, '抗疫特别国债安排的支出');
});

test('coverage: complete for function 类 and departmental economic 类/款 of 2018–2026, partial below, none for 5xx and local subdivisions', () => {
  assert.equal(coverage('function', '201', 2026), 'complete');
  assert.equal(coverage('function', '20101', 2026), 'partial');
  assert.equal(coverage('function', '2010101', 2026), 'partial');
  assert.equal(coverage('function', '201', 2017), 'partial');
  assert.equal(coverage('econ', '30230', 2026), 'complete');
  assert.equal(coverage('econ', '3021101', 2026), 'none');
  assert.equal(coverage('econ', '50501', 2026), 'none');
  assert.equal(coverage('procurement', 'A02', 2026), 'partial');
});

test('a name shared by 309 and 310 (or 311 and 312) resolves to the ordinary 款 first', () => {
  assert.equal(codes.byNameIn('econ', '房屋建筑物购建', 2024).find((e) => e.level === '款')?.code, '31001');
  assert.equal(codes.byNameIn('econ', '办公设备购置', 2024).find((e) => e.level === '款')?.code, '31002');
  assert.equal(codes.byNameIn('econ', '其他对企业补助', 2024).find((e) => e.level === '款')?.code, '31299');
  assert.deepEqual(
    codes.byNameIn('econ', '办公设备购置', 2024, '309').map((e) => e.code),
    ['30902'],
  );
});
