/**
 * Project and department-wide forms printed as cards (Fujian, Xi'an, Yantai, Chongqing 表十一, Beijing
 * 专项转移支付, Quanzhou / Xi'an / Beijing / Chongqing 部门整体): fields above, an indicator grid below.
 */
import type { DepartmentTargets, Indicator, Money, ProjectForm, Text } from '../../../domain/model.js';
import type { SourceLine } from '../../text/source.js';
import { tokensOf, type Tok } from '../tokens.js';
import { isFigure, moneyOf } from './amounts.js';
import { fieldFigure, fieldLines, fieldText, readFields, type Field } from './card.js';
import { nameFromTitle, srcOfLines, tidy, type FormContext } from './context.js';
import { colIndex, indicatorOf, indicatorRows, readGrid, spreadLevels } from './grid.js';
import { findHeader, readHeaderBand, type HeaderBand, type Positions } from './layout.js';
import { gridBody } from './project-grid.js';
import { splitCentered } from './partition.js';
import { AMOUNT_FIELDS, fieldKind, headerKind, inHeader, isGroupLabel, isHeaderNoise, labelKey, startsHeader, startsLabel, type FieldKind } from './vocabulary.js';

const INDICATOR_NEED = ['value', 'comparator', 'name', 'level1', 'level2'] as const;

/** A card: its fields and the indicators of its grid. */
export interface Card {
  lines: SourceLine[];
  fields: Field[];
  indicators: Indicator[];
  /** Where its indicator grid's header is (null: none printed). */
  header: HeaderBand | null;
}

/** Reads one card's lines: fields above the indicator header, indicators below it. */
export function readCard(lines: readonly SourceLine[], pos: Positions, skip: ReadonlySet<SourceLine> = new Set()): Card {
  const header = findHeader(lines, 0, [...INDICATOR_NEED], 2);
  const top = (header ? lines.slice(0, header.first) : [...lines]).filter((l) => !skip.has(l));
  const fields = readFields(top, pos);
  const indicators: Indicator[] = [];
  if (header) {
    const body = gridBody(lines, header);
    const grid = readGrid(body, pos, header.columns);
    const rows = indicatorRows(grid);
    spreadLevels(grid, rows, () => true);
    for (const r of rows) {
      const ind = indicatorOf(grid, r);
      if (ind) indicators.push(ind);
    }
  }
  return { lines: [...lines], fields, indicators, header };
}

/** Splits a block's lines into cards at each line that prints a name label (项目名称, 专项资金名称 …). */
export function splitCards(lines: readonly SourceLine[], starts: readonly FieldKind[]): SourceLine[][] {
  const at: number[] = [];
  lines.forEach((l, i) => {
    const t0 = tokensOf(l)[0];
    if (!t0) return;
    const k = fieldKind(t0.text.replace(/[:：].*$/u, ''));
    if (k && starts.includes(k)) at.push(i);
  });
  if (at.length <= 1) return [[...lines]];
  const out: SourceLine[][] = [];
  // Lines before the first name belong to the first card (a title's year line, a unit line).
  at.forEach((s, k) => out.push(lines.slice(k === 0 ? 0 : s, at[k + 1] ?? lines.length)));
  return out;
}

/**
 * The first field of the kinds; for a text, the first that holds any ("年度目标" printed as the head of
 * a column whose text stands under "总体目标" beside it holds nothing).
 */
const first = (fields: readonly Field[], kinds: readonly FieldKind[]) => {
  const all = fields.filter((f) => kinds.includes(f.kind));
  return all.find((f) => AMOUNT_FIELDS.includes(f.kind) || tidy(fieldText(f)) !== '') ?? all[0] ?? null;
};

function textOf(f: Field | null): Text | undefined {
  if (!f) return undefined;
  const text = tidy(fieldText(f));
  if (text === '') return undefined;
  const ls = fieldLines(f);
  return { text, src: srcOfLines(ls[0]!, text, ls[ls.length - 1]) };
}

function amountOf(f: Field | null, fc: FormContext): Money | null {
  if (!f) return null;
  const fig = fieldFigure(f);
  if (!fig) return null;
  return moneyOf(
    fig.map((t) => ({ text: t.text, line: t.line })),
    fc.unit,
    fc.notes,
    fc.table,
  );
}

