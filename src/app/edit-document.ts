/**
 * Editing what is not a project form's plan, cost lines or indicators (issue 15 item 6): a section of
 * the narrative (说明), amount cells of the tables, the amounts of the department-wide target form
 * (Shenzhen table 14: each task's 总额 / 财政拨款 / 其他资金 and their 合计), a project form's 项目概况. Each is a use case of the
 * same shape as `Workspace.editProjectForm`: based on a version, stored as a new version through
 * `Workspace.editDocument` (CONFLICT when the base is not the latest, nothing written), the rules run
 * again, one audit entry. What was typed carries its provenance: who typed it and when (`Src.edited`).
 */
import { BudgetDocument, type DepartmentTargets, type Money, type Src, type Table } from '../domain/model.js';
import { DEPARTMENT_TARGETS_TITLE, TARGET_TASK_AMOUNT_LABELS } from '../domain/catalogue/labels.js';
import { FiscusError } from '../domain/errors.js';
import { exactDecimals, formatAmount, MoneyParseError, parseAmount, typedAmountText } from '../domain/money.js';
import { rereadNarrative, typedLines } from '../importers/narrative-reread.js';
import { tableById } from '../reports/view/table.js';
import type { Finding, StoredVersion, Workspace } from './workspace.js';

/** Who typed an edit and when. */
export type Edited = NonNullable<Src['edited']>;

/** The audit actions of these edits (labels in app/audit-log.ts). */
export const EDIT_ACTIONS = { narrative: 'budget.edit-narrative', cells: 'budget.edit-cells', targets: 'budget.edit-targets', overview: 'budget.edit-overview' } as const;

/** A narrative section as the editor shows it: its place, heading and text (one paragraph a line). */
export interface SectionRef {
  part: number;
  section: number;
}

/** The reference of a section in forms and audit entries ("2.0": part index, section index). */
export const sectionKey = (r: SectionRef): string => `${r.part}.${r.section}`;

/** The section a key names, or null. */
export function sectionOfKey(key: string): SectionRef | null {
  const m = /^(\d{1,4})\.(\d{1,4})$/.exec(key);
  return m ? { part: Number(m[1]), section: Number(m[2]) } : null;
}

/** A section's text as the editor shows it: its paragraphs, one a line. */
export function sectionText(doc: BudgetDocument, r: SectionRef): string {
  return (doc.narrative.parts[r.part]?.sections[r.section]?.paragraphs ?? []).map((p) => p.text).join('\n');
}

/** A section's name for messages ("第二部分 部门预算收支总体情况 · 一、收入预算"). */
export function sectionName(doc: BudgetDocument, r: SectionRef): string {
  const p = doc.narrative.parts[r.part];
  const s = p?.sections[r.section];
  const head = [p?.title, s ? [s.no, s.title].filter(Boolean).join('、') : ''].filter((x) => x).join(' · ');
  return head || `说明第 ${r.part + 1} 部分第 ${r.section + 1} 节`;
}

/** The document with one narrative section's text replaced and the narrative read again (its facts with it). */
export function withSection(doc: BudgetDocument, r: SectionRef, text: string, edited: Edited): BudgetDocument {
  if (!doc.narrative.parts[r.part]?.sections[r.section]) throw new FiscusError('NOT_FOUND', `说明中没有该节（${sectionKey(r)}）`);
  if (text.length > 20_000) throw new FiscusError('INPUT_INVALID', `“${sectionName(doc, r)}”的文字过长（${text.length} 字，至多 20000 字）`, { field: 'text' });
  if (typedLines(text).join('\n') === sectionText(doc, r)) throw new FiscusError('INPUT_INVALID', `“${sectionName(doc, r)}”没有修改，未生成新版本`, { field: 'text' });
  return valid({ ...doc, narrative: rereadNarrative(doc, { ...r, text, edited }) }, sectionName(doc, r));
}

/** One amount cell as typed: the row (by id) and column (by key) of a table, and the text in 元. */
export interface CellInput {
  row: string;
  column: string;
  text: string;
}

/** A cell that could not be read: its input name's parts and the Chinese message naming it. */
export interface CellError {
  row: string;
  column: string;
  message: string;
}

/** The amount columns a row of a table holds (a two-sided table's row, its side's column only). */
export function amountColumnsOf(table: Table, row: Table['rows'][number]): Table['columns'] {
  const amounts = table.columns.filter((c) => c.kind === 'amount');
  if (table.sides && row.side) return amounts.filter((c) => c.key === table.sides![row.side!]);
  return amounts;
}

