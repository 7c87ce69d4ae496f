/**
 * What a parser thread runs (loaded by worker-entry.mjs, see pool.ts): one untrusted file per task,
 * checked against the limits first, then parsed by the importers. The answer is plain data: the
 * parsed value, or the FiscusError as fields that the pool rebuilds on the other side.
 */
import { isMainThread, type MessagePort } from 'node:worker_threads';
import { getPriority } from 'node:os';
import { FiscusError } from '../../domain/errors.js';
import type { BudgetDocument, Profile } from '../../domain/model.js';
import type { ImportedPayment, PaymentTarget } from '../../importers/payments/index.js';
import { importBytes, sniffFormat } from '../import-document.js';
import { overLimit, type Limits } from '../limits.js';
import type { Finding } from '../../rules/types.js';
import type { NotChecked } from '../../rules/engine.js';
import type { FollowDoc } from '../../reports/follow/index.js';
import type { DepartmentComparison, YearComparison } from '../../reports/view/compare.js';
import { checkJsonDepth, checkLines, checkSpreadsheet } from './precheck.js';
import { toWire, type ParseAnswer } from './wire.js';

/** Tasks the pool's tests send to see a thread fail in each way (not used by fiscus itself). */
/**
 * A disclosure package rendered off the request thread (HTML and XLSX; a PDF is its HTML printed by
 * Chromium), with `findings` as its appendix (null: no appendix, as the public portal publishes it).
 */
export type RenderTask = { kind: 'render'; doc: BudgetDocument; findings: Finding[] | null; format: 'html' | 'xlsx' | 'fdp' };

/** The rules run on a document off the request thread (an edit's new version: they take the CPU for a tenth of a second). */
export type CheckTask = { kind: 'check'; doc: BudgetDocument };

/** A monitoring table or self-evaluation report rendered off the request thread (its charts and workbook take the CPU). */
export type RenderFollowTask = { kind: 'render-follow'; doc: FollowDoc; format: 'html' | 'xlsx' };

/**
 * A comparison's charts (SVG, the page across departments) or workbook drawn off the request thread from
 * its view model (computed on the request thread): echarts and exceljs take the CPU, and load on first use.
 */
export type RenderCompareTask = { kind: 'render-compare' } & ({ output: 'charts'; view: DepartmentComparison } | { output: 'xlsx'; comparison: CompareWorkbook });

/** Which comparison a workbook is of. */
export type CompareWorkbook = { of: 'year'; view: YearComparison } | { of: 'departments'; view: DepartmentComparison };

/** Where a printed package's 目录 links lead (anchor → page), read off the request thread (pdfjs parses the PDF). */
export type PdfLinksTask = { kind: 'pdf-links'; bytes: Uint8Array };

export type ProbeTask = { kind: 'probe'; what: 'reject-later' | 'throw' | 'spin' | 'allocate' | 'echo' | 'priority' };

export type ParseTask = { port?: MessagePort; limits: Limits } & (
  | { kind: 'document'; bytes: Uint8Array; file: string; profile?: Profile; check?: boolean }
  | { kind: 'payments'; bytes: Uint8Array; file: string; target: PaymentTarget }
  | RenderTask
  | RenderFollowTask
  | CheckTask
  | RenderCompareTask
  | PdfLinksTask
  | ProbeTask
);

async function importDocument(t: Extract<ParseTask, { kind: 'document' }>): Promise<BudgetDocument | CheckedDocument> {
  const { bytes, file, limits } = t;
  const format = sniffFormat(bytes);
  if (format === 'xlsx') checkSpreadsheet(bytes, file, limits);
  else if (format === 'json') checkJsonDepth(bytes, file, limits.depth);
  else if (format === 'text') checkLines(bytes, file, limits.lines, 'lines');
  // A PDF's pages are counted by the reader once it has opened the file, before it reads a page.
  const checkPages = (pages: number) => {
    if (pages > limits.pages) throw overLimit('pages', limits.pages, pages, { file, line: null, page: null });
  };
  const doc = await importBytes(bytes, file, { ...(t.profile ? { profile: t.profile } : {}), ...(format === 'pdf' ? { checkPages } : {}) });
  // The rules run here too when asked: on a large document they take as long as its reading.
  if (!t.check) return doc;
  // The rules (a few hundred modules) are loaded by the first task that asks for them: a thread that only
  // reads (fiscus import, validate, the server's uploads) starts without them.
  const { checkDocument } = await import('../../rules/engine.js');
  return { doc, ...checkDocument(doc) };
}

