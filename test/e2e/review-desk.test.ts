/**
 * 批量审核 in Chromium (issue 15 item 1), as a 财政审核 would use it: upload 20 corpus PDFs at once on
 * the desk, watch the progress reach 20/20 (server-sent events, the page reloading with the full
 * table at the end), sort the review table by errors, open one document's findings, and download the
 * findings workbook, whose sheets must hold the table in the page's order and every finding of the
 * batch (checked against the API's report of the same batch). Screenshots go to scratch/s6/review/.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { corpusManifest, pdfPath } from '../corpus/figures.js';
import { launchBrowser, ROOT, signIn, startFiscus, type Started } from './helpers.js';
import { bearer, prepareFolder } from './credentials.js';
import { PASSWORD, setupDistrict } from '../support/district.js';

const SHOTS = join(ROOT, 'scratch/s6/review');

/**
 * Twenty disclosures of eleven cities: the ten of the corpus with errors (so that sorting by errors
 * means something) and ten quick ones without, budgets and unit budgets, 2022 to 2026.
 */
const DOCS = [
  'fuzhou-psb-patrol-special-police-detachment-2026-unit-budget',
  'huzhou-veterans-affairs-bureau-2026-budget',
  'huzhou-transport-bureau-2026-budget',
  'hangzhou-transport-bureau-2026-budget',
  'huzhou-health-commission-2026-budget',
  'chongqing-commerce-commission-2026-budget',
  'yantai-audit-bureau-2026-budget',
  'yantai-civil-affairs-bureau-2026-budget',
  'shenzhen-port-office-2026-budget',
  'xian-healthcare-security-bureau-2022-budget',
  'shanghai-data-bureau-2026-unit-budget',
  'shanghai-diamond-gemstone-exchange-admin-office-2026-unit-budget',
  'guangzhou-statistics-bureau-2026-budget',
  'guangzhou-govt-general-office-2026-budget',
  'shanghai-petitions-office-2026-unit-budget',
  'wuxi-housing-urban-rural-development-bureau-2026-unit-budget',
  'wuxi-emergency-management-enforcement-supervision-bureau-2026-unit-budget',
  'shanghai-transport-vocational-college-2026-unit-budget',
  'chongqing-cpc-publicity-dept-2026-budget',
  'guangzhou-petitions-bureau-2026-budget',
];

let server: Started;
let browser: Browser;
let api: (path: string) => Promise<Response>;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const { dir, value: district } = await prepareFolder(setupDistrict);
  server = await startFiscus('serve', { FISCUS_JOB_POLL_SECONDS: '0.5' }, dir);
  browser = await launchBrowser();
  api = (path) => fetch(server.url + path, { headers: bearer(district.token.caizheng) });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });

interface ReportDoc {
  file: string;
  readable: boolean;
  unit?: string;
  summary?: { error: number; warning: number; info: number };
  findings?: { rule: string; message: string }[];
}

