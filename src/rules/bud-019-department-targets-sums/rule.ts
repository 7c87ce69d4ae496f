import type { Rule } from '../types.js';
import type { Money } from '../../domain/model.js';
import { locSrc } from '../_lib/location.js';
import { compareTotal } from '../_lib/rounding.js';
import { departmentBlock, printedCells } from '../_lib/form-block.js';

const SECTION = '部门（单位）整体支出绩效目标申报表';
const FIELDS = [
  ['total', '总额'],
  ['fiscal', '财政拨款'],
  ['other', '其他资金'],
] as const;
type Field = (typeof FIELDS)[number][0];
const LABEL: Record<Field, string> = { total: '总额', fiscal: '财政拨款', other: '其他资金' };
/** The words that head each column where the form's block is held (a header piece or a field label). */
const PRINTED: Record<Field, RegExp> = { total: /总额/, fiscal: /财政拨款/, other: /其他资金/ };

/**
 * Table 14: the 合计 line equals the sum of the tasks, and each amount = 财政拨款 + 其他资金.
 *
 * An amount the form does not print is unknown, not zero. A column is printed when some line of the
 * form (a task or the 合计) holds a figure in it, or the form's printed block heads a column or field
 * with its name; then an empty cell in it is an empty printed cell (0). A column neither is not
 * printed by the form's template (some 部门整体支出绩效目标表 print 资金总额, 项目支出, 基本支出 and
 * 其他资金 but no 财政拨款): no identity resting on it is checked, and one info says which check was
 * not made.
 */
export const rule: Rule = {
  id: 'BUD-019',
  title: 'Department-wide form: tasks add up and total = fiscal + other',
  titleZh: '整体支出绩效目标申报表：合计 = 各任务之和，总额 = 财政拨款 + 其他资金',
  severity: 'error',
  category: 'table-arithmetic',
  reads: ['departmentTargets'],
  basis: 'Table 14 layout (年度主要任务 预算金额: 总额 / 财政拨款 / 其他资金, 合计); domain.md §3',
  check(doc, ctx) {
    const d = doc.departmentTargets;
    if (!d) return;
    const lines: Array<{ name: string; total: Money | null; fiscal: Money | null; other: Money | null; src: Money['src'] }> = [
      ...d.tasks.map((x) => ({ name: x.name, total: x.total, fiscal: x.fiscal, other: x.other, src: x.src })),
      ...(d.total ? [{ name: '合计', ...d.total }] : []),
    ];
    if (lines.length === 0) return;
    const cells = printedCells(departmentBlock(doc));
    const printed = (k: Field) => lines.some((l) => l[k] !== null) || cells.some((c) => PRINTED[k].test(c));
    const unprinted = FIELDS.map(([k]) => k).filter((k) => !printed(k));
    if (unprinted.length === 0) {
      for (const l of lines) {
        if (l.fiscal === null && l.other === null) continue;
        compareTotal(ctx, {
          total: l.total,
          parts: [l.fiscal, l.other],
          subject: `表14 ${l.name}`,
          totalLabel: '总额',
          partLabels: ['财政拨款', '其他资金'],
          location: locSrc(SECTION, l.total?.src ?? l.src, l.name, '总额'),
        });
      }
    } else if (unprinted.length < FIELDS.length) {
      // Some amounts are printed, but not all three the identity needs.
      const first = lines.find((l) => l.total ?? l.fiscal ?? l.other) ?? lines[0]!;
      ctx.report({
        severity: 'info',
        message: `${SECTION}未印出${unprinted.map((k) => LABEL[k]).join('、')}，“总额 = 财政拨款 + 其他资金”的核对未进行${first.src?.line ? `（第 ${first.src.line} 行）` : ''}`,
        location: locSrc(SECTION, first.total?.src ?? first.src, first.name, LABEL[unprinted[0]!]),
        expected: null,
        actual: null,
        difference: null,
        unit: null,
      });
    }
    if (!d.total || d.tasks.length === 0) return;
    for (const [k, label] of FIELDS) {
      if (!printed(k)) continue;
      const parts = d.tasks.map((x) => x[k]);
      if (d.total[k] === null && parts.every((p) => p === null)) continue;
      compareTotal(ctx, {
        total: d.total[k],
        parts,
        subject: '表14 合计',
        totalLabel: label,
        partLabels: d.tasks.map((x) => `${x.name} ${label}`),
        location: locSrc(SECTION, d.total[k]?.src ?? d.total.src, '合计', label),
      });
    }
  },
};
