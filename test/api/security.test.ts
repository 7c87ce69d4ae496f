/**
 * Web security of the whole HTTP surface (issue 13 item 6; src/app/http-security.ts), through
 * `createHttpApp` on PGlite: the security headers on a page, a static asset, an API answer, /docs and
 * an HTML export; cross-site and unmarked form posts to the web app refused (403, Chinese message and
 * code), same-origin ones served; API clients (Bearer tokens, JSON, programs sending no Origin) served.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace, type Workspace } from '../../src/app/workspace.js';
import { accountsOf } from '../../src/app/accounts.js';
import { createHttpApp } from '../../src/cli/http-app.js';
import { budget, bytesOf } from '../storage/fixture.js';

const ORIGIN = 'http://localhost';
const PW = 'zhang-password-1';
const REFUSED = '拒绝跨站提交：表单只能从本站的页面提交';

describe('web security', () => {
  let dir: string;
  let ws: Workspace;
  let app: ReturnType<typeof createHttpApp>;
  let token = '';
  const req = (path: string, init?: RequestInit) => app.request(`${ORIGIN}${path}`, init);
  const loginForm = (headers: Record<string, string>, password = PW) =>
    req('/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams({ login: 'zhang', password }).toString() });
  // Each upload a budget of its own year (a second version of one would ask for confirmation).
  const upload = (path: string, headers: Record<string, string>, year = 2021) => {
    const fd = new FormData();
    fd.append('file', new File([Buffer.from(bytesOf(budget(year)))], 'budget.json', { type: 'application/json' }));
    return req(path, { method: 'POST', body: fd, headers });
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fiscus-security-'));
    ws = await openWorkspace({ dataDir: dir });
    const acc = accountsOf(ws);
    await acc.bootstrap({ adminPassword: 'admin-password-1', rootName: '某区财政局' });
    await acc.addOrganisation({ name: '某区教育局', kind: 'department', parent: '某区财政局' });
    await acc.addOrganisation({ name: '某区第一中学', kind: 'unit', parent: '某区教育局' });
    await acc.addUser({ login: 'zhang', displayName: '张三', role: 'preparer', organisation: '某区第一中学', password: PW });
    token = (await acc.addToken('zhang')).token;
    // The HTML exports' headers (their rendering in Chromium under this policy: test/e2e).
    app = createHttpApp(ws, {
      exporter: async (doc, format) => ({ body: `<!doctype html><title>${doc.unit.name}</title><style>p{}</style><p>${format}</p>`, contentType: 'text/html; charset=utf-8' }),
    });
  });
  after(async () => {
    await ws?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const common = (res: Response, what: string) => {
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', what);
    assert.equal(res.headers.get('x-frame-options'), 'DENY', what);
    assert.equal(res.headers.get('referrer-policy'), 'same-origin', what);
    assert.equal(res.headers.get('strict-transport-security'), null, what);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors 'none'/, what);
    assert.match(csp, /base-uri 'none'/, what);
    // No inline script anywhere: no 'unsafe-inline' or 'unsafe-eval' among the script sources.
    assert.doesNotMatch(/script-src[^;]*/.exec(csp)?.[0] ?? '', /unsafe/, what);
    return csp;
  };

  test('a page, a static asset and /docs carry the app policy: scripts from this origin only, no inline script in the page', async () => {
    for (const path of ['/login', '/static/app.js', '/static/docs.js', '/docs']) {
      const res = await req(path);
      assert.equal(res.status, 200, path);
      const csp = common(res, path);
      assert.match(csp, /default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'/, path);
      assert.match(csp, /form-action 'self'/, path);
      if (res.headers.get('content-type')?.startsWith('text/html')) {
        const html = await res.text();
        assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/, `${path}: an inline <script>`);
        assert.doesNotMatch(html, /\son[a-z]+=/i, `${path}: an on…= handler`);
      }
    }
    // The docs page's script is the static file (no version in its link: revalidated on each use).
    assert.match(await (await req('/docs')).text(), /<script src="\/static\/docs\.js" defer><\/script>/);
    assert.equal((await req('/static/docs.js')).headers.get('cache-control'), 'no-cache');
    assert.match((await req('/static/app.js?v=1')).headers.get('cache-control') ?? '', /immutable/);
  });

  test('an API answer and an HTML export carry the document policy: no script, no connection, only inline styles and data: images', async () => {
    const imported = await upload('/api/v1/budgets', { authorization: `Bearer ${token}` });
    assert.ok(imported.status === 200 || imported.status === 201, await imported.clone().text());
    const id = ((await imported.json()) as { budgetId: string }).budgetId;
    for (const path of ['/api/v1/health', '/api/v1/budgets', '/api/v1/nothing-here', `/api/v1/budgets/${id}/export.html`]) {
      const res = await req(path, { headers: { authorization: `Bearer ${token}` } });
      if (path.endsWith('.html')) assert.equal(res.status, 200, await res.clone().text());
      const csp = common(res, path);
      assert.equal(csp, "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'", path);
    }
  });

  test('a cross-site form post and one naming no origin are refused before the route: 403, a Chinese message, FORBIDDEN', async () => {
    for (const headers of [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'http://localhost:8081' }, // same site, another port: SameSite=Lax would let the cookie through
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      {},
    ] as Array<Record<string, string>>) {
      const res = await loginForm(headers);
      assert.equal(res.status, 403, JSON.stringify(headers));
      const html = await res.text();
      assert.match(html, new RegExp(`${REFUSED}（(来源 |请求未注明来源)[^）]*）。请回到本站页面重新操作（FORBIDDEN）`), JSON.stringify(headers));
      assert.match(html, /<h1>无权执行此操作<\/h1>/);
      assert.equal(res.headers.get('set-cookie'), null);
      assert.equal(res.headers.get('connection'), 'close');
      common(res, 'refusal');
    }
    // Every kind of form body a page of another site can send, to routes that exist and to ones that do not.
    for (const [path, type] of [
      ['/upload', 'multipart/form-data; boundary=x'],
      ['/logout', 'text/plain'],
      ['/budgets/1/projects/f1/disbursement', 'application/x-www-form-urlencoded'],
      ['/nothing-here', 'application/x-www-form-urlencoded'],
    ] as const) {
      const res = await req(path, { method: 'POST', headers: { 'content-type': type, origin: 'https://evil.example' }, body: 'a=1' });
      assert.equal(res.status, 403, path);
      assert.match(await res.text(), /来源 https:\/\/evil\.example.*（FORBIDDEN）/, path);
    }
    // The web app reads no token: a Bearer header does not spare a web form the check.
    const bearer = await loginForm({ authorization: `Bearer ${token}`, origin: 'https://evil.example' });
    assert.equal(bearer.status, 403);
    const noType = await req('/logout', { method: 'POST' });
    assert.equal(noType.status, 403, 'a post without a content type is a text/plain form to a browser');
  });

  test('a same-origin form post is served: by its Origin, by Sec-Fetch-Site: same-origin, or behind a TLS proxy', async () => {
    const wrong = await loginForm({ origin: ORIGIN }, 'wrong password');
    assert.equal(wrong.status, 401);
    assert.match(await wrong.text(), /用户名或密码错误（UNAUTHENTICATED）/);
    for (const headers of [{ origin: ORIGIN }, { 'sec-fetch-site': 'same-origin' }, { origin: 'https://localhost', 'x-forwarded-proto': 'https' }] as Array<Record<string, string>>) {
      const res = await loginForm(headers);
      assert.equal(res.status, 303, JSON.stringify(headers));
      assert.match(res.headers.get('set-cookie') ?? '', /^fiscus_session=/);
    }
  });

  test('API clients keep working: Bearer tokens, JSON bodies and programs that send no Origin; a browser-marked cross-site post to the API is refused', async () => {
    const doc = Buffer.from(bytesOf(budget(2022)));
    const json = await req('/api/v1/budgets?name=b.json', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: doc });
    assert.ok(json.status === 200 || json.status === 201, await json.clone().text());
    const multipart = await upload('/api/v1/budgets', { authorization: `Bearer ${token}` }, 2023);
    assert.ok(multipart.status === 200 || multipart.status === 201, await multipart.clone().text());
    // A Bearer token is no browser credential: even a claimed foreign origin does not matter.
    const claimed = await upload('/api/v1/budgets', { authorization: `Bearer ${token}`, origin: 'https://evil.example' }, 2024);
    assert.ok(claimed.status === 200 || claimed.status === 201, await claimed.clone().text());
    // A program without a token: whatever the route's authorisation answers, it is not the CSRF refusal.
    const program = await upload('/api/v1/budgets', {}, 2025);
    assert.notEqual(((await program.json()) as { field?: string }).field, 'origin');

    for (const headers of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }, { cookie: 'fiscus_session=x' }] as Array<Record<string, string>>) {
      const res = await upload('/api/v1/budgets', headers);
      assert.equal(res.status, 403, JSON.stringify(headers));
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
      const p = (await res.json()) as Record<string, unknown>;
      assert.deepEqual([p['code'], p['status'], p['field']], ['FORBIDDEN', 403, 'origin']);
      assert.match(String(p['detail']), new RegExp(REFUSED));
    }
  });
});
