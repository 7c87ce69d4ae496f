/**
 * The whole disclosure package as one view model: cover, narrative, tables, forms, charts, findings.
 * A Shenzhen department budget keeps its eight-part outline and tables 1–14; any other document
 * prints its own narrative parts and its own tables, with their titles, columns and numbering, in
 * the order the document prints them.
 */
import { isShenzhenOutline, PROJECT_FORM_TITLE, roleName, severityLabel, tablesHeading } from '../../domain/catalogue/index.js';
import type { BudgetDocument } from '../../domain/model.js';
import { tableByRole } from '../../domain/query.js';
import type { Finding } from '../../rules/types.js';
import { departmentTargetsView, projectFormView, SHENZHEN_TARGETS_HEADING } from './forms.js';
import { cnNumber, documentNarrativeView, narrativeView } from './narrative.js';
import { tableViewOf } from './table.js';
import type { ChartSpec, FindingView, Outline, ReportBlock, ReportView } from './types.js';

/**
 * The outline a document's package follows: the Shenzhen eight parts for a Shenzhen department
 * budget (also when written to and read back from the XLSX template), the document's own otherwise.
 */
export function outlineOf(doc: Pick<BudgetDocument, 'profile' | 'narrative'>): Outline {
  if (doc.profile === 'shenzhen-dept-budget') return 'shenzhen';
  if ((doc.profile === 'fiscus-xlsx' || doc.profile === 'authored') && isShenzhenOutline(doc.narrative.parts.map((p) => p.title))) return 'shenzhen';
  return 'document';
}

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
    severityZh: severityLabel(f.severity),
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
  const outline = outlineOf(doc);
  const shenzhen = outline === 'shenzhen';
  const tables = shenzhen ? [...doc.tables].filter((t) => t.role !== 'department-targets').sort((a, b) => (a.no ?? 99) - (b.no ?? 99)) : doc.tables;
  // Outside the Shenzhen outline, target forms the document prints as tables are printed as those tables.
  const dt = doc.departmentTargets && (shenzhen || !doc.tables.some((t) => t.role === 'department-targets')) ? doc.departmentTargets : null;
  const forms = shenzhen || !doc.tables.some((t) => t.role === 'project-targets') ? doc.projectForms : [];
  const narrative = shenzhen ? narrativeView(doc) : documentNarrativeView(doc);
  const dtView = dt ? departmentTargetsView(dt, shenzhen ? SHENZHEN_TARGETS_HEADING : { id: 'department-targets', numberLabel: null, title: roleName('department-targets', doc.kind) }) : null;
  const formTitle = shenzhen ? PROJECT_FORM_TITLE : roleName('project-targets', doc.kind);
  return {
    title: doc.title?.text ?? `${doc.unit.name} ${doc.year} 年${doc.kind}`,
    unitName: doc.unit.name,
    year: doc.year,
    kind: doc.kind,
    displayUnit: doc.displayUnit,
    outline,
    narrative,
    tables: tables.map((t) => tableViewOf(doc, t, outline)),
    departmentTargets: dtView,
    forms: forms.map((f) => projectFormView(f, formTitle)),
    blocks: blocksOf(
      outline,
      doc.narrative.parts.length === narrative.length ? doc.narrative.parts.map((p) => p.src.line) : narrative.map(() => null),
      tables.map((t) => t.src.line),
      dt ? dt.src.line : undefined,
      forms.map((f) => f.src.line),
    ),
    tablesHeading: tablesHeading(doc.kind),
    charts: chartSpecs(doc),
    findings: findings ? findings.map(findingView) : null,
  };
}

/**
 * The print order of the package body. The Shenzhen outline prints the narrative, tables 1–13,
 * table 14 and the forms; any other document interleaves its parts, tables and forms by the source
 * line each starts on (a block without a line stays after the block before it).
 */
export function blocksOf(outline: Outline, parts: Array<number | null>, tables: Array<number | null>, targets: number | null | undefined, forms: Array<number | null>): ReportBlock[] {
  const all: Array<{ block: ReportBlock; line: number | null }> = [
    ...parts.map((line, index) => ({ block: { kind: 'part' as const, index }, line })),
    ...tables.map((line, index) => ({ block: { kind: 'table' as const, index }, line })),
    ...(targets !== undefined ? [{ block: { kind: 'department-targets' as const }, line: targets }] : []),
    ...forms.map((line, index) => ({ block: { kind: 'form' as const, index }, line })),
  ];
  if (outline === 'shenzhen') return all.map((x) => x.block);
  let last = 0;
  const keyed = all.map((x, i) => {
    if (x.line !== null) last = x.line;
    return { ...x, key: x.line ?? last, i };
  });
  return keyed.sort((a, b) => a.key - b.key || a.i - b.i).map((x) => x.block);
}
