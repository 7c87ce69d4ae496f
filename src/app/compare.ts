/**
 * Comparisons (issue 15 item 2), the use cases behind the web pages and the API: one unit's budget
 * against its previous year's, and the budgets of one year and kind side by side. Only budgets the user
 * may read take part, each in the version the user may read (its latest, or its published one); budgets
 * and final accounts, and different years, are never put side by side or added: asking for it is refused
 * (INPUT_INVALID, 422) with a message naming the documents.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { DocumentKind } from '../domain/model.js';
import { DocumentKind as DocumentKindSchema } from '../domain/model.js';
import { FiscusError } from '../domain/errors.js';
import { codes } from '../domain/classification/index.js';
import {
  COMPARE_BY_LABELS,
  departmentComparison,
  LEVEL_LABELS,
  yearComparison,
  type CompareBy,
  type ComparedDocument,
  type DepartmentComparison,
  type YearComparison,
} from '../reports/view/compare.js';
import { parsePool } from './isolation/pool.js';
import type { User } from './accounts.js';
import { workflowOf, type ListedBudget } from './workflow.js';
import type { Workspace } from './workspace.js';

export type { ComparedDocument, CompareLine, CompareSection, DepartmentComparison, YearComparison, ClassAcross } from '../reports/view/compare.js';
export { COMPARE_BY_LABELS, LEVEL_LABELS, signedAmount, threePublicLabel, THREE_PUBLIC_ITEMS, type CompareBy } from '../reports/view/compare.js';

/** At most this many budgets side by side (a page and a chart stay readable; the SQL aggregates add any number). */
export const MAX_COMPARED = 30;

/** A comparison across departments, as asked. */
export interface DepartmentQuery {
  year?: number;
  kind?: DocumentKind;
  /** Budget ids; absent: every budget of the year and kind the user may read (at most MAX_COMPARED). */
  ids?: string[];
  by: CompareBy;
  level: number;
  /** A class to show on its own (with its chart). */
  code?: string;
}

const bad = (field: string, message: string, expected?: string, found?: string) => new FiscusError('INPUT_INVALID', message, { field }, expected, found);

