/**
 * PDF packages of many budgets through the job queue (issue 14, item 4): a 财政审核 asks for several
 * budgets' packages at once; on PGlite the server works the queue itself; the ZIP holds one real PDF
 * per budget (read back with pdfjs) and a note listing them. Bad requests are refused with nothing stored.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import JSZip from 'jszip';
import { openWorkspace, connectionOf } from '../../src/app/workspace.js';
import { createHttpApp, exporterIfAvailable } from '../../src/cli/http-app.js';
import { readPdf } from '../../src/importers/pdf/read.js';
import { requester, setupDistrict } from '../support/district.js';

const SAMPLES = resolve(import.meta.dirname, '../../../shared/samples');
const SHENZHEN = readFileSync(resolve(import.meta.dirname, '../../samples/shenzhen-futian-data-center-2021-dept-budget.txt'));
const SHANGHAI = readFileSync(resolve(SAMPLES, 'shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.txt'));

const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

test('packages of two budgets are printed by the queue and downloaded as one ZIP', { timeout: 300_000 }, async () => {
  const ws = await openWorkspace();
  try {
    const district = await setupDistrict(ws);
    const app = createHttpApp(ws, await exporterIfAvailable());
    const as = requester(app, district, 'caizheng');
    const a = (await ws.importDocument(SHENZHEN, 'shenzhen.txt')).budgetId;
    const b = (await ws.importDocument(SHANGHAI, 'shanghai.txt')).budgetId;
    const batches = async () => Number((await connectionOf(ws).raw('SELECT count(*) AS n FROM package_batches', [])).rows[0]!['n']);

    // Refusals: nothing is stored for any of them.
    const refused = [
      [await as('/api/v1/packages', post({ budgets: [] })), 422, 'INPUT_INVALID'],
      [await as('/api/v1/packages', post({ budgets: [a, a] })), 422, 'INPUT_INVALID'],
      [await as('/api/v1/packages', post({ budgets: [a, '999999'] })), 404, 'NOT_FOUND'],
      [await as('/api/v1/packages', post({ budgets: [a], appendix: 'maybe' })), 422, 'INPUT_INVALID'],
      [await as('/api/v1/packages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"budgets": [' }), 400, 'INPUT_UNREADABLE'],
      [await requester(app, district, 'bumen')('/api/v1/packages', post({ budgets: [a] })), 403, 'FORBIDDEN'],
    ] as const;
    for (const [r, status, code] of refused) {
      const body = (await r.json()) as { code: string; detail?: string; title?: string };
      assert.equal(r.status, status, JSON.stringify(body));
      assert.equal(body.code, code);
    }
    assert.equal(await batches(), 0, 'no batch stored for a refused request');
    assert.equal((await as('/api/v1/packages/77')).status, 404);

    const t0 = performance.now();
    const submitted = await as('/api/v1/packages', post({ budgets: [a, b], appendix: 'none' }));
    assert.equal(submitted.status, 202);
    const s0 = (await submitted.json()) as { id: string; total: number; items: { name: string; state: string }[] };
    assert.equal(s0.total, 2);
    assert.equal(submitted.headers.get('location'), `/api/v1/packages/${s0.id}`);
    // Printing a package takes Chromium seconds: right after the request the ZIP is not ready.
    const early = await as(`/api/v1/packages/${s0.id}/download`);
    assert.equal(early.status, 409);
    let s = s0 as unknown as { state: string; done: number; failed: number; items: { name: string; state: string; error: unknown }[] };
    const seen = new Set<number>();
    while (s.state !== 'done') {
      assert.ok(performance.now() - t0 < 280_000, 'the batch ends');
      await new Promise((r) => setTimeout(r, 500));
      s = (await (await as(`/api/v1/packages/${s0.id}`)).json()) as typeof s;
      seen.add(s.done);
    }
    process.stdout.write(`# 2 packages printed by the in-process queue in ${Math.round(performance.now() - t0)} ms; progress seen ${[...seen].join(', ')}\n`);
    assert.equal(s.failed, 0, JSON.stringify(s.items));
    assert.deepEqual(
      s.items.map((i) => i.state),
      ['printed', 'printed'],
    );

    const res = await as(`/api/v1/packages/${s0.id}/download`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/zip');
    const zip = await JSZip.loadAsync(new Uint8Array(await res.arrayBuffer()));
    const names = Object.keys(zip.files).sort();
    assert.deepEqual(names, [...s.items.map((i) => i.name), '打包说明.txt'].sort());
    const units = ['深圳市福田区数据管理中心', '万里街道'];
    for (const [i, item] of s.items.entries()) {
      const bytes = await zip.file(item.name)!.async('uint8array');
      assert.equal(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), '%PDF-');
      const { text } = await readPdf(bytes, item.name);
      assert.ok(text.replace(/\s+/g, '').includes(units[i]!), `${item.name} is the package of its own budget`);
      assert.doesNotMatch(text, /附录\s*校验结果/, 'appendix=none: the publishable package');
    }
    const note = await zip.file('打包说明.txt')!.async('string');
    assert.match(note, /2 个预算，2 个已打印，0 个未能打印；可公开版本/);
  } finally {
    await ws.close();
  }
});
