import type { Rule } from '../types.js';
import type { Money, Src } from '../../domain/model.js';
import type { Location } from '../types.js';
import { deptLocation } from '../_lib/content.js';
import { compareTotal } from '../_lib/rounding.js';
import { departmentBlock, printedCells } from '../_lib/form-block.js';
import { DEPARTMENT_TARGETS_TITLE, TARGET_TASK_AMOUNT_LABELS } from '../../domain/catalogue/labels.js';

const SECTION = DEPARTMENT_TARGETS_TITLE;
const FIELDS = (['total', 'fiscal', 'other'] as const).map((k) => [k, TARGET_TASK_AMOUNT_LABELS[k]] as const);
type Field = (typeof FIELDS)[number][0];
const LABEL: Record<Field, string> = TARGET_TASK_AMOUNT_LABELS;
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
    // Each line's row as data (`task-0` …, `total`: the anchors of the form's page).
    const lines: Array<{ row: string; name: string; total: Money | null; fiscal: Money | null; other: Money | null; src: Src }> = [
      ...d.tasks.map((x, i) => ({ row: `task-${i}`, name: x.name, total: x.total, fiscal: x.fiscal, other: x.other, src: x.src })),
      ...(d.total ? [{ row: 'total', name: '合计', ...d.total }] : []),
    ];
    // An amount typed in the web has no line of its own: the place is its line's.
    const at = (m: Money | null, line: Src): Src => (m?.src?.line != null ? m.src : line);
    const where = (row: string, name: string, field: string, src: Src): Location => ({ ...deptLocation(doc, name, field, src), row });
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
          location: where(l.row, l.name, '总额', at(l.total, l.src)),
        });
      }
    } else if (unprinted.length < FIELDS.length) {
      // Some amounts are printed, but not all three the identity needs.
      const first = lines.find((l) => l.total ?? l.fiscal ?? l.other) ?? lines[0]!;
      ctx.report({
        severity: 'info',
        message: `${SECTION}未印出${unprinted.map((k) => LABEL[k]).join('、')}，“总额 = 财政拨款 + 其他资金”的核对未进行${first.src?.line ? `（第 ${first.src.line} 行）` : ''}`,
        location: where(first.row, first.name, LABEL[unprinted[0]!], at(first.total, first.src)),
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
        location: where('total', '合计', label, at(d.total[k], d.total.src)),
      });
    }
  },
};
