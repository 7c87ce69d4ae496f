/**
 * The authorisation matrix (issue 13), on PGlite and on PostgreSQL: every route of the web app and
 * the API × every role (and the public) × a budget of the user's own unit, of another unit of the
 * same 主管部门 and of another 主管部门, each once as a draft and once published. The expected outcome of
 * each cell is written here by hand, from the issue's roles, not computed from the permission matrix.
 *
 * Allowed requests carry no valid body, so that no cell changes anything: an allowed write answers
 * 4xx from its own validation (400/409/422) or its own "not found" — never 401/403, and never the
 * authorisation's 404 ("预算 N 不存在"). Denied cells must answer exactly: the public is sent to 登录
 * (web pages) or 401; a user who may not see the budget gets 404 (its existence does not leak); one
 * who may see it but not act gets 403.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openWorkspace, type Workspace, type WorkspaceOptions } from '../../src/app/workspace.js';
import { workflowOf } from '../../src/app/workflow.js';
import { ROUTE_POLICIES } from '../../src/app/route-policy.js';
import { createHttpApp } from '../../src/cli/http-app.js';
import { throwawayDatabases } from '../support/postgres.js';
import { PASSWORD, requester, setupDistrict, type District, type Login } from '../support/district.js';
import { accountsOf } from '../../src/app/accounts.js';
import type { Exporter } from '../../src/api/routes.js';

const SAMPLES = resolve(import.meta.dirname, '../../samples');
const SHENZHEN = readFileSync(join(SAMPLES, 'shenzhen-futian-data-center-2021-dept-budget.txt'));
const WANLI = readFileSync(join(SAMPLES, 'shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.txt'));

type Who = Login | 'public';
const WHO: readonly Who[] = ['public', 'jingban', 'jingban2', 'jingbanb', 'bumen', 'bumenb', 'caizheng', 'admin'];

/** What a route needs, as the issue states the roles. */
type Need = 'open' | 'signed-in' | 'read-draft' | 'read-published' | 'prepare' | 'review' | 'finance' | 'import' | 'batch-audit' | 'manage-users';

/**
 * Who may do what to a budget of unit A (深圳, 主管部门 A) or unit B (上海, 主管部门 B):
 * 经办 prepare their own unit's; 部门审核 review their department's units; 财政审核 reviews and approves
 * any; 管理员 only manages users. Written out, not derived.
 */
const MAY: Record<'A' | 'B', Record<'read-draft' | 'prepare' | 'review' | 'finance', readonly Who[]>> = {
  A: { 'read-draft': ['jingban', 'bumen', 'caizheng'], prepare: ['jingban'], review: ['bumen', 'caizheng'], finance: ['caizheng'] },
  B: { 'read-draft': ['jingbanb', 'bumenb', 'caizheng'], prepare: ['jingbanb'], review: ['bumenb', 'caizheng'], finance: ['caizheng'] },
};