/** Reads a comparison query from request parameters; INPUT_INVALID naming the parameter. */
export function parseDepartmentQuery(p: Record<string, string | undefined>): DepartmentQuery {
  const q: DepartmentQuery = { by: 'function', level: 1 };
  const by = p['by'] || 'function';
  if (by !== 'function' && by !== 'econ') throw bad('by', `比较维度 by 应为 function（支出功能分类）或 econ（经济分类），实为 “${by.slice(0, 40)}”`, 'function | econ', by.slice(0, 40));
  q.by = by;
  const levels = LEVEL_LABELS[by].length;
  if (p['level']) {
    const n = /^\d$/.test(p['level']) ? Number(p['level']) : NaN;
    if (!(n >= 1 && n <= levels)) throw bad('level', `按${COMPARE_BY_LABELS[by]}比较的级次 level 应为 1–${levels}，实为 “${p['level'].slice(0, 40)}”`, `1–${levels}`, p['level'].slice(0, 40));
    q.level = n;
  }
  if (p['year']) {
    const n = /^\d{4}$/.test(p['year']) ? Number(p['year']) : NaN;
    if (!(n >= 1990 && n <= 2100)) throw bad('year', `年度 year 应为四位年份，实为 “${p['year'].slice(0, 40)}”`, '1990–2100', p['year'].slice(0, 40));
    q.year = n;
  }
  if (p['kind']) {
    const k = DocumentKindSchema.safeParse(p['kind']);
    if (!k.success) throw bad('kind', `文件种类 kind 应为 部门预算、单位预算、部门决算 或 单位决算，实为 “${p['kind'].slice(0, 40)}”`, DocumentKindSchema.options.join(' | '), p['kind'].slice(0, 40));
    q.kind = k.data;
  }
  if (p['ids']) {
    const ids = [
      ...new Set(
        p['ids']
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ];
    const wrong = ids.find((s) => !/^\d{1,9}$/.test(s));
    if (wrong !== undefined) throw bad('ids', `ids 应为以逗号分隔的预算编号，其中 “${wrong.slice(0, 40)}” 不是`, '预算编号,预算编号…', wrong.slice(0, 40));
    if (ids.length > MAX_COMPARED) throw bad('ids', `一次最多比较 ${MAX_COMPARED} 份，实为 ${ids.length} 份`, `≤ ${MAX_COMPARED}`, String(ids.length));
    if (ids.length) q.ids = ids;
  }
  if (p['code']) {
    if (!/^\d{3,7}$/.test(p['code'])) throw bad('code', `科目编码 code 应为 3–7 位数字，实为 “${p['code'].slice(0, 40)}”`, '3–7 位数字', p['code'].slice(0, 40));
    q.code = p['code'];
  }
  return q;
}

const label = (b: { year: number; kind: string }) => `${b.year}年${b.kind}`;
const metaOf = (b: ListedBudget): ComparedDocument => ({ budgetId: b.id, version: b.latestVersion, unitName: b.unitName, year: b.year, kind: b.kind });

/** A year comparison with the other budgets of the unit it could be compared with. */
export interface YearComparisonResult {
  view: YearComparison;
  /** The unit's other budgets of the same kind the user may read (other years), newest first. */
  others: ComparedDocument[];
}

/** A comparison across departments with what the page offers around it. */
export interface DepartmentComparisonResult {
  query: DepartmentQuery;
  /** Null when no budget of the year and kind is readable. */
  view: DepartmentComparison | null;
  /** The budgets of the year and kind the user may read (to choose from). */
  available: ComparedDocument[];
  /** The years and kinds of every readable budget (to choose from). */
  years: number[];
  kinds: DocumentKind[];
  /** Notes for the page (a capped selection). */
  notes: string[];
  /** Charts as SVG (server-side, no script), drawn in a parser thread; only when asked for (`charts`). */
  charts: { id: string; title: string; svg: string }[];
}

/** The comparisons of a workspace, for a user (null: the public, who reads published budgets). */
export class Comparisons {
  constructor(private readonly ws: Workspace) {}

  /** The budgets `user` may read, each in the version they may read. */
  async visible(user: User | null): Promise<ListedBudget[]> {
    return workflowOf(this.ws).listFor(user, await this.ws.listBudgets());
  }

  /** A budget's document as every page reads it: parsed once and shared (Workspace.sharedDocument). */
  private async load(b: ListedBudget) {
    return { meta: metaOf(b), doc: await this.ws.sharedDocument(b.id, b.latestVersion) };
  }

  /**
   * Budget `id` against the same unit's budget of the same kind for the previous year, or against
   * `withId` (any other year of the unit and kind). NOT_FOUND for a budget the user may not read;
   * INPUT_INVALID for another unit, kind or the same year.
   */
  async year(user: User | null, id: string, withId?: string): Promise<YearComparisonResult> {
    const visible = await this.visible(user);
    const target = visible.find((b) => b.id === id);
    if (!target) throw new FiscusError('NOT_FOUND', `预算 ${id} 不存在`);
    const others = visible.filter((b) => b.id !== id && b.unitName === target.unitName && b.kind === target.kind && b.year !== target.year).sort((a, b) => b.year - a.year);
    let other: ListedBudget | undefined;
    if (withId !== undefined) {
      other = visible.find((b) => b.id === withId);
      if (!other) throw new FiscusError('NOT_FOUND', `预算 ${withId} 不存在`);
      if (other.kind !== target.kind)
        throw bad('with', `不能比较不同种类的文件：预算 ${id} 是${label(target)}，预算 ${withId} 是${label(other)}（预算与决算从不放在一起比较）`, target.kind, other.kind);
      if (other.year === target.year) throw bad('with', `两份文件都是 ${target.year} 年的：年度比较需要同一单位不同年度的${target.kind}`, `${target.year} 年以外的年度`, String(other.year));
      if (other.unitName !== target.unitName)
        throw bad('with', `预算 ${withId}（${other.unitName}）与预算 ${id}（${target.unitName}）不是同一单位：不同单位请用“部门间比较”`, target.unitName, other.unitName);
    } else {
      other = others.find((b) => b.year === target.year - 1);
    }
    const [earlier, later] = other && other.year > target.year ? [target, other] : [other, target];
    const view = yearComparison(earlier ? await this.load(earlier) : null, await this.load(later));
    return { view, others: others.map(metaOf) };
  }

  /** The year comparison as an XLSX workbook, built in a parser thread (exceljs takes the CPU). */
  async yearXlsx(user: User | null, id: string, withId?: string): Promise<{ bytes: Uint8Array; fileName: string }> {
    const { view } = await this.year(user, id, withId);
    return { bytes: await parsePool().compareXlsx({ of: 'year', view }), fileName: `${view.after.unitName}-${view.afterLabel}-与${view.beforeLabel}比较.xlsx` };
  }

  /**
   * Budgets of one year and kind side by side. With `ids`: those budgets (each readable, else NOT_FOUND),
   * which must be of one year and one kind (else INPUT_INVALID, naming them); without: every readable
   * budget of `year` (default: the latest) and `kind` (default: 部门预算 when there is one). `choicesOnly`: what
   * could be compared (years, kinds, budgets), without reading any document; `charts`: with the charts
   * (the web page's), drawn in a parser thread.
   */
  async departments(user: User | null, q: DepartmentQuery, opts: { choicesOnly?: boolean; charts?: boolean } = {}): Promise<DepartmentComparisonResult> {
    const visible = await this.visible(user);
    const years = [...new Set(visible.map((b) => b.year))].sort((a, b) => b - a);
    const notes: string[] = [];
    let chosen: ListedBudget[];
    let year = q.year;
    let kind = q.kind;
    if (q.ids) {
      chosen = q.ids.map((id) => {
        const b = visible.find((x) => x.id === id);
        if (!b) throw new FiscusError('NOT_FOUND', `预算 ${id} 不存在`);
        return b;
      });
      const groups = new Map<string, string[]>();
      for (const b of chosen) groups.set(label(b), [...(groups.get(label(b)) ?? []), b.id]);
      const want = year !== undefined || kind !== undefined ? `${year ?? chosen[0]!.year}年${kind ?? chosen[0]!.kind}` : null;
      if (groups.size > 1 || (want !== null && !groups.has(want))) {
        const found = [...groups].map(([l, ids]) => `${l}（预算 ${ids.join('、')}）`).join('，');
        const mixesStages = new Set(chosen.map((b) => b.kind.endsWith('决算'))).size > 1 || (kind !== undefined && chosen.some((b) => b.kind.endsWith('决算') !== kind!.endsWith('决算')));
        throw bad(
          'ids',
          `不能把不同${mixesStages ? '种类（预算与决算）' : '年度或种类'}的文件放在一起比较：${found}${want ? `，而所问的是 ${want}` : ''}。请只选同一年度、同一种类的文件`,
          want ?? '同一年度、同一种类',
          found,
        );
      }
      year = chosen[0]!.year;
      kind = chosen[0]!.kind;
    } else {
      year ??= years[0];
      const inYear = visible.filter((b) => b.year === year);
      kind ??= inYear.some((b) => b.kind === '部门预算') ? '部门预算' : inYear[0]?.kind;
      chosen = inYear.filter((b) => b.kind === kind);
      if (chosen.length > MAX_COMPARED) {
        notes.push(`共有 ${chosen.length} 份 ${year} 年${kind}，此处只比较前 ${MAX_COMPARED} 份（按单位名称）；请勾选要比较的文件。`);
        chosen = chosen.slice(0, MAX_COMPARED);
      }
    }
    const available = visible.filter((b) => b.year === year && b.kind === kind).map(metaOf);
    const kinds = [...new Set(visible.filter((b) => b.year === year).map((b) => b.kind))];
    const query: DepartmentQuery = { ...q, ...(year !== undefined ? { year } : {}), ...(kind !== undefined ? { kind } : {}) };
    // The choices alone (the form of the 比较 page) read no document.
    if (!chosen.length || opts.choicesOnly) return { query, view: null, available, years, kinds, notes, charts: [] };
    // One document at a time, the thread let go between them: reading and validating a document not in the
    // workspace's cache takes the thread for a tenth of a second, thirty at once would hold up every request.
    const docs: Awaited<ReturnType<Comparisons['load']>>[] = [];
    for (const b of chosen) {
      docs.push(await this.load(b));
      await nextTurn();
    }
    const names = (code: string, y: number) => codes.byCodeIn(q.by, code, y)?.name ?? codes.namesOf(q.by, code)[0]?.name ?? null;
    const view = departmentComparison(docs, q.by, q.level, names, q.code ?? null);
    if (q.code && !view.focus) notes.push(`所选文件中没有科目 ${q.code}。`);
    const charts = opts.charts ? await parsePool().compareCharts(view) : [];
    return { query, view, available, years, kinds, notes, charts };
  }

  /** The comparison across departments as an XLSX workbook, built in a parser thread. */
  async departmentsXlsx(user: User | null, q: DepartmentQuery): Promise<{ bytes: Uint8Array; fileName: string }> {
    const r = await this.departments(user, q);
    if (!r.view) throw new FiscusError('NOT_FOUND', `没有可比较的 ${r.query.year ?? ''} 年${r.query.kind ?? '文件'}`);
    return { bytes: await parsePool().compareXlsx({ of: 'departments', view: r.view }), fileName: `${r.view.year}年${r.view.kind}-部门间比较-${COMPARE_BY_LABELS[r.view.by]}.xlsx` };
  }
}

/** The comparisons of a workspace. */
export function comparisonsOf(ws: Workspace): Comparisons {
  return new Comparisons(ws);
}
