/**
 * The one logger of internal errors (server and CLI): a line with an error id, where it happened and a
 * bounded excerpt of the error and its causes — never a whole document (a failed query's message
 * carries its parameters: one such line was the 266 KB document being stored). The id is also given
 * to the user (problem+json `errorId`, the web error page), so that a report can be matched to its line.
 */
import { randomBytes } from 'node:crypto';

/** The most characters a logged error takes (its message, causes and stack frames together). */
export const LOG_EXCERPT_MAX = 2048;

/** An id to quote between a log line and a report of it. */
export function errorId(): string {
  return randomBytes(6).toString('hex');
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max)}…（共 ${s.length} 字符）` : s);

/**
 * A bounded, one-line excerpt of any thrown value: name and message of the error and of up to two
 * causes (each clipped, so a cause after a huge message still shows), and the first stack frames.
 */
export function excerpt(reason: unknown, max = LOG_EXCERPT_MAX): string {
  const parts: string[] = [];
  let e: unknown = reason;
  for (let depth = 0; depth < 3 && e !== undefined && e !== null; depth++) {
    const text = e instanceof Error ? `${e.name}: ${e.message}` : typeof e === 'string' ? e : safeString(e);
    parts.push(clip(text.replace(/\s+/g, ' '), Math.floor(max / 3)));
    e = e instanceof Error ? (e as Error & { cause?: unknown }).cause : undefined;
  }
  const stack =
    reason instanceof Error && reason.stack
      ? reason.stack
          .split('\n')
          .filter((l) => /^\s+at /.test(l))
          .slice(0, 3)
          .map((l) => l.trim())
          .join(' < ')
      : '';
  const one = parts.join(' ← caused by ') + (stack ? ` @ ${stack}` : '');
  return one.length > max ? one.slice(0, max) + '…' : one;
}

function safeString(v: unknown): string {
  try {
    return String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

type Sink = (line: string) => void;
let sink: Sink = (line) => process.stderr.write(line + '\n');

/** Sends log lines to `s` (tests); returns the previous sink. */
export function setLogSink(s: Sink): Sink {
  const prev = sink;
  sink = s;
  return prev;
}

/** Logs an internal error that happened in `context` (e.g. "POST /api/v1/budgets"); returns its id. */
export function logError(context: string, err: unknown): string {
  const id = errorId();
  sink(`fiscus: internal error ${id} (${clip(context.replace(/\s+/g, ' '), 200)}): ${excerpt(err)}`);
  return id;
}

/** Logs an operational warning (not an error of a request), bounded like the errors. */
export function logWarning(text: string): void {
  sink(`fiscus: ${clip(text.replace(/\s+/g, ' '), LOG_EXCERPT_MAX)}`);
}
