/**
 * The comparisons (issue 15 item 2) as XLSX workbooks: one sheet per compared table, amounts in 万元 as
 * numbers with the places the page shows, percentages as numbers in percent format, and a sheet naming
 * the documents compared.
 */
import type * as ExcelJS from 'exceljs';
import { Decimal } from 'decimal.js';
import { exceljs } from './exceljs.js';
import { cellNumber, headerRow, numFmt } from './render.js';
import { threePublicLabel, THREE_PUBLIC_ITEMS, type ComparedDocument, type DepartmentComparison, type YearComparison } from '../view/compare.js';

const pct = (s: string | null) => (s === null ? null : new Decimal(s).div(100).toNumber());
const wan = (fen: number | null | undefined) => (fen === null || fen === undefined ? null : cellNumber(fen, '万元'));

/** A sheet with a title line, notes and a bold header; names are cut to Excel's 31 characters, unique. */
function sheet(wb: ExcelJS.Workbook, name: string, title: string, notes: string[], header: string[], widths: number[]): ExcelJS.Worksheet {
  let n = name.replace(/[\\/?*[\]:]/g, '').slice(0, 31) || '表';
  for (let i = 2; wb.getWorksheet(n); i++) n = `${name.slice(0, 28)}-${i}`;
  const ws = wb.addWorksheet(n);
  ws.addRow([title]).font = { bold: true, size: 13 };
  for (const note of notes) ws.addRow([note]);
  headerRow(ws, header, widths);
  return ws;
}

function documentsSheet(wb: ExcelJS.Workbook, docs: ComparedDocument[], statement: string): void {
  const ws = sheet(wb, '所比较的文件', '所比较（相加）的文件', [statement], ['预算编号', '单位', '年度', '种类', '版本'], [10, 40, 8, 12, 8]);
  for (const d of docs) ws.addRow([d.budgetId, d.unitName, d.year, d.kind, d.version]);
}

const FLAG_TEXT = { unexplained: '说明未解释', mismatch: '说明所述增减与两年数不符' } as const;

/** The year comparison: a sheet per compared table. */
export async function yearComparisonXlsx(v: YearComparison): Promise<Uint8Array> {
  const wb = new (exceljs().Workbook)();
  wb.creator = 'fiscus';
  documentsSheet(wb, [...(v.before ? [v.before] : []), v.after], `比较 ${v.afterLabel} 与 ${v.beforeLabel}；应说明的变动：${v.thresholdText}`);
  for (const s of v.sections) {
    const ws = sheet(wb, s.title, s.title, [`数据来源：${s.source}`, ...(s.note ? [s.note] : []), '单位：万元'], ['编码', '项目', v.beforeLabel, v.afterLabel, '增减额', '增减幅度', '文字说明所述增减', '标记'], [12, 40, 16, 16, 16, 12, 18, 24]);
    for (const l of s.lines) {
      const row = ws.addRow([
        l.code ?? '',
        `${'  '.repeat(Math.max(0, (l.level ?? 1) - 1))}${l.label}`,
        wan(l.before),
        wan(l.after),
        wan(l.change),
        pct(l.percent),
        l.narrative?.stated?.fen != null ? wan(l.narrative.stated.fen) : (l.narrative?.stated?.percent ?? null) !== null ? `${l.narrative!.stated!.percent}%` : null,
        l.flag ? FLAG_TEXT[l.flag] : l.onlyIn === 'before' ? '仅上年有' : l.onlyIn === 'after' ? '仅本年有' : '',
      ]);
      for (const c of [3, 4, 5, 7]) row.getCell(c).numFmt = numFmt(s.decimals);
      row.getCell(6).numFmt = '0.00%';
      if (l.flag) row.getCell(8).font = { bold: true, color: { argb: 'FFB91C1C' } };
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The comparison across departments: classes × budgets, and 三公 / 机关运行经费 per budget. */
export async function departmentComparisonXlsx(v: DepartmentComparison): Promise<Uint8Array> {
  const wb = new (exceljs().Workbook)();
  wb.creator = 'fiscus';
  documentsSheet(wb, v.documents, v.statement);
  const names = v.documents.map((d) => d.unitName);
  const header = ['编码', '科目', ...names.flatMap((n) => [n, `${n} 占比`]), '合计', '占合计'];
  const ws = sheet(wb, '按科目', `${v.year}年${v.kind} 按${v.by === 'function' ? '支出功能分类' : '经济分类'}（第 ${v.level} 级）`, [v.statement, '单位：万元；占比为该科目占该文件合计的比例'], header, [10, 30, ...names.flatMap(() => [16, 10]), 16, 10]);
  const put = (cells: (string | number | null)[], fens: number[]) => {
    const row = ws.addRow(cells);
    for (const c of fens) row.getCell(c).numFmt = numFmt(v.decimals);
    return row;
  };
  for (const c of v.classes) {
    const row = put([c.code, c.label, ...c.fen.flatMap((f, i) => [wan(f), pct(c.shareOfDocument[i] ?? null)]), wan(c.total), pct(c.shareOfTotal)], [...names.map((_, i) => 3 + 2 * i), 3 + 2 * names.length]);
    names.forEach((_, i) => (row.getCell(4 + 2 * i).numFmt = '0.00%'));
    row.getCell(4 + 2 * names.length).numFmt = '0.00%';
  }
  const tot = put(['', '合计', ...v.totals.flatMap((t, i) => [wan(t), pct(v.shareOfGrandTotal[i] ?? null)]), wan(v.grandTotal), 1], [...names.map((_, i) => 3 + 2 * i), 3 + 2 * names.length]);
  tot.font = { bold: true };
  names.forEach((_, i) => (tot.getCell(4 + 2 * i).numFmt = '0.00%'));
  tot.getCell(4 + 2 * names.length).numFmt = '0.00%';

  const items = THREE_PUBLIC_ITEMS.map((i) => i.id);
  const tp = sheet(wb, '三公与机关运行经费', `${v.year}年${v.kind} “三公”经费与机关运行经费`, [v.statement, '单位：万元；表中无数时取自文字说明（见“来源”）'], ['单位', ...items.map(threePublicLabel), '取自文字说明的项'], [36, ...items.map(() => 16), 30]);
  v.documents.forEach((d, i) => {
    const t = v.threePublic[i]!;
    const row = tp.addRow([d.unitName, ...items.map((k) => wan(t.items[k])), t.fromNarrative.map(threePublicLabel).join('、')]);
    items.forEach((_, j) => (row.getCell(2 + j).numFmt = numFmt(v.decimals)));
  });
  const sum = tp.addRow(['合计', ...items.map((k) => wan(v.threePublicTotals[k]!.fen)), '']);
  sum.font = { bold: true };
  items.forEach((_, j) => (sum.getCell(2 + j).numFmt = numFmt(v.decimals)));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
