/**
 * Reads the fiscus XLSX authoring template (written by src/reports/template) back into a
 * BudgetDocument, profile `fiscus-xlsx`. Provenance: `line` is the sheet row, `page` is null and
 * `raw` names the place as `工作表!单元格` (a cell) or `工作表!行` (a row), e.g. `表7!D12`, `表7!12`.
 *
 * Amounts are 万元 numbers converted to fen exactly: the shortest decimal form of the double (what
 * Excel shows at full precision) is parsed as a decimal string, so 4424.6 is 4,424,600,000 fen and
 * never 4,424,599,999. More than six decimals (finer than one fen) or a text that is not an amount is
 * an INPUT_INVALID error naming the cell. A code missing from the code tables is a warning import
 * note. The first bad cell stops the import: nothing half-read is returned.
 */
import ExcelJS from 'exceljs';
import type { Cell, CellValue, Worksheet } from 'exceljs';
import { createHash } from 'node:crypto';
import {
  BudgetDocument,
  CodeSystem,
  Comparator,
  DisplayUnitSchema,
  DocumentKind,
  RowKind,
  TableRole,
  type Column,
  type CostLine,
  type DepartmentTargets,
  type ImportNote,
  type Indicator,
  type Money,
  type Narrative,
  type NarrativePart,
  type ProjectForm,
  type Row,
  type Src,
  type Table,
  type Text,
} from '../../domain/model.js';
import { FiscusError } from '../../domain/errors.js';
import { MoneyParseError, decimalsOf, parseAmount } from '../../domain/money.js';
import { codes } from '../../domain/classification/index.js';
import { CODE_LEVELS, columnKeyOf, LABEL_HEADERS, ROW_KIND_LABELS, TEMPLATE_MARKS, TEMPLATE_ROW_FIELDS } from '../../domain/catalogue/index.js';

const NULL_MARK = TEMPLATE_MARKS.none;

/**
 * A label as compared: what a person may type differently is not a difference — white space (inside
 * too: "表 格 标题"), full-width forms, a colon after it ("表号：", "其中:" and "其中：").
 */
export const labelKey = (s: string): string =>
  s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[:：]$/, '')
    .replace(/[:：]/g, '：');

/** The row kinds and sides by the words the template writes (and the model's own keys, which earlier templates wrote). */
const ROW_KIND_OF = new Map<string, RowKind>([...RowKind.options.map((k) => [k, k] as const), ...Object.entries(ROW_KIND_LABELS).map(([k, v]) => [labelKey(v), k as RowKind] as const)]);
const SIDE_OF = new Map<string, 'revenue' | 'expenditure'>([
  ['revenue', 'revenue'],
  ['expenditure', 'expenditure'],
  [labelKey(LABEL_HEADERS.revenue), 'revenue'],
  [labelKey(LABEL_HEADERS.expenditure), 'expenditure'],
]);

/** An error at a cell: prints as `file:工作表!D12: message` (the row is also `where.line`). */
export class XlsxCellError extends FiscusError {
  constructor(
    file: string,
    readonly place: string,
    row: number | null,
    message: string,
    expected?: string,
    found?: string,
  ) {
    super('INPUT_INVALID', message, { file, line: row, page: null, field: place }, expected, found);
  }

  override oneLine(): string {
    return `${this.where.file}:${this.place}: ${this.message}`;
  }
}

/** True when `bytes` start like a ZIP container (XLSX is one). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Whether (r, c) names a cell: a column the template's header lacks is found at 0. */
const onSheet = (r: number, c: number): boolean => Number.isSafeInteger(r) && Number.isSafeInteger(c) && r >= 1 && c >= 1;

/** The value of cell (r, c), or null when there is no such cell (a missing column reads empty). */
function valueAt(ws: Worksheet, r: number, c: number): CellValue {
  return onSheet(r, c) ? ws.getCell(r, c).value : null;
}

class Reader {
  readonly notes: ImportNote[] = [];
  constructor(readonly file: string) {}

  place(ws: Worksheet, r: number, c?: number): string {
    return c === undefined || !onSheet(r, c) ? `${ws.name}!${r}` : `${ws.name}!${ws.getCell(r, c).address}`;
  }

  src(ws: Worksheet, r: number, c?: number): Src {
    return { line: r, page: null, raw: this.place(ws, r, c) };
  }

  fail(ws: Worksheet, r: number, c: number | undefined, expected: string, found: string): never {
    const f = found.length > 40 ? found.slice(0, 40) + '…' : found;
    throw new XlsxCellError(this.file, this.place(ws, r, c), r, `应为${expected}，实为 ${JSON.stringify(f)}`, expected, found);
  }

  /** The cell's text, or null when empty. Numbers typed into text cells read as their decimal form. */
  text(ws: Worksheet, r: number, c: number): string | null {
    const v = plain(valueAt(ws, r, c));
    if (v === null) return null;
    if (typeof v === 'number') return String(v);
    if (typeof v === 'boolean') return v ? '是' : '否';
    if (v instanceof Date) {
      // A date cell whose serial is no date (a damaged or hand-edited workbook): unreadable here.
      if (Number.isNaN(v.getTime())) this.fail(ws, r, c, '文本或日期', '无效日期');
      return v.toISOString().slice(0, 10);
    }
    return v === '' ? null : v;
  }

