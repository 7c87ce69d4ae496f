/**
 * The rules of accounts (issue 13): what a login name and a password must be, when repeated failures
 * lock an account, how long a session lives. The roles and what they may do: access.ts.
 */
import { FiscusError } from './errors.js';

/** Sign-in failures in a row that lock an account, and for how long. */
export const LOCKOUT = { maxFailures: 5, minutes: 15 } as const;

/** A session ends after this long without a request (each request extends it). */
export const SESSION_IDLE_HOURS = 12;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

const LOGIN = /^[a-z][a-z0-9._-]{1,31}$/;

/** The audit log's actors that are not users (a write by the system, the CLI, or a door without a user): no user may take them as a login. */
export const NON_USER_ACTORS = ['system', 'cli', 'web', 'api', 'anonymous'] as const;

/**
 * A login name, lower-cased: a letter, then 1–31 letters, digits, `.`, `_` or `-`, and not one of
 * NON_USER_ACTORS. INPUT_INVALID (field `login`) otherwise.
 */
export function parseLogin(s: string): string {
  const t = s.trim().toLowerCase();
  if (!LOGIN.test(t))
    throw new FiscusError('INPUT_INVALID', `用户名应为 2–32 个字符：以字母开头，只含字母、数字和 . _ -，实际为 ${JSON.stringify(s.slice(0, 40))}`, { field: 'login' }, 'login', s.slice(0, 40));
  if ((NON_USER_ACTORS as readonly string[]).includes(t))
    throw new FiscusError('INPUT_INVALID', `用户名 ${t} 保留给审计日志（${NON_USER_ACTORS.join('、')}），请另选一个`, { field: 'login' }, 'login', t);
  return t;
}

/** INPUT_INVALID (field `password`, never echoing it) unless the password is 10–256 characters and not blank. */
export function checkPassword(password: string, field = 'password'): void {
  const n = [...password].length;
  if (n < PASSWORD_MIN || n > PASSWORD_MAX) throw new FiscusError('INPUT_INVALID', `密码长度应为 ${PASSWORD_MIN}–${PASSWORD_MAX} 个字符，实际为 ${n} 个`, { field });
  if (password.trim() === '') throw new FiscusError('INPUT_INVALID', '密码不能全为空白字符', { field });
}

/** INPUT_INVALID unless a display name is 1–64 characters after trimming; returns it trimmed. */
export function parseDisplayName(s: string): string {
  const t = s.trim();
  const n = [...t].length;
  if (n < 1 || n > 64) throw new FiscusError('INPUT_INVALID', `姓名应为 1–64 个字符，实际为 ${n} 个`, { field: 'displayName' });
  return t;
}
