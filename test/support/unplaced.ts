/**
 * A 收入总表 whose 合计 row prints its figures run into its label and into each other ("合计1,300.00300.00"):
 * the reader reads them and, no column being told by where they stand, places none (by design). The tests of
 * what shows amounts left unplaced (the exports, the web's table page) use it rather than a corpus document,
 * whose unplaced amounts go as reading improves.
 */
export const UNPLACED_TABLE_LINES = [
  '                         表2 收入总表',
  '部门名称：某某市某某局                                             单位：万元',
  '    科目编码     科目名称                           合计          一般公共预算    其他收入',
  '                 合计1,300.00300.00                                         1,000.00',
  '    201          一般公共服务支出                 1,300.00            300.00        1,000.00',
  '    2010301      行政运行                     1,300.00            300.00        1,000.00',
];

/** UNPLACED_TABLE_LINES as the bytes of a text file. */
export const unplacedTableBytes = (): Uint8Array => new TextEncoder().encode(UNPLACED_TABLE_LINES.join('\n') + '\n');
