/**
 * The PGlite thread started before a server knows its data folder (issue 14: start-up). `fiscus start`
 * and `fiscus serve` on PGlite start it first thing (cli/main.ts), so that the thread boots, loads
 * PGlite and compiles its WebAssembly while this thread loads the command's, the workspace's and the
 * web app's modules; connection.ts's PgliteThread.open takes it and sends it the folder once the folder
 * is locked. Without it (tests, in-process servers, PostgreSQL) open starts a thread itself, as before.
 * A module of its own, light (node:worker_threads only): cli/main.ts loads it before anything else.
 */
import { Worker } from 'node:worker_threads';

let waiting: Worker | null = null;

/** Starts the PGlite thread without a data folder yet; it keeps no process alive until it is used. */
export function prestartPglite(): void {
  if (waiting) return;
  const worker = new Worker(new URL('./pglite-thread.mjs', import.meta.url), { workerData: { deferred: true } });
  // A thread that failed or ended before it was taken is not taken: open starts one of its own, which reports the failure.
  const gone = () => {
    if (waiting === worker) waiting = null;
  };
  worker.once('error', gone);
  worker.once('exit', gone);
  worker.unref();
  waiting = worker;
}

/** The thread prestartPglite started, once (null when none is waiting): it waits for its `open` message. */
export function takePrestartedPglite(): Worker | null {
  const worker = waiting;
  waiting = null;
  return worker;
}
