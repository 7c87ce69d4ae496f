/**
 * The last line of defence of a long-running process (the server) and of the CLI: a promise
 * rejection that nothing awaited becomes a logged internal error with an error id, instead of
 * ending the process (Node's default) and every request in flight with it.
 */
import { errorId, excerpt } from './log.js';

// The id and the bounded excerpt are the logger's (log.ts), re-exported for existing callers.
export { errorId, excerpt };

let installed: ((reason: unknown) => void) | null = null;

/**
 * Installs the process-level handler once (later calls change nothing); returns the error id of each
 * report through `log` (default standard error).
 */
export function guardProcess(log: (line: string) => void = (l) => process.stderr.write(l + '\n')): void {
  if (installed) return;
  installed = (reason: unknown) => {
    log(`fiscus: internal error ${errorId()}: a promise rejection nothing awaited (the process goes on): ${excerpt(reason)}`);
  };
  process.on('unhandledRejection', installed);
}

/** Removes the handler (tests). */
export function unguardProcess(): void {
  if (installed) process.off('unhandledRejection', installed);
  installed = null;
}
