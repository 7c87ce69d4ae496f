/** View models of the project performance forms and the department-wide target form (table 14). */
import { DEPARTMENT_TARGETS_TITLE, FORM_AMOUNT_LABELS, OF_WHICH, PROJECT_FORM_TITLE, tableNumberLabel } from '../../domain/catalogue/index.js';
import type { DepartmentTargets, Indicator, Money, ProjectForm } from '../../domain/model.js';
import { formatAmount } from '../../domain/money.js';
import { cnNumber } from './narrative.js';
import type { CostLineView, DepartmentTargetsView, FormCell, IndicatorRowView, ProjectFormView, QuarterView, TaskView } from './types.js';

/** "项目总金额（万元）": a form amount's label with the unit the form prints. */
const wan = (k: keyof typeof FORM_AMOUNT_LABELS) => `${FORM_AMOUNT_LABELS[k]}（万元）`;
const label = (text: string, colspan = 1): FormCell => ({ text, kind: 'label', ...(colspan > 1 ? { colspan } : {}) });
const value = (text: string, colspan = 1): FormCell => ({ text, kind: 'value', ...(colspan > 1 ? { colspan } : {}) });
const amount = (m: Money | null): FormCell => ({
  text: m ? formatAmount(m.fen, '万元', m.decimals ?? 2) : '',
  kind: 'amount',
  fen: m?.fen ?? null,
  decimals: m?.decimals ?? 2,
});

/**
 * Indicator rows with the rowspans of their 一级 and 二级 labels; `lead` rows (测算明细, 资金支出进度)
 * open the 投入指标 group.
 */
export function indicatorRows(indicators: Indicator[], lead: IndicatorRowView[] = []): IndicatorRowView[] {
  const rows: IndicatorRowView[] = [
    ...lead,
    ...indicators.map((i) => ({ level1: i.level1, level1Span: 1, level2: i.level2, level2Span: 1, name: i.name, target: i.raw })),
  ];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.level1Span === 0) continue;
    let j = i + 1;
    while (j < rows.length && rows[j]!.level1 === r.level1) j++;
    r.level1Span = j - i;
    for (let k = i + 1; k < j; k++) rows[k]!.level1Span = 0;
    for (let a = i; a < j; ) {
      let b = a + 1;
      while (b < j && rows[b]!.level2 === rows[a]!.level2 && !rows[a]!.wide) b++;
      rows[a]!.level2Span = b - a;
      for (let k = a + 1; k < b; k++) rows[k]!.level2Span = 0;
      a = b;
    }
  }
  return rows;
}

/** "第一季度支付 318.25万元，第二季度支付 …。" from the quarterly plan, amounts as printed. */
export function disbursementText(q: QuarterView[]): string {
  return q.length === 0 ? '' : q.map((x) => `${x.label}支付 ${x.amountText}万元`).join('，') + '。';
}

/** Builds the printed view of one project form (`title`: the form's printed name). */
export function projectFormView(f: ProjectForm, title: string = PROJECT_FORM_TITLE): ProjectFormView {
  const a = f.amounts;
  const period = f.period ? `${f.period.start}~${f.period.end}` : '';
  const costLines = f.costLines.map((c): CostLineView => ({
    no: c.no,
    text: c.text,
    label: c.label,
    fen: c.amount?.fen ?? null,
    decimals: c.amount?.decimals ?? 2,
    amountText: c.amount ? formatAmount(c.amount.fen, '万元', c.amount.decimals ?? 2) : '',
    quantity: c.quantity ?? null,
    unitPriceText: c.unitPrice ? formatAmount(c.unitPrice.fen, '元', 0) : null,
  }));
  const disbursement = f.disbursement.map((q): QuarterView => ({
    quarter: q.quarter,
    label: `第${cnNumber(q.quarter)}季度`,
    fen: q.amount.fen,
    decimals: q.amount.decimals ?? 2,
    amountText: formatAmount(q.amount.fen, '万元', q.amount.decimals ?? 2),
  }));
  const dText = disbursementText(disbursement);
  const lead: IndicatorRowView[] = [
    { level1: '投入指标', level1Span: 1, level2: '测算明细', level2Span: 1, name: '', target: '', wide: costLines.map((c) => c.text) },
    { level1: '投入指标', level1Span: 1, level2: '资金支出进度', level2Span: 1, name: '', target: '', wide: [dText] },
  ];
  return {
    id: f.id,
    title,
    name: f.name,
    year: f.year,
    parentProject: f.parentProject,
    // Labels never share a line with another cell's wrapped text: each row keeps its cells on one line.
    grid: [
      [label('项目名称'), value(f.name, 5)],
      [label('项目属性名称'), value(f.attribute?.text ?? ''), label('项目起止时间'), value(period, 3)],
      [label('项目主管部门'), value(f.competentDepartment?.text ?? ''), label('项目类型'), value(f.projectType?.text ?? '', 3)],
      [label(wan('total')), amount(a.total), label(wan('currentYear')), amount(a.currentYear), label(`${OF_WHICH}${wan('fiscal')}`), amount(a.fiscal)],
      [label(wan('other')), amount(a.other), label(wan('transfer')), amount(a.transfer), label(wan('purchasedServices')), amount(a.purchasedServices)],
    ],
    overview: f.overview.map((o, i) => `${i + 1}.${o.label}：${o.text}`),
    use: f.use?.text ?? '',
    midTermGoal: f.midTermGoal?.text ?? '',
    annualGoal: f.annualGoal?.text ?? '',
    costLines,
    disbursement,
    disbursementText: dText,
    indicators: indicatorRows(f.indicators, lead),
  };
}

function task(name: string, content: string, t: { total: Money | null; fiscal: Money | null; other: Money | null }): TaskView {
  return {
    name,
    content,
    cells: (['total', 'fiscal', 'other'] as const).map((key) => ({
      key,
      fen: t[key]?.fen ?? null,
      decimals: t[key]?.decimals ?? 2,
      text: t[key] ? formatAmount(t[key].fen, '万元', t[key].decimals ?? 2) : '',
    })),
  };
}

/** How the department-wide form is headed: its anchor, the number fiscus prints, its title. */
export interface TargetsHeading {
  id: string;
  numberLabel: string | null;
  title: string;
}

/** Table 14 of the Shenzhen outline. */
export const SHENZHEN_TARGETS_HEADING: TargetsHeading = { id: 'table-14', numberLabel: tableNumberLabel(14), title: DEPARTMENT_TARGETS_TITLE };

/** Builds the printed view of the department-wide target form (Shenzhen table 14 by default). */
export function departmentTargetsView(d: DepartmentTargets, heading: TargetsHeading = SHENZHEN_TARGETS_HEADING): DepartmentTargetsView {
  return {
    ...heading,
    year: d.year,
    unitName: d.unitName.text,
    competentDepartment: d.competentDepartment?.text ?? '',
    overallGoal: d.overallGoal.text,
    tasks: d.tasks.map((t) => task(t.name, t.content, t)),
    total: d.total ? task('合计', '', d.total) : null,
    indicators: indicatorRows(d.indicators),
  };
}
