/**
 * The cross-document audit report: what `fiscus audit` found in each document of a batch, per rule
 * across the batch, and the documents it could not read. Pure data; renderers are html.ts, csv.ts
 * and json (the object itself).
 */
import type { Finding, Severity } from '../../rules/types.js';

export interface AuditTotals {
  /** 收入总计 and 支出总计 in fen, null when the document has no such figure. */
  revenue: number | null;
  expenditure: number | null;
}

/** What the import of a document read (docs/coverage.md): the audit's coverage columns. */
export interface AuditCoverage {
  /** Tables recognised, and how many of them hold rows. */
  tables: number;
  tablesWithRows: number;
  /** Amount recall (held ÷ printed), null when the source prints no text to measure against. */
  recall: number | null;
  printedAmounts: number | null;
  heldAmounts: number | null;
  /** Amounts printed in a table whose column could not be determined. */
  unplacedAmounts: number;
  unknownCells: number;
  /** Standard tables of the document's kind that were not found. */
  missingTables: string[];
  /** Parts of the source that could not be read. */
  unreadParts: number;
  /** Checks the rules could not make because they rest on what was not read. */
  notChecked: number;
}

/** A document that was read and checked. */
export interface AuditedDocument {
  file: string;
  readable: true;
  format: string;
  profile: string;
  unit: string;
  year: number;
  kind: string;
  displayUnit: string;
  pages: number | null;
  totals: AuditTotals;
  summary: Record<Severity, number>;
  coverage: AuditCoverage;
  findings: Finding[];
  ms: number;
}

/** A document that could not be read: the error code and the one-line reason. */
export interface UnreadableDocument {
  file: string;
  readable: false;
  error: { code: string; message: string };
  ms: number;
}

export type AuditEntry = AuditedDocument | UnreadableDocument;

export interface RuleTally {
  rule: string;
  title: string;
  category: string;
  /** Documents with at least one error or warning of the rule. */
  failing: number;
  /** Documents with any finding of the rule (info included). */
  documents: number;
  findings: Record<Severity, number>;
}

export interface AuditReport {
  tool: { name: string; version: string; rules: number };
  failOn: 'error' | 'warning' | 'never';
  summary: { documents: number; readable: number; unreadable: number; failing: number } & Record<Severity, number>;
  documents: AuditEntry[];
  rules: RuleTally[];
}

/**
 * The per-rule tally built one document at a time (a batch written as it goes need not keep its
 * documents): `add` each readable document, `result` the tallies as `tallyRules` gives them.
 */
export class RuleTallies {
  private readonly by = new Map<string, RuleTally>();

  add(d: AuditEntry): void {
    if (!d.readable) return;
    const seen = new Set<string>();
    const failing = new Set<string>();
    for (const f of d.findings) {
      let t = this.by.get(f.rule);
      if (!t) {
        t = { rule: f.rule, title: f.title, category: f.category, failing: 0, documents: 0, findings: { error: 0, warning: 0, info: 0 } };
        this.by.set(f.rule, t);
      }
      t.findings[f.severity]++;
      seen.add(f.rule);
      if (f.severity !== 'info') failing.add(f.rule);
    }
    for (const r of seen) this.by.get(r)!.documents++;
    for (const r of failing) this.by.get(r)!.failing++;
  }

  /** Most failing documents first, then most documents, then by rule id. */
  result(): RuleTally[] {
    return [...this.by.values()].sort((a, b) => b.failing - a.failing || b.documents - a.documents || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  }
}

/** Tallies findings per rule across the readable documents, most failing documents first. */
export function tallyRules(docs: readonly AuditEntry[]): RuleTally[] {
  const t = new RuleTallies();
  for (const d of docs) t.add(d);
  return t.result();
}

/**
 * Where a finding points as a link target relative to the report: `file.pdf#page=N` for PDFs, the
 * file itself otherwise (text lines are shown beside the link; browsers cannot jump to them).
 */
export function findingHref(fileHref: string, doc: AuditedDocument, f: Finding): string {
  return doc.format === 'pdf' && f.location.page !== null ? `${fileHref}#page=${f.location.page}` : fileHref;
}

/** `file.txt:123`, `file.pdf 第 5 页`, `budget.xlsx:12` (sheet row): the place as people read it. */
export function findingPlace(doc: AuditedDocument, f: Finding): string {
  const name = doc.file.split(/[\\/]/).pop() ?? doc.file;
  if (doc.format === 'pdf' && f.location.page !== null) return `${name} 第 ${f.location.page} 页${f.location.line !== null ? `（第 ${f.location.line} 行）` : ''}`;
  return f.location.line !== null ? `${name}:${f.location.line}` : name;
}