  textOf(ws: Worksheet, r: number, c: number): Text | undefined {
    const t = this.text(ws, r, c);
    return t === null ? undefined : { text: t, src: this.src(ws, r, c) };
  }

  enumOf<T extends string>(ws: Worksheet, r: number, c: number, values: readonly T[], what: string): T | null {
    const t = this.text(ws, r, c);
    if (t === null) return null;
    if (!(values as readonly string[]).includes(t)) this.fail(ws, r, c, `${what}（${values.join(' / ')}）`, t);
    return t as T;
  }

  int(ws: Worksheet, r: number, c: number, what: string): number | null {
    const v = plain(valueAt(ws, r, c));
    if (v === null || v === '') return null;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n)) this.fail(ws, r, c, what, String(v));
    return n;
  }

  /** An amount in 万元 → Money (fen exact, decimals = the places the cell shows), or null when empty. */
  money(ws: Worksheet, r: number, c: number): Money | null {
    if (!onSheet(r, c)) return null;
    const cell = ws.getCell(r, c);
    const v = plain(cell.value);
    if (v === null || v === '') return null;
    let s: string;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) this.fail(ws, r, c, '金额（万元）', String(v));
      s = String(v);
      // Exponent form only appears below 1e-6 (finer than a fen) or at 1e21 and above.
      if (/e/i.test(s)) this.fail(ws, r, c, Math.abs(v) < 1 ? '金额（万元，至多 6 位小数）' : '金额（万元）', s);
    } else if (typeof v === 'string') {
      s = v.trim().replace(/^−/, '-');
    } else {
      this.fail(ws, r, c, '金额（万元）', cellText(cell));
    }
    let fen: number;
    try {
      fen = parseAmount(s, '万元');
    } catch (e) {
      if (e instanceof MoneyParseError && /小数/.test(e.message)) this.fail(ws, r, c, '金额（万元，至多 6 位小数）', s);
      this.fail(ws, r, c, '金额（万元）', s);
    }
    const note = noteText(cell.note);
    const noted = new RegExp(`${TEMPLATE_MARKS.printedPlaces.replace(/[:：]$/, '')}[:：]\\s*(\\d)`).exec(note);
    const shown = noted ? Number(noted[1]) : formatPlaces(cell.numFmt);
    // `decimals` is what the cell shows (the printed places, possibly of a figure printed in 元), not
    // the digits the value needs: 6000 元 shown as 0.6 万元 keeps decimals 0 of its 元 print.
    const decimals = shown ?? (typeof v === 'string' ? decimalsOf(s) : undefined);
    const inferred = note.includes(TEMPLATE_MARKS.inferred) ? { inferred: true as const } : {};
    return decimals === undefined ? { fen, src: this.src(ws, r, c), ...inferred } : { fen, decimals, src: this.src(ws, r, c), ...inferred };
  }

  note(severity: ImportNote['severity'], message: string, src: Src): void {
    this.notes.push({ severity, message, src });
  }

  /**
   * Degrade, never refuse: runs `read` (a cell, a row, a sheet); a bad cell in it becomes an error
   * note of category structure (`code`, "<what>未能读取（表7!K12：应为……，实为 "…"）") located at
   * the cell, and `fallback` stands in for what was not read. Other errors propagate.
   */
  degrade<T>(code: string, what: string, ws: Worksheet, r: number, read: () => T, fallback: T, row: string | null = null): T {
    try {
      return read();
    } catch (e) {
      if (!(e instanceof XlsxCellError)) throw e;
      const line = typeof e.where.line === 'number' ? e.where.line : r;
      this.notes.push({ severity: 'error', code, table: null, row, message: `${what}未能读取（${e.place}：${e.message}）`, src: { line, page: null, raw: e.place } });
      return fallback;
    }
  }
}

/** Unwraps formulas (their cached result), rich text and hyperlinks to a plain value. */
function plain(v: CellValue): string | number | boolean | Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return plain((v as { result?: CellValue }).result ?? null);
    if ('text' in v && typeof (v as { text: unknown }).text === 'string') return (v as { text: string }).text;
    if ('error' in v) return String((v as { error: string }).error);
  }
  return null;
}

function noteText(n: Cell['note']): string {
  if (!n) return '';
  if (typeof n === 'string') return n;
  return (n.texts ?? []).map((t) => t.text).join('');
}

function cellText(c: Cell): string {
  try {
    return c.text;
  } catch {
    return String(plain(c.value) ?? '');
  }
}

/** Decimal places a number format shows ("#,##0.00" → 2), or null for General/text formats. */
function formatPlaces(fmt: string | undefined): number | null {
  if (!fmt || fmt === 'General' || fmt === '@') return null;
  const first = fmt.split(';')[0] ?? '';
  const m = /0\.(0+)/.exec(first);
  if (m) return m[1]!.length;
  return /0/.test(first) ? 0 : null;
}

