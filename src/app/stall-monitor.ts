/**
 * Watches the server's own thread: when it was blocked for longer than a threshold (work done on the
 * request thread that should have been in a parser thread, a long synchronous query of the embedded
 * database, a garbage collection), logs how long and which requests were in flight, so that the cause
 * can be found; and keeps the delay figures that the health endpoint reports.
 */
import { monitorEventLoopDelay, performance, type IntervalHistogram } from 'node:perf_hooks';
import { logWarning } from './log.js';

/** How often the thread is sampled (ms); a stall is seen within this much of its end. */
const TICK_MS = 100;

export interface StallFigures {
  /** The longest stall seen since the monitor started (ms). */
  maxMs: number;
  /** The 99th percentile of the event loop's delay since the monitor started (ms). */
  p99Ms: number;
  /** Stalls longer than the threshold, since the monitor started. */
  stalls: number;
}

export class StallMonitor {
  private readonly inFlight = new Map<number, { label: string; t0: number }>();
  private nextId = 0;
  private readonly hist: IntervalHistogram;
  private readonly timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;
  private last: number;
  private stalls = 0;

  /**
   * `clock`, for tests: the time source, and no timer of its own — the test calls `tick()` after moving
   * its clock, so that what counts as a stall does not depend on how busy the machine is.
   */
  constructor(
    private readonly thresholdMs: number,
    clock?: () => number,
  ) {
    this.hist = monitorEventLoopDelay({ resolution: 20 });
    this.hist.enable();
    this.now = clock ?? (() => performance.now());
    this.last = this.now();
    if (!clock) {
      this.timer = setInterval(() => this.tick(), TICK_MS);
      this.timer.unref();
    }
  }

  /** One sample: the time since the last one beyond the sampling interval is how long the thread was blocked. */
  tick(): void {
    const now = this.now();
    const stalled = now - this.last - TICK_MS;
    this.last = now;
    if (stalled < this.thresholdMs) return;
    this.stalls++;
    const running = [...this.inFlight.values()].map((r) => `${r.label} (${Math.round(now - r.t0)} ms)`);
    logWarning(`服务线程阻塞 ${Math.round(stalled)} ms / event loop stalled; in flight: ${running.length ? running.slice(0, 8).join(', ') : 'none'}`);
  }

  /** Records a request as in flight; call the returned function when it is answered. */
  begin(label: string): () => void {
    const id = this.nextId++;
    this.inFlight.set(id, { label: label.slice(0, 160), t0: this.now() });
    return () => void this.inFlight.delete(id);
  }

  figures(): StallFigures {
    const ms = (ns: number) => Math.round(ns / 1e6);
    return { maxMs: ms(this.hist.max), p99Ms: ms(this.hist.percentile(99)), stalls: this.stalls };
  }

  stop(): void {
    clearInterval(this.timer);
    this.hist.disable();
  }
}

let current: StallMonitor | undefined;

/**
 * The process's monitor, started on first use; the threshold is FISCUS_STALL_LOG_MS (default 300 ms).
 * A server process has one thread that answers requests, hence one monitor.
 */
export function stallMonitor(): StallMonitor {
  if (!current) {
    const env = Number(process.env['FISCUS_STALL_LOG_MS']);
    current = new StallMonitor(Number.isFinite(env) && env > 0 ? env : 300);
  }
  return current;
}
