import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openWorkspace } from '../app/workspace.js';
import { createApi } from './routes.js';
import { requester, setupDistrict } from '../../test/support/district.js';

const ROOT = resolve(import.meta.dirname, '../..');
const JSON_HEADERS = { 'content-type': 'application/json' };

test('the follow-the-year API imports payments, refuses a bad file whole, and recomputes monitoring and evaluation', { timeout: 120_000 }, async () => {
  const ws = await openWorkspace();
  try {
    const district = await setupDistrict(ws);
    const { budgetId } = await ws.importDocument(readFileSync(resolve(ROOT, 'samples/shenzhen-futian-data-center-2021-dept-budget.txt')), 's.txt');
    // Payments, monitoring and evaluation are the budget's own 经办's (issue 13): the sample unit's.
    const app = { request: requester(createApi(ws), district, 'jingban') };
    const base = `/api/v1/budgets/${budgetId}`;
    const bad = await app.request(`${base}/payments/import?name=p.csv`, {
      method: 'POST',
      body: '项目,日期,金额(元)\nform-1,2021-01-01,1\nform-1,2021-01-02,"12,3.4"\n',
      headers: { 'content-type': 'text/csv' },
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    const pb = (await bad.json()) as { detail: string; line: number };
    assert.equal(pb.detail, 'p.csv:3: 应为金额（元），实为 "12,3.4"');
    assert.equal(pb.line, 3);
    assert.deepEqual(await (await app.request(`${base}/payments`)).json(), [], 'the good first row was not kept');

    const ok = await app.request(`${base}/payments/import?name=payments.csv`, {
      method: 'POST',
      body: readFileSync(resolve(ROOT, 'samples/year-2021/payments.csv')),
      headers: { 'content-type': 'text/csv' },
    });
    assert.equal(ok.status, 200);
    const imported = (await ok.json()) as { imported: number; totalFen: number };
    // 指标控制 (issue 15): 项目审计's 75,000 元 are paid in full by the file; 1,500 元 more is refused, nothing written.
    const payment = JSON.stringify({ project: 'form-9', date: '2021-08-01', fen: 150_000 });
    const over = await app.request(`${base}/payments`, { method: 'POST', headers: JSON_HEADERS, body: payment });
    assert.equal(over.status, 422);
    assert.equal(
      ((await over.json()) as { detail: string }).detail,
      '项目"项目审计"的支付超出可用指标（指标控制）：本次 1,500.00 元，应不超过剩余可用 0.00 元（预算 75,000.00 元，已支付 75,000.00 元）；如需超出，须先由部门审核或财政审核录入预算调整',
    );
    assert.equal(((await (await app.request(`${base}/payments`)).json()) as unknown[]).length, imported.imported, 'nothing written');
    // The 经办 may not approve an adjustment; the department's 部门审核 does, and is named as approver.
    const adjustment = JSON.stringify({ project: '项目审计', fen: 150_000, reason: '追加审计范围（区财政局批复）' });
    assert.equal((await app.request(`${base}/adjustments`, { method: 'POST', headers: JSON_HEADERS, body: adjustment })).status, 403);
    const reviewer = requester(createApi(ws), district, 'bumen');
    const adj = await reviewer(`${base}/adjustments`, { method: 'POST', headers: JSON_HEADERS, body: adjustment });
    assert.equal(adj.status, 201);
    assert.deepEqual((({ formId, fen, approvedBy }) => ({ formId, fen, approvedBy }))((await adj.json()) as { formId: string; fen: number; approvedBy: string }), {
      formId: 'form-9',
      fen: 150_000,
      approvedBy: 'bumen',
    });
    const add = await app.request(`${base}/payments`, { method: 'POST', headers: JSON_HEADERS, body: payment });
    assert.equal(add.status, 201);
    // Now paid in full again: a reduction of even 1 分 would leave less budget than is paid.
    const cut = await reviewer(`${base}/adjustments`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ project: 'form-9', fen: -1, reason: '调减' }) });
    assert.equal(cut.status, 422);
    assert.match(((await cut.json()) as { detail: string }).detail, /^调整后项目"项目审计"的预算为 76,499\.99 元，应不低于已支付的 76,500\.00 元（调整前 76,500\.00 元，本次 -0\.01 元）$/);
    const list = (await (await app.request(`${base}/payments`)).json()) as Array<{ fen: number }>;
    assert.equal(list.length, imported.imported + 1);
    assert.equal(
      list.reduce((s, p) => s + p.fen, 0),
      imported.totalFen + 150_000,
    );

    const ex = (await (await app.request(`${base}/execution?asOf=2021-08-31`)).json()) as { projects: Array<{ formId: string; paidFen: number; rate: string }> };
    const audit = ex.projects.find((p) => p.formId === 'form-9')!;
    assert.equal(audit.paidFen, 150_000);
    assert.equal(audit.rate, '1.96', 'the rate is on the adjusted budget: 1,500 / 76,500 元');
    const control = (await (await app.request(`${base}/budget-control`)).json()) as Array<{ formId: string; budgetFen: number; adjustedFen: string; paidFen: string; remainingFen: string }>;
    assert.deepEqual(
      control.find((x) => x.formId === 'form-9'),
      { formId: 'form-9', name: '项目审计', budgetFen: 7_500_000, adjustedFen: '150000', paidFen: '7650000', remainingFen: '0' },
    );
    assert.equal((await app.request(`${base}/execution?asOf=2021-13-01`)).status, 422);

    const put = await app.request(`${base}/monitoring`, {
      method: 'PUT',
      headers: JSON_HEADERS,
      body: JSON.stringify({ owner: 'form-3', asOf: '2021-08-31', entries: [{ idx: 5, actualToDate: '100', likelihood: '有可能' }] }),
    });
    assert.equal(put.status, 200);
    const m = (await put.json()) as { projects: Array<{ rows: Array<{ check: { missing: string[] } }> }> };
    assert.deepEqual(m.projects[2]!.rows[5]!.check.missing, ['reason', 'action']);
    const badPut = await app.request(`${base}/monitoring`, { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify({ owner: 'form-3', entries: [{ idx: 5, likelihood: '也许' }] }) });
    assert.equal(badPut.status, 422);
    assert.equal(((await badPut.json()) as { field: string }).field, 'json.entries.0.likelihood');

    const ev = await app.request(`${base}/evaluation`, {
      method: 'PUT',
      headers: JSON_HEADERS,
      body: JSON.stringify({
        owner: '项目审计',
        actuals: [
          { idx: 0, value: '100' },
          { idx: 1, value: '50' },
        ],
      }),
    });
    assert.equal(ev.status, 200);
    const e = (await ev.json()) as { projects: Array<{ formId: string; evaluation: { indicators: Array<{ ratio: string | null; missing: string[] }> } }> };
    const p9 = e.projects.find((p) => p.formId === 'form-9')!;
    assert.equal(p9.evaluation.indicators[1]!.ratio, '0.5000');
    assert.deepEqual(p9.evaluation.indicators[1]!.missing, ['reason', 'correction']);

    const x = await app.request(`${base}/evaluation.xlsx`);
    assert.equal(x.status, 200);
    assert.equal(new Uint8Array(await x.arrayBuffer())[0], 0x50, 'an XLSX (zip) body');
    assert.equal((await app.request(`/api/v1/budgets/999/monitoring`)).status, 404);
  } finally {
    await ws.close();
  }
});
