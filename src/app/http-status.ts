/**
 * The one mapping from error codes to HTTP status (design.md convention 5), shared by the two HTTP
 * front doors: the API's problem+json and the web app's error pages.
 */
import type { ErrorCode } from '../domain/errors.js';

export type HttpErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 500 | 503;

export const HTTP_STATUS: Record<ErrorCode, HttpErrorStatus> = {
  INPUT_UNREADABLE: 400,
  INPUT_INVALID: 422,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  TOO_LARGE: 413,
  LOCKED: 503,
  DEPENDENCY_MISSING: 503,
  BUSY: 503,
  AUDIT_BROKEN: 500,
  INTERNAL: 500,
};

/** Seconds a client is asked to wait after BUSY (`Retry-After`): about one parse. */
export const RETRY_AFTER_S = 5;
