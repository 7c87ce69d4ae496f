/**
 * Mutation suite (issue 3): change one printed number of the sample so that an identity breaks, and
 * assert that checking the mutated text reports a NEW error (absent from the unmutated sample) that
 * points at the mutated line, or that names the mutated figure (the other end of the identity).
 * An import that refuses the mutated text naming the mutated line counts as detected too.
 * Prints the detection rate.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importBytes } from '../../src/app/import-document.js';
import { runRules } from '../../src/rules/engine.js';
import { FiscusError } from '../../src/domain/errors.js';
import type { Finding } from '../../src/rules/types.js';
import { sampleText } from '../import/helpers.js';

interface Mutation {
  where: string;
  line: number;
  from: string;
  to: string;
  /** Replace every occurrence on the line (rows that print the same figure in several columns). */
  all?: boolean;
}

const M: Mutation[] = [
  // narrative
  { where: '叙述 收入总额', line: 62, from: '4,424.60', to: '4,434.60' },
  { where: '叙述 收入增加额', line: 62, from: '0.54', to: '5.54' },
  { where: '叙述 增长率', line: 64, from: '0.01%', to: '0.50%' },
  { where: '叙述 人员支出', line: 68, from: '741.53', to: '742.53' },
  { where: '叙述 离退休人员支出', line: 88, from: '8.07', to: '9.07' },
  { where: '叙述 项目一般管理事务', line: 94, from: '400.10', to: '410.10' },
  { where: '叙述 项目电子政务管理', line: 96, from: '145.50', to: '146.50' },
  { where: '叙述 货物采购', line: 110, from: '101.66', to: '102.66' },
  { where: '叙述 服务采购', line: 110, from: '1,990.90', to: '1,991.90' },
  // tables 1–14
  { where: '表1 一般公共服务支出', line: 237, from: '4,263.65', to: '4,264.65' },
  { where: '表1 住房公积金', line: 263, from: '50.40', to: '51.40' },
  { where: '表1 购房补贴', line: 265, from: '23.04', to: '24.04' },
  { where: '表1 本年收入合计', line: 273, from: '本年收入合计 4,424.60', to: '本年收入合计 4,425.60' },
  { where: '表3 政府采购', line: 396, from: '2,092.56', to: '2,093.56' },
  { where: '表4 基本工资（一列）', line: 467, from: '508.93 508.93 508.93', to: '509.93 508.93 508.93' },
  { where: '表4 办公费', line: 490, from: '9.00', to: '10.00', all: true },
  { where: '表4 住房公积金', line: 484, from: '50.40', to: '52.40', all: true },
  { where: '表5 一般管理事务', line: 601, from: '400.10', to: '401.10', all: true },
  { where: '表5 电子政务管理', line: 603, from: '145.50', to: '146.50', all: true },
  { where: '表6 购房补贴', line: 649, from: '23.04', to: '25.04' },
  { where: '表7 一般公共服务支出', line: 669, from: '4,263.65 619.11', to: '4,263.65 629.11' },
  { where: '表7 购房补贴', line: 713, from: '23.04', to: '24.04', all: true },
  { where: '表7 住房公积金', line: 711, from: '50.40', to: '51.40', all: true },
  { where: '表8 政府性基金', line: 722, from: '0 0 0', to: '1.00 1.00 0' },
  { where: '表11 其他服务', line: 760, from: '1,990.90', to: '1,991.90' },
  { where: '表13 一般管理事务', line: 826, from: '400.10', to: '401.10', all: true },
  { where: '表13 电子政务管理', line: 831, from: '145.50', to: '147.50', all: true },
  { where: '表14 基本支出任务', line: 882, from: '780.06', to: '781.06', all: true },
  { where: '表14 合计', line: 906, from: '4,424.60', to: '4,425.60', all: true },
  { where: '表14 满意度目标', line: 987, from: '≥90%', to: '≥190%' },
  // project forms
  { where: '表单1 项目总金额', line: 1017, from: '1,270.74', to: '1,280.74' },
  { where: '表单1 测算明细 电脑联网服务', line: 1086, from: '81.7587', to: '91.7587' },
  { where: '表单2 政府购买服务资金', line: 1310, from: '696.96', to: '1,696.96' },
  { where: '表单3 测算明细 电信互联网出口', line: 1566, from: '180万元', to: '190万元' },
  { where: '表单3 第四季度支付', line: 1594, from: '313.24', to: '323.24' },
  { where: '表单4 第四季度支付', line: 1839, from: '118万元', to: '128万元' },
  { where: '表单5 台式计算机金额', line: 2020, from: '2.4万元', to: '3.4万元' },
  { where: '表单10 第四季度支付', line: 2855, from: '第四季度支付 0.8万元', to: '第四季度支付 1.8万元' },
];

const key = (f: Finding) => `${f.rule}|${f.location.line}|${f.expected}|${f.actual}|${f.message}`;

test('at least 30 mutations spread over the narrative, every kind of table and the project forms', () => {
  assert.ok(M.length >= 30);
  assert.ok(M.some((m) => m.where.startsWith('叙述')) && M.some((m) => m.where.startsWith('表单')));
  const tables = new Set(M.filter((m) => /^表\d/.test(m.where)).map((m) => /^表(\d+)/.exec(m.where)![1]));
  assert.ok(tables.size >= 10, `tables covered: ${[...tables].join(',')}`);
});

test('every mutation of a printed number produces a new error at its line or naming its figure', async () => {
  const text = sampleText();
  const lines = text.split('\n');
  const base = new Set(runRules(await importBytes(new TextEncoder().encode(text), 's.txt')).map(key));
  const missed: string[] = [];
  let atLine = 0;
  for (const m of M) {
    const l = lines[m.line - 1]!;
    assert.ok(l.includes(m.from), `${m.where}: line ${m.line} prints ${m.from}`);
    const mutated = [...lines];
    mutated[m.line - 1] = m.all ? l.split(m.from).join(m.to) : l.replace(m.from, m.to);
    let findings: Finding[];
    try {
      findings = runRules(await importBytes(new TextEncoder().encode(mutated.join('\n')), 's.txt'));
    } catch (e) {
      if (e instanceof FiscusError && e.where.line === m.line) {
        atLine++;
        continue;
      }
      missed.push(`${m.where} (line ${m.line}): import failed elsewhere: ${(e as Error).message}`);
      continue;
    }
    const fresh = findings.filter((f) => f.severity === 'error' && !base.has(key(f)));
    const figure = m.to.replace(/[^\d.,%]/g, '').replace(/^,|,$/g, '');
    const plain = figure.replace(/,/g, '').replace(/%$/, '');
    const hit = fresh.find((f) => f.location.line === m.line) ?? fresh.find((f) => f.message.includes(figure) || f.message.includes(plain) || [f.expected, f.actual].some((v) => v !== null && Number(v) === Number(plain)));
    if (!hit) missed.push(`${m.where} (line ${m.line}: ${m.from} → ${m.to}): ${fresh.length} new errors, none at the line or naming ${figure}`);
    else if (hit.location.line === m.line) atLine++;
  }
  const detected = M.length - missed.length;
  console.log(`mutations: ${detected}/${M.length} detected (${((detected / M.length) * 100).toFixed(1)}%), ${atLine} pointing at the mutated line`);
  assert.deepEqual(missed, []);
});
