/**
 * Performance-target forms (项目支出绩效目标表, 部门整体支出绩效目标表 and their regional variants): a form
 * block → project forms or the department-wide targets, and the block as a table for display.
 *
 * Two layouts cover the regions met so far:
 * - a grid of projects (Beijing, Changsha, Chongqing 表十二, Hangzhou, Huzhou): one band of rows per
 *   project, its name, amounts and goal printed as merged cells in the middle of the band beside its
 *   indicator rows (forms/project-grid.ts);
 * - cards (Fujian, Xi'an, Yantai, Chongqing 表十一, Beijing 专项转移支付 and the department-wide forms):
 *   labelled fields, then an indicator grid (forms/cards.ts).
 * Both rest on the same geometry (forms/layout.ts): columns from the header words, a vertical
 * coordinate continuous over page breaks, and merged cells given to the rows they are centred on
 * (forms/partition.ts) — or, where a PDF draws the cells' borders, to the rows their ruled cell holds
 * (forms/ruled.ts): the rules decide, centring is the fallback and is noted where it is in doubt.
 *
 * A form that cannot be structured is still held as the block's table, with an import note; a form
 * continued in the next block (Changsha prints its title and header again on every page) is joined
 * to the form it continues through a FormSession.
 */
import type { DepartmentTargets, ImportNote, ProjectForm, Table } from '../../domain/model.js';
import type { SourceLine } from '../text/source.js';
import { formUnit } from './forms/amounts.js';
import { fieldLines, fieldText, readFields } from './forms/card.js';
import { cardHasContent, departmentTargetsOfCard, projectFormOfCard, readCard, splitCards } from './forms/cards.js';
import { srcOfLines, tidy, type FormContext } from './forms/context.js';
import { findHeader, verticalPositions, type HeaderBand } from './forms/layout.js';
import { formOfGridProject, gridBody, projectName, readProjectGrid } from './forms/project-grid.js';
import { headerKind, startsHeader } from './forms/vocabulary.js';
import { tableTypeOfTitle } from '../../domain/catalogue/index.js';
import { titleOf, type TableBlock } from './segment.js';
import { readTable, type TableContext } from './table.js';
import { tokensOf } from './tokens.js';
import { pushAll } from '../../domain/arrays.js';
import { printedAmounts } from '../coverage.js';

export interface ReadForms {
  projectForms: ProjectForm[];
  departmentTargets: DepartmentTargets | null;
  /** The block as a table as well (its rows as printed), for display and coverage. */
  table: Table | null;
  notes: ImportNote[];
}

/**
 * What the form reader remembers between the blocks of one document, so that a form continued in
 * the next block (its title and header printed again on a new page) joins the form it continues.
 * A caller reading one document passes one session to every readForms call.
 */
export interface FormSession {
  last: {
    file: string;
    title: string;
    lastLine: number;
    page: number | null;
    form: ProjectForm | null;
    dept: DepartmentTargets | null;
    /** Reads the last card's indicator grid again with lines printed after it (see readForms). */
    reread?: (extra: readonly SourceLine[]) => ProjectForm['indicators'];
    /** The last card's lines (a card continued over blocks: all of them). */
    cardLines?: SourceLine[];
  } | null;
}

/** A fresh session for one document. */
export function formSession(): FormSession {
  return { last: null };
}

/** The title a block's form carries: its last title line alone when that is a whole title. */
function formTitle(block: TableBlock): string {
  if (block.titleLines.length > 1) {
    const last = titleOf(block.titleLines[block.titleLines.length - 1]!.text);
    if (last) return last;
  }
  return block.title;
}

const isDepartment = (block: TableBlock, title: string) => /整体/.test(title) || (block.type?.role === 'department-targets' && !/项目/.test(title));

/** A grid of projects: a header that names the projects' column and their amounts or goals. */
function projectGridHeader(lines: readonly SourceLine[]): HeaderBand | null {
  const h = findHeader(lines, 0, ['projectName', 'unitName', 'unitCode', 'seq'], 3);
  if (!h) return null;
  const kinds = new Set(h.columns.map((c) => c.kind));
  const names = kinds.has('projectName') || kinds.has('unitName') || kinds.has('unitCode');
  if (!names || !(kinds.has('goal') || kinds.has('total'))) return null;
  return h;
}