function isBlankRow(ws: Worksheet, r: number, cols: number): boolean {
  for (let c = 1; c <= cols; c++) {
    const v = plain(ws.getCell(r, c).value);
    if (v !== null && v !== '') return false;
  }
  return true;
}

/** Label → rows of a two-column key/value block (column A label, column B value). */
function keyValues(ws: Worksheet, rd: Reader, until: number): Map<string, number[]> {
  const m = new Map<string, number[]>();
  for (let r = 1; r <= until; r++) {
    const t = rd.text(ws, r, 1);
    if (t === null) continue;
    // Labels are looked up as typed by a person may type them ("表号：", "金额 单位").
    for (const k of new Set([t, labelKey(t)])) m.set(k, [...(m.get(k) ?? []), r]);
  }
  return m;
}

interface Section {
  head: string[];
  rows: number[];
}

/** The 【marker】 sections of a sheet: column names (row after the marker) and the data rows up to a blank row. */
function sections(ws: Worksheet, rd: Reader): { firstMarker: number; byName: Map<string, Section> } {
  const byName = new Map<string, Section>();
  let firstMarker = ws.rowCount + 1;
  const width = Math.max(ws.columnCount, 1);
  for (let r = 1; r <= ws.rowCount; r++) {
    const t = rd.text(ws, r, 1);
    const m = t ? /^【(.+)】$/.exec(t) : null;
    if (!m) continue;
    firstMarker = Math.min(firstMarker, r);
    const head: string[] = [];
    for (let c = 1; c <= width; c++) head.push(rd.text(ws, r + 1, c) ?? '');
    const rows: number[] = [];
    for (let x = r + 2; x <= ws.rowCount && !isBlankRow(ws, x, width); x++) {
      const t2 = rd.text(ws, x, 1);
      if (t2 && /^【.+】$/.test(t2)) break;
      rows.push(x);
    }
    byName.set(m[1]!, { head, rows });
  }
  return { firstMarker, byName };
}

function col(sec: Section, name: string): number {
  const i = sec.head.indexOf(name);
  return i < 0 ? -1 : i + 1;
}

function readCover(ws: Worksheet, rd: Reader) {
  const kv = keyValues(ws, rd, ws.rowCount);
  const at = (k: string) => kv.get(k)?.[0];
  const nameRow = at('单位名称');
  const name = nameRow ? rd.text(ws, nameRow, 2) : null;
  if (!name) rd.fail(ws, nameRow ?? 1, 2, '“封面”上的单位名称', '');
  const yearRow = at('年度');
  const year = yearRow ? rd.int(ws, yearRow, 2, '年度') : null;
  if (year === null || year < 1990 || year > 2100) rd.fail(ws, yearRow ?? 1, 2, '预算年度（1990–2100）', year === null ? '' : String(year));
  const kindRow = at('文档类型');
  const kind = kindRow ? rd.enumOf(ws, kindRow, 2, DocumentKind.options, '文档类型') : null;
  const unitRow = at('金额单位');
  const displayUnit = unitRow ? rd.enumOf(ws, unitRow, 2, DisplayUnitSchema.options, '金额单位') : null;
  const titleRow = at('标题');
  const depRow = at('主管部门');
  const subs: Text[] = [];
  for (const r of kv.get('基层单位') ?? []) {
    const t = rd.textOf(ws, r, 2);
    if (t) subs.push(t);
  }
  return {
    name,
    year,
    kind: kind ?? '部门预算',
    displayUnit: displayUnit ?? '万元',
    title: titleRow ? rd.textOf(ws, titleRow, 2) : undefined,
    competentDepartment: depRow ? rd.textOf(ws, depRow, 2) : undefined,
    subordinateUnits: subs,
  };
}

