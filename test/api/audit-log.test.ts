/**
 * The audit trail over HTTP (issue 13): a budget's 版本历史 page lists its 操作记录 with the users'
 * real names, and `GET /api/v1/budgets/{id}/audit` answers the same entries as JSON (described in
 * the OpenAPI document). Writes through the web name the signed-in user's login as the actor.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openWorkspace, type Workspace } from '../../src/app/workspace.js';
import { accountsOf } from '../../src/app/accounts.js';
import { followOf } from '../../src/app/follow.js';
import { createHttpApp } from '../../src/cli/http-app.js';
import { budget, bytesOf } from '../storage/fixture.js';

const PW = 'zhang-password-1';
const UNIT = '某区第一中学';

describe('the audit trail on the web and the API', () => {
  let ws: Workspace;
  let app: ReturnType<typeof createHttpApp>;
  let zhang = '';
  let reviewer = '';
  let token = '';
  const req = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (init.method === 'POST' && !headers.has('origin')) headers.set('origin', 'http://localhost');
    return app.request(`http://localhost${path}`, { ...init, headers });
  };

  before(async () => {
    ws = await openWorkspace();
    const acc = accountsOf(ws, { actor: 'cli' });
    await acc.bootstrap({ adminPassword: 'admin-password-1', rootName: '某区财政局' });
    await acc.addOrganisation({ name: '某区教育局', kind: 'department', parent: '某区财政局' });
    await acc.addOrganisation({ name: UNIT, kind: 'unit', parent: '某区教育局' });
    await acc.addUser({ login: 'zhang', displayName: '张三', role: 'preparer', organisation: UNIT, password: PW });
    await acc.addUser({ login: 'zhao', displayName: '赵六', role: 'finance-reviewer', organisation: '某区财政局', password: PW });
    zhang = (await acc.signIn('zhang', PW)).session;
    reviewer = (await acc.signIn('zhao', PW)).session;
    token = (await acc.addToken('zhao', '审计')).token;
    app = createHttpApp(ws);
  });
  after(async () => {
    await ws?.close();
  });

  test("an upload by a signed-in user is recorded with their login; the versions page lists the budget's entries with real names, newest first", async () => {
    const fd = new FormData();
    fd.append('file', new File([Buffer.from(bytesOf(budget(2021, UNIT)))], 'budget.json', { type: 'application/json' }));
    const up = await req('/upload', { method: 'POST', body: fd, headers: { cookie: `fiscus_session=${zhang}` } });
    assert.equal(up.status, 303, await up.clone().text());
    const id = /\/budgets\/(\d+)/.exec(up.headers.get('location') ?? '')?.[1];
    assert.ok(id);
    await followOf(ws).addPayment(id, { project: 'f1', date: '2021-04-01', fen: 123_456 }, 'api');

    const page = await req(`/budgets/${id}/versions`, { headers: { cookie: `fiscus_session=${reviewer}` } });
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<h2 id="audit-h">操作记录<\/h2>/);
    const rows = [...html.matchAll(/<tr id="audit-(\d+)"><td class="nowrap">[^<]+<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => m.slice(1));
    assert.deepEqual(
      rows.map((r) => r.slice(1)),
      [
        ['API（未登录）', '录入支付', `支付 ${rows[0]![3]!.match(/支付 (\d+)/)?.[1]}：f1，2021-04-01，1,234.56 元`],
        ['张三（zhang）', '导入', '第 1 版（新建预算），文件 budget.json'],
      ],
    );
  });

  test("GET /api/v1/budgets/{id}/audit answers the budget's entries oldest first, pages with after and limit, and 404 for an unknown budget", async () => {
    const auth = { authorization: `Bearer ${token}` };
    const res = await req('/api/v1/budgets/1/audit', { headers: auth });
    assert.equal(res.status, 200, await res.clone().text());
    const entries = (await res.json()) as { id: number; actor: string; actorName: string | null; action: string; target: string; detail: Record<string, unknown>; prevHash: string; hash: string }[];
    assert.deepEqual(
      entries.map((e) => [e.action, e.actor, e.actorName, e.target]),
      [
        ['budget.import', 'zhang', '张三', 'budget:1'],
        ['payment.add', 'api', null, 'budget:1'],
      ],
    );
    assert.match(entries[0]!.hash, /^[0-9a-f]{64}$/);
    const page = (await (await req(`/api/v1/budgets/1/audit?after=${entries[0]!.id}&limit=1`, { headers: auth })).json()) as { action: string }[];
    assert.deepEqual(
      page.map((e) => e.action),
      ['payment.add'],
    );
    assert.equal((await req('/api/v1/budgets/99/audit', { headers: auth })).status, 404);
    assert.equal((await req('/api/v1/budgets/1/audit?limit=0', { headers: auth })).status, 422);
    const spec = (await (await req('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
    assert.ok(spec.paths['/api/v1/budgets/{id}/audit']?.['get'], 'described in the OpenAPI document');
    assert.ok(spec.components.schemas['AuditEntry']);
  });
});
