import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openWorkspace } from '../app/workspace.js';
import { createWeb } from './routes.js';
import { requester, setupDistrict } from '../../test/support/district.js';
import { CHANGED_CLASS_FILE, FINAL_FILE } from '../../test/fixtures/reconcile/make-fixtures.js';

test('the 预算与决算核对 page lists the findings with links to the rows and lines of both documents', { timeout: 120_000 }, async () => {
  const ws = await openWorkspace();
  try {
    const district = await setupDistrict(ws);
    const budget = (await ws.importDocument(readFileSync(CHANGED_CLASS_FILE), 'budget.json')).budgetId;
    const final = (await ws.importDocument(readFileSync(FINAL_FILE), 'final.txt')).budgetId;
    const web = requester(createWeb(ws), district, 'bumenb');
    // From the budget: its one final account is chosen; from the final account, its one budget.
    for (const from of [budget, final]) {
      const res = await web(`/budgets/${from}/reconcile`);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /错误 <span class="n">3<\/span>/);
      // REC-001 on 信息化建设: the final account's narrative line 632 and the budget's row f2010607 of t1.
      assert.match(html, new RegExp(`href="/budgets/${budget}/tables/t1#t1-rf2010607"`));
      assert.match(html, new RegExp(`href="/budgets/${final}/narrative#line-\\d+"`));
      assert.match(html, /2010607 信息化建设：部门决算情况说明（第 632 行）所列年初预算数 135\.90 万元，部门预算为 155\.90 万元，相差 20\.00 万元/);
    }
    // Another department's reviewer does not see the budget; a final account not readable is not found either.
    assert.equal((await requester(createWeb(ws), district, 'bumen')(`/budgets/${budget}/reconcile`)).status, 404);
    assert.equal((await web(`/budgets/${budget}/reconcile?with=999999`)).status, 404);
  } finally {
    await ws.close();
  }
});
