/**
 * Batch audit use case: find the documents under files and folders, import and check each in worker
 * threads, and gather the cross-document report (src/reports/audit). One unreadable document never
 * stops the batch: it is listed with its reason.
 */
import { readdir, stat } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import type { BudgetDocument } from '../domain/model.js';
import { FiscusError } from '../domain/errors.js';
import { tableByRole } from '../domain/query.js';
import { RULES } from '../rules/index.js';
import { renderAuditCsv, renderAuditHtml, tallyRules, type AuditCoverage, type AuditEntry, type AuditReport, type AuditTotals } from '../reports/audit/index.js';
import { importFile } from './import-document.js';
import { DEFAULT_LIMITS } from './limits.js';
import { failsAt, TOOL, validateDocument, type CoverageSummary, type FailOn } from './validate.js';

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

/** Imports and checks one document; never throws (a failure becomes an unreadable entry). */
export async function auditOne(file: string, name: string = file): Promise<AuditEntry> {
  const t0 = performance.now();
  try {
    const doc = await importFile(file, { name });
    const report = validateDocument(doc);
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
  } catch (e) {
    const error = e instanceof FiscusError ? { code: e.code, message: e.oneLine() } : { code: 'INTERNAL', message: `程序错误：${(e as Error)?.message ?? String(e)}` };
    return { file: name, readable: false, error, ms: performance.now() - t0 };
  }
}

export interface AuditOptions {
  /** Worker threads (default: 2, at most the machine's parallelism); 0 runs in this thread. */
  workers?: number;
  failOn?: FailOn;
  /** Called after each document with the count done so far. */
  onProgress?: (done: number, total: number, entry: AuditEntry) => void;
}

const WORKER_URL = new URL('./audit-worker.ts', import.meta.url);
/** Plain JavaScript that loads pdfjs set up for text (src/importers/pdf/pdfjs-text.mjs). */
const PDFJS_URL = new URL('../importers/pdf/pdfjs-text.mjs', import.meta.url);

/**
 * What a worker thread runs first. Every module is named by an absolute URL: code evaluated in a
 * worker resolves bare names from the current directory, where fiscus's node_modules need not be.
 * On Node 20 a worker started with execArgv ['--import', 'tsx'] still refuses a .ts entry ("Unknown
 * file extension"): the hooks are registered in the worker itself, then the entry imported. pdfjs
 * (3 MB of plain JavaScript) is loaded before tsx's hooks, so tsx does not rewrite and source-map it
 * again in every worker (about 1 s each); the TypeScript code importing it later finds it in the
 * module cache. A failure there is left for the document that needs pdfjs to report.
 */
function workerBootstrap(): string {
  const url = (u: string) => JSON.stringify(u);
  return (
    `import(${url(PDFJS_URL.href)}).then((m) => m.loadPdfJs()).catch(() => null)` +
    `.then(() => import(${url(import.meta.resolve('tsx/esm/api'))}))` +
    `.then((m) => { m.register(); return import(${url(WORKER_URL.href)}); })`
  );
}

/** Runs `files` through `n` worker threads, keeping the input order in the result. */
async function inWorkers(files: readonly string[], n: number, onDone: (i: number, e: AuditEntry) => void): Promise<AuditEntry[]> {
  const results: AuditEntry[] = new Array(files.length);
  let next = 0;
  const bootstrap = workerBootstrap();
  const one = (): Promise<void> =>
    new Promise((resolveWorker) => {
      // The same heap limit as the parser pool's threads (limits.ts): a hostile file ends its worker, not the batch.
      const w = new Worker(bootstrap, { eval: true, resourceLimits: { maxOldGenerationSizeMb: DEFAULT_LIMITS.worker.memoryMb } });
      let current = -1;
      const finish = () => void w.terminate().then(() => resolveWorker());
      const feed = () => {
        if (next >= files.length) return finish();
        current = next++;
        w.postMessage({ id: current, file: files[current]!, name: files[current]! });
      };
      w.on('message', (m: { id: number; entry: AuditEntry }) => {
        results[m.id] = m.entry;
        onDone(m.id, m.entry);
        feed();
      });
      // A crashed worker (out of memory, a native fault) costs one document, not the batch.
      w.on('error', (e) => {
        if (current >= 0 && results[current] === undefined) {
          const entry: AuditEntry = { file: files[current]!, readable: false, error: { code: 'INTERNAL', message: `检查进程异常退出：${e.message}` }, ms: 0 };
          results[current] = entry;
          onDone(current, entry);
        }
        void one().then(resolveWorker);
      });
      feed();
    });
  await Promise.all(Array.from({ length: Math.min(n, files.length) }, one));
  return results;
}

/** Audits the given document paths and returns the cross-document report. */
export async function auditFiles(files: readonly string[], opts: AuditOptions = {}): Promise<AuditReport> {
  const failOn = opts.failOn ?? 'error';
  const n = Math.max(0, Math.min(opts.workers ?? 2, availableParallelism()));
  let done = 0;
  const onDone = (_i: number, e: AuditEntry) => opts.onProgress?.(++done, files.length, e);
  let documents: AuditEntry[];
  if (n === 0 || files.length === 0) {
    documents = [];
    for (const f of files) {
      const e = await auditOne(f, f);
      documents.push(e);
      onDone(documents.length - 1, e);
    }
  } else documents = await inWorkers(files, n, onDone);
  const sev = { error: 0, warning: 0, info: 0 };
  let failing = 0;
  for (const d of documents) {
    if (!d.readable) continue;
    sev.error += d.summary.error;
    sev.warning += d.summary.warning;
    sev.info += d.summary.info;
    if (failsAt({ summary: d.summary } as Parameters<typeof failsAt>[0], failOn)) failing++;
  }
  const readable = documents.filter((d) => d.readable).length;
  return {
    tool: { ...TOOL, rules: RULES.length },
    failOn,
    summary: { documents: documents.length, readable, unreadable: documents.length - readable, failing, ...sev },
    documents,
    rules: tallyRules(documents),
  };
}

/** 2 when no document could be read, else 1 when a readable one fails at `failOn`, else 0. */
export function auditExitCode(r: AuditReport): 0 | 1 | 2 {
  if (r.summary.readable === 0) return 2;
  return r.summary.failing > 0 ? 1 : 0;
}

/**
 * The report as text for an output path: `.json` (one object), `.csv` (one finding per row, BOM) or
 * `.html` (self-contained), with links to the documents relative to where the report is written.
 */
export function renderAuditReport(r: AuditReport, outputPath: string): string {
  const format = extname(outputPath).toLowerCase();
  if (format === '.json') return JSON.stringify(r, null, 2) + '\n';
  const base = dirname(resolve(outputPath));
  const href = (file: string) => relative(base, resolve(file)).split(sep).map(encodeURIComponent).join('/');
  if (format === '.csv') return renderAuditCsv(r, href);
  if (format === '.html') return renderAuditHtml(r, href);
  throw new FiscusError('INPUT_INVALID', `应为以 .html、.csv 或 .json 结尾的报告路径，实为 ${JSON.stringify(outputPath)}`);
}