/** True when a card holds anything (a blank template prints labels only). */
export function cardHasContent(c: Card): boolean {
  // A blank template prints labels and placeholders ("目标1：目标2：……") but no name, figure or indicator.
  const filled = (f: Field) => tidy(fieldText(f)).replace(/目标\d+[:：]?|[.…。、\s]+/g, '') !== '';
  return c.indicators.length > 0 || c.fields.some((f) => fieldFigure(f) !== null || ((f.kind === 'name' || f.kind === 'department') && filled(f)));
}

/** A project form from a card; `title` names the project when no 项目名称 field does. */
export function projectFormOfCard(c: Card, id: string, fc: FormContext, title: string): ProjectForm {
  const f = c.fields;
  const nameField = first(f, ['name']);
  const name = (nameField && tidy(fieldText(nameField))) || nameFromTitle(title) || '';
  const overview: ProjectForm['overview'] = [];
  for (const x of f) {
    if (x.kind !== 'overview' && x.kind !== 'implementer' && x.kind !== 'code' && x.kind !== 'remark') continue;
    const t = textOf(x);
    if (t) overview.push({ label: x.label, text: t.text, src: t.src! });
  }
  const total = first(f, ['total']);
  const current = first(f, ['currentYear']);
  const lineNos = c.lines;
  const form: ProjectForm = {
    id,
    name,
    year: fc.year,
    parentProject: null,
    amounts: {
      total: amountOf(total, fc),
      currentYear: amountOf(current, fc),
      fiscal: amountOf(first(f, ['fiscal']), fc),
      other: amountOf(first(f, ['other']), fc),
      transfer: amountOf(first(f, ['transfer']), fc),
      purchasedServices: null,
    },
    overview,
    costLines: [],
    disbursement: [],
    indicators: c.indicators,
    src: srcOfLines(lineNos[0]!, name || lineNos[0]!.text, lineNos[lineNos.length - 1]),
  };
  const competent = textOf(first(f, ['competent']));
  if (competent) form.competentDepartment = competent;
  const annual = textOf(first(f, ['annualGoal']));
  if (annual) form.annualGoal = annual;
  const mid = textOf(first(f, ['midTermGoal']));
  if (mid) form.midTermGoal = mid;
  return form;
}

// ---------------------------------------------------------------------------------------------
// Department-wide cards

/** The label of a task grid's total row. */
const SUM_ROW = /^(?:金额)?(?:合计|总计)$/;

/** A label stacked down its column from word `t` of line `i` ("年度" / "主要" / "任务"): its pieces joined while they begin a label. */
function stackedLabel(lines: readonly SourceLine[], i: number, t: Tok): string {
  let acc = t.text;
  for (let j = i + 1; j < lines.length && j <= i + 3; j++) {
    const below = tokensOf(lines[j]!).find((u) => Math.min(u.x1, t.x1) - Math.max(u.x0, t.x0) > 0);
    if (!below) continue;
    if (!startsLabel(acc + below.text) && !isGroupLabel(acc + below.text) && !fieldKind(acc + below.text)) break;
    acc += below.text;
    if (isGroupLabel(acc) || fieldKind(acc)) break;
  }
  return acc;
}

