/**
 * The storage contract: the same cases run against every backend (PGlite in a folder, PostgreSQL),
 * through the Workspace use cases and the storage layer beneath them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectionOf, openWorkspace, type Workspace, type WorkspaceOptions } from '../../src/app/workspace.js';
import { followOf } from '../../src/app/follow.js';
import { importBytes } from '../../src/app/import-document.js';
import { FiscusError } from '../../src/domain/errors.js';
import { runRules } from '../../src/rules/engine.js';
import { ParsePool, setParsePool } from '../../src/app/isolation/pool.js';
import type { BudgetDocument } from '../../src/domain/model.js';
import type { Finding } from '../../src/rules/types.js';
import { openPglite, openPostgres, type Connection } from '../../src/storage/connection.js';
import { LOCK_FILE } from '../../src/storage/lock.js';
import { MIGRATIONS_DIR, migrate } from '../../src/storage/migrate.js';
import { sql } from 'drizzle-orm';
import { countAll } from '../../src/storage/repository.js';
import { selectActuals } from '../../src/storage/follow-repo.js';
import { budget, bytesOf, indicator, paymentsCsv, plain } from './fixture.js';

export const SAMPLE = join(import.meta.dirname, '../../samples/shenzhen-futian-data-center-2021-dept-budget.txt');

/** A parser pool that counts the rule runs asked of it. */
class CountingPool extends ParsePool {
  checks = 0;
  override check(doc: BudgetDocument): Promise<Finding[]> {
    this.checks++;
    return super.check(doc);
  }
}

/** A parser pool whose rule runs wait until `release()`; `asked` settles when the first is asked for. */
class HeldPool extends ParsePool {
  private open!: () => void;
  private readonly gate = new Promise<void>((ok) => (this.open = ok));
  private onAsk!: () => void;
  readonly asked = new Promise<void>((ok) => (this.onAsk = ok));
  release(): void {
    this.open();
  }
  override async check(doc: BudgetDocument): Promise<Finding[]> {
    this.onAsk();
    await this.gate;
    return super.check(doc);
  }
}

/** A fresh, empty store of one backend, and how to dispose of it. */
export interface Store {
  opts: WorkspaceOptions;
  drop: () => Promise<void>;
}

export interface Backend {
  name: string;
  /** True for PGlite folders (the lock cases apply). */
  folder: boolean;
  fresh(): Promise<Store>;
}

function connect(opts: WorkspaceOptions): Promise<Connection> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}

async function counts(opts: WorkspaceOptions): Promise<Record<string, number>> {
  const c = await connect(opts);
  try {
    return await countAll(c.db);
  } finally {
    await c.close();
  }
}

/** Awaits a FiscusError of `code` (its message matching `message`) and returns it. */
export async function rejectsWith(p: Promise<unknown>, code: FiscusError['code'], message?: RegExp): Promise<FiscusError> {
  let err: unknown;
  await p.then(
    () => assert.fail(`expected FiscusError ${code}, got success`),
    (e: unknown) => (err = e),
  );
  assert.ok(err instanceof FiscusError, `expected FiscusError ${code}, got ${String(err)}`);
  assert.equal(err.code, code, err.message);
  if (message) assert.match(err.message, message);
  return err;
}

/** The fixture budget with a second indicator on f1, so a mixed final state would show. */
function budgetWithTwoIndicators() {
  const doc = budget(2021);
  doc.projectForms[0]!.indicators.push(indicator('机柜数量', '8'));
  return doc;
}

/** Runs `fn` on a workspace over a fresh store of `b`, then closes the workspace and drops the store. */
export function workspaceRunner(b: Backend): (fn: (ws: Workspace, store: Store) => Promise<void>) => Promise<void> {
  return async (fn) => {
    const store = await b.fresh();
    const ws = await openWorkspace(store.opts);
    try {
      await fn(ws, store);
    } finally {
      await ws.close();
      await store.drop();
    }
  };
}

