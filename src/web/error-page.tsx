/** The web app's page for a refused or failed request: a Chinese title, the message, and its stable code beside it. */
import type { Context } from 'hono';
import { HTTP_STATUS } from '../app/http-status.js';
import type { ErrorCode, FiscusError } from '../domain/errors.js';
import { Layout } from './layout.js';

/** The page's heading per code (the message says what exactly). */
export const ERROR_TITLES: Partial<Record<ErrorCode, string>> = {
  INPUT_UNREADABLE: '无法读取提交的内容',
  INPUT_INVALID: '提交的内容不符合要求',
  NOT_FOUND: '未找到',
  UNAUTHENTICATED: '需要登录',
  FORBIDDEN: '无权执行此操作',
  CONFLICT: '版本冲突',
  TOO_LARGE: '提交的内容过大',
  LOCKED: '数据目录被占用',
  DEPENDENCY_MISSING: '缺少系统组件',
  BUSY: '服务器繁忙，请稍后重试',
  INTERNAL: '内部错误',
};

export function ErrorPage(props: { code: ErrorCode; detail: string; errorId?: string | null }) {
  const title = ERROR_TITLES[props.code] ?? '请求未完成';
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p role="alert">
        {props.detail}（{props.code}）
      </p>
      {props.errorId ? <p>错误编号 {props.errorId}（请告知管理员，日志中有同一编号）</p> : null}
      <p>
        <a href="/">返回首页</a>
      </p>
    </Layout>
  );
}

/** The error page of `e`, with its status from the one mapping (app/http-status.ts). */
export function errorPage(c: Context, e: FiscusError): Response | Promise<Response> {
  return c.html(<ErrorPage code={e.code} detail={e.message} />, HTTP_STATUS[e.code] ?? 500);
}