/** A cell's amount as the editor shows it: in 元 with two decimals and thousands separators ('' for an empty cell). */
export const cellText = (m: Money | null | undefined): string => (m ? formatAmount(m.fen, '元', 2) : '');

/** "表《收入总表》第 3 行“上年结转”·“合计”": a cell named for a message. */
export function cellName(table: Table, row: Table['rows'][number], column: Table['columns'][number]): string {
  const i = table.rows.indexOf(row);
  return `表《${table.title.text.replace(/\s+/g, '')}》第 ${i + 1} 行“${row.label || row.code || row.id}”·“${column.header.join('/')}”`;
}

/**
 * Reads typed cells in 元 (two decimals at most, thousands separators only where they group three
 * digits) exactly into fen with the money parser: anything it would have to guess at ("1,0.0",
 * "1.234", "12元") is an error naming the cell. An empty cell is null.
 */
export function readCells(table: Table, cells: CellInput[]): { changes: Array<{ row: string; column: string; money: number | null; text: string }>; errors: CellError[] } {
  const changes: Array<{ row: string; column: string; money: number | null; text: string }> = [];
  const errors: CellError[] = [];
  for (const c of cells) {
    const row = table.rows.find((r) => r.id === c.row);
    const column = row ? amountColumnsOf(table, row).find((k) => k.key === c.column) : undefined;
    if (!row || !column) throw new FiscusError('INPUT_INVALID', `表《${table.title.text}》没有单元格 ${c.row}/${c.column}，请重新打开本页`, { field: `${c.row}/${c.column}` });
    // Full-width digits, separators and points typed by an input method are the same characters.
    const text = typedAmountText(c.text);
    if (text === '') {
      changes.push({ row: c.row, column: c.column, money: null, text });
      continue;
    }
    try {
      changes.push({ row: c.row, column: c.column, money: parseAmount(text, '元'), text });
    } catch (e) {
      if (!(e instanceof MoneyParseError)) throw e;
      errors.push({
        row: c.row,
        column: c.column,
        message: `${cellName(table, row, column)}的金额“${c.text.trim()}”无法识别（${e.message}）：请以元为单位填写，至多两位小数，千分位逗号须每三位一个，如 1234.50 或 1,234.50`,
      });
    }
  }
  return { changes, errors };
}

/**
 * The document with the changed cells of one table set (unchanged cells keep their printed form and
 * provenance); INPUT_INVALID naming every cell that cannot be read, nothing changed.
 */
export function withCells(doc: BudgetDocument, tableId: string, cells: CellInput[], edited: Edited): BudgetDocument {
  const table = tableById(doc, tableId);
  const ti = table ? doc.tables.indexOf(table) : -1;
  if (!table) throw new FiscusError('NOT_FOUND', `本预算没有表格 ${tableId}`);
  const { changes, errors } = readCells(table, cells);
  if (errors.length) throw new FiscusError('INPUT_INVALID', errors.map((e) => e.message).join('；'), { field: `${errors[0]!.row}/${errors[0]!.column}` });
  let changed = 0;
  const rows = table.rows.map((r) => {
    const mine = changes.filter((c) => c.row === r.id);
    if (!mine.length) return r;
    const amounts = { ...r.amounts };
    for (const c of mine) {
      const old = r.amounts[c.column] ?? null;
      if ((old?.fen ?? null) === c.money) continue;
      changed++;
      amounts[c.column] = c.money === null ? null : { fen: c.money, decimals: exactDecimals([c.money], table.displayUnit), src: { line: null, page: null, raw: `${c.text} 元`, edited } };
    }
    return { ...r, amounts };
  });
  if (changed === 0) throw new FiscusError('INPUT_INVALID', `表《${table.title.text}》的金额没有修改，未生成新版本`, { field: 'cells' });
  const tables = doc.tables.slice();
  tables[ti] = { ...table, rows };
  return valid({ ...doc, tables }, `表《${table.title.text}》`);
}

/** A column of the department-wide form's tasks: 总额, 财政拨款, 其他资金. */
export type TargetColumn = keyof typeof TARGET_TASK_AMOUNT_LABELS;
export const TARGET_COLUMNS: readonly TargetColumn[] = ['total', 'fiscal', 'other'];

/** One amount of the department-wide form as typed: a task (by its index) or the 合计 line, a column, the text in 元. */
export interface TargetAmountInput {
  row: number | 'total';
  column: TargetColumn;
  text: string;
}

