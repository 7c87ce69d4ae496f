import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleDocument } from '../testing/fixture.js';
import { buildReportView } from './report.js';
import { changePercent } from './narrative.js';
import { tableView, tableViewOf } from './table.js';
import { projectFormView } from './forms.js';

test('the change percent is computed from this year and last year to two places', () => {
  assert.equal(changePercent(4_424_600_000, 4_424_060_000), '0.01');
  assert.equal(changePercent(110, 100), '10.00');
  assert.equal(changePercent(90, 100), '10.00');
  assert.equal(changePercent(5, 0), null);
});

test('the narrative states the figures of the facts and recomputes the change against last year', () => {
  const doc = sampleDocument();
  const v = buildReportView(doc);
  const p2 = v.narrative[1]!.sections[0]!.paragraphs[0]!;
  // 1,234.56 this year and +34.56: last year 1,200.00, so the rise is 2.88%.
  assert.match(p2, /部门预算收入 1,234\.56 万元，比 2020 年增加 34\.56 万元，增长 2\.88%/);
  doc.narrative.facts.find((f) => f.key === 'revenue.change.amount')!.money!.fen = -34_560_000;
  const down = buildReportView(doc).narrative[1]!.sections[0]!.paragraphs[0]!;
  assert.match(down, /比 2020 年减少 34\.56 万元，下降 2\.72%/);
});

test('figures missing from the facts come from the tables', () => {
  const doc = sampleDocument();
  doc.narrative.facts = doc.narrative.facts.filter((f) => f.key !== 'expenditure.personnel' && f.key !== 'revenue.total');
  const v = buildReportView(doc);
  // 人员 = 工资福利 200.00 + 对个人和家庭的补助 4.56 − 退休费 4.56 in table 4.
  assert.match(v.narrative[2]!.sections[0]!.paragraphs[0]!, /人员支出 200\.00 万元/);
  assert.match(v.narrative[1]!.sections[0]!.paragraphs[0]!, /部门预算收入 1,234\.56 万元/);
});

test('a two-sided table pairs revenue and expenditure lines and keeps the totals on one line', () => {
  const doc0 = sampleDocument();
  const v = tableViewOf(doc0, doc0.tables[0]!, 'shenzhen');
  assert.deepEqual(v.columns.map((c) => c.header.join('/')), ['收入/项目', '收入/2021 年预算数', '支出/项目', '支出/2021 年预算数']);
  const last = v.body[v.body.length - 1]!;
  assert.deepEqual(last.cells.map((c) => c.text), ['收入总计', '1,234.56', '支出总计', '1,234.56']);
  assert.equal(v.body[2]!.cells[0]!.text, '2.政府性基金预算拨款');
  assert.equal(v.body[2]!.cells[1]!.text, '');
  assert.equal(v.body[2]!.cells[3]!.text, '134.56');
});

test('a function table prints unit, code and name columns and empty cells as published', () => {
  const doc = sampleDocument();
  const v = tableView(doc.tables.find((t) => t.no === 7)!, 2021, { outline: 'shenzhen' });
  assert.deepEqual(v.columns.map((c) => c.header[0]), ['预算单位', '科目编码', '科目名称', '支出总计', '基本支出', '项目支出']);
  assert.deepEqual(v.body[2]!.cells.map((c) => c.text), ['', '221', '住房保障支出', '134.56', '134.56', '']);
  const t8 = tableView(doc.tables.find((t) => t.no === 8)!, null, { outline: 'shenzhen' });
  assert.equal(t8.empty, true);
  assert.deepEqual(t8.body[0]!.cells.slice(3).map((c) => c.text), ['0', '0', '0']);
  // An empty table is still published, with a note saying why (domain.md §5).
  assert.equal(tableView(doc.tables.find((t) => t.no === 8)!, 2021, { outline: 'shenzhen' }).note, '注：本单位2021年无政府性基金预算支出，本表无数据。');
  // Outside the Shenzhen outline fiscus words no note of its own: an empty table prints the document's note or none.
  assert.equal(tableView(doc.tables.find((t) => t.no === 8)!, 2021).note, null);
  assert.equal(v.note, null);
});

test('wide tables go on landscape pages with merged multi-level headers', () => {
  const v = tableView(sampleDocument().tables.find((t) => t.no === 2)!, null, { outline: 'shenzhen' });
  assert.equal(v.landscape, true);
  assert.equal(v.header.length, 4);
  assert.deepEqual(v.header[0]!.map((c) => [c.text, c.colspan]), [['预算单位', 1], ['收入总计', 1], ['本年收入', 7], ['上年结余、结转', 1]]);
});

test('a project form prints cost lines and the quarterly plan with their printed decimals', () => {
  const f = projectFormView(sampleDocument().projectForms[0]!);
  assert.deepEqual(f.costLines.map((c) => c.amountText), ['681.7587', '18.2413']);
  assert.equal(f.disbursementText, '第一季度支付 175.0万元，第二季度支付 175.0万元，第三季度支付 175.0万元，第四季度支付 175.0万元。');
  const spans = f.indicators.map((r) => [r.level1Span, r.level2Span]);
  // 投入指标 (2 lead rows), 产出指标 (数量 ×2, 时效), 效益, 满意度.
  assert.deepEqual(spans, [[2, 1], [0, 1], [3, 2], [0, 0], [0, 1], [1, 1], [1, 1]]);
});

test('the findings appendix appears only when findings are passed', () => {
  const doc = sampleDocument();
  assert.equal(buildReportView(doc).findings, null);
  const v = buildReportView(doc, [
    { rule: 'BUD-031', severity: 'error', category: 'project-form', title: 't', message: '资金支出进度合计与项目金额不符', location: { section: '预算项目支出绩效目标申报表', item: '运行维护', field: '资金支出进度', line: 12, page: null }, expected: '700.00', actual: '699.00', difference: '-1.00', unit: '万元' },
  ]);
  assert.equal(v.findings![0]!.severityZh, '错误');
  assert.equal(v.findings![0]!.where, '预算项目支出绩效目标申报表 / 运行维护 / 资金支出进度（第 12 行）');
});
