/**
 * The one error type of fiscus. `code` is stable (scripts and API clients rely on it) and is mapped
 * once to an exit code (cli/exit-codes.ts) and once to an HTTP status (api/problem.ts).
 */
export const ERROR_CODES = [
  'INPUT_UNREADABLE', // binary, empty, undecodable, truncated input
  'INPUT_INVALID', // readable but not of the expected structure (names file:line)
  'NOT_FOUND',
  'UNAUTHENTICATED', // not signed in, a wrong password or token, an expired session, a locked account
  'FORBIDDEN', // signed in, may see the thing, may not do this to it
  'CONFLICT', // stale edit (based on an old version)
  'LOCKED', // the data folder is in use by another process
  'TOO_LARGE',
  'DEPENDENCY_MISSING', // a system package (chromium, pdftotext) is not installed
  'BUSY', // the server has more work waiting than it accepts; try again shortly
  'AUDIT_BROKEN', // the audit log's hash chain does not verify: a row was altered or deleted behind the application's back
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorWhere {
  file?: string;
  line?: number | null;
  page?: number | null;
  field?: string;
}

export class FiscusError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly where: ErrorWhere = {},
    readonly expected?: string,
    readonly found?: string,
  ) {
    super(message);
    this.name = 'FiscusError';
  }

  /** `file:line: message` — the one-line form the CLI prints. */
  oneLine(): string {
    const loc = [this.where.file, this.where.line ?? undefined].filter((x) => x !== undefined && x !== '').join(':');
    return loc ? `${loc}: ${this.message}` : this.message;
  }
}

/** An input error at a place: "应为X，实为 \"Y\"" (expected X, found Y; both kept as data). */
export function inputError(where: ErrorWhere, expected: string, found: string): FiscusError {
  const f = found.length > 40 ? found.slice(0, 40) + '…' : found;
  return new FiscusError('INPUT_INVALID', `应为${expected}，实为 ${JSON.stringify(f)}`, where, expected, found);
}
