/**
 * The whole HTTP surface of a server: the HTTP API and the web app are siblings (neither imports the
 * other), so they are put together here. `fiscus serve` and `fiscus start` (serve.ts) load this module
 * while their workspace opens.
 */
import { Hono } from 'hono';
import { timing } from 'hono/timing';
import type { Workspace } from '../app/workspace.js';
import { stallMonitor } from '../app/stall-monitor.js';
import type { Limits } from '../app/limits.js';
import { createApi, type Exporter } from '../api/routes.js';
import { problemResponse } from '../api/problem.js';
import { httpSecurity } from '../app/http-security.js';
import { errorPage } from '../web/error-page.js';
import { renderReportIsolated } from '../app/report.js';
import { createWeb } from '../web/routes.js';

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
  // Which requests were in flight when the thread stalled (logged by the stall monitor). The monitor is
  // taken per request, not here: building the app is itself one long synchronous step, which it would
  // report as a stall at every start (startServer starts it once listening).
  app.use('*', async (c, next) => {
    const done = stallMonitor().begin(`${c.req.method} ${c.req.path}`);
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
