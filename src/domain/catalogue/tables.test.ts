import { test } from 'node:test';
import assert from 'node:assert/strict';
import { titleParts } from './tables.js';

test('a table number before the title is read whole, in Arabic or Chinese numerals', () => {
  const cases: Array<[string, number | null, string]> = [
    ['表1 2026年部门收支总表', 1, '2026年部门收支总表'],
    ['表12 2026年项目支出绩效目标表', 12, '2026年项目支出绩效目标表'],
    ['表一2026年部门收支总体情况表', 1, '2026年部门收支总体情况表'],
    ['表十2026年部门整体绩效目标表', 10, '2026年部门整体绩效目标表'],
    ['表十一2026年市级重点专项资金绩效目标表（一级项目）', 11, '2026年市级重点专项资金绩效目标表（一级项目）'],
    ['表二十一 2026年政府采购预算表', 21, '2026年政府采购预算表'],
    ['公开01表 2026年部门财务收支预算总表', 1, '2026年部门财务收支预算总表'],
    ['预算01表 2026年收支总表', 1, '2026年收支总表'],
    ['表3-1 2026年一般公共预算支出表', 3, '2026年一般公共预算支出表'],
    ['2026年部门收支总表', null, '2026年部门收支总表'],
  ];
  for (const [line, no, title] of cases) {
    const p = titleParts(line);
    assert.equal(p.no, no, line);
    assert.equal(p.title, title, line);
    assert.equal(p.year, 2026, line);
  }
});

test('digits running on from an Arabic number are not a table number', () => {
  assert.equal(titleParts('表12026年部门收支总表').no, null);
});
