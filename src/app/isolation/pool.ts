/**
 * Untrusted files are parsed off the calling thread (design.md convention 13): a small pool of worker
 * threads (piscina) with a heap limit per thread (`resourceLimits`) and a wall-clock limit per parse,
 * counted from the moment a thread starts the parse (not while it waits in the queue). A thread that
 * runs out of memory or time is ended and replaced; the parse is refused as TOO_LARGE naming the
 * limit. A thread that dies otherwise (an uncaught exception in a parser) costs that file only:
 * INPUT_UNREADABLE. Answers cross the boundary as plain data; FiscusErrors are rebuilt (wire.ts).
 */
import { MessageChannel } from 'node:worker_threads';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Piscina } from 'piscina';
import { FiscusError } from '../../domain/errors.js';
import type { BudgetDocument, Profile } from '../../domain/model.js';
import type { ImportedPayment, PaymentTarget } from '../../importers/payments/index.js';
import { DEFAULT_LIMITS, overLimit, type Limits } from '../limits.js';
import type { CheckedDocument, CheckTask, ParseTask, PdfLinksTask, ProbeTask, RenderFollowTask, RenderTask } from './parse-worker.js';
import type { Finding } from '../../rules/types.js';
import type { FollowDoc } from '../../reports/follow/index.js';
import type { DepartmentComparison } from '../../reports/view/compare.js';
import type { CompareWorkbook, RenderCompareTask } from './parse-worker.js';
import { fromWire, type ParseAnswer } from './wire.js';
import { readInputFile } from '../read-input.js';
import { sniffFormat } from '../source-format.js';
import { parsingInBackground } from './thread-priority.js';

const ENTRY = fileURLToPath(new URL('./worker-entry.mjs', import.meta.url));

/** Errors of our own code loading in a thread: a bug or a broken install, never the input's fault. */
const LOADING = /ERR_MODULE_NOT_FOUND|ERR_UNKNOWN_FILE_EXTENSION|Cannot find module|does not provide an export/;

type TaskBody =
  | RenderTask
  | RenderFollowTask
  | CheckTask
  | { kind: 'document'; bytes: Uint8Array; file: string; profile?: Profile; check?: boolean }
  | { kind: 'payments'; bytes: Uint8Array; file: string; target: PaymentTarget }
  | PdfLinksTask
  | ProbeTask;

export interface ParsePoolOptions {
  /** Threads kept started while idle (default 1: the first upload does not wait for a thread to load). */
  minThreads?: number;
  /** Where a thread's crash or a dropped rejection is reported (default console.error). */
  log?: (message: string) => void;
  /**
   * Threads run below the process's other threads (niceness 10 on Linux), so that a busy pool never keeps
   * a server's request thread from answering (default true). A command that waits for its one parse
   * (`fiscus validate`, `import`) runs them at its own priority: niced, they would only lose the CPU to
   * other processes while the command waits (parseInForeground in thread-priority.ts).
   */
  background?: boolean;
}

/** A pool of parser threads under one set of limits. */
export class ParsePool {
  private pool: Piscina | null = null;
  private closing: Promise<void> | null = null;
  /** Parses handed to piscina and not yet started in a thread. */
  private waiting = 0;
  /** Parses started in a thread and not yet answered. */
  private inThread = 0;
  readonly limits: Limits;

  constructor(
    limits: Limits = DEFAULT_LIMITS,
    private readonly opts: ParsePoolOptions = {},
  ) {
    this.limits = limits;
  }

