/**
 * Cutting a disclosure into tables, forms and narrative (segment.ts), on small texts shaped like the
 * genre (`pdftotext -layout` lines; a form feed starts a page).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSourceText } from '../text/source.js';
import { segment } from './segment.js';

const src = (text: string) => readSourceText(Buffer.from(text, 'utf8'), 'fixture.txt');
const texts = (ls: ReadonlyArray<{ text: string }>) => ls.map((l) => l.text);

// --- 1. a wrapped title does not swallow the last row of the table above ------------------------

/** A performance form whose last row wraps "服务对象满意度 / 指标" at the foot of its page; the next form's title heads the next page. */
const FORM_THEN_TITLE = [
  '                         政策和项目预算绩效目标表',
  '                             (2026年度)',
  '',
  '         项目名称                           审计业务经费',
  '',
  '       主管部门及代码              231_烟台市审计局       实施单位              烟台市审计局',
  '',
  '                          年度资金总额：                  4.50',
  '',
  '绩效指标   产出指标      数量指标       审计项目数量                 ≥10个',
  '',
  '                服务对象满意度',
  '绩效指标   满意度指标                被审计单位满意度                ≥95%',
  '                   指标',
  '',
  '',
  '                                — 29 —',
  '\f                         政策和项目预算绩效目标表',
  '                             (2026年度)',
  '',
  '         项目名称                           等保测评服务',
  '',
  '                          年度资金总额：                  2.00',
  '',
  '绩效指标   产出指标      质量指标       系统等保测评评分                 ≥60分',
].join('\n');

test('the wrapped cell of a form\'s last row, left at the foot of its page, stays in the form: the next title is printed on its own page', () => {
  const seg = segment(src(FORM_THEN_TITLE));
  assert.equal(seg.tables.length, 2);
  const [a, b] = seg.tables;
  assert.equal(b!.title, '政策和项目预算绩效目标表');
  assert.deepEqual(texts(b!.titleLines), ['政策和项目预算绩效目标表']);
  assert.equal(a!.lines.at(-1)!.text, '指标', 'the wrapped "指标" ends the first form');
});

test('on one page, a line shorter than the title below it is not the first half of a wrapped title', () => {
  // The same two forms printed on one page (no form feed, no page number between them).
  const seg = segment(src(FORM_THEN_TITLE.replace('                                — 29 —\n\f', '')));
  assert.equal(seg.tables.length, 2);
  assert.deepEqual(texts(seg.tables[1]!.titleLines), ['政策和项目预算绩效目标表']);
  assert.equal(seg.tables[0]!.lines.at(-1)!.text, '指标');
});

test('a title wrapped because its first line is full is still one title', () => {
  const text = [
    '自创区福州片区“一区多园”评估工作经费项目绩',
    '          效目标表',
    '',
    '  项目名称      自创区福州片区“一区多园”评估工作经费',
    '  年度资金总额           30.00',
    '  一级指标    二级指标     三级指标       指标值',
    '  产出指标    数量指标     评估报告数量    1份',
  ].join('\n');
  const seg = segment(src(text));
  assert.equal(seg.tables.length, 1);
  // (squashed: no spaces or quotation marks)
  assert.equal(seg.tables[0]!.title, '自创区福州片区一区多园评估工作经费项目绩效目标表');
  assert.equal(seg.tables[0]!.titleLines.length, 2);
});
