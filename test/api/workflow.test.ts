/**
 * The approval workflow over the API (issue 13), on PGlite and on PostgreSQL: 草稿 → 已提交 → 退回 (with a
 * reason) → resubmitted → 已审核 → 已批复 → 已公开; a submission refused while errors are neither fixed nor
 * waived; the waiver register (who, why, expiry, revocation); stale transitions refused; an edit of a
 * published version starts a new draft while the public keeps the published one; every transition kept
 * with who, when and why.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openWorkspace, type Workspace, type WorkspaceOptions } from '../../src/app/workspace.js';
import { createHttpApp } from '../../src/cli/http-app.js';
import { throwawayDatabases } from '../support/postgres.js';
import { requester, setupDistrict, type District, type Login } from '../support/district.js';

const SAMPLE = readFileSync(resolve(import.meta.dirname, '../../samples/shenzhen-futian-data-center-2021-dept-budget.txt'));

function suite(name: string, open: () => Promise<{ opts: WorkspaceOptions; drop: () => Promise<void> }>): void {
  describe(`approval workflow on ${name}`, () => {
    let ws: Workspace;
    let drop: () => Promise<void>;
    let district: District;
    let app: ReturnType<typeof createHttpApp>;
    let id = '';
    const as = (who: Login | null) => requester(app, district, who);
    const json = (who: Login | null, method: string, path: string, body: unknown) => as(who)(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const act = (who: Login, action: string, version: number, reason?: string) =>
      json(who, 'POST', `/api/v1/budgets/${id}/transitions/${action}`, reason === undefined ? { version } : { version, reason });
    const state = async (who: Login = 'caizheng') => (await (await as(who)(`/api/v1/budgets/${id}`)).json()) as { state: string; latestVersion: number; publishedVersion: number | null };
    const problem = async (res: Response, status: number, code: string, detail?: RegExp) => {
      const body = (await res.json()) as { code: string; detail: string };
      assert.equal(res.status, status, body.detail);
      assert.equal(body.code, code);
      if (detail) assert.match(body.detail, detail);
    };

    before(async () => {
      const b = await open();
      drop = b.drop;
      ws = await openWorkspace(b.opts);
      district = await setupDistrict(ws);
      app = createHttpApp(ws);
      const res = await as('jingban')('/api/v1/budgets?name=sample.txt', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: SAMPLE });
      assert.equal(res.status, 201);
      id = ((await res.json()) as { budgetId: string }).budgetId;
    });
    after(async () => {
      await ws?.close();
      await drop?.();
    });

    test("an import is a draft of the importing 经办's unit, invisible to the public and to other departments", async () => {
      const s = await state('jingban');
      assert.equal(s.state, 'draft');
      assert.equal(s.publishedVersion, null);
      const list = (await (await as(null)('/api/v1/budgets')).json()) as unknown[];
      assert.equal(list.length, 0);
      assert.equal((await as('jingbanb')(`/api/v1/budgets/${id}`)).status, 404);
      assert.equal((await as('bumenb')(`/api/v1/budgets/${id}`)).status, 404);
      assert.equal(((await (await as('bumen')('/api/v1/budgets')).json()) as unknown[]).length, 1);
    });

    test('submitting is refused while errors are neither fixed nor waived, naming them', async () => {
      await problem(await act('jingban', 'submit', 1), 422, 'INPUT_INVALID', /仍有 \d+ 个错误未修正或豁免，不能提交：BUD-/);
      // The 经办 may not waive their own errors.
      const reg = (await (await as('jingban')(`/api/v1/budgets/${id}/waivers`)).json()) as { errors: { key: string; waived: boolean }[] };
      assert.ok(reg.errors.length > 0);
      await problem(await json('jingban', 'POST', `/api/v1/budgets/${id}/waivers`, { key: reg.errors[0]!.key, reason: '自己豁免' }), 403, 'FORBIDDEN');
    });

    test('a 部门审核 waives each error with a reason and an expiry; the register says who and when; then submitting succeeds', async () => {
      const reg = (await (await as('bumen')(`/api/v1/budgets/${id}/waivers`)).json()) as { errors: { key: string; rule: string; waived: boolean }[] };
      await problem(await json('bumen', 'POST', `/api/v1/budgets/${id}/waivers`, { key: reg.errors[0]!.key, reason: '   ' }), 422, 'INPUT_INVALID');
      await problem(await json('bumen', 'POST', `/api/v1/budgets/${id}/waivers`, { key: 'BUD-999|nowhere', reason: '不存在' }), 404, 'NOT_FOUND');
      await problem(await json('bumen', 'POST', `/api/v1/budgets/${id}/waivers`, { key: reg.errors[0]!.key, reason: '过期', expires: '2020-01-01' }), 422, 'INPUT_INVALID', /已过/);
      const keys = [...new Set(reg.errors.map((e) => e.key))];
      for (const key of keys) {
        const r = await json('bumen', 'POST', `/api/v1/budgets/${id}/waivers`, { key, reason: '原文印刷如此，已与单位核实', expires: '2099-12-31' });
        assert.equal(r.status, 201, await r.clone().text());
      }
      await problem(await json('bumen', 'POST', `/api/v1/budgets/${id}/waivers`, { key: keys[0], reason: '再次' }), 409, 'CONFLICT', /已于 \d{4}-\d\d-\d\d 由测试bumen（bumen）豁免/);
      const after = (await (await as('jingban')(`/api/v1/budgets/${id}/waivers`)).json()) as { waivers: { by: string; reason: string; expiresAt: string }[]; errors: { waived: boolean }[] };
      assert.ok(after.errors.every((e) => e.waived));
      assert.equal(after.waivers[0]!.by, '测试bumen（bumen）');
      assert.match(after.waivers[0]!.expiresAt, /^2099-12-31T15:59:59.999Z$/);
      const ok = await act('jingban', 'submit', 1);
      assert.equal(ok.status, 200, await ok.clone().text());
      assert.deepEqual(await ok.json(), { version: 1, from: 'draft', to: 'submitted' });
    });

    test('a 部门审核 returns it with a reason (required); the 经办 resubmits', async () => {
      await problem(await act('bumen', 'return', 1), 422, 'INPUT_INVALID', /退回须说明理由/);
      await problem(await act('bumenb', 'return', 1, '别的部门'), 404, 'NOT_FOUND');
      await problem(await act('jingban', 'review', 1), 403, 'FORBIDDEN');
      assert.equal((await act('bumen', 'return', 1, '项目支出说明不完整')).status, 200);
      assert.equal((await state()).state, 'returned');
      await problem(await act('bumen', 'review', 1), 409, 'CONFLICT', /当前状态为“已退回”，不能审核通过/);
      assert.equal((await act('jingban', 'submit', 1)).status, 200);
    });

    test('a transition on a page that is out of date is refused (409) and changes nothing', async () => {
      await problem(await act('bumen', 'review', 7), 409, 'CONFLICT', /已有更新的版本 1/);
      assert.equal((await state()).state, 'submitted');
    });

    test('reviewed by the department, approved and published by the 财政: the public then sees it', async () => {
      assert.equal((await act('bumen', 'review', 1)).status, 200);
      await problem(await act('bumen', 'approve', 1), 403, 'FORBIDDEN');
      assert.equal((await act('caizheng', 'approve', 1)).status, 200);
      assert.equal((await act('caizheng', 'publish', 1)).status, 200);
      const s = await state();
      assert.equal(s.state, 'published');
      assert.equal(s.publishedVersion, 1);
      const pub = (await (await as(null)('/api/v1/budgets')).json()) as Array<{ id: string; publishedVersion: number }>;
      assert.deepEqual(
        pub.map((b) => [b.id, b.publishedVersion]),
        [[id, 1]],
      );
      // The public reads the published budget in the portal, not its working views.
      assert.equal((await as(null)(`/api/v1/budgets/${id}/findings`)).status, 401);
    });

    test('an edit of the published version is a new draft; the public keeps the published version', async () => {
      const doc = (await (await as('jingban')(`/api/v1/budgets/${id}/versions/1`)).json()) as {
        document: { projectForms: { id: string; disbursement: { quarter: number; amount: { fen: number } }[] }[] };
      };
      const form = doc.document.projectForms[0]!;
      // In the web (htmx): the fragment comes with the breadcrumb out of band, whose state follows the save.
      const page = await (await as('jingban')(`/budgets/${id}/projects/${encodeURIComponent(form.id)}`)).text();
      assert.match(page, /id="budget-crumb"[^>]*>[\s\S]*?class="state">已公开</);
      const quarters = Object.fromEntries(form.disbursement.map((q) => [`q${q.quarter}`, (q.amount.fen / 100).toFixed(2)]));
      const web = await as('jingban')(`/budgets/${id}/projects/${encodeURIComponent(form.id)}/disbursement`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'hx-request': 'true' },
        body: new URLSearchParams({ baseVersion: '1', ...quarters }).toString(),
      });
      const fragment = await web.text();
      assert.equal(web.status, 200, fragment.slice(0, 500));
      assert.match(fragment, /<p class="sub" id="budget-crumb" hx-swap-oob="true">[\s\S]*?class="state">草稿</);
      assert.deepEqual([(await state()).latestVersion, (await state()).state], [2, 'draft']);
      // Through the API: a further draft.
      const edit = await json('jingban', 'PATCH', `/api/v1/budgets/${id}/projects/${encodeURIComponent(form.id)}`, { baseVersion: 2, disbursement: form.disbursement });
      assert.equal(edit.status, 200, await edit.clone().text());
      const s = await state();
      assert.deepEqual([s.latestVersion, s.state, s.publishedVersion], [3, 'draft', 1]);
      const pub = (await (await as(null)('/api/v1/budgets')).json()) as Array<{ publishedVersion: number; latestVersion: number }>;
      assert.equal(pub[0]!.publishedVersion, 1);
      const versions = (await (await as('jingban')(`/api/v1/budgets/${id}/versions`)).json()) as Array<{ n: number; state: string; publishedAt: string | null }>;
      assert.deepEqual(
        versions.map((v) => [v.n, v.state, v.publishedAt !== null]),
        [
          [1, 'published', true],
          [2, 'draft', false],
          [3, 'draft', false],
        ],
      );
    });

    test('the history names who did what, when and why', async () => {
      const h = (await (await as('jingban')(`/api/v1/budgets/${id}/transitions`)).json()) as Array<{ action: string; from: string; to: string; actor: string; reason: string | null; at: string }>;
      assert.deepEqual(
        h.map((t) => [t.action, t.from, t.to, t.actor, t.reason]),
        [
          ['submit', 'draft', 'submitted', '测试jingban（jingban）', null],
          ['return', 'submitted', 'returned', '测试bumen（bumen）', '项目支出说明不完整'],
          ['submit', 'returned', 'submitted', '测试jingban（jingban）', null],
          ['review', 'submitted', 'reviewed', '测试bumen（bumen）', null],
          ['approve', 'reviewed', 'approved', '测试caizheng（caizheng）', null],
          ['publish', 'approved', 'published', '测试caizheng（caizheng）', null],
        ],
      );
      assert.ok(h.every((t) => !Number.isNaN(Date.parse(t.at))));
    });

    test('a re-upload never replaces silently: the API asks for replace=true (409, nothing written); the web shows the differences and waits for 确认', async () => {
      const before = (await state()).latestVersion;
      const upload = (who: Login, q = '') => as(who)(`/api/v1/budgets?name=again.txt${q}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: SAMPLE });
      await problem(await upload('jingban'), 409, 'CONFLICT', /已有 \d+ 个版本.*改动 \d+ 个金额.*replace=true/);
      assert.equal((await state()).latestVersion, before);
      // Another unit's 经办 may not add a version to it, nor stage one.
      await problem(await upload('jingban2', '&replace=true'), 403, 'FORBIDDEN', /是另一个机构/);
      // The latest version with one project's total changed, as a canonical JSON file.
      const doc = (await (await as('jingban')(`/api/v1/budgets/${id}/export.json`)).json()) as { projectForms: { amounts: { total: { fen: number } | null } }[] };
      const form = doc.projectForms.find((f) => f.amounts.total)!;
      form.amounts.total!.fen += 100;
      const fd = new FormData();
      fd.append('file', new File([JSON.stringify(doc)], 'again.json', { type: 'application/json' }));
      const web = await as('jingban')('/upload', { method: 'POST', body: fd });
      assert.equal(web.status, 303);
      const where = web.headers.get('location') ?? '';
      assert.match(where, new RegExp(`^/budgets/${id}/staged/\\d+$`));
      assert.equal((await state()).latestVersion, before, 'staged, not stored');
      const page = await (await as('jingban')(where)).text();
      assert.match(page, /确认上传：again\.json/);
      assert.match(page, /id="diff-amounts"/);
      assert.match(page, /<td class="num">1,270\.7400<\/td><td class="num">1,270\.7401<\/td><td class="num">0\.0001<\/td>/);
      // The budget is published (everyone may read it), but only its 经办 may see an upload to it.
      assert.equal((await as('jingbanb')(where)).status, 403);
      assert.equal((await as('jingban')(`${where}/confirm`, { method: 'POST' })).status, 303);
      const s = await state();
      assert.deepEqual([s.latestVersion, s.state], [before + 1, 'draft']);
      assert.equal((await as('jingban')(where)).status, 404, 'a confirmed upload is no longer staged');
      const added = await upload('jingban', '&replace=true');
      assert.equal(added.status, 200);
      assert.equal((await state()).latestVersion, before + 2);
    });

    test('a revoked waiver no longer covers its error: the new draft cannot be submitted until waived again', async () => {
      const reg = (await (await as('bumen')(`/api/v1/budgets/${id}/waivers`)).json()) as { waivers: { id: number; revokedAt: string | null }[] };
      const first = reg.waivers[0]!;
      const r = await as('bumen')(`/api/v1/budgets/${id}/waivers/${first.id}/revoke`, { method: 'POST' });
      assert.equal(r.status, 204);
      await problem(await as('bumen')(`/api/v1/budgets/${id}/waivers/${first.id}/revoke`, { method: 'POST' }), 404, 'NOT_FOUND');
      const latest = (await state()).latestVersion;
      await problem(await act('jingban', 'submit', latest), 422, 'INPUT_INVALID', /仍有 1 个错误/);
    });
  });
}

suite('PGlite', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fiscus-workflow-'));
  return { opts: { dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
});

const freshDatabase = throwawayDatabases('fiscus_workflow', 'workflow suite');
if (freshDatabase) {
  suite('PostgreSQL', async () => {
    const db = await freshDatabase();
    return { opts: { databaseUrl: db.databaseUrl }, drop: db.drop };
  });
}