/** Each route's need, written by hand (the test fails when a route is added without a line here). */
const NEEDS: Record<string, Need> = {
  'GET /': 'open',
  'GET /login': 'open',
  'POST /login': 'open',
  'POST /logout': 'open',
  'GET /static/:name': 'open',
  'POST /upload': 'import',
  'GET /account': 'signed-in',
  'POST /account/tokens': 'signed-in',
  'POST /account/tokens/:token/revoke': 'signed-in',
  'GET /admin/users': 'manage-users',
  'POST /admin/users': 'manage-users',
  'POST /admin/users/:login/disable': 'manage-users',
  'POST /admin/users/:login/enable': 'manage-users',
  'POST /admin/users/:login/password': 'manage-users',
  'POST /admin/organisations': 'manage-users',
  'GET /budgets/:id': 'read-draft',
  'GET /budgets/:id/narrative': 'read-draft',
  'GET /budgets/:id/tables': 'read-draft',
  'GET /budgets/:id/tables/:table': 'read-draft',
  'GET /budgets/:id/projects': 'read-draft',
  'GET /budgets/:id/projects/:formId': 'read-draft',
  'GET /budgets/:id/findings': 'read-draft',
  'GET /budgets/:id/versions': 'read-draft',
  'GET /budgets/:id/workflow': 'read-draft',
  'GET /budgets/:id/follow': 'read-draft',
  'GET /budgets/:id/follow/:formId': 'read-draft',
  'GET /budgets/:id/reconcile': 'read-draft',
  'GET /budgets/:id/compare': 'read-draft',
  'GET /budgets/:id/compare.xlsx': 'read-draft',
  // Comparisons across departments: anyone, over the budgets they may read (the public: published ones).
  'GET /compare': 'open',
  'GET /compare/departments': 'open',
  'GET /compare/departments.xlsx': 'open',
  'GET /api/v1/comparisons': 'open',
  'POST /budgets/:id/projects/:formId/cost-lines': 'prepare',
  'POST /budgets/:id/projects/:formId/disbursement': 'prepare',
  'POST /budgets/:id/projects/:formId/indicators': 'prepare',
  'POST /budgets/:id/follow/payments': 'prepare',
  'POST /budgets/:id/projects/:formId/overview': 'prepare',
  'POST /budgets/:id/narrative': 'prepare',
  'POST /budgets/:id/tables/:table': 'prepare',
  'POST /budgets/:id/follow/adjustments': 'review',
  'POST /budgets/:id/follow/:formId/payments': 'prepare',
  'POST /budgets/:id/follow/:formId/payments/:pid/delete': 'prepare',
  'POST /budgets/:id/follow/:formId/monitoring': 'prepare',
  'POST /budgets/:id/follow/:formId/evaluation': 'prepare',
  'POST /budgets/:id/follow/:formId/evaluation/preview': 'prepare',
  'GET /budgets/:id/staged/:staged': 'prepare',
  'POST /budgets/:id/staged/:staged/confirm': 'prepare',
  'POST /budgets/:id/staged/:staged/discard': 'prepare',
  'POST /budgets/:id/waivers': 'review',
  'POST /budgets/:id/waivers/:waiver/revoke': 'review',
  'GET /public': 'open',
  'GET /public/budgets/:id': 'read-published',
  'GET /public/budgets/:id/tables/:table': 'read-published',
  'GET /public/budgets/:id/projects/:formId': 'read-published',
  'GET /public/budgets/:id/download/:file': 'read-published',
  'GET /api/v1/health': 'open',
  'GET /openapi.json': 'open',
  'GET /docs': 'open',
  'GET /api/v1/budgets': 'open',
  'POST /api/v1/budgets': 'import',
  'GET /api/v1/aggregates': 'batch-audit',
  'POST /api/v1/audits': 'batch-audit',
  'GET /api/v1/audits/:batch': 'batch-audit',
  'GET /api/v1/audits/:batch/report': 'batch-audit',
  'GET /reviews': 'batch-audit',
  'POST /reviews': 'batch-audit',
  'GET /reviews/:batch': 'batch-audit',
  'GET /reviews/:batch/events': 'batch-audit',
  'GET /reviews/:batch/export.xlsx': 'batch-audit',
  'GET /reviews/:batch/table.csv': 'batch-audit',
  'GET /reviews/:batch/findings.csv': 'batch-audit',
  'GET /reviews/:batch/documents/:idx': 'batch-audit',
  'GET /reviews/:batch/documents/:idx/source': 'batch-audit',
  'POST /api/v1/packages': 'batch-audit',
  'GET /api/v1/packages/:batch': 'batch-audit',
  'GET /api/v1/packages/:batch/download': 'batch-audit',
  'PATCH /api/v1/budgets/:id/projects/:formId': 'prepare',
  'POST /api/v1/budgets/:id/payments': 'prepare',
  'POST /api/v1/budgets/:id/payments/import': 'prepare',
  'DELETE /api/v1/budgets/:id/payments/:paymentId': 'prepare',
  'PUT /api/v1/budgets/:id/monitoring': 'prepare',
  'PUT /api/v1/budgets/:id/evaluation': 'prepare',
  'POST /api/v1/budgets/:id/waivers': 'review',
  // Budget adjustments are approved by those who review: the 部门审核 of the unit's department, the 财政审核.
  'POST /api/v1/budgets/:id/adjustments': 'review',
  'POST /api/v1/budgets/:id/waivers/:waiver/revoke': 'review',
};
for (const p of [
  '',
  '/diff',
  '/reconcile/:final',
  '/compare',
  '/versions',
  '/versions/:v',
  '/findings',
  '/tables',
  '/tables/:table',
  '/projects',
  '/projects/:formId',
  '/payments',
  '/execution',
  '/monitoring',
  '/evaluation',
  '/audit',
  '/transitions',
  '/waivers',
  '/adjustments',
  '/budget-control',
]) {
  NEEDS[`GET /api/v1/budgets/:id${p}`] = 'read-draft';
}
for (const f of [
  'export.json',
  'export.html',
  'export.xlsx',
  'export.pdf',
  'export.fdp',
  'export.csv',
  'monitoring.html',
  'monitoring.xlsx',
  'monitoring.pdf',
  'evaluation.html',
  'evaluation.xlsx',
  'evaluation.pdf',
]) {
  NEEDS[`GET /api/v1/budgets/:id/${f}`] = 'read-draft';
}
/** Transitions: submit is the 经办's, return and review the reviewers', approve and publish the 财政's. */
const TRANSITION_NEED = { submit: 'prepare', return: 'review', review: 'review', approve: 'finance', publish: 'finance' } as const;

