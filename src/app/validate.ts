/**
 * Validate use case: import a file, run the rules, and shape the result as the stable JSON report
 * of design.md ("validate --format json"), or as compiler-style text lines.
 */
import type { BudgetDocument, TableRole } from '../domain/model.js';
import { SEVERITY_LABELS } from '../domain/catalogue/index.js';
import { checkDocument, RULES, summarize, type Finding, type NotChecked, type Rule, type Severity } from '../rules/index.js';
import { coverageOf } from '../importers/coverage.js';
import type { ImportOptions } from './import-document.js';
import { importFileIsolated } from './isolation/pool.js';
import { pushAll } from '../domain/arrays.js';

export const TOOL = { name: 'fiscus', version: '0.1.0' } as const;

export interface ValidationReport {
  tool: { name: string; version: string; rules: number };
  document: { unit: string; year: number; kind: string };
  summary: Record<Severity, number>;
  findings: Finding[];
  coverage: CoverageSummary;
}

/** One recognised table as the coverage report lists it. */
export interface CoverageTableSummary {
  id: string;
  title: string;
  role: TableRole;
  rows: number;
  columns: number;
  amounts: number;
  unplaced: number;
  unknownCells: number;
  unreadRows: number;
  unmappedColumns: number;
  line: number | null;
  page: number | null;
}

/** A part of the source that could not be read (an import note of severity error). */
export interface UnreadPart {
  message: string;
  code: string | null;
  table: string | null;
  row: string | null;
  line: number | null;
  page: number | null;
}

/** A check the rules could not make because it rests on something the import could not read. */
export interface NotCheckedSummary {
  rule: string;
  title: string;
  reason: string;
  section: string;
  item: string | null;
  line: number | null;
  page: number | null;
}

/**
 * What an import read and what it could not (docs/coverage.md): the `coverage` member of
 * `validate --format json`, the coverage block of the text format, and the audit's columns.
 * `printedAmounts`, `heldAmounts` and `recall` are null when the source prints no text to measure
 * against (a spreadsheet, an authored or canonical JSON document without recorded coverage).
 */
export interface CoverageSummary {
  recogniser: string;
  confidence: number | null;
  recall: number | null;
  printedAmounts: number | null;
  heldAmounts: number | null;
  tableAmounts: number;
  narrativeAmounts: number;
  formAmounts: number;
  unplacedAmounts: number;
  unknownCells: number;
  tables: CoverageTableSummary[];
  missingTables: string[];
  unread: UnreadPart[];
  /** Checks not made because they rest on an unknown cell, an inferred placement, an unread row …; null when the rules were not run (`fiscus import`). */
  notChecked: NotCheckedSummary[] | null;
}

/**
 * The coverage of a document: the one its import recorded (`doc.coverage`), or, for documents that
 * carry none (spreadsheets, authored documents), the tables and amounts it holds without a recall;
 * with `notChecked` from a run of the rules, the checks they could not make.
 */
export function coverageSummary(doc: BudgetDocument, notChecked: readonly NotChecked[] | null = null): CoverageSummary {
  const recorded = doc.coverage;
  const c = recorded ?? coverageOf(doc, '', doc.profile, 1);
  return {
    recogniser: c.recogniser,
    confidence: recorded ? c.confidence : null,
    recall: recorded ? (c.printedAmounts === 0 ? 1 : c.heldAmounts / c.printedAmounts) : null,
    printedAmounts: recorded ? c.printedAmounts : null,
    heldAmounts: recorded ? c.heldAmounts : null,
    tableAmounts: c.tableAmounts,
    narrativeAmounts: c.narrativeAmounts,
    formAmounts: c.formAmounts,
    unplacedAmounts: c.unplacedAmounts,
    unknownCells: c.unknownCells,
    tables: c.tables.map((t) => ({
      id: t.id,
      title: t.title,
      role: t.role,
      rows: t.rows,
      columns: t.columns,
      amounts: t.amounts,
      unplaced: t.unplaced,
      unknownCells: t.unknownCells,
      unreadRows: t.unreadRows,
      unmappedColumns: t.unmappedColumns,
      line: t.src.line,
      page: t.src.page,
    })),
    missingTables: c.missingTables,
    unread: doc.importNotes
      .filter((n) => n.severity === 'error')
      .map((n) => ({ message: n.message, code: n.code ?? null, table: n.table ?? null, row: n.row ?? null, line: n.src.line, page: n.src.page })),
    notChecked:
      notChecked?.map((n) => ({ rule: n.rule, title: n.title, reason: n.reason, section: n.location.section, item: n.location.item ?? null, line: n.location.line, page: n.location.page })) ?? null,
  };
}

