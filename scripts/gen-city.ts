/**
 * A generated district or city for scale work (issue 14 item 5): N units under ~60 主管部门, each with a
 * budget per year, final accounts (部门决算) for the years before the last, and payments against the
 * budgets' project forms, made by varying real documents and loaded through the workspace's own import path.
 *
 *   node --import tsx scripts/gen-city.ts [--units 2000] [--departments 60] [--years 3] [--first-year 2022]
 *        [--final-share 0.5] [--payments 4] [--templates DIR,…] [--seed 1] [--concurrency 4]
 *        [--database-url postgres://… | --data DIR]        (DATABASE_URL is read when neither is given)
 *
 * Variation: a document is a template (a disclosure of samples/ or ../shared/corpus/txt, read once
 * by the importer and cached in scratch/city/templates) with every amount multiplied by one exact factor
 * m / h, h the greatest common divisor of the template's amounts in fen: every amount stays an exact
 * integer fen and every sum, parent and cross-table identity the template satisfied holds exactly
 * afterwards (a linear map); amounts may carry more places than the template printed. What does not scale is left as the template has it (counts, percentages, narrative text, the
 * printed `raw` of provenance); the rounding tolerance of 尾差 does not scale either, so a template's
 * rounding remainder multiplied by the factor can become a finding. The generator prints the findings of
 * the loaded documents so that this is seen, not hidden.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { openWorkspace, connectionOf, type Workspace, type WorkspaceOptions } from '../src/app/workspace.js';
import { followOf } from '../src/app/follow.js';
import { importBytes } from '../src/app/import-document.js';
import { parsePool } from '../src/app/isolation/pool.js';
import type { BudgetDocument } from '../src/domain/model.js';
import { seeded } from '../test/support/seeded.js';
import { insertOrganisation } from '../src/storage/accounts-repo.js';
import { appendAudit } from '../src/storage/audit-log-repo.js';
import type { Db } from '../src/storage/connection.js';

const ROOT = resolve(import.meta.dirname, '..');

export interface CityOptions {
  units: number;
  departments: number;
  years: number;
  firstYear: number;
  /** Share of units (0–1) with final accounts for each year before the last. */
  finalShare: number;
  /** Payments per project form of a budget (0: none). */
  payments: number;
  templates: string[];
  seed: number;
  concurrency: number;
  cacheDir: string | null;
  /** The city's name, prefixed to every organisation. */
  city: string;
  log: (line: string) => void;
}

export const DEFAULT_TEMPLATES = [join(ROOT, 'samples'), join(ROOT, '../shared/corpus/txt')];

export function defaultCityOptions(): CityOptions {
  return {
    units: 2000,
    departments: 60,
    years: 3,
    firstYear: 2022,
    finalShare: 0.5,
    payments: 4,
    templates: DEFAULT_TEMPLATES,
    seed: 1,
    concurrency: 4,
    cacheDir: join(ROOT, 'scratch/city/templates'),
    city: '示范市',
    log: (l) => console.log(l),
  };
}

export interface CityReport {
  templates: { budgets: number; finalAccounts: number };
  organisations: number;
  budgets: number;
  finalAccounts: number;
  payments: number;
  findings: { error: number; warning: number; info: number };
  /** Budget ids of every stored document. */
  documentIds: string[];
  ms: { templates: number; organisations: number; documents: number; payments: number; total: number };
}

/** A small seeded generator (mulberry32): the same seed gives the same city. */
const rng = seeded;

const gcd = (a: bigint, b: bigint): bigint => {
  while (b) [a, b] = [b, a % b];
  return a;
};

/** Every Money object of a document (an object holding an integer `fen`). */
function moneys(doc: unknown): { fen: number }[] {
  const out: { fen: number }[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.fen === 'number' && Number.isInteger(o.fen)) out.push(o as { fen: number });
      for (const x of Object.values(o)) if (x !== null && typeof x === 'object') walk(x);
    }
  };
  walk(doc);
  return out;
}

/**
 * The exact factor m / h nearest `target` (h the greatest common divisor of the template's amounts): every
 * amount of the template times m / h is an exact integer fen.
 */
