/**
 * Real disclosures of other regions through the web app, in Chromium, as a reviewer would use it:
 * upload a corpus PDF on the list page, open each of its tables, follow each finding to its place, and
 * download its PDF and XLSX, which must carry the document's own tables and headings (not the Shenzhen
 * outline). Screenshots go to .test-artifacts/ (corpus-*.png). The uploads are a 经办's (issue 13): the
 * district's jingban, signed in through the 登录 page (the documents' units are no organisation's, so
 * they become its unit's); the downloads go through the API with its token.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { squashTitle } from '../../src/domain/catalogue/index.js';
import type { BudgetDocument } from '../../src/domain/model.js';
import { ARTIFACTS, launchBrowser, ROOT, signIn, startFiscus, type Started } from './helpers.js';
import { bearer, prepareFolder } from './credentials.js';
import { PASSWORD, setupDistrict } from '../support/district.js';

const CORPUS = join(ROOT, '../shared/corpus');

interface Entry {
  name: string;
  department: string;
  tables: string[];
}
const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as Entry[];

/**
 * Three layouts far from the Shenzhen sample: a Chongqing department budget (tables numbered 表一 … 表十二,
 * performance forms printed as tables), a Shanghai unit budget (预算单位… titles, amounts in 元) and a Yantai
 * department budget (公开表1 … 公开表12, then 25 project forms; its first table carries findings, so the table
 * page also links to it through 查看位置).
 */
const DOCS = ['chongqing-meteorological-bureau-2026-budget', 'shanghai-data-bureau-2026-unit-budget', 'yantai-commerce-bureau-2026-budget'];

let server: Started;
let browser: Browser;
let api: (path: string) => Promise<Response>;

before(async () => {
  const { dir, value: district } = await prepareFolder(setupDistrict);
  server = await startFiscus('serve', {}, dir);
  browser = await launchBrowser();
  api = (path) => fetch(server.url + path, { headers: bearer(district.token.jingban) });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });

/** A title compared without its number, year and spacing ("表五2026年一般公共预算支出情况表" → "一般公共预算支出情况表"). */
const core = (title: string) => squashTitle(title).replace(/^.*?(?:19|20)\d\d年度?/u, '');

