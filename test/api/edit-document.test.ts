/**
 * Editing a narrative section, table cells, table 14's amounts and 项目概况 in the web (issue 15 item 6), through the
 * front door with its authorisation: each saved as a new version (303 back to the page without
 * htmx, the findings that changed shown), a stale base version refused with 409 and nothing
 * written, what cannot be read refused with 422 naming it in Chinese, a role that may not prepare
 * refused with 403; each save one audit entry naming the user.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openWorkspace, type Workspace } from '../../src/app/workspace.js';
import { auditLogOf } from '../../src/app/audit-log.js';
import { createHttpApp } from '../../src/cli/http-app.js';
import { requester, setupDistrict, type District } from '../support/district.js';

const SAMPLE = readFileSync(resolve(import.meta.dirname, '../../samples/shenzhen-futian-data-center-2021-dept-budget.txt'));
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const HTMX = { ...FORM, 'hx-request': 'true' };

describe('editing the narrative, table cells and 项目概况 in the web', () => {
  let ws: Workspace;
  let district: District;
  let app: ReturnType<typeof createHttpApp>;
  let id: string;
  const as = (who: 'jingban' | 'bumen' | 'caizheng') => requester(app, district, who);
  const post = (who: 'jingban' | 'bumen' | 'caizheng', path: string, body: Record<string, string>, htmx = false) =>
    as(who)(path, { method: 'POST', headers: htmx ? HTMX : FORM, body: new URLSearchParams(body).toString() });
  const latest = async () => (await ws.getBudget(id)).latestVersion;

  before(async () => {
    ws = await openWorkspace();
    district = await setupDistrict(ws);
    app = createHttpApp(ws);
    id = (await ws.importDocument(SAMPLE, 'sample.txt')).budgetId;
  });
  after(async () => {
    await ws?.close();
  });

  test('a narrative section: saved and read again, its finding shown; stale 409; unreadable 422; 部门审核 403', async () => {
    const v = await latest();
    const doc = await ws.getDocument(id);
    const text = doc.narrative.parts[2]!.sections[1]!.paragraphs.map((p) => p.text).join('\n');
    assert.match(text, /741\.53万元/);
    const res = await post('jingban', `/budgets/${id}/narrative`, { baseVersion: String(v), section: '2.1', text: text.replace('741.53', '751.53') });
    assert.equal(res.status, 303, (await res.text()).slice(0, 300));
    const location = res.headers.get('location')!;
    assert.equal(location, `/budgets/${id}/narrative?saved=${v + 1}&from=${v}&edit=section%3A2.1#sec-2-1`);
    const page = await (await as('jingban')(location.replace(/#.*/, ''))).text();
    assert.match(page, new RegExp(`已保存为第 ${v + 1} 版（基于第 ${v} 版），已重新审核。`));
    const added = /<ul class="findings" id="findings-added">([\s\S]*?)<\/ul>/.exec(page)?.[1] ?? '';
    assert.match(added, /751\.53/, 'the narrative finding the new figure raises is among the added ones');
    const stored = await ws.getDocument(id);
    const fact = stored.narrative.facts.filter((f) => f.key === 'expenditure.personnel').at(-1)!;
    assert.equal(fact.money!.fen, 751_530_000);
    assert.equal(fact.src.edited?.by, 'jingban');
    const entry = (await auditLogOf(ws).budgetHistory(id, { newestFirst: true, limit: 1 }))[0]!;
    assert.equal(entry.action, 'budget.edit-narrative');
    assert.equal(entry.actor, 'jingban');

    // The same base again: stale, nothing written, what was typed kept.
    const stale = await post('jingban', `/budgets/${id}/narrative`, { baseVersion: String(v), section: '2.1', text: text.replace('741.53', '761.53') }, true);
    assert.equal(stale.status, 409);
    const body409 = await stale.text();
    assert.match(body409, /版本冲突（CONFLICT）/);
    assert.match(body409, /761\.53/);
    assert.equal(await latest(), v + 1);

    // Part 2 without its revenue sentence is no narrative its reader can read: refused, named.
    const bad = await post('jingban', `/budgets/${id}/narrative`, { baseVersion: String(v + 1), section: '1.0', text: '本部门今年没有预算。' }, true);
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /部门预算收支总体情况.*修改后说明无法读取/);
    assert.equal(await latest(), v + 1);

    const forbidden = await post('bumen', `/budgets/${id}/narrative`, { baseVersion: String(v + 1), section: '2.1', text: 'x' });
    assert.equal(forbidden.status, 403);
    assert.equal(await latest(), v + 1);
  });

  test('table cells in 元: saved exactly with who edited them; ambiguous amounts 422 naming each cell; stale 409; 部门审核 403', async () => {
    const v = await latest();
    const doc = await ws.getDocument(id);
    const t = doc.tables.find((x) => x.no === 1)!;
    const ri = t.rows.findIndex((r) => r.side === 'revenue' && r.amounts[t.sides!.revenue]);
    const ci = t.columns.findIndex((c) => c.key === t.sides!.revenue);
    const ri2 = t.rows.findIndex((r, i) => i > ri && r.side === 'revenue' && r.amounts[t.sides!.revenue]);
    const name = `c-${ri}-${ci}`;

    const bad = await post('jingban', `/budgets/${id}/tables/${t.id}`, { baseVersion: String(v), [name]: '1,0.0', [`c-${ri2}-${ci}`]: '1.234' }, true);
    assert.equal(bad.status, 422);
    const body = await bad.text();
    assert.match(body, /2 个金额无法识别（INPUT_INVALID）/);
    assert.match(body, new RegExp(`表《收支总表》第 ${ri + 1} 行“${t.rows[ri]!.label}”[^“]*“[^”]*”的金额“1,0\\.0”无法识别`));
    assert.match(body, new RegExp(`表《收支总表》第 ${ri2 + 1} 行“${t.rows[ri2]!.label}”[^“]*“[^”]*”的金额“1\\.234”无法识别`));
    assert.match(body, new RegExp(`id="cell-${ri}-${ci}"[^>]*aria-invalid="true"`));
    assert.equal(await latest(), v, 'nothing written');

    const ok = await post('jingban', `/budgets/${id}/tables/${t.id}`, { baseVersion: String(v), [name]: '1,234.50' });
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), `/budgets/${id}/tables/${t.id}?saved=${v + 1}&from=${v}&edit=cells#table-edit`);
    const cell = (await ws.getDocument(id)).tables.find((x) => x.no === 1)!.rows[ri]!.amounts[t.sides!.revenue]!;
    assert.equal(cell.fen, 123_450);
    assert.equal(cell.src?.edited?.by, 'jingban');
    const page = await (await as('jingban')(ok.headers.get('location')!.replace(/#.*/, ''))).text();
    assert.match(page, /已保存为第 \d+ 版/);
    assert.match(page, /审核发现的变化：新增 [1-9]\d* 条/);
    assert.equal((await auditLogOf(ws).budgetHistory(id, { newestFirst: true, limit: 1 }))[0]!.action, 'budget.edit-cells');

    const stale = await post('jingban', `/budgets/${id}/tables/${t.id}`, { baseVersion: String(v), [name]: '2.00' }, true);
    assert.equal(stale.status, 409);
    assert.equal(await latest(), v + 1);

    const forbidden = await post('bumen', `/budgets/${id}/tables/${t.id}`, { baseVersion: String(v + 1), [name]: '3.00' });
    assert.equal(forbidden.status, 403);
    assert.equal(await latest(), v + 1);
  });

  test('table 14 amounts in 元: saved with who typed them and re-checked; ambiguous amounts 422 naming each; stale 409; 部门审核 403', async () => {
    const v = await latest();
    const path = `/budgets/${id}/tables/department-targets`;
    const form = await (await as('jingban')(`${path}?edit=targets`)).text();
    assert.match(form, /<h2 id="targets-edit-h">编辑本表金额<\/h2>/);
    assert.match(form, /name="dt-0-total"[^>]*value="7,800,600.00"/);
    assert.match(form, /name="dt-total-fiscal"[^>]*value="44,246,000.00"/);

    const bad = await post('jingban', path, { baseVersion: String(v), 'dt-0-total': '1,0.0', 'dt-1-other': '1.234' }, true);
    assert.equal(bad.status, 422);
    const body = await bad.text();
    assert.match(body, /2 个金额无法识别（INPUT_INVALID）/);
    assert.match(body, /表《部门（单位）整体支出绩效目标申报表》第 1 项任务“基本支出”·“总额”的金额“1,0\.0”无法识别/);
    assert.match(body, /第 2 项任务“为福田电子政务建设和数据管理提供信息化服务”·“其他资金”的金额“1\.234”无法识别/);
    assert.match(body, /id="dt-cell-0-total"[^>]*aria-invalid="true"/);
    assert.equal(await latest(), v, 'nothing written');

    // The 基本支出 task's 总额 raised by 10,000.00 元: the form no longer adds up, nor agrees with table 3.
    const ok = await post('jingban', path, { baseVersion: String(v), 'dt-0-total': '7,810,600.00', 'dt-0-fiscal': '7,800,600.00' });
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), `${path}?saved=${v + 1}&from=${v}&edit=targets#targets-edit`);
    const task = (await ws.getDocument(id)).departmentTargets!.tasks[0]!;
    assert.equal(task.total!.fen, 781_060_000);
    assert.equal(task.total!.src?.edited?.by, 'jingban');
    assert.equal(task.fiscal!.src?.edited, undefined, 'an amount typed as it was is not changed');
    const page = await (await as('jingban')(ok.headers.get('location')!.replace(/#.*/, ''))).text();
    assert.match(page, new RegExp(`已保存为第 ${v + 1} 版（基于第 ${v} 版），已重新审核。`));
    const added = /<ul class="findings" id="findings-added">([\s\S]*?)<\/ul>/.exec(page)?.[1] ?? '';
    assert.match(added, /BUD-019/);
    // The form's page lists them among its own findings (located on table 14 as data).
    assert.match(/<ul class="findings" id="table-findings">([\s\S]*?)<\/ul>/.exec(page)?.[1] ?? '', /BUD-019/);
    assert.equal((await auditLogOf(ws).budgetHistory(id, { newestFirst: true, limit: 1 }))[0]!.action, 'budget.edit-targets');

    const stale = await post('jingban', path, { baseVersion: String(v), 'dt-0-total': '2.00' }, true);
    assert.equal(stale.status, 409);
    assert.match(await stale.text(), /版本冲突（CONFLICT）/);
    const forbidden = await post('bumen', path, { baseVersion: String(v + 1), 'dt-0-total': '3.00' });
    assert.equal(forbidden.status, 403);
    assert.equal(await latest(), v + 1);
  });

  test('项目概况: saved with who typed it; too long 422; stale 409; 财政审核 403', async () => {
    const v = await latest();
    const form = (await ws.getDocument(id)).projectForms.find((f) => f.overview.length > 0)!;
    const path = `/budgets/${id}/projects/${encodeURIComponent(form.id)}/overview`;
    const ok = await post('jingban', path, { baseVersion: String(v), 'ov-0': '项目背景：新的说明。' }, true);
    assert.equal(ok.status, 200);
    const body = await ok.text();
    assert.match(body, /已保存为第 \d+ 版/);
    assert.match(body, /审核发现没有变化|审核发现的变化/);
    const o = (await ws.getDocument(id)).projectForms.find((f) => f.id === form.id)!.overview[0]!;
    assert.equal(o.text, '项目背景：新的说明。');
    assert.equal(o.src.edited?.by, 'jingban');

    const long = await post('jingban', path, { baseVersion: String(v + 1), 'ov-0': '长'.repeat(5001) }, true);
    assert.equal(long.status, 422);
    assert.match(await long.text(), /过长（5001 字，至多 5000 字）/);

    const stale = await post('jingban', path, { baseVersion: String(v), 'ov-0': '另一个说明。' }, true);
    assert.equal(stale.status, 409);
    const forbidden = await post('caizheng', path, { baseVersion: String(v + 1), 'ov-0': '另一个说明。' });
    assert.equal(forbidden.status, 403);
    assert.equal(await latest(), v + 1);
  });

  test('a file posted where a typed text goes is refused (422) naming the field, never saved as "[object File]"', async () => {
    const v = await latest();
    const body = new FormData();
    body.set('baseVersion', String(v));
    body.set('section', '2.1');
    body.set('text', new File(['本部门支出 1 万元。'], 'section.txt', { type: 'text/plain' }));
    const res = await as('jingban')(`/budgets/${id}/narrative`, { method: 'POST', body });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /表单字段“text”应为文字，实为文件/);
    assert.equal(await latest(), v, 'nothing saved');
    assert.ok(!JSON.stringify(await ws.getDocument(id)).includes('[object File]'), 'nothing stored reads [object File]');
  });
});