export type FailOn = 'error' | 'warning' | 'never';

/** Validates a document already in memory. */
export function validateDocument(doc: BudgetDocument, rules: readonly Rule[] = RULES): ValidationReport {
  const { findings, notChecked } = checkDocument(doc, rules);
  return checkedReport(doc, findings, notChecked, rules.length);
}

/** The report of a document whose rules already ran (in a parser thread: `parsePool().importChecked`). */
export function checkedReport(doc: BudgetDocument, findings: Finding[], notChecked: readonly NotChecked[], rules: number = RULES.length): ValidationReport {
  return {
    tool: { ...TOOL, rules },
    document: { unit: doc.unit.name, year: doc.year, kind: doc.kind },
    summary: summarize(findings),
    findings,
    coverage: coverageSummary(doc, notChecked),
  };
}

/** Imports a file and validates it (import errors propagate as FiscusError). */
export async function validateFile(path: string, opts: ImportOptions = {}): Promise<ValidationReport> {
  return validateDocument(await importFileIsolated(path, opts));
}

/** True when a report (of a document, a batch entry, a reconciliation) has a finding at or above the fail level. */
export function failsAt(report: { summary: Pick<Record<Severity, number>, 'error' | 'warning'> }, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  if (failOn === 'warning') return report.summary.error + report.summary.warning > 0;
  return report.summary.error > 0;
}

/**
 * The report as the stable JSON of design.md: findings with exactly the documented keys and a
 * location of section, item, field, line and page (internal table/row references are dropped),
 * then the `coverage` member (docs/coverage.md).
 */
export function toJsonReport(report: ValidationReport): unknown {
  return {
    tool: report.tool,
    document: report.document,
    summary: report.summary,
    findings: report.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      category: f.category,
      title: f.title,
      message: f.message,
      location: { section: f.location.section, item: f.location.item ?? null, field: f.location.field ?? null, line: f.location.line, page: f.location.page },
      expected: f.expected,
      actual: f.actual,
      difference: f.difference,
      unit: f.unit,
    })),
    coverage: report.coverage,
  };
}

/**
 * Compiler-style text: one line per finding, grouped by severity,
 * `file:line: error BUD-031 message (expected …, actual …, difference …)`, then the coverage block
 * (formatCoverageText), then a summary line.
 */
export function formatText(report: ValidationReport, file: string): string {
  const out: string[] = [];
  for (const sev of ['error', 'warning', 'info'] as const) {
    const fs = report.findings.filter((f) => f.severity === sev);
    if (fs.length === 0) continue;
    out.push(`# ${SEVERITY_LABELS[sev]} (${fs.length})`);
    for (const f of fs) {
      const where = f.location.line !== null ? `${file}:${f.location.line}` : file;
      const parts = [
        f.expected !== null ? `expected ${f.expected}` : null,
        f.actual !== null ? `actual ${f.actual}` : null,
        f.difference !== null ? `difference ${f.difference}${f.unit ? ` ${f.unit}` : ''}` : null,
      ].filter((x) => x !== null);
      const figures = parts.length > 0 ? ` (${parts.join(', ')})` : '';
      out.push(`${where}: ${sev} ${f.rule} ${f.message}${figures}`);
    }
  }
  pushAll(out, formatCoverageText(report.coverage, file));
  const s = report.summary;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  out.push(`${plural(s.error, 'error')}, ${plural(s.warning, 'warning')}, ${s.info} info (${report.tool.rules} rules)`);
  return out.join('\n') + '\n';
}

/** 1,234 */
// Counts with thousands separators, by hand: the first toLocaleString of a process sets up ICU's number
// formatting (tens of milliseconds of a `fiscus validate` that takes a few hundred).
const int = (n: number): string => (Number.isSafeInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : n.toLocaleString('en-US'));

/** The recall as printed everywhere: three decimals, rounded down so that 0.9996 never shows as 1.000. */
export function formatRecall(recall: number): string {
  return (Math.floor(recall * 1000) / 1000).toFixed(3);
}

/** `file:228（第 6 页）` — a place in the source as the text formats print it. */
function place(file: string, line: number | null, page: number | null): string {
  return `${line !== null ? `${file}:${line}` : file}${page !== null ? `（第 ${page} 页）` : ''}`;
}