export function exactFactor(template: BudgetDocument, target: number): { m: bigint; h: bigint } {
  let g = 0n;
  for (const x of moneys(template)) if (x.fen !== 0) g = gcd(g, BigInt(Math.abs(x.fen)));
  const h = g === 0n ? 1n : g;
  let m = BigInt(Math.round(target * Number(h)));
  if (m < 1n) m = 1n;
  return { m, h };
}

/** A copy of `template` for `unit` and `year` with every amount multiplied by m / h (exact, see exactFactor). */
export function vary(template: BudgetDocument, unit: string, year: number, f: { m: bigint; h: bigint }, file: string): BudgetDocument {
  const doc = structuredClone(template);
  for (const x of moneys(doc)) {
    const scaled = (BigInt(x.fen) * f.m) / f.h;
    if ((BigInt(x.fen) * f.m) % f.h !== 0n) throw new Error(`inexact factor for ${file}`);
    x.fen = Number(scaled);
    if (!Number.isSafeInteger(x.fen)) throw new Error(`amount beyond a safe integer for ${file}`);
  }
  const old = doc.unit.name;
  doc.unit = { ...doc.unit, name: unit };
  doc.year = year;
  if (doc.title) doc.title = { ...doc.title, text: doc.title.text.replaceAll(old, unit).replace(/\d{4}(?=年)/, String(year)) };
  doc.source = { ...doc.source, file, sha256: createHash('sha256').update(`${template.source.sha256}:${unit}:${year}:${f.m}/${f.h}`).digest('hex') };
  return doc;
}

/** 一般公共预算支出 of a document: the function table's 类 rows, rolled up from deeper rows where no 类 row is printed. */
export function functionTotal(doc: BudgetDocument): number {
  const t = doc.tables.find((x) => x.role === 'general-budget-function');
  if (!t) return 0;
  const rows = t.rows.filter((r) => r.codeSystem === 'function' && r.code && r.code.length >= 3 && r.amounts.total);
  const shortest = new Map<string, number>();
  for (const r of rows) shortest.set(r.code!.slice(0, 3), Math.min(shortest.get(r.code!.slice(0, 3)) ?? 99, r.code!.length));
  return rows.filter((r) => r.code!.length === shortest.get(r.code!.slice(0, 3))).reduce((s, r) => s + r.amounts.total!.fen, 0);
}

async function loadTemplates(o: CityOptions): Promise<{ budgets: BudgetDocument[]; finals: BudgetDocument[] }> {
  const files = o.templates.flatMap((d) =>
    existsSync(d)
      ? readdirSync(d)
          .filter((f) => f.endsWith('.txt'))
          .sort()
          .map((f) => join(d, f))
      : [],
  );
  if (o.cacheDir) mkdirSync(o.cacheDir, { recursive: true });
  const budgets: BudgetDocument[] = [];
  const finals: BudgetDocument[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const cached = o.cacheDir ? join(o.cacheDir, `${sha.slice(0, 24)}.json`) : null;
    let doc: BudgetDocument;
    if (cached && existsSync(cached)) doc = JSON.parse(readFileSync(cached, 'utf8')) as BudgetDocument;
    else {
      doc = await importBytes(bytes, file.split('/').pop()!);
      if (cached) writeFileSync(cached, JSON.stringify(doc));
    }
    // A template must add something to the aggregates: a function table with amounts.
    if (functionTotal(doc) <= 0) continue;
    (doc.kind.endsWith('决算') ? finals : budgets).push(doc);
  }
  if (budgets.length === 0) throw new Error(`no budget template with a function table in ${o.templates.join(', ')}`);
  return { budgets, finals };
}

