/**
 * The web app on documents of other layouts than Shenzhen's (a Beijing budget from the corpus, the
 * Shanghai sample), in process on a PGlite workspace: every table page answers, every finding's
 * link points at an anchor that exists on its page, the overview shows the coverage.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Hono } from 'hono';
import { timing } from 'hono/timing';
import { openWorkspace, type Workspace } from '../app/workspace.js';
import type { BudgetDocument } from '../domain/model.js';
import { rowAnchor } from './figures.js';
import { createWeb } from './routes.js';
import { requester, setupDistrict, type District, type Login } from '../../test/support/district.js';
import { unplacedTableBytes } from '../../test/support/unplaced.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BEIJING = join(ROOT, '../shared/corpus/txt/beijing-audit-bureau-2026-budget.txt');
const SHANGHAI = join(ROOT, 'samples/shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.txt');

let dir: string;
let ws: Workspace;
let web: Hono;
let district: District;
const ids: Record<'beijing' | 'shanghai' | 'unplaced', string> = { beijing: '', shanghai: '', unplaced: '' };

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fiscus-web-'));
  ws = await openWorkspace({ dataDir: join(dir, 'data') });
  // The Shanghai sample's unit is the district's UNIT_B; the Beijing budget's unit is no organisation's,
  // and such an unassigned budget is read by the 财政局's reviewers only (issue 13).
  district = await setupDistrict(ws);
  // As `fiscus serve` mounts it: the Server-Timing middleware around the pages.
  web = new Hono();
  web.use('*', timing());
  web.route('/', createWeb(ws));
  ids.beijing = (await ws.importDocument(new Uint8Array(readFileSync(BEIJING)), 'beijing.txt', { author: 'test' })).budgetId;
  ids.shanghai = (await ws.importDocument(new Uint8Array(readFileSync(SHANGHAI)), 'shanghai.txt', { author: 'test' })).budgetId;
  // A table whose rows hold amounts left unplaced by design (test/support/unplaced.ts).
  ids.unplaced = (await ws.importDocument(unplacedTableBytes(), 'unplaced.txt', { author: 'test' })).budgetId;
});

after(async () => {
  await ws?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A page as `login` (by default the 财政审核, who reads every department's budgets). */
const get = async (path: string, login: Login = 'caizheng') => {
  const res = await requester(web, district, login)(path);
  return { status: res.status, location: res.headers.get('location'), html: res.status === 200 ? await res.text() : '' };
};

/** Every `id="…"` on a page. */
const anchors = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));

const unescape = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

/** The "查看位置" links of a page. */
const placeLinks = (html: string) => [...html.matchAll(/<a href="([^"]+)">查看位置<\/a>/g)].map((m) => unescape(m[1]!));

async function doc(id: string): Promise<BudgetDocument> {
  return ws.getDocument(id);
}

test('every table of a Beijing budget has its page, listed in print order under its own title', async () => {
  const d = await doc(ids.beijing);
  assert.ok(d.tables.length >= 10, `${d.tables.length} tables`);
  const first = await get(`/budgets/${ids.beijing}/tables`);
  assert.equal(first.status, 302);
  assert.equal(first.location, `/budgets/${ids.beijing}/tables/t1`);
  for (const [i, t] of d.tables.entries()) {
    const id = t.id ?? `t${i + 1}`;
    const page = await get(`/budgets/${ids.beijing}/tables/${id}`);
    assert.equal(page.status, 200, `${id} ${t.title.text}`);
    // Its own title, no Shenzhen numbering added before it.
    assert.match(page.html, new RegExp(`<h1 id="${id}">${t.title.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</h1>`));
    // The list of tables is the document's, in print order.
    const nav = [...page.html.matchAll(/<ul class="table-nav">([\s\S]*?)<\/ul>/g)][0]![1]!;
    assert.deepEqual(
      [...nav.matchAll(/tables\/(t\d+)/g)].map((m) => m[1]),
      d.tables.map((x, k) => x.id ?? `t${k + 1}`),
    );
    // Every row has its anchor.
    const a = anchors(page.html);
    for (const r of t.rows) assert.ok(a.has(rowAnchor(id, r.id)), `${id} row ${r.id}`);
  }
  assert.equal((await get(`/budgets/${ids.beijing}/tables/t999`)).status, 404);
});

test('an old numeric table URL redirects to the table printed with that number, keeping the version', async () => {
  const d = await doc(ids.beijing);
  const t = d.tables.find((x) => x.no !== null)!;
  const r = await get(`/budgets/${ids.beijing}/tables/${t.no}?v=1`);
  assert.equal(r.status, 301);
  assert.equal(r.location, `/budgets/${ids.beijing}/tables/${t.id}?v=1`);
  assert.equal((await get(`/budgets/${ids.beijing}/tables/77`)).status, 404);
});

