/**
 * City aggregates on PGlite and PostgreSQL: a small generated city (scripts/gen-city.ts) of budgets and
 * final accounts over two years; every aggregate equals the sums computed here from the stored documents,
 * one row per year and kind, never adding two years or two kinds together.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace, type AggregateQuery, type AggregateRow, type Workspace, type WorkspaceOptions } from '../../src/app/workspace.js';
import { accountsOf } from '../../src/app/accounts.js';
import { parsePool } from '../../src/app/isolation/pool.js';
import type { BudgetDocument } from '../../src/domain/model.js';
import { generateCity } from '../../scripts/gen-city.js';
import { throwawayDatabases } from '../support/postgres.js';

const LOCAL_SAMPLES = join(import.meta.dirname, '../../samples');

interface Expected {
  fen: number;
  docs: Set<string>;
  names: Set<string>;
}

/** The rows a level adds of one document, computed from its JSON: the first table of the role, the shortest code under each prefix. */
function classRows(doc: BudgetDocument, role: string, system: string, len: number): { prefix: string; fen: number; label: string | null }[] {
  const t = doc.tables.find((x) => x.role === role);
  if (!t) return [];
  const rows = t.rows.filter((r) => r.codeSystem === system && r.code && r.code.length >= len && r.amounts.total);
  const shortest = new Map<string, number>();
  for (const r of rows) shortest.set(r.code!.slice(0, len), Math.min(shortest.get(r.code!.slice(0, len)) ?? 99, r.code!.length));
  return rows
    .filter((r) => r.code!.length === shortest.get(r.code!.slice(0, len)))
    .map((r) => ({ prefix: r.code!.slice(0, len), fen: r.amounts.total!.fen, label: r.code!.length === len ? r.label : null }));
}

function add(m: Map<string, Expected>, key: string, id: string, fen: number): void {
  const e = m.get(key) ?? { fen: 0, docs: new Set<string>(), names: new Set<string>() };
  e.fen += fen;
  e.docs.add(id);
  m.set(key, e);
}

/** Compares the aggregate's rows with the expected sums; every row's documents are of its year and kind. */
function same(label: string, rows: AggregateRow[], expected: Map<string, Expected>, keyOf: (r: AggregateRow) => string, docs: Map<string, BudgetDocument>): void {
  const got = new Map(rows.map((r) => [keyOf(r), r]));
  assert.equal(got.size, rows.length, `${label}: one row per year × kind × group`);
  assert.deepEqual([...got.keys()].sort(), [...expected.keys()].sort(), `${label}: the same groups`);
  for (const [k, e] of expected) {
    const r = got.get(k)!;
    assert.equal(r.fen, e.fen, `${label} ${k}: fen`);
    assert.equal(r.documents, e.docs.size, `${label} ${k}: documents`);
    assert.deepEqual([...(r.documentIds ?? [])].sort(), [...e.docs].sort(), `${label} ${k}: document ids`);
    for (const id of r.documentIds ?? []) {
      const d = docs.get(id)!;
      assert.deepEqual([d.year, d.kind], [r.year, r.kind], `${label} ${k}: document ${id} is of the row's year and kind`);
    }
  }
}

