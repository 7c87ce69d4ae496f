/**
 * Batch audit use case: find the documents under files and folders, import and check each in worker
 * threads, and gather the cross-document report (src/reports/audit). One unreadable document never
 * stops the batch: it is listed with its reason.
 */
import { closeSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import type { BudgetDocument } from '../domain/model.js';
import { FiscusError } from '../domain/errors.js';
import { tableByRole } from '../domain/query.js';
import { RULES } from '../rules/index.js';
import {
  AUDIT_HTML_CLOSING,
  auditCsvDocument,
  auditCsvHead,
  auditHtmlDocumentRow,
  auditHtmlFindings,
  auditHtmlMiddle,
  auditHtmlOpening,
  renderAuditCsv,
  renderAuditHtml,
  RuleTallies,
  type AuditCoverage,
  type AuditEntry,
  type AuditReport,
  type AuditTotals,
  type RecallStats,
  type UnreadableDocument,
} from '../reports/audit/index.js';
import { importBytes, importFile } from './import-document.js';
import { readInputFileSync } from './read-input.js';
import { DEFAULT_LIMITS } from './limits.js';
import { AuditPool, auditWorkerCount } from './audit-pool.js';
import { checkedReport, failsAt, TOOL, validateDocument, type CoverageSummary, type FailOn, type ValidationReport } from './validate.js';

export { AuditPool, auditWorkerCount, startAuditWorker } from './audit-pool.js';

/** Extensions `fiscus audit` looks for inside folders (a file named explicitly is always taken). */
export const AUDIT_EXTENSIONS = ['.txt', '.pdf', '.json', '.xlsx'];

const collator = new Intl.Collator('zh-CN', { numeric: true });

/**
 * Expands arguments into document paths: files as given, folders searched recursively for
 * .txt/.pdf/.json/.xlsx (hidden entries skipped), in a stable order, without duplicates. A path that
 * does not exist is kept: the audit lists it as unreadable.
 */
export async function findDocuments(args: readonly string[], exclude: readonly string[] = []): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set(exclude.map((p) => resolve(p)));
  const add = (p: string) => {
    const k = resolve(p);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(p);
    }
  };
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
    entries.sort((a, b) => collator.compare(a.name, b.name));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && AUDIT_EXTENSIONS.includes(extname(e.name).toLowerCase())) add(p);
    }
  };
  for (const a of args) {
    const s = await stat(a).catch(() => null);
    if (s?.isDirectory()) await walk(a);
    else add(a);
  }
  return out;
}

/** 收入总计 / 支出总计 of a document: table 1's total rows, else the revenue and expenditure summaries. */
export function documentTotals(doc: BudgetDocument): AuditTotals {
  const t1 = tableByRole(doc, 'income-expenditure-summary');
  const sideTotal = (side: 'revenue' | 'expenditure'): number | null => {
    if (!t1) return null;
    const key = t1.sides?.[side] ?? 'amount';
    const row = t1.rows.find((r) => r.side === side && r.kind === 'total');
    return row?.amounts[key]?.fen ?? null;
  };
  const summaryTotal = (role: 'revenue-summary' | 'expenditure-summary'): number | null => {
    const t = tableByRole(doc, role);
    const row = t?.rows.find((r) => r.kind === 'total') ?? t?.rows.find((r) => r.kind === 'unit' && r.level === 0);
    return row?.amounts['total']?.fen ?? null;
  };
  return {
    revenue: sideTotal('revenue') ?? summaryTotal('revenue-summary'),
    expenditure: sideTotal('expenditure') ?? summaryTotal('expenditure-summary'),
  };
}

/** The audit's coverage columns of a document's coverage. */
export function auditCoverage(c: CoverageSummary): AuditCoverage {
  return {
    tables: c.tables.length,
    tablesWithRows: c.tables.filter((t) => t.rows > 0).length,
    recall: c.recall,
    printedAmounts: c.printedAmounts,
    heldAmounts: c.heldAmounts,
    unplacedAmounts: c.unplacedAmounts,
    unknownCells: c.unknownCells,
    missingTables: c.missingTables,
    unreadParts: c.unread.length,
    notChecked: c.notChecked?.length ?? 0,
  };
}

/**
 * Imports and checks one document; never throws (a failure becomes an unreadable entry). `readSync`
 * reads the file without yielding (the same checks and limits: read-input.ts), for a thread that has
 * nothing else to do meanwhile.
 */
