/**
 * Saving a project form without htmx (a browser without JavaScript, issue 15 item 7): the answer leads
 * back to the page at the edited section, whose message says what was saved; a forged query shows nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openWorkspace } from '../../src/app/workspace.js';
import { createHttpApp } from '../../src/cli/http-app.js';
import { requester, setupDistrict } from '../support/district.js';

const SAMPLE = readFileSync(resolve(import.meta.dirname, '../../samples/shenzhen-futian-data-center-2021-dept-budget.txt'));

test('a plan saved without htmx returns to its section with the saved notice', { timeout: 120_000 }, async () => {
  const ws = await openWorkspace();
  try {
    const district = await setupDistrict(ws);
    const as = requester(createHttpApp(ws), district, 'jingban');
    const { budgetId } = await ws.importDocument(SAMPLE, 'sample.txt');
    const doc = await ws.getDocument(budgetId);
    const form = doc.projectForms[0]!;
    const quarters = Object.fromEntries(form.disbursement.map((q) => [`q${q.quarter}`, (q.amount.fen / 1_000_000).toFixed(6)]));
    // A misplaced thousands separator is refused (not read as 10), a full-width amount is read; nothing is saved by the refusal.
    const misplaced = await as(`/budgets/${budgetId}/projects/${form.id}/disbursement`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ baseVersion: '1', ...quarters, q1: '1,0.0' }).toString(),
    });
    assert.equal(misplaced.status, 422);
    assert.match(await misplaced.text(), /请输入不小于 0 的金额/);
    assert.equal((await ws.listVersions(budgetId)).length, 1);
    const res = await as(`/budgets/${budgetId}/projects/${form.id}/disbursement`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ baseVersion: '1', ...quarters }).toString(),
    });
    assert.equal(res.status, 303, (await res.text()).slice(0, 300));
    const location = res.headers.get('location')!;
    assert.equal(location, `/budgets/${budgetId}/projects/${form.id}?saved=2&from=1&section=disbursement#form-${form.id}-disbursement`);
    const page = await (await as(location.replace(/#.*/, ''))).text();
    const section = new RegExp(`<section aria-labelledby="form-${form.id}-disbursement-h" id="form-${form.id}-disbursement">[\\s\\S]*?</section>`).exec(page)?.[0] ?? '';
    assert.match(section, /已保存为第 2 版（基于第 1 版），已重新审核。/);
    const forged = await (await as(`/budgets/${budgetId}/projects/${form.id}?saved=2&from=1&section=nothing`)).text();
    assert.doesNotMatch(forged, /已保存为第/);
  } finally {
    await ws.close();
  }
});
