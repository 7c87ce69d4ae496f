/**
 * Degrade, never refuse (issue 10 §4), document level: a part of the Shenzhen sample that cannot be
 * read (the narrative's revenue sentence, a project form, table 14) becomes one located error note and
 * everything else is imported; the year and unit come from the tables when the narrative is unread.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importBytes } from '../../src/app/import-document.js';
import type { BudgetDocument } from '../../src/domain/model.js';
import { sampleText } from './helpers.js';

const lines = sampleText().split('\n');

async function withLine(no: number, edit: (l: string) => string): Promise<BudgetDocument> {
  const out = [...lines];
  out[no - 1] = edit(out[no - 1]!);
  return importBytes(new TextEncoder().encode(out.join('\n')), 'x.txt');
}
const errors = (doc: BudgetDocument) => doc.importNotes.filter((n) => n.severity === 'error');

test('a narrative without its revenue sentence is noted at its line; the year and unit come from the tables', async () => {
  assert.match(lines[61]!, /部门预算收入 4,424\.60 万元/);
  const doc = await withLine(62, () => ' 深圳市福田区数据管理中心的收入情况如下，');
  assert.deepEqual(
    errors(doc).map((n) => [n.code, n.src.line]),
    [['narrative-unreadable', 62]],
  );
  assert.match(errors(doc)[0]!.message, /^说明部分未能读取（第 62 行）：第二部分找不到/);
  assert.deepEqual([doc.year, doc.unit.name, doc.tables.length, doc.projectForms.length], [2021, '深圳市福田区数据管理中心', 13, 10]);
  assert.deepEqual(doc.narrative.facts, []);
});

test('a malformed figure in the narrative is noted at its line and gives no fact; the rest is read', async () => {
  const doc = await withLine(62, (l) => l.replace('4,424.60', '4,42.460'));
  assert.deepEqual(
    errors(doc).map((n) => [n.code, n.src.line, n.message]),
    [['fact-unreadable', 62, '说明第 62 行的数字未能读取：“4,42.460”不是金额（万元）']],
  );
  assert.ok(!doc.narrative.facts.some((f) => f.key === 'revenue.total'));
  assert.ok(doc.narrative.facts.some((f) => f.key === 'revenue.change.amount'));
});

test('a project form with a malformed amount is left out as a located note; the other nine are read', async () => {
  assert.equal(lines[1016], '1,270.74');
  const doc = await withLine(1017, () => '1,27.074');
  assert.deepEqual(
    errors(doc).map((n) => [n.code, n.table, n.src.line]),
    [['table-unreadable', null, 1017]],
  );
  assert.equal(errors(doc)[0]!.message, '表《预算项目支出绩效目标申报表（第 1 张）》未能读取（第 1017 行）：“1,27.074”不是金额（万元）');
  assert.equal(doc.projectForms.length, 9);
  assert.ok(!doc.projectForms.some((f) => f.name === '基础设施运行维护'));
});

test('table 14 with a malformed total is left out as a located note naming it t14', async () => {
  const doc = await withLine(906, (l) => l.replace('4,424.60', '4,42.460'));
  assert.deepEqual(
    errors(doc).map((n) => [n.code, n.table, n.src.line]),
    [['table-unreadable', 't14', 906]],
  );
  assert.equal(doc.departmentTargets, null);
  assert.equal(doc.tables.length, 13);
});

test('table 12 (三公) ending on a unit name without its year and cells: that row is a located note, the table and the rest are read (file fuzz, seed 20261206, text case 171)', async () => {
  assert.equal(lines[795]!, '深圳市福田区数据管理中心 2021');
  const doc = await withLine(796, () => '深圳市福田区数据管理中心');
  const t12 = doc.tables.find((t) => t.no === 12);
  assert.ok(t12, 'table 12 is read');
  assert.equal(t12.rows.length, 1, 'the 2020 row is kept');
  const notes = doc.importNotes.filter((n) => n.src.line === 796);
  assert.equal(notes.length, 1, JSON.stringify(doc.importNotes.map((n) => [n.code, n.src.line, n.message])));
  assert.match(notes[0]!.message, /“深圳市福田区数据管理中心”后没有年度与金额，无法读取/);
  assert.deepEqual([doc.tables.length, doc.projectForms.length], [13, 10]);
});
