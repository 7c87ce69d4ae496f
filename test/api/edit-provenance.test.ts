/**
 * The provenance of an edit is decided once (app/form-edit.ts, issue 15 item 8): the same edit of a
 * project form made in the web (rows with the hidden index of the line they replace) and through the
 * API (`replaces`) stores the same form, each line with the origin of the line it replaces.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openWorkspace, type Workspace } from '../../src/app/workspace.js';
import { createHttpApp } from '../../src/cli/http-app.js';
import { decimalsOf, parseAmount } from '../../src/domain/money.js';
import type { ProjectForm } from '../../src/domain/model.js';
import { costLineDraft, indicatorDraft, type CostLineDraft, type IndicatorDraft } from '../../src/web/project.js';
import { indicatorOf } from '../../src/web/edit-routes.js';
import { requester, setupDistrict } from '../support/district.js';

const SAMPLE = readFileSync(resolve(import.meta.dirname, '../../samples/shenzhen-futian-data-center-2021-dept-budget.txt'));

/** The editor's rows after the user's edit: the third line moved first, a line inserted, the second deleted, the first's amount changed. */
function editedRows<T extends { orig: string }>(rows: T[], blank: T, change: (r: T) => T): T[] {
  const [a, , c, ...rest] = rows;
  return [c!, change(a!), blank, ...rest];
}

interface Side {
  ws: Workspace;
  as: ReturnType<typeof requester>;
  budgetId: string;
  form: ProjectForm;
  displayUnit: string;
}

async function side(): Promise<Side> {
  const ws = await openWorkspace();
  const district = await setupDistrict(ws);
  const as = requester(createHttpApp(ws), district, 'jingban');
  const { budgetId } = await ws.importDocument(SAMPLE, 'sample.txt');
  const doc = await ws.getDocument(budgetId);
  // A form with at least three cost lines with amounts and two indicators.
  const form = doc.projectForms.find((f) => f.costLines.filter((l) => l.amount).length >= 3 && f.indicators.length >= 3)!;
  assert.ok(form, 'the sample has a form with three cost lines and three indicators');
  return { ws, as, budgetId, form, displayUnit: doc.displayUnit };
}

test('the same edit in the web and through the API stores the same provenance', { timeout: 180_000 }, async () => {
  const web = await side();
  const api = await side();
  try {
    assert.deepEqual(api.form, web.form, 'two imports of the sample give the same form');
    const doc = await web.ws.getDocument(web.budgetId);
    const form = web.form;

    // Cost lines: reorder, insert in the middle, delete, change one amount.
    const lines = editedRows<CostLineDraft>(
      form.costLines.map((l, i) => costLineDraft(doc, l, i)),
      { orig: '', text: '新增：网络租用费', label: '网络租用费', amount: '1.2345' },
      (r) => ({ ...r, amount: '12.3456' }),
    );
    const webLines = await web.as(`/budgets/${web.budgetId}/projects/${form.id}/cost-lines`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        baseVersion: '1',
        n: String(lines.length),
        ...Object.fromEntries(
          lines.flatMap((d, i) => [
            [`cl-${i}-orig`, d.orig],
            [`cl-${i}-text`, d.text],
            [`cl-${i}-label`, d.label],
            [`cl-${i}-amount`, d.amount],
          ]),
        ),
      }).toString(),
    });
    assert.equal(webLines.status, 303, (await webLines.text()).slice(0, 400));
    const amount = (s: string) => (s === '' ? null : { fen: parseAmount(s.replace(/,/g, ''), doc.displayUnit), decimals: decimalsOf(s.replace(/,/g, '')) });
    const patch = (body: unknown) => api.as(`/api/v1/budgets/${api.budgetId}/projects/${form.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const apiLines = await patch({
      baseVersion: 1,
      costLines: lines.map((d) => ({ replaces: d.orig === '' ? null : Number(d.orig), text: d.text, label: d.label, amount: amount(d.amount) })),
    });
    assert.equal(apiLines.status, 200, await apiLines.text());

    // Indicators: the same moves.
    const inds = editedRows<IndicatorDraft>(
      form.indicators.map((x, i) => indicatorDraft(x, i)),
      { orig: '', level1: '产出指标', level2: '数量指标', name: '新增指标', comparator: '≥', value: '3', unit: '个' },
      (r) => ({ ...r, name: `${r.name}（改）` }),
    );
    const webInds = await web.as(`/budgets/${web.budgetId}/projects/${form.id}/indicators`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        baseVersion: '2',
        n: String(inds.length),
        ...Object.fromEntries(inds.flatMap((d, i) => (['orig', 'level1', 'level2', 'name', 'comparator', 'value', 'unit'] as const).map((k) => [`ind-${i}-${k}`, d[k]]))),
      }).toString(),
    });
    assert.equal(webInds.status, 303, (await webInds.text()).slice(0, 400));
    const apiInds = await patch({
      baseVersion: 2,
      indicators: inds.map((d) => {
        const x = indicatorOf(d);
        assert.ok(!('error' in x));
        return { ...x, replaces: d.orig === '' ? null : Number(d.orig) };
      }),
    });
    assert.equal(apiInds.status, 200, await apiInds.text());

    const [w, a] = await Promise.all([web.ws.getDocument(web.budgetId, 3), api.ws.getDocument(api.budgetId, 3)]);
    const wf = w.projectForms.find((f) => f.id === form.id)!;
    const af = a.projectForms.find((f) => f.id === form.id)!;
    assert.deepEqual(af.costLines, wf.costLines, 'the same cost lines, with the same provenance');
    assert.deepEqual(af.indicators, wf.indicators, 'the same indicators, with the same provenance');

    // And that provenance is each line's own origin.
    const [l0, l1, l2] = form.costLines;
    assert.deepEqual(
      wf.costLines.slice(0, 3).map((l) => l.src),
      [l2!.src, l0!.src, form.src],
    );
    assert.deepEqual(wf.costLines[0], l2, 'the moved, unchanged line is the printed one');
    assert.equal(wf.costLines[1]!.amount!.fen, parseAmount('12.3456', doc.displayUnit as never));
    assert.deepEqual(wf.costLines[1]!.amount!.src, l0!.amount!.src ?? l0!.src, 'the changed figure keeps the printed figure’s place');
    assert.ok(!wf.costLines.some((l) => l.src === l1!.src && l.text === l1!.text), 'the deleted line is gone');
    assert.deepEqual(wf.costLines.slice(3), form.costLines.slice(3));
    const [i0, , i2] = form.indicators;
    assert.deepEqual(
      wf.indicators.slice(0, 3).map((x) => x.src),
      [i2!.src, i0!.src, form.src],
    );
  } finally {
    await web.ws.close();
    await api.ws.close();
  }
});
