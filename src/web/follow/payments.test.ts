/**
 * Entering and deleting one payment in the web app (issue 6: "or entered in the web app"), and the
 * API's DELETE, on a real in-memory workspace, as the 经办 of the sample's unit (issue 13: payments
 * are the budget's own 经办's to record).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openWorkspace } from '../../app/workspace.js';
import { followOf } from '../../app/follow.js';
import { createHttpApp } from '../../cli/http-app.js';
import { requester, setupDistrict } from '../../../test/support/district.js';

const SAMPLE = readFileSync(new URL('../../../samples/shenzhen-futian-data-center-2021-dept-budget.txt', import.meta.url));
// Form posts come from this site's own pages: a same-origin Origin, as a browser sends (app/http-security.ts).
const SAME_ORIGIN = { origin: 'http://localhost' };
const form = (o: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(o), headers: { 'content-type': 'application/x-www-form-urlencoded', ...SAME_ORIGIN } });

test('a payment entered on the project page is stored, listed, counted in execution and can be deleted', async () => {
  const ws = await openWorkspace({});
  try {
    const district = await setupDistrict(ws);
    const { budgetId } = await ws.importDocument(SAMPLE, 'sample.txt');
    const app = requester(createHttpApp(ws), district, 'jingban');
    const page = `/budgets/${budgetId}/follow/form-1`;
    const r = await app(`${page}/payments`, form({ date: '2021-03-15', amount: '12,345.67', voucher: '记-031', payee: '某电信公司' }));
    assert.equal(r.status, 303);
    const [p] = await followOf(ws).listPayments(budgetId);
    assert.deepEqual([p?.formId, p?.date, p?.fen, p?.voucher, p?.payee, p?.source], ['form-1', '2021-03-15', 1_234_567, '记-031', '某电信公司', 'manual']);
    assert.equal(r.headers.get('location'), `${page}#payment-${p!.id}`);
    const html = await (await app(page)).text();
    assert.match(html, /支付明细（1 笔，合计 12,345\.67 元）/);
    assert.match(html, /记-031/);
    const ex = await followOf(ws).execution(budgetId, '2021-12-31');
    assert.equal(ex.projects.find((x) => x.formId === 'form-1')!.paidFen, 1_234_567);

    const del = await app(`${page}/payments/${p!.id}/delete`, { method: 'POST', headers: SAME_ORIGIN });
    assert.equal(del.status, 303);
    assert.deepEqual(await followOf(ws).listPayments(budgetId), []);
    const again = await app(`${page}/payments/${p!.id}/delete`, { method: 'POST', headers: SAME_ORIGIN });
    assert.equal(again.status, 404);
  } finally {
    await ws.close();
  }
});

test('a bad amount or a date outside the year is refused on the page, naming it, and nothing is stored', async () => {
  const ws = await openWorkspace({});
  try {
    const district = await setupDistrict(ws);
    const { budgetId } = await ws.importDocument(SAMPLE, 'sample.txt');
    const app = requester(createHttpApp(ws), district, 'jingban');
    const page = `/budgets/${budgetId}/follow/form-1`;
    const bad = await app(`${page}/payments`, form({ date: '2021-03-15', amount: '12,3.4' }));
    assert.equal(bad.status, 422);
    const html = await bad.text();
    assert.match(html, /未登记：金额应为以元为单位/);
    assert.match(html, /value="12,3.4"/, 'what the clerk typed is kept');
    const late = await app(`${page}/payments`, form({ date: '2022-01-05', amount: '100' }));
    assert.equal(late.status, 422);
    assert.deepEqual(await followOf(ws).listPayments(budgetId), []);
  } finally {
    await ws.close();
  }
});

test('the API deletes one payment and answers 404 for an unknown one', async () => {
  const ws = await openWorkspace({});
  try {
    const district = await setupDistrict(ws);
    const { budgetId } = await ws.importDocument(SAMPLE, 'sample.txt');
    const app = requester(createHttpApp(ws), district, 'jingban');
    const p = await followOf(ws).addPayment(budgetId, { project: '基础设施运行维护', date: '2021-05-01', fen: 500 });
    assert.equal((await app(`/api/v1/budgets/${budgetId}/payments/${p.id}`, { method: 'DELETE' })).status, 204);
    const gone = await app(`/api/v1/budgets/${budgetId}/payments/${p.id}`, { method: 'DELETE' });
    assert.equal(gone.status, 404);
    assert.match(gone.headers.get('content-type') ?? '', /problem\+json/);
  } finally {
    await ws.close();
  }
});

test('uploading the same payments file again on the overview says it was already imported and stores nothing; "replace" replaces', async () => {
  const ws = await openWorkspace({});
  try {
    const district = await setupDistrict(ws);
    const { budgetId } = await ws.importDocument(SAMPLE, 'sample.txt');
    const app = requester(createHttpApp(ws), district, 'jingban');
    const csv = readFileSync(new URL('../../../samples/year-2021/payments.csv', import.meta.url));
    const upload = (replace: boolean) => {
      const body = new FormData();
      body.set('file', new File([csv], 'payments.csv', { type: 'text/csv' }));
      if (replace) body.set('replace', '1');
      return app(`/budgets/${budgetId}/follow/payments`, { method: 'POST', body, headers: SAME_ORIGIN });
    };
    const first = await upload(false);
    assert.equal(first.status, 303);
    assert.equal(first.headers.get('location'), `/budgets/${budgetId}/follow?imported=179`);
    const again = await upload(false);
    assert.equal(again.status, 303);
    const to = again.headers.get('location')!;
    assert.equal(to, `/budgets/${budgetId}/follow?imported=0&already=1`);
    const html = await (await app(to)).text();
    assert.match(html, /未重复导入：该文件（内容相同）已导入过本预算，本次未存储任何支付/);
    assert.match(html, /请勾选“替换已有支付明细”后重新导入/);
    assert.match(html, /已登记 179 笔支付/);
    assert.equal((await followOf(ws).listPayments(budgetId)).length, 179);
    const replaced = await upload(true);
    assert.equal(replaced.headers.get('location'), `/budgets/${budgetId}/follow?imported=179`);
    assert.equal((await followOf(ws).listPayments(budgetId)).length, 179);
    assert.doesNotMatch(await (await app(`/budgets/${budgetId}/follow`)).text(), /未重复导入/);
  } finally {
    await ws.close();
  }
});

test("指标控制 in the web: a payment beyond the project's budget is refused on the page, nothing stored; the 部门审核 records an adjustment on the overview, then it is accepted", async () => {
  const ws = await openWorkspace({});
  try {
    const district = await setupDistrict(ws);
    const { budgetId } = await ws.importDocument(SAMPLE, 'sample.txt');
    const http = createHttpApp(ws);
    const app = requester(http, district, 'jingban');
    const reviewer = requester(http, district, 'bumen');
    // 基层党建 (form-10): a budget of 16,000.00 元; 16,000.01 元 is one fen too many.
    const page = `/budgets/${budgetId}/follow/form-10`;
    const over = await app(`${page}/payments`, form({ date: '2021-05-10', amount: '16,000.01' }));
    assert.equal(over.status, 422);
    const html = await over.text();
    assert.match(
      html,
      /项目&quot;基层党建&quot;的支付超出可用指标（指标控制）：本次 16,000\.01 元，应不超过剩余可用 16,000\.00 元|项目"基层党建"的支付超出可用指标（指标控制）：本次 16,000\.01 元，应不超过剩余可用 16,000\.00 元/,
    );
    assert.deepEqual(await followOf(ws).listPayments(budgetId), [], 'nothing stored');

    // The 经办 sees the control table but no adjustment form, and may not post one.
    const mine = await (await app(`/budgets/${budgetId}/follow`)).text();
    assert.match(mine, /预算调整与指标控制/);
    assert.doesNotMatch(mine, /id="adjustment-new"/);
    assert.equal((await app(`/budgets/${budgetId}/follow/adjustments`, form({ project: 'form-10', amount: '1', reason: '自批' }))).status, 403);
    const theirs = await (await reviewer(`/budgets/${budgetId}/follow`)).text();
    assert.match(theirs, /id="adjustment-new"/);
    const bad = await reviewer(`/budgets/${budgetId}/follow/adjustments`, form({ project: 'form-10', amount: '十元', reason: '追加' }));
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /未录入预算调整：调整金额应为以元计的金额/);
    // A misplaced thousands separator is refused, not read as 10.00 (nothing recorded: the next one is the first).
    const misplaced = await reviewer(`/budgets/${budgetId}/follow/adjustments`, form({ project: 'form-10', amount: '1,0.0', reason: '追加' }));
    assert.equal(misplaced.status, 422);
    assert.match(await misplaced.text(), /实为 &quot;1,0\.0&quot;|实为 "1,0\.0"/);
    assert.equal((await followOf(ws).listAdjustments(budgetId)).length, 0);
    const adj = await reviewer(`/budgets/${budgetId}/follow/adjustments`, form({ project: 'form-10', amount: '0.01', reason: '追加 1 分以验证指标控制' }));
    assert.equal(adj.status, 303);
    assert.equal(adj.headers.get('location'), `/budgets/${budgetId}/follow?adjusted=1#budget-control`);
    const after = await (await reviewer(`/budgets/${budgetId}/follow?adjusted=1`)).text();
    assert.match(after, /已录入预算调整/);
    assert.match(after, /追加 1 分以验证指标控制<\/td><td>bumen<\/td>/);

    const ok = await app(`${page}/payments`, form({ date: '2021-05-10', amount: '16,000.01' }));
    assert.equal(ok.status, 303);
    const ex = await followOf(ws).execution(budgetId, '2021-12-31');
    const p = ex.projects.find((x) => x.formId === 'form-10')!;
    assert.deepEqual([p.budgetFen, p.adjustmentFen, p.paidFen, p.rate], [1_600_001, 1, 1_600_001, '100.00']);
  } finally {
    await ws.close();
  }
});
