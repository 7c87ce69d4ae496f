/**
 * Issue 11 ("Unbreakable") through the HTTP API on both backends: the inputs that answered 500 —
 * ids and versions beyond a 4-byte integer, impossible dates, payments adding up beyond
 * Number.MAX_SAFE_INTEGER fen, a malformed multipart body, a bad percent-escape in `filename*=`,
 * a lone surrogate or a NUL in JSON — each answer a 4xx problem+json with a stable code; and a
 * payments file imported twice is stored once unless forced.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace, type Workspace, type WorkspaceOptions } from '../../src/app/workspace.js';
import { followOf } from '../../src/app/follow.js';
import { createApi } from '../../src/api/routes.js';
import { throwawayDatabases } from '../support/postgres.js';
import { budget, paymentsCsv } from '../storage/fixture.js';
import { requester, setupDistrict, type District } from '../support/district.js';

interface Backend {
  name: string;
  open(): Promise<{ opts: WorkspaceOptions; drop: () => Promise<void> }>;
}

const JSON_HEADERS = { 'content-type': 'application/json' };
const BIG = 2 ** 31; // one past the largest 4-byte integer

async function problem(res: Response, status: number, code: string): Promise<Record<string, unknown>> {
  const text = await res.text();
  assert.equal(res.status, status, `status (${text.slice(0, 300)})`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const body = JSON.parse(text) as Record<string, unknown>;
  assert.equal(body['code'], code, text);
  return body;
}

function suite(backend: Backend): void {
  describe(`issue 11 on ${backend.name}`, () => {
    let ws: Workspace;
    let drop: () => Promise<void>;
    let api: ReturnType<typeof createApi>;
    let id = '';
    let district: District;
    // The 经办 of the unit the budget is imported for (imports, edits, payments, monitoring, evaluation).
    const req = (path: string, init?: RequestInit) => requester(api, district, 'jingban')(path, init);
    const base = () => `/api/v1/budgets/${id}`;

    before(async () => {
      const b = await backend.open();
      drop = b.drop;
      ws = await openWorkspace(b.opts);
      district = await setupDistrict(ws);
      api = createApi(ws);
      const res = await req('/api/v1/budgets?name=b.json', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(budget(2021)) });
      assert.equal(res.status, 201);
      id = ((await res.json()) as { budgetId: string }).budgetId;
    });
    after(async () => {
      await ws?.close();
      await drop?.();
    });

    test('versions, base versions, ids and payment ids beyond a 4-byte integer are 404/422, never 500', async () => {
      await problem(await req(`${base()}/tables?version=${BIG}`), 422, 'INPUT_INVALID');
      await problem(await req(`${base()}/findings?version=${BIG}`), 422, 'INPUT_INVALID');
      await problem(await req(`${base()}/versions/${BIG}`), 422, 'INPUT_INVALID');
      await problem(await req(`${base()}/diff?a=1&b=${BIG}`), 422, 'INPUT_INVALID');
      await problem(await req(`${base()}/export.json?version=${BIG}`), 422, 'INPUT_INVALID');
      await problem(await req(`${base()}/projects/f1`, { method: 'PATCH', headers: JSON_HEADERS, body: JSON.stringify({ baseVersion: BIG }) }), 422, 'INPUT_INVALID');
      await problem(await req(`/api/v1/budgets/${BIG}`), 404, 'NOT_FOUND');
      await problem(await req(`/api/v1/budgets/99999999999999999999/payments`), 404, 'NOT_FOUND');
      await problem(await req(`${base()}/payments/${BIG}`, { method: 'DELETE' }), 404, 'NOT_FOUND');
      await problem(await req(`${base()}/payments/99999999999999999999`, { method: 'DELETE' }), 422, 'INPUT_INVALID');
      // A JSON budget or an edit whose integers go into 4-byte columns (table number, cost line number).
      // A re-upload of an existing unit and year must now be confirmed (replace=true; issue 13), else it
      // is a 409 before anything is stored: confirmed, it reaches the store and its checks.
      const doc = budget(2021);
      doc.tables[0]!.no = BIG;
      const t = await problem(await req('/api/v1/budgets?name=big.json&replace=true', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(doc) }), 422, 'INPUT_INVALID');
      assert.equal(t['field'], 'tables[0].no');
      const form = ((await (await req(`${base()}/projects/f1`)).json()) as { form: { costLines: Array<Record<string, unknown>> } }).form;
      const costLines = form.costLines.map((l, i) => ({ no: i === 0 ? BIG : l['no'], text: l['text'], label: l['label'], amount: l['amount'] }));
      const c = await problem(await req(`${base()}/projects/f1`, { method: 'PATCH', headers: JSON_HEADERS, body: JSON.stringify({ baseVersion: 1, costLines }) }), 422, 'INPUT_INVALID');
      assert.equal(c['field'], 'projectForms[0].costLines[0].no');
      // The use cases themselves refuse what the front doors might pass on (the web app, the CLI).
      await assert.rejects(ws.getDocument(id, BIG), /没有版本/);
      await assert.rejects(ws.editProjectForm(id, BIG, 'f1', {}), /没有版本/);
    });

    test('an impossible date (2021-02-30) is a 422 wherever a date is taken', async () => {
      const p = await problem(await req(`${base()}/payments`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ project: 'f1', date: '2021-02-30', fen: 100 }) }), 422, 'INPUT_INVALID');
      assert.equal(p['field'], 'json.date');
      assert.match(String(p['detail']), /real calendar date/);
      await problem(await req(`${base()}/execution?asOf=2021-02-30`), 422, 'INPUT_INVALID');
      await problem(await req(`${base()}/monitoring?asOf=2021-02-30`), 422, 'INPUT_INVALID');
      await problem(
        await req(`${base()}/monitoring`, { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify({ owner: 'f1', asOf: '2021-02-30', entries: [{ idx: 0, actualToDate: '1' }] }) }),
        422,
        'INPUT_INVALID',
      );
      // The use case, as the web form reaches it, refuses it too.
      await assert.rejects(followOf(ws).addPayment(id, { project: 'f1', date: '2021-02-30', fen: 1 }), (e: Error) => /YYYY-MM-DD/.test(e.message));
    });

    test('payments adding up beyond Number.MAX_SAFE_INTEGER fen are refused before anything is stored; the views stay 200', async () => {
      const max = '90071992547409.91'; // 元 = Number.MAX_SAFE_INTEGER fen
      const csv = `项目,日期,金额(元)\nf1,2021-03-01,${max}\nf1,2021-03-02,${max}\n`;
      const p = await problem(await req(`${base()}/payments/import?name=big.csv`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv }), 422, 'INPUT_INVALID');
      assert.match(String(p['detail']), /^big\.csv:3: 金额合计应不超过 9007199254740991 分/);
      assert.deepEqual(await (await req(`${base()}/payments`)).json(), []);
      // One such payment is fine once the project's budget allows it (指标控制, issue 15: an approved
      // adjustment up to Number.MAX_SAFE_INTEGER fen); a second one, by hand or by file, would overflow the total.
      const f1 = (await followOf(ws).budgetControl(id)).find((x) => x.formId === 'f1')!;
      await followOf(ws).addAdjustment(id, { project: 'f1', fen: Number.MAX_SAFE_INTEGER - f1.budgetFen!, reason: '溢出测试' }, 'caizheng');
      const one = await req(`${base()}/payments`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ project: 'f1', date: '2021-03-01', fen: Number.MAX_SAFE_INTEGER }) });
      assert.equal(one.status, 201);
      await problem(await req(`${base()}/payments`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ project: 'f1', date: '2021-03-02', fen: 1 }) }), 422, 'INPUT_INVALID');
      await problem(
        await req(`${base()}/payments/import?name=one.csv`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: '项目,日期,金额(元)\nf1,2021-03-02,0.01\n' }),
        422,
        'INPUT_INVALID',
      );
      await problem(await req(`${base()}/payments`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ project: 'f1', date: '2021-03-02', fen: 2 ** 60 }) }), 422, 'INPUT_INVALID');
      for (const path of ['execution?asOf=2021-12-31', 'monitoring', 'evaluation', 'payments']) assert.equal((await req(`${base()}/${path}`)).status, 200, path);
      const { id: paymentId } = (await one.json()) as { id: number };
      assert.equal((await req(`${base()}/payments/${paymentId}`, { method: 'DELETE' })).status, 204);
    });

    test('a malformed multipart body and a bad percent-escape in filename*= are 400 problem+json', async () => {
      const multipart = { 'content-type': 'multipart/form-data; boundary=XYZ' };
      const garbage = '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nno closing boundary';
      await problem(await req('/api/v1/budgets', { method: 'POST', headers: multipart, body: garbage }), 400, 'INPUT_UNREADABLE');
      await problem(await req(`${base()}/payments/import`, { method: 'POST', headers: multipart, body: garbage }), 400, 'INPUT_UNREADABLE');
      await problem(await req('/api/v1/budgets', { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'x' }), 400, 'INPUT_UNREADABLE');
      const bad = await problem(
        await req('/api/v1/budgets', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-disposition': "attachment; filename*=UTF-8''%E4%ZZ.json" },
          body: JSON.stringify(budget(2021)),
        }),
        400,
        'INPUT_UNREADABLE',
      );
      assert.match(String(bad['detail']), /filename/);
    });

    test('a lone surrogate or a NUL in a JSON budget, or a NUL in an entry, is a 422 naming the field; nothing is stored', async () => {
      const before = ((await (await req(base())).json()) as { latestVersion: number }).latestVersion;
      const doc = budget(2021);
      doc.tables[2]!.rows[3]!.label = '事业\ud800运行';
      // Confirmed re-uploads (replace=true, issue 13), so that they reach the store's checks.
      const p = await problem(await req('/api/v1/budgets?name=s.json&replace=true', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(doc) }), 422, 'INPUT_INVALID');
      assert.match(String(p['detail']), /tables\[2\]\.rows\[3\]\.label/);
      doc.tables[2]!.rows[3]!.label = '事业\u0000运行';
      await problem(await req('/api/v1/budgets?name=n.json&replace=true', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(doc) }), 422, 'INPUT_INVALID');
      assert.equal(((await (await req(base())).json()) as { latestVersion: number }).latestVersion, before);
      await problem(
        await req(`${base()}/monitoring`, { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify({ owner: 'f1', entries: [{ idx: 0, action: 'a\u0000b' }] }) }),
        422,
        'INPUT_INVALID',
      );
      await problem(await req(`${base()}/evaluation`, { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify({ owner: 'f1', actuals: [{ idx: 0, reason: '\ud800' }] }) }), 422, 'INPUT_INVALID');
    });

    test('a payments file imported twice is stored once; the answer says so; ?force=true stores it again', async () => {
      const csv = new TextDecoder().decode(paymentsCsv(179));
      const post = (q = '') => req(`${base()}/payments/import?name=p.csv${q}`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
      const first = (await (await post()).json()) as { imported: number; alreadyImported: boolean; sha256: string };
      assert.deepEqual([first.imported, first.alreadyImported], [179, false]);
      const again = await post();
      assert.equal(again.status, 200);
      const a = (await again.json()) as { imported: number; alreadyImported: boolean; sha256: string };
      assert.deepEqual([a.imported, a.alreadyImported, a.sha256], [0, true, first.sha256]);
      for (let i = 0; i < 5; i++) await post();
      assert.equal(((await (await req(`${base()}/payments`)).json()) as unknown[]).length, 179);
      const forced = (await (await post('&force=true')).json()) as { imported: number; alreadyImported: boolean };
      assert.deepEqual([forced.imported, forced.alreadyImported], [179, false]);
      assert.equal(((await (await req(`${base()}/payments`)).json()) as unknown[]).length, 358);
      await problem(await post('&force=yes'), 422, 'INPUT_INVALID');
      const replaced = (await (await post('&replace=true')).json()) as { imported: number; replaced: number };
      assert.deepEqual([replaced.imported, replaced.replaced], [179, 358]);
    });
  });
}

suite({
  name: 'PGlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'fiscus-api11-'));
    return { opts: { dataDir: join(dir, 'data') }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
});

const freshDatabase = throwawayDatabases('fiscus_api11', 'API suite');
if (freshDatabase) {
  suite({
    name: 'PostgreSQL',
    async open() {
      const db = await freshDatabase();
      return { opts: { databaseUrl: db.databaseUrl }, drop: db.drop };
    },
  });
}
