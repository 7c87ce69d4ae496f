import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, tbl } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a document read without errors or coded warnings', () => {
  const d = doc();
  d.importNotes = [{ severity: 'info', message: '表 2: earliest columns taken', src: { line: 3, page: 1, raw: '' } }];
  assert.deepEqual(run(d), []);
});

test('reports an import error at its line with its table and row as data', () => {
  const d = doc();
  tbl(d, 7).id = 't7';
  const r = tbl(d, 7).rows[3]!;
  d.importNotes = [
    { severity: 'error', code: 'amount-unreadable', table: 't7', row: r.id, message: '金额“1.234567”无法按元精确读取', src: { line: 212, page: 9, raw: '1.234567' } },
    { severity: 'error', code: 'table-unreadable', table: 't9', row: null, message: '表《国有资本经营预算支出表》未能读取：no header', src: { line: 300, page: 12, raw: '国有资本经营预算支出表' } },
  ];
  const fs = run(d);
  assert.equal(fs.length, 2);
  assert.equal(fs[0]!.severity, 'error');
  assert.equal(fs[0]!.category, 'structure');
  assert.equal(fs[0]!.message, '表《一般公共预算支出表》第 212 行：金额“1.234567”无法按元精确读取');
  assert.deepEqual([fs[0]!.location.line, fs[0]!.location.page, fs[0]!.location.tableId, fs[0]!.location.row, fs[0]!.location.table], [212, 9, 't7', r.id, 7]);
  assert.equal(fs[1]!.message, '表《国有资本经营预算支出表》未能读取：no header');
  assert.equal(fs[1]!.location.tableId, 't9');
});

test('reports a coded import warning as a warning and leaves uncoded remarks in the notes', () => {
  const d = doc();
  d.importNotes = [
    { severity: 'warning', code: 'year-unknown', message: '未能从封面或表头识别预算年度', src: { line: 1, page: 1, raw: '' } },
    { severity: 'warning', message: '代码“2”只印了一位，按两位“02”读取', src: { line: 780, page: 29, raw: '' } },
  ];
  const fs = run(d);
  assert.deepEqual(
    fs.map((f) => [f.severity, f.message, f.location.line]),
    [['warning', '未能从封面或表头识别预算年度', 1]],
  );
});

test('reports a coded info note (what the read could not decide) as info, never as a warning', () => {
  const d = doc();
  d.importNotes = [
    {
      severity: 'info',
      code: 'form-rows-uncertain',
      table: null,
      row: null,
      message: '第 28–30 行的 2 个绩效指标可能属于项目“甲”或“乙”：按居中位置归属（推断）',
      src: { line: 28, page: 15, raw: '' },
    },
    { severity: 'info', message: '表 2: earliest columns taken', src: { line: 3, page: 1, raw: '' } },
  ];
  assert.deepEqual(
    run(d).map((f) => [f.severity, f.location.line]),
    [['info', 28]],
  );
});
