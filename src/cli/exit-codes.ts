/** The one mapping from error codes to exit codes (see docs/cli.md). */
import type { ErrorCode } from '../domain/errors.js';

/** 0 ok, 1 findings at or above the fail level, 2 unusable input, 3 environment, 4 internal, 5 the audit log is broken. */
export const EXIT: Record<ErrorCode, number> = {
  INPUT_UNREADABLE: 2,
  INPUT_INVALID: 2,
  NOT_FOUND: 2,
  UNAUTHENTICATED: 2,
  FORBIDDEN: 2,
  TOO_LARGE: 2,
  CONFLICT: 2,
  LOCKED: 3,
  DEPENDENCY_MISSING: 3,
  BUSY: 3,
  AUDIT_BROKEN: 5,
  INTERNAL: 4,
};

/** Exit code of the last `fiscus validate` or `fiscus audit` run (commander actions cannot return one). */
export const validateOutcome = { exitCode: 0 };
