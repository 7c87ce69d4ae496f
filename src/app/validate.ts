/**
 * Validate use case: import a file, run the rules, and shape the result as the stable JSON report
 * of design.md ("validate --format json"), or as compiler-style text lines.
 */
import type { BudgetDocument } from '../domain/model.js';
import { RULES, runRules, summarize, type Finding, type Rule, type Severity } from '../rules/index.js';
import { importFile, type ImportOptions } from './import-document.js';

export const TOOL = { name: 'fiscus', version: '0.1.0' } as const;

export interface ValidationReport {
  tool: { name: string; version: string; rules: number };
  document: { unit: string; year: number; kind: string };
  summary: Record<Severity, number>;
  findings: Finding[];
}

export type FailOn = 'error' | 'warning' | 'never';

/** Validates a document already in memory. */
export function validateDocument(doc: BudgetDocument, rules: readonly Rule[] = RULES): ValidationReport {
  const findings = runRules(doc, rules);
  return {
    tool: { ...TOOL, rules: rules.length },
    document: { unit: doc.unit.name, year: doc.year, kind: doc.kind },
    summary: summarize(findings),
    findings,
  };
}

/** Imports a file and validates it (import errors propagate as FiscusError). */
export async function validateFile(path: string, opts: ImportOptions = {}): Promise<ValidationReport> {
  return validateDocument(await importFile(path, opts));
}

/** True when the report has a finding at or above the fail level. */
export function failsAt(report: ValidationReport, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  if (failOn === 'warning') return report.summary.error + report.summary.warning > 0;
  return report.summary.error > 0;
}

/**
 * The report as the stable JSON of design.md: findings with exactly the documented keys and a
 * location of section, item, field, line and page (internal table/row references are dropped).
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
  };
}

const ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/**
 * Compiler-style text: one line per finding, grouped by severity,
 * `file:line: error BUD-031 message (expected …, actual …, difference …)`, then a summary line.
 */
export function formatText(report: ValidationReport, file: string): string {
  const out: string[] = [];
  for (const sev of ['error', 'warning', 'info'] as const) {
    const fs = report.findings.filter((f) => f.severity === sev);
    if (fs.length === 0) continue;
    out.push(`# ${ZH[sev]} (${fs.length})`);
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
  const s = report.summary;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  out.push(`${plural(s.error, 'error')}, ${plural(s.warning, 'warning')}, ${s.info} info (${report.tool.rules} rules)`);
  return out.join('\n') + '\n';
}
