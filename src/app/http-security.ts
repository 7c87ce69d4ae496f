/**
 * Web security of the whole HTTP surface (issue 13 item 6), as one hono middleware registered first
 * in `createHttpApp`: a refusal of cross-site form posts (CSRF) and security headers on every answer.
 *
 * CSRF: hono's own check (`hono/csrf`: the request's `Origin` is this server's, or the browser's
 * `Sec-Fetch-Site` says `same-origin`), applied to the requests a page of another site can make a
 * browser send without asking: unsafe methods with a form body (urlencoded, multipart, text/plain or
 * none). What passes without the check, and why:
 * - JSON and every other body type: a browser sends them across origins only after a CORS preflight,
 *   which fiscus never grants;
 * - under `/api/`, `Authorization: Bearer …` (API tokens): no browser attaches it to a request on its
 *   own, and a page of another site cannot set it without a preflight (the web app reads no token, so
 *   its forms are checked whatever the headers);
 * - under `/api/`, a request with neither `Origin` nor `Sec-Fetch-Site` and without the session cookie:
 *   a program (curl, an integrator's script), since every current browser sends one of the two on a
 *   post. The API reads no cookie (it signs in by token only), so such a request carries no browser
 *   credential to ride on. A post under `/api/` that a browser marks as cross-site is refused.
 * Outside `/api/` (the web app's forms), a form post without `Origin` and `Sec-Fetch-Site` is refused
 * too: the session cookie is SameSite=Lax, which keeps it off cross-site posts but not off posts from
 * another port or subdomain of the same site (`same-site`), which this check refuses as well.
 * A refused post is FORBIDDEN (403) with a Chinese message naming the origin (`field: origin`).
 *
 * Headers (`hono/secure-headers`): a Content-Security-Policy without inline script (pages load their
 * scripts from `/static/` and `/docs.js`), framing refused (`frame-ancestors 'none'`, X-Frame-Options
 * DENY), nosniff, `Referrer-Policy: same-origin` (no address of fiscus leaks to other sites, while
 * the browser still sends `Origin` on fiscus' own form posts, which `no-referrer` would blank). Inline
 * styles stay allowed (`style-src 'unsafe-inline'`): ECharts' tooltips and the chart containers set
 * them, and a style cannot run code. Under `/api/` (JSON, and the HTML exports export.html,
 * monitoring.html, evaluation.html, which print imported text) the policy allows no script, no
 * connection and no loaded resource at all: only their own inline styles and data: images.
 * Strict-Transport-Security is left to the TLS proxy in front (fiscus itself speaks plain HTTP, on
 * 127.0.0.1 by default, and a wrong HSTS on a district's domain would outlive the deployment).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { FiscusError } from '../domain/errors.js';
import { SESSION_COOKIE } from './accounts.js';

export interface HttpSecurityOptions {
  /** The answer to a refused post under `/api/` (the API's problem+json). */
  problem: (c: Context, e: FiscusError) => Response | Promise<Response>;
  /** The answer to a refused post elsewhere (the web app's error page). */
  page: (c: Context, e: FiscusError) => Response | Promise<Response>;
}

type Csp = NonNullable<NonNullable<Parameters<typeof secureHeaders>[0]>['contentSecurityPolicy']>;

/** The policy of everything but `/api/`: the web app's pages, its static files, /docs, /openapi.json. */
export const APP_CSP: Csp = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** The policy of `/api/`: JSON and the HTML exports (documents with inline styles and SVG, no script). */
export const DOCUMENT_CSP: Csp = {
  defaultSrc: ["'none'"],
  styleSrc: ["'unsafe-inline'"],
  imgSrc: ['data:'],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

const headers = (contentSecurityPolicy: Csp) =>
  secureHeaders({
    contentSecurityPolicy,
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    strictTransportSecurity: false,
  });

const FORM_BODY = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data|text\/(plain|ping))\b/i;

/** Whether a request is one a page of another site could make a browser send (an unsafe method with a form body). */
function formPost(c: Context): boolean {
  if (/^(GET|HEAD|OPTIONS)$/.test(c.req.method)) return false;
  return FORM_BODY.test(c.req.header('content-type') ?? 'text/plain');
}

const isApi = (path: string) => path.startsWith('/api/');
const hasSessionCookie = (c: Context) => new RegExp(`(^|;)\\s*${SESSION_COOKIE}=`).test(c.req.header('cookie') ?? '');

/**
 * hono's check, with this server's origin as the request arrived (a TLS proxy saying
 * `X-Forwarded-Proto: https` in front of plain HTTP: the page's origin is https://host).
 */
const sameOrigin = csrf({
  origin: (origin, c) => {
    const url = new URL(c.req.url);
    if (origin === url.origin) return true;
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
    return proto === 'https' && origin === `https://${url.host}`;
  },
});

/** Whether hono's check lets the request through (`c`: a middleware's context, as sameOrigin takes it). */
async function passesCsrf(c: Parameters<MiddlewareHandler>[0]): Promise<boolean> {
  let passed = false;
  try {
    await sameOrigin(c, async () => {
      passed = true;
    });
  } catch (e) {
    if (!(e instanceof HTTPException) || e.status !== 403) throw e;
  }
  return passed;
}

/** Whether a request must pass the same-origin check (see the file's comment). */
function mustCheck(c: Context): boolean {
  if (!formPost(c)) return false;
  if (!isApi(c.req.path)) return true;
  if (/^bearer\s/i.test(c.req.header('authorization') ?? '')) return false;
  return c.req.header('origin') !== undefined || c.req.header('sec-fetch-site') !== undefined || hasSessionCookie(c);
}

/** The refusal of a cross-site post: FORBIDDEN, naming where it came from. */
export function crossSiteRefusal(c: Context): FiscusError {
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  const from = origin !== undefined ? `来源 ${origin.slice(0, 100)}` : site !== undefined ? `来源 ${site.slice(0, 20)}` : '请求未注明来源';
  return new FiscusError('FORBIDDEN', `拒绝跨站提交：表单只能从本站的页面提交（${from}）。请回到本站页面重新操作`, { field: 'origin' });
}

/** The CSRF check and the security headers, for `app.use('*', …)` before every route. */
export function httpSecurity(opts: HttpSecurityOptions): MiddlewareHandler {
  const appHeaders = headers(APP_CSP);
  const documentHeaders = headers(DOCUMENT_CSP);
  return async (c, next) => {
    const withHeaders = isApi(c.req.path) ? documentHeaders : appHeaders;
    await withHeaders(c, async () => {
      if (mustCheck(c) && !(await passesCsrf(c))) {
        const e = crossSiteRefusal(c);
        c.res = await (isApi(c.req.path) ? opts.problem(c, e) : opts.page(c, e));
        return;
      }
      await next();
    });
  };
}