function readNarrative(ws: Worksheet | undefined, rd: Reader): Narrative {
  const n: Narrative = { parts: [], duties: [], projects: [], glossary: [], facts: [] };
  if (!ws) return n;
  const head: string[] = [];
  for (let c = 1; c <= 9; c++) head.push(rd.text(ws, 1, c) ?? '');
  const C = (h: string) => head.indexOf(h) + 1;
  const [cType, cNo, cTitle, cKey, cText, cMoney, cCount, cPct, cUnit] = ['类型', '编号', '标题/名称', '键', '文本', '金额(万元)', '数量', '百分比', '单位'].map(C) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (cType === 0) rd.fail(ws, 1, 1, '“叙述”上的“类型”列', head.join(','));
  let part: NarrativePart | null = null;
  let sectionNo: NarrativePart['sections'][number] | null = null;
  for (let r = 2; r <= ws.rowCount; r++) {
    const src = rd.src(ws, r);
    const text = () => rd.text(ws, r, cText) ?? '';
    const title = () => rd.text(ws, r, cTitle) ?? '';
    const money = () => rd.money(ws, r, cMoney);
    const count = () => rd.int(ws, r, cCount, '数目');
    // One row that cannot be read is left out and named; the rest of the narrative is read.
    const readRow = (): void => {
      const type = rd.text(ws, r, cType);
      if (type === null) return;
      switch (type) {
        case '部分': {
          const no = rd.int(ws, r, cNo, '部分序号');
          part = { no: no ?? n.parts.length + 1, title: title(), sections: [], src };
          sectionNo = null;
          n.parts.push(part);
          break;
        }
        case '节':
          if (!part) rd.fail(ws, r, cType, '本“节”之前的“部分”行', type);
          sectionNo = { no: rd.text(ws, r, cNo) ?? '', title: title(), paragraphs: [], src };
          part.sections.push(sectionNo);
          break;
        case '段落':
          if (!sectionNo) rd.fail(ws, r, cType, '本“段落”之前的“节”行', type);
          sectionNo.paragraphs.push({ text: text(), src });
          break;
        case '职能':
          n.duties.push({ text: text(), src });
          break;
        case '工作目标':
          n.goals = { text: text(), src };
          break;
        case '变动原因':
          n.changeReason = { text: text(), src };
          break;
        case '项目': {
          const amount = money();
          if (!amount) rd.fail(ws, r, cMoney, '项目金额（万元）', '');
          n.projects.push({ no: rd.int(ws, r, cNo, '项目序号') ?? n.projects.length + 1, name: title(), amount, description: text(), items: [], src });
          break;
        }
        case '项目明细': {
          const p = n.projects[n.projects.length - 1];
          if (!p) rd.fail(ws, r, cType, '本“项目明细”之前的“项目”行', type);
          const m = money();
          const k = count();
          const u = rd.text(ws, r, cUnit);
          p.items.push({ label: title(), ...(m ? { money: m } : {}), ...(k !== null ? { count: k } : {}), ...(u !== null ? { unit: u } : {}) });
          break;
        }
        case '名词解释':
          n.glossary.push({ term: title(), definition: text(), src });
          break;
        case '事实': {
          const key = rd.text(ws, r, cKey);
          if (!key) rd.fail(ws, r, cKey, '事实键（见 docs/narrative-facts.md）', '');
          const m = money();
          const k = count();
          const pct = rd.text(ws, r, cPct);
          const t = rd.text(ws, r, cText);
          n.facts.push({ key, label: title(), ...(m ? { money: m } : {}), ...(k !== null ? { count: k } : {}), ...(pct !== null ? { percent: pct } : {}), ...(t !== null ? { text: t } : {}), src });
          break;
        }
        default:
          rd.fail(ws, r, cType, '类型 部分/节/段落/职能/工作目标/变动原因/项目/项目明细/名词解释/事实 之一', type);
      }
    };
    rd.degrade('row-unreadable', `工作表“叙述”第 ${r} 行`, ws, r, readRow, undefined);
  }
  return n;
}

const CODE_NAMES: Record<string, string> = { function: '支出功能分类', econ: '部门预算支出经济分类', procurement: '政府采购品目' };

