/**
 * One 预算项目支出绩效目标申报表. The header is label/value cells broken over narrow lines in a
 * different way in every form ("其中:财政拨" / "款资金(万" / "元)" or "其" / "中:" / "财政" / …), so
 * the header and body are joined into one text and read by their labels in printed order.
 */
import type { Money, ProjectForm, Src, Text } from '../../../domain/model.js';
import { squash } from '../../../domain/text.js';
import type { SourceLine } from '../../text/source.js';
import { moneyAt, srcOf, unreadable, type ImportContext } from '../context.js';
import type { Block } from '../sections.js';
import { parseCostLines, parseQuarterPlan } from './cost-lines.js';
import { parseIndicatorTree, matchLabel } from './indicator-tree.js';
import { findLabels, joinLines, joinPieces, lineAt, pieceIndexAt, spanSrc, trimSpan, type Joined, type LabelHit, type LabelSpec, type Piece } from './joined.js';

type HeaderKey =
  | 'name'
  | 'attribute'
  | 'period'
  | 'competentDepartment'
  | 'projectType'
  | 'total'
  | 'currentYear'
  | 'fiscal'
  | 'other'
  | 'transfer'
  | 'purchasedServices'
  | 'overview'
  | 'use'
  | 'midTermGoal'
  | 'annualGoal'
  | 'indicators';

/** The form's labels in printed order. */
const HEADER: ReadonlyArray<LabelSpec<HeaderKey>> = [
  { key: 'name', labels: ['项目名称'] },
  { key: 'attribute', labels: ['项目属性名称', '项目属性'] },
  { key: 'period', labels: ['项目起止时间', '项目期限'] },
  { key: 'competentDepartment', labels: ['项目主管部门'] },
  { key: 'projectType', labels: ['项目类型'] },
  { key: 'total', labels: ['项目总金额(万元)'] },
  { key: 'currentYear', labels: ['本年预算金额(万元)'] },
  { key: 'fiscal', labels: ['其中:财政拨款资金(万元)', '财政拨款资金(万元)'] },
  { key: 'other', labels: ['其他资金(万元)'] },
  { key: 'transfer', labels: ['转移支付资金(万元)'] },
  { key: 'purchasedServices', labels: ['政府购买服务资金(万元)'] },
  { key: 'overview', labels: ['项目概况'], atLineStart: true },
  { key: 'use', labels: ['项目用途'], atLineStart: true },
  { key: 'midTermGoal', labels: ['项目中期目标'], atLineStart: true },
  { key: 'annualGoal', labels: ['项目年度目标'], atLineStart: true },
  { key: 'indicators', labels: ['年度绩效指标'], atLineStart: true },
];

const AMOUNT_KEYS = ['total', 'currentYear', 'fiscal', 'other', 'transfer', 'purchasedServices'] as const;

function valueOf(j: Joined, hit: LabelHit<HeaderKey> | undefined): { text: string; src: Src } | null {
  if (!hit) return null;
  const [a, b] = trimSpan(j, hit.valueStart, hit.valueEnd);
  if (a >= b) return null;
  return { text: j.text.slice(a, b), src: spanSrc(j, a, b) };
}

function textOf(j: Joined, hit: LabelHit<HeaderKey> | undefined): Text | undefined {
  const v = valueOf(j, hit);
  return v ? { text: v.text, src: v.src } : undefined;
}