/** True when a block prints something of a form (figures, or the words of a form's header or fields). */
function looksLikeForm(lines: readonly SourceLine[]): boolean {
  return lines.some((l) => tokensOf(l).some((t) => t.kind === 'amount' || headerKind(t.text) !== null || startsHeader(t.text)));
}

/** Reads a form block. Never throws on content: what cannot be structured is a located note. */
export function readForms(block: TableBlock, ctx: TableContext, session: FormSession): ReadForms {
  const prev = session.last;
  const out = readFormBlock(block, ctx, session);
  // Indicators of this block may have gone to the form of the block before (its continuation).
  if (out.table) placeIndicatorTargets(out.table, [...out.projectForms, out.departmentTargets, prev?.form, prev?.dept]);
  return out;
}

/** The figures printed in a target ("≥ 95 %", "≤ 29.16 万元"), as printed. */
const TARGET_FIGURE = /\d[\d,]*(?:\.\d+)?/g;

/**
 * The figures of the block's table that are indicators' targets, taken out of its rows' unplaced amounts: the
 * table's columns are the projects' amounts, a target is no amount of theirs, and the form holds it as printed
 * (the indicator's comparator, value and unit). A figure counts as a target only where an indicator read from
 * the same lines prints it, one figure for each it prints; the others stay unplaced. A target printed as an
 * amount is printed ("≤ 12.798 万元", "≥ 1,066 人次": decimals or separators, coverage's printedAmounts) stays
 * too: the indicator keeps its target as text, and the table's figure is the model's only money holding it.
 */
export function placeIndicatorTargets(table: Table, holders: ReadonlyArray<{ indicators: ProjectForm['indicators'] } | null | undefined>): void {
  const targets: Array<{ from: number; to: number; figure: string }> = [];
  for (const h of holders) {
    for (const i of h?.indicators ?? []) {
      if (i.src.line === null) continue;
      for (const m of i.raw.matchAll(TARGET_FIGURE)) targets.push({ from: i.src.line, to: i.src.endLine ?? i.src.line, figure: m[0] });
    }
  }
  if (targets.length === 0) return;
  const used = new Set<number>();
  for (const r of table.rows) {
    if (!r.unplaced || r.unplaced.length === 0) continue;
    const left = r.unplaced.filter((m) => {
      const line = m.src?.line ?? null;
      if (line === null || printedAmounts(m.src!.raw).length > 0) return true;
      const k = targets.findIndex((t, j) => !used.has(j) && t.figure === m.src!.raw && t.from <= line && line <= t.to);
      if (k < 0) return true;
      used.add(k);
      return false;
    });
    if (left.length === r.unplaced.length) continue;
    if (left.length > 0) r.unplaced = left;
    else delete r.unplaced;
  }
}

