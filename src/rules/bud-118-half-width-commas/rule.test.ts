import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc } from '../_lib/test-doc.js';
import { punctuationOf } from '../../importers/text/punctuation.js';
import { readSourceText } from '../../importers/text/source.js';
import type { BudgetDocument } from '../../domain/model.js';

const census = (text: string) => punctuationOf(readSourceText(new TextEncoder().encode(text), 't.txt').lines)!;
const doc = (text: string): BudgetDocument => {
  const d = emptyDoc();
  return { ...d, source: { ...d.source, punctuation: census(text) } };
};

test('the census counts full-width commas and half-width ones between Chinese words, not thousands separators', () => {
  // wuxi-commerce-bureau-2026-budget.txt lines 42–44; huzhou-veterans-affairs-bureau-2026-budget.txt line 117.
  const c = census(
    [
      '及有关口岸工作的法律法规及决策部署,起草相关地方性法规、',
      '规章草案,拟订全市商务发展和实施规划。监测分析商务运行状',
      '府的离退休人员安置 (项)2194.50 万元,主要用于军队移交',
      '一般公共预算拨款收入 12,345.67 万元，比上年增加 1,000.00 万元，增长 8.8%。',
    ].join('\n'),
  );
  assert.deepEqual([c.fullWidthCommas, c.halfWidthCommas, c.halfWidthAt.map((s) => s.line)], [2, 3, [1, 2, 3]]);
  assert.equal(c.halfWidthAt[0]!.raw, '及有关口岸工作的法律法规及决策部署,起草相关地方性法规、');
  assert.equal(census('一'.repeat(30) + ',' + '二'.repeat(30)).halfWidthAt[0]!.raw, '…' + '一'.repeat(24) + ',' + '二'.repeat(23) + '…', 'a long line: the words around the comma');
});

test('half-width commas in a document that otherwise prints full-width ones: a warning naming the count and lines', () => {
  const text = ['及有关口岸工作的法律法规及决策部署,起草相关地方性法规、', ...Array.from({ length: 5 }, (_, i) => `第${i}段，内容，继续。`)].join('\n');
  const fs = runRule(rule, doc(text));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'warning');
  assert.match(fs[0]!.message, /中文正文中有 1 处半角逗号“,”（第 1 行），全文其余 10 处为全角“，”/);
  const two = runRule(rule, doc(['决策部署,起草。', '规章草案,拟订。', ...Array.from({ length: 5 }, (_, i) => `第${i}段，内容，继续。`)].join('\n')));
  assert.match(two[0]!.message, /有 2 处半角逗号“,”（首见第 1 行）/);
  assert.equal(fs[0]!.location.line, 1);
});

test('full-width only passes; a document printing mostly "," is not judged (a PDF may map its full-width glyph to ",")', () => {
  assert.deepEqual(runRule(rule, doc('收入预算 100.00 万元，比上年增加 1.00 万元，增长 1.0%。')), []);
  // chongqing-commerce-commission-2026-budget.txt line 6: 0 "，" and 129 "," whose glyphs are full-width in the PDF.
  assert.deepEqual(runRule(rule, doc('章和方针政策;会同有关部门研究起草本市商务工作的地方性法规草案、政府规章和政策,并组\n织实施,推进。')), []);
  // A document without the census (a spreadsheet, an authored budget): nothing to judge.
  assert.deepEqual(runRule(rule, emptyDoc()), []);
});
