/**
 * `fiscus serve`: the HTTP API and the web app over one workspace, in one process. The API and the
 * web app are siblings (neither imports the other), so they are put together here.
 */
import type { Command } from 'commander';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { Hono } from 'hono';
import { timing } from 'hono/timing';
import { openWorkspace, type Workspace } from '../app/workspace.js';
import { parsePool } from '../app/isolation/pool.js';
import { guardProcess } from '../app/process-guard.js';
import { stallMonitor } from '../app/stall-monitor.js';
import type { Limits } from '../app/limits.js';
import { FiscusError } from '../domain/errors.js';
import { createApi, type Exporter } from '../api/routes.js';
import { problemResponse } from '../api/problem.js';
import { httpSecurity } from '../app/http-security.js';
import { errorPage } from '../web/error-page.js';
import { renderReportIsolated } from '../app/report.js';
import { createWeb } from '../web/routes.js';
import { accountsOf } from '../app/accounts.js';
import { bootstrapAdmin } from './accounts.js';
import { untilSignal } from './io.js';

export interface HttpAppOptions {
  /** The limits on request bodies (default DEFAULT_LIMITS; the parser threads' own come from parsePool()). */
  limits?: Limits;
  maxUploadBytes?: number;
  exporter?: Exporter;
}

/** The whole HTTP surface: `/api/v1/*`, `/openapi.json`, `/docs`, then the web pages. */
export function createHttpApp(ws: Workspace, opts: HttpAppOptions = {}): Hono {
  const app = new Hono();
  // One Server-Timing header per response, whichever sub-app answers.
  app.use('*', timing({ totalDescription: 'server' }));
  // A refused request that sent a body (which may not have been read to its end): the connection is
  // closed after the answer, so a client never sends its next request on a socket the server is
  // about to drop (a keep-alive race that clients see as ECONNRESET).
  app.use('*', async (c, next) => {
    await next();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.res.status >= 400) c.res.headers.set('Connection', 'close');
  });
  // Which requests were in flight when the thread stalled (logged by the stall monitor).
  const monitor = stallMonitor();
  app.use('*', async (c, next) => {
    const done = monitor.begin(`${c.req.method} ${c.req.path}`);
    try {
      await next();
    } finally {
      done();
    }
  });
  // CSRF refusal of cross-site form posts and the security headers (app/http-security.ts).
  app.use('*', httpSecurity({ problem: problemResponse, page: errorPage }));
  app.route('/', createApi(ws, opts));
  app.route('/', createWeb(ws, opts));
  return app;
}

export interface ServerOptions {
  port: number;
  /** PGlite data folder (created when missing); ignored when `databaseUrl` is given. */
  dataDir?: string;
  databaseUrl?: string;
  /** The address to listen on (default 127.0.0.1: this machine only). */
  hostname?: string;
  /** Called with the opened workspace before the server listens (e.g. to import a sample). */
  prepare?: (ws: Workspace) => Promise<void>;
}

export interface RunningServer {
  url: string;
  /** The address and port listened on (`127.0.0.1:8080`). */
  listen: string;
  port: number;
  ws: Workspace;
  close(): Promise<void>;
}

/** The address fiscus listens on unless `HOST` or `--host` says otherwise: this machine only. */
export const DEFAULT_HOST = '127.0.0.1';

/** `--host`'s default: the `HOST` environment variable, else 127.0.0.1. */
export function defaultHost(): string {
  const h = process.env['HOST']?.trim();
  return h ? h : DEFAULT_HOST;
}

const LOOPBACK_OR_ANY = new Set(['127.0.0.1', '::1', '0.0.0.0', '::']);