/** Registers the contract cases for a backend. */
export function registerContract(b: Backend): void {
  const withWorkspace = workspaceRunner(b);

  test(`${b.name}: an imported document comes back equal, with its findings and one version`, () =>
    withWorkspace(async (ws) => {
      const doc = budget(2021);
      const r = await ws.importDocument(bytesOf(doc), 'budget.json', { author: '张三' });
      assert.deepEqual({ version: r.version, created: r.created }, { version: 1, created: true });
      assert.deepEqual(plain(await ws.getDocument(r.budgetId)), plain(doc));
      assert.deepEqual(plain(await ws.getTables(r.budgetId, 1)), plain(doc.tables));
      assert.deepEqual(plain(await ws.getFindings(r.budgetId)), plain(runRules(doc)));
      const [s, ...more] = await ws.listBudgets();
      assert.equal(more.length, 0);
      assert.equal(await ws.hasBudgets(), true);
      assert.deepEqual({ id: s!.id, unit: s!.unitName, year: s!.year, kind: s!.kind, latest: s!.latestVersion }, { id: r.budgetId, unit: doc.unit.name, year: 2021, kind: '部门预算', latest: 1 });
      assert.ok(!Number.isNaN(Date.parse(s!.updatedAt)));
      const [v] = await ws.listVersions(r.budgetId);
      assert.equal(v!.author, '张三');
    }));

  test(`${b.name}: re-importing the same unit, year and kind adds a version to the same budget`, () =>
    withWorkspace(async (ws) => {
      const a = await ws.importDocument(bytesOf(budget(2021)), 'a.json');
      const second = budget(2021, undefined, 2);
      const c = await ws.importDocument(bytesOf(second), 'b.json');
      assert.deepEqual({ id: c.budgetId, version: c.version, created: c.created }, { id: a.budgetId, version: 2, created: false });
      assert.equal((await ws.listBudgets()).length, 1);
      assert.deepEqual(plain(await ws.getDocument(a.budgetId)), plain(second));
      assert.deepEqual(plain(await ws.getDocument(a.budgetId, 1)), plain(budget(2021)));
    }));

  test(`${b.name}: a version's rows, amounts, project forms and indicators are stored as the document holds them`, () =>
    withWorkspace(async (ws) => {
      const doc = budget(2021);
      const { budgetId } = await ws.importDocument(bytesOf(doc), 'a.json');
      const q = <T>(text: string) => connectionOf(ws).query<T>(text, [Number(budgetId)]);
      const ofVersion = 'version_id = (SELECT id FROM versions WHERE document_id = $1 AND n = 1)';
      const rows = await q<{ table_idx: number; ord: number; row_id: string; label: string; code: string | null }>(
        `SELECT table_idx, ord, row_id, label, code FROM table_rows WHERE ${ofVersion} ORDER BY table_idx, ord`,
      );
      assert.deepEqual(
        rows.map((r) => [r.table_idx, r.ord, r.row_id, r.label, r.code]),
        doc.tables.flatMap((t, ti) => t.rows.map((r, o) => [ti, o, r.id, r.label, r.code ?? null])),
      );
      const amounts = await q<{ table_idx: number; row_id: string; column_key: string; fen: unknown }>(`SELECT table_idx, row_id, column_key, fen FROM amounts WHERE ${ofVersion}`);
      const held = doc.tables.flatMap((t, ti) => t.rows.flatMap((r) => Object.entries(r.amounts).flatMap(([k, m]) => (m ? [`${ti} ${r.id} ${k} ${m.fen}`] : []))));
      assert.ok(held.length > 0);
      assert.deepEqual(amounts.map((a) => `${a.table_idx} ${a.row_id} ${a.column_key} ${Number(a.fen)}`).sort(), held.sort());
      const forms = await q<{ form_id: string; name: string; total: unknown }>(`SELECT form_id, name, total FROM projects WHERE ${ofVersion} ORDER BY form_idx`);
      assert.deepEqual(
        forms.map((f) => [f.form_id, f.name, f.total === null ? null : Number(f.total)]),
        doc.projectForms.map((f) => [f.id, f.name, f.amounts.total?.fen ?? null]),
      );
      const indicators = await q<{ name: string }>(`SELECT name FROM indicators WHERE ${ofVersion} AND owner = 'form' ORDER BY form_idx, idx`);
      assert.deepEqual(
        indicators.map((i) => i.name),
        doc.projectForms.flatMap((f) => f.indicators.map((i) => i.name)),
      );
    }));

  test(`${b.name}: an edit makes a new version with re-run findings and the diff names the changed amounts`, () =>
    withWorkspace(async (ws) => {
      const { budgetId } = await ws.importDocument(bytesOf(budget(2021)), 'a.json');
      const base = await ws.getDocument(budgetId);
      const f = base.projectForms[0]!;
      const lines = f.costLines.map((l, i) => (i === 0 ? { ...l, amount: { fen: 4_600_000 } } : l));
      const disbursement = f.disbursement.map((q) => (q.quarter === 4 ? { quarter: 4, amount: { fen: 1_000_000 } } : q));
      const e = await ws.editProjectForm(budgetId, 1, 'f1', { costLines: lines, disbursement, indicators: [...f.indicators, indicator('机柜数量', '8')] }, '李四');
      assert.equal(e.version, 2);
      const vs = await ws.listVersions(budgetId);
      assert.deepEqual(
        vs.map((v) => [v.n, v.baseVersion, v.author]),
        [
          [1, null, null],
          [2, 1, '李四'],
        ],
      );
      assert.notEqual(vs[0]!.sha256, vs[1]!.sha256);
      // Each version's fields as stored: the time in ISO (UTC, milliseconds) as the budget's own, its counts, its state.
      const summary = await ws.getBudgetSummary(budgetId);
      assert.equal(vs[1]!.createdAt, summary.updatedAt);
      assert.match(vs[0]!.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.deepEqual(vs[1]!.findings, summary.findings);
      assert.deepEqual(
        vs.map((v) => [v.state, v.publishedAt, v.note === null]),
        [
          ['draft', null, false],
          ['draft', null, false],
        ],
      );
      assert.deepEqual(await ws.getBudget(budgetId), { ...summary, versions: vs });
      const edited = await ws.getDocument(budgetId);
      assert.equal(edited.projectForms[0]!.costLines[0]!.amount!.fen, 4_600_000);
      assert.deepEqual(plain(await ws.getFindings(budgetId)), plain(runRules(edited)));
      assert.deepEqual(e.findings, vs[1]!.findings);

      const d = await ws.diffVersions(budgetId, 1, 2);
      const byPath = new Map(d.amounts.map((c) => [c.path, c]));
      const line = byPath.get('projectForms[f1].costLines[运维服务费].amount');
      assert.deepEqual(line && { form: line.form, before: line.beforeFen, after: line.afterFen, diff: line.differenceFen }, { form: 'f1', before: 4_500_000, after: 4_600_000, diff: 100_000 });
      const q4 = byPath.get('projectForms[f1].disbursement[Q4].amount');
      assert.equal(q4?.differenceFen, -500_000);
      assert.equal(d.amounts.length, 2, JSON.stringify(d.amounts));
      assert.deepEqual(
        d.added.map((x) => [x.what, x.label]),
        [['indicator', '机柜数量 ≥8台']],
      );
      assert.deepEqual(d.removed, []);
    }));

  test(`${b.name}: a table diff names the table, row and column`, () =>
    withWorkspace(async (ws) => {
      const { budgetId } = await ws.importDocument(bytesOf(budget(2021)), 'a.json');
      const changed = budget(2021);
      const r = changed.tables[2]!.rows.find((x) => x.code === '2010301')!;
      r.amounts.total = { fen: 1_200_000 };
      changed.tables[2]!.rows.push({ ...r, id: 'f2010399', code: '2010399', label: '其他政府办公厅(室)及相关机构事务支出' });
      await ws.importDocument(bytesOf(changed), 'b.json');
      const d = await ws.diffVersions(budgetId, 1, 2);
      assert.deepEqual(
        d.amounts.map((c) => [c.table, c.row, c.field, c.beforeFen, c.afterFen, c.differenceFen]),
        [[7, 'f2010301', 'total', 1_000_000, 1_200_000, 200_000]],
      );
      assert.deepEqual(
        d.added.map((x) => [x.what, x.table, x.label]),
        [['row', 7, '其他政府办公厅(室)及相关机构事务支出']],
      );
    }));

  test(`${b.name}: an edit based on a stale version is refused with CONFLICT and writes nothing`, () =>
    withWorkspace(async (ws, store) => {
      const { budgetId } = await ws.importDocument(bytesOf(budget(2021)), 'a.json');
      await ws.editProjectForm(budgetId, 1, 'f1', { amounts: { purchasedServices: null } });
      const before = await ws.getBudget(budgetId);
      await rejectsWith(ws.editProjectForm(budgetId, 1, 'f1', { amounts: { purchasedServices: { fen: 1 } } }), 'CONFLICT', /版本 2/);
      assert.deepEqual(await ws.getBudget(budgetId), before);
      await rejectsWith(ws.editProjectForm(budgetId, 2, 'nope', {}), 'NOT_FOUND');
      // Stale is refused first, before the base is read: whatever the edit names, its page is out of date.
      await rejectsWith(ws.editProjectForm(budgetId, 1, 'nope', {}), 'CONFLICT', /版本 2/);
      const change = () => {
        throw new Error('a stale edit must not be applied');
      };
      await rejectsWith(ws.editDocument(budgetId, 1, change, { note: 'x', action: 'budget.edit', detail: {} }), 'CONFLICT', /版本 2/);
      // A base beyond the latest is no version at all.
      await rejectsWith(ws.editProjectForm(budgetId, 9, 'f1', {}), 'NOT_FOUND', /版本 9/);
      await rejectsWith(ws.editDocument(budgetId, 9, change, { note: 'x', action: 'budget.edit', detail: {} }), 'NOT_FOUND', /版本 9/);
      await rejectsWith(ws.getDocument(budgetId, 9), 'NOT_FOUND');
      await rejectsWith(ws.getBudget('999'), 'NOT_FOUND');
      await ws.close();
      const c = await counts(store.opts);
      assert.equal(c.versions, 2);
    }));

  test(`${b.name}: edits of one budget on one base at once store one version; the rest are refused as stale without running the rules`, () =>
    withWorkspace(async (ws, store) => {
      const { budgetId } = await ws.importDocument(bytesOf(budget(2021)), 'a.json');
      const counting = new CountingPool();
      const previous = setParsePool(counting);
      // A second workspace on the same database (another server process): the database still decides between them.
      const other = b.folder ? null : await openWorkspace(store.opts);
      try {
        const edits = [ws, ws, ws, ws, other ?? ws, other ?? ws].map((w, k) => w.editProjectForm(budgetId, 1, 'f1', { amounts: { purchasedServices: { fen: k + 1 } } }));
        const all = await Promise.allSettled(edits);
        const stored = all.filter((r) => r.status === 'fulfilled');
        assert.equal(stored.length, 1, JSON.stringify(all.map((r) => (r.status === 'fulfilled' ? 'stored' : String(r.reason)))));
        for (const r of all) if (r.status === 'rejected') assert.ok(r.reason instanceof FiscusError && r.reason.code === 'CONFLICT', String(r.reason));
        // One run for the stored version, at most one more per other workspace (whose edit raced it).
        assert.ok(counting.checks <= (other ? 2 : 1), `rules run ${counting.checks} times for one stored version`);
        assert.equal((await ws.getBudget(budgetId)).latestVersion, 2);
      } finally {
        setParsePool(previous);
        await counting.close();
        await other?.close();
      }
    }));

  test(`${b.name}: an edit on a stale base is refused at once, while another edit of the budget is still running`, () =>
    withWorkspace(async (ws) => {
      const { budgetId } = await ws.importDocument(bytesOf(budget(2021)), 'a.json');
      await ws.editProjectForm(budgetId, 1, 'f1', { amounts: { purchasedServices: null } });
      const held = new HeldPool();
      const previous = setParsePool(held);
      try {
        const running = ws.editProjectForm(budgetId, 2, 'f1', { amounts: { purchasedServices: { fen: 1 } } });
        await held.asked;
        // Version 1 has been stale since version 2 was stored: nothing the running edit does can change that.
        await rejectsWith(ws.editProjectForm(budgetId, 1, 'f1', { amounts: { purchasedServices: { fen: 2 } } }), 'CONFLICT', /版本 2/);
        held.release();
        assert.equal((await running).version, 3);
      } finally {
        held.release();
        setParsePool(previous);
        await held.close();
      }
    }));

  test(`${b.name}: aggregates by function class at each level equal the table 7 figures, naming the year, kind and documents they add`, () =>
    withWorkspace(async (ws) => {
      const doc = budget(2021);
      await ws.importDocument(bytesOf(doc), 'a.json');
      const t7 = doc.tables.find((t) => t.no === 7)!;
      const line = { year: 2021, kind: '部门预算', documents: 1, organisationId: null };
      for (const [level, len] of [
        [1, 3],
        [2, 5],
        [3, 7],
      ] as const) {
        const expected = t7.rows.filter((r) => r.code?.length === len).map((r) => ({ ...line, code: r.code!, name: r.label, level, fen: r.amounts.total!.fen }));
        expected.sort((x, y) => (x.code < y.code ? -1 : 1));
        assert.deepEqual(await ws.aggregate({ by: 'function', level }), expected);
      }
      assert.deepEqual(
        (await ws.aggregate({ by: 'econ' })).map((r) => [r.code, r.fen]),
        [
          ['301', 3_000_000],
          ['302', 1_000_000],
        ],
      );
      assert.deepEqual(
        (await ws.aggregate({ by: 'econ', level: 2 })).map((r) => [r.code, r.fen]),
        [
          ['30101', 3_000_000],
          ['30201', 1_000_000],
        ],
      );
      await rejectsWith(ws.aggregate({ by: 'econ', level: 3 }), 'INPUT_INVALID', /级次应为 1–2/);
      assert.deepEqual(await ws.aggregate({ by: 'project' }), [{ ...line, code: null, name: '机房运行维护', level: null, fen: 6_000_000 }]);
      assert.deepEqual(await ws.aggregate({ by: 'year' }), [{ ...line, code: null, name: null, level: null, fen: 10_000_000 }]);
      assert.deepEqual(await ws.aggregate({ by: 'unit', withIds: true }), [{ ...line, documentIds: ['1'], code: null, name: '深圳市福田区测试中心', level: null, fen: 10_000_000 }]);
    }));

  test(`${b.name}: budgets and final accounts of two years and two units aggregate by year and kind, never added together`, () =>
    withWorkspace(async (ws) => {
      await ws.importDocument(bytesOf(budget(2020, '单位甲', 1)), 'a.json');
      await ws.importDocument(bytesOf(budget(2021, '单位甲', 2)), 'b.json');
      await ws.importDocument(bytesOf(budget(2021, '单位乙', 5)), 'c.json');
      await ws.importDocument(bytesOf({ ...budget(2021, '单位甲', 3), kind: '部门决算' }), 'd.json');
      const of201 = async (q: Parameters<Workspace['aggregate']>[0]) => (await ws.aggregate(q)).filter((r) => r.code === '201').map((r) => [r.year, r.kind, r.documents, r.fen]);
      assert.deepEqual(await of201({ by: 'function' }), [
        [2020, '部门预算', 1, 7_000_000],
        [2021, '部门决算', 1, 7_000_000 * 3],
        [2021, '部门预算', 2, 7_000_000 * 7],
      ]);
      assert.deepEqual(await of201({ by: 'function', year: 2021, kind: '部门预算' }), [[2021, '部门预算', 2, 7_000_000 * 7]]);
      assert.deepEqual(await of201({ by: 'function', unitName: '单位甲' }), [
        [2020, '部门预算', 1, 7_000_000],
        [2021, '部门决算', 1, 7_000_000 * 3],
        [2021, '部门预算', 1, 7_000_000 * 2],
      ]);
      assert.deepEqual(await of201({ by: 'function', year: 2020, unitName: '单位乙' }), []);
      assert.deepEqual(
        (await ws.aggregate({ by: 'year' })).map((r) => [r.year, r.kind, r.documents, r.fen]),
        [
          [2020, '部门预算', 1, 10_000_000],
          [2021, '部门决算', 1, 30_000_000],
          [2021, '部门预算', 2, 70_000_000],
        ],
      );
      const list = await ws.listBudgets();
      // By year, newest first, then by pinyin: 甲 (jiǎ) before 乙 (yǐ), although U+7532 > U+4E59.
      assert.deepEqual(
        list.map((x) => [x.year, x.unitName, x.kind]),
        [
          [2021, '单位甲', '部门决算'],
          [2021, '单位甲', '部门预算'],
          [2021, '单位乙', '部门预算'],
          [2020, '单位甲', '部门预算'],
        ],
      );
    }));

  test(`${b.name}: aggregates adding up beyond Number.MAX_SAFE_INTEGER fen are refused as INPUT_INVALID, and narrower ones answer`, () =>
    withWorkspace(async (ws) => {
      // Each budget is safe (its 合计 is 9e15 fen); table 7's 201 of both adds up to 1.26e16 fen.
      await ws.importDocument(bytesOf(budget(2021, '单位甲', 9e8)), 'a.json');
      await ws.importDocument(bytesOf(budget(2021, '单位乙', 9e8)), 'b.json');
      await rejectsWith(ws.aggregate({ by: 'function' }), 'INPUT_INVALID', /合计应不超过 9007199254740991 分，实为 12600000000000000/);
      assert.equal((await ws.aggregate({ by: 'function', unitName: '单位甲' })).find((r) => r.code === '201')?.fen, 7 * 9e8 * 1e6);
    }));

  test(`${b.name}: a failed import leaves no rows`, async () => {
    const store = await b.fresh();
    try {
      const ws = await openWorkspace(store.opts);
      try {
        await rejectsWith(ws.importDocument(new Uint8Array([0x7b, 0x22, 0xff, 0x00]), 'bad.json'), 'INPUT_UNREADABLE');
        await rejectsWith(ws.importDocument(new TextEncoder().encode('{"schema":"nope"}'), 'bad.json'), 'INPUT_INVALID');
        // Valid to the model but not to PostgreSQL text (NUL): fails after the unit and document rows
        // are written, so only a rolled-back transaction leaves the store empty.
        const doc = budget(2021);
        doc.tables[2]!.rows[3]!.label = '事业\u0000运行';
        await assert.rejects(ws.importDocument(bytesOf(doc), 'nul.json'));
        assert.deepEqual(await ws.listBudgets(), []);
        assert.equal(await ws.hasBudgets(), false);
      } finally {
        await ws.close();
      }
      const c = await counts(store.opts);
      assert.deepEqual(
        Object.entries(c).filter(([, n]) => n !== 0),
        [],
      );
    } finally {
      await store.drop();
    }
  });

  test(`${b.name}: migrations refuse an edited or unknown history`, async () => {
    const store = await b.fresh();
    const dir = mkdtempSync(join(tmpdir(), 'fiscus-mig-'));
    try {
      cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      const shipped = readdirSync(MIGRATIONS_DIR)
        .filter((f) => /^\d{4}_.+\.sql$/.test(f))
        .sort();
      assert.ok(shipped[0] === '0001_init.sql', 'the first migration is 0001_init.sql');
      const c = await connect(store.opts);
      try {
        assert.deepEqual(await migrate(c, dir), shipped);
        assert.deepEqual(await migrate(c, dir), []);
        const f = join(dir, '0001_init.sql');
        writeFileSync(f, readFileSync(f, 'utf8') + '\n-- edited\n');
        await rejectsWith(migrate(c, dir), 'INTERNAL', /0001_init\.sql 在应用后被修改/);
        unlinkSync(f);
        await rejectsWith(migrate(c, dir), 'INTERNAL', /迁移历史未知/);
        writeFileSync(join(dir, '0001_init.sql'), readFileSync(join(MIGRATIONS_DIR, '0001_init.sql'), 'utf8'));
        const next = `${String(shipped.length + 1).padStart(4, '0')}_more.sql`;
        writeFileSync(join(dir, next), 'CREATE TABLE extra (x integer);');
        assert.deepEqual(await migrate(c, dir), [next]);
      } finally {
        await c.close();
      }
      // The workspace's own migrations are a prefix of the database's history no longer: refused.
      await rejectsWith(openWorkspace(store.opts), 'INTERNAL', /迁移历史未知/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await store.drop();
    }
  });

  test(`${b.name}: the sample disclosure imports and comes back equal`, { timeout: 120_000 }, async (t) => {
    const bytes = readFileSync(SAMPLE);
    const doc = await importBytes(bytes, 'shenzhen-futian-data-center-2021-dept-budget.txt');
    await withWorkspace(async (ws) => {
      const t0 = performance.now();
      const r = await ws.importDocument(bytes, 'shenzhen-futian-data-center-2021-dept-budget.txt');
      t.diagnostic(`${b.name}: sample import (parse + rules + store) ${Math.round(performance.now() - t0)} ms`);
      assert.deepEqual(plain(await ws.getDocument(r.budgetId)), plain(doc));
      const t7 = doc.tables.find((x) => x.role === 'general-budget-function');
      assert.ok(t7 && t7.rows.some((x) => x.code), 'the sample has table 7 with function codes');
      const agg = new Map((await Promise.all([1, 2, 3].map((level) => ws.aggregate({ by: 'function', level })))).flat().map((x) => [x.code, x.fen]));
      for (const row of t7.rows) if (row.code && row.amounts.total) assert.equal(agg.get(row.code), row.amounts.total.fen, `${row.code} ${row.label}`);

      // An edit of a real form's first cost line: a new version whose diff names that amount.
      const form = doc.projectForms.find((f) => f.costLines.some((l) => l.amount));
      assert.ok(form, 'the sample has a project form with cost lines');
      const i = form.costLines.findIndex((l) => l.amount);
      const l = form.costLines[i]!;
      const costLines = form.costLines.map((x, j) => (j === i ? { ...x, amount: { fen: l.amount!.fen + 10_000 } } : x));
      const e = await ws.editProjectForm(r.budgetId, 1, form.id, { costLines });
      assert.equal(e.version, 2);
      const d = await ws.diffVersions(r.budgetId, 1, 2);
      assert.deepEqual(
        d.amounts.map((c) => [c.form, c.field, c.label, c.differenceFen]),
        [[form.id, 'amount', l.label, 10_000]],
      );
    });
  });

  test(`${b.name}: 8 concurrent replacing payments imports leave exactly one copy`, { timeout: 60_000 }, () =>
    withWorkspace(async (ws) => {
      const { budgetId } = await ws.importDocument(bytesOf(budget(2021)), 'a.json');
      const f = followOf(ws);
      const csv = paymentsCsv(179);
      const all = await Promise.allSettled(Array.from({ length: 8 }, () => f.importPayments(budgetId, csv, 'payments.csv', { replace: true })));
      assert.deepEqual(
        all.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok')),
        Array(8).fill('ok'),
      );
      const ps = await f.listPayments(budgetId);
      assert.equal(ps.length, 179, `rows after 8 concurrent replace imports: ${ps.length}`);
      assert.equal(new Set(ps.map((p) => p.voucher)).size, 179);
    }),
  );

  test(`${b.name}: 8 concurrent imports of one payments file store it once; --force stores it again`, { timeout: 60_000 }, () =>
    withWorkspace(async (ws) => {
      const { budgetId } = await ws.importDocument(bytesOf(budget(2021)), 'a.json');
      const f = followOf(ws);
      const csv = paymentsCsv(179);
      const all = await Promise.all(Array.from({ length: 8 }, () => f.importPayments(budgetId, csv, 'payments.csv')));
      assert.equal((await f.listPayments(budgetId)).length, 179);
      assert.deepEqual(all.map((r) => r.alreadyImported).sort(), [false, ...Array<boolean>(7).fill(true)]);
      const again = all.find((r) => r.alreadyImported)!;
      assert.deepEqual({ imported: again.imported, replaced: again.replaced }, { imported: 0, replaced: 0 });
      // Another file is not the same file; the same file again is refused until forced.
      const other = await f.importPayments(budgetId, paymentsCsv(3, 'W'), 'more.csv');
      assert.deepEqual([other.alreadyImported, other.imported], [false, 3]);
      const forced = await f.importPayments(budgetId, csv, 'payments.csv', { force: true });
      assert.deepEqual([forced.alreadyImported, forced.imported], [false, 179]);
      assert.equal((await f.listPayments(budgetId)).length, 179 * 2 + 3);
      // A replacing import of a file already imported replaces (the result does not depend on history).
      const replaced = await f.importPayments(budgetId, csv, 'payments.csv', { replace: true });
      assert.deepEqual([replaced.alreadyImported, replaced.imported, replaced.replaced], [false, 179, 179 * 2 + 3]);
      assert.equal((await f.listPayments(budgetId)).length, 179);
    }),
  );

  test(`${b.name}: payments stored beyond Number.MAX_SAFE_INTEGER fen in total (before imports checked) are refused clearly by the views`, () =>
    withWorkspace(async (ws) => {
      const { budgetId } = await ws.importDocument(bytesOf(budget(2021)), 'a.json');
      const f = followOf(ws);
      await connectionOf(ws).db.execute(
        sql`INSERT INTO payments (document_id, form_id, paid_on, fen) VALUES (${Number(budgetId)}, 'f1', '2021-03-01', ${Number.MAX_SAFE_INTEGER}), (${Number(budgetId)}, 'f1', '2021-03-02', ${Number.MAX_SAFE_INTEGER})`,
      );
      await rejectsWith(f.execution(budgetId), 'INPUT_INVALID', /支付合计应不超过 9007199254740991 分/);
      await rejectsWith(f.listPayments(budgetId), 'INPUT_INVALID', /实为 18014398509481982 分/);
      // Replacing them with a sane file repairs the budget.
      await f.importPayments(budgetId, paymentsCsv(3), 'p.csv', { replace: true });
      assert.equal((await f.execution(budgetId, '2021-12-31')).total.paidFen, 600);
    }));

  test(`${b.name}: 16 concurrent monitoring saves for one owner all succeed and leave one of them whole`, { timeout: 60_000 }, () =>
    withWorkspace(async (ws) => {
      const { budgetId } = await ws.importDocument(bytesOf(budgetWithTwoIndicators()), 'a.json');
      const f = followOf(ws);
      const all = await Promise.allSettled(
        Array.from({ length: 16 }, (_, k) =>
          f.saveMonitoring(
            budgetId,
            'f1',
            [0, 1].map((idx) => ({ idx, actualToDate: String(k), likelihood: '确定能' as const, reason: null, action: `第${k}次` })),
            '2021-08-31',
          ),
        ),
      );
      assert.deepEqual(
        all.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok')),
        Array(16).fill('ok'),
      );
      const m = await f.monitoring(budgetId);
      const rows = m.projects.find((p) => p.execution.formId === 'f1')!.rows;
      assert.equal(rows.length, 2);
      const ks = rows.map((r) => r.entry.actualToDate);
      assert.ok(ks[0] !== null && ks[0] === ks[1], `one save's entries, not a mix: ${JSON.stringify(ks)}`);
      assert.equal(rows[1]!.entry.action, `第${ks[0]}次`);
    }),
  );

  test(`${b.name}: 16 concurrent evaluation saves for one owner all succeed and leave one of them whole`, { timeout: 60_000 }, () =>
    withWorkspace(async (ws) => {
      const { budgetId } = await ws.importDocument(bytesOf(budgetWithTwoIndicators()), 'a.json');
      const f = followOf(ws);
      const all = await Promise.allSettled(
        Array.from({ length: 16 }, (_, k) =>
          f.saveActuals(
            budgetId,
            'f1',
            [0, 1].map((idx) => ({ idx, value: String(k + 1), band: null, reason: `原因${k}`, correction: null })),
          ),
        ),
      );
      assert.deepEqual(
        all.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok')),
        Array(16).fill('ok'),
      );
      const stored = await selectActuals(connectionOf(ws).db, Number(budgetId));
      const vals = stored.map((a) => a.value);
      assert.equal(stored.length, 2);
      assert.ok(vals[0] !== null && vals[0] === vals[1], `one save's actuals, not a mix: ${JSON.stringify(vals)}`);
      assert.equal(stored[1]!.reason, `原因${Number(vals[0]) - 1}`);
    }),
  );

  if (!b.folder) {
    test(`${b.name}: two servers starting at once on an empty database both migrate and open`, async () => {
      const store = await b.fresh();
      try {
        const all = await Promise.allSettled([1, 2, 3].map(() => openWorkspace(store.opts)));
        for (const r of all) if (r.status === 'fulfilled') await r.value.close();
        assert.deepEqual(
          all.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok')),
          ['ok', 'ok', 'ok'],
        );
        const c = await connect(store.opts);
        try {
          const shipped = readdirSync(MIGRATIONS_DIR)
            .filter((f) => /^\d{4}_.+\.sql$/.test(f))
            .sort();
          assert.deepEqual(
            await c.query('SELECT name FROM fiscus_migrations ORDER BY name'),
            shipped.map((name) => ({ name })),
          );
        } finally {
          await c.close();
        }
      } finally {
        await store.drop();
      }
    });
  }

  if (b.folder) {
    test(`${b.name}: a second workspace on the same folder is refused with LOCKED; a dead process's lock is taken over`, async () => {
      const store = await b.fresh();
      try {
        const ws = await openWorkspace(store.opts);
        try {
          const e = await rejectsWith(openWorkspace(store.opts), 'LOCKED', new RegExp(`正被进程 ${process.pid} 使用`));
          assert.ok(e.message.includes(store.opts.dataDir!));
        } finally {
          await ws.close();
        }
        const dead = spawnSync(process.execPath, ['-e', '0']).pid;
        writeFileSync(join(store.opts.dataDir!, LOCK_FILE), String(dead));
        const again = await openWorkspace(store.opts);
        assert.equal(readFileSync(join(store.opts.dataDir!, LOCK_FILE), 'utf8'), String(process.pid));
        await again.close();
      } finally {
        await store.drop();
      }
    });
  }
}