function readTable(ws: Worksheet, rd: Reader, index: number, docYear: number | null): Table {
  let keyRow = 0;
  for (let r = 1; r <= Math.min(ws.rowCount, 24); r++) if (labelKey(rd.text(ws, r, 1) ?? '') === '列键') keyRow = r;
  if (keyRow === 0) rd.fail(ws, 1, 1, '表格工作表的“列键”行', ws.name);
  // The table's fields: label in A, value in B, above the 列键 row (below the printed title and unit).
  const kv = keyValues(ws, rd, keyRow - 1);
  const at = (k: string) => kv.get(labelKey(k))?.[0];
  const noRow = at('表号');
  const no = noRow ? rd.int(ws, noRow, 2, '表号') : null;
  const roleRow = at('表格角色');
  const role = roleRow ? rd.enumOf(ws, roleRow, 2, TableRole.options, '表格角色') : null;
  const titleRow = at('表格标题');
  const title = titleRow ? rd.textOf(ws, titleRow, 2) : undefined;
  const unitRow = at('编制单位');
  const unitName = unitRow ? rd.textOf(ws, unitRow, 2) : undefined;
  const duRow = at('金额单位');
  const displayUnit = duRow ? rd.enumOf(ws, duRow, 2, DisplayUnitSchema.options, '金额单位') : null;
  const sidesRow = at('收支两侧');
  const sidesText = sidesRow ? rd.text(ws, sidesRow, 2) : null;
  const noteRow = at('表注');
  const note = noteRow ? rd.textOf(ws, noteRow, 2) : undefined;

  const top = keyRow + 3;
  const anchor = ws.getCell(top, 1).address;
  let depth = 1;
  while (ws.getCell(top + depth, 1).master.address === anchor && top + depth <= ws.rowCount) depth++;
  // The row fields by their headings (as typed: "名 称" is 名称); the code in 类 / 款 / 项, or in one 代码 column (earlier templates).
  const fieldCol = new Map<string, number>();
  let lastField = 0;
  for (let c = 1; c <= Math.max(ws.columnCount, 1); c++) {
    const h = labelKey(rd.text(ws, top, c) ?? '');
    if ((TEMPLATE_ROW_FIELDS as readonly string[]).includes(h) || h === '代码') {
      if (!fieldCol.has(h)) fieldCol.set(h, c);
      lastField = c;
    } else if (lastField > 0) break;
  }
  if (!fieldCol.has('标识') || !fieldCol.has('名称')) rd.fail(ws, top, 1, '表头的行字段（标识、收支侧、行类型 … 名称、预算单位）', rd.text(ws, top, 1) ?? '');
  const firstDataCol = lastField + 1;
  const F = (name: string) => fieldCol.get(name) ?? 0;

  const columns: Column[] = [];
  for (let c = firstDataCol; ; c++) {
    const key0 = rd.text(ws, keyRow, c);
    const header: string[] = [];
    for (let lvl = 0; lvl < depth; lvl++) {
      const cell = ws.getCell(top + lvl, c);
      // A leaf label merged down over the rows below it is read once, at its own row.
      if (Number(cell.master.row) !== top + lvl) continue;
      const t = plain(cell.master.value);
      if (t !== null && String(t).trim() !== '') header.push(String(t).trim());
    }
    if (key0 === null && header.length === 0) break;
    // A column a person added by its heading alone takes the key the genre's vocabulary gives that heading.
    const key = key0 ?? columnKeyOf(header.map(labelKey), docYear);
    if (key === null) rd.fail(ws, keyRow, c, `列键，或列 ${header.join('/')} 的表头为已知的栏目名称`, header.join('/'));
    if (header.length === 0) rd.fail(ws, top, c, `列 ${key} 的表头`, '');
    const kind = rd.enumOf(ws, keyRow + 1, c, ['amount', 'text', 'code', 'count', 'year'] as const, '列类型') ?? 'amount';
    const sum = rd.text(ws, keyRow + 2, c);
    columns.push({ key, header, kind, ...(sum !== null ? { sumOf: sum.split(',').map((x) => x.trim()) } : {}) });
  }

  const width = firstDataCol + columns.length - 1;
  const rows: Row[] = [];
  const tag = no !== null ? `t${no}` : `t_${index + 1}`;
  for (let r = top + depth; r <= ws.rowCount; r++) {
    if (isBlankRow(ws, r, width)) continue;
    // A row with a bad field (收支侧, 行类型, 层级 …) is left out and named; the other rows are read.
    const row = rd.degrade('row-unreadable', `工作表“${ws.name}”第 ${r} 行`, ws, r, () => readTableRow(r), null, rd.text(ws, r, 1));
    if (row) rows.push(row);
  }
  /**
   * The code of a row from its 类 / 款 / 项 cells: the levels joined (a 款 or 项 Excel made a number,
   * 1 for "01", gets its zero back); `（无）` is no code; a blank 类 leaves the code absent.
   */
  function codeOf(r: number): string | null | undefined {
    const parts = CODE_LEVELS.map((l) => {
      const c = F(l.label);
      const v = c ? plain(ws.getCell(r, c).value) : null;
      if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v).padStart(l.digits, '0');
      const t = c ? rd.text(ws, r, c) : null;
      return t === null ? null : t.replace(/\s+/g, '');
    });
    const [first, ...rest] = parts;
    if (first === null || first === undefined) return undefined;
    if (first === NULL_MARK) return null;
    return first + rest.filter((x) => x !== null).join('');
  }
  function readTableRow(r: number): Row {
    const opt = (c: number): string | null | undefined => {
      const t = rd.text(ws, r, c);
      return t === null ? undefined : t === NULL_MARK ? null : t;
    };
    const word = <T>(c: number, of: Map<string, T>, what: string): T | null => {
      const t = rd.text(ws, r, c);
      if (t === null) return null;
      const v = of.get(labelKey(t)) ?? of.get(t.trim());
      if (v === undefined) rd.fail(ws, r, c, `${what}（${[...new Set([...of.keys()].filter((k) => /[^\x00-\x7f]/.test(k)))].join(' / ')}）`, t);
      return v;
    };
    const side = word(F('收支侧'), SIDE_OF, '收支侧');
    const kind = word(F('行类型'), ROW_KIND_OF, '行类型') ?? 'item';
    const level = rd.int(ws, r, F('层级'), '层级（0、1、2 …）') ?? 0;
    if (level < 0) rd.fail(ws, r, F('层级'), '层级（0、1、2 …）', String(level));
    const parent = opt(F('上级'));
    const code = fieldCol.has('代码') ? opt(F('代码')) : codeOf(r);
    const codeSystem = rd.enumOf(ws, r, F('代码体系'), CodeSystem.options, '代码体系');
    const codeResolved = rd.enumOf(ws, r, F('代码来源'), ['printed', 'by-name', 'by-position'] as const, '代码来源');
    const unit = rd.text(ws, r, F('预算单位'));
    const amounts: Row['amounts'] = {};
    const texts: NonNullable<Row['texts']> = {};
    columns.forEach((cdef, j) => {
      const c = firstDataCol + j;
      // The unknown mark: the import could not place a figure here; the key stays absent (unknown).
      if (cdef.kind === 'amount') {
        if (plain(ws.getCell(r, c).value) === TEMPLATE_MARKS.unknown) return;
        // A cell that is not an amount is unknown (the key stays absent) and a located error; the row is still read.
        const m = rd.degrade('amount-unreadable', `工作表“${ws.name}”第 ${r} 行的金额`, ws, r, () => rd.money(ws, r, c), undefined, rd.text(ws, r, 1));
        if (m !== undefined) amounts[cdef.key] = m;
      } else {
        const t = rd.textOf(ws, r, c);
        if (t) texts[cdef.key] = t;
      }
    });
    const codeCol = F('代码') || F(CODE_LEVELS[0].label);
    if (code && (codeSystem === 'function' || codeSystem === 'econ' || codeSystem === 'procurement') && codes.namesOf(codeSystem, code).length === 0) {
      rd.note('warning', `${rd.place(ws, r, codeCol)}: 代码 ${code} 不在${CODE_NAMES[codeSystem]}代码表中`, rd.src(ws, r, codeCol));
    }
    return {
      id: rd.text(ws, r, F('标识')) ?? `${tag}-r${r}`,
      ...(side ? { side } : {}),
      kind,
      label: rd.text(ws, r, F('名称')) ?? '',
      ...(code !== undefined ? { code } : {}),
      ...(codeSystem ? { codeSystem } : {}),
      ...(codeResolved ? { codeResolved } : {}),
      level,
      ...(parent !== undefined ? { parent } : {}),
      ...(unit !== null ? { unit } : {}),
      amounts,
      ...(Object.keys(texts).length ? { texts } : {}),
      src: rd.src(ws, r),
    };
  }
  let sides: Table['sides'];
  if (sidesText) {
    const [rev, exp] = sidesText.split('|');
    if (!rev || !exp) rd.fail(ws, sidesRow!, 2, '收支两侧，形如 收入列键|支出列键', sidesText);
    sides = { revenue: rev, expenditure: exp };
  }
  return {
    no,
    role: role ?? 'other',
    title: title ?? { text: ws.name, src: rd.src(ws, 1) },
    ...(unitName ? { unitName } : {}),
    displayUnit: displayUnit ?? '万元',
    columns,
    rows,
    ...(sides ? { sides } : {}),
    ...(note ? { note } : {}),
    src: { line: 1, endLine: Math.max(1, ws.rowCount), page: null, raw: ws.name },
  };
}

