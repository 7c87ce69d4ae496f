/**
 * The package downloaded for review carries the findings appendix (附录 校验结果); the publishable one
 * (`appendix=none`, issue 15 item 7) does not, and is otherwise the same document; a bad value is a 422.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openWorkspace } from '../../src/app/workspace.js';
import { createHttpApp, exporterIfAvailable } from '../../src/cli/http-app.js';
import { requester, setupDistrict } from '../support/district.js';

const SAMPLE = readFileSync(resolve(import.meta.dirname, '../../samples/shenzhen-futian-data-center-2021-dept-budget.txt'));

test('export.html with and without the findings appendix', { timeout: 120_000 }, async () => {
  const ws = await openWorkspace();
  try {
    const district = await setupDistrict(ws);
    const as = requester(createHttpApp(ws, await exporterIfAvailable()), district, 'jingban');
    const { budgetId } = await ws.importDocument(SAMPLE, 'sample.txt');
    const review = await as(`/api/v1/budgets/${budgetId}/export.html`);
    assert.equal(review.status, 200);
    const reviewHtml = await review.text();
    assert.match(reviewHtml, /<h2 class="part">附录 校验结果<\/h2>/);
    assert.match(reviewHtml, /BUD-072/);
    const clean = await as(`/api/v1/budgets/${budgetId}/export.html?appendix=none`);
    assert.equal(clean.status, 200);
    const cleanHtml = await clean.text();
    assert.doesNotMatch(cleanHtml, /附录 校验结果|BUD-0\d\d/);
    assert.equal(cleanHtml.length < reviewHtml.length, true);
    assert.ok(cleanHtml.includes('深圳市福田区数据管理中心'), 'the same document');
    const bad = await as(`/api/v1/budgets/${budgetId}/export.html?appendix=maybe`);
    assert.equal(bad.status, 422);
    // The dashboard offers both.
    const page = await (await as(`/budgets/${budgetId}`)).text();
    assert.match(page, /export\.pdf\?appendix=none"[^>]*>PDF（可公开版：不含审核附录）/);
  } finally {
    await ws.close();
  }
});
