import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, money } from '../_lib/test-doc.js';
import type { Fact } from '../../domain/model.js';

const src = (line: number) => ({ line, page: null, raw: '' });
const item = (label: string, prior: string, planned: string, change: string, percent: string, reason: string, line = 104): Fact[] => [
  { key: 'function.item.prior-execution', label, money: money(prior), src: src(line) },
  { key: 'function.item.planned', label, money: money(planned), src: src(line) },
  { key: 'function.item.change.percent', label, percent, text: change, src: src(line) },
  { key: 'function.item.reason', label, text: reason, src: src(line + 1) },
];
const doc = (...facts: Fact[][]) => emptyDoc({ profile: 'shanghai-budget', narrative: { parts: [], duties: [], projects: [], glossary: [], facts: facts.flat() } });

test('direction words that agree with the figures and reasons pass (增加, 减少, 持平, a neutral reason)', () => {
  assert.deepEqual(
    runRule(
      rule,
      doc(
        item('组织事务', '60.79', '88.87', '比2023年预算执行数增加46.19%', '46.19', '组织事务一般行政管理事务经费增加'),
        item('市场监督管理事务', '14.62', '13.52', '比2023年预算执行数减少7.52%', '-7.52', '市场监督管理事务一般行政管理事务经费减少'),
        item('科普活动', '10.00', '10.00', '比2023年预算执行数持平', '0', '科普活动经费保持不变'),
        item('专项普查活动', '60.13', '25.77', '比2023年预算执行数减少57.14%', '-57.14', '项目调整'),
      ),
    ),
    [],
  );
});

test('a reason stating the opposite direction is an error at the reason line', () => {
  const fs = runRule(rule, doc(item('宣传事务', '114.00', '110.60', '比2023年预算执行数减少2.98%', '-2.98', '宣传事务一般行政管理事务经费增加')));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'error');
  assert.equal(fs[0]!.location.line, 105);
  assert.match(fs[0]!.message, /宣传事务：说明写“比2023年预算执行数减少2\.98%”，原因却是“宣传事务一般行政管理事务经费增加”（增加）/);
});

test('a direction word contradicted by the two figures is an error naming them', () => {
  const fs = runRule(rule, doc(item('群众体育', '20.00', '22.00', '比2023年预算执行数减少10.00%', '-10.00', '群众体育经费减少')));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /群众体育：由 20\.00 万元到 22\.00 万元是增加，说明却写“比2023年预算执行数减少10\.00%”/);
  assert.equal(fs[0]!.expected, '增加');
});