function readIndicators(ws: Worksheet, rd: Reader, sec: Section | undefined): Indicator[] {
  if (!sec) return [];
  const c = (h: string) => col(sec, h);
  const [c1, c2, c3, cRaw, cCmp, cVal, cUnit, cQual, cNa] = ['一级指标', '二级指标', '三级指标', '指标原文', '比较符', '指标值', '计量单位', '定性', '不适用'].map(c);
  return sec.rows.map((r) => {
    const t = (x: number | undefined) => (x && x > 0 ? rd.text(ws, r, x) : null);
    const yes = (x: number | undefined) => (x && x > 0 ? rd.enumOf(ws, r, x, ['是', '否'] as const, '是 / 否') === '是' : false);
    const comparator = cCmp && cCmp > 0 ? rd.enumOf(ws, r, cCmp, Comparator.options, '比较符') : null;
    return {
      level1: t(c1) ?? '',
      level2: t(c2) ?? '',
      name: t(c3) ?? '',
      raw: t(cRaw) ?? '',
      comparator,
      value: t(cVal),
      unit: t(cUnit),
      qualitative: yes(cQual),
      notApplicable: yes(cNa),
      src: rd.src(ws, r),
    };
  });
}

function readForm(ws: Worksheet, rd: Reader, index: number, docYear: number): ProjectForm {
  const { firstMarker, byName } = sections(ws, rd);
  const kv = keyValues(ws, rd, firstMarker - 1);
  const at = (k: string) => kv.get(k)?.[0];
  const text = (k: string) => {
    const r = at(k);
    return r ? rd.text(ws, r, 2) : null;
  };
  const textOf = (k: string) => {
    const r = at(k);
    return r ? rd.textOf(ws, r, 2) : undefined;
  };
  const money = (k: string) => {
    const r = at(k);
    return r ? rd.money(ws, r, 2) : null;
  };
  const yearRow = at('年度');
  const start = text('执行期限起');
  const end = text('执行期限止');
  const periodRow = at('执行期限起') ?? at('执行期限止') ?? 1;
  const opt = <K extends string, V>(k: K, v: V | undefined) => (v === undefined ? {} : ({ [k]: v } as Record<K, V>));

  const cost = byName.get('测算明细');
  const costLines: CostLine[] = [];
  if (cost) {
    const c = (h: string) => col(cost, h);
    for (const r of cost.rows) {
      const noText = c('序号') > 0 ? rd.text(ws, r, c('序号')) : null;
      const no = noText === null || noText === NULL_MARK ? null : rd.int(ws, r, c('序号'), 'a line number');
      const quantity = c('数量') > 0 ? rd.text(ws, r, c('数量')) : null;
      const quantityUnit = c('数量单位') > 0 ? rd.text(ws, r, c('数量单位')) : null;
      const unitPrice = c('单价(万元)') > 0 ? rd.money(ws, r, c('单价(万元)')) : null;
      const others: NonNullable<CostLine['otherAmounts']> = [];
      for (let k = 1; c(`其他金额类型${k}`) > 0; k++) {
        const role = rd.enumOf(ws, r, c(`其他金额类型${k}`), ['stated', 'result', 'unitPrice'] as const, '其他金额类型');
        if (!role) continue;
        const m = rd.money(ws, r, c(`其他金额${k}(万元)`));
        if (!m) rd.fail(ws, r, c(`其他金额${k}(万元)`), '金额（万元）', '');
        others.push({ role, money: m });
      }
      costLines.push({
        no,
        text: (c('明细原文') > 0 ? rd.text(ws, r, c('明细原文')) : null) ?? '',
        label: (c('名称') > 0 ? rd.text(ws, r, c('名称')) : null) ?? '',
        amount: c('金额(万元)') > 0 ? rd.money(ws, r, c('金额(万元)')) : null,
        ...(quantity !== null ? { quantity } : {}),
        ...(quantityUnit !== null ? { quantityUnit } : {}),
        ...(unitPrice !== null ? { unitPrice } : {}),
        ...(others.length ? { otherAmounts: others } : {}),
        src: rd.src(ws, r),
      });
    }
  }
  const plan = byName.get('资金支出进度');
  const disbursement = (plan?.rows ?? []).map((r) => {
    const q = rd.int(ws, r, 1, '季度 1–4');
    if (q === null || q < 1 || q > 4) rd.fail(ws, r, 1, '季度 1–4', q === null ? '' : String(q));
    const m = rd.money(ws, r, 2);
    if (!m) rd.fail(ws, r, 2, '金额（万元）', '');
    return { quarter: q, amount: m, src: rd.src(ws, r) };
  });
  const overview = (byName.get('项目概况')?.rows ?? []).map((r) => ({ label: rd.text(ws, r, 1) ?? '', text: rd.text(ws, r, 2) ?? '', src: rd.src(ws, r) }));
  return {
    id: text('项目标识') ?? `form-${index + 1}`,
    name: text('项目名称') ?? '',
    year: (yearRow ? rd.int(ws, yearRow, 2, '年度') : null) ?? docYear,
    parentProject: text('所属项目'),
    ...opt('attribute', textOf('项目属性')),
    ...(start !== null || end !== null ? { period: { start: start ?? '', end: end ?? '', src: rd.src(ws, periodRow) } } : {}),
    ...opt('competentDepartment', textOf('主管部门')),
    ...opt('projectType', textOf('项目类型')),
    amounts: {
      total: money('项目总额'),
      currentYear: money('本年预算'),
      fiscal: money('财政资金'),
      other: money('其他资金'),
      transfer: money('上级转移支付'),
      purchasedServices: money('政府购买服务资金'),
    },
    overview,
    ...opt('use', textOf('资金用途')),
    ...opt('midTermGoal', textOf('中期目标')),
    ...opt('annualGoal', textOf('年度目标')),
    costLines,
    disbursement,
    indicators: readIndicators(ws, rd, byName.get('绩效指标')),
    src: { line: 1, endLine: Math.max(1, ws.rowCount), page: null, raw: ws.name },
  };
}