export async function auditOne(file: string, name: string = file, opts: { readSync?: boolean } = {}): Promise<AuditEntry> {
  const t0 = performance.now();
  try {
    const doc = opts.readSync ? await importBytes(readInputFileSync(file, DEFAULT_LIMITS.body.import, 'body.import'), name, { name }) : await importFile(file, { name });
    return auditEntryOf(name, doc, validateDocument(doc), t0);
  } catch (e) {
    return unreadableEntry(name, e, t0);
  }
}

/**
 * Imports and checks one document's bytes in a parser thread (the server's own thread stays free:
 * a batch audit worked by a server on PGlite); never throws (a failure becomes an unreadable entry).
 */
export async function auditBytesIsolated(bytes: Uint8Array, name: string): Promise<AuditEntry> {
  const t0 = performance.now();
  try {
    const { parsePool } = await import('./isolation/pool.js');
    const { doc, findings, notChecked } = await parsePool().importChecked(bytes, name);
    return auditEntryOf(name, doc, checkedReport(doc, findings, notChecked), t0);
  } catch (e) {
    return unreadableEntry(name, e, t0);
  }
}

/** The audit's entry of a document read and checked (`t0`: when its reading started). */
function auditEntryOf(name: string, doc: BudgetDocument, report: ValidationReport, t0: number): AuditEntry {
  return {
    file: name,
    readable: true,
    format: doc.source.format,
    profile: doc.profile,
    unit: doc.unit.name,
    year: doc.year,
    kind: doc.kind,
    displayUnit: doc.displayUnit,
    pages: doc.source.pages,
    totals: documentTotals(doc),
    summary: report.summary,
    coverage: auditCoverage(report.coverage),
    findings: report.findings,
    ms: performance.now() - t0,
  };
}

/** The audit's entry of a document that could not be read: its code and one-line reason. */
function unreadableEntry(name: string, e: unknown, t0: number): AuditEntry {
  const error = e instanceof FiscusError ? { code: e.code, message: e.oneLine() } : { code: 'INTERNAL', message: `程序错误：${(e as Error)?.message ?? String(e)}` };
  return { file: name, readable: false, error, ms: performance.now() - t0 };
}

export interface AuditOptions {
  /** Worker threads (default: the pool's size, else the machine's parallelism, `os.availableParallelism()`; at most that); 0 runs in this thread. */
  workers?: number;
  /** Threads kept from batch to batch (started before the batch, closed by the caller); default: the batch starts its own and ends them. */
  pool?: AuditPool;
  failOn?: FailOn;
  /** Called after each document, as it finishes (not in input order), with the count done so far. */
  onProgress?: (done: number, total: number, entry: AuditEntry) => void;
  /** Told of each temporary file `writeAuditReport` creates and removes (the CLI removes them should a signal end it). */
  tempFiles?: { add(path: string): void; delete(path: string): void };
}

/** Documents sent ahead to each worker (it works through them one at a time), so that it never waits for this thread between two. */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * Runs `files` through `n` worker threads of `pool` (started now if it has no waiting ones), calling
 * `onDone(i, entry)` as each document finishes (in any order), and gives the threads back when the batch
 * is done. A crashed worker (out of memory, a native fault) costs the document it was checking,
 * reported unreadable; the one sent ahead to it is checked by its replacement.
 */
function inWorkers(files: readonly string[], n: number, pool: AuditPool, onDone: (i: number, e: AuditEntry) => void): Promise<void> {
  let next = 0;
  const again: number[] = [];
  let remaining = files.length;
  const live = new Map<Worker, { message: (m: { id: number; entry: AuditEntry }) => void; error: (e: Error) => void }>();
  return new Promise<void>((resolveAll) => {
    if (remaining === 0) return resolveAll();
    const done = (i: number, e: AuditEntry) => {
      onDone(i, e);
      if (--remaining > 0) return;
      for (const [w, l] of live) {
        w.off('message', l.message);
        w.off('error', l.error);
        pool.put(w);
      }
      live.clear();
      resolveAll();
    };
    const spawn = () => {
      const w = pool.take();
      // In the order sent: the worker checks them in that order, so the first is the one running.
      const held: number[] = [];
      const feed = () => {
        while (held.length < IN_FLIGHT_PER_WORKER && (again.length > 0 || next < files.length)) {
          const i = again.length > 0 ? again.shift()! : next++;
          held.push(i);
          w.postMessage({ id: i, file: files[i]!, name: files[i]! });
        }
      };
      const listeners = {
        message: (m: { id: number; entry: AuditEntry }) => {
          held.splice(held.indexOf(m.id), 1);
          feed();
          done(m.id, m.entry);
        },
        error: (e: Error) => {
          live.delete(w);
          const [running, ...ahead] = held.splice(0);
          again.unshift(...ahead);
          if (remaining - (running === undefined ? 0 : 1) > 0) spawn();
          if (running !== undefined) done(running, { file: files[running]!, readable: false, error: { code: 'INTERNAL', message: `检查进程异常退出：${e.message}` }, ms: 0 });
        },
      };
      live.set(w, listeners);
      w.on('message', listeners.message);
      w.on('error', listeners.error);
      feed();
    };
    for (let k = 0; k < Math.min(n, files.length); k++) spawn();
  });
}

