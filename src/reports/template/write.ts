/**
 * The XLSX authoring template (fiscus-xlsx): a workbook a budget unit fills in by hand, and the
 * exact image of a BudgetDocument when written from one. Its layout is the contract with the reader
 * in src/importers/xlsx (see docs/xlsx-template.md); the round-trip test keeps the two in step.
 *
 * Amounts are numbers in 万元 (fen / 1,000,000, exact in a double up to 9 billion 万元) and the cell's
 * number format carries the printed places (`decimals`): `#,##0.00`, `#,##0.0000`, `#,##0`.
 */
import type * as ExcelJS from 'exceljs';
import { exceljs } from '../xlsx/exceljs.js';
import type { Borders, Cell, Worksheet } from 'exceljs';
import type {
  BudgetDocument,
  Column,
  DepartmentTargets,
  Indicator,
  Money,
  ProjectForm,
  Table,
  TableRole,
} from '../../domain/model.js';
import { toDecimalString } from '../../domain/money.js';
import { amountUnitLabel, CODE_LEVELS, LABEL_HEADERS, ROW_KIND_LABELS, TEMPLATE_MARKS, TEMPLATE_ROW_FIELDS } from '../../domain/catalogue/index.js';
import { codes, type ClassificationSystem } from '../../domain/classification/index.js';

/** A table the empty template lays out (the Shenzhen standard tables 1–13). */
export interface StandardTable {
  no: number;
  role: TableRole;
  title: string;
  columns: Column[];
}

export interface TemplateInput {
  /** The document to fill the template from; null for an empty template. */
  doc: BudgetDocument | null;
  /** Tables of the empty template (ignored when `doc` is given). */
  standardTables: readonly StandardTable[];
  /** Budget year for the code lists of an empty template. */
  year?: number;
}

/**
 * The row fields of a table sheet, before its amount columns: the code printed as the published
 * tables print it, one column per level (类 / 款 / 项, the catalogue's CODE_LEVELS).
 */
export const TABLE_FIXED = TEMPLATE_ROW_FIELDS;
/** Column of the first data column of a table sheet (after the row fields). */
export const TABLE_FIRST_DATA_COL = TABLE_FIXED.length + 1;
/** Rows of a table sheet's printed head: its title, then 编制单位 and 单位：万元. */
const TITLE_ROWS = 2;
/** Sheet row of the 列键 row (after the head and the seven table fields); 列类型 and 合计关系 follow, header rows start below. */
export const TABLE_KEY_ROW = TITLE_ROWS + 8;
const FIXED_COL = (name: (typeof TABLE_FIXED)[number]) => TABLE_FIXED.indexOf(name) + 1;