/** A document read and checked in a thread, with the checks the rules could not make. */
export interface CheckedDocument {
  doc: BudgetDocument;
  findings: Finding[];
  notChecked: NotChecked[];
}

async function importPayments(t: Extract<ParseTask, { kind: 'payments' }>): Promise<ImportedPayment[]> {
  const { bytes, file, limits } = t;
  if (sniffFormat(bytes) === 'xlsx') checkSpreadsheet(bytes, file, limits);
  // A header and `rows` rows.
  else checkLines(bytes, file, limits.rows + 1, 'rows');
  // The payments reader (and csv-parse) loads with the first payments file: a thread that reads documents starts without it.
  const { readPayments } = await import('../../importers/payments/index.js');
  return readPayments(bytes, file, t.target);
}

/** Renders in the thread; the renderers (echarts, exceljs) load on the first render only, so parse threads stay small. */
async function render(t: RenderTask): Promise<string | Uint8Array> {
  // The Fiscal Data Package (open data): the tables' views, their CSVs and the ZIP.
  if (t.format === 'fdp') return (await import('../../reports/fdp/package.js')).fdpZip(t.doc);
  const { renderReport } = await import('../report.js');
  return renderReport(t.doc, { format: t.format, ...(t.findings ? { findings: t.findings } : {}) });
}

async function renderFollowDoc(t: RenderFollowTask): Promise<string | Uint8Array> {
  const { renderFollow } = await import('../../reports/follow/index.js');
  return (await renderFollow(t.doc, t.format)).body;
}

async function renderCompare(t: RenderCompareTask): Promise<{ id: string; title: string; svg: string }[] | Uint8Array> {
  if (t.output === 'charts') return (await import('../../reports/charts/compare.js')).departmentCharts(t.view);
  const { departmentComparisonXlsx, yearComparisonXlsx } = await import('../../reports/xlsx/compare.js');
  return t.comparison.of === 'year' ? yearComparisonXlsx(t.comparison.view) : departmentComparisonXlsx(t.comparison.view);
}

const hold: unknown[] = [];

async function probe(t: ProbeTask): Promise<unknown> {
  switch (t.what) {
    case 'echo':
      return 'echo';
    case 'priority':
      return getPriority();
    case 'throw':
      throw new TypeError('probe: a parser bug');
    case 'reject-later':
      // A promise rejected after the task has answered, as pdfjs's do for some damaged files.
      void Promise.reject(new Error('probe: rejected after the answer'));
      return 'answered';
    case 'spin':
      for (;;);
    case 'allocate':
      for (;;) hold.push(new Array(1_000_000).fill({ x: hold.length }));
  }
}

// A promise of a parser rejected after its task answered (pdfjs's loading tasks for some damaged
// files) must not end the thread, let alone the process: it is reported and dropped. Only in a thread: a
// command that reads a small text on its own thread (pool.ts readsInPlace) keeps Node's own behaviour.
if (!isMainThread)
  process.on('unhandledRejection', (reason) => {
    const m = reason instanceof Error ? reason.message : String(reason);
    console.error(`fiscus parser thread: a rejection nothing awaited was dropped: ${m.slice(0, 200)}`);
  });

/** The handler piscina calls with each task. */
export default async function parse(t: ParseTask): Promise<ParseAnswer> {
  t.port?.postMessage('started');
  try {
    if (t.kind === 'render-compare') return { ok: true, value: await renderCompare(t) };
    const value =
      t.kind === 'document'
        ? await importDocument(t)
        : t.kind === 'check'
          ? (await import('../../rules/engine.js')).runRules(t.doc)
          : t.kind === 'payments'
            ? await importPayments(t)
            : t.kind === 'render'
              ? await render(t)
              : t.kind === 'render-follow'
                ? await renderFollowDoc(t)
                : t.kind === 'pdf-links'
                  ? [...(await (await import('../../importers/pdf/index.js')).pdfLinkPages(t.bytes))]
                  : await probe(t);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof FiscusError) return { ok: false, error: toWire(e) };
    const m = e instanceof Error ? e.message : String(e);
    // A stack overflow or a parser bug on one file: the file is not readable by fiscus, and the
    // message says so without the file's content.
    if (e instanceof RangeError && /call stack/i.test(m)) {
      const file = 'file' in t ? t.file : undefined;
      return { ok: false, error: toWire(new FiscusError('INPUT_UNREADABLE', `应为 fiscus 能读取的文件，实为嵌套过深、无法读取的文件（${m}）`, file ? { file, line: null } : {})) };
    }
    const message = `读取程序出错：${m.slice(0, 300)}`;
    return { ok: false, error: { code: 'INTERNAL', message, where: {}, oneLine: message } };
  }
}