/**
 * Runs the batch (in worker threads, or in this thread when `workers` is 0) and hands each entry to
 * `sink` in input order as soon as it and those before it are done: an entry that finishes early
 * waits in memory only until the ones before it arrive. Returns the batch's summary and rule tallies.
 */
export async function auditInOrder(files: readonly string[], opts: AuditOptions, sink: (e: AuditEntry) => void): Promise<Omit<AuditReport, 'documents'>> {
  const failOn = opts.failOn ?? 'error';
  const n = auditWorkerCount(opts.workers ?? opts.pool?.size);
  const summary = { documents: files.length, readable: 0, unreadable: 0, failing: 0, error: 0, warning: 0, info: 0 };
  const tallies = new RuleTallies();
  const early = new Map<number, AuditEntry>();
  let written = 0;
  let finished = 0;
  const take = (d: AuditEntry) => {
    if (d.readable) {
      summary.readable++;
      summary.error += d.summary.error;
      summary.warning += d.summary.warning;
      summary.info += d.summary.info;
      if (failsAt({ summary: d.summary }, failOn)) summary.failing++;
      tallies.add(d);
    } else summary.unreadable++;
    sink(d);
  };
  const onDone = (i: number, e: AuditEntry) => {
    opts.onProgress?.(++finished, files.length, e);
    if (i !== written) return void early.set(i, e);
    take(e);
    written++;
    for (let d = early.get(written); d !== undefined; d = early.get(written)) {
      early.delete(written++);
      take(d);
    }
  };
  if (n === 0) for (let i = 0; i < files.length; i++) onDone(i, await auditOne(files[i]!, files[i]));
  else {
    const pool = opts.pool ?? new AuditPool(n);
    try {
      await inWorkers(files, n, pool, onDone);
    } finally {
      if (!opts.pool) await pool.close();
    }
  }
  return { tool: { ...TOOL, rules: RULES.length }, failOn, summary, rules: tallies.result() };
}

/** Audits the given document paths and returns the cross-document report (every entry in memory; `writeAuditReport` streams instead). */
export async function auditFiles(files: readonly string[], opts: AuditOptions = {}): Promise<AuditReport> {
  const documents: AuditEntry[] = [];
  const r = await auditInOrder(files, opts, (e) => documents.push(e));
  return { tool: r.tool, failOn: r.failOn, summary: r.summary, documents, rules: r.rules };
}

/** 2 when no document could be read, else 1 when a readable one fails at `failOn`, else 0. */
export function auditExitCode(r: Pick<AuditReport, 'summary'>): 0 | 1 | 2 {
  if (r.summary.readable === 0) return 2;
  return r.summary.failing > 0 ? 1 : 0;
}

type ReportFormat = '.json' | '.csv' | '.html';

function reportFormat(outputPath: string): ReportFormat {
  const format = extname(outputPath).toLowerCase();
  if (format === '.json' || format === '.csv' || format === '.html') return format;
  throw new FiscusError('INPUT_INVALID', `应为以 .html、.csv 或 .json 结尾的报告路径，实为 ${JSON.stringify(outputPath)}`);
}

/** Links to the documents relative to where the report is written. */
function hrefFrom(outputPath: string): (file: string) => string {
  const base = dirname(resolve(outputPath));
  return (file: string) => relative(base, resolve(file)).split(sep).map(encodeURIComponent).join('/');
}

/**
 * The report as text for an output path: `.json` (one object), `.csv` (one finding per row, BOM) or
 * `.html` (self-contained), with links to the documents relative to where the report is written.
 */
export function renderAuditReport(r: AuditReport, outputPath: string): string {
  const format = reportFormat(outputPath);
  if (format === '.json') return JSON.stringify(r, null, 2) + '\n';
  const href = hrefFrom(outputPath);
  if (format === '.csv') return renderAuditCsv(r, href);
  return renderAuditHtml(r, href);
}

/** What `writeAuditReport` tells its caller once the report is written (the report without its documents). */
export interface AuditOutcome extends Omit<AuditReport, 'documents'> {
  /** 金额召回率 of the readable documents that print text to measure against. */
  recalls: RecallStats;
  /** The documents that could not be read, in input order. */
  unreadable: UnreadableDocument[];
}

