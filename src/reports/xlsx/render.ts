/**
 * The package as an XLSX workbook (exceljs): a cover, the narrative, one sheet per table with merged
 * multi-level headers and frozen header rows, table 14, one sheet per project form, and findings.
 * Amounts are numbers in the display unit with the number format of their printed decimals.
 */
import type * as ExcelJS from 'exceljs';
import { exceljs } from './exceljs.js';
import { FEN_PER, type DisplayUnit } from '../../domain/money.js';
import type { DepartmentTargetsView, IndicatorRowView, ProjectFormView, ReportView, TableView } from '../view/types.js';

const FONT = { name: 'WenQuanYi Zen Hei', size: 10 };
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' },
};

/** Number format of an amount printed with `decimals` places. */
export function numFmt(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

/**
 * A sheet's header row as the workbooks of the reports print it (bold, shaded, centred, wrapped), the
 * columns' widths, and the rows up to it frozen; returns the row.
 */
export function headerRow(ws: ExcelJS.Worksheet, header: string[], widths: number[]): ExcelJS.Row {
  const h = ws.addRow(header);
  h.font = { bold: true };
  h.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F5' } };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: h.number }];
  return h;
}

/** A cell number in the display unit. fen / FEN_PER is the nearest double to the exact decimal. */
export function cellNumber(fen: number, unit: DisplayUnit): number {
  return fen / FEN_PER[unit];
}

/** A valid, unique sheet name (≤ 31 characters, none of []:*?/\). */
function sheetName(wb: ExcelJS.Workbook, name: string): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  let n = base;
  for (let i = 2; wb.getWorksheet(n); i++) n = `${base.slice(0, 28)}(${i})`;
  return n;
}

function setAmount(c: ExcelJS.Cell, fen: number | null | undefined, decimals: number, unit: DisplayUnit): void {
  if (fen == null) return;
  c.value = cellNumber(fen, unit);
  c.numFmt = numFmt(decimals);
  c.alignment = { horizontal: 'right' };
}

function box(ws: ExcelJS.Worksheet, r1: number, r2: number, cols: number): void {
  for (let r = r1; r <= r2; r++) for (let c = 1; c <= cols; c++) ws.getCell(r, c).border = BORDER;
}

/** The fill of a cell that may hold an amount whose column could not be determined. */
const UNKNOWN_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'lightGray', fgColor: { argb: 'FFBFBFBF' } };

/** A sheet's name for a table: "表7 一般公共预算支出表" when fiscus prints the number, else the title. */
export function tableSheetTitle(t: Pick<TableView, 'numberLabel' | 'title'>): string {
  return t.numberLabel ? `${t.numberLabel.replace(/\s+/g, '')} ${t.title}` : t.title;
}

