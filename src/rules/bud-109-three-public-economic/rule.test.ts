import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, money, row, table } from '../_lib/test-doc.js';
import type { BudgetDocument, Money } from '../../domain/model.js';

const yuan = (n: number): Money => ({ fen: n * 100, decimals: 0, src: { line: 840, page: null, raw: String(n) } });
/** A Shanghai budget: the economic table in 元, the 三公 table in 万元, one row for the year. */
const doc = (reception: number, running: number, threeReception = '1.35', threeRunning = '21.56'): BudgetDocument =>
  emptyDoc({
    profile: 'shanghai-budget',
    year: 2024,
    tables: [
      table(
        'basic-expenditure-economic',
        null,
        ['total'],
        [
          row('e302', '商品和服务支出', { total: yuan(reception + running) }, { kind: 'group', code: '302', codeSystem: 'econ' }),
          row('e30217', '公务接待费', { total: yuan(reception) }, { code: '30217', codeSystem: 'econ', parent: 'e302' }),
          row('e30231', '公务用车运行维护费', { total: yuan(running) }, { code: '30231', codeSystem: 'econ', parent: 'e302' }),
        ],
      ),
      table(
        'three-public',
        null,
        ['total', 'overseas', 'reception', 'vehicles', 'vehiclePurchase', 'vehicleRunning'],
        [
          row(
            'y2024',
            '2024年预算数',
            { total: '47.91', overseas: '0', reception: threeReception, vehicles: '46.56', vehiclePurchase: '25', vehicleRunning: threeRunning },
            { texts: { year: { text: '2024' } } },
          ),
        ],
      ),
    ],
  });
void money;

test('economic 公务接待费 and 公务用车运行维护费 within the 三公 table pass (equal, and below)', () => {
  assert.deepEqual(runRule(rule, doc(13_500, 215_600)), []);
  assert.deepEqual(runRule(rule, doc(10_000, 200_000)), []);
});

test('economic 公务接待费 above the 三公 table is an error naming both figures', () => {
  const fs = runRule(rule, doc(23_500, 215_600));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /30217 公务接待费 2\.35 万元超过.*「2024年预算数」公务接待费 1\.35 万元/);
  assert.equal(fs[0]!.difference, '1.00');
});

test('a final account compares with the 决算数 row, not the 预算数 row', () => {
  const d = doc(13_500, 0);
  const tp = d.tables[1]!;
  tp.rows = [row('budget', '预算数', { total: '5.00', reception: '5.00' }, {}), row('final', '决算数', { total: '1.00', reception: '1.00' }, {})];
  const fs = runRule(rule, d);
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /「决算数」公务接待费 1\.00 万元/);
});