function isoDate(s: string): string {
  const m = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/.exec(s.trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : s.trim();
}

/** Splits 项目概况 into its numbered items ("1.项目背景:…"). */
function overviewItems(j: Joined, hit: LabelHit<HeaderKey> | undefined): ProjectForm['overview'] {
  if (!hit) return [];
  const starts = j.starts.filter((p) => p >= hit.valueStart && p < hit.valueEnd && /^\d{1,2}[.、]\D/.test(j.text.slice(p)));
  const [a0] = trimSpan(j, hit.valueStart, hit.valueEnd);
  if (starts[0] === undefined || a0 < starts[0]) starts.unshift(a0);
  const out: ProjectForm['overview'] = [];
  starts.forEach((s, k) => {
    const [a, b] = trimSpan(j, s, starts[k + 1] ?? hit.valueEnd);
    if (a >= b) return;
    const raw = j.text.slice(a, b);
    const m = /^\d{1,2}[.、]\s*([^:：]{1,12})[:：]\s*/.exec(raw);
    out.push({ label: m ? m[1]!.trim() : '', text: m ? raw.slice(m[0].length) : raw, src: spanSrc(j, a, b) });
  });
  return out;
}

/** Index of the first line at/after `from` where a level label (wrapped or not) begins with one of `labels`. */
function findLabelLine(lines: readonly SourceLine[], from: number, accept: (label: string) => boolean): { i: number; endLine: number; endOffset: number } | null {
  for (let i = from; i < lines.length; i++) {
    const m = matchLabel(lines, i, 0);
    if (m && accept(m.label)) return { i, endLine: m.endLine, endOffset: m.endOffset };
  }
  return null;
}

/** Pieces of lines[from..to), the first starting at `offset`. */
function piecesOf(lines: readonly SourceLine[], from: number, to: number, offset = 0): Piece[] {
  const out: Piece[] = [];
  for (let k = from; k < to; k++) {
    const line = lines[k]!;
    out.push({ line, text: k === from ? line.text.slice(offset) : line.text });
  }
  return out;
}

/**
 * Parses one project performance form: header values, overview, goals, cost lines, disbursement
 * plan and indicators. Fails (file:line: 应为……) on a form without 项目名称 or with a malformed
 * amount; `parentProject` is left null for linkFormsToProjects.
 */
export function parseProjectForm(block: Block, ctx: ImportContext): ProjectForm {
  const lines = block.lines;
  const where = `项目绩效目标申报表${block.no}`;
  const yearIdx = lines.findIndex((l) => /^\d{4}\s*年度$/.test(l.text));
  const year = yearIdx >= 0 ? Number(/^\d{4}/.exec(lines[yearIdx]!.text)![0]) : (ctx.year ?? 0);
  if (yearIdx < 0)
    ctx.notes.push({
      severity: 'warning',
      message: `${where}: no "YYYY 年度" line; year taken from the document`,
      src: { line: lines[0]?.no ?? null, page: lines[0]?.page ?? null, raw: lines[0]?.text ?? '' },
    });
  if (ctx.year === null && yearIdx >= 0) ctx.year = year;

  const headFrom = yearIdx + 1;
  const head = joinLines(lines.slice(headFrom));
  const hits = findLabels(head, HEADER);
  const nameHit = hits.get('name');
  const name = valueOf(head, nameHit);
  if (!nameHit || !name) unreadable(ctx, lines[headFrom] ?? lines[0], '表头中的“项目名称”及项目名称', '表头找不到“项目名称”及项目名称', lines[headFrom]?.text);

  const amounts = {} as ProjectForm['amounts'];
  for (const key of AMOUNT_KEYS) {
    const v = valueOf(head, hits.get(key));
    let money: Money | null = null;
    if (v) {
      const at = lineAt(head, head.text.indexOf(v.text, hits.get(key)!.valueStart));
      money = moneyAt(ctx, at, v.text);
    }
    amounts[key] = money;
  }

  const form: ProjectForm = {
    id: `form-${block.no}`,
    name: squash(name.text),
    year,
    parentProject: null,
    amounts,
    overview: overviewItems(head, hits.get('overview')),
    costLines: [],
    disbursement: [],
    indicators: [],
    src: srcOf(lines[0]!, name.text, lines[lines.length - 1]),
  };
  const attribute = textOf(head, hits.get('attribute'));
  if (attribute) form.attribute = attribute;
  const period = valueOf(head, hits.get('period'));
  if (period) {
    const [start, end] = period.text.split(/\s*(?:~|～|至|—|--)\s*/);
    form.period = { start: isoDate(start ?? ''), end: isoDate(end ?? ''), src: period.src };
  }
  const dept = textOf(head, hits.get('competentDepartment'));
  if (dept) form.competentDepartment = { ...dept, text: squash(dept.text) };
  const type = textOf(head, hits.get('projectType'));
  if (type) form.projectType = type;
  const use = textOf(head, hits.get('use'));
  if (use) form.use = use;
  const mid = textOf(head, hits.get('midTermGoal'));
  if (mid) form.midTermGoal = mid;
  const annual = textOf(head, hits.get('annualGoal'));
  if (annual) form.annualGoal = annual;

  const indHit = hits.get('indicators');
  if (!indHit) {
    ctx.notes.push({ severity: 'warning', message: `${where} "${form.name}": no 年度绩效指标 section`, src: form.src });
    return form;
  }
  const tailFrom = headFrom + pieceIndexAt(head, indHit.start);
  readTail(lines, tailFrom, form, ctx, `${where} "${form.name}"`);
  return form;
}

/** 投入指标 (测算明细, 资金支出进度) and the indicator tree after the 年度绩效指标 heading. */
function readTail(lines: readonly SourceLine[], from: number, form: ProjectForm, ctx: ImportContext, where: string): void {
  const COST = /测\s*算\s*明\s*细/;
  const costIdx = lines.findIndex((l, k) => k >= from && COST.test(l.text));
  const plan = findLabelLine(lines, Math.max(from, costIdx), (l) => l === '资金支出进度');
  const treeFrom = findLabelLine(lines, plan ? plan.endLine + 1 : Math.max(from, costIdx) + 1, (l) => l !== '资金支出进度' && l !== '测算明细' && l !== '投入指标');
  const treeIdx = treeFrom?.i ?? lines.length;
  if (costIdx >= 0) {
    const costEnd = plan?.i ?? treeIdx;
    const c = COST.exec(lines[costIdx]!.text)!;
    const offset = c.index + c[0].length;
    const cost = joinPieces(piecesOf(lines, costIdx, costEnd, offset));
    form.costLines = parseCostLines(cost, ctx);
  } else {
    ctx.notes.push({ severity: 'warning', message: `${where}: no 测算明细`, src: form.src });
  }
  if (plan) {
    const j = joinPieces(piecesOf(lines, plan.endLine, treeIdx, plan.endOffset));
    form.disbursement = parseQuarterPlan(j, ctx);
  } else {
    ctx.notes.push({ severity: 'warning', message: `${where}: no 资金支出进度`, src: form.src });
  }
  form.indicators = parseIndicatorTree(lines.slice(treeIdx), ctx, where);
}
