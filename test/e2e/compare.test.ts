/**
 * Comparisons in Chromium (issue 15 item 2), as a 财政审核 would use them: from a budget's dashboard to its
 * 与上年比较 tab (the Shenzhen sample's unit in 2021 and its seeded 2022 variant, test/support/year-variant.ts),
 * then from the top navigation's 比较 to the comparison of three 2026 department budgets of the corpus,
 * with its server-drawn charts. Screenshots go to scratch/s6/compare/ (year.png, compare-home.png, departments.png, …).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, ROOT, signIn, startFiscus, type Started } from './helpers.js';
import { prepareFolder } from './credentials.js';
import { PASSWORD, setupDistrict } from '../support/district.js';
import { nextYearVariant } from '../support/year-variant.js';
import { SAMPLE_TEXT } from '../support/scaled-variants.js';

const SHOTS = join(ROOT, 'scratch/s6/compare');
const CORPUS = join(ROOT, '../shared/corpus/txt');
const DEPARTMENTS = ['shenzhen-statistics-bureau-2026-budget', 'shenzhen-port-office-2026-budget', 'guangzhou-statistics-bureau-2026-budget'];

let server: Started;
let browser: Browser;
let ids: { y2021: string; y2022: string; departments: string[] };

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const { dir, value } = await prepareFolder(async (ws) => {
    await setupDistrict(ws);
    const y2021 = (await ws.importDocument(readFileSync(SAMPLE_TEXT), 'shenzhen-2021.txt')).budgetId;
    const v = nextYearVariant(await ws.getDocument(y2021), 3);
    const y2022 = (await ws.importDocument(Buffer.from(JSON.stringify(v.doc)), 'shenzhen-2022.json')).budgetId;
    const departments: string[] = [];
    for (const n of DEPARTMENTS) departments.push((await ws.importDocument(readFileSync(join(CORPUS, `${n}.txt`)), `${n}.txt`)).budgetId);
    return { y2021, y2022, departments };
  });
  ids = value;
  server = await startFiscus('serve', {}, dir);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

test('a reviewer compares one unit over two years and three departments of one year', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await signIn(page, server.url, 'caizheng', PASSWORD);

  // From the 2022 budget's dashboard, its 与上年比较 tab.
  await page.goto(`${server.url}/budgets/${ids.y2022}`);
  await page.getByRole('navigation', { name: '本预算' }).getByRole('link', { name: '与上年比较' }).click();
  await page.waitForURL(`${server.url}/budgets/${ids.y2022}/compare`);
  await page.getByRole('heading', { level: 1, name: '与上年比较' }).waitFor();
  assert.match((await page.locator('#compare-summary').textContent()) ?? '', /2022年部门预算.*2021年部门预算/);
  assert.match((await page.locator('#threshold').textContent()) ?? '', /增减额不少于 1\.00 万元，且增减幅度不低于 10%/);
  // The unexplained 公务接待费 (a zero base) and the contradicted 三公 total are highlighted.
  const reception = page.locator('#table-three-public tr[data-key="reception"]');
  assert.equal(await reception.getAttribute('class'), 'flag-unexplained');
  assert.match((await reception.textContent()) ?? '', /应说明而未说明/);
  assert.equal(await page.locator('#table-three-public tr[data-key="total"]').getAttribute('class'), 'flag-mismatch');
  // A class of one year only, in the function table.
  assert.ok((await page.locator('#table-general-budget-function tr.only-one').count()) >= 2);
  await shot(page, 'year');
  await page.locator('#cmp-three-public').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'year-three-public.png') });

  // The download of the comparison tables.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载比较表（XLSX）' }).click();
  assert.match((await download).suggestedFilename(), /\.xlsx$/);

  // The 2021 budget has no previous year in the workspace: said so.
  await page.goto(`${server.url}/budgets/${ids.y2021}/compare`);
  assert.match((await page.locator('#compare-notes').textContent()) ?? '', /未找到 深圳市福田区数据管理中心 2020 年的部门预算/);
  await shot(page, 'year-without-previous');

  // 比较 in the top navigation, then the three departments of 2026.
  await page.getByRole('navigation', { name: '全站' }).getByRole('link', { name: '比较', exact: true }).click();
  await page.waitForURL(`${server.url}/compare`);
  assert.equal(await page.locator('#year-list tbody tr').count(), 5, 'every budget the reviewer reads, each with its year comparison');
  await shot(page, 'compare-home');
  await page.locator('#department-form select[name="year"]').selectOption('2026');
  await page.locator('#department-form select[name="kind"]').selectOption('部门预算');
  await page.locator('#department-form button[type="submit"]').click();
  await page.waitForURL(/\/compare\/departments\?/);
  await page.locator('#statement').waitFor();
  assert.match((await page.locator('#statement').textContent()) ?? '', /只含 2026 年部门预算，共 3 份/);
  assert.equal(await page.locator('#documents li').count(), 3);
  assert.equal(await page.locator('figure.svg-chart svg').count(), 3, 'classes, 三公, 机关运行经费');
  assert.equal(await page.locator('#table-classes thead th').count(), 2 + 3 + 1);
  await shot(page, 'departments');

  // One class on its own, from its code in the table.
  await page.locator('#table-classes tr[data-code="201"] a').click();
  await page.locator('#table-focus').waitFor();
  assert.equal(await page.locator('figure.svg-chart svg').count(), 4);
  await page.locator('#cmp-focus').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'departments-focus.png') });
  await ctx.close();
});