/** Reads a form block (readForms before the table's targets are taken out of its unplaced amounts). */
function readFormBlock(block: TableBlock, ctx: TableContext, session: FormSession): ReadForms {
  const r = readTable(block, ctx);
  // The form as printed: where the grid reader found no rows (a form of words, no amounts), its
  // lines are the rows, so that nothing the form prints is lost.
  if (r.table.rows.length === 0 && block.lines.length > 0) {
    r.table.rows = block.lines
      .slice(0, 400)
      .map((l, i) => ({ id: `r${i + 1}`, kind: 'item' as const, label: l.text.replace(/\s+/g, ' ').slice(0, 200), level: 0, amounts: {}, src: srcOfLines(l, l.text) }));
  }
  const out: ReadForms = { projectForms: [], departmentTargets: null, table: r.table, notes: [...r.notes] };
  const title = formTitle(block);
  const lines = block.lines;
  const start = block.titleLines[0]!;
  const prev = session.last;
  const follows = prev !== null && prev.file === ctx.file && prev.title === title && start.no > prev.lastLine && (start.page ?? 0) - (prev.page ?? 0) <= 1;
  const remember = (form: ProjectForm | null, dept: DepartmentTargets | null, reread?: (extra: readonly SourceLine[]) => ProjectForm['indicators'], cardLines?: SourceLine[]) => {
    const end = lines[lines.length - 1] ?? block.titleLines[block.titleLines.length - 1]!;
    session.last = { file: ctx.file, title, lastLine: end.no, page: end.page, form, dept, ...(reread ? { reread } : {}), ...(cardLines ? { cardLines } : {}) };
  };
  // A title joined with the line printed above it (the last row of the form before, taken for the
  // first half of a wrapped title): that line is read back into the form it ends.
  const stray = title !== block.title ? block.titleLines.slice(0, -1) : [];
  if (stray.length > 0 && prev?.reread && prev.form && prev.file === ctx.file && stray[0]!.no > prev.lastLine && (stray[0]!.page ?? 0) - (prev.page ?? 0) <= 1) {
    prev.form.indicators = prev.reread(stray);
  }
  // A title that is another table's (a form title joined with the next table's printed under it):
  // the block is that table, held as read.
  const own = tableTypeOfTitle(title);
  if (lines.length === 0 || (own !== null && !own.form)) {
    remember(null, null);
    return out;
  }
  const fc: FormContext = {
    file: ctx.file,
    year: ctx.year ?? new Date().getFullYear(),
    unit: formUnit([...block.titleLines, ...lines.slice(0, 8)], lines, ctx.unit),
    table: ctx.id,
    title,
    notes: out.notes,
  };
  const unreadable = (why: string, at: SourceLine, severity: 'warning' | 'error' = 'warning') =>
    out.notes.push({
      severity,
      code: 'form-unreadable',
      table: ctx.id,
      row: null,
      message: `绩效目标表《${title}》第 ${at.no} 行起未能按表单读取：${why}；其内容保留为表格`,
      src: srcOfLines(at, at.text),
    });
  try {
    const pos = verticalPositions(lines);
    const dept = isDepartment(block, title);
    const gridHeader = projectGridHeader(lines);
    if (gridHeader) {
      const body = gridBody(lines, gridHeader);
      const read = readProjectGrid(body, gridHeader, pos, fc);
      const forms = read.projects.map((p, k) => formOfGridProject(p, `${ctx.id}-f${k + 1}`, fc));
      // A field printed above the grid ("资金主管部门：重庆市商务委员会") is every project's.
      const competent = fieldsAbove(lines.slice(0, gridHeader.first), pos);
      if (competent) for (const f of forms) f.competentDepartment ??= competent;
      // Rows printed before any project's band: the continuation of the form of the block before.
      if (read.orphans.length > 0) {
        const target = follows ? (dept ? prev.dept : prev.form) : null;
        if (target) pushAll(target.indicators, read.orphans);
        else
          unreadable(
            `${read.orphans.length} 个绩效指标行之前没有项目名称和金额，无法确定所属项目`,
            read.orphans[0]!.src.line ? (lines.find((l) => l.no === read.orphans[0]!.src.line) ?? lines[0]!) : lines[0]!,
          );
      }
      if (dept) {
        const f = forms[0];
        if (f) {
          const d = departmentOfGridForm(f, read.projects[0] ? tidy(projectName(read.projects[0])) : '', fc, lines);
          if (f.competentDepartment) d.competentDepartment = f.competentDepartment;
          const merged = forms.slice(1);
          for (const m of merged) pushAll(d.indicators, m.indicators);
          if (follows && prev.dept && prev.dept.unitName.text === d.unitName.text) {
            // The department's row printed again on the next page: one form continued.
            pushAll(prev.dept.indicators, d.indicators);
            remember(null, prev.dept);
          } else {
            out.departmentTargets = d;
            remember(null, d);
          }
        } else remember(null, follows ? prev.dept : null);
        if (!f && read.orphans.length === 0 && looksLikeForm(body)) unreadable('未找到部门名称及金额', lines[0]!);
        return out;
      }
      const readAny = forms.length > 0 || read.orphans.length > 0;
      // The first project continues the last one of the block before (its name printed again).
      if (follows && prev.form && forms[0] && forms[0].name !== '' && forms[0].name === prev.form.name && sameFen(forms[0], prev.form)) {
        pushAll(prev.form.indicators, forms[0].indicators);
        forms.shift();
      }
      out.projectForms = forms;
      remember(forms[forms.length - 1] ?? (follows ? prev.form : null), null);
      if (!readAny && body.some((l) => tokensOf(l).some((t) => t.kind === 'amount'))) unreadable('未找到项目名称及金额', body[0]!);
      return out;
    }
    if (dept) {
      const d = departmentTargetsOfCard(lines, pos, fc);
      if (d) out.departmentTargets = d;
      else if (looksLikeForm(lines) && lines.some((l) => tokensOf(l).some((t) => t.kind === 'amount'))) unreadable('未找到部门名称、整体目标或绩效指标', lines[0]!);
      remember(null, d);
      return out;
    }
    let chunks = splitCards(lines, ['name']);
    let lastCard: SourceLine[] | null = null;
    let lastForm: ProjectForm | null = null;
    // A form continued on the next page under its title printed again: the lines before the first
    // name are the rest of the form before (its indicator rows, under the header printed there).
    const head = chunks[0]!;
    // Read once: the first card as well where it is not the form before's (readCard is a function of
    // its lines and positions).
    const headCard = readCard(head, pos);
    const named = headCard.fields.some((f) => f.kind === 'name');
    if (follows && prev.form && prev.reread && !named) {
      const more = prev.reread(head);
      if (more.length > prev.form.indicators.length) {
        prev.form.indicators = more;
        lastCard = [...(prev.cardLines ?? []), ...head];
        lastForm = prev.form;
        chunks = chunks.slice(1);
      }
    }
    const cards = chunks.map((ls) => (ls === head ? headCard : readCard(ls, pos)));
    const titled = cards.length === 1 && lastForm === null ? title : '';
    let n = 0;
    for (const c of cards) {
      if (!cardHasContent(c)) continue;
      lastForm = projectFormOfCard(c, `${ctx.id}-f${++n}`, fc, titled);
      out.projectForms.push(lastForm);
      lastCard = c.lines;
    }
    if (n === 0 && lastForm === null && cards.some((c) => c.lines.some((l) => tokensOf(l).some((t) => t.kind === 'amount')))) unreadable('未找到项目名称、金额或绩效指标', lines[0]!);
    const cardLines = lastCard;
    const reread = cardLines
      ? (extra: readonly SourceLine[]) => {
          const all = [...cardLines, ...extra];
          return readCard(all, verticalPositions(all)).indicators;
        }
      : undefined;
    remember(lastForm, null, reread, cardLines ?? undefined);
  } catch (e) {
    unreadable(e instanceof Error ? e.message : String(e), lines[0]!, 'error');
    remember(null, null);
  }
  return out;
}