const SPARE_ROWS = 60;
const LISTS = {
  function: 'A',
  econ: 'C',
  procurement: 'E',
  rowKind: 'G',
  comparator: 'H',
  quarter: 'I',
  docKind: 'J',
  side: 'K',
  codeSystem: 'L',
  yesNo: 'M',
  displayUnit: 'N',
  codeResolved: 'O',
} as const;
type ListName = keyof typeof LISTS;

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const;
const META_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } as const;
const THIN: Partial<Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Number format showing `decimals` places ("General" when the source did not say). */
export function amountFormat(decimals: number | undefined): string {
  if (decimals === undefined) return 'General';
  return decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`;
}

/** Fen as a number of 万元 whose shortest decimal form is the exact amount. */
function wan(fen: number): number {
  return Number(toDecimalString(fen, '万元', 6));
}

/** Places the exact 万元 value of `fen` needs (0–6). */
function placesOf(fen: number): number {
  const frac = toDecimalString(fen, '万元', 6).split('.')[1] ?? '';
  return frac.replace(/0+$/, '').length;
}

export const PRINTED_PLACES_NOTE = TEMPLATE_MARKS.printedPlaces;

/**
 * Writes an amount. `unknown` (the import could not place a figure in this column) is written as its
 * mark, so that a round trip keeps it unknown rather than empty; an inferred column is said in a note.
 */
function putMoney(c: Cell, m: Money | null | undefined, unknown = false): void {
  if (unknown) {
    c.value = TEMPLATE_MARKS.unknown;
    return;
  }
  if (!m) {
    c.numFmt = amountFormat(2);
    return;
  }
  c.value = wan(m.fen);
  const need = placesOf(m.fen);
  const notes: string[] = [];
  if (m.decimals !== undefined && m.decimals < need) {
    // Printed in 元 (6000 元 = 0.6 万元): the cell must show the digits, the note keeps the printed places.
    c.numFmt = amountFormat(need);
    notes.push(`${PRINTED_PLACES_NOTE}${m.decimals}（原文以元为单位）`);
  } else c.numFmt = amountFormat(m.decimals);
  if (m.inferred) notes.push(TEMPLATE_MARKS.inferred);
  if (notes.length) c.note = notes.join('\n');
}

function putText(c: Cell, s: string | null | undefined): void {
  if (s !== null && s !== undefined) c.value = s;
}

class Lists {
  readonly counts = new Map<ListName, number>();
  formula(name: ListName): string {
    const col = LISTS[name];
    return `'代码表'!$${col}$2:$${col}$${1 + Math.max(1, this.counts.get(name) ?? 1)}`;
  }
}

function validate(c: Cell, lists: Lists, name: ListName, strict = true): void {
  c.dataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [lists.formula(name)],
    showErrorMessage: true,
    errorStyle: strict ? 'stop' : 'warning',
    errorTitle: '不在列表中',
    error: strict ? '请从下拉列表中选择。' : '该值不在代码表中，确定保留吗？',
  };
}

function allCodes(system: ClassificationSystem, year: number | null): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (parent: string | null) => {
    for (const e of codes.children(system, parent, year)) {
      out.push([e.code, e.name]);
      walk(e.code);
    }
  };
  walk(null);
  return out;
}

type ListColumn = [ListName, string, string[], string[]?];

function codeLists(year: number | null): { lists: Lists; columns: ListColumn[] } {
  const lists = new Lists();
  const columns: ListColumn[] = [];
  for (const [name, title] of [
    ['function', '支出功能分类'],
    ['econ', '部门预算支出经济分类'],
    ['procurement', '政府采购品目'],
  ] as const) {
    const cs = allCodes(name, year);
    columns.push([name, title, cs.map(([c]) => c), cs.map(([, n]) => n)]);
  }
  columns.push(['rowKind', '行类型', Object.values(ROW_KIND_LABELS)]);
  columns.push(['comparator', '比较符', ['≥', '≤', '=', '>', '<']]);
  columns.push(['quarter', '季度', ['1', '2', '3', '4']]);
  columns.push(['docKind', '文档类型', ['部门预算', '单位预算', '部门决算', '单位决算']]);
  columns.push(['side', '收支侧', [LABEL_HEADERS.revenue, LABEL_HEADERS.expenditure]]);
  columns.push(['codeSystem', '代码体系', ['function', 'econ', 'procurement', 'revenue', 'project']]);
  columns.push(['yesNo', '是否', ['是', '否']]);
  columns.push(['displayUnit', '金额单位', ['万元', '元']]);
  columns.push(['codeResolved', '代码来源', ['printed', 'by-name', 'by-position']]);
  for (const [name, , values] of columns) lists.counts.set(name, values.length);
  return { lists, columns };
}

function codeSheet(wb: ExcelJS.Workbook, columns: readonly ListColumn[]): void {
  const ws = wb.addWorksheet('代码表', { state: 'hidden' });
  for (const [name, title, values, names] of columns) {
    const col = ws.getColumn(LISTS[name]);
    ws.getCell(`${LISTS[name]}1`).value = title;
    values.forEach((v, i) => (ws.getCell(`${LISTS[name]}${i + 2}`).value = v));
    if (names) names.forEach((n, i) => (ws.getCell(i + 2, col.number + 1).value = n));
  }
}

function header(c: Cell): void {
  c.font = { bold: true };
  c.fill = HEADER_FILL;
  c.border = THIN;
  c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
}

function label(c: Cell): void {
  c.font = { bold: true };
  c.fill = META_FILL;
}

function readme(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('说明');
  ws.getColumn(1).width = 110;
  const lines = [
    'fiscus 预算编制模板（fiscus-xlsx）',
    '',
    '用法：按各工作表填写后，用 `fiscus import 本文件.xlsx` 或 `fiscus validate 本文件.xlsx` 导入并校验。',
    '工作表：封面（单位、年度、文档类型、金额单位、基层单位）；叙述（说明部分、节、段落及叙述中的数字“事实”）；',
    '表N（各预算公开表格，一个表一个工作表）；项目N（预算项目支出绩效目标申报表，一个项目一个工作表）；',
    '整体绩效目标（部门整体支出绩效目标申报表）；导入备注（原文导入时的提示）。代码表为隐藏的下拉列表来源。',
    '',
    '金额：一律以“万元”为单位填写数字（不带千分位文本、不带“万元”字样），最多 6 位小数；',
    '单元格的数字格式即公布的小数位数（#,##0.00 为两位，#,##0.0000 为四位），请保留。空单元格表示表中该格为空（不是 0）。',
    '表格工作表：第 1 行为表名，第 2 行为编制单位和金额单位（单位：万元）；其下为表格信息（表号、表格标题等，标签可带空格或冒号）；',
    '“列键”“列类型”“合计关系”三行供程序识别各列：新增一栏时可只填表头（如“其中：政府采购”），列键留空，按公开表格的栏目名称识别；其下为多行表头，再下为数据行。',
    '每个数据行：标识（本表唯一，如 t7-3）、收支侧（收入/支出）、行类型（明细/单位/分组/小计/结转/合计）、层级（0 起）、',
    '上级（上级行的标识）、类/款/项（功能或经济分类科目编码按公开表格分三栏填写，如 201、03、99；采购品目等其他编码整体填在“类”栏）、代码体系、代码来源、名称、预算单位。',
    '“（无）”表示该项明确为空（例如没有代码的行）。',
    '金额栏的“（未知）”表示原文该行印出的金额少于栏数、未能确定此栏是否有数（校验不以此格下结论）；批注“所在列为推断”表示该数所在的栏是推断的。',
    '项目工作表：以【项目概况】【测算明细】【资金支出进度】【绩效指标】等标记分段，每段第一行为列名，段内空行表示结束。',
    '导入后每个数值的出处记为“工作表!单元格”（行号即工作表行号，页码为空），校验结果中的行号指工作表中的行。',
  ];
  lines.forEach((l, i) => (ws.getCell(i + 1, 1).value = l));
  ws.getCell(1, 1).font = { bold: true, size: 14 };
}

const NULL_MARK = TEMPLATE_MARKS.none;

function cover(wb: ExcelJS.Workbook, doc: BudgetDocument | null, lists: Lists, year: number | null): void {
  const ws = wb.addWorksheet('封面');
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 60;
  const rows: Array<[string, string | number | null, ListName?]> = [
    ['模板', 'fiscus-xlsx@1'],
    ['单位名称', doc?.unit.name ?? null],
    ['年度', doc?.year ?? year],
    ['文档类型', doc?.kind ?? '部门预算', 'docKind'],
    ['金额单位', doc?.displayUnit ?? '万元', 'displayUnit'],
    ['标题', doc?.title?.text ?? null],
    ['主管部门', doc?.unit.competentDepartment?.text ?? null],
  ];
  const subs = doc?.unit.subordinateUnits ?? [];
  for (const s of subs) rows.push(['基层单位', s.text]);
  if (subs.length === 0) rows.push(['基层单位', null]);
  rows.forEach(([k, v, list], i) => {
    label(ws.getCell(i + 1, 1));
    ws.getCell(i + 1, 1).value = k;
    if (v !== null) ws.getCell(i + 1, 2).value = v;
    if (list) validate(ws.getCell(i + 1, 2), lists, list);
  });
}

const NARRATIVE_HEAD = ['类型', '编号', '标题/名称', '键', '文本', '金额(万元)', '数量', '百分比', '单位'];

function narrativeSheet(wb: ExcelJS.Workbook, doc: BudgetDocument | null): void {
  const ws = wb.addWorksheet('叙述');
  NARRATIVE_HEAD.forEach((h, i) => {
    ws.getCell(1, i + 1).value = h;
    header(ws.getCell(1, i + 1));
  });
  [10, 8, 30, 28, 90, 14, 8, 10, 8].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  if (!doc) return;
  const n = doc.narrative;
  let r = 2;
  const put = (type: string, v: { no?: string | number; title?: string; key?: string; text?: string; money?: Money; count?: number; percent?: string; unit?: string }) => {
    ws.getCell(r, 1).value = type;
    if (v.no !== undefined) ws.getCell(r, 2).value = String(v.no);
    putText(ws.getCell(r, 3), v.title);
    putText(ws.getCell(r, 4), v.key);
    putText(ws.getCell(r, 5), v.text);
    ws.getCell(r, 5).alignment = { wrapText: true, vertical: 'top' };
    if (v.money) putMoney(ws.getCell(r, 6), v.money);
    if (v.count !== undefined) ws.getCell(r, 7).value = v.count;
    putText(ws.getCell(r, 8), v.percent);
    putText(ws.getCell(r, 9), v.unit);
    r++;
  };
  for (const p of n.parts) {
    put('部分', { no: p.no, title: p.title });
    for (const s of p.sections) {
      put('节', { no: s.no, title: s.title });
      for (const g of s.paragraphs) put('段落', { text: g.text });
    }
  }
  for (const d of n.duties) put('职能', { text: d.text });
  if (n.goals) put('工作目标', { text: n.goals.text });
  if (n.changeReason) put('变动原因', { text: n.changeReason.text });
  for (const p of n.projects) {
    put('项目', { no: p.no, title: p.name, text: p.description, money: p.amount });
    for (const it of p.items) {
      put('项目明细', { title: it.label, ...(it.money ? { money: it.money } : {}), ...(it.count !== undefined ? { count: it.count } : {}), ...(it.unit !== undefined ? { unit: it.unit } : {}) });
    }
  }
  for (const g of n.glossary) put('名词解释', { title: g.term, text: g.definition });
  for (const f of n.facts) {
    put('事实', {
      key: f.key,
      title: f.label,
      ...(f.money ? { money: f.money } : {}),
      ...(f.count !== undefined ? { count: f.count } : {}),
      ...(f.percent !== undefined ? { percent: f.percent } : {}),
      ...(f.text !== undefined ? { text: f.text } : {}),
    });
  }
}

/** Writes the merged header rows of a table's columns starting at `top`; returns the depth. */
function headerRows(ws: Worksheet, columns: readonly Column[], top: number): number {
  const depth = Math.max(1, ...columns.map((c) => c.header.length));
  TABLE_FIXED.forEach((h, i) => {
    const c = ws.getCell(top, i + 1);
    c.value = h;
    header(c);
    if (depth > 1) ws.mergeCells(top, i + 1, top + depth - 1, i + 1);
  });
  columns.forEach((col, j) => {
    const x = TABLE_FIRST_DATA_COL + j;
    col.header.forEach((h, lvl) => {
      const c = ws.getCell(top + lvl, x);
      c.value = h;
      header(c);
    });
    const last = col.header.length - 1;
    for (let lvl = last + 1; lvl < depth; lvl++) header(ws.getCell(top + lvl, x));
    if (last < depth - 1) ws.mergeCells(top + last, x, top + depth - 1, x);
  });
  // Group labels shared by neighbouring columns (same path down to this level, not a leaf) merge across.
  for (let lvl = 0; lvl < depth; lvl++) {
    let j = 0;
    while (j < columns.length) {
      const a = columns[j]!;
      let k = j + 1;
      if (lvl < a.header.length - 1) {
        const prefix = a.header.slice(0, lvl + 1).join('\u0000');
        while (k < columns.length) {
          const b = columns[k]!;
          if (!(lvl < b.header.length - 1 && b.header.slice(0, lvl + 1).join('\u0000') === prefix)) break;
          k++;
        }
        if (k - j > 1) ws.mergeCells(top + lvl, TABLE_FIRST_DATA_COL + j, top + lvl, TABLE_FIRST_DATA_COL + k - 1);
      }
      j = k;
    }
  }
  return depth;
}

function tableSheet(wb: ExcelJS.Workbook, name: string, t: Table | StandardTable, lists: Lists): void {
  const ws = wb.addWorksheet(name);
  const full = 'rows' in t ? t : null;
  const full0 = 'rows' in t ? t : null;
  // The printed head: the title across the table, then 编制单位 on the left and the unit on the right.
  const width = TABLE_FIRST_DATA_COL + t.columns.length - 1;
  const titleText = full0 ? full0.title.text : (t as StandardTable).title;
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(1, 1).value = t.no !== null && !/^(表|预算|公开|部门|单位)/.test(titleText) ? `表${t.no} ${titleText}` : titleText;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getRow(1).height = 24;
  ws.getCell(2, 1).value = `编制单位：${full0?.unitName?.text ?? ''}`;
  ws.getCell(2, width).value = amountUnitLabel('万元');
  ws.getCell(2, width).alignment = { horizontal: 'right' };
  const meta: Array<[string, string | number | null, ListName?]> = [
    ['表号', t.no],
    ['表格角色', t.role],
    ['表格标题', full ? full.title.text : (t as StandardTable).title],
    ['编制单位', full?.unitName?.text ?? null],
    ['金额单位', full?.displayUnit ?? '万元', 'displayUnit'],
    ['收支两侧', full?.sides ? `${full.sides.revenue}|${full.sides.expenditure}` : null],
    ['表注', full?.note?.text ?? null],
  ];
  meta.forEach(([k, v, list], i) => {
    const r = TITLE_ROWS + i + 1;
    label(ws.getCell(r, 1));
    ws.getCell(r, 1).value = k;
    if (v !== null) ws.getCell(r, 2).value = v;
    if (list) validate(ws.getCell(r, 2), lists, list);
  });
  const machine: Array<[string, (c: Column) => string | null]> = [
    ['列键', (c) => c.key],
    ['列类型', (c) => c.kind],
    ['合计关系', (c) => (c.sumOf ? c.sumOf.join(',') : null)],
  ];
  machine.forEach(([k, f], i) => {
    const r = TABLE_KEY_ROW + i;
    ws.getCell(r, 1).value = k;
    ws.getCell(r, 1).font = { color: { argb: 'FF808080' } };
    t.columns.forEach((c, j) => {
      const v = f(c);
      const cell = ws.getCell(r, TABLE_FIRST_DATA_COL + j);
      if (v !== null) cell.value = v;
      cell.font = { color: { argb: 'FF808080' } };
    });
  });
  const top = TABLE_KEY_ROW + machine.length;
  const depth = headerRows(ws, t.columns, top);
  const first = top + depth;
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: first - 1 }];
  [10, 8, 8, 6, 10, 7, 5, 5, 10, 10, 36, 24].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  t.columns.forEach((c, j) => (ws.getColumn(TABLE_FIRST_DATA_COL + j).width = c.kind === 'amount' ? 14 : 22));
  const rows = full?.rows ?? [];
  const optional = (v: string | null | undefined): string | null => (v === undefined ? null : v === null ? NULL_MARK : v);
  rows.forEach((row, i) => {
    const r = first + i;
    const put = (col: number, v: string | number | null) => {
      if (v !== null) ws.getCell(r, col).value = v;
    };
    put(FIXED_COL('标识'), row.id);
    put(FIXED_COL('收支侧'), row.side ? LABEL_HEADERS[row.side] : null);
    put(FIXED_COL('行类型'), ROW_KIND_LABELS[row.kind]);
    put(FIXED_COL('层级'), row.level);
    put(FIXED_COL('上级'), optional(row.parent));
    codeLevels(row.code, row.codeSystem).forEach((part, k) => {
      const c = ws.getCell(r, FIXED_COL('类') + k);
      // Text, so that a 款 of "01" keeps its zero.
      c.numFmt = '@';
      if (part !== null) c.value = part;
    });
    put(FIXED_COL('代码体系'), row.codeSystem ?? null);
    put(FIXED_COL('代码来源'), row.codeResolved ?? null);
    put(FIXED_COL('名称'), row.label);
    put(FIXED_COL('预算单位'), row.unit ?? null);
    t.columns.forEach((c, j) => {
      const cell = ws.getCell(r, TABLE_FIRST_DATA_COL + j);
      if (c.kind === 'amount') putMoney(cell, row.amounts[c.key], !(c.key in row.amounts));
      else putText(cell, row.texts?.[c.key]?.text);
    });
  });
  for (let r = first; r < first + rows.length + SPARE_ROWS; r++) {
    validate(ws.getCell(r, FIXED_COL('收支侧')), lists, 'side');
    validate(ws.getCell(r, FIXED_COL('行类型')), lists, 'rowKind');
    validate(ws.getCell(r, FIXED_COL('代码体系')), lists, 'codeSystem');
    validate(ws.getCell(r, FIXED_COL('代码来源')), lists, 'codeResolved');
    for (let k = 0; k < CODE_LEVELS.length; k++) ws.getCell(r, FIXED_COL('类') + k).numFmt = '@';
    if (r >= first + rows.length) {
      t.columns.forEach((c, j) => {
        if (c.kind === 'amount') ws.getCell(r, TABLE_FIRST_DATA_COL + j).numFmt = amountFormat(2);
      });
    }
  }
}

/**
 * A row's code in the 类 / 款 / 项 columns: a function or economic code split at its levels (3, 2, 2
 * digits), anything else (a procurement item, a revenue key, `（无）`) whole in the 类 column.
 */
export function codeLevels(code: string | null | undefined, system: string | undefined): Array<string | null> {
  const none = CODE_LEVELS.map(() => null as string | null);
  if (code === undefined) return none;
  if (code === null) return [NULL_MARK, ...none.slice(1)];
  let at = 0;
  const split = CODE_LEVELS.map((l) => {
    const part = code.slice(at, at + l.digits);
    at += l.digits;
    return part === '' ? null : part;
  });
  const classified = (system === 'function' || system === 'econ') && /^\d+$/.test(code) && CODE_LEVELS.some((_, k) => CODE_LEVELS.slice(0, k + 1).reduce((n, l) => n + l.digits, 0) === code.length);
  return classified ? split : [code, ...none.slice(1)];
}

const INDICATOR_HEAD = ['一级指标', '二级指标', '三级指标', '指标原文', '比较符', '指标值', '计量单位', '定性', '不适用'];

/** Writes a 【marker】 section: the marker row, the column names, then rows; returns the next free row. */
function section(ws: Worksheet, r: number, marker: string, head: readonly string[], fill: (row: number) => number): number {
  ws.getCell(r, 1).value = `【${marker}】`;
  ws.getCell(r, 1).font = { bold: true, size: 12 };
  head.forEach((h, i) => {
    ws.getCell(r + 1, i + 1).value = h;
    header(ws.getCell(r + 1, i + 1));
  });
  const n = fill(r + 2);
  return r + 2 + n + 1;
}

function indicatorRows(ws: Worksheet, start: number, list: readonly Indicator[], lists: Lists): number {
  list.forEach((ind, i) => {
    const r = start + i;
    putText(ws.getCell(r, 1), ind.level1);
    putText(ws.getCell(r, 2), ind.level2);
    putText(ws.getCell(r, 3), ind.name);
    putText(ws.getCell(r, 4), ind.raw);
    putText(ws.getCell(r, 5), ind.comparator);
    putText(ws.getCell(r, 6), ind.value);
    putText(ws.getCell(r, 7), ind.unit);
    ws.getCell(r, 8).value = ind.qualitative ? '是' : '否';
    ws.getCell(r, 9).value = ind.notApplicable ? '是' : '否';
  });
  // Validation on the filled rows only: a blank row ends the section.
  for (let r = start; r < start + list.length; r++) {
    validate(ws.getCell(r, 5), lists, 'comparator');
    validate(ws.getCell(r, 8), lists, 'yesNo');
    validate(ws.getCell(r, 9), lists, 'yesNo');
  }
  return list.length;
}

function kv(ws: Worksheet, r: number, k: string, v: string | number | null | undefined, money?: { m: Money | null | undefined }): void {
  ws.getCell(r, 1).value = k;
  label(ws.getCell(r, 1));
  const c = ws.getCell(r, 2);
  if (money) putMoney(c, money.m);
  else if (v !== null && v !== undefined) c.value = v;
  c.alignment = { wrapText: true, vertical: 'top' };
}

function sheetName(prefix: string, name: string, used: Set<string>): string {
  const clean = name.replace(/[[\]:*?/\\]/g, ' ').trim();
  let s = `${prefix} ${clean}`.slice(0, 31).trim();
  for (let i = 2; used.has(s); i++) s = `${prefix}-${i}`;
  used.add(s);
  return s;
}

function formSheet(wb: ExcelJS.Workbook, name: string, f: ProjectForm, lists: Lists): void {
  const ws = wb.addWorksheet(name);
  [16, 40, 30, 16, 10, 10, 14, 12, 14, 12, 14, 12, 14].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const a = f.amounts;
  const pairs: Array<[string, string | number | null | undefined, { m: Money | null | undefined }?]> = [
    ['项目标识', f.id],
    ['项目名称', f.name],
    ['年度', f.year],
    ['所属项目', f.parentProject],
    ['项目属性', f.attribute?.text],
    ['执行期限起', f.period?.start],
    ['执行期限止', f.period?.end],
    ['主管部门', f.competentDepartment?.text],
    ['项目类型', f.projectType?.text],
    ['项目总额', null, { m: a.total }],
    ['本年预算', null, { m: a.currentYear }],
    ['财政资金', null, { m: a.fiscal }],
    ['其他资金', null, { m: a.other }],
    ['上级转移支付', null, { m: a.transfer }],
    ['政府购买服务资金', null, { m: a.purchasedServices }],
    ['资金用途', f.use?.text],
    ['中期目标', f.midTermGoal?.text],
    ['年度目标', f.annualGoal?.text],
  ];
  pairs.forEach(([k, v, m], i) => kv(ws, i + 1, k, v, m));
  let r = pairs.length + 2;
  r = section(ws, r, '项目概况', ['项目', '内容'], (s) => {
    f.overview.forEach((o, i) => {
      ws.getCell(s + i, 1).value = o.label;
      ws.getCell(s + i, 2).value = o.text;
    });
    return f.overview.length;
  });
  const others = Math.max(0, ...f.costLines.map((c) => c.otherAmounts?.length ?? 0));
  const costHead = ['序号', '明细原文', '名称', '金额(万元)', '数量', '数量单位', '单价(万元)'];
  for (let k = 1; k <= others; k++) costHead.push(`其他金额类型${k}`, `其他金额${k}(万元)`);
  r = section(ws, r, '测算明细', costHead, (s) => {
    f.costLines.forEach((c, i) => {
      const row = s + i;
      // A line without a number would leave the row's first cell blank and end the section early.
      ws.getCell(row, 1).value = c.no === null ? NULL_MARK : c.no;
      putText(ws.getCell(row, 2), c.text);
      putText(ws.getCell(row, 3), c.label);
      putMoney(ws.getCell(row, 4), c.amount);
      putText(ws.getCell(row, 5), c.quantity);
      putText(ws.getCell(row, 6), c.quantityUnit);
      if (c.unitPrice !== undefined) putMoney(ws.getCell(row, 7), c.unitPrice);
      (c.otherAmounts ?? []).forEach((o, k) => {
        ws.getCell(row, 8 + 2 * k).value = o.role;
        putMoney(ws.getCell(row, 9 + 2 * k), o.money);
      });
    });
    return f.costLines.length;
  });
  r = section(ws, r, '资金支出进度', ['季度', '金额(万元)'], (s) => {
    f.disbursement.forEach((q, i) => {
      ws.getCell(s + i, 1).value = q.quarter;
      validate(ws.getCell(s + i, 1), lists, 'quarter');
      putMoney(ws.getCell(s + i, 2), q.amount);
    });
    return f.disbursement.length;
  });
  section(ws, r, '绩效指标', INDICATOR_HEAD, (s) => indicatorRows(ws, s, f.indicators, lists));
}

function targetsSheet(wb: ExcelJS.Workbook, t: DepartmentTargets | null, year: number | null, lists: Lists): void {
  const ws = wb.addWorksheet('整体绩效目标');
  [16, 50, 30, 16, 14, 14, 12, 8, 8].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  kv(ws, 1, '年度', t?.year ?? year);
  kv(ws, 2, '单位名称', t?.unitName.text);
  kv(ws, 3, '主管部门', t?.competentDepartment?.text);
  kv(ws, 4, '总体目标', t?.overallGoal.text);
  let r = 6;
  r = section(ws, r, '任务', ['任务名称', '主要内容', '合计(万元)', '财政资金(万元)', '其他资金(万元)'], (s) => {
    (t?.tasks ?? []).forEach((k, i) => {
      ws.getCell(s + i, 1).value = k.name;
      ws.getCell(s + i, 2).value = k.content;
      putMoney(ws.getCell(s + i, 3), k.total);
      putMoney(ws.getCell(s + i, 4), k.fiscal);
      putMoney(ws.getCell(s + i, 5), k.other);
    });
    return t?.tasks.length ?? 0;
  });
  r = section(ws, r, '金额合计', ['合计(万元)', '财政资金(万元)', '其他资金(万元)'], (s) => {
    if (!t?.total) return 0;
    // A total row whose three cells are all empty would read as "no total": mark it.
    putMoney(ws.getCell(s, 1), t.total.total);
    putMoney(ws.getCell(s, 2), t.total.fiscal);
    putMoney(ws.getCell(s, 3), t.total.other);
    ws.getCell(s, 4).value = '合计';
    return 1;
  });
  section(ws, r, '绩效指标', INDICATOR_HEAD, (s) => indicatorRows(ws, s, t?.indicators ?? [], lists));
}

function finalAccountsSheet(wb: ExcelJS.Workbook, doc: BudgetDocument): void {
  if (!doc.finalAccounts) return;
  const ws = wb.addWorksheet('决算说明');
  const head = ['事项', '预算数(万元)', '决算数(万元)', '比较', '百分比', '原因'];
  head.forEach((h, i) => {
    ws.getCell(1, i + 1).value = h;
    header(ws.getCell(1, i + 1));
  });
  doc.finalAccounts.comparisons.forEach((c, i) => {
    const r = i + 2;
    ws.getCell(r, 1).value = c.subject;
    putMoney(ws.getCell(r, 2), c.budget);
    putMoney(ws.getCell(r, 3), c.actual);
    putText(ws.getCell(r, 4), c.direction);
    putText(ws.getCell(r, 5), c.percent);
    putText(ws.getCell(r, 6), c.reason);
  });
}

function notesSheet(wb: ExcelJS.Workbook, doc: BudgetDocument | null): void {
  const ws = wb.addWorksheet('导入备注');
  ['级别', '内容'].forEach((h, i) => {
    ws.getCell(1, i + 1).value = h;
    header(ws.getCell(1, i + 1));
  });
  ws.getColumn(2).width = 120;
  (doc?.importNotes ?? []).forEach((n, i) => {
    ws.getCell(i + 2, 1).value = n.severity;
    ws.getCell(i + 2, 2).value = n.message;
  });
}

/**
 * Builds the authoring workbook: 说明, 封面, 叙述, one sheet per table, one per project form,
 * 整体绩效目标, 导入备注 (and 决算说明 for final accounts), with the hidden 代码表 feeding the
 * drop-down lists. From a document every value is written; otherwise the standard tables' headers.
 */
export function buildTemplate(input: TemplateInput): ExcelJS.Workbook {
  const { doc } = input;
  const year = doc?.year ?? input.year ?? null;
  const wb = new (exceljs().Workbook)();
  wb.creator = 'fiscus';
  readme(wb);
  const { lists, columns } = codeLists(year);
  cover(wb, doc, lists, year);
  narrativeSheet(wb, doc);
  const tables: ReadonlyArray<Table | StandardTable> = doc ? doc.tables : input.standardTables;
  tables.forEach((t, i) => tableSheet(wb, t.no !== null ? `表${t.no}` : `表_${i + 1}`, t, lists));
  const used = new Set<string>();
  (doc?.projectForms ?? []).forEach((f, i) => formSheet(wb, sheetName(`项目${i + 1}`, f.name, used), f, lists));
  targetsSheet(wb, doc ? doc.departmentTargets : null, year, lists);
  if (doc) finalAccountsSheet(wb, doc);
  notesSheet(wb, doc);
  codeSheet(wb, columns);
  return wb;
}

/** The template as XLSX bytes. */
export async function writeTemplate(input: TemplateInput): Promise<Uint8Array> {
  const buf = await buildTemplate(input).xlsx.writeBuffer();
  return new Uint8Array(buf);
}
