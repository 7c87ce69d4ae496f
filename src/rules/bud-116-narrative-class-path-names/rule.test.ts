import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, fnRow, table } from '../_lib/test-doc.js';
import type { BudgetDocument, Row } from '../../domain/model.js';

const doc = (rows: Row[], paras: Array<[number, string]>): BudgetDocument =>
  emptyDoc({
    year: 2026,
    tables: [table('general-budget-function', 5, ['total'], rows)],
    narrative: {
      parts: [
        {
          no: 2,
          title: '部门预算安排情况说明',
          src: { line: 1, page: null, raw: '' },
          sections: [
            { no: '五', title: '一般公共预算当年拨款情况说明', src: { line: 1, page: null, raw: '' }, paragraphs: paras.map(([line, text]) => ({ text, src: { line, page: null, raw: text } })) },
          ],
        },
      ],
      duties: [],
      projects: [],
      glossary: [],
      facts: [],
    },
  });

// huzhou-health-commission-2026-budget.txt: 表 lines 683 and 1077 print 2060404 科技成果转化与扩散 and 2290402.
const HUZHOU = [
  fnRow('206', '科学技术支出', { total: '275.06' }),
  fnRow('20604', '技术研究与开发', { total: '275.06' }),
  fnRow('2060404', '科技成果转化与扩散', { total: '275.06' }),
  fnRow('208', '社会保障和就业支出', { total: '166.50' }),
  fnRow('20808', '抚恤', { total: '166.50' }),
  fnRow('2080899', '其他优抚支出', { total: '166.50' }),
  fnRow('229', '其他支出', { total: '15000.00' }),
  fnRow('22904', '其他政府性基金及对应专项债务收入安排的支出', { total: '15000.00' }),
  fnRow('2290402', '其他地方自行试点项目收益专项债券收入安排的支出', { total: '15000.00' }),
];

test('paths that name each level as the tables do pass, short 类 forms and valid names included (corpus phrasings)', () => {
  assert.deepEqual(
    runRule(
      rule,
      doc(HUZHOU, [
        [437, '3.科学技术支出（类）技术研究与开发（款）科技成果转化与扩散（项）：指反映促进科技成果转化为现实生产力的支出。'], // huzhou-health-commission-2026-budget.txt line 437
        [153, '（1）科学技术（类）技术研究与开发（款）科技成果转化与扩散（项）275.06 万元。'], // the 类 without 支出 (huzhou-transport-bureau-2026-budget.txt line 153)
        [280, '社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）：指…'], // valid 2026 names the tables do not print (hangzhou-meteorological-bureau-2026-budget.txt line 280)
      ]),
    ),
    [],
  );
});

test("a 项 name a character away from the table's name for its code is a warning (huzhou-health-commission-2026-budget.txt lines 177, 535)", () => {
  const fs = runRule(
    rule,
    doc(HUZHOU, [
      [177, '（3）科学技术支出（类）技术研究与开发（款）科技 成果转换与扩散（项）275.06 万元，主要用于市疾病预防控制中心的支出。'],
      [535, '49.其他支出（类）其他政府性基金及对应专项债务收入安排的支出（款）其他地方自行试点项目收益专项债券收安排的支出（项）：指用于…'],
    ]),
  );
  assert.deepEqual(
    fs.map((f) => [f.severity, f.actual, f.expected]),
    [
      ['warning', '科技成果转换与扩散', '科技成果转化与扩散'],
      ['warning', '其他地方自行试点项目收益专项债券收安排的支出', '其他地方自行试点项目收益专项债券收入安排的支出'],
    ],
  );
  assert.match(fs[0]!.message, /表列 2060404 为「科技成果转化与扩散」（第 177 行）/);
});

test('two characters away in a longer name (huzhou-veterans-affairs-bureau-2026-budget.txt line 113: 其他抚恤支出 for 2080899 其他优抚支出)', () => {
  const fs = runRule(rule, doc(HUZHOU, [[113, '（5）社会保障和就业支出(类)抚恤(款)其他抚恤支出(项)166.50万元。']]));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.expected, '其他优抚支出');
});

test('a 款 name printed as a 项 is a warning, once per paragraph (changsha-vocational-education-base-coordination-office-2026-budget.txt line 121)', () => {
  const rows = [fnRow('205', '教育支出', { total: '656.73' }), fnRow('20503', '职业教育', { total: '656.73' }), fnRow('2050399', '其他职业教育支出', { total: '656.73' })];
  const fs = runRule(rule, doc(rows, [[121, '3．教育支出 (类) 普通教育 (款) 职业教育 (项)：教育支出 (类) 普通教育 (款) 职业教育 (项)：反映各部门举办的职业学校教育支出']]));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /「职业教育」在本文件的表中是款（20503），说明却标为（项）/);
});

test('a name the tables print without a code, or a name far from every table name, is not judged', () => {
  const rows = [fnRow('214', '交通运输支出', { total: '1' }), fnRow('21499', '其他交通运输支出', { total: '1' })];
  const uncoded: Row = { id: 'u1', kind: 'item', label: '其他交通运输支出', level: 3, amounts: {}, src: { line: 9, page: null, raw: '' }, codeSystem: 'function' };
  assert.deepEqual(runRule(rule, doc([...rows, uncoded], [[499, '交通运输支出(类)其他交通运输支出(款)其他交通运输支出(项)：指…']])), []); // hangzhou-transport-bureau-2026-budget.txt line 499
  assert.deepEqual(runRule(rule, doc(HUZHOU, [[1, '科学技术支出（类）技术研究与开发（款）专利补助资金（项）10 万元。']])), []);
});