/** The tasks of a department-wide form (任务名称 | 主要内容 | 总额 | 财政拨款 | 其他资金; 金额合计). */
function readTasks(lines: readonly SourceLine[], pos: Positions, fc: FormContext): { tasks: DepartmentTargets['tasks']; total: DepartmentTargets['total'] | undefined; used: Set<SourceLine> } {
  const used = new Set<SourceLine>();
  const header = findHeader(lines, 0, ['activity'], 3);
  if (!header || !header.columns.some((c) => c.kind === 'total' || c.kind === 'fiscal')) return { tasks: [], total: undefined, used };
  // The task grid ends where the goal or the indicator grid begins. A stacked "年度" begins the goal's
  // label ("年度" / "总体" / "目标") unless it begins the tasks' own ("年度" / "主要" / "任务", beside them).
  const endsTasks = (t: Tok, i: number) => {
    const key = labelKey(t.text);
    if (fieldKind(t.text) === 'annualGoal' || /^(总体|目标)$/.test(key)) return true;
    return key === '年度' && !isGroupLabel(stackedLabel(lines, i, t));
  };
  const end = lines.findIndex((l, i) => i > header.last && tokensOf(l).some((t) => endsTasks(t, i)));
  const indicatorHeader = findHeader(lines, header.last + 1, [...INDICATOR_NEED], 2);
  let stop = Math.min(end < 0 ? lines.length : end, indicatorHeader ? indicatorHeader.first : lines.length);
  // The tasks' total row (金额合计), printed under the tasks, is their last: what follows it (the goal's
  // first line, printed above its stacked label) is not a task's.
  const sumAt = lines.findIndex((l, i) => i > header.last && i < stop && tokensOf(l).some((t) => SUM_ROW.test(labelKey(t.text))) && tokensOf(l).some((t) => isFigure(t.text)));
  if (sumAt >= 0 && lines.slice(header.last + 1, sumAt).some((l) => tokensOf(l).some((t) => isFigure(t.text)))) stop = sumAt + 1;
  const body = lines.slice(header.last + 1, stop);
  for (let i = header.first; i < stop; i++) used.add(lines[i]!);
  const grid = readGrid(
    body,
    pos,
    header.columns.map((c) => ({ ...c })),
  );
  const totalCol = colIndex(grid, 'total');
  const nameCol = colIndex(grid, 'activity');
  const goalCol = colIndex(grid, 'goal');
  if (totalCol < 0 || nameCol < 0) return { tasks: [], total: undefined, used };
  const anchors = grid.frags[totalCol]!.filter((f) => f.toks.some((t) => isFigure(t.text)));
  const amount = (kind: 'total' | 'fiscal' | 'other', line: SourceLine): Money | null => {
    const j = colIndex(grid, kind);
    const f = j >= 0 ? grid.frags[j]!.find((x) => x.line === line) : undefined;
    const fig = f?.toks.find((t) => isFigure(t.text));
    return fig ? moneyOf([{ text: fig.text, line }], fc.unit, fc.notes, fc.table) : null;
  };
  const texts = (j: number) => {
    if (j < 0) return anchors.map(() => [] as string[]);
    const fs = grid.frags[j]!;
    const owner = splitCentered(
      fs.map((f) => ({ top: f.v, bot: f.v })),
      anchors.map((a) => ({ c: a.v, top: a.v, bot: a.v, mayBeEmpty: true })),
      { slack: pos.slack },
    );
    const out: string[][] = anchors.map(() => []);
    fs.forEach((f, i) => out[owner[i]!]?.push(f.text));
    return out;
  };
  const names = texts(nameCol);
  const contents = texts(goalCol);
  const tasks: DepartmentTargets['tasks'] = [];
  let total: DepartmentTargets['total'] | undefined;
  anchors.forEach((a, k) => {
    const name = tidy(names[k]!.join(''));
    const row = { total: amount('total', a.line), fiscal: amount('fiscal', a.line), other: amount('other', a.line) };
    // The total row's label may stand in the contents' column (Xi'an: "金额合计" under 主要内容).
    if (/合计|总计/.test(name) || (name === '' && SUM_ROW.test(labelKey(contents[k]!.join(''))))) {
      total = { ...row, src: srcOfLines(a.line, a.line.text) };
      return;
    }
    tasks.push({ name, content: tidy(contents[k]!.join('')), ...row, src: srcOfLines(a.line, a.line.text) });
  });
  return { tasks, total, used };
}

/**
 * The one line of a department's funds printed as a small grid under group headers (Beijing:
 * 预算支出总额 | 财政拨款: 合计 基本支出 项目支出 | 其他资金: 合计 基本支出 项目支出): the figures matched
 * to the headers above them, in order, nearest first.
 */
