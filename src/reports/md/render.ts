/** The package as Markdown for the terminal: narrative, tables as pipe tables, forms, findings. */
import type { DepartmentTargetsView, NarrativePartView, ProjectFormView, ReportView, TableView } from '../view/types.js';
import { pushAll } from '../../domain/arrays.js';

const cellText = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** One table as a pipe table: header rows flattened to "parent / child" leaf labels. */
export function tableMarkdown(t: TableView): string {
  const head = t.columns.map((c) => cellText(c.header.join(' / ')));
  const align = t.columns.map((c) => (c.kind === 'amount' ? '---:' : '---'));
  // An unknown cell (it may hold one of its row's unplaced amounts) reads "?", never empty.
  const rows = t.body.map((r) => `| ${r.cells.map((c) => (c.unknown ? '?' : cellText((c.level && c.kind === 'label' ? '\u3000'.repeat(c.level) : '') + c.text))).join(' | ')} |`);
  const unplaced = t.body.flatMap((r) => r.unplaced).map((u) => `- ${cellText(u.label)}：${u.note}（${u.amounts.join('、')}），标“?”的单元格为其可能所在列。`);
  return [
    `### ${t.numberLabel ? `${t.numberLabel} ` : ''}${t.title}`,
    '',
    `${t.unitName ? `单位名称：${t.unitName}　` : ''}单位：${t.displayUnit}`,
    '',
    `| ${head.join(' | ')} |`,
    `| ${align.join(' | ')} |`,
    ...rows,
    ...(t.note ? ['', /^注/.test(t.note) ? t.note : `注：${t.note}`] : []),
    ...(unplaced.length > 0 ? ['', ...unplaced] : []),
  ].join('\n');
}

function partMarkdown(p: NarrativePartView): string[] {
  const out: string[] = p.heading ? [`## ${p.heading}`, ''] : [];
  for (const s of p.sections) {
    if (s.title) out.push(`**${s.title}**`, '');
    for (const x of s.paragraphs) out.push(x, '');
  }
  return out;
}

function targetsMarkdown(d: DepartmentTargetsView): string[] {
  const out = [`### ${d.numberLabel ? `${d.numberLabel} ` : ''}${d.title}`, '', `部门（单位）名称：${d.unitName}　主管部门：${d.competentDepartment}`, '', `年度总体目标：${d.overallGoal}`, ''];
  out.push('| 任务名称 | 主要内容 | 总额 | 财政拨款 | 其他资金 |', '| --- | --- | ---: | ---: | ---: |');
  for (const t of [...d.tasks, ...(d.total ? [d.total] : [])]) out.push(`| ${cellText(t.name)} | ${cellText(t.content)} | ${t.cells.map((c) => c.text).join(' | ')} |`);
  out.push('', '| 一级指标 | 二级指标 | 三级指标 | 目标值 |', '| --- | --- | --- | --- |');
  for (const i of d.indicators) out.push(`| ${i.level1Span ? i.level1 : ''} | ${i.level2Span ? i.level2 : ''} | ${cellText(i.name)} | ${cellText(i.target)} |`);
  out.push('');
  return out;
}

function formMarkdown(f: ProjectFormView): string[] {
  const out = [`### ${f.title}：${f.name}`, ''];
  for (const row of f.grid) out.push(row.map((c) => (c.kind === 'label' ? `**${c.text}**` : c.text)).join('　'), '');
  pushAll(out, [...f.overview.map((x) => `- ${x}`), '', `**项目用途**　${f.use}`, '', `**项目年度目标**　${f.annualGoal}`, '', '**测算明细**', '']);
  pushAll(out, [...f.costLines.map((c) => `- ${c.text}`), '', `**资金支出进度**　${f.disbursementText}`, '']);
  out.push('| 一级指标 | 二级指标 | 指标内容 | 目标值 |', '| --- | --- | --- | --- |');
  for (const i of f.indicators.filter((r) => !r.wide)) out.push(`| ${i.level1Span ? i.level1 : ''} | ${i.level2Span ? i.level2 : ''} | ${cellText(i.name)} | ${cellText(i.target)} |`);
  out.push('');
  return out;
}

/**
 * Renders the whole package as Markdown, its blocks in the view's order. In the Shenzhen outline
 * the tables follow the narrative under one heading (预算表); any other document's tables stand
 * where the document prints them.
 */
export function renderMarkdown(v: ReportView): string {
  const out: string[] = [`# ${v.unitName} ${v.year} 年${v.kind}`, ''];
  let tablesHeaded = false;
  for (const b of v.blocks) {
    if (b.kind === 'part') pushAll(out, partMarkdown(v.narrative[b.index]!));
    else if (b.kind === 'table') {
      if (v.outline === 'shenzhen' && !tablesHeaded) out.push(`## ${v.tablesHeading}`, '');
      tablesHeaded = true;
      out.push(tableMarkdown(v.tables[b.index]!), '');
    } else if (b.kind === 'department-targets') {
      if (v.departmentTargets) pushAll(out, targetsMarkdown(v.departmentTargets));
    } else pushAll(out, formMarkdown(v.forms[b.index]!));
  }
  if (v.findings) {
    out.push('## 附录 校验结果', '');
    if (v.findings.length === 0) out.push('未发现问题。', '');
    for (const f of v.findings) out.push(`- **${f.rule}** ${f.severityZh}：${f.message}（${f.where}）`);
  }
  return out.join('\n') + '\n';
}