/**
 * The coverage block of the text format, in Chinese: the recognised tables (place, title, rows ×
 * columns, amounts, and what was not placed), the amounts read against those printed, the unplaced
 * amounts and unknown cells, the standard tables missing, the parts not read with their line and
 * page, and (after a run of the rules) the checks not made because they rest on what was not read.
 */
export function formatCoverageText(c: CoverageSummary, file: string): string[] {
  const out: string[] = [];
  out.push(`# 覆盖情况（识别方式 ${c.recogniser}${c.confidence !== null ? `，置信度 ${c.confidence.toFixed(2)}` : ''}）`);
  out.push(`已识别表格 ${c.tables.length} 张${c.tables.length > 0 ? '：' : ''}`);
  for (const t of c.tables) {
    const extra = [
      t.unplaced > 0 ? `未定位金额 ${int(t.unplaced)} 个` : null,
      t.unknownCells > 0 ? `未知单元格 ${int(t.unknownCells)} 个` : null,
      t.unreadRows > 0 ? `未能读取 ${int(t.unreadRows)} 行` : null,
      t.unmappedColumns > 0 ? `未识别栏目 ${int(t.unmappedColumns)} 列` : null,
    ].filter((x) => x !== null);
    out.push(`  ${place(file, t.line, t.page)}: 《${t.title}》${int(t.rows)} 行 × ${int(t.columns)} 列，金额 ${int(t.amounts)} 个${extra.length ? `；${extra.join('，')}` : ''}`);
  }
  const parts = `表格 ${int(c.tableAmounts)} 个，说明 ${int(c.narrativeAmounts)} 个，绩效目标表 ${int(c.formAmounts)} 个`;
  if (c.printedAmounts !== null && c.heldAmounts !== null && c.recall !== null) {
    out.push(`金额：印刷 ${int(c.printedAmounts)} 个，已读取 ${int(c.heldAmounts)} 个，召回率 ${formatRecall(c.recall)}（${parts}）`);
  } else out.push(`金额：已读取 ${parts}（来源无可对照的文本，未计算召回率）`);
  out.push(`印刷但未定位的金额 ${int(c.unplacedAmounts)} 个，未知单元格 ${int(c.unknownCells)} 个`);
  out.push(c.missingTables.length > 0 ? `缺少的标准表格（${c.missingTables.length}）：${c.missingTables.join('、')}` : '缺少的标准表格：无');
  if (c.unread.length > 0) {
    out.push(`未能读取的部分（${c.unread.length}）：`);
    for (const u of c.unread) out.push(`  ${place(file, u.line, u.page)}: ${u.message}`);
  } else out.push('未能读取的部分：无');
  if (c.notChecked !== null) {
    if (c.notChecked.length > 0) {
      out.push(`因未能读取而未做的检查（${c.notChecked.length}）：`);
      for (const n of c.notChecked) out.push(`  ${place(file, n.line, n.page)}: ${n.rule} ${n.title}：${n.reason}`);
    } else out.push('因未能读取而未做的检查：无');
  }
  return out;
}

/**
 * The one-line summary `fiscus import -o` prints on standard error: `13 tables, 5 project forms,
 * recall 0.972 (1,234/1,270 amounts), 5 unplaced` and, when there are any, unknown cells, missing
 * standard tables and unread parts.
 */
export function coverageLine(c: CoverageSummary, projectForms: number): string {
  const n = (k: number, w: string, ws = `${w}s`) => `${int(k)} ${k === 1 ? w : ws}`;
  const parts: string[] = [n(c.tables.length, 'table'), n(projectForms, 'project form')];
  if (c.printedAmounts !== null && c.heldAmounts !== null && c.recall !== null) {
    parts.push(`recall ${formatRecall(c.recall)} (${int(c.heldAmounts)}/${int(c.printedAmounts)} amounts)`);
  } else parts.push('recall n/a (no printed text to measure)');
  parts.push(`${int(c.unplacedAmounts)} unplaced`);
  if (c.unknownCells > 0) parts.push(n(c.unknownCells, 'unknown cell'));
  if (c.missingTables.length > 0) parts.push(`${n(c.missingTables.length, 'standard table')} missing`);
  if (c.unread.length > 0) parts.push(`${n(c.unread.length, 'part')} not read`);
  return parts.join(', ');
}