function readFunds(lines: readonly SourceLine[], fc: FormContext): { total: DepartmentTargets['total'] | undefined; used: Set<SourceLine> } {
  const used = new Set<SourceLine>();
  for (let i = 0; i < lines.length; i++) {
    const toks = tokensOf(lines[i]!);
    const figs = toks.filter((t) => isFigure(t.text) && t.kind === 'amount');
    if (figs.length < 3) continue;
    // The header band: up to four lines above the figures.
    const band = lines.slice(Math.max(0, i - 4), i).map((l) => tokensOf(l));
    const cols = readHeaderBand(band);
    const leaves = cols.filter((c) => ['total', 'subtotal', 'basic', 'project', 'fiscal', 'other'].includes(c.kind));
    if (!leaves.some((c) => c.kind === 'subtotal' || c.kind === 'basic')) continue;
    // Group headers (财政拨款 / 其他资金) are the leaves that have other leaves below them.
    const groups = leaves.filter(
      (c) => (c.kind === 'fiscal' || c.kind === 'other') && leaves.some((d) => d !== c && (d.kind === 'subtotal' || d.kind === 'basic') && Math.abs((d.x0 + d.x1) / 2 - (c.x0 + c.x1) / 2) < 40),
    );
    const atoms = leaves.filter((c) => !groups.includes(c));
    // Each figure to the nearest header leaf, keeping their order.
    const mid = (x: { x0: number; x1: number }) => (x.x0 + x.x1) / 2;
    const owner = figs.map((f) => atoms.reduce((b, a) => (Math.abs(mid(a) - mid(f)) < Math.abs(mid(b) - mid(f)) ? a : b)));
    if (new Set(owner).size !== owner.length) continue;
    const groupOf = (a: (typeof atoms)[number]) => (groups.length === 0 ? null : groups.reduce((b, g) => (Math.abs(mid(g) - mid(a)) < Math.abs(mid(b) - mid(a)) ? g : b)));
    let total: Money | null = null;
    let fiscal: Money | null = null;
    let other: Money | null = null;
    figs.forEach((f, k) => {
      const a = owner[k]!;
      const m = () => moneyOf([{ text: f.text, line: lines[i]! }], fc.unit, fc.notes, fc.table);
      if (a.kind === 'total') total = m();
      else if (a.kind === 'subtotal') {
        const g = groupOf(a);
        if (g?.kind === 'fiscal') fiscal = m();
        else if (g?.kind === 'other') other = m();
      }
    });
    // The figures' line and the header lines above it (not a field printed just above them).
    used.add(lines[i]!);
    for (let j = Math.max(0, i - 4); j < i; j++)
      if (tokensOf(lines[j]!).every((t) => headerKind(t.text) !== null || isHeaderNoise(t.text) || startsHeader(t.text) || inHeader(t.text) || isGroupLabel(t.text))) used.add(lines[j]!);
    return { total: { total, fiscal, other, src: srcOfLines(lines[i]!, lines[i]!.text) }, used };
  }
  return { total: undefined, used };
}

/** The department-wide targets of a card. */
export function departmentTargetsOfCard(lines: readonly SourceLine[], pos: Positions, fc: FormContext): DepartmentTargets | null {
  const tasks = readTasks(lines, pos, fc);
  const funds = tasks.total ? { total: undefined, used: new Set<SourceLine>() } : readFunds(lines, fc);
  const card = readCard(lines, pos, new Set([...tasks.used, ...funds.used]));
  if (!cardHasContent(card) && tasks.tasks.length === 0) return null;
  const f = card.fields;
  const unitField = first(f, ['department']);
  const unitName = textOf(unitField) ?? { text: '', src: srcOfLines(lines[0]!, lines[0]!.text) };
  const goal = textOf(first(f, ['annualGoal'])) ?? { text: '', src: srcOfLines(lines[0]!, '') };
  let total = tasks.total ?? funds.total;
  if (!total) {
    const t = amountOf(first(f, ['total', 'currentYear']), fc);
    const fiscal = amountOf(first(f, ['fiscal']), fc);
    const other = amountOf(first(f, ['other']), fc);
    if (t || fiscal || other) total = { total: t, fiscal, other, src: (t ?? fiscal ?? other)!.src! };
  }
  const out: DepartmentTargets = {
    year: fc.year,
    unitName,
    overallGoal: goal,
    tasks: tasks.tasks,
    indicators: card.indicators,
    src: srcOfLines(lines[0]!, fc.title, lines[lines.length - 1]),
  };
  if (total) out.total = total;
  const competent = textOf(first(f, ['competent']));
  if (competent) out.competentDepartment = competent;
  return out;
}
