/**
 * The one mapping from errors to HTTP responses: every failure leaves the API as
 * `application/problem+json` (RFC 9457) carrying the stable FiscusError code.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { FiscusError, type ErrorCode } from '../domain/errors.js';
import { HTTP_STATUS, RETRY_AFTER_S } from '../app/http-status.js';
import { logError } from '../app/log.js';

/** HTTP status of each error code (one mapping, shared with the web app). */
export const STATUS = HTTP_STATUS;

/** Short Chinese title per code (the problem's `title`, the same for every instance of a code). */
export const TITLES: Record<ErrorCode, string> = {
  INPUT_UNREADABLE: '无法读取输入',
  INPUT_INVALID: '输入不符合要求',
  NOT_FOUND: '未找到',
  UNAUTHENTICATED: '需要登录',
  FORBIDDEN: '无权执行此操作',
  CONFLICT: '版本冲突：数据已被他人修改',
  TOO_LARGE: '上传内容过大',
  LOCKED: '数据目录被占用',
  DEPENDENCY_MISSING: '缺少系统组件',
  BUSY: '服务器繁忙，请稍后重试',
  AUDIT_BROKEN: '审计日志校验失败',
  INTERNAL: '内部错误',
};

/** The body of a problem response. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  instance: string;
  line?: number;
  field?: string;
  file?: string;
  expected?: string;
  found?: string;
  /** An internal error's id, also in the server's log line (app/log.ts). */
  errorId?: string;
}

/** Builds the problem body for a FiscusError raised while serving `instance` (the request path). */
export function problemOf(e: FiscusError, instance: string): Problem {
  const p: Problem = {
    type: `urn:fiscus:problem:${e.code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[e.code],
    status: STATUS[e.code],
    code: e.code,
    detail: e.oneLine(),
    instance,
  };
  if (typeof e.where.line === 'number') p.line = e.where.line;
  if (e.where.field) p.field = e.where.field;
  if (e.where.file) p.file = e.where.file;
  if (e.expected !== undefined) p.expected = e.expected;
  if (e.found !== undefined) p.found = e.found;
  return p;
}

/** Any thrown value → FiscusError (HTTP exceptions from middleware keep their meaning). */
export function toFiscusError(err: unknown): FiscusError {
  if (err instanceof FiscusError) return err;
  if (err instanceof HTTPException) {
    const code: ErrorCode =
      err.status === 413 ? 'TOO_LARGE' : err.status === 404 ? 'NOT_FOUND' : err.status === 409 ? 'CONFLICT' : err.status === 422 ? 'INPUT_INVALID' : err.status < 500 ? 'INPUT_UNREADABLE' : 'INTERNAL';
    return new FiscusError(code, err.message || TITLES[code]);
  }
  return new FiscusError('INTERNAL', '内部错误');
}

/** The problem+json response for any error raised while serving `c`. */
export function problemResponse(c: Context, err: unknown): Response {
  const e = toFiscusError(err);
  const body = problemOf(e, new URL(c.req.url).pathname);
  if (e.code === 'INTERNAL') {
    // Logged bounded with an id (never the whole request or document); the id goes to the client.
    body.errorId = logError(`${c.req.method} ${body.instance}`, err);
    body.detail = `${body.detail}（错误编号 ${body.errorId}）`;
  }
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...(e.code === 'BUSY' ? { 'retry-after': String(RETRY_AFTER_S) } : {}) },
  });
}

/** Zod issues → one INPUT_INVALID error naming the first offending field. */
export function validationError(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>, part: string): FiscusError {
  const first = issues[0];
  const field = first ? first.path.map(String).join('.') : '';
  const where = field ? `${part}.${field}` : part;
  const more = issues.length > 1 ? `（另有 ${issues.length - 1} 处）` : '';
  return new FiscusError('INPUT_INVALID', `${where}: ${first?.message ?? '无效'}${more}`, { field: where });
}