/** What an amount of the department-wide form is, for a message: "表《部门（单位）整体支出绩效目标申报表》任务“基本支出”·“财政拨款”". */
export function targetCellName(d: DepartmentTargets, row: number | 'total', column: TargetColumn): string {
  const line = row === 'total' ? '合计行' : `第 ${row + 1} 项任务“${d.tasks[row]?.name ?? ''}”`;
  return `表《${DEPARTMENT_TARGETS_TITLE}》${line}·“${TARGET_TASK_AMOUNT_LABELS[column]}”`;
}

/**
 * Reads the typed amounts of the department-wide form in 元, exactly as `readCells` reads a table's: an
 * amount it would have to guess at is an error naming its task and column; an empty one is null. A
 * task or line the form does not have is INPUT_INVALID (the page was drawn from another version).
 */
export function readTargetAmounts(
  d: DepartmentTargets,
  cells: TargetAmountInput[],
): { changes: Array<TargetAmountInput & { money: number | null }>; errors: Array<TargetAmountInput & { message: string }> } {
  const changes: Array<TargetAmountInput & { money: number | null }> = [];
  const errors: Array<TargetAmountInput & { message: string }> = [];
  for (const c of cells) {
    if ((c.row === 'total' ? !d.total : !d.tasks[c.row]) || !TARGET_COLUMNS.includes(c.column)) {
      throw new FiscusError('INPUT_INVALID', `表《${DEPARTMENT_TARGETS_TITLE}》没有金额 ${c.row}/${c.column}，请重新打开本页`, { field: `${c.row}/${c.column}` });
    }
    const text = typedAmountText(c.text);
    if (text === '') {
      changes.push({ ...c, text, money: null });
      continue;
    }
    try {
      changes.push({ ...c, text, money: parseAmount(text, '元') });
    } catch (e) {
      if (!(e instanceof MoneyParseError)) throw e;
      errors.push({
        ...c,
        message: `${targetCellName(d, c.row, c.column)}的金额“${c.text.trim()}”无法识别（${e.message}）：请以元为单位填写，至多两位小数，千分位逗号须每三位一个，如 1234.50 或 1,234.50`,
      });
    }
  }
  return { changes, errors };
}

/**
 * The document with the changed amounts of the department-wide form set (unchanged ones keep their
 * printed form and provenance; a changed one records who typed it and when); INPUT_INVALID naming every
 * amount that cannot be read, nothing changed.
 */
export function withTargetAmounts(doc: BudgetDocument, cells: TargetAmountInput[], edited: Edited): BudgetDocument {
  const d = doc.departmentTargets;
  if (!d) throw new FiscusError('NOT_FOUND', `本预算没有${DEPARTMENT_TARGETS_TITLE}`);
  const { changes, errors } = readTargetAmounts(d, cells);
  if (errors.length) throw new FiscusError('INPUT_INVALID', errors.map((e) => e.message).join('；'), { field: `${errors[0]!.row}/${errors[0]!.column}` });
  let changed = 0;
  const set = <T extends Record<TargetColumn, Money | null>>(line: T, row: number | 'total'): T => {
    const mine = changes.filter((c) => c.row === row);
    if (!mine.length) return line;
    const next: T = { ...line };
    for (const c of mine) {
      if ((line[c.column]?.fen ?? null) === c.money) continue;
      changed++;
      const money: Money | null = c.money === null ? null : { fen: c.money, decimals: exactDecimals([c.money], doc.displayUnit), src: { line: null, page: null, raw: `${c.text} 元`, edited } };
      next[c.column] = money;
    }
    return next;
  };
  const next: DepartmentTargets = { ...d, tasks: d.tasks.map((t, i) => set(t, i)), ...(d.total ? { total: set(d.total, 'total') } : {}) };
  if (changed === 0) throw new FiscusError('INPUT_INVALID', `表《${DEPARTMENT_TARGETS_TITLE}》的金额没有修改，未生成新版本`, { field: 'targets' });
  return valid({ ...doc, departmentTargets: next }, `表《${DEPARTMENT_TARGETS_TITLE}》`);
}

/** One 项目概况 entry as typed: its index in the form's overview and its text. */
export interface OverviewInput {
  index: number;
  text: string;
}

