/**
 * `fiscus serve`: the HTTP API and the web app (http-app.ts) over one workspace, in one process. Light
 * by itself: the workspace's modules and the web app's load when a server starts, the workspace first,
 * so that PGlite starts (its WebAssembly compiles, its data folder is read) while the web app's modules
 * load (issue 14: start-up).
 */
import type { Command } from 'commander';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Workspace } from '../app/workspace.js';
import { guardProcess } from '../app/process-guard.js';
import { parsePool } from '../app/isolation/pool.js';
import { stallMonitor } from '../app/stall-monitor.js';
import { FiscusError } from '../domain/errors.js';
import { untilSignal } from './io.js';

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

/**
 * Starts the parser threads a second after the server listens: before anyone can upload, but not while
 * the server starts and answers its first pages (a redirect and the page it leads to), when on 2 cores
 * they would take a core from PGlite's start (V8 compiles its hot functions on the other core meanwhile)
 * and from those pages (the pool's first thread costs the request thread about 25 ms to start). An upload
 * sooner starts them itself. Returns what cancels it (the server closing first).
 */
function warmSoon(): () => void {
  const timer = setTimeout(() => parsePool().warm(), 1000);
  timer.unref();
  return () => clearTimeout(timer);
}

/** Opens the workspace and listens; `close` stops listening and releases the workspace. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  guardProcess();
  // The workspace first: PGlite starts (its WebAssembly compiles, its data folder is read) while the web
  // app's modules load, so that on 2 cores neither waits for the other.
  const { openWorkspace } = await import('../app/workspace.js');
  const opening = openWorkspace(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : { dataDir: resolve(opts.dataDir ?? 'data') });
  const loading = Promise.all([import('./http-app.js'), import('@hono/node-server')]);
  // Awaited below; a failure to load while the workspace opens is not an unhandled rejection meanwhile.
  loading.catch(() => undefined);
  const ws = await opening;
  try {
    await opts.prepare?.(ws);
    const [{ createHttpApp, exporterIfAvailable }, { serve }] = await loading;
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
    const stopWarming = warmSoon();
    // The thread is watched from now on: what came before (PGlite's start, loading and building the app)
    // is the start, not a stall while serving.
    stallMonitor();
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
        stopWarming();
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
        prepare: async (ws) => {
          const [{ bootstrapAdmin }, { accountsOf }] = await Promise.all([import('./accounts.js'), import('../app/accounts.js')]);
          await bootstrapAdmin(accountsOf(ws), (s) => process.stdout.write(s));
        },
      });
      process.stdout.write(startedLine(server));
      await runUntilSignal(server);
    });
}