interface Cell {
  route: string;
  who: Who;
  budget: 'A' | 'B' | null;
  published: boolean;
  status: number;
  ok: boolean;
  why: string;
}

function suite(name: string, open: () => Promise<{ opts: WorkspaceOptions; drop: () => Promise<void> }>): void {
  describe(`authorisation matrix on ${name}`, () => {
    let ws: Workspace;
    let drop: () => Promise<void>;
    let district: District;
    let app: ReturnType<typeof createHttpApp>;
    const ids: Record<'A' | 'B', { draft: string; published: string }> = { A: { draft: '', published: '' }, B: { draft: '', published: '' } };
    const forms: Record<string, string> = {};

    before(async () => {
      const b = await open();
      drop = b.drop;
      ws = await openWorkspace(b.opts);
      district = await setupDistrict(ws);
      const flow = workflowOf(ws);
      // Per unit: a draft budget (2021 / 2024) and a published one (the same document as another year's kind is
      // not possible, so a second unit-year is made by importing it as the 经办 of that unit after the first is published:
      // a published budget whose latest version is published, and a draft budget with nothing published).
      for (const [unit, bytes, fileName] of [
        ['A', SHENZHEN, 'shenzhen.txt'],
        ['B', WANLI, 'wanli.txt'],
      ] as const) {
        const pub = await ws.importDocument(bytes, fileName);
        await flow.publishAsSystem(pub.budgetId, 'test', '矩阵测试');
        ids[unit].published = pub.budgetId;
        // The draft: the same document for another year (a JSON copy with the year changed).
        const doc = await ws.getDocument(pub.budgetId);
        const draft = await ws.importDocument(Buffer.from(JSON.stringify({ ...doc, year: doc.year + 1 })), `${fileName}.json`);
        ids[unit].draft = draft.budgetId;
        for (const id of [pub.budgetId, draft.budgetId]) forms[id] = doc.projectForms[0]?.id ?? 'none';
      }
      // What a download contains is not asked here (other suites render them): the API's export renders nothing.
      const exporter: Exporter = async () => ({ body: '', contentType: 'text/plain' });
      app = createHttpApp(ws, { exporter });
    });
    after(async () => {
      await ws?.close();
      await drop?.();
    });

    test('every route of the app is in the policy table and in this test, and nothing else is', () => {
      const routes = new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
      const policies = new Set(ROUTE_POLICIES.map(([m, p]) => `${m} ${p}`));
      const tested = new Set([...Object.keys(NEEDS), 'POST /budgets/:id/transitions/:action', 'POST /api/v1/budgets/:id/transitions/:action']);
      assert.deepEqual(
        [...routes].filter((r) => !policies.has(r)),
        [],
        'routes without a policy',
      );
      assert.deepEqual(
        [...policies].filter((r) => !routes.has(r)),
        [],
        'policies without a route',
      );
      assert.deepEqual(
        [...routes].filter((r) => !tested.has(r)),
        [],
        'routes this test does not walk',
      );
    });

    test('every route × role × own / same-department / other-department budget, draft and published', async () => {
      const cells: Cell[] = [];
      const fill = (path: string, id: string, action?: string) =>
        path
          .replace(':id', id)
          .replace(':table', 't1')
          .replace(':formId', encodeURIComponent(forms[id] ?? 'none'))
          .replace(':name', 'app.css')
          .replace(':file', 'tables.csv')
          .replace(':v', '1')
          .replace(':waiver', '999999')
          .replace(':staged', '999999')
          .replace(':paymentId', '999999')
          .replace(':pid', '999999')
          .replace(':token', '999999')
          .replace(':login', 'nobody')
          .replace(':batch', '999999')
          .replace(':idx', '0')
          // The final account to reconcile with: the budget itself (an allowed reader gets 422, not a denial).
          .replace(':final', id)
          .replace(':action', action ?? '');
      const routes = ROUTE_POLICIES.map(([m, p]) => [m, p] as const);
      for (const [method, path] of routes) {
        const expand: [string, Need][] = path.endsWith('/transitions/:action') ? Object.entries(TRANSITION_NEED).map(([a, n]) => [a, n]) : [['', NEEDS[`${method} ${path}`]!]];
        for (const [action, need] of expand) {
          assert.ok(need, `${method} ${path} has a need in this test`);
          const perBudget = path.includes(':id');
          const targets: ['A' | 'B' | null, boolean][] = perBudget
            ? [
                ['A', false],
                ['A', true],
                ['B', false],
                ['B', true],
              ]
            : [[null, false]];
          for (const [unit, published] of targets) {
            const id = unit ? ids[unit][published ? 'published' : 'draft'] : '';
            const url = fill(path, id, action);
            // The users of one cell row at once (the server serves them concurrently, as it would).
            const row = await Promise.all(
              WHO.map(async (who): Promise<Cell> => {
                const req = requester(app, district, who === 'public' ? null : who);
                const init: RequestInit = { method };
                if (method !== 'GET') {
                  init.headers = { 'content-type': path.startsWith('/api/') ? 'application/json' : 'application/x-www-form-urlencoded' };
                  init.body = path.startsWith('/api/') ? '{}' : '';
                }
                const res = await req(url, init);
                const body = await res.text();
                // Signing out ends the user's session: sign in again for the cells that follow.
                if (path === '/logout' && who !== 'public') district.session[who] = (await accountsOf(ws).signIn(who, PASSWORD)).session;
                const denial404 = res.status === 404 && (body.includes(`预算 ${id} 不存在`) || body.includes(`"detail":"预算 ${id} 不存在"`));
                const expect = expected(need, who, unit, published, method, path);
                let ok: boolean;
                let why: string;
                if (expect === 'allow') {
                  const toLogin = res.status === 303 && (res.headers.get('location') ?? '').startsWith('/login');
                  // Signing in with an empty form is the sign-in's own 401, not a refusal to let the user try.
                  const ownRefusal = path === '/login' && method === 'POST' && res.status === 401 && body.includes('请输入用户名和密码');
                  ok = (ownRefusal || (res.status !== 401 && res.status !== 403)) && !denial404 && !toLogin && res.status < 500;
                  why = `allowed, got ${res.status}`;
                } else {
                  ok = res.status === expect.status && (expect.status !== 303 || (res.headers.get('location') ?? '').startsWith('/login?next='));
                  if (expect.status === 404) ok &&= denial404;
                  why = `expected ${expect.status}, got ${res.status}`;
                }
                return { route: `${method} ${url} [${path}${action ? ` ${action}` : ''}]`, who, budget: unit, published, status: res.status, ok, why };
              }),
            );
            cells.push(...row);
          }
        }
      }
      const bad = cells.filter((c) => !c.ok);
      console.log(
        `authorisation matrix on ${name}: ${cells.length} cells (${routes.length} routes, transitions × 5, × ${WHO.length} users incl. the public, × 4 budgets where a route names one); as expected ${cells.length - bad.length}, not ${bad.length}`,
      );
      assert.deepEqual(
        bad.slice(0, 30).map((c) => `${c.who} ${c.route} (${c.published ? 'published' : 'draft'}): ${c.why}`),
        [],
      );
    });
  });
}

