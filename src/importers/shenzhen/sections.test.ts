import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSourceText } from '../text/source.js';
import { newContext } from './context.js';
import { splitShenzhen } from './sections.js';

const enc = (s: string) => new TextEncoder().encode(s);

const BODY = ['第一部分 部门概况', '一、主要职能', '(一)承担工作。', '第二部分 部门预算收支总体情况', '正文。', '表 1', '收支总表', '行 1.00', '预算项目支出绩效目标申报表', '项目名称 甲'];

test('a cover and table of contents before the body are skipped and noted', () => {
  const text = ['某单位', '2021 年部门预算', '目录', '第一部分 部门概况', '第二部分 部门预算收支总体情况', '表 1 收支总表', ...BODY].join('\n');
  const ctx = newContext('a.txt');
  const s = splitShenzhen(readSourceText(enc(text), 'a.txt'), ctx);
  assert.deepEqual(
    s.parts.map((p) => p.no),
    [1, 2],
  );
  assert.equal(s.parts[0]!.lines[0]!.no, 7);
  assert.ok(ctx.notes.some((n) => /封面或目录/.test(n.message)));
});

test('page-number footers are dropped and appendices after the body are not read', () => {
  const text = [...BODY.slice(0, 5), '— 3 —', ...BODY.slice(5), '甲 1.00', '附录 图表', '图 1 500', '附录 校验结果'].join('\n');
  const ctx = newContext('a.txt');
  const s = splitShenzhen(readSourceText(enc(text), 'a.txt'), ctx);
  const all = [...s.parts, ...s.tables, ...s.forms].flatMap((b) => b.lines.map((l) => l.text));
  assert.ok(!all.includes('— 3 —'));
  assert.ok(!all.some((t) => t.startsWith('附录') || t === '图 1 500'));
  assert.equal(s.forms.length, 1);
  assert.deepEqual(
    s.forms[0]!.lines.map((l) => l.text),
    ['预算项目支出绩效目标申报表', '项目名称 甲', '甲 1.00'],
  );
});

test('form feeds number the pages', () => {
  const text = [...BODY.slice(0, 5), '\f表 1', ...BODY.slice(6)].join('\n');
  const s = splitShenzhen(readSourceText(enc(text), 'a.txt'), newContext('a.txt'));
  assert.equal(s.parts[0]!.lines[0]!.page, 1);
  assert.equal(s.tables[0]!.lines[0]!.page, 2);
  assert.equal(s.pageCount, 2);
});
