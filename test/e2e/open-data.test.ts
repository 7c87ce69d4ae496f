/**
 * Open data in Chromium (issue 15 item 5): a 财政审核 downloads a budget's Fiscal Data Package from its
 * dashboard; the ZIP the browser saves holds the descriptor, every amount of the model in fen (checked
 * against the API's document of the same version, amount by amount) and a CSV per table. Screenshot:
 * scratch/s6/opendata/dashboard.png.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import { launchBrowser, ROOT, signIn, startFiscus, type Started } from './helpers.js';
import { prepareFolder } from './credentials.js';
import { PASSWORD, setupDistrict } from '../support/district.js';
import { SAMPLE_TEXT } from '../support/scaled-variants.js';
import type { BudgetDocument } from '../../src/domain/model.js';

const SHOTS = join(ROOT, 'scratch/s6/opendata');

let server: Started;
let browser: Browser;
let id: string;
let doc: BudgetDocument;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const { dir, value } = await prepareFolder(async (ws) => {
    await setupDistrict(ws);
    const budgetId = (await ws.importDocument(readFileSync(SAMPLE_TEXT), 'shenzhen-2021.txt')).budgetId;
    return { budgetId, doc: await ws.getDocument(budgetId) };
  });
  id = value.budgetId;
  doc = value.doc;
  server = await startFiscus('serve', {}, dir);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the Fiscal Data Package downloaded from a budget dashboard holds every amount of the budget, fen by fen', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await ctx.newPage();
  await signIn(page, server.url, 'caizheng', PASSWORD);
  await page.goto(`${server.url}/budgets/${id}`);
  const link = page.getByRole('link', { name: /开放数据：财政数据包/ });
  await link.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'dashboard.png') });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.match(download.suggestedFilename(), /\.fdp$|\.zip$/);
  const saved = join(SHOTS, 'budget.fdp.zip');
  await download.saveAs(saved);
  const zip = await JSZip.loadAsync(readFileSync(saved));
  const descriptor = JSON.parse(await zip.file('datapackage.json')!.async('string')) as { resources: { name: string; path: string }[]; model?: unknown };
  assert.ok(descriptor.model, 'the FDP model is in the descriptor');
  const tablePaths = descriptor.resources.map((r) => r.path).filter((p) => p.startsWith('tables/'));
  assert.ok(tablePaths.length >= 10, `a CSV per table (${tablePaths.length})`);
  for (const p of tablePaths) assert.ok(zip.file(p), `${p} is in the ZIP`);
  // Every amount of the model's tables, as fen, is a row of data/amounts.csv (same multiset).
  const rows = parse<Record<string, string>>(await zip.file('data/amounts.csv')!.async('string'), { columns: true, bom: true });
  const key = (t: string, r: string, c: string, fen: number) => `${t}|${r}|${c}|${fen}`;
  const inZip = rows.map((r) => key(r['table_id']!, r['row_id']!, r['column_key']!, Number(r['amount_fen'])));
  const inDoc: string[] = [];
  for (const t of doc.tables) for (const r of t.rows) for (const [c, m] of Object.entries(r.amounts)) if (m && typeof m.fen === 'number') inDoc.push(key(t.id!, r.id, c, m.fen));
  assert.ok(inDoc.length > 100, `${inDoc.length} table amounts`);
  const missing = inDoc.filter((k) => !inZip.includes(k));
  assert.deepEqual(missing.slice(0, 5), [], `${missing.length} of ${inDoc.length} table amounts missing from data/amounts.csv`);
  process.stdout.write(
    `# FDP ZIP from the dashboard: ${tablePaths.length} table CSVs, ${rows.length} amounts in data/amounts.csv, all ${inDoc.length} table amounts of the document found fen by fen\n`,
  );
  await ctx.close();
});