const DEPARTMENTS = [
  '教育局',
  '卫生健康委员会',
  '公安局',
  '民政局',
  '财政局机关',
  '人力资源和社会保障局',
  '自然资源局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '水务局',
  '农业农村局',
  '商务局',
  '文化广电旅游体育局',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '城市管理和综合执法局',
  '司法局',
  '发展和改革委员会',
  '工业和信息化局',
  '科技创新局',
  '退役军人事务局',
  '信访局',
  '政务服务数据管理局',
  '机关事务管理局',
  '档案馆',
  '地方志办公室',
  '气象局',
  '规划和自然资源研究中心',
  '人民政府办公室',
  '妇女联合会',
  '共青团委员会',
  '残疾人联合会',
  '总工会',
  '科学技术协会',
  '文学艺术界联合会',
  '红十字会',
  '侨务办公室',
  '民族宗教事务局',
  '国有资产监督管理委员会',
  '金融工作局',
  '投资促进局',
  '口岸办公室',
  '人民法院',
  '人民检察院',
  '党校',
  '融媒体中心',
  '图书馆',
  '博物馆',
  '疾病预防控制中心',
  '妇幼保健院',
  '人民医院',
  '中医院',
  '职业技术学院',
  '建筑工务署',
  '土地整备局',
  '街道办事处',
];
const UNIT_KINDS = ['服务中心', '事务中心', '信息中心', '综合执法大队', '研究所', '发展中心', '管理所', '保障中心', '监测站', '学校', '培训中心', '档案室', '评审中心', '检测所', '指导中心'];

/** Creates the organisation tree (财政局 → 主管部门 → 所属单位) in one transaction, each with its audit entry; returns unit → department. */
async function organisations(ws: Workspace, o: CityOptions): Promise<{ units: { name: string; dept: string }[]; count: number }> {
  const db = connectionOf(ws).db;
  const depts = Array.from({ length: o.departments }, (_, i) => `${o.city}${DEPARTMENTS[i % DEPARTMENTS.length]}${i >= DEPARTMENTS.length ? `（${Math.floor(i / DEPARTMENTS.length) + 1}）` : ''}`);
  const units: { name: string; dept: string }[] = [];
  // Each department's own budget first (本级, the organisation itself), then its units.
  for (let i = 0; i < o.units; i++) {
    const d = depts[i % depts.length]!;
    const k = Math.floor(i / depts.length);
    units.push({ name: k === 0 ? d : `${d}${UNIT_KINDS[(k - 1) % UNIT_KINDS.length]}${k > UNIT_KINDS.length ? `第${Math.ceil(k / UNIT_KINDS.length)}分部` : ''}`, dept: d });
  }
  let count = 0;
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const existing = new Map(
      ((await t.execute(sql`SELECT id, name, kind FROM organisations`)) as { rows: { id: unknown; name: string; kind: string }[] }).rows.map((r) => [r.name, { id: Number(r.id), kind: r.kind }]),
    );
    const add = async (name: string, kind: 'finance-bureau' | 'department' | 'unit', parentId: number | null): Promise<number> => {
      const have = existing.get(name);
      if (have) return have.id;
      const r = await insertOrganisation(t, { name, kind, parentId });
      await appendAudit(t, { actor: 'system', action: 'org.add', target: `org:${r.id}`, detail: { name, kind, parent: parentId, by: 'gen-city' } });
      existing.set(name, { id: r.id, kind });
      count++;
      return r.id;
    };
    const rootRow = [...existing.entries()].find(([, v]) => v.kind === 'finance-bureau');
    const root = rootRow ? rootRow[1].id : await add(`${o.city}财政局`, 'finance-bureau', null);
    const deptIds = new Map<string, number>();
    for (const d of depts) deptIds.set(d, await add(d, 'department', root));
    for (const u of units) if (u.name !== u.dept) await add(u.name, 'unit', deptIds.get(u.dept)!);
  });
  return { units, count };
}

