/**
 * Table 14, 部门(单位)整体支出绩效目标申报表: unit and competent department, the overall goal, the
 * main tasks with their amounts, 合计, and the indicator tree.
 */
import type { DepartmentTargets, Money } from '../../../domain/model.js';
import { isAmountText } from '../../../domain/money.js';
import { squash } from '../../../domain/text.js';
import type { SourceLine } from '../../text/source.js';
import { moneyAt, srcOf, unreadable, type ImportContext } from '../context.js';
import type { Block } from '../sections.js';
import { parseIndicatorTree } from './indicator-tree.js';
import { findLabels, joinLines, spanSrc, trimSpan, type LabelSpec } from './joined.js';

type Key = 'unitName' | 'competentDepartment' | 'overallGoal';
const HEADER: ReadonlyArray<LabelSpec<Key>> = [
  { key: 'unitName', labels: ['部门(单位)名称', '单位名称'] },
  { key: 'competentDepartment', labels: ['主管部门'] },
  { key: 'overallGoal', labels: ['年度总体目标'] },
];

/** Words of the task table's column headings; a line made only of these is skipped. */
const TASK_HEADINGS = new Set(['年度主要任务', '任务名称', '主要内容', '预算金额(万元)', '总额', '财政拨款', '其他资金']);

/** "780.06 780.06 0.00" at the end of a line: the task's 总额, 财政拨款, 其他资金. */
const THREE_AMOUNTS = /(?:^|\s)(\S+)\s+(\S+)\s+(\S+)$/;

function threeAmounts(ctx: ImportContext, line: SourceLine, text: string): [Money, Money, Money] | null {
  const m = THREE_AMOUNTS.exec(text);
  if (!m || [m[1]!, m[2]!, m[3]!].filter(isAmountText).length < 2) return null;
  return [moneyAt(ctx, line, m[1]!), moneyAt(ctx, line, m[2]!), moneyAt(ctx, line, m[3]!)];
}

/**
 * Splits a task's lines into name and content. The name column is narrow: the name runs while the
 * previous line filled that width and the next line is no wider and has no sentence punctuation.
 */
function splitTask(texts: string[]): { name: string; content: string } {
  const first = texts[0] ?? '';
  let k = 1;
  while (k < texts.length && texts[k - 1]!.length >= first.length && texts[k]!.length <= first.length && !/[。；;，,、]/.test(texts[k]!)) k++;
  return { name: texts.slice(0, k).join(''), content: texts.slice(k).join('') };
}

/**
 * Parses table 14. Sets ctx.year and ctx.unitName when the narrative has not. Fails on a malformed
 * amount or a missing 年度总体目标 / 部门(单位)名称.
 */
export function parseDepartmentTargets(block: Block, ctx: ImportContext): DepartmentTargets {
  const lines = block.lines;
  const where = '表14 整体支出绩效目标';
  const yearIdx = lines.findIndex((l) => /^\d{4}\s*年度$/.test(l.text));
  if (yearIdx < 0) unreadable(ctx, lines[1] ?? lines[0], '表 14 中的“YYYY 年度”', '找不到“YYYY 年度”一行');
  const year = Number(/^\d{4}/.exec(lines[yearIdx]!.text)![0]);
  ctx.year ??= year;
  const idx = (re: RegExp, from: number) => lines.findIndex((l, k) => k >= from && re.test(squash(l.text)));
  const tasksIdx = idx(/^年度主要任务/, yearIdx);
  const indIdx = idx(/^年度绩效指标/, yearIdx);
  const headEnd = tasksIdx >= 0 ? tasksIdx : indIdx >= 0 ? indIdx : lines.length;
  const head = joinLines(lines.slice(yearIdx + 1, headEnd));
  const hits = findLabels(head, HEADER);
  const value = (key: Key) => {
    const h = hits.get(key);
    if (!h) return null;
    const [a, b] = trimSpan(head, h.valueStart, h.valueEnd);
    return a < b ? { text: head.text.slice(a, b), src: spanSrc(head, a, b) } : null;
  };
  const unitName = value('unitName');
  if (!unitName) unreadable(ctx, lines[yearIdx + 1], '表 14 中的“部门(单位)名称”及单位名称', '找不到“部门（单位）名称”及单位名称');
  const overallGoal = value('overallGoal');
  if (!overallGoal) unreadable(ctx, lines[yearIdx + 1], '表 14 中的“年度总体目标”及其内容', '找不到“年度总体目标”及其内容');
  ctx.unitName ??= unitName.text;

  const out: DepartmentTargets = {
    year,
    unitName,
    overallGoal,
    tasks: [],
    indicators: [],
    src: srcOf(lines[0]!, lines[0]!.text, lines[lines.length - 1]),
  };
  const dept = value('competentDepartment');
  if (dept) out.competentDepartment = { text: squash(dept.text), src: dept.src };

  const taskEnd = indIdx >= 0 ? indIdx : lines.length;
  let buf: SourceLine[] = [];
  for (let k = Math.max(tasksIdx, 0); tasksIdx >= 0 && k < taskEnd; k++) {
    const line = lines[k]!;
    const words = line.text.split(/\s+/);
    if (words.every((w) => TASK_HEADINGS.has(w))) continue;
    if (/^合\s*计/.test(line.text)) {
      const amounts = threeAmounts(ctx, line, line.text);
      if (!amounts) unreadable(ctx, line, '印有总额、财政拨款和其他资金的“合计”行', '“合计”一行应印有总额、财政拨款和其他资金三个金额');
      out.total = { total: amounts[0], fiscal: amounts[1], other: amounts[2], src: srcOf(line) };
      continue;
    }
    const amounts = threeAmounts(ctx, line, line.text);
    if (!amounts) {
      buf.push(line);
      continue;
    }
    const lead = line.text.replace(THREE_AMOUNTS, '').trim();
    const texts = [...buf.map((l) => l.text), ...(lead ? [lead] : [])];
    if (texts.length === 0) unreadable(ctx, line, '金额之前的任务名称和主要内容', '金额之前没有任务名称和主要内容');
    const { name, content } = splitTask(texts);
    const first = buf[0] ?? line;
    out.tasks.push({ name, content, total: amounts[0], fiscal: amounts[1], other: amounts[2], src: srcOf(first, name, line) });
    buf = [];
  }
  if (buf.length > 0) {
    ctx.notes.push({ severity: 'warning', message: `${where}: task text without amounts: ${buf.map((l) => l.text).join('')}`, src: srcOf(buf[0]!, undefined, buf[buf.length - 1]) });
  }
  if (indIdx >= 0) out.indicators = parseIndicatorTree(lines.slice(indIdx), ctx, where);
  else ctx.notes.push({ severity: 'warning', message: `${where}: no 年度绩效指标`, src: out.src });
  return out;
}