function readTargets(ws: Worksheet | undefined, rd: Reader, docYear: number): DepartmentTargets | null {
  if (!ws) return null;
  const { firstMarker, byName } = sections(ws, rd);
  const kv = keyValues(ws, rd, firstMarker - 1);
  const at = (k: string) => kv.get(k)?.[0];
  const unitName = at('单位名称') ? rd.textOf(ws, at('单位名称')!, 2) : undefined;
  const goal = at('总体目标') ? rd.textOf(ws, at('总体目标')!, 2) : undefined;
  const tasks = (byName.get('任务')?.rows ?? []).map((r) => ({
    name: rd.text(ws, r, 1) ?? '',
    content: rd.text(ws, r, 2) ?? '',
    total: rd.money(ws, r, 3),
    fiscal: rd.money(ws, r, 4),
    other: rd.money(ws, r, 5),
    src: rd.src(ws, r),
  }));
  const indicators = readIndicators(ws, rd, byName.get('绩效指标'));
  if (!unitName && !goal && tasks.length === 0 && indicators.length === 0) return null;
  const totalRow = byName.get('金额合计')?.rows[0];
  const dep = at('主管部门') ? rd.textOf(ws, at('主管部门')!, 2) : undefined;
  return {
    year: (at('年度') ? rd.int(ws, at('年度')!, 2, '年度') : null) ?? docYear,
    unitName: unitName ?? { text: '', src: rd.src(ws, at('单位名称') ?? 2) },
    ...(dep ? { competentDepartment: dep } : {}),
    overallGoal: goal ?? { text: '', src: rd.src(ws, at('总体目标') ?? 4) },
    tasks,
    ...(totalRow !== undefined ? { total: { total: rd.money(ws, totalRow, 1), fiscal: rd.money(ws, totalRow, 2), other: rd.money(ws, totalRow, 3), src: rd.src(ws, totalRow) } } : {}),
    indicators,
    src: { line: 1, endLine: Math.max(1, ws.rowCount), page: null, raw: ws.name },
  };
}

