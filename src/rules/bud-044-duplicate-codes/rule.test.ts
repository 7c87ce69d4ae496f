import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, rowOf } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('warns about a code printed twice for one unit', () => {
  const d = doc();
  rowOf(d, 7, 't7-9').code = '2080505';
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'warning'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表7 编码 2080505（机关事业单位职业年金缴费支出）重复出现/);
  assert.equal(fs.length, 1);
});

test('a table crossing classifications repeats a function code once per economic code: not a duplicate', () => {
  const d = doc();
  const t = d.tables.find((x) => x.no === 7)!;
  const r = rowOf(d, 7, 't7-8');
  const text = (s: string) => ({ text: s, src: r.src });
  r.texts = { code2: text('50102-社会保障缴费'), code3: text('30108-机关事业单位基本养老保险缴费') };
  t.rows.splice(t.rows.indexOf(r) + 1, 0, { ...r, id: 't7-8b', texts: { code2: text('50102-社会保障缴费'), code3: text('30109-职业年金缴费') } });
  assert.deepEqual(run(d), []);
  // The same three codes twice are a duplicate.
  t.rows.splice(t.rows.indexOf(r) + 2, 0, { ...r, id: 't7-8c' });
  assert.equal(run(d).length, 1);
});

test('a label that carries the government economic code identifies the line with it', () => {
  const d = doc();
  const t = d.tables.find((x) => x.no === 4)!;
  const r = rowOf(d, 4, 't4-3');
  r.codeResolved = 'printed';
  r.label = '基本工资 50101 工资奖金津补贴';
  t.rows.splice(t.rows.indexOf(r) + 1, 0, { ...r, id: 't4-3b', label: '基本工资 50501 工资福利支出' });
  assert.deepEqual(run(d), []);
});

test('codes the reader resolved from names and function codes on purchase lines are not printed keys', () => {
  const d = doc();
  const t4 = d.tables.find((x) => x.no === 4)!;
  const r = rowOf(d, 4, 't4-3'); // by-name
  t4.rows.splice(t4.rows.indexOf(r) + 1, 0, { ...r, id: 't4-3b' });
  assert.deepEqual(run(d), []);
  const t11 = d.tables.find((x) => x.no === 11)!;
  const p = t11.rows.find((x) => x.codeSystem === 'procurement')!;
  t11.rows.push({ ...p, id: 'a1', code: '2010399', codeSystem: 'function', label: '运维服务' }, { ...p, id: 'a2', code: '2010399', codeSystem: 'function', label: '安保服务' });
  assert.deepEqual(run(d), []);
});

test('a second list in code order (another unit printed without a unit line) is not a duplicate; a repeat within one list is', () => {
  const d = doc();
  const t = d.tables.find((x) => x.no === 7)!;
  const coded = t.rows.filter((r) => r.code);
  const again = coded.map((r, i) => ({ ...r, id: `again-${i}` }));
  const end = t.rows.findIndex((r) => r.kind === 'total');
  t.rows.splice(end < 0 ? t.rows.length : end, 0, ...again);
  assert.deepEqual(run(d), []);
  // 2080505 printed again after 2080506 within the second list: a real duplicate.
  const i = t.rows.findIndex((r) => r.id === again[coded.findIndex((r) => r.code === '2080506')]!.id);
  t.rows.splice(i + 1, 0, { ...again[coded.findIndex((r) => r.code === '2080505')]!, id: 'dup' });
  const fs = run(d);
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /编码 2080505（机关事业单位基本养老保险缴费支出）重复出现/);
});
