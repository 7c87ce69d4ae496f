import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, money } from '../_lib/test-doc.js';
import type { Fact } from '../../domain/model.js';

const src = (line: number) => ({ line, page: null, raw: '' });
const item = (label: string, prior: string, planned: string, reason: string, line: number): Fact[] => [
  { key: 'function.item.prior-execution', label, money: money(prior), src: src(line) },
  { key: 'function.item.planned', label, money: money(planned), src: src(line) },
  { key: 'function.item.reason', label, text: reason, src: src(line + 1) },
];
const doc = (...facts: Fact[][]) => emptyDoc({ profile: 'shanghai-budget', narrative: { parts: [], duties: [], projects: [], glossary: [], facts: facts.flat() } });

test('the same directional reason for items moving the same way, and a neutral reason for both ways, pass', () => {
  assert.deepEqual(
    runRule(
      rule,
      doc(
        item('城乡社区管理事务一般行政管理事务', '2083.68', '1759.10', '城乡社区管理事务一般行政管理事务经费减少', 160),
        item('城管执法', '676.66', '604.34', '城乡社区管理事务一般行政管理事务经费减少', 163),
        item('专项普查活动', '60.13', '25.77', '项目调整', 94),
        item('其他教育支出', '0.00', '25.00', '项目调整', 121),
      ),
    ),
    [],
  );
});

test('one directional reason for an item going up and one going down is reported at the second', () => {
  const fs = runRule(rule, doc(item('事业单位离退休', '6.26', '7.66', '事业单位离退休经费增加', 136), item('机关事业单位职业年金缴费支出', '230.00', '198.60', '事业单位离退休经费增加', 142)));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.location.line, 143);
  assert.match(fs[0]!.message, /机关事业单位职业年金缴费支出（减少）的原因“事业单位离退休经费增加”与事业单位离退休（增加）（第 137 行）相同/);
});
