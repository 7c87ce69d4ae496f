/**
 * The worker threads of `fiscus audit` (issue 14): where their code is, how one is started, and the pool
 * that keeps them from batch to batch. A module of its own, light to load (no rules, importers or
 * reports): the CLI starts the threads first (`prestartAuditPool`), so that they load their code while
 * its own thread loads the command's modules and finds the documents.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DEFAULT_LIMITS } from './limits.js';

/** The worker threads a batch runs on: `requested` (default: one per core), at most the machine's parallelism. */
export function auditWorkerCount(requested?: number): number {
  return Math.max(0, Math.min(requested ?? availableParallelism(), availableParallelism()));
}

/** Running as compiled JavaScript (dist/, `npm run build`) rather than the sources through tsx. */
const COMPILED = import.meta.url.endsWith('.js');
const WORKER_URL = new URL(COMPILED ? './audit-worker.js' : './audit-worker.ts', import.meta.url);
/** Plain JavaScript that loads pdfjs set up for text (src/importers/pdf/pdfjs-text.mjs). */
const PDFJS_URL = new URL('../importers/pdf/pdfjs-text.mjs', import.meta.url);

/**
 * Starts one audit worker thread: the one place that knows where the worker's code is and how it is
 * started (a compiled build changes only this function). Every module is named by an absolute URL:
 * code evaluated in a worker resolves bare names from the current directory, where fiscus's
 * node_modules need not be. On Node 20 a worker started with execArgv ['--import', 'tsx'] still
 * refuses a .ts entry ("Unknown file extension"): the hooks are registered in the worker itself, then
 * the entry imported. From the sources, pdfjs (3 MB of plain JavaScript) is loaded before tsx's hooks,
 * so tsx does not rewrite and source-map it again in every worker (about 1 s each); the TypeScript code
 * importing it later finds it in the module cache, loaded once per worker for the whole batch. A failure
 * there is left for the document that needs pdfjs to report. Compiled, nothing rewrites it: the first PDF
 * a worker reads loads it (about 200 ms of CPU that a batch of texts does not spend). The heap limit is
 * the parser pool's (limits.ts): a hostile file ends its worker, not the batch.
 */
export function startAuditWorker(): Worker {
  const url = (u: string) => JSON.stringify(u);
  const pdfjs = `import(${url(PDFJS_URL.href)}).then((m) => m.loadPdfJs()).catch(() => null)`;
  // Compiled: the worker is plain JavaScript; from the sources, tsx's hooks are registered first.
  const bootstrap = COMPILED
    ? `import(${url(WORKER_URL.href)})`
    : `${pdfjs}.then(() => import(${url(import.meta.resolve('tsx/esm/api'))})).then((m) => { m.register(); return import(${url(WORKER_URL.href)}); })`;
  return new Worker(bootstrap, { eval: true, resourceLimits: { maxOldGenerationSizeMb: DEFAULT_LIMITS.worker.memoryMb, maxYoungGenerationSizeMb: AUDIT_YOUNG_GENERATION_MB } });
}

/**
 * The young generation of an audit worker (V8's nursery, where a document's short-lived objects are
 * made and die), MB. V8's default nursery fills every few documents, and each scavenge copies the
 * document being read: CPU profiles of a batch of 600 scaled variants gave 16–19% of a worker's time to
 * the garbage collector by default, 6–10% at 96 MB and 4–5% at 192 MB. It costs at most this much memory
 * more per worker; a document's own limit is the old generation's. Measured again (`fiscus audit` on 2,000
 * scaled variants, 2 workers, CPU of every thread; a shared machine at load 10–15): 16 MB 43.3 s, 32 MB
 * 38.4 s, 64 MB 35.8 s, 192 MB 30.5 s in one round; over three rounds 384 MB (34.6 s) and 768 MB (36.4 s)
 * were no better than 192 MB (35.0 s) and held 790 MB resident against 525 MB. On the 60 corpus PDFs,
 * 64 MB (25.6, 27.4 s) and 384 MB (29.0, 28.4 s) were within the spread of 192 MB (27.7, 32.1 s).
 */
const AUDIT_YOUNG_GENERATION_MB = 192;

/**
 * Audit worker threads kept for several batches: started once (`start`, before a clock starts or while
 * the paths are being found), each batch run on them, closed by its owner. Between two batches the
 * threads wait unreferenced: a pool left open does not keep the process alive. Without one, a batch
 * starts its own threads and ends them when it is done.
 */
export class AuditPool {
  /** Threads not working a batch now. */
  private readonly idle: Worker[] = [];
  /** The listener that drops a waiting thread from `idle` should it fail or end. */
  private readonly gone = new Map<Worker, () => void>();
  private closed = false;
  /** `size` threads (default: one per core, `auditWorkerCount`). */
  constructor(readonly size: number = auditWorkerCount()) {}

  /** Starts the threads not yet started (their code loads meanwhile). */
  start(): void {
    while (!this.closed && this.idle.length < this.size) this.put(startAuditWorker());
  }

  /** A waiting thread, or a new one (referenced: it keeps the process alive while it works). */
  take(): Worker {
    if (this.closed) throw new Error('AuditPool: closed');
    const w = this.idle.pop() ?? startAuditWorker();
    const gone = this.gone.get(w);
    if (gone) {
      w.off('error', gone);
      w.off('exit', gone);
      this.gone.delete(w);
    }
    w.ref();
    return w;
  }

  /** Gives back a thread that finished its documents (a pool of `size` threads keeps at most that many). */
  put(w: Worker): void {
    if (this.closed || this.idle.length >= this.size) return void w.terminate();
    // A waiting thread that fails or ends (out of memory, terminated elsewhere) is not handed out.
    const gone = () => {
      const at = this.idle.indexOf(w);
      if (at >= 0) this.idle.splice(at, 1);
      this.gone.delete(w);
    };
    this.gone.set(w, gone);
    w.on('error', gone);
    w.on('exit', gone);
    w.unref();
    this.idle.push(w);
  }

  /** Ends every waiting thread; the ones working a batch end when it is done. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.idle.splice(0).map((w) => w.terminate()));
  }
}

/** Threads started before the command's modules were loaded, not yet taken by a batch. */
let prestarted: AuditPool | null = null;

/** Starts the default pool's threads now (`fiscus audit`, before it loads its modules); `takePrestartedPool` hands it over. */
export function prestartAuditPool(): void {
  prestarted ??= new AuditPool();
  prestarted.start();
}

/** The pool `prestartAuditPool` started (its owner closes it), once; null when none was started. */
export function takePrestartedPool(): AuditPool | null {
  const p = prestarted;
  prestarted = null;
  return p;
}
