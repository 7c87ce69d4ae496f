/**
 * Static assets served from this process (the network may be closed, so no CDN): htmx and ECharts
 * from node_modules, the app's own CSS and scripts (every script of a page is one of these: the
 * Content-Security-Policy allows no inline script). Gzipped once, when first asked for gzipped (a page's
 * URL of an asset needs only its hash: the first page after a start does not wait for ECharts' megabyte
 * to be compressed), cached by versioned URL.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';

interface Asset {
  body: Buffer;
  /** Made on first use (gzipped). */
  gzip: Buffer | null;
  type: string;
  etag: string;
}

const require = createRequire(import.meta.url);

const SOURCES: Record<string, { path: () => string; type: string }> = {
  'htmx.min.js': { path: () => require.resolve('htmx.org/dist/htmx.min.js'), type: 'text/javascript; charset=utf-8' },
  'echarts.min.js': { path: () => require.resolve('echarts/dist/echarts.min.js'), type: 'text/javascript; charset=utf-8' },
  'app.css': { path: () => fileURLToPath(new URL('./static/app.css', import.meta.url)), type: 'text/css; charset=utf-8' },
  'app.js': { path: () => fileURLToPath(new URL('./static/app.js', import.meta.url)), type: 'text/javascript; charset=utf-8' },
  // The script of the API's /docs page (src/api/docs-page.ts), which links it without a version.
  'docs.js': { path: () => fileURLToPath(new URL('./static/docs.js', import.meta.url)), type: 'text/javascript; charset=utf-8' },
};

const cache = new Map<string, Asset>();

function load(name: string): Asset | undefined {
  const hit = cache.get(name);
  if (hit) return hit;
  const src = SOURCES[name];
  if (!src) return undefined;
  const body = readFileSync(src.path());
  const asset = { body, gzip: null, type: src.type, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` };
  cache.set(name, asset);
  return asset;
}

/** URL of an asset, with its content hash so browsers may cache it forever. */
export function assetUrl(name: keyof typeof SOURCES): string {
  const a = load(name);
  return `/static/${name}?v=${a ? a.etag.slice(1, 9) : '0'}`;
}

/** Registers `GET /static/:name`. */
export function mountAssets(app: Hono): void {
  app.get('/static/:name', (c) => {
    const a = load(c.req.param('name'));
    if (!a) return c.text('未找到（NOT_FOUND）', 404);
    if (c.req.header('if-none-match') === a.etag) return c.body(null, 304);
    const gz = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    // A versioned URL (assetUrl) never changes; one without `?v=` is checked again on each use.
    const cacheControl = c.req.query('v') === undefined ? 'no-cache' : 'public, max-age=31536000, immutable';
    const headers: Record<string, string> = { 'content-type': a.type, etag: a.etag, 'cache-control': cacheControl, vary: 'accept-encoding' };
    if (gz) headers['content-encoding'] = 'gzip';
    return c.body(new Uint8Array(gz ? (a.gzip ??= gzipSync(a.body)) : a.body), 200, headers);
  });
}