/** The document with a project form's 项目概况 texts replaced (labels stay as printed). */
export function withOverview(doc: BudgetDocument, formId: string, entries: OverviewInput[], edited: Edited): BudgetDocument {
  const fi = doc.projectForms.findIndex((f) => f.id === formId);
  const form = doc.projectForms[fi];
  if (!form) throw new FiscusError('NOT_FOUND', `本预算没有项目申报表 ${formId}`);
  let changed = 0;
  const overview = form.overview.map((o, i) => {
    const e = entries.find((x) => x.index === i);
    if (!e) return o;
    const text = e.text.replace(/\r\n?/g, '\n').trim();
    if (text.length > 5_000) throw new FiscusError('INPUT_INVALID', `项目“${form.name}”的“${o.label}”过长（${text.length} 字，至多 5000 字）`, { field: `overview-${i}` });
    if (text === o.text.trim()) return o;
    changed++;
    return { ...o, text, src: { line: null, page: null, raw: text, edited } };
  });
  if (changed === 0) throw new FiscusError('INPUT_INVALID', `项目“${form.name}”的项目概况没有修改，未生成新版本`, { field: 'overview' });
  const forms = doc.projectForms.slice();
  forms[fi] = { ...form, overview };
  return valid({ ...doc, projectForms: forms }, `项目“${form.name}”的项目概况`);
}

/** The document checked against the model (a value it cannot hold is INPUT_INVALID naming what was edited). */
function valid(doc: BudgetDocument, what: string): BudgetDocument {
  const r = BudgetDocument.safeParse(doc);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new FiscusError('INPUT_INVALID', `${what}的修改无效：${issue.path.join('.')}: ${issue.message}`, { field: issue.path.join('.') });
}

/** The edit use cases on a workspace. */
export function documentEditsOf(ws: Workspace) {
  const now = () => new Date().toISOString();
  return {
    /** Replaces a narrative section's text as a new version; the narrative's facts are read again from it. */
    editNarrativeSection(id: string, baseVersion: number, r: SectionRef, text: string, who: string, author?: string): Promise<StoredVersion> {
      return ws.editDocument(
        id,
        baseVersion,
        (base) => withSection(base, r, text, { by: who, at: now() }),
        { note: '修改说明', action: EDIT_ACTIONS.narrative, detail: { section: sectionKey(r) } },
        author,
        who,
      );
    },
    /** Sets amount cells of one table (typed in 元) as a new version. */
    editTableCells(id: string, baseVersion: number, tableId: string, cells: CellInput[], who: string, author?: string): Promise<StoredVersion> {
      return ws.editDocument(
        id,
        baseVersion,
        (base) => withCells(base, tableId, cells, { by: who, at: now() }),
        { note: `修改表格 ${tableId} 的金额`, action: EDIT_ACTIONS.cells, detail: { table: tableId, cells: cells.length } },
        author,
        who,
      );
    },
    /** Sets amounts of the department-wide target form (table 14; typed in 元) as a new version. */
    editTargetAmounts(id: string, baseVersion: number, cells: TargetAmountInput[], who: string, author?: string): Promise<StoredVersion> {
      return ws.editDocument(
        id,
        baseVersion,
        (base) => withTargetAmounts(base, cells, { by: who, at: now() }),
        { note: `修改${DEPARTMENT_TARGETS_TITLE}的金额`, action: EDIT_ACTIONS.targets, detail: { cells: cells.length } },
        author,
        who,
      );
    },
    /** Replaces a project form's 项目概况 texts as a new version. */
    editProjectOverview(id: string, baseVersion: number, formId: string, entries: OverviewInput[], who: string, author?: string): Promise<StoredVersion> {
      return ws.editDocument(
        id,
        baseVersion,
        (base) => withOverview(base, formId, entries, { by: who, at: now() }),
        { note: `修改项目申报表 ${formId} 的项目概况`, action: EDIT_ACTIONS.overview, detail: { formId } },
        author,
        who,
      );
    },
  };
}

/** What a finding is, for telling which findings an edit added or removed. */
const findingKey = (f: Finding) => `${f.rule}|${f.severity}|${f.message}|${JSON.stringify(f.location)}`;

/** The findings of `after` that `before` did not have, and those of `before` that are gone. */
export function findingsChange(before: readonly Finding[], after: readonly Finding[]): { added: Finding[]; removed: Finding[] } {
  const count = (xs: readonly Finding[]) => {
    const m = new Map<string, number>();
    for (const f of xs) m.set(findingKey(f), (m.get(findingKey(f)) ?? 0) + 1);
    return m;
  };
  const b = count(before);
  const a = count(after);
  const added = after.filter((f) => {
    const k = findingKey(f);
    const n = b.get(k) ?? 0;
    if (n > 0) {
      b.set(k, n - 1);
      return false;
    }
    return true;
  });
  const removed = before.filter((f) => {
    const k = findingKey(f);
    const n = a.get(k) ?? 0;
    if (n > 0) {
      a.set(k, n - 1);
      return false;
    }
    return true;
  });
  return { added, removed };
}
