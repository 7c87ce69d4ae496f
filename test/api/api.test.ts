/**
 * The HTTP API on the real workspace: PGlite in a temporary folder, and PostgreSQL through
 * TEST_DATABASE_URL (npm test starts a throwaway server). Upload the sample, read it back, edit a
 * project form, and every failure as application/problem+json.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openWorkspace, type Workspace, type WorkspaceOptions } from '../../src/app/workspace.js';
import { createApi, MAX_UPLOAD_BYTES } from '../../src/api/routes.js';
import { throwawayDatabases } from '../support/postgres.js';
import { requester, setupDistrict, type District } from '../support/district.js';

const SAMPLE = readFileSync(resolve(import.meta.dirname, '../../samples/shenzhen-futian-data-center-2021-dept-budget.txt'));

interface Backend {
  name: string;
  open(): Promise<{ opts: WorkspaceOptions; drop: () => Promise<void> }>;
}

async function problem(res: Response, status: number, code: string): Promise<Record<string, unknown>> {
  assert.equal(res.status, status, `status of ${res.url || 'request'}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const body = (await res.json()) as Record<string, unknown>;
  assert.equal(body['status'], status);
  assert.equal(body['code'], code);
  for (const k of ['type', 'title', 'detail', 'instance']) assert.equal(typeof body[k], 'string', `problem.${k}`);
  return body;
}

function suite(backend: Backend): void {
  describe(`HTTP API on ${backend.name}`, () => {
    let ws: Workspace;
    let drop: () => Promise<void>;
    let api: ReturnType<typeof createApi>;
    let id = '';
    let cutVersion = 0;
    let district: District;
    // The sample unit's 经办 (imports and edits); the 财政审核 for what spans departments.
    const req = (path: string, init?: RequestInit) => requester(api, district, 'jingban')(path, init);
    const finance = (path: string, init?: RequestInit) => requester(api, district, 'caizheng')(path, init);
    const patch = (formId: string, body: unknown) => req(`/api/v1/budgets/${id}/projects/${formId}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    before(async () => {
      const b = await backend.open();
      drop = b.drop;
      ws = await openWorkspace(b.opts);
      district = await setupDistrict(ws);
      api = createApi(ws);
    });
    after(async () => {
      await ws?.close();
      await drop?.();
    });

    test('uploading the sample as a raw text body imports it as version 1', async () => {
      const res = await req('/api/v1/budgets?name=sample.txt', { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: SAMPLE });
      assert.equal(res.status, 201);
      const body = (await res.json()) as { budgetId: string; version: number; created: boolean; findings: { error: number } };
      assert.equal(body.version, 1);
      assert.equal(body.created, true);
      assert.ok(body.findings.error > 0, 'the sample has known errors');
      id = body.budgetId;
      assert.equal(res.headers.get('location'), `/api/v1/budgets/${id}`);
    });

    test('the budget list shows the unit, year, latest version and finding counts', async () => {
      const res = await req('/api/v1/budgets');
      assert.equal(res.status, 200);
      const list = (await res.json()) as Array<{ id: string; unitName: string; year: number; latestVersion: number; findings: { error: number } }>;
      const b = list.find((x) => x.id === id);
      assert.ok(b);
      assert.equal(b.unitName, '深圳市福田区数据管理中心');
      assert.equal(b.year, 2021);
      assert.equal(b.latestVersion, 1);
    });

    test('table 1 comes back with its revenue total in integer fen, by its id or by its printed number', async () => {
      const all = (await (await req(`/api/v1/budgets/${id}/tables`)).json()) as Array<{ no: number; id: string }>;
      assert.deepEqual(
        all.map((t) => t.no).sort((a, b) => a - b),
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
      );
      assert.deepEqual(
        all.map((t) => t.id),
        all.map((_, i) => `t${i + 1}`),
      );
      for (const path of [`/api/v1/budgets/${id}/tables/t1`, `/api/v1/budgets/${id}/tables/1`]) {
        const res = await req(path);
        assert.equal(res.status, 200, path);
        const t1 = (await res.json()) as { id: string; rows: Array<{ side?: string; kind: string; amounts: Record<string, { fen: number } | null> }> };
        assert.equal(t1.id, 't1');
        const total = t1.rows.find((r) => r.side === 'revenue' && r.kind === 'total');
        assert.equal(total?.amounts['amount']?.fen, 4_424_600_000);
      }
    });

    test('findings name the quarterly plan of 应用系统运行维护 that does not add up', async () => {
      const res = await req(`/api/v1/budgets/${id}/findings?severity=error`);
      assert.equal(res.status, 200);
      const body = (await res.json()) as { version: number; summary: { error: number }; findings: Array<{ rule: string; severity: string; location: { form?: string } }> };
      assert.equal(body.version, 1);
      assert.ok(body.findings.every((f) => f.severity === 'error'));
      assert.equal(body.findings.length, body.summary.error);
      assert.ok(body.findings.some((f) => f.rule === 'BUD-072' && f.location.form === 'form-2'));
    });

    test('a project form is listed and read with its version', async () => {
      const list = (await (await req(`/api/v1/budgets/${id}/projects`)).json()) as { projects: Array<{ id: string; name: string; totalFen: number }> };
      const p = list.projects.find((x) => x.name === '应用系统运行维护');
      assert.equal(p?.id, 'form-2');
      assert.equal(p?.totalFen, 1_074_560_000);
      const res = await req(`/api/v1/budgets/${id}/projects/form-2`);
      assert.equal(res.status, 200);
      const one = (await res.json()) as { version: number; form: { disbursement: Array<{ amount: { fen: number } }> } };
      assert.equal(one.version, 1);
      assert.deepEqual(
        one.form.disbursement.map((q) => q.amount.fen),
        [249_900_000, 249_900_000, 249_900_000, 249_900_000],
      );
    });

    test('a PATCH correcting the plan answers with version 2 and without the plan finding', async () => {
      const res = await patch('form-2', {
        baseVersion: 1,
        disbursement: [1, 2, 3].map((quarter) => ({ quarter, amount: { fen: 249_900_000 } })).concat([{ quarter: 4, amount: { fen: 324_860_000 } }]),
      });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { version: number; baseVersion: number; findings: Array<{ rule: string; location: { form?: string; line: number | null } }> };
      assert.equal(body.version, 2);
      assert.equal(body.baseVersion, 1);
      assert.ok(!body.findings.some((f) => f.rule === 'BUD-072' && f.location.form === 'form-2'));
      assert.ok(
        body.findings.some((f) => f.rule === 'BUD-072' && f.location.form === 'form-1'),
        'other forms keep their findings',
      );
      const form = (await (await req(`/api/v1/budgets/${id}/projects/form-2`)).json()) as { form: { disbursement: Array<{ src: { line: number | null } }> } };
      assert.ok(
        form.form.disbursement.every((q) => q.src.line !== null),
        'edited quarters keep the line they were printed on',
      );
    });

    test('a PATCH on a stale baseVersion is refused with 409 and writes nothing', async () => {
      const res = await patch('form-2', { baseVersion: 1, disbursement: [{ quarter: 1, amount: { fen: 1 } }] });
      const p = await problem(res, 409, 'CONFLICT');
      assert.equal(p['instance'], `/api/v1/budgets/${id}/projects/form-2`);
      const versions = (await (await req(`/api/v1/budgets/${id}/versions`)).json()) as Array<{ n: number; baseVersion: number | null }>;
      assert.deepEqual(
        versions.map((v) => [v.n, v.baseVersion]),
        [
          [1, null],
          [2, 1],
        ],
      );
    });

    test('an invalid PATCH is 422 naming the field, malformed JSON is 400', async () => {
      const bad = await problem(await patch('form-2', { baseVersion: 2, disbursement: [{ quarter: 5, amount: { fen: 1 } }] }), 422, 'INPUT_INVALID');
      assert.match(String(bad['detail']), /disbursement\.0\.quarter/);
      const fraction = await problem(await patch('form-2', { baseVersion: 2, disbursement: [{ quarter: 1, amount: { fen: 1.5 } }] }), 422, 'INPUT_INVALID');
      assert.match(String(fraction['field']), /amount\.fen/);
      await problem(await req(`/api/v1/budgets/${id}/projects/form-2`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"baseVersion": 2,' }), 400, 'INPUT_UNREADABLE');
      await problem(await patch('no-such-form', { baseVersion: 2 }), 404, 'NOT_FOUND');
      // A stale base is refused first, whatever form it names: the page it was made on is out of date.
      await problem(await patch('no-such-form', { baseVersion: 1 }), 409, 'CONFLICT');
    });

    test('the difference between versions 1 and 2 is the fourth quarter, in fen', async () => {
      const res = await req(`/api/v1/budgets/${id}/diff?a=1&b=2`);
      assert.equal(res.status, 200);
      const d = (await res.json()) as { amounts: Array<{ form: string | null; beforeFen: number | null; afterFen: number | null; differenceFen: number }> };
      assert.deepEqual(
        d.amounts.map((a) => [a.form, a.beforeFen, a.afterFen, a.differenceFen]),
        [['form-2', 249_900_000, 324_860_000, 74_960_000]],
      );
    });

    test('a version is read back with its document', async () => {
      const res = await req(`/api/v1/budgets/${id}/versions/1`);
      assert.equal(res.status, 200);
      const v = (await res.json()) as { info: { n: number }; document: { unit: { name: string } } };
      assert.equal(v.info.n, 1);
      assert.equal(v.document.unit.name, '深圳市福田区数据管理中心');
      await problem(await req(`/api/v1/budgets/${id}/versions/9`), 404, 'NOT_FOUND');
    });

    test('aggregates by function class sum the latest version', async () => {
      // Aggregates span departments: the 财政审核's (batch-audit).
      assert.equal((await req('/api/v1/aggregates?by=function&year=2021')).status, 403);
      const res = await finance('/api/v1/aggregates?by=function&year=2021');
      assert.equal(res.status, 200);
      const a = (await res.json()) as { rows: Array<{ code: string | null; fen: number }> };
      assert.ok(a.rows.some((r) => r.code === '201' && r.fen > 0));
      await problem(await finance('/api/v1/aggregates?by=colour'), 422, 'INPUT_INVALID');
    });

    test('the JSON export is the canonical document as an attachment', async () => {
      const res = await req(`/api/v1/budgets/${id}/export.json`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-disposition') ?? '', /attachment/);
      const doc = (await res.json()) as { schema: string; projectForms: Array<{ id: string; disbursement: Array<{ amount: { fen: number } }> }> };
      assert.equal(doc.schema, 'fiscus/budget-document@1');
      assert.equal(doc.projectForms.find((f) => f.id === 'form-2')?.disbursement[3]?.amount.fen, 324_860_000);
    });

    test('an upload over 20 MiB is refused with 413', async () => {
      const big = new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x41);
      await problem(await req('/api/v1/budgets', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: big }), 413, 'TOO_LARGE');
    });

    test('a binary upload is 400 and a text of no known layout is 422, both naming line 1', async () => {
      const bin = await problem(
        await req('/api/v1/budgets?name=x.bin', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array([0x41, 0, 0x42]) }),
        400,
        'INPUT_UNREADABLE',
      );
      assert.equal(bin['line'], 1);
      const text = await problem(await req('/api/v1/budgets?name=note.txt', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '会议纪要\n今天讨论了预算。\n' }), 422, 'INPUT_INVALID');
      assert.equal(text['line'], 1);
      assert.match(String(text['detail']), /^note\.txt:1: /);
    });

    test('a truncated sample is not refused: what it prints is imported, the tables it lacks are named', async () => {
      // The first third of the sample: its narrative and its first tables, the others cut off.
      const cut = SAMPLE.subarray(0, Math.floor(SAMPLE.length / 3));
      // The same unit, year and kind as the sample: added as the next version only when confirmed (replace=true).
      const refused = await req('/api/v1/budgets?name=cut.txt', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: cut });
      await problem(refused, 409, 'CONFLICT');
      const res = await req('/api/v1/budgets?name=cut.txt&replace=true', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: cut });
      assert.ok(res.status === 200 || res.status === 201, `status ${res.status}`);
      const body = (await res.json()) as { budgetId: string; version: number };
      const doc = (await (await req(`/api/v1/budgets/${body.budgetId}/export.json`)).json()) as { tables: unknown[]; coverage: { missingTables: string[] } };
      assert.ok(doc.tables.length > 0 && doc.tables.length < 13, String(doc.tables.length));
      assert.ok(doc.coverage.missingTables.length > 0, JSON.stringify(doc.coverage.missingTables));
      cutVersion = body.version;
    });

    test('a multipart upload of the same budget adds the next version to it', async () => {
      const form = new FormData();
      form.set('file', new Blob([SAMPLE], { type: 'text/plain' }), 'again.txt');
      const res = await req('/api/v1/budgets?replace=true', { method: 'POST', body: form });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { budgetId: string; version: number; created: boolean };
      // The truncated upload of the same unit, year and kind was version 3 of the same budget.
      assert.deepEqual([body.budgetId, body.version, body.created], [id, cutVersion + 1, false]);
    });

    test('unknown budgets and operations are 404 problems', async () => {
      await problem(await req('/api/v1/budgets/99999'), 404, 'NOT_FOUND');
      await problem(await req(`/api/v1/budgets/${id}/tables/42`), 404, 'NOT_FOUND');
      await problem(await req(`/api/v1/budgets/${id}/tables/t99`), 404, 'NOT_FOUND');
      await problem(await req('/api/v1/nothing-here'), 404, 'NOT_FOUND');
      // An id no budget can have is not found, before anything else is asked (authorisation comes first).
      await problem(await req('/api/v1/budgets/bad%20id'), 404, 'NOT_FOUND');
    });

    test('/openapi.json is an OpenAPI 3.1 document describing every operation, with resolvable references', async () => {
      const res = await req('/openapi.json');
      assert.equal(res.status, 200);
      const spec = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>>; components: { schemas: Record<string, unknown> } };
      assert.equal(spec.openapi, '3.1.0');
      const ops = Object.entries(spec.paths).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`));
      for (const op of [
        'POST /api/v1/budgets',
        'GET /api/v1/budgets',
        'GET /api/v1/budgets/{id}',
        'GET /api/v1/budgets/{id}/versions',
        'GET /api/v1/budgets/{id}/versions/{v}',
        'GET /api/v1/budgets/{id}/tables',
        'GET /api/v1/budgets/{id}/tables/{table}',
        'GET /api/v1/budgets/{id}/findings',
        'GET /api/v1/budgets/{id}/projects',
        'GET /api/v1/budgets/{id}/projects/{formId}',
        'PATCH /api/v1/budgets/{id}/projects/{formId}',
        'GET /api/v1/budgets/{id}/diff',
        'GET /api/v1/aggregates',
        'GET /api/v1/budgets/{id}/export.json',
        'GET /api/v1/budgets/{id}/export.pdf',
      ]) {
        assert.ok(ops.includes(op), `${op} is described`);
      }
      for (const item of Object.values(spec.paths)) for (const op of Object.values(item)) assert.ok(Object.keys(op.responses).length > 0);
      const refs = [...JSON.stringify(spec).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
      assert.ok(refs.length > 0);
      for (const r of new Set(refs)) assert.ok(spec.components.schemas[r], `#/components/schemas/${r} exists`);
      assert.ok(spec.components.schemas['BudgetDocument']);
      const docs = await req('/docs');
      assert.equal(docs.status, 200);
      // Its script is a static file (no inline script under the Content-Security-Policy).
      assert.match(await docs.text(), /<script src="\/static\/docs\.js" defer><\/script>/);
    });
  });
}

suite({
  name: 'PGlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'fiscus-api-'));
    return { opts: { dataDir: join(dir, 'data') }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
});

const freshDatabase = throwawayDatabases('fiscus_api', 'API suite');
if (freshDatabase) {
  suite({
    name: 'PostgreSQL',
    async open() {
      const db = await freshDatabase();
      return { opts: { databaseUrl: db.databaseUrl }, drop: db.drop };
    },
  });
}
