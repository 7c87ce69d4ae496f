/**
 * Signing in (issue 13) through the whole HTTP surface, on PGlite and on PostgreSQL: the Chinese 登录
 * page, the session cookie's flags, safe redirects, lockout, sign-out, `Authorization: Bearer` on the
 * API, and the signed-in user recorded as a version's author. Writes need a signed-in user: the
 * public's are refused (401), and the public's home is the portal.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace, type Workspace, type WorkspaceOptions } from '../../src/app/workspace.js';
import { accountsOf } from '../../src/app/accounts.js';
import { createHttpApp } from '../../src/cli/http-app.js';
import { LOCKOUT, SESSION_IDLE_HOURS } from '../../src/domain/accounts.js';
import { throwawayDatabases } from '../support/postgres.js';
import { budget, bytesOf } from '../storage/fixture.js';

const PW = 'zhang-password-1';

interface Backend {
  name: string;
  open(): Promise<{ opts: WorkspaceOptions; drop: () => Promise<void> }>;
}

function suite(backend: Backend): void {
  describe(`sign-in on ${backend.name}`, () => {
    let ws: Workspace;
    let drop: () => Promise<void>;
    let app: ReturnType<typeof createHttpApp>;
    let token = '';
    // Form posts come from this site's own pages (a same-origin Origin, as a browser sends).
    const req = (path: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      if (init.method === 'POST' && !headers.has('origin')) headers.set('origin', 'http://localhost');
      return app.request(`http://localhost${path}`, { ...init, headers });
    };
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    const login = (fields: Record<string, string>, path = '/login', headers: Record<string, string> = {}) =>
      req(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: form(fields) });
    const cookieOf = (res: Response) => /fiscus_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
    const authors = async () => (await ws.listVersions('1')).map((v) => v.author);

    before(async () => {
      const b = await backend.open();
      drop = b.drop;
      ws = await openWorkspace(b.opts);
      const acc = accountsOf(ws);
      await acc.bootstrap({ adminPassword: 'admin-password-1', rootName: '某区财政局' });
      await acc.addOrganisation({ name: '某区教育局', kind: 'department', parent: '某区财政局' });
      await acc.addOrganisation({ name: '某区第一中学', kind: 'unit', parent: '某区教育局' });
      await acc.addUser({ login: 'zhang', displayName: '张三', role: 'preparer', organisation: '某区第一中学', password: PW });
      await acc.addUser({ login: 'wang', displayName: '王五', role: 'preparer', organisation: '某区第一中学', password: PW });
      token = (await acc.addToken('zhang')).token;
      app = createHttpApp(ws);
    });
    after(async () => {
      await ws?.close();
      await drop?.();
    });

    test('the 登录 page is Chinese and the frame offers 登录 to the public', async () => {
      const res = await req('/login');
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /<h1>登录<\/h1>/);
      assert.match(html, /<label for="login">用户名<\/label>/);
      assert.match(html, /<input id="password" name="password" type="password" autocomplete="current-password"/);
      assert.match(html, /<a href="\/login">登录<\/a>/);
      const home = await req('/');
      assert.equal(home.status, 302);
      assert.equal(home.headers.get('location'), '/public');
    });

    test('a wrong password, an unknown login and empty fields answer 401 in Chinese with the code, and set no session', async () => {
      for (const [fields, message] of [
        [{ login: 'zhang', password: 'wrong password' }, '用户名或密码错误'],
        [{ login: 'nobody', password: PW }, '用户名或密码错误'],
        [{ login: '', password: PW }, '请输入用户名和密码'],
        [{ login: 'zhang' }, '请输入用户名和密码'],
      ] as const) {
        const res = await login(fields);
        assert.equal(res.status, 401, JSON.stringify(fields));
        assert.match(await res.text(), new RegExp(`<strong>登录失败</strong>：${message}（UNAUTHENTICATED）`));
        assert.equal(cookieOf(res), undefined);
      }
    });

    test('signing in sets an HttpOnly, SameSite=Lax session cookie (Secure behind TLS) and goes back only to a path of this site', async () => {
      const res = await login({ login: 'Zhang', password: PW }, `/login?next=${encodeURIComponent('/budgets/1?v=1')}`);
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/budgets/1?v=1');
      const set = res.headers.get('set-cookie') ?? '';
      assert.match(set, new RegExp(`^fiscus_session=[A-Za-z0-9_-]{43}; Max-Age=${SESSION_IDLE_HOURS * 3600}; Path=/; HttpOnly; SameSite=Lax$`));
      for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
        const r = await login({ login: 'zhang', password: PW }, `/login?next=${encodeURIComponent(next)}`);
        assert.equal(r.headers.get('location'), '/', next);
      }
      const tls = await login({ login: 'zhang', password: PW }, '/login', { 'x-forwarded-proto': 'https' });
      assert.match(tls.headers.get('set-cookie') ?? '', /; Secure/);
    });

    test("a signed-in upload is authored by the user, the public's is refused (401); the frame names the user", async () => {
      const cookie = cookieOf(await login({ login: 'zhang', password: PW }))!;
      const upload = (headers: Record<string, string>) => {
        const fd = new FormData();
        fd.append('file', new File([Buffer.from(bytesOf(budget(2021)))], 'budget.json', { type: 'application/json' }));
        return req('/upload', { method: 'POST', body: fd, headers });
      };
      const signed = await upload({ cookie: `fiscus_session=${cookie}` });
      assert.equal(signed.status, 303, await signed.clone().text());
      const anonymous = await upload({});
      assert.equal(anonymous.status, 401);
      assert.match(await anonymous.text(), /请先登录/);
      assert.deepEqual(await authors(), ['张三（zhang）']);
      const page = await (await req('/budgets/1/versions', { headers: { cookie: `fiscus_session=${cookie}` } })).text();
      assert.match(page, /张三（经办，某区第一中学）/);
      assert.match(page, /<form method="post" action="\/logout" class="inline"><button type="submit">退出<\/button><\/form>/);
      assert.match(page, /<td>张三（zhang）<\/td>/);
    });

    test('signing out ends the session on the server; the stale cookie is then removed and counts as the public', async () => {
      const cookie = cookieOf(await login({ login: 'zhang', password: PW }))!;
      const out = await req('/logout', { method: 'POST', headers: { cookie: `fiscus_session=${cookie}` } });
      assert.equal(out.status, 303);
      assert.match(out.headers.get('set-cookie') ?? '', /^fiscus_session=; Max-Age=0; Path=\//);
      assert.equal(await accountsOf(ws).sessionUser(cookie), null);
      const after = await req('/budgets/1', { headers: { cookie: `fiscus_session=${cookie}` } });
      assert.match(after.headers.get('set-cookie') ?? '', /^fiscus_session=; Max-Age=0/);
      // The public is asked to sign in.
      assert.equal(after.status, 303);
      assert.equal(after.headers.get('location'), '/login?next=%2Fbudgets%2F1');
      const forged = await req('/', { headers: { cookie: 'fiscus_session=forged' } });
      assert.equal(forged.status, 302);
      assert.match(forged.headers.get('set-cookie') ?? '', /^fiscus_session=; Max-Age=0/);
    });

    test('a user creates their own API token on 我的账户 (shown once), uses it, and revokes it; nobody else can revoke it', async () => {
      const cookie = cookieOf(await login({ login: 'zhang', password: PW }))!;
      const headers = { cookie: `fiscus_session=${cookie}`, 'content-type': 'application/x-www-form-urlencoded' };
      const made = await req('/account/tokens', { method: 'POST', headers, body: form({ name: '一体化平台' }) });
      assert.equal(made.status, 200);
      const html = await made.text();
      const token = /<code>(fiscus_[A-Za-z0-9_-]+)<\/code>/.exec(html)?.[1];
      assert.ok(token, 'the new token is shown');
      assert.match(html, /只显示这一次/);
      assert.equal((await req('/api/v1/budgets', { headers: { authorization: `Bearer ${token}` } })).status, 200);
      const info = (await accountsOf(ws).listTokens('zhang')).find((t) => t.name === '一体化平台')!;
      // Another user (not an administrator) is told the token does not exist, and it stays valid.
      const wangCookie = cookieOf(await login({ login: 'wang', password: PW }))!;
      const other = await req(`/account/tokens/${info.id}/revoke`, { method: 'POST', headers: { ...headers, cookie: `fiscus_session=${wangCookie}` } });
      assert.equal(other.status, 404);
      assert.equal((await req('/api/v1/budgets', { headers: { authorization: `Bearer ${token}` } })).status, 200);
      const page = await (await req('/account', { headers: { cookie: `fiscus_session=${cookie}` } })).text();
      assert.doesNotMatch(page, new RegExp(token), 'the secret is shown only once');
      const revoked = await req(`/account/tokens/${info.id}/revoke`, { method: 'POST', headers });
      assert.equal(revoked.status, 200);
      assert.match(await revoked.text(), /令牌已撤销/);
      assert.equal((await req('/api/v1/budgets', { headers: { authorization: `Bearer ${token}` } })).status, 401);
      assert.equal((await req('/account')).status, 303, 'the public is asked to sign in');
    });

    test("the web app's download links are API reads: a GET with the session cookie is the user's; a write needs a token", async () => {
      const cookie = cookieOf(await login({ login: 'zhang', password: PW }))!;
      const got = await req('/api/v1/budgets/1/export.json', { headers: { cookie: `fiscus_session=${cookie}` } });
      assert.equal(got.status, 200);
      assert.equal((await req('/api/v1/budgets/1/export.json')).status, 401);
      const write = await req('/api/v1/budgets/1/projects/f1', {
        method: 'PATCH',
        headers: { cookie: `fiscus_session=${cookie}`, 'content-type': 'application/json' },
        body: JSON.stringify({ baseVersion: 1, disbursement: [] }),
      });
      assert.equal(write.status, 401);
    });

    test(`${LOCKOUT.maxFailures} wrong passwords lock the account; the right one is then refused too, saying so`, async () => {
      for (let i = 1; i <= LOCKOUT.maxFailures; i++) {
        const res = await login({ login: 'wang', password: 'wrong password' });
        assert.equal(res.status, 401);
        const html = await res.text();
        if (i < LOCKOUT.maxFailures) assert.match(html, /用户名或密码错误（UNAUTHENTICATED）/, `attempt ${i}`);
        else assert.match(html, new RegExp(`连续 ${LOCKOUT.maxFailures} 次密码错误，账户已锁定至 \\d\\d:\\d\\d`));
      }
      const right = await login({ login: 'wang', password: PW });
      assert.equal(right.status, 401);
      assert.match(await right.text(), /账户已锁定至/);
      assert.equal(cookieOf(right), undefined);
    });

    test("the API takes Authorization: Bearer: a token's user authors the version (a claimed author is ignored); a wrong, malformed or revoked token is 401", async () => {
      const doc = budget(2021);
      // replace=true: the budget exists (uploaded through the web above), and a new version is meant.
      const post = (headers: Record<string, string>) =>
        req('/api/v1/budgets?name=b.json&replace=true', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: Buffer.from(bytesOf(doc)) });
      assert.equal((await post({ authorization: `Bearer ${token}`, 'x-fiscus-author': 'impostor' })).status, 200);
      // Without a token a write is the public's: refused, and nothing is stored.
      const anonymous = await post({ 'x-fiscus-author': 'li-si' });
      assert.equal(anonymous.status, 401);
      assert.equal(((await anonymous.json()) as Record<string, unknown>)['code'], 'UNAUTHENTICATED');
      const edit = await req('/api/v1/budgets/1/projects/f1', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `bearer ${token}` },
        body: JSON.stringify({ baseVersion: 2, author: '冒名', disbursement: [{ quarter: 1, amount: { fen: 1 } }] }),
      });
      assert.equal(edit.status, 200, await edit.clone().text());
      assert.deepEqual(await authors(), ['张三（zhang）', '张三（zhang）', '张三（zhang）']);

      const revoked = (await accountsOf(ws).addToken('zhang')).token;
      await accountsOf(ws).revokeToken(revoked);
      for (const [authorization, detail] of [
        [`Bearer ${token}x`, 'API 令牌无效、已撤销或其用户已停用'],
        [`Bearer ${revoked}`, 'API 令牌无效、已撤销或其用户已停用'],
        [`Basic ${Buffer.from('zhang:' + PW).toString('base64')}`, 'Authorization 头应为 “Bearer <令牌>”'],
        ['Bearer', 'Authorization 头应为 “Bearer <令牌>”'],
      ] as const) {
        const res = await req('/api/v1/budgets', { headers: { authorization } });
        assert.equal(res.status, 401, authorization);
        const body = (await res.json()) as Record<string, unknown>;
        assert.deepEqual([body['code'], body['title'], body['detail']], ['UNAUTHENTICATED', '需要登录', detail]);
      }
      assert.equal((await req('/api/v1/budgets', { headers: { authorization: `Bearer ${token}` } })).status, 200);
      assert.equal((await req('/api/v1/budgets')).status, 200);
      assert.equal(((await (await req('/openapi.json')).json()) as { components: { securitySchemes: Record<string, unknown> } }).components.securitySchemes['bearer'] !== undefined, true);
    });
  });
}

suite({
  name: 'PGlite',
  async open() {
    const dataDir = mkdtempSync(join(tmpdir(), 'fiscus-auth-'));
    return { opts: { dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  },
});

const freshDatabase = throwawayDatabases('fiscus_auth', 'sign-in suite');
if (freshDatabase) {
  suite({
    name: 'PostgreSQL',
    async open() {
      const db = await freshDatabase();
      return { opts: { databaseUrl: db.databaseUrl }, drop: db.drop };
    },
  });
}