test('20 corpus PDFs at once: progress to 20/20, the table sorted by errors, one document opened, the findings workbook downloaded and read', async () => {
  const manifest = corpusManifest();
  const entries = DOCS.map((name) => {
    const e = manifest.find((m) => m.name === name);
    assert.ok(e, `${name} is in the corpus manifest`);
    return e;
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const events: string[] = [];
  page.on('response', (r) => {
    if (/\/reviews\/\d+\/events$/.test(new URL(r.url()).pathname)) events.push(`${r.status()} ${r.headers()['content-type'] ?? ''}`);
  });
  try {
    await signIn(page, server.url, 'caizheng', PASSWORD);
    await page.getByRole('link', { name: '批量审核' }).click();
    await page.waitForURL(/\/reviews$/);
    await page.getByLabel('选择文件').setInputFiles(entries.map((e) => ({ name: `${e.name}.pdf`, mimeType: 'application/pdf', buffer: readFileSync(pdfPath(e)) })));
    await shot(page, '01-desk');
    const t0 = Date.now();
    await page.getByRole('button', { name: '上传并审核' }).click();
    await page.waitForURL(/\/reviews\/\d+$/);
    const batchUrl = page.url();
    const batch = /\/reviews\/(\d+)$/.exec(batchUrl)![1]!;
    await page.locator('#review-progress').waitFor();
    await shot(page, '02-progress');

    // The page follows the events stream, then loads itself again with the full table at 20/20.
    await page.waitForFunction(() => document.getElementById('review-state')?.textContent === '已完成' && !document.querySelector('[data-review-events]'), undefined, { timeout: 150_000 });
    const checkedIn = Date.now() - t0;
    assert.ok(
      events.some((e) => e.startsWith('200 text/event-stream')),
      `the page listened to the events stream: ${events.join(', ')}`,
    );
    assert.equal(await page.locator('#review-count').innerText(), '已检查 20/20 份 · 已完成');
    assert.equal(await page.locator('#review-progress').getAttribute('value'), '20');
    const rows = page.locator('#review-table tbody tr');
    assert.equal(await rows.count(), 20);
    await shot(page, '03-table', true);

    // Sorted by errors: the header link, most errors first.
    await page.locator('#review-table thead').getByRole('link', { name: '错误' }).click();
    await page.waitForURL(/sort=errors/);
    const errors = (await page.locator('#review-table tbody tr td:nth-child(8)').allInnerTexts()).map(Number);
    assert.equal(errors.length, 20);
    assert.deepEqual(
      errors,
      [...errors].sort((a, b) => b - a),
      'most errors first',
    );
    assert.ok(errors[0]! > 0, 'some document has errors');
    assert.equal(await page.locator('#review-table thead th[aria-sort="descending"]').innerText(), '错误 ▼');
    await shot(page, '04-sorted-by-errors', true);

    // The API's report of the same batch: what each document holds.
    const report = (await (await api(`/api/v1/audits/${batch}/report`)).json()) as { documents: ReportDoc[] };
    assert.equal(report.documents.length, 20);
    const byFile = new Map(report.documents.map((d) => [d.file, d]));

    // Open the document with the most errors.
    const firstFile = await page.locator('#review-table tbody tr').first().locator('td.file a').innerText();
    const top = byFile.get(firstFile)!;
    assert.equal(top.summary!.error, errors[0]);
    await page.locator('#review-table tbody tr').first().locator('td.file a').click();
    await page.waitForURL(/\/reviews\/\d+\/documents\/\d+$/);
    assert.equal(
      await page.locator('h1').innerText(),
      `${top.unit} ${entries.find((e) => `${e.name}.pdf` === firstFile)!.year}年${entries.find((e) => `${e.name}.pdf` === firstFile)!.kind === 'unit-budget' ? '单位预算' : '部门预算'}`,
    );
    assert.equal(await page.locator('#review-findings li').count(), top.findings!.length);
    assert.equal(await page.locator('#review-findings li .sev-error').count(), top.summary!.error);
    await shot(page, '05-document', false);

    // Back to the sorted table, and the workbook of the table and every finding.
    await page.goBack();
    await page.waitForURL(/sort=errors/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^XLSX/ }).click()]);
    const saved = join(SHOTS, 'review-findings.xlsx');
    await download.saveAs(saved);
    assert.match(download.suggestedFilename(), new RegExp(`^批量审核第${batch}批-审核总表与审核发现\\.xlsx$`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const table = wb.getWorksheet('审核总表')!;
    const sheet = wb.getWorksheet('审核发现')!;
    assert.equal(table.rowCount, 21);
    const header = (table.getRow(1).values as unknown[]).slice(1) as string[];
    const col = (name: string) => header.indexOf(name) + 1;
    const files = Array.from({ length: 20 }, (_, i) => String(table.getRow(i + 2).getCell(col('文件')).value));
    const pageFiles = await page.locator('#review-table tbody td.file a').allInnerTexts();
    assert.deepEqual(files, pageFiles, 'the workbook lists the documents in the order of the sorted page');
    for (let i = 0; i < 20; i++) {
      const d = byFile.get(files[i]!)!;
      const r = table.getRow(i + 2);
      assert.equal(r.getCell(col('单位')).value, d.unit);
      assert.equal(r.getCell(col('错误')).value, d.summary!.error, `${d.file}: errors`);
      assert.equal(r.getCell(col('警告')).value, d.summary!.warning, `${d.file}: warnings`);
    }
    const total = report.documents.reduce((n, d) => n + d.findings!.length, 0);
    assert.equal(sheet.rowCount, total + 1, 'one row per finding of the batch');
    const fHeader = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const topRows = Array.from({ length: total }, (_, i) => sheet.getRow(i + 2)).filter((r) => r.getCell(fHeader.indexOf('文件') + 1).value === firstFile);
    assert.deepEqual(
      topRows.map((r) => r.getCell(fHeader.indexOf('说明') + 1).value),
      top.findings!.map((f) => f.message),
      'the opened document’s findings, message for message',
    );
    console.log(`review desk e2e: 20 PDFs checked in ${(checkedIn / 1000).toFixed(1)} s; ${total} findings; most errors ${errors[0]} (${basename(firstFile)})`);
  } finally {
    await page.close();
  }
});
