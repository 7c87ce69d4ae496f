/**
 * Downloads from the server (issue 5): HTML, XLSX and PDF of a stored budget through the report use
 * case, on the real workspace (PGlite in memory). PDF needs /usr/bin/chromium, hence in test/e2e.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { openWorkspace } from '../../src/app/workspace.js';
import { createHttpApp, exporterIfAvailable } from '../../src/cli/http-app.js';
import { requester, setupDistrict } from '../support/district.js';

const SAMPLE = readFileSync(resolve(import.meta.dirname, '../../samples/shenzhen-futian-data-center-2021-dept-budget.txt'));

test('a stored budget downloads as HTML, XLSX and PDF with its figures', { timeout: 120_000 }, async () => {
  const ws = await openWorkspace({});
  try {
    // The sample's unit is the district's UNIT_A: its 经办 downloads the (unpublished) budget.
    const district = await setupDistrict(ws);
    const { budgetId } = await ws.importDocument(SAMPLE, 'sample.txt');
    const app = createHttpApp(ws, await exporterIfAvailable());
    const req = requester(app, district, 'jingban');
    const html = await req(`/api/v1/budgets/${budgetId}/export.html`);
    assert.equal(html.status, 200);
    assert.match(html.headers.get('content-type') ?? '', /text\/html/);
    const page = await html.text();
    assert.match(page, /收支总表/);
    assert.match(page, /4,424\.60/);
    const xlsx = await req(`/api/v1/budgets/${budgetId}/export.xlsx`);
    assert.equal(xlsx.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    assert.ok(wb.worksheets.length > 14, `${wb.worksheets.length} sheets`);
    const pdf = await req(`/api/v1/budgets/${budgetId}/export.pdf`);
    assert.equal(pdf.status, 200);
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    assert.equal(Buffer.from(bytes.subarray(0, 5)).toString(), '%PDF-');
  } finally {
    await ws.close();
  }
});