for (const name of DOCS) {
  const entry = manifest.find((d) => d.name === name)!;

  test(`${name}: uploaded in the web, every table opens with its rows, every finding leads to its place, and the PDF and XLSX carry its own tables`, async () => {
    assert.ok(entry, `${name} is in the corpus manifest`);
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    try {
      // Upload from the list page, as a user would.
      await signIn(page, server.url, 'jingban', PASSWORD);
      await page.goto(server.url + '/');
      await page.getByLabel('选择文件').setInputFiles({ name: `${name}.pdf`, mimeType: 'application/pdf', buffer: readFileSync(join(CORPUS, 'pdf', `${name}.pdf`)) });
      await page.getByRole('button', { name: '上传并审核' }).click();
      await page.waitForURL(/\/budgets\/\d+$/, { timeout: 120_000 });
      const base = page.url();
      const id = /\/budgets\/(\d+)$/.exec(base)![1]!;
      assert.match(await page.locator('main').innerText(), new RegExp(entry.department.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')));
      await shot(page, `corpus-${name}-overview`);

      const doc = (await (await api(`/api/v1/budgets/${id}/export.json`)).json()) as BudgetDocument;

      // The table list names every table of the manifest, and each page shows all of the table's rows.
      await page.goto(`${base}/tables`);
      // The table links (not the 编辑本表金额 link of the table shown, whose address is the same table's).
      const nav = await page
        .locator(`a[href^="/budgets/${id}/tables/"]:not(#table-edit-open)`)
        .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, text: (a.textContent ?? '').trim() })));
      // A finding shown on the page links to its table too ("查看位置"): the table's name is on its own link.
      const pages = [...new Map(nav.filter((n) => n.text !== '查看位置').map((n) => [n.href.replace(/[?#].*$/, ''), n])).values()];
      assert.ok(!pages.some((p) => /\/tables\/(null|undefined)$/.test(p.href)), JSON.stringify(pages));
      for (const title of entry.tables) {
        assert.ok(
          pages.some((p) => squashTitle(p.text).includes(core(title))),
          `the table list names 《${title}》: ${pages.map((p) => p.text).join(' | ')}`,
        );
      }
      for (const t of doc.tables) {
        await page.goto(`${server.url}/budgets/${id}/tables/${t.id}`);
        const heading = await page.locator('h1').first().innerText();
        assert.ok(squashTitle(heading).includes(core(t.title.text)), `${t.id}: heading ${heading} names ${t.title.text}`);
        // A two-sided table prints its revenue and expenditure rows side by side: each half-row carries its own id.
        const shown = await page.locator(`[id^="${t.id}-r"]`).count();
        assert.equal(shown, t.rows.length, `${t.id} 《${t.title.text}》 shows each of its ${t.rows.length} rows`);
      }
      const biggest = [...doc.tables].sort((a, b) => b.rows.length - a.rows.length)[0]!;
      await page.goto(`${server.url}/budgets/${id}/tables/${biggest.id}`);
      await shot(page, `corpus-${name}-table`);

      // Every finding's "查看位置" leads to an element of its page that is the target.
      await page.goto(`${base}/findings`);
      await shot(page, `corpus-${name}-findings`);
      const links = await page.locator('ul.findings li a', { hasText: '查看位置' }).evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      const located = doc.tables.length > 0 ? links.filter((h) => h.includes('#')) : [];
      assert.ok(links.length > 0, 'the document has findings with a place');
      let table = 0;
      for (const href of [...new Set(located)]) {
        assert.doesNotMatch(href, /\/tables\/(null|undefined)/);
        await page.goto(server.url + href);
        const target = await page.evaluate(() => {
          const el = document.querySelector(':target');
          return el ? { tag: el.tagName, text: (el.textContent ?? '').trim().slice(0, 40) } : null;
        });
        assert.ok(target, `${href} has a target on its page`);
        if (/\/tables\//.test(href)) {
          table++;
          if (table === 1) await shot(page, `corpus-${name}-finding-target`);
        }
      }
      assert.ok(table > 0, 'at least one finding leads to a table row');

      // The package follows the document's own tables: each table title is printed in the PDF and is a sheet heading in the XLSX.
      const dir = mkdtempSync(join(tmpdir(), 'fiscus-corpus-web-'));
      const pdf = new Uint8Array(await (await api(`/api/v1/budgets/${id}/export.pdf`)).arrayBuffer());
      assert.equal(new TextDecoder().decode(pdf.slice(0, 5)), '%PDF-');
      writeFileSync(join(dir, 'out.pdf'), pdf);
      writeFileSync(join(ARTIFACTS, `corpus-${name}.pdf`), pdf);
      const text = squashTitle(execFileSync('pdftotext', ['-layout', join(dir, 'out.pdf'), '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
      for (const t of doc.tables) assert.ok(text.includes(core(t.title.text)), `the PDF prints 《${t.title.text}》`);
      assert.ok(!text.includes('第一部分部门概况') || squashTitle(JSON.stringify(doc.narrative)).includes('第一部分'), 'the PDF does not impose the Shenzhen outline');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await (await api(`/api/v1/budgets/${id}/export.xlsx`)).arrayBuffer()) as unknown as ArrayBuffer);
      const headings = wb.worksheets.map((ws) => squashTitle(ws.getCell(1, 1).text));
      for (const t of doc.tables)
        assert.ok(
          headings.some((h) => h.includes(core(t.title.text))),
          `the XLSX has a sheet headed 《${t.title.text}》`,
        );
    } finally {
      await page.close();
    }
  });
}