/** Runs `fn` over `items` with at most `n` at a time. */
async function inParallel<T>(items: T[], n: number, fn: (x: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(n, items.length)) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

/** Payments of one budget: `per` per project form, adding up to 30–90 % of the form's budget (whole 元). */
function paymentsCsv(doc: BudgetDocument, per: number, r: () => number): Uint8Array | null {
  const lines: string[] = [];
  for (const f of doc.projectForms) {
    const budget = f.amounts.currentYear?.fen ?? f.amounts.total?.fen ?? null;
    if (budget === null || budget < 100 * per) continue;
    const share = 0.3 + 0.6 * r();
    let left = Math.floor((budget * share) / 100); // 元
    for (let k = 0; k < per && left > 0; k++) {
      const yuan = k === per - 1 ? left : Math.max(1, Math.floor(left * (0.2 + 0.5 * r())));
      left -= yuan;
      const month = 1 + Math.floor((12 * (k + r())) / per);
      lines.push(`${f.id},${doc.year}-${String(Math.min(12, month)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')},${yuan}.00,GC${doc.year}${k}`);
    }
  }
  return lines.length ? new TextEncoder().encode(['项目,日期,金额(元),凭证号', ...lines].join('\n') + '\n') : null;
}

/** Generates the city into an open workspace. */
export async function generateCity(ws: Workspace, opts: Partial<CityOptions> = {}): Promise<CityReport> {
  const o = { ...defaultCityOptions(), ...opts };
  const t0 = performance.now();
  const r = rng(o.seed);
  const tpl = await loadTemplates(o);
  const t1 = performance.now();
  o.log(`gen-city: ${tpl.budgets.length} budget templates, ${tpl.finals.length} final-account templates (${Math.round(t1 - t0)} ms)`);
  const org = await organisations(ws, o);
  const t2 = performance.now();
  o.log(`gen-city: ${org.count} organisations added (${o.departments} 主管部门, ${o.units} units) (${Math.round(t2 - t1)} ms)`);

  interface Job {
    doc: () => BudgetDocument;
    payments: boolean;
  }
  const jobs: Job[] = [];
  for (const [i, u] of org.units.entries()) {
    const template = tpl.budgets[Math.floor(r() * tpl.budgets.length)]!;
    // Unit sizes spread over about two orders of magnitude around the template's; years grow 0–8 %.
    let size = Math.exp((r() - 0.5) * 3);
    for (let y = 0; y < o.years; y++) {
      const year = o.firstYear + y;
      const target = size;
      const file = `city-${i}-${year}-budget.json`;
      jobs.push({ doc: () => vary(template, u.name, year, exactFactor(template, target), file), payments: o.payments > 0 });
      const fin = tpl.finals.length > 0 && y < o.years - 1 && r() < o.finalShare ? tpl.finals[Math.floor(r() * tpl.finals.length)]! : null;
      if (fin) {
        // Final accounts of about the budget's size (92–102 % of its 一般公共预算支出).
        const bt = functionTotal(template) * target;
        const ft = (bt / functionTotal(fin)) * (0.92 + 0.1 * r());
        jobs.push({ doc: () => vary(fin, u.name, year, exactFactor(fin, ft), `city-${i}-${year}-final.json`), payments: false });
      }
      size *= 1 + 0.08 * r();
    }
  }
  // Interleaved so that a small --units still mixes templates, years and kinds from the start.
  const findings = { error: 0, warning: 0, info: 0 };
  const ids: string[] = [];
  let budgets = 0;
  let finals = 0;
  let done = 0;
  let paymentsStored = 0;
  const payJobs: { id: string; doc: BudgetDocument }[] = [];
  let lastLog = performance.now();
  const pool = parsePool();
  await inParallel(jobs, o.concurrency, async (j) => {
    const doc = j.doc();
    const bytes = new TextEncoder().encode(JSON.stringify(doc));
    // The workspace's import path: read and checked by the rules in a parser thread, stored in one transaction.
    const checked = await pool.importChecked(bytes, doc.source.file, {});
    const s = await ws.importChecked(checked, doc.source.file, { author: 'gen-city', actor: 'system', note: '示范数据（gen-city）' });
    ids.push(s.budgetId);
    for (const k of ['error', 'warning', 'info'] as const) findings[k] += s.findings[k];
    if (doc.kind.endsWith('决算')) finals++;
    else budgets++;
    if (j.payments && doc.projectForms.length > 0) payJobs.push({ id: s.budgetId, doc });
    done++;
    if (performance.now() - lastLog > 5000) {
      lastLog = performance.now();
      o.log(`gen-city: ${done}/${jobs.length} documents (${((done * 1000) / (lastLog - t2)).toFixed(1)}/s)`);
    }
  });
  const t3 = performance.now();
  o.log(
    `gen-city: ${budgets} budgets and ${finals} final accounts stored in ${((t3 - t2) / 1000).toFixed(1)} s (${((done * 1000) / (t3 - t2)).toFixed(1)} documents/s); findings ${findings.error} errors, ${findings.warning} warnings, ${findings.info} info`,
  );
  const follow = followOf(ws);
  await inParallel(payJobs, o.concurrency, async (p) => {
    const csv = paymentsCsv(p.doc, o.payments, r);
    if (!csv) return;
    const res = await follow.importPayments(p.id, csv, `city-payments-${p.id}.csv`, { actor: 'system' });
    paymentsStored += res.imported;
  });
  const t4 = performance.now();
  o.log(`gen-city: ${paymentsStored} payments for ${payJobs.length} budgets with project forms (${((t4 - t3) / 1000).toFixed(1)} s)`);
  o.log(`gen-city: done in ${((t4 - t0) / 1000).toFixed(1)} s`);
  return {
    templates: { budgets: tpl.budgets.length, finalAccounts: tpl.finals.length },
    organisations: org.count,
    budgets,
    finalAccounts: finals,
    payments: paymentsStored,
    findings,
    documentIds: ids.sort((a, b) => Number(a) - Number(b)),
    ms: { templates: t1 - t0, organisations: t2 - t1, documents: t3 - t2, payments: t4 - t3, total: t4 - t0 },
  };
}

function parseArgs(argv: string[]): { city: Partial<CityOptions>; ws: WorkspaceOptions } {
  const city: Partial<CityOptions> = {};
  const ws: WorkspaceOptions = {};
  const int = (name: string, v: string | undefined, min: number): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name}：应为不小于 ${min} 的整数，实为 ${JSON.stringify(v)}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = argv[i + 1];
    switch (a) {
      case '--units':
        city.units = int('units', v, 1);
        i++;
        break;
      case '--departments':
        city.departments = int('departments', v, 1);
        i++;
        break;
      case '--years':
        city.years = int('years', v, 1);
        i++;
        break;
      case '--first-year':
        city.firstYear = int('first-year', v, 1990);
        i++;
        break;
      case '--final-share':
        city.finalShare = Number(v);
        i++;
        break;
      case '--payments':
        city.payments = int('payments', v, 0);
        i++;
        break;
      case '--templates':
        city.templates = (v ?? '').split(',').map((x) => resolve(x));
        i++;
        break;
      case '--seed':
        city.seed = int('seed', v, 0);
        i++;
        break;
      case '--concurrency':
        city.concurrency = int('concurrency', v, 1);
        i++;
        break;
      case '--city':
        city.city = v ?? '示范市';
        i++;
        break;
      case '--database-url':
        ws.databaseUrl = v;
        i++;
        break;
      case '--data':
        ws.dataDir = resolve(v ?? 'data');
        i++;
        break;
      default:
        throw new Error(`未知参数 ${a}（用法见 scripts/gen-city.ts 开头）`);
    }
  }
  if (!ws.databaseUrl && !ws.dataDir && process.env['DATABASE_URL']) ws.databaseUrl = process.env['DATABASE_URL'];
  if (!ws.databaseUrl && !ws.dataDir) throw new Error('请给出 --database-url、--data 或 DATABASE_URL（生成的城市要装入一个工作区）');
  return { city, ws };
}

async function main(): Promise<void> {
  const { city, ws: wo } = parseArgs(process.argv.slice(2));
  const ws = await openWorkspace(wo);
  try {
    const rep = await generateCity(ws, city);
    console.log(JSON.stringify({ ...rep, documentIds: rep.documentIds.length }));
  } finally {
    await ws.close();
    await parsePool().close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(`gen-city: ${(e as Error)?.message ?? String(e)}`);
      process.exit(1);
    },
  );
}
