/**
 * The approval workflow in Chromium against `fiscus start` (issue 13), each person in a browser of
 * their own, signed in through the 登录 page with the demo accounts: the 经办 of the sample's unit
 * prepares (corrects a quarterly plan) and submits, which is refused while errors remain; the 部门审核
 * waives the rest with reasons; the 经办 submits; the 部门审核 returns it with a reason; the 经办 fixes a
 * cost line and resubmits; the 部门审核 passes it; the 财政审核 approves and publishes; the public portal
 * then shows the new version to an anonymous browser, which sees nothing else; the 经办 of another
 * department never sees the draft.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser, startFiscus, type Started } from './helpers.js';

let server: Started;
let browser: Browser;
const people: Record<string, BrowserContext> = {};

before(async () => {
  server = await startFiscus('start');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

/** A page of `login`'s own browser (signed in once through the 登录 page). */
async function as(login: string, password = `fiscus-${login}`): Promise<Page> {
  if (!people[login]) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').fill(login);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${server.url}/`);
    people[login] = ctx;
    await page.close();
  }
  return people[login].newPage();
}

const BUDGET = '深圳市福田区数据管理中心';

async function workflowPage(page: Page): Promise<void> {
  await page.goto(`${server.url}/`);
  await page.getByRole('link', { name: BUDGET, exact: true }).click();
  await page.getByRole('link', { name: '审批', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: '审批' }).waitFor();
}

const stateText = async (page: Page) => (await page.locator('#state').innerText()).replace(/\s+/g, ' ');

test('the bundled sample is published on first start: the public portal lists it', async () => {
  assert.match(server.stdout(), /已公开内置样例/);
  const anon = await browser.newPage();
  await anon.goto(`${server.url}/`);
  await anon.waitForURL(`${server.url}/public`);
  assert.match(await anon.content(), new RegExp(BUDGET));
  await anon.close();
});

