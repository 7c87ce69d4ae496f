import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openWorkspace } from '../app/workspace.js';
import { createApi } from './routes.js';
import { requester, setupDistrict } from '../../test/support/district.js';
import { BUDGET_FILE, CHANGED_CLASS_FILE, FINAL_FILE } from '../../test/fixtures/reconcile/make-fixtures.js';

test('GET /api/v1/budgets/{id}/reconcile/{final} reconciles two stored documents the caller may read', { timeout: 120_000 }, async () => {
  const ws = await openWorkspace();
  try {
    const district = await setupDistrict(ws);
    // 上海市普陀区财政局 is the district's 主管部门 B: its 部门审核 (bumenb) and the 财政审核 read its budgets.
    const budget = (await ws.importDocument(readFileSync(BUDGET_FILE), 'budget.json')).budgetId;
    const final = (await ws.importDocument(readFileSync(FINAL_FILE), 'final.txt')).budgetId;
    const api = createApi(ws);
    const as = (who: Parameters<typeof requester>[2]) => requester(api, district, who);
    const ok = await as('bumenb')(`/api/v1/budgets/${budget}/reconcile/${final}`);
    assert.equal(ok.status, 200);
    const r = (await ok.json()) as { summary: Record<string, number>; findings: unknown[]; notChecked: unknown[]; lines: Array<{ item: string; budgetFen: number; finalFen: number }> };
    assert.deepEqual([r.summary, r.findings.length, r.notChecked.length], [{ error: 0, warning: 0, info: 0 }, 0, 0]);
    assert.deepEqual(
      r.lines.filter((l) => l.item === 'function:2010601').map((l) => [l.budgetFen, l.finalFen]),
      [[1_560_050_000, 1_511_890_000]],
    );

    // A new version of the budget with the changed class: the findings of the edit, at their places.
    await ws.importDocument(readFileSync(CHANGED_CLASS_FILE), 'budget.json');
    const changed = await as('caizheng')(`/api/v1/budgets/${budget}/reconcile/${final}?deviation=10`);
    const c = (await changed.json()) as {
      summary: Record<string, number>;
      findings: Array<{ rule: string; location: { line: number }; budgetLocation: { tableId: string; row: string; column: string } }>;
    };
    assert.equal(changed.status, 200);
    assert.deepEqual(
      c.findings.map((f) => [f.rule, f.location.line, f.budgetLocation.row]),
      [
        ['REC-001', 618, 'total'],
        ['REC-004', 618, 'total'],
        ['REC-001', 632, 'f2010607'],
      ],
    );
    // The first version is still there to reconcile.
    const v1 = (await (await as('caizheng')(`/api/v1/budgets/${budget}/reconcile/${final}?budgetVersion=1`)).json()) as { summary: { error: number } };
    assert.equal(v1.summary.error, 0);

    // The two in the wrong order, or a final account the caller may not read, or none at all.
    const swapped = await as('caizheng')(`/api/v1/budgets/${final}/reconcile/${budget}`);
    assert.equal(swapped.status, 422);
    assert.match(((await swapped.json()) as { detail: string }).detail, /第一份文件应为部门预算或单位预算/);
    assert.equal((await as('bumen')(`/api/v1/budgets/${budget}/reconcile/${final}`)).status, 404);
    assert.equal((await as('caizheng')(`/api/v1/budgets/${budget}/reconcile/999999`)).status, 404);
    assert.equal((await as(null)(`/api/v1/budgets/${budget}/reconcile/${final}`)).status, 401);
    const spec = (await (await api.request('/openapi.json')).json()) as { paths: Record<string, unknown> };
    assert.ok(spec.paths['/api/v1/budgets/{id}/reconcile/{final}']);
  } finally {
    await ws.close();
  }
});
