/**
 * Errors fiscus once reported on real disclosures that the disclosures do not have (docs/corpus.md,
 * "Errors labelled false"), each cause as a rule about the genre, on a small hand-made document of the
 * genre's shape: what the reader makes of it, and that no error rests on what it could not read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importBytes } from '../../src/app/import-document.js';
import { validateDocument } from '../../src/app/validate.js';
import { parseAmount } from '../../src/domain/money.js';
import type { BudgetDocument, Row, Table } from '../../src/domain/model.js';
import { buildPdf, type Run } from '../../src/importers/pdf/test-pdf.js';

const fromText = (lines: string[]): Promise<BudgetDocument> => importBytes(new TextEncoder().encode(lines.join('\n') + '\n'), 'fixture.txt');
const w = (s: string) => parseAmount(s, '万元');
const table = (d: BudgetDocument, title: RegExp): Table => {
  const t = d.tables.find((x) => title.test(x.title.text));
  assert.ok(t, `no table ${title} in ${d.tables.map((x) => x.title.text).join(' | ')}`);
  return t;
};
const row = (t: Table, pick: (r: Row) => boolean): Row => {
  const r = t.rows.find(pick);
  assert.ok(r, `no such row in ${t.title.text}: ${t.rows.map((x) => x.label).join(' | ')}`);
  return r;
};
const fen = (r: Row, key: string) => r.amounts[key]?.fen ?? null;
const errorsOf = (d: BudgetDocument, rule: string) => validateDocument(d).findings.filter((f) => f.rule === rule && f.severity === 'error');

test('a 款 and a 项 named like their class (二、其他支出 / 其他支出 / 其他支出, names without codes) are nested under it, never coded as the class: the class is not counted twice', async () => {
  const d = await fromText([
    '                                 表6 财政拨款收支总表',
    '部门名称：某某市某某办公室                                                          单位：万元',
    '                  收入                                         支出',
    '         项目              2026 年预算数                   项目            2026 年预算数',
    '一、本年收入                     1,300.00       一、一般公共服务支出                  1,000.00',
    ' 1.一般公共预算拨款               1,300.00        政府办公厅（室）及相关机构事务           1,000.00',
    ' 2.政府性基金预算拨款                 0.00         行政运行                           1,000.00',
    '                                             二、其他支出                         300.00',
    '                                              其他支出                          300.00',
    '                                               其他支出                         300.00',
    '      本年收入合计                1,300.00          本年支出合计                   1,300.00',
    '      收入总计                    1,300.00          支出总计                      1,300.00',
    '',
    '                         表7 一般公共预算支出表（按功能分类）',
    '部门名称：某某市某某办公室                                                          单位：万元',
    '     科目编码        科目名称                       合计          基本支出          项目支出',
    '                   合计                       1,300.00          1,000.00            300.00',
    '     201           一般公共服务支出                1,000.00          1,000.00',
    '     20103         政府办公厅（室）及相关机构事务      1,000.00          1,000.00',
    '     2010301       行政运行                      1,000.00          1,000.00',
    '     229           其他支出                        300.00                              300.00',
    '     22999         其他支出                        300.00                              300.00',
    '     2299999       其他支出                        300.00                              300.00',
  ]);
  const t = table(d, /财政拨款收支总表/);
  const others = t.rows.filter((r) => r.side === 'expenditure' && /其他支出$/.test(r.label));
  assert.deepEqual(
    others.map((r) => [r.label, r.code ?? null, r.level, fen(r, 'amount')]),
    [
      ['二、其他支出', '229', 1, w('300.00')],
      ['其他支出', null, 2, w('300.00')],
      ['其他支出', null, 3, w('300.00')],
    ],
  );
  assert.equal(others[1]!.parent, others[0]!.id);
  assert.equal(others[2]!.parent, others[1]!.id);
  // Table 6's class 229 against table 7's: 300.00 both, not 600.00.
  assert.deepEqual(errorsOf(d, 'BUD-026'), []);
});