test('every finding link of a Beijing budget points at an anchor that exists on its page', async () => {
  const findings = await get(`/budgets/${ids.beijing}/findings`);
  const links = placeLinks(findings.html);
  assert.ok(links.length > 0, 'findings have place links');
  const pages = new Map<string, Set<string>>();
  let tableLinks = 0;
  for (const href of links) {
    const [path, anchor] = href.split('#') as [string, string | undefined];
    assert.doesNotMatch(path, /\/tables\/(null|undefined|\d+)(\?|$)/, href);
    if (/\/tables\//.test(path)) tableLinks++;
    let a = pages.get(path);
    if (!a) {
      const page = await get(path);
      assert.equal(page.status, 200, href);
      a = anchors(page.html);
      pages.set(path, a);
    }
    if (anchor) assert.ok(a.has(anchor), `${href}: no element with id ${anchor}`);
  }
  assert.ok(tableLinks > 0, 'some findings open a table row');
});

test('rows with amounts whose column could not be determined show the note and their unknown cells', async () => {
  const id = ids.unplaced;
  const d = await doc(id);
  const i = d.tables.findIndex((t) => t.rows.some((r) => (r.unplaced ?? []).length > 0));
  assert.ok(i >= 0, 'the fixture has a row with unplaced amounts');
  const t = d.tables[i]!;
  const row = t.rows.find((r) => (r.unplaced ?? []).length > 0)!;
  const page = await get(`/budgets/${id}/tables/${t.id ?? `t${i + 1}`}`);
  assert.match(page.html, new RegExp(`本行有 ${row.unplaced!.length} 个金额未能确定所在列`));
  assert.match(page.html, /id="table-unplaced"/);
  if (Object.values(row.amounts).some((m) => m === null)) assert.match(page.html, /class="num unknown"/);
});

test('the overview shows the coverage: tables recognised, amounts printed and held, unplaced, missing tables', async () => {
  const d = await doc(ids.beijing);
  const page = await get(`/budgets/${ids.beijing}`);
  assert.equal(page.status, 200);
  assert.match(page.html, /识别情况/);
  const c = d.coverage!;
  assert.match(page.html, new RegExp(`原文金额 <strong>${c.printedAmounts}</strong> 个，已读取 <strong>${c.heldAmounts}</strong> 个`));
  const rows = /<table class="data" id="coverage-tables">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(page.html)![1]!;
  assert.equal([...rows.matchAll(/<tr/g)].length, c.tables.length);
  for (const t of c.tables) assert.ok(rows.includes(`/tables/${t.id}"`), t.title);
  assert.match(page.html, /缺少的标准表：/);
  assert.match(page.html, /未能读取的部分（\d+）/);
  // How it was recognised, in words (the Beijing budget by the genre recogniser), not the importer's id.
  assert.equal(c.recogniser, 'generic');
  assert.match(page.html, /（识别方式 通用识别（按表题与表头），置信度 \d+%）/);
  assert.doesNotMatch(page.html, /识别方式 generic/);
  // The projects' amounts under a heading that names their unit.
  assert.match(page.html, new RegExp(`<h2 id="tree-h">项目<span class="muted small">（单位：${d.displayUnit}）</span></h2>`));
});

test('a Shanghai budget links its tables by id (never /tables/null) and its findings to existing anchors', async () => {
  const d = await doc(ids.shanghai);
  // As the 经办 of the Shanghai unit, whose budget it is.
  const own = (path: string) => get(path, 'jingbanb');
  const dash = await own(`/budgets/${ids.shanghai}`);
  assert.doesNotMatch(dash.html, /tables\/null/);
  for (const [i, t] of d.tables.entries()) assert.equal((await own(`/budgets/${ids.shanghai}/tables/${t.id ?? `t${i + 1}`}`)).status, 200);
  const findings = await own(`/budgets/${ids.shanghai}/findings`);
  for (const href of placeLinks(findings.html)) {
    const [path, anchor] = href.split('#') as [string, string | undefined];
    const page = await own(path);
    assert.equal(page.status, 200, href);
    if (anchor) assert.ok(anchors(page.html).has(anchor), href);
  }
  // The narrative prints the document's own headings, not the Shenzhen outline.
  const narrative = await own(`/budgets/${ids.shanghai}/narrative`);
  assert.doesNotMatch(narrative.html, /第一部分 部门概况/);
  assert.match(narrative.html, new RegExp(d.narrative.parts[0]!.title.replace(/[()]/g, '\\$&')));
});