  private get piscina(): Piscina {
    if (this.pool) return this.pool;
    const w = this.limits.worker;
    // piscina (17 files) loads with the first thread: a command that reads a small text on its own thread starts without it.
    const { Piscina: Pool } = createRequire(import.meta.url)('piscina') as typeof import('piscina');
    const pool = new Pool({
      filename: ENTRY,
      minThreads: Math.min(this.opts.minThreads ?? 1, w.threads),
      maxThreads: w.threads,
      idleTimeout: 5 * 60_000,
      // Threads wait for tasks on their event loop (not in Atomics.wait), so a parser's own timers
      // and promises settle between tasks.
      atomics: 'disabled',
      // tsx is registered by the entry itself; the parent's flags (--import tsx, --test) are not for threads.
      execArgv: [],
      workerData: { background: this.opts.background ?? true },
      resourceLimits: { maxOldGenerationSizeMb: w.memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.round(w.memoryMb / 16))), stackSizeMb: 4 },
    });
    // A thread that dies with no task of its own (a late rejection, a crash while idle) is replaced by
    // piscina; it must not become an 'error' event nobody listens to (that would end the process).
    pool.on('error', (e: unknown) => this.log(`fiscus: a parser thread ended while idle: ${describe(e)}`));
    this.pool = pool;
    return pool;
  }

  /** Parses waiting for a thread now. */
  get queued(): number {
    return this.waiting;
  }

  /** Parses running in a thread now. */
  get running(): number {
    return this.inThread;
  }

  private log(m: string): void {
    (this.opts.log ?? ((s: string) => console.error(s)))(m);
  }

  /** Starts the pool's idle threads now (a server does so before its first upload). */
  warm(): void {
    // A closed pool stays closed (a server that closed before its warm-up came).
    if (!this.closing) void this.piscina;
  }

  /** Runs one task in a thread under the limits; the FiscusError of a refused file, rebuilt. */
  async run(body: TaskBody | RenderCompareTask): Promise<unknown> {
    if (this.closing) throw new FiscusError('INTERNAL', '读取线程池已关闭');
    const pool = this.piscina;
    const file = 'file' in body ? body.file : undefined;
    // Parses waiting for a thread are counted here (piscina's own maxQueue does not count tasks that
    // carry an abort signal); beyond the limit a new one is refused at once rather than left to wait.
    if (this.waiting >= this.limits.worker.queue) {
      const q = this.limits.worker.queue;
      throw new FiscusError(
        'BUSY',
        `排队等待读取的文件数应不超过 ${q} 个（限制项 worker.queue），实为多 1 个：请几秒后重试`,
        { ...(file !== undefined ? { file } : {}), field: 'limits.worker.queue' },
        String(q),
        '多 1 个',
      );
    }
    this.waiting++;
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      this.waiting--;
      this.inThread++;
    };
    const { port1, port2 } = new MessageChannel();
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    port1.once('message', () => {
      start();
      timer = setTimeout(() => {
        timedOut = true;
        abort.abort(new Error('time limit'));
      }, this.limits.worker.timeMs);
    });
    port1.unref();
    const task: ParseTask = { ...body, port: port2, limits: this.limits };
    try {
      const answer = (await pool.run(task, { transferList: [port2], signal: abort.signal })) as ParseAnswer;
      if (!answer.ok) throw fromWire(answer.error);
      return answer.value;
    } catch (e) {
      if (e instanceof FiscusError) throw e;
      const where = file !== undefined ? { file, line: null } : {};
      if (timedOut) throw overLimit('worker.timeMs', this.limits.worker.timeMs, `读取 ${(this.limits.worker.timeMs / 1000).toFixed(1)} 秒后仍未完成，已停止`, where);
      const code = (e as NodeJS.ErrnoException).code;
      const m = describe(e);
      if (code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory limit/i.test(m)) {
        throw overLimit('worker.memoryMb', this.limits.worker.memoryMb, '读取需要更多内存，已停止', where);
      }
      if (LOADING.test(`${code ?? ''} ${m}`)) throw new FiscusError('INTERNAL', `读取线程无法启动：${m}`);
      this.log(`fiscus: a parser thread ended while reading ${file ?? 'a task'}: ${m}`);
      throw new FiscusError('INPUT_UNREADABLE', `应为 fiscus 能读取的文件，实为使读取线程中止的文件（${m}）`, where, 'fiscus 能读取的文件', '使读取线程中止的文件');
    } finally {
      start();
      this.inThread--;
      clearTimeout(timer);
      port1.close();
    }
  }

  /** A disclosure's bytes → BudgetDocument, parsed in a thread (import-document.ts importBytes there). */
  async importDocument(bytes: Uint8Array, file: string, opts: { profile?: Profile } = {}): Promise<BudgetDocument> {
    return (await this.run({ kind: 'document', bytes, file, ...(opts.profile ? { profile: opts.profile } : {}) })) as BudgetDocument;
  }

  /** A disclosure's bytes → BudgetDocument and the rules' findings on it, both computed in a thread. */
  async importChecked(bytes: Uint8Array, file: string, opts: { profile?: Profile } = {}): Promise<CheckedDocument> {
    return (await this.run({ kind: 'document', bytes, file, check: true, ...(opts.profile ? { profile: opts.profile } : {}) })) as CheckedDocument;
  }

  /**
   * The disclosure package as HTML or XLSX, or its Fiscal Data Package (a ZIP), rendered in a thread:
   * building a package takes the CPU for a tenth of a second or more, which would hold up every other
   * request on the server's thread. `findings` is the appendix (null: none; the FDP has none).
   */
  async render(doc: BudgetDocument, findings: Finding[] | null, format: 'html' | 'xlsx' | 'fdp'): Promise<string | Uint8Array> {
    return (await this.run({ kind: 'render', doc, findings, format })) as string | Uint8Array;
  }

  /** A monitoring table or self-evaluation report as HTML or XLSX, rendered in a thread (its charts take the CPU). */
  async renderFollow(doc: FollowDoc, format: 'html' | 'xlsx'): Promise<string | Uint8Array> {
    return (await this.run({ kind: 'render-follow', doc, format })) as string | Uint8Array;
  }

  /** The charts (SVG) of a comparison across departments, drawn in a thread (echarts takes the CPU). */
  async compareCharts(view: DepartmentComparison): Promise<{ id: string; title: string; svg: string }[]> {
    return (await this.run({ kind: 'render-compare', output: 'charts', view })) as { id: string; title: string; svg: string }[];
  }

  /** A comparison's XLSX workbook (a unit's years, or departments side by side), built in a thread. */
  async compareXlsx(comparison: CompareWorkbook): Promise<Uint8Array> {
    return (await this.run({ kind: 'render-compare', output: 'xlsx', comparison })) as Uint8Array;
  }

  /** Where the internal links of a PDF fiscus printed lead (named destination → 1-based page), read in a thread. */
  async pdfLinks(bytes: Uint8Array): Promise<Map<string, number>> {
    return new Map((await this.run({ kind: 'pdf-links', bytes })) as Array<[string, number]>);
  }

  /** A payments file → its payments, read in a thread against the budget's year and project forms. */
  async readPayments(bytes: Uint8Array, file: string, target: PaymentTarget): Promise<ImportedPayment[]> {
    const t: PaymentTarget = { year: target.year, projectForms: target.projectForms.map((f) => ({ id: f.id, name: f.name })) };
    return (await this.run({ kind: 'payments', bytes, file, target: t })) as ImportedPayment[];
  }

  /** The rules' findings on a document (an edited version), computed in a thread. */
  async check(doc: BudgetDocument): Promise<Finding[]> {
    return (await this.run({ kind: 'check', doc })) as Finding[];
  }

  /** Ends the threads (waiting for running parses); the pool cannot be used afterwards. */
  async close(): Promise<void> {
    this.closing ??= this.pool ? this.pool.destroy() : Promise.resolve();
    return this.closing;
  }
}

