/** The package as Markdown for the terminal: narrative, tables as pipe tables, forms, findings. */
import type { ReportView, TableView } from '../view/types.js';

const cellText = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** One table as a pipe table: header rows flattened to "parent / child" leaf labels. */
export function tableMarkdown(t: TableView): string {
  const head = t.columns.map((c) => cellText(c.header.join(' / ')));
  const align = t.columns.map((c) => (c.kind === 'amount' ? '---:' : '---'));
  const rows = t.body.map((r) => `| ${r.cells.map((c) => cellText((c.level && c.kind === 'label' ? '\u3000'.repeat(c.level) : '') + c.text)).join(' | ')} |`);
  return [
    `### 表 ${t.no ?? ''} ${t.title}`,
    '',
    `单位名称：${t.unitName}　单位：${t.displayUnit}`,
    '',
    `| ${head.join(' | ')} |`,
    `| ${align.join(' | ')} |`,
    ...rows,
    ...(t.note ? ['', /^注/.test(t.note) ? t.note : `注：${t.note}`] : []),
  ].join('\n');
}

/** Renders the whole package as Markdown. */
export function renderMarkdown(v: ReportView): string {
  const out: string[] = [`# ${v.unitName} ${v.year} 年${v.kind}`, ''];
  for (const p of v.narrative) {
    out.push(`## ${p.heading}`, '');
    for (const s of p.sections) {
      if (s.title) out.push(`**${s.title}**`, '');
      for (const x of s.paragraphs) out.push(x, '');
    }
  }
  out.push('## 预算表', '');
  for (const t of v.tables) out.push(tableMarkdown(t), '');
  const d = v.departmentTargets;
  if (d) {
    out.push('### 表 14 部门（单位）整体支出绩效目标申报表', '', `部门（单位）名称：${d.unitName}　主管部门：${d.competentDepartment}`, '', `年度总体目标：${d.overallGoal}`, '');
    out.push('| 任务名称 | 主要内容 | 总额 | 财政拨款 | 其他资金 |', '| --- | --- | ---: | ---: | ---: |');
    for (const t of [...d.tasks, ...(d.total ? [d.total] : [])]) out.push(`| ${cellText(t.name)} | ${cellText(t.content)} | ${t.cells.map((c) => c.text).join(' | ')} |`);
    out.push('', '| 一级指标 | 二级指标 | 三级指标 | 目标值 |', '| --- | --- | --- | --- |');
    for (const i of d.indicators) out.push(`| ${i.level1Span ? i.level1 : ''} | ${i.level2Span ? i.level2 : ''} | ${cellText(i.name)} | ${cellText(i.target)} |`);
    out.push('');
  }
  for (const f of v.forms) {
    out.push(`### 预算项目支出绩效目标申报表：${f.name}`, '');
    for (const row of f.grid) out.push(row.map((c) => (c.kind === 'label' ? `**${c.text}**` : c.text)).join('　'), '');
    out.push(...f.overview.map((x) => `- ${x}`), '', `**项目用途**　${f.use}`, '', `**项目年度目标**　${f.annualGoal}`, '', '**测算明细**', '');
    out.push(...f.costLines.map((c) => `- ${c.text}`), '', `**资金支出进度**　${f.disbursementText}`, '');
    out.push('| 一级指标 | 二级指标 | 指标内容 | 目标值 |', '| --- | --- | --- | --- |');
    for (const i of f.indicators.filter((r) => !r.wide)) out.push(`| ${i.level1Span ? i.level1 : ''} | ${i.level2Span ? i.level2 : ''} | ${cellText(i.name)} | ${cellText(i.target)} |`);
    out.push('');
  }
  if (v.findings) {
    out.push('## 附录 校验结果', '');
    if (v.findings.length === 0) out.push('未发现问题。', '');
    for (const f of v.findings) out.push(`- **${f.rule}** ${f.severityZh}：${f.message}（${f.where}）`);
  }
  return out.join('\n') + '\n';
}
