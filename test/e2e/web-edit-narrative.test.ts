/**
 * Editing a narrative section, a table cell and table 14's amounts in Chromium (issue 15 item 6), against `fiscus start`
 * on a temporary data folder, as the demo 经办: the section's figure changed, the narrative finding it
 * raises shown among the findings the edit added; a table cell typed in 元 (an ambiguous amount first
 * refused, named), the cross-table findings it raises shown; the same section saved without
 * JavaScript comes back to its place with the notice. Screenshots in scratch/s6/edit/.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, ROOT, signIn, startFiscus, type Started } from './helpers.js';
import { bearer, prepareFolder, tokensFor } from './credentials.js';
import { prepareStart } from '../../src/cli/start.js';

const SHOTS = join(ROOT, 'scratch/s6/edit');
let server: Started;
let browser: Browser;
let budgetId: string;
let api: (path: string) => Promise<Response>;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const { dir, value: tokens } = await prepareFolder(async (ws) => {
    await prepareStart(ws, () => {});
    return tokensFor(ws, ['jingban']);
  });
  server = await startFiscus('start', {}, dir);
  browser = await launchBrowser();
  api = (path) => fetch(server.url + path, { headers: bearer(tokens.jingban) });
  budgetId = ((await (await api('/api/v1/budgets')).json()) as Array<{ id: string }>)[0]!.id;
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
const latest = async () => ((await (await api(`/api/v1/budgets/${budgetId}/versions`)).json()) as unknown[]).length;

async function newPage(js = true): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, javaScriptEnabled: js });
  const page = await ctx.newPage();
  await signIn(page, server.url, 'jingban', 'fiscus-jingban');
  return page;
}

test('a narrative section edited in place: 人员支出 741.53 → 751.53 raises the narrative finding, shown as added', async () => {
  const page = await newPage();
  await page.goto(`${server.url}/budgets/${budgetId}/narrative`);
  const v0 = await latest();
  const box = page.locator('#sec-2-1');
  await box.locator('summary', { hasText: '编辑本节' }).click();
  const text = box.getByLabel(/本节文字/);
  const before = await text.inputValue();
  assert.match(before, /^一、人员支出741\.53万元/);
  await text.fill(before.replace('741.53', '751.53'));
  await shot(page, 'narrative-editing');
  await box.getByRole('button', { name: '保存本节并重新审核' }).click();
  const notice = page.locator('#edit-notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), new RegExp(`已保存为第 ${v0 + 1} 版（基于第 ${v0} 版），已重新审核`));
  const added = page.locator('#findings-added');
  assert.match(await added.innerText(), /751\.53/);
  // The page shows the new text, and the crumb and every form are on the new version.
  assert.match(await page.locator('article.narrative').innerText(), /人员支出751\.53万元/);
  assert.equal(await page.locator('#sec-0-0 input[name=baseVersion]').inputValue(), String(v0 + 1));
  assert.equal(await latest(), v0 + 1);
  await notice.scrollIntoViewIfNeeded();
  await shot(page, 'narrative-saved');
  await page.context().close();
});

test('a table cell in 元: an ambiguous amount is refused naming the cell; 1,234.50 is saved and its findings shown', async () => {
  const page = await newPage();
  const doc = (await (await api(`/api/v1/budgets/${budgetId}`)).json()) as unknown;
  const v0 = await latest();
  await page.goto(`${server.url}/budgets/${budgetId}/tables/t1`);
  await page.getByRole('link', { name: '编辑本表金额' }).click();
  await page.locator('#cells-edit').waitFor();
  // The first revenue line of 收支总表 with an amount.
  const input = page.locator('#cells-edit input.num').first();
  const label = (await input.getAttribute('aria-label'))!;
  assert.match(label, /第 \d+ 行“.+”·“.+”（元）/);
  await input.fill('1,0.0');
  await page.getByRole('button', { name: '保存金额并重新审核' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /1 个金额无法识别[\s\S]*表《收支总表》第 \d+ 行“[^”]+”·“[^”]+”的金额“1,0\.0”无法识别/);
  assert.equal(await page.locator('#cells-edit input[aria-invalid=true]').count(), 1);
  assert.equal(await latest(), v0);
  await shot(page, 'cell-refused');
  await page.locator('#cells-edit input[aria-invalid=true]').fill('1,234.50');
  await page.getByRole('button', { name: '保存金额并重新审核' }).click();
  const notice = page.locator('#edit-notice .notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), new RegExp(`已保存为第 ${v0 + 1} 版`));
  assert.match(await page.locator('#findings-change').innerText(), /新增 [1-9]\d* 条/);
  // The table itself shows the new amount (1,234.50 元 = 0.12345 万元, shown as 0.12).
  assert.ok(doc);
  const cell = (await (await api(`/api/v1/budgets/${budgetId}/tables/t1`)).json()) as unknown;
  const fens = JSON.stringify(cell).match(/"fen":123450\b/g) ?? [];
  assert.equal(fens.length, 1, 'the typed cell is stored exactly, in fen');
  await page.locator('#edit-notice').scrollIntoViewIfNeeded();
  await shot(page, 'cell-saved');
  await page.context().close();
});

test('without JavaScript a section saved comes back to its place with the notice', async () => {
  const page = await newPage(false);
  await page.goto(`${server.url}/budgets/${budgetId}/narrative`);
  const v0 = await latest();
  const box = page.locator('#sec-2-2');
  await box.locator('summary').click();
  const text = box.getByLabel(/本节文字/);
  await text.fill((await text.inputValue()).replace('30.46', '30.45'));
  await box.getByRole('button', { name: '保存本节并重新审核' }).click();
  await page.waitForURL(/saved=/);
  assert.match(page.url(), new RegExp(`narrative\\?saved=${v0 + 1}&from=${v0}&edit=section%3A2\\.2#sec-2-2$`));
  // Under its own section, naming only the finding this edit raised (the earlier edit of 人员支出 is no news).
  const notice = await page.locator('#sec-2-2 #edit-notice').innerText();
  assert.match(notice, /已保存为第 \d+ 版[\s\S]*审核发现的变化：新增 1 条，消除 0 条/);
  assert.match(notice, /30\.45/);
  await shot(page, 'narrative-saved-nojs');
  await page.context().close();
});

test('项目概况 edited in place; the plan editor beside it follows to the new version, so saving it next is no conflict', async () => {
  const page = await newPage();
  await page.goto(`${server.url}/budgets/${budgetId}/projects`);
  await page.getByRole('link', { name: '应急项目和设备维修', exact: true }).click();
  const v0 = await latest();
  const box = page.locator('#project-overview');
  await box.locator('summary', { hasText: '编辑项目概况' }).click();
  const first = box.locator('textarea').first();
  await first.fill(`${await first.inputValue()}（已复核）`);
  await box.getByRole('button', { name: '保存项目概况并重新审核' }).click();
  const notice = page.locator('#project-overview #edit-notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), new RegExp(`已保存为第 ${v0 + 1} 版（基于第 ${v0} 版），已重新审核。[\\s\\S]*审核发现没有变化`));
  assert.match(await box.locator('dl').innerText(), /（已复核）/);
  assert.equal(await page.locator('#project-editor input[name=baseVersion]').first().inputValue(), String(v0 + 1));
  await notice.scrollIntoViewIfNeeded();
  await shot(page, 'overview-saved');
  await page.getByRole('button', { name: '保存并重新审核' }).click();
  await page.locator('#project-editor .notice').waitFor();
  assert.match(await page.locator('#project-editor .notice').innerText(), new RegExp(`已保存为第 ${v0 + 2} 版`));
  await page.context().close();
});

test('table 14’s task amounts in 元: the 基本支出 task’s 总额 raised, its findings shown as added, the form shows the new amount', async () => {
  const page = await newPage();
  const v0 = await latest();
  await page.goto(`${server.url}/budgets/${budgetId}/tables/department-targets`);
  await page.getByRole('link', { name: '编辑本表金额' }).click();
  const input = page.getByLabel('任务“基本支出”·“总额”（元）');
  assert.equal(await input.inputValue(), '7,800,600.00');
  await input.fill('7,810,600.00');
  await page.getByRole('button', { name: '保存金额并重新审核' }).click();
  const notice = page.locator('#edit-notice .notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), new RegExp(`已保存为第 ${v0 + 1} 版（基于第 ${v0} 版），已重新审核`));
  assert.match(await page.locator('#findings-added').innerText(), /BUD-019/);
  // The form above the editor shows the new 总额 (781.06 万元), the editor the new version.
  assert.match(await page.locator('#table-main table.data').first().innerText(), /基本支出[\s\S]*781\.06/);
  assert.equal(await page.locator('#targets-edit input[name=baseVersion]').inputValue(), String(v0 + 1));
  assert.equal(await latest(), v0 + 1);
  await page.locator('#edit-notice').scrollIntoViewIfNeeded();
  await shot(page, 'targets-saved');
  await page.context().close();
});