async function checkCity(ws: Workspace): Promise<void> {
  const rep = await generateCity(ws, {
    units: 6,
    departments: 2,
    years: 2,
    firstYear: 2023,
    finalShare: 1,
    payments: 1,
    templates: [LOCAL_SAMPLES],
    cacheDir: null,
    concurrency: 3,
    seed: 7,
    log: () => {},
  });
  assert.ok(rep.budgets >= 12 && rep.finalAccounts >= 1, `a city of budgets and final accounts: ${JSON.stringify(rep)}`);
  const docs = new Map<string, BudgetDocument>();
  for (const id of rep.documentIds) docs.set(id, await ws.getDocument(id));
  const pairs = new Set([...docs.values()].map((d) => `${d.year}/${d.kind}`));
  assert.ok(new Set([...docs.values()].map((d) => d.year)).size === 2 && new Set([...docs.values()].map((d) => d.kind)).size >= 2, `mixed years and kinds: ${[...pairs].join(', ')}`);

  const q = async (x: AggregateQuery) => ws.aggregate({ ...x, withIds: true });
  // By class, at every level.
  for (const [by, role, lengths] of [
    ['function', 'general-budget-function', [3, 5, 7]],
    ['econ', 'basic-expenditure-economic', [3, 5]],
  ] as const) {
    for (const [i, len] of lengths.entries()) {
      const m = new Map<string, Expected>();
      for (const [id, d] of docs) for (const r of classRows(d, role, by, len)) add(m, `${d.year}/${d.kind}/${r.prefix}`, id, r.fen);
      same(`${by} level ${i + 1}`, await q({ by, level: i + 1 }), m, (r) => `${r.year}/${r.kind}/${r.code}`, docs);
    }
  }
  // By 主管部门 (through the tree), unit and year: the function table's 类 rows.
  const orgs = await accountsOf(ws).organisations();
  const byName = new Map(orgs.map((o) => [o.name, o]));
  const dept = (unit: string) => {
    const o = byName.get(unit);
    return o ? (o.kind === 'unit' ? o.parentId : o.id) : null;
  };
  const byDept = new Map<string, Expected>();
  const byUnit = new Map<string, Expected>();
  const byYear = new Map<string, Expected>();
  for (const [id, d] of docs) {
    const total = classRows(d, 'general-budget-function', 'function', 3).reduce((s, r) => s + r.fen, 0);
    if (total === 0 && !d.tables.some((t) => t.role === 'general-budget-function')) continue;
    add(byDept, `${d.year}/${d.kind}/${dept(d.unit.name)}`, id, total);
    add(byUnit, `${d.year}/${d.kind}/${d.unit.name}`, id, total);
    add(byYear, `${d.year}/${d.kind}`, id, total);
  }
  same('department', await q({ by: 'department' }), byDept, (r) => `${r.year}/${r.kind}/${r.organisationId}`, docs);
  same('unit', await q({ by: 'unit' }), byUnit, (r) => `${r.year}/${r.kind}/${r.name}`, docs);
  same('year', await q({ by: 'year' }), byYear, (r) => `${r.year}/${r.kind}`, docs);
  // Department totals add up to the year's; a filter by one department gives its row alone.
  const years = await q({ by: 'year' });
  const depts = await q({ by: 'department' });
  for (const y of years)
    assert.equal(
      depts.filter((r) => r.year === y.year && r.kind === y.kind).reduce((s, r) => s + r.fen, 0),
      y.fen,
      `${y.year} ${y.kind}: departments add up to the year`,
    );
  const one = depts.find((r) => r.organisationId !== null)!;
  assert.deepEqual(
    (await q({ by: 'department', departmentId: one.organisationId!, year: one.year, kind: one.kind })).map((r) => [r.organisationId, r.fen]),
    [[one.organisationId, one.fen]],
  );
  // By project.
  const byProject = new Map<string, Expected>();
  for (const [id, d] of docs) {
    const t = d.tables.find((x) => x.role === 'project-expenditure');
    for (const r of t?.rows ?? []) if (r.kind === 'item' && r.amounts.total) add(byProject, `${d.year}/${d.kind}/${r.label}`, id, r.amounts.total.fen);
  }
  same('project', await q({ by: 'project' }), byProject, (r) => `${r.year}/${r.kind}/${r.name}`, docs);
}

test('PGlite: a generated city aggregates by class, department, unit, year and project as its documents add up, never across years or kinds', { timeout: 600_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fiscus-city-'));
  const ws = await openWorkspace({ dataDir: join(dir, 'data') });
  try {
    await checkCity(ws);
  } finally {
    await ws.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

const fresh = throwawayDatabases('fiscus_city', 'city aggregates suite');
if (fresh) {
  test('PostgreSQL: a generated city aggregates by class, department, unit, year and project as its documents add up, never across years or kinds', { timeout: 600_000 }, async () => {
    const db = await fresh();
    const opts: WorkspaceOptions = { databaseUrl: db.databaseUrl };
    const ws = await openWorkspace(opts);
    try {
      await checkCity(ws);
    } finally {
      await ws.close();
      await db.drop();
    }
  });
}

test.after(async () => {
  await parsePool().close();
});