function tableSheet(wb: ExcelJS.Workbook, t: TableView): void {
  const ws = wb.addWorksheet(sheetName(wb, tableSheetTitle(t)), { pageSetup: { paperSize: 9, orientation: t.landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const n = t.columns.length;
  ws.getCell(1, 1).value = t.numberLabel ? `${t.numberLabel}  ${t.title}` : t.title;
  ws.getCell(1, 1).font = { ...FONT, size: 14, bold: true };
  if (n > 1) ws.mergeCells(1, 1, 1, n);
  if (t.unitName) ws.getCell(2, 1).value = `单位名称：${t.unitName}`;
  ws.getCell(2, n).value = `单位：${t.displayUnit}`;
  const top = 3;
  for (const [level, row] of t.header.entries()) {
    for (const h of row) {
      const r = top + level;
      const c = h.col + 1;
      ws.getCell(r, c).value = h.text;
      if (h.rowspan > 1 || h.colspan > 1) ws.mergeCells(r, c, r + h.rowspan - 1, c + h.colspan - 1);
      ws.getCell(r, c).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      ws.getCell(r, c).font = { ...FONT, bold: true };
    }
  }
  const bodyTop = top + t.header.length;
  t.body.forEach((row, i) => {
    row.cells.forEach((cell, j) => {
      const c = ws.getCell(bodyTop + i, j + 1);
      if (cell.kind === 'amount') setAmount(c, cell.fen, cell.decimals ?? 2, t.displayUnit);
      else if (cell.text) {
        c.value = cell.text;
        if (cell.level) c.alignment = { indent: cell.level };
      }
      if (cell.unknown) c.fill = UNKNOWN_FILL;
      const u = cell.anchor !== undefined ? row.unplaced.find((x) => x.rowId === cell.anchor) : undefined;
      if (u) c.note = `${u.note}：${u.amounts.join('、')}`;
      c.font = { ...FONT, bold: row.kind === 'total' || row.kind === 'subtotal' || row.kind === 'unit', italic: cell.inferred === true };
    });
  });
  box(ws, top, bodyTop + t.body.length - 1, n);
  const notes = [
    ...(t.note ? [t.note] : []),
    ...t.body.flatMap((r) => r.unplaced).map((u) => `${u.label}：${u.note}（${u.amounts.join('、')}），灰底单元格为其可能所在列。`),
  ];
  notes.forEach((x, k) => (ws.getCell(bodyTop + t.body.length + 1 + k, 1).value = x));
  ws.views = [{ state: 'frozen', ySplit: bodyTop - 1, xSplit: 0 }];
  t.columns.forEach((col, j) => {
    ws.getColumn(j + 1).width = col.kind === 'amount' ? 14 : col.kind === 'code' ? 10 : 30;
  });
}

function indicatorBlock(ws: ExcelJS.Worksheet, start: number, rows: IndicatorRowView[]): number {
  ws.addRow(['一级指标', '二级指标', '指标内容', '目标值']).font = { ...FONT, bold: true };
  let r = start + 1;
  for (const x of rows) {
    ws.getCell(r, 1).value = x.level1Span > 0 ? x.level1 : null;
    ws.getCell(r, 2).value = x.level2Span > 0 ? x.level2 : null;
    if (x.level1Span > 1) ws.mergeCells(r, 1, r + x.level1Span - 1, 1);
    if (x.level2Span > 1) ws.mergeCells(r, 2, r + x.level2Span - 1, 2);
    if (x.wide) {
      ws.getCell(r, 3).value = x.wide.join('\n');
      ws.mergeCells(r, 3, r, 4);
      ws.getCell(r, 3).alignment = { wrapText: true, vertical: 'top' };
    } else {
      ws.getCell(r, 3).value = x.name;
      ws.getCell(r, 4).value = x.target;
    }
    for (const c of [1, 2]) ws.getCell(r, c).alignment = { vertical: 'top' };
    r++;
  }
  box(ws, start, r - 1, 4);
  return r;
}

function targetsSheet(wb: ExcelJS.Workbook, d: DepartmentTargetsView, unit: DisplayUnit): void {
  const ws = wb.addWorksheet(sheetName(wb, d.numberLabel ? `${d.numberLabel.replace(/\s+/g, '')} 整体支出绩效目标` : d.title));
  ws.addRow([d.numberLabel ? `${d.numberLabel}  ${d.title}` : d.title]).font = { ...FONT, size: 14, bold: true };
  ws.addRow([`${d.year} 年度`]);
  ws.addRow(['部门（单位）名称', d.unitName, '主管部门', d.competentDepartment]);
  ws.addRow(['年度总体目标', d.overallGoal]);
  ws.addRow(['任务名称', '主要内容', '总额（万元）', '财政拨款（万元）', '其他资金（万元）']).font = { ...FONT, bold: true };
  for (const t of [...d.tasks, ...(d.total ? [d.total] : [])]) {
    const row = ws.addRow([t.name, t.content]);
    t.cells.forEach((c, i) => setAmount(row.getCell(3 + i), c.fen, c.decimals, unit));
  }
  ws.addRow([]);
  indicatorBlock(ws, ws.rowCount + 1, d.indicators);
  ws.columns.forEach((c, i) => (c.width = [22, 40, 24, 16, 16][i] ?? 14));
}

/** Column of the amount in a form sheet's cost-line block (the test reads it back by fen). */
export const COST_AMOUNT_COLUMN = 3;

function formSheet(wb: ExcelJS.Workbook, f: ProjectFormView, index: number, unit: DisplayUnit): void {
  const ws = wb.addWorksheet(sheetName(wb, `项目${index + 1} ${f.name}`));
  ws.addRow([f.title]).font = { ...FONT, size: 14, bold: true };
  ws.addRow([`${f.year} 年度`]);
  for (const gridRow of f.grid) {
    const r = ws.addRow([]);
    let c = 1;
    for (const cell of gridRow) {
      if (cell.kind === 'amount') setAmount(r.getCell(c), cell.fen, cell.decimals ?? 2, unit);
      else r.getCell(c).value = cell.text;
      if (cell.kind === 'label') r.getCell(c).font = { ...FONT, bold: true };
      c += cell.colspan ?? 1;
    }
  }
  ws.addRow(['项目概况', f.overview.join('\n')]);
  ws.addRow(['项目用途', f.use]);
  ws.addRow(['项目中期目标', f.midTermGoal]);
  ws.addRow(['项目年度目标', f.annualGoal]);
  ws.addRow([]);
  ws.addRow(['测算明细', '序号', '金额（万元）', '内容']).font = { ...FONT, bold: true };
  for (const c of f.costLines) {
    const r = ws.addRow(['', c.no ?? '']);
    setAmount(r.getCell(COST_AMOUNT_COLUMN), c.fen, c.decimals, unit);
    r.getCell(4).value = c.text;
  }
  ws.addRow([]);
  ws.addRow(['资金支出进度', '季度', '金额（万元）']).font = { ...FONT, bold: true };
  for (const q of f.disbursement) {
    const r = ws.addRow(['', q.label]);
    setAmount(r.getCell(3), q.fen, q.decimals, unit);
  }
  ws.addRow([]);
  indicatorBlock(ws, ws.rowCount + 1, f.indicators.filter((r) => !r.wide));
  ws.columns.forEach((c, i) => (c.width = [24, 24, 24, 40, 24, 16][i] ?? 14));
}

/** Renders the package as XLSX bytes. */
export async function renderXlsx(v: ReportView): Promise<Uint8Array> {
  const wb = new (exceljs().Workbook)();
  wb.creator = 'fiscus';
  const cover = wb.addWorksheet('封面');
  cover.addRow([v.unitName]).font = { ...FONT, size: 18, bold: true };
  cover.addRow([`${v.year} 年${v.kind}`]).font = { ...FONT, size: 14 };
  cover.addRow([`金额单位：${v.displayUnit}`]);
  cover.addRow([]);
  cover.addRow(['目录']).font = { ...FONT, bold: true };
  cover.getColumn(1).width = 60;
  if (v.narrative.length > 0) {
    const ws = wb.addWorksheet('文字说明');
    ws.getColumn(1).width = 120;
    for (const p of v.narrative) {
      if (p.heading) ws.addRow([p.heading]).font = { ...FONT, bold: true, size: 12 };
      for (const s of p.sections) {
        if (s.title) ws.addRow([s.title]).font = { ...FONT, bold: true };
        for (const x of s.paragraphs) ws.addRow([x]).alignment = { wrapText: true };
      }
    }
  }
  // Tables, table 14 and the forms in the package's print order (the narrative is one sheet above).
  for (const b of v.blocks) {
    if (b.kind === 'table') tableSheet(wb, v.tables[b.index]!);
    else if (b.kind === 'department-targets' && v.departmentTargets) targetsSheet(wb, v.departmentTargets, v.displayUnit);
    else if (b.kind === 'form') formSheet(wb, v.forms[b.index]!, b.index, v.displayUnit);
  }
  if (v.findings) {
    const ws = wb.addWorksheet('校验结果');
    ws.addRow(['规则', '级别', '说明', '位置', '应为', '实为', '差额']).font = { ...FONT, bold: true };
    for (const f of v.findings) ws.addRow([f.rule, f.severityZh, f.message, f.where, f.expected, f.actual, f.difference]);
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    ws.columns.forEach((c, i) => (c.width = [10, 8, 60, 40, 12, 12, 12][i] ?? 12));
  }
  for (const ws of wb.worksheets.slice(1)) cover.addRow([ws.name]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