test('the 经办 prepares a new draft and cannot submit it while errors remain', async () => {
  const page = await as('jingban');
  await page.goto(`${server.url}/`);
  await page.getByRole('link', { name: BUDGET, exact: true }).click();
  await page.getByRole('link', { name: '项目', exact: true }).click();
  await page.getByRole('link', { name: '应用系统运行维护', exact: true }).click();
  // 1,074.56 − 3 × 249.90 = 324.86
  await page.getByLabel('第四季度（万元）').fill('324.86');
  await page.getByRole('button', { name: '保存并重新审核' }).click();
  await page.getByRole('status').filter({ hasText: '已保存为第 2 版' }).waitFor();
  await workflowPage(page);
  assert.match(await stateText(page), /第 2 版 · 状态：草稿 · 已公开第 1 版/);
  await page.getByRole('button', { name: '提交审核' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /仍有 \d+ 个错误未修正或豁免，不能提交/);
  await shot(page, 'e2e-workflow-submit-refused');
  await page.close();
});

test('the 经办 of another department sees only the published version, never the draft', async () => {
  const page = await as('jiaoyu');
  await page.goto(`${server.url}/`);
  const row = page.locator('tr', { hasText: BUDGET });
  assert.match(await row.innerText(), /第 1 版\s+已公开/);
  assert.doesNotMatch(await row.innerText(), /草稿|第 2 版/);
  assert.equal(await row.getByRole('link', { name: BUDGET, exact: true }).getAttribute('href'), '/public/budgets/1');
  for (const path of ['/budgets/1', '/budgets/1/versions', '/budgets/1/workflow', '/budgets/1/findings']) {
    const res = await page.goto(`${server.url}${path}`);
    assert.equal(res?.status(), 403, path);
  }
  await shot(page, 'e2e-workflow-other-department');
  await page.close();
});

test('the 部门审核 waives each remaining error with a reason; the 经办 then submits', async () => {
  const page = await as('bumen');
  await workflowPage(page);
  for (;;) {
    const form = page.locator('form.waive').first();
    if ((await form.count()) === 0) break;
    await form.getByLabel('理由').fill('原文如此，已与单位核实');
    await form.getByRole('button', { name: '豁免' }).click();
    await page.getByRole('status').filter({ hasText: '已登记豁免' }).waitFor();
  }
  assert.match(await page.locator('#waivers').innerText(), /演示部门审核（bumen）/);
  await shot(page, 'e2e-workflow-waived');
  await page.close();

  const prep = await as('jingban');
  await workflowPage(prep);
  await prep.getByRole('button', { name: '提交审核' }).click();
  await prep.getByRole('status').filter({ hasText: '已提交审核' }).waitFor();
  assert.match(await stateText(prep), /状态：已提交/);
  await prep.close();
});

test('the 部门审核 returns it with a reason; the 经办 fixes a cost line and resubmits', async () => {
  const page = await as('bumen');
  await workflowPage(page);
  await page.getByLabel('退回理由（必填）').fill('应急项目的测算明细与申报金额不一致，请更正');
  await page.getByRole('button', { name: '退回' }).click();
  await page.getByRole('status').filter({ hasText: '已退回' }).waitFor();
  assert.match(await stateText(page), /状态：已退回/);
  await page.close();

  const prep = await as('jingban');
  await workflowPage(prep);
  assert.match(await prep.locator('#history').innerText(), /退回[\s\S]*演示部门审核（bumen）[\s\S]*应急项目的测算明细与申报金额不一致/);
  await prep.getByRole('link', { name: '项目', exact: true }).click();
  await prep.getByRole('link', { name: '应急项目和设备维修', exact: true }).click();
  await prep.getByLabel('测算明细第 1 行 金额（万元）').fill('42.70');
  await prep.getByRole('button', { name: '保存测算明细并重新审核' }).click();
  await prep.getByRole('status').filter({ hasText: '已保存为第 3 版' }).waitFor();
  await workflowPage(prep);
  assert.match(await stateText(prep), /第 3 版 · 状态：草稿/);
  await prep.getByRole('button', { name: '提交审核' }).click();
  await prep.getByRole('status').filter({ hasText: '已提交审核' }).waitFor();
  await shot(prep, 'e2e-workflow-resubmitted');
  await prep.close();
});

test('the 部门审核 passes it; the 财政审核 approves and publishes it', async () => {
  const page = await as('bumen');
  await workflowPage(page);
  // Approving is the 财政's: the 部门审核 has no such button.
  assert.equal(await page.getByRole('button', { name: '批复' }).count(), 0);
  await page.getByRole('button', { name: '审核通过' }).click();
  await page.getByRole('status').filter({ hasText: '已审核通过' }).waitFor();
  await page.close();

  const fin = await as('caizheng');
  await workflowPage(fin);
  await fin.getByRole('button', { name: '批复' }).click();
  await fin.getByRole('status').filter({ hasText: '已批复' }).waitFor();
  await fin.getByRole('button', { name: '公开' }).click();
  await fin.getByRole('status').filter({ hasText: '已公开' }).waitFor();
  assert.match(await stateText(fin), /第 3 版 · 状态：已公开 · 已公开第 3 版/);
  const history = await fin.locator('#history').innerText();
  for (const who of ['演示经办甲（jingban）', '演示部门审核（bumen）', '演示财政审核（caizheng）']) assert.match(history, new RegExp(who.replace(/[()（）]/g, '.')));
  await shot(fin, 'e2e-workflow-published');
  await fin.close();
});

test('an anonymous browser sees the published version on the portal and nothing else', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const anon = await ctx.newPage();
  await anon.goto(`${server.url}/public`);
  await anon
    .getByRole('link', { name: new RegExp(BUDGET) })
    .first()
    .click();
  const body = await anon.locator('main').innerText();
  assert.match(body, /第 3 版/);
  assert.doesNotMatch(body, /审核发现|BUD-\d{3}|豁免|草稿/);
  assert.equal(await anon.locator('form[method="post"]').count(), 0);
  await shot(anon, 'e2e-workflow-portal');
  // The working views ask an anonymous visitor to sign in.
  await anon.goto(`${server.url}/budgets/1/findings`);
  assert.match(anon.url(), /\/login\?next=%2Fbudgets%2F1%2Ffindings$/);
  await ctx.close();
});
