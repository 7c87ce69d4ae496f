/**
 * The last line of defence of a long-running process (the server) and of the CLI: a promise
 * rejection that nothing awaited becomes a logged internal error with an error id, instead of
 * ending the process (Node's default) and every request in flight with it.
 */
import { randomBytes } from 'node:crypto';

/** An id to quote between a log line and a report of it. */
export function errorId(): string {
  return randomBytes(6).toString('hex');
}

/** A bounded, one-line excerpt of any thrown value (never a whole document). */
export function excerpt(reason: unknown, max = 500): string {
  const s = reason instanceof Error ? `${reason.name}: ${reason.message}${reason.stack ? ` @ ${reason.stack.split('\n').slice(1, 4).map((l) => l.trim()).join(' < ')}` : ''}` : String(reason);
  const one = s.replace(/\s+/g, ' ');
  return one.length > max ? one.slice(0, max) + '…' : one;
}

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
