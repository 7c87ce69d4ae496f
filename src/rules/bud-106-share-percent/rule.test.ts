import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, money } from '../_lib/test-doc.js';
import type { Fact } from '../../domain/model.js';

const f = (key: string, label: string, v: string, percent?: string): Fact => ({ key, label, money: money(v), ...(percent ? { percent } : {}), src: { line: 609, page: 21, raw: '' } });
const doc = (...facts: Fact[]) => emptyDoc({ kind: '部门决算', profile: 'shanghai-final-accounts', narrative: { parts: [], duties: [], projects: [], glossary: [], facts } });

test('shares computed from the amounts pass', () => {
  const fs = runRule(
    rule,
    doc(f('expenditure.general', '一般公共预算财政拨款支出', '2,940.05'), f('share', '社会保障和就业支出(类)', '326.72', '11.11'), f('share', '住房保障支出(类)', '445.69', '15.16')),
  );
  assert.deepEqual(fs, []);
});

test('71.73 % for 2,106.66 of 2,940.05 is an error: it is 71.65 %', () => {
  const fs = runRule(rule, doc(f('expenditure.general', '一般公共预算财政拨款支出', '2,940.05'), f('share', '一般公共服务支出(类)', '2,106.66', '71.73')));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.expected, '71.65');
});

const para = (line: number, text: string) =>
  emptyDoc({
    year: 2026,
    narrative: {
      parts: [
        {
          no: 1,
          title: '收支预算总体情况',
          src: { line, page: null, raw: '' },
          sections: [{ no: '', title: '', src: { line, page: null, raw: '' }, paragraphs: [{ text, src: { line, page: null, raw: text } }] }],
        },
      ],
      duties: [],
      projects: [],
      glossary: [],
      facts: [],
    },
  });

// hangzhou-meteorological-bureau-2026-budget.txt lines 95–97 and huzhou-health-commission-2026-budget.txt lines 144–146.
const HANGZHOU = '2.按支出用途分类，包括人员支出 2,906.80 万元，占49.4%；日常公用支出 838.27 万元，占 14.3%；项目支出 2,131.61 万元，占 36.3%。';

test('shares of one whole in one sentence that add to 100 % within their rounding pass (corpus phrasings)', () => {
  assert.deepEqual(runRule(rule, para(95, HANGZHOU)), []);
  // 41.3 + 48.7 + 10.1 = 100.1: three shares rounded to 0.1 may be off by 0.15.
  assert.deepEqual(runRule(rule, para(144, '人员支出212,605.27万元，占41.3%；日常公用支出250,851.67万元，占48.7%；项目支出51,856.41万元，占10.1%。')), []);
  // suzhou-data-bureau-2026-budget.txt lines 1078–1081: "占“三公”经费的" names the whole.
  assert.deepEqual(
    runRule(rule, para(1078, '其中，因公出国（境）费支出 0 万元，占“三公”经费的 0%；公务用车购置及运行维护费支出 4 万元，占“三公”经费的 21.86%；公务接待费支出 14.3 万元，占“三公”经费的 78.14%。')),
    [],
  );
  // wuxi-emergency-management-enforcement-supervision-bureau-2026-unit-budget.txt line 709: all parts 0, all shares 0.
  assert.deepEqual(
    runRule(rule, para(709, '其中，因公出国（境）费支出 0 万元，占“三公”经费的 0%；公务用车购置及运行维护费支出 0 万元，占“三公”经费的 0%；公务接待费支出 0 万元，占“三公”经费的 0%。')),
    [],
  );
});

test('a list naming only some parts is not judged below 100 %', () => {
  assert.deepEqual(runRule(rule, para(1, '其中：人员支出 2,906.80 万元，占49.4%；日常公用支出 838.27 万元，占 14.3%。')), []);
});

test('shares of one whole that do not add to 100 % are a warning', () => {
  const over = runRule(rule, para(95, HANGZHOU.replace('占 36.3%', '占 38.3%')));
  assert.equal(over.length, 1);
  assert.equal(over[0]!.severity, 'warning');
  assert.equal(over[0]!.actual, '102');
  assert.match(over[0]!.message, /合计 102%，不等于 100%.*（第 95 行）/);
  // Below 100 % with amounts that make up the whole (2,131.61 is 36.3 % of 5,876.68).
  const under = runRule(rule, para(95, HANGZHOU.replace('占 14.3%', '占 12.3%')));
  assert.deepEqual(
    under.map((f) => f.actual),
    ['98'],
  );
});