/** The competent department a grid's block prints above its header, or null. */
function fieldsAbove(lines: readonly SourceLine[], pos: ReturnType<typeof verticalPositions>): ProjectForm['competentDepartment'] | null {
  if (lines.length === 0) return null;
  const f = readFields(lines, pos).find((x) => x.kind === 'competent');
  const text = f ? tidy(fieldText(f)) : '';
  if (!f || text === '') return null;
  const ls = fieldLines(f);
  return { text, src: srcOfLines(ls[0]!, text, ls[ls.length - 1]) };
}

const sameFen = (a: ProjectForm, b: ProjectForm) => (a.amounts.currentYear?.fen ?? null) === (b.amounts.currentYear?.fen ?? null);

/** The department-wide targets printed as one band of a grid (Changsha: the unit's row). */
function departmentOfGridForm(f: ProjectForm, name: string, fc: FormContext, lines: readonly SourceLine[]): DepartmentTargets {
  const unit = f.overview.find((o) => o.label === '单位名称');
  const d: DepartmentTargets = {
    year: fc.year,
    unitName: { text: unit?.text ?? name, src: unit?.src ?? f.src },
    overallGoal: f.annualGoal ?? { text: '', src: srcOfLines(lines[0]!, '') },
    tasks: [],
    indicators: [...f.indicators],
    src: f.src,
  };
  const { currentYear, fiscal, other } = f.amounts;
  if (currentYear || fiscal || other) d.total = { total: currentYear, fiscal, other, src: (currentYear ?? fiscal ?? other)!.src! };
  return d;
}