function describe(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > 300 ? m.slice(0, 300) + '…' : m;
}

let shared: ParsePool | null = null;

/**
 * The process's pool (created on first use, under DEFAULT_LIMITS unless `setParsePool` chose another),
 * its threads in the background unless the process is a command that waits for them (thread-priority.ts).
 */
export function parsePool(): ParsePool {
  shared ??= new ParsePool(DEFAULT_LIMITS, { background: parsingInBackground() });
  return shared;
}

/** Makes `pool` the process's pool (a server with its own limits, a test); returns the previous one. */
export function setParsePool(pool: ParsePool | null): ParsePool | null {
  const prev = shared;
  shared = pool;
  return prev;
}

/**
 * The largest text or JSON file a command reads on its own thread (`readsInPlace`). A parser thread costs
 * its start and the loading of the importers into it (about 100 ms of wall time for `fiscus validate` of
 * the 49 kB sample on 2 cores, 300 -> 275 ms without it; for a 283 kB corpus text 820 -> 710 ms), and a
 * command has nothing else to do meanwhile. Its limits guard a server, which reads untrusted files while it
 * answers others (design.md convention 13): the server's uploads, PDFs and spreadsheets (whose readers
 * load pdfjs and exceljs and can take long) always go to a thread. Beyond this size a text goes there too,
 * under the thread's time and memory limits.
 */
export const IN_PLACE_BYTES = 1024 * 1024;

/** Whether a command reads `bytes` on its own thread: a text or canonical JSON of at most IN_PLACE_BYTES. */
export function readsInPlace(bytes: Uint8Array): boolean {
  if (bytes.length > IN_PLACE_BYTES) return false;
  const format = sniffFormat(bytes);
  return format === 'text' || format === 'json';
}

/**
 * Reads a file from disk and imports it (the CLI's `import`, `validate`, `payments`, `report` …): a small
 * text or JSON on this thread (`readsInPlace`), anything else in a parser thread. On this thread the
 * parse is the one a thread makes (parse-worker.ts: the same checks against the limits, the same document,
 * the same refusals, carried as a thread's are).
 */
export async function importFileIsolated(path: string, opts: { profile?: Profile; name?: string } = {}): Promise<BudgetDocument> {
  const pool = parsePool();
  // Only a regular file, and no more of it than the import limit (a device or FIFO would never end).
  const bytes = await readInputFile(path, pool.limits.body.import, 'body.import');
  const file = opts.name ?? basename(path);
  if (readsInPlace(bytes)) {
    const { default: parse } = await import('./parse-worker.js');
    const answer = await parse({ kind: 'document', bytes, file, limits: pool.limits, ...(opts.profile ? { profile: opts.profile } : {}) });
    if (!answer.ok) throw fromWire(answer.error);
    return answer.value as BudgetDocument;
  }
  return pool.importDocument(bytes, file, opts.profile ? { profile: opts.profile } : {});
}