/** The address to open in a browser: localhost when listening on loopback or on every address. */
function urlOf(a: AddressInfo): string {
  if (LOOPBACK_OR_ANY.has(a.address)) return `http://localhost:${a.port}`;
  return `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
}

/** The line printed once the server listens: where to open it, and where it listens. */
export function startedLine(s: RunningServer): string {
  const local = /^(127\.|\[::1\])/.test(s.listen);
  return `fiscus 已启动: ${s.url} （监听 ${s.listen}${local ? '，仅本机可访问；对外服务请设置 HOST 或 --host' : ''}）\n`;
}

/** Opens the workspace and listens; `close` stops listening and releases the workspace. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  guardProcess();
  const ws = await openWorkspace(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : { dataDir: resolve(opts.dataDir ?? 'data') });
  // Parser threads load while the server starts, not during its first upload.
  parsePool().warm();
  try {
    await opts.prepare?.(ws);
    const app = createHttpApp(ws, await exporterIfAvailable());
    const hostname = opts.hostname ?? DEFAULT_HOST;
    const server = await new Promise<ReturnType<typeof serve>>((ok, fail) => {
      const s = serve({ fetch: app.fetch, port: opts.port, hostname }, () => ok(s));
      s.once('error', (e: NodeJS.ErrnoException) =>
        fail(
          e.code === 'EADDRINUSE'
            ? new FiscusError('LOCKED', `端口 ${opts.port} 已被占用（用 --port 或环境变量 PORT 另选端口）`)
            : e.code === 'ENOTFOUND' || e.code === 'EADDRNOTAVAIL' || e.code === 'EAI_AGAIN'
              ? new FiscusError('INPUT_INVALID', `无法在地址 ${hostname} 上监听（${e.code}）：请检查 --host 或环境变量 HOST`, { field: 'host' })
              : e,
        ),
      );
    });
    const bound = server.address() as AddressInfo;
    const port = bound.port;
    let closed = false;
    return {
      url: urlOf(bound),
      listen: `${bound.family === 'IPv6' ? `[${bound.address}]` : bound.address}:${port}`,
      port,
      ws,
      async close() {
        if (closed) return;
        closed = true;
        await new Promise<void>((ok) => {
          server.close(() => ok());
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        });
        await ws.close();
      },
    };
  } catch (e) {
    await ws.close();
    throw e;
  }
}

const CONTENT_TYPES = {
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/** HTML/XLSX/PDF exports through the report use case, with the version's stored findings as an appendix. */
export async function exporterIfAvailable(): Promise<HttpAppOptions> {
  return {
    // Rendered in a parser thread (HTML, XLSX; a PDF's HTML too, then printed by Chromium): the
    // server's own thread keeps answering meanwhile.
    exporter: async (doc, format, findings) => ({ body: await renderReportIsolated(doc, format, findings), contentType: CONTENT_TYPES[format] }),
  };
}

/** Waits for SIGINT/SIGTERM, then closes the server (releasing the data folder lock). */
export async function runUntilSignal(server: RunningServer): Promise<void> {
  await untilSignal();
  await server.close();
}

/** A `--port` value; INPUT_INVALID unless 0–65535. */
export function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new FiscusError('INPUT_INVALID', `端口应为 0–65535 的整数，实为 ${JSON.stringify(v)} (expected a port number 0–65535, found ${JSON.stringify(v)})`);
  return n;
}

/** Registers `fiscus serve [--port 8080] [--data ./data]` (DATABASE_URL selects PostgreSQL). */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('启动 Web 应用与 HTTP API / serve the web app and the HTTP API')
    .option('-p, --port <port>', '端口 / port (PORT overrides the default)', process.env['PORT'] ?? '8080')
    .option('-d, --data <dir>', 'PGlite 数据目录 / data folder', './data')
    .option('--host <host>', '监听地址 / address to listen on (HOST, else 127.0.0.1)', defaultHost())
    .action(async (o: { port: string; data: string; host: string }) => {
      const databaseUrl = process.env['DATABASE_URL'];
      const server = await startServer({
        port: parsePort(o.port),
        dataDir: o.data,
        hostname: o.host,
        ...(databaseUrl ? { databaseUrl } : {}),
        // The first start of an empty workspace creates the administrator.
        prepare: (ws) => bootstrapAdmin(accountsOf(ws), (s) => process.stdout.write(s)),
      });
      process.stdout.write(startedLine(server));
      await runUntilSignal(server);
    });
}
