import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a missing table and a missing department-wide form', () => {
  const d = doc();
  d.tables = d.tables.filter((t) => t.no !== 8);
  d.departmentTargets = null;
  const fs = run(d);
  assert.deepEqual(
    fs.map((f) => f.message.slice(0, 4)),
    ['缺少表8', '缺少表1'],
  );
  assert.match(fs[1]!.message, /缺少表14/);
  assert.ok(fs.every((f) => f.severity === 'error'));
});

test('holds any other layout to the standard tables of its kind, as warnings', () => {
  const d = doc();
  d.profile = 'generic';
  d.departmentTargets = null;
  assert.deepEqual(run(d), [], 'the fourteen Shenzhen tables include the national nine; table 14 is not national');
  d.tables = d.tables.filter((t) => t.role !== 'state-capital-function' && t.role !== 'three-public');
  // The summary tables show the state capital fund as a column or a row (as Xi'an's 16-table, Changsha's
  // 10-table and Chongqing's templates do instead of its own table): published in another form.
  assert.deepEqual(
    run(d).map((f) => f.message),
    ['文档中未找到《一般公共预算“三公”经费支出表》：部门预算应公开此表，无数据的表也应公开并说明'],
  );
  for (const t of d.tables) {
    t.columns = t.columns.filter((c) => !c.key.split('.').includes('stateCapital'));
    t.rows = t.rows.filter((r) => !/国有资本经营/.test(r.label));
  }
  const fs = run(d);
  assert.deepEqual(
    fs.map((f) => f.message),
    ['文档中未找到《国有资本经营预算支出表》：部门预算应公开此表，无数据的表也应公开并说明', '文档中未找到《一般公共预算“三公”经费支出表》：部门预算应公开此表，无数据的表也应公开并说明'],
  );
  assert.ok(fs.every((f) => f.severity === 'warning' && f.category === 'structure'));
});

test('final accounts are held to the final-account tables', () => {
  const d = doc();
  d.profile = 'generic';
  d.kind = '部门决算';
  d.tables = d.tables.filter((t) => t.role !== 'three-public');
  assert.deepEqual(
    run(d).map((f) => f.message),
    ['文档中未找到《一般公共预算财政拨款“三公”经费支出决算表》：部门决算应公开此表，无数据的表也应公开并说明'],
  );
});

test('a document without tables gets one warning, and a table that could not be read is not missing', () => {
  const d = doc();
  d.profile = 'generic';
  d.tables = [];
  const fs = run(d);
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /^文档中未找到任何表格：部门预算应公开《财政拨款收支总表》.*等 9 张标准表/);
  const e = doc();
  e.profile = 'generic';
  e.tables = e.tables.filter((t) => t.role !== 'three-public');
  e.importNotes = [{ severity: 'error', code: 'table-unreadable', table: 't12', row: null, message: '表《…》未能读取', src: { line: 700, page: 20, raw: '表12 一般公共预算“三公”经费支出表' } }];
  assert.deepEqual(run(e), []);
});