/** Text written to a file in large pieces, synchronously (a report's pieces are small and many). */
class Spool {
  private readonly fd: number;
  private buf: string[] = [];
  private size = 0;
  constructor(readonly path: string) {
    this.fd = openSync(path, 'w', 0o644);
  }
  write(s: string): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size >= 1 << 20) this.flush();
  }
  flush(): void {
    if (this.buf.length) writeSync(this.fd, this.buf.join(''));
    this.buf = [];
    this.size = 0;
  }
  /** Appends the whole content of another spool's (closed) file. */
  append(path: string): void {
    this.flush();
    const fd = openSync(path, 'r');
    try {
      const chunk = Buffer.allocUnsafe(1 << 20);
      for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) writeSync(this.fd, chunk, 0, n);
    } finally {
      closeSync(fd);
    }
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/**
 * Audits `files` and writes the report to `outputPath` (.json, .csv or .html) as the documents finish,
 * without holding the batch in memory: each document's part is written in input order (the same file
 * `renderAuditReport` of `auditFiles` gives, byte for byte). Parts that the report prints before the
 * documents (the summary) are written once the batch is done: the documents go to a temporary file
 * beside the report, then the report is put together and renamed into place, so that no half-written
 * report is ever left at `outputPath`.
 */
export async function writeAuditReport(files: readonly string[], outputPath: string, opts: AuditOptions = {}): Promise<AuditOutcome> {
  const format = reportFormat(outputPath);
  const href = hrefFrom(outputPath);
  const tmp = join(dirname(resolve(outputPath)), `.${basename(outputPath)}.${process.pid}`);
  const parts = { out: `${tmp}.tmp`, docs: `${tmp}.documents`, findings: `${tmp}.findings` };
  const unreadable: UnreadableDocument[] = [];
  const recalls: RecallStats = { count: 0, sum: 0, min: Infinity };
  const spools: Spool[] = [];
  for (const p of Object.values(parts)) opts.tempFiles?.add(p);
  const spool = (p: string) => {
    const s = new Spool(p);
    spools.push(s);
    return s;
  };
  try {
    const docs = spool(format === '.csv' ? parts.out : parts.docs);
    const findings = format === '.html' ? spool(parts.findings) : null;
    let first = true;
    if (format === '.csv') docs.write(auditCsvHead());
    const r = await auditInOrder(files, opts, (d) => {
      if (!d.readable) unreadable.push(d);
      else if (d.coverage.recall !== null) {
        recalls.count++;
        recalls.sum += d.coverage.recall;
        recalls.min = Math.min(recalls.min, d.coverage.recall);
      }
      if (format === '.csv') docs.write(auditCsvDocument(d, href));
      else if (format === '.json') {
        // As JSON.stringify(report, null, 2) writes an element of `documents` (strings hold no raw line breaks).
        docs.write(`${first ? '' : ','}\n    ${JSON.stringify(d, null, 2).replace(/\n/g, '\n    ')}`);
      } else {
        const row = auditHtmlDocumentRow(d, href);
        if (row !== null) docs.write(row + '\n');
        for (const l of auditHtmlFindings(d, href)) findings!.write(l + '\n');
      }
      first = false;
    });
    for (const s of spools) s.close();
    spools.length = 0;
    if (format !== '.csv') {
      const out = spool(parts.out);
      if (format === '.json') {
        const head = JSON.stringify({ tool: r.tool, failOn: r.failOn, summary: r.summary }, null, 2);
        out.write(`${head.slice(0, -2)},\n  "documents": [`);
        out.append(parts.docs);
        out.write(`${first ? '' : '\n  '}],\n  "rules": ${JSON.stringify(r.rules, null, 2).replace(/\n/g, '\n  ')}\n}\n`);
      } else {
        for (const l of auditHtmlOpening(r, recalls)) out.write(l + '\n');
        out.append(parts.docs);
        for (const l of auditHtmlMiddle(unreadable, r.rules)) out.write(l + '\n');
        out.append(parts.findings);
        out.write(AUDIT_HTML_CLOSING);
      }
      out.close();
      spools.length = 0;
    }
    renameSync(parts.out, outputPath);
    return { ...r, recalls, unreadable };
  } finally {
    for (const s of spools) {
      try {
        s.close();
      } catch {
        // Already closed or failing: removed below.
      }
    }
    for (const p of Object.values(parts)) {
      rmSync(p, { force: true });
      opts.tempFiles?.delete(p);
    }
  }
}