type Expect = 'allow' | { status: number };

/** The expected outcome of one cell, from the roles as the issue states them. */
function expected(need: Need, who: Who, unit: 'A' | 'B' | null, published: boolean, method: string, path: string): Expect {
  const web = !path.startsWith('/api/') && path !== '/openapi.json' && path !== '/docs';
  const signIn: Expect = { status: web && method === 'GET' ? 303 : 401 };
  if (need === 'open') return 'allow';
  // Each user's own account (their API tokens): every role, never the public.
  if (need === 'signed-in') return who === 'public' ? signIn : 'allow';
  if (need === 'import') {
    if (who === 'public') return signIn;
    return who.startsWith('jingban') ? 'allow' : { status: 403 };
  }
  if (need === 'batch-audit') {
    if (who === 'public') return signIn;
    return who === 'caizheng' ? 'allow' : { status: 403 };
  }
  // Users and organisations: the 管理员's alone.
  if (need === 'manage-users') {
    if (who === 'public') return signIn;
    return who === 'admin' ? 'allow' : { status: 403 };
  }
  const u = unit!;
  const readsDraft = MAY[u]['read-draft'].includes(who);
  // A published budget is everyone's to read; an unpublished one is not found by anyone who may not read drafts.
  const sees = readsDraft || published;
  if (need === 'read-published') return published ? 'allow' : { status: 404 };
  const allowed = need === 'read-draft' ? readsDraft : MAY[u][need].includes(who);
  if (allowed) return 'allow';
  if (who === 'public') return signIn;
  return sees ? { status: 403 } : { status: 404 };
}

suite('PGlite', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fiscus-authz-'));
  return { opts: { dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
});

const freshDatabase = throwawayDatabases('fiscus_authz', 'authorisation matrix');
if (freshDatabase) {
  suite('PostgreSQL', async () => {
    const db = await freshDatabase();
    return { opts: { databaseUrl: db.databaseUrl }, drop: db.drop };
  });
}