function readFinalAccounts(ws: Worksheet | undefined, rd: Reader): BudgetDocument['finalAccounts'] {
  if (!ws) return undefined;
  const comparisons: NonNullable<BudgetDocument['finalAccounts']>['comparisons'] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    if (isBlankRow(ws, r, 6)) continue;
    comparisons.push({
      subject: rd.text(ws, r, 1) ?? '',
      budget: rd.money(ws, r, 2),
      actual: rd.money(ws, r, 3),
      direction: rd.enumOf(ws, r, 4, ['大于', '小于', '等于', '持平'] as const, '比较'),
      percent: rd.text(ws, r, 5),
      reason: rd.text(ws, r, 6),
      src: rd.src(ws, r),
    });
  }
  return { comparisons };
}

function readNotes(ws: Worksheet | undefined, rd: Reader): ImportNote[] {
  if (!ws) return [];
  const out: ImportNote[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const message = rd.text(ws, r, 2);
    if (message === null) continue;
    out.push({ severity: rd.enumOf(ws, r, 1, ['info', 'warning'] as const, '级别') ?? 'info', message, src: rd.src(ws, r) });
  }
  return out;
}

/**
 * Imports a fiscus XLSX template. Throws FiscusError INPUT_UNREADABLE when the bytes are not a
 * workbook, INPUT_INVALID (as XlsxCellError, naming `工作表!单元格`) for a bad cell.
 */
export async function importXlsx(bytes: Uint8Array, file: string): Promise<BudgetDocument> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    throw new FiscusError('INPUT_UNREADABLE', `应为 XLSX 工作簿，实为损坏的或其他的 ZIP 文件（${(e as Error).message}）`, { file, line: null });
  }
  const coverWs = wb.getWorksheet('封面');
  if (!coverWs) {
    const names = wb.worksheets.map((w) => w.name).join('、');
    throw new FiscusError('INPUT_INVALID', `应为 fiscus 模板（有“封面”工作表；用 \`fiscus template\` 生成），实为工作表 ${names || '（无）'}`, { file, line: null });
  }
  const rd = new Reader(file);
  // The cover names the unit and the year: without them nothing else can be placed.
  const cover = readCover(coverWs, rd);
  // Everything else degrades: a sheet with a bad cell is left out and named, the rest is read and checked.
  const narrativeWs = wb.getWorksheet('叙述');
  const narrative = narrativeWs ? rd.degrade('narrative-unreadable', '工作表“叙述”', narrativeWs, 1, () => readNarrative(narrativeWs, rd), readNarrative(undefined, rd)) : readNarrative(undefined, rd);
  const tables: Table[] = [];
  const forms: ProjectForm[] = [];
  for (const ws of wb.worksheets) {
    if (/^表/.test(ws.name)) {
      const t = rd.degrade('table-unreadable', `工作表“${ws.name}”`, ws, 1, () => readTable(ws, rd, tables.length, cover.year), null);
      if (t) tables.push(t);
    } else if (/^项目\d+/.test(ws.name)) {
      const f = rd.degrade('form-unreadable', `项目申报表“${ws.name}”`, ws, 1, () => readForm(ws, rd, forms.length, cover.year), null);
      if (f) forms.push(f);
    }
  }
  const targetsWs = wb.getWorksheet('整体绩效目标');
  const departmentTargets = targetsWs ? rd.degrade('targets-unreadable', '工作表“整体绩效目标”', targetsWs, 1, () => readTargets(targetsWs, rd, cover.year), null) : null;
  const accountsWs = wb.getWorksheet('决算说明');
  const finalAccounts = accountsWs ? rd.degrade('narrative-unreadable', '工作表“决算说明”', accountsWs, 1, () => readFinalAccounts(accountsWs, rd), undefined) : undefined;
  const importNotes = [...readNotes(wb.getWorksheet('导入备注'), rd), ...rd.notes];
  const doc: BudgetDocument = {
    schema: 'fiscus/budget-document@1',
    kind: cover.kind,
    profile: 'fiscus-xlsx',
    year: cover.year,
    unit: {
      name: cover.name,
      subordinateUnits: cover.subordinateUnits,
      ...(cover.competentDepartment ? { competentDepartment: cover.competentDepartment } : {}),
    },
    ...(cover.title ? { title: cover.title } : {}),
    displayUnit: cover.displayUnit,
    source: { file, sha256: createHash('sha256').update(bytes).digest('hex'), format: 'xlsx', lines: null, pages: null },
    narrative,
    tables,
    projectForms: forms,
    departmentTargets,
    ...(finalAccounts ? { finalAccounts } : {}),
    importNotes,
  };
  const checked = BudgetDocument.safeParse(doc);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new FiscusError('INPUT_INVALID', `应为有效的预算文档：${issue.path.join('.')}：${issue.message}`, { file, line: null, field: issue.path.join('.') });
  }
  return doc;
}
