/** The whole disclosure package as one view model: cover, narrative, tables 1–14, forms, charts, findings. */
import type { BudgetDocument } from '../../domain/model.js';
import { tableByRole } from '../../domain/query.js';
import type { Finding } from '../../rules/types.js';
import { departmentTargetsView, projectFormView } from './forms.js';
import { cnNumber, narrativeView } from './narrative.js';
import { tableView } from './table.js';
import type { ChartSpec, FindingView, ReportView } from './types.js';

const SEVERITY_ZH: Record<Finding['severity'], string> = { error: '错误', warning: '警告', info: '提示' };

/** Chart data from the tables and forms (values in fen; charts format them). */
export function chartSpecs(doc: BudgetDocument): ChartSpec[] {
  const out: ChartSpec[] = [];
  const unit = doc.displayUnit;
  const t7 = tableByRole(doc, 'general-budget-function');
  const fnRows = t7?.rows.filter((r) => r.code && r.code.length === 3 && (r.amounts['total']?.fen ?? 0) > 0) ?? [];
  if (fnRows.length > 0)
    out.push({ id: 'function', title: '支出功能分类（类）', kind: 'pie', categories: fnRows.map((r) => r.label), series: [{ name: '支出总计', fen: fnRows.map((r) => r.amounts['total']!.fen) }], displayUnit: unit });
  const t4 = tableByRole(doc, 'basic-expenditure-economic');
  const econ = t4?.rows.filter((r) => r.kind === 'group' && (r.amounts['total']?.fen ?? 0) > 0) ?? [];
  if (econ.length > 0)
    out.push({ id: 'economic', title: '基本支出经济分类（类）', kind: 'pie', categories: econ.map((r) => r.label), series: [{ name: '基本支出', fen: econ.map((r) => r.amounts['total']!.fen) }], displayUnit: unit });
  const t5 = tableByRole(doc, 'project-expenditure');
  const projects = t5?.rows.filter((r) => r.kind === 'item' && r.amounts['total'] != null) ?? [];
  if (projects.length > 0)
    out.push({ id: 'projects', title: '项目支出', kind: 'bar', categories: projects.map((r) => r.label), series: [{ name: '项目金额', fen: projects.map((r) => r.amounts['total']!.fen) }], displayUnit: unit });
  const forms = doc.projectForms.filter((f) => f.disbursement.length > 0);
  if (forms.length > 0)
    out.push({
      id: 'disbursement',
      title: '资金支出进度（按季度）',
      kind: 'stacked-bar',
      categories: [1, 2, 3, 4].map((q) => `第${cnNumber(q)}季度`),
      series: forms.map((f) => ({ name: f.name, fen: [1, 2, 3, 4].map((q) => f.disbursement.filter((d) => d.quarter === q).reduce((s, d) => s + d.amount.fen, 0)) })),
      displayUnit: unit,
    });
  return out;
}

/** A finding as printed in the appendix. */
export function findingView(f: Finding): FindingView {
  const l = f.location;
  const where = [l.section, l.item, l.field].filter((x) => x).join(' / ') + (l.line ? `（第 ${l.line} 行）` : '');
  return {
    rule: f.rule,
    severity: f.severity,
    severityZh: SEVERITY_ZH[f.severity],
    title: f.title,
    message: f.message,
    where,
    expected: f.expected ?? '',
    actual: f.actual ?? '',
    difference: f.difference ?? '',
  };
}

/**
 * Builds the view of the disclosure package. `findings` (from validation) adds an appendix; pass
 * none to publish without it.
 */
export function buildReportView(doc: BudgetDocument, findings?: Finding[]): ReportView {
  const tables = [...doc.tables].filter((t) => t.role !== 'department-targets').sort((a, b) => (a.no ?? 99) - (b.no ?? 99));
  return {
    title: doc.title?.text ?? `${doc.unit.name} ${doc.year} 年${doc.kind}`,
    unitName: doc.unit.name,
    year: doc.year,
    kind: doc.kind,
    displayUnit: doc.displayUnit,
    narrative: doc.profile === 'shenzhen-dept-budget' || doc.narrative.facts.length > 0 ? narrativeView(doc) : [],
    tables: tables.map((t) => tableView(t, doc.year)),
    departmentTargets: doc.departmentTargets ? departmentTargetsView(doc.departmentTargets) : null,
    forms: doc.projectForms.map(projectFormView),
    charts: chartSpecs(doc),
    findings: findings ? findings.map(findingView) : null,
  };
}
