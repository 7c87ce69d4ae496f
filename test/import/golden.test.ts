/**
 * Golden tests: the three shared samples' canonical JSON and the findings `fiscus validate` gives
 * (summary; every error and warning with rule, line and message) must not change unnoticed. These
 * tests only compare with the committed files in test/golden/; they never write them. Regenerate
 * deliberately with `npm run golden:update` (scripts/update-goldens.ts) and review the diff.
 * The spot checks below tie the golden models to the printed text, checked by hand.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { cell, factByKey, rowByCode, tableByNo } from '../../src/domain/query.js';
import { parseAmount } from '../../src/domain/money.js';
import type { BudgetDocument, Table } from '../../src/domain/model.js';
import { canonicalJson, importSample, pinnedFindingsOf, pinnedJson, samplePath, SAMPLES, sharedSamplePath, type GoldenSample } from '../golden/samples.js';

const w = (s: string) => parseAmount(s);
const UPDATE = 'regenerate deliberately with `npm run golden:update` and review `git diff test/golden/`';

/** The committed text of a golden file, or a failure naming the command that writes it. */
function committed(path: string, what: string): string {
  if (!existsSync(path)) assert.fail(`${what}: the golden file ${path} is missing; ${UPDATE}`);
  return readFileSync(path, 'utf8');
}

/** Fails naming the first differing line of two texts, with a few lines around it. */
function assertSameText(actual: string, expected: string, what: string): void {
  if (actual === expected) return;
  const a = actual.split('\n');
  const e = expected.split('\n');
  let i = 0;
  while (i < a.length && i < e.length && a[i] === e[i]) i++;
  const around = (ls: string[]) =>
    ls
      .slice(Math.max(0, i - 3), i + 4)
      .map((l, k) => `${String(Math.max(0, i - 3) + k + 1).padStart(6)} ${l}`)
      .join('\n');
  assert.fail(`${what} changed at line ${i + 1} (${a.length} lines now, ${e.length} committed); ${UPDATE}\n--- committed\n${around(e)}\n+++ now\n${around(a)}`);
}

const docs = new Map<string, Promise<BudgetDocument>>();
const imported = (s: GoldenSample) => {
  if (!docs.has(s.name)) docs.set(s.name, importSample(s));
  return docs.get(s.name)!;
};

for (const s of SAMPLES) {
  test(`${s.name}: the import equals the committed golden canonical JSON`, async () => {
    assertSameText(canonicalJson(await imported(s)), committed(s.golden, `${s.name} canonical JSON`), `${s.name} canonical JSON`);
  });

  test(`${s.name}: validate gives exactly the pinned errors and warnings`, async () => {
    const now = pinnedFindingsOf(await imported(s));
    const pinned = JSON.parse(committed(s.findings, `${s.name} findings`)) as typeof now;
    assert.deepEqual(now.summary, pinned.summary, `${s.name}: summary changed; ${UPDATE}`);
    assertSameText(pinnedJson(now), pinnedJson(pinned), `${s.name} findings`);
  });

  test(`${s.name}: the repository's copy of the sample is the shared sample`, { skip: !existsSync(sharedSamplePath(s)) && 'no ../shared/samples here' }, () => {
    assert.ok(readFileSync(samplePath(s)).equals(readFileSync(sharedSamplePath(s))), `samples/${s.file} differs from ../shared/samples/${s.file}`);
  });
}

const golden = (name: string) => JSON.parse(readFileSync(SAMPLES.find((s) => s.name === name)!.golden, 'utf8')) as BudgetDocument;

test('shenzhen-futian-2021: spot checks of the golden model against the printed text', () => {
  const doc = golden('shenzhen-futian-2021');
  assert.equal(doc.unit.name, '深圳市福田区数据管理中心');
  assert.equal(doc.year, 2021);
  assert.equal(doc.kind, '部门预算');
  // 表1 line 277: 收入总计 4,424.60 支出总计 4,424.60
  const t1 = tableByNo(doc, 1)!;
  const rt = t1.rows.find((r) => r.side === 'revenue' && r.kind === 'total')!;
  assert.equal(cell(rt, 'amount'), w('4,424.60'));
  assert.equal(rt.src.line, 277);
  // 表7 2010399: 4,263.65 / 619.11 / 3,644.54
  const r7 = rowByCode(tableByNo(doc, 7)!, '2010399')!;
  assert.deepEqual([cell(r7, 'total'), cell(r7, 'basic'), cell(r7, 'project')], [w('4,263.65'), w('619.11'), w('3,644.54')]);
  // 表4 30108 机关事业单位基本养老保险缴费 50.40
  assert.equal(cell(rowByCode(tableByNo(doc, 4)!, '30108'), 'total'), w('50.40'));
  // 表11 C99 其他服务 1,990.90
  assert.equal(cell(rowByCode(tableByNo(doc, 11)!, 'C99'), 'amount'), w('1,990.90'));
  // 表12: both year rows printed empty
  const t12 = tableByNo(doc, 12)!;
  assert.equal(t12.rows.length, 2);
  for (const r of t12.rows) assert.ok(Object.values(r.amounts).every((v) => v === null));
  // Narrative line 62: 收入 4,424.60 万元, 增加 0.54 万元, 增长 0.01%
  assert.equal(factByKey(doc, 'revenue.total')!.money!.fen, w('4,424.60'));
  assert.equal(factByKey(doc, 'revenue.change.amount')!.money!.fen, w('0.54'));
  assert.equal(factByKey(doc, 'revenue.change.percent')!.percent, '0.01');
  // Form 2 应用系统运行维护: 1,074.56 planned as 4 × 249.9
  const f2 = doc.projectForms.find((f) => f.name === '应用系统运行维护');
  assert.ok(f2);
  assert.equal(f2.amounts.total?.fen, w('1,074.56'));
  assert.deepEqual(
    f2.disbursement.map((q) => q.amount?.fen),
    [w('249.9'), w('249.9'), w('249.9'), w('249.9')],
  );
  // 表14 合计 4,424.60 and 用户满意度 ≥90%
  assert.equal(doc.departmentTargets?.total?.total?.fen, w('4,424.60'));
  const sat = doc.departmentTargets?.indicators.find((i) => i.name === '用户满意度');
  assert.ok(sat);
  assert.deepEqual([sat.comparator, sat.value, sat.unit], ['≥', '90', '%']);
  assert.equal(doc.projectForms.length, 10);
  assert.equal(doc.tables.length, 13);
});

const byRole = (doc: BudgetDocument, role: Table['role']) => doc.tables.find((t) => t.role === role)!;
const yuan = (s: string) => parseAmount(s, '元');

test('shanghai-putuo-wanli-2024-budget: spot checks of the golden model against the printed text', () => {
  const doc = golden('shanghai-putuo-wanli-2024-budget');
  assert.deepEqual([doc.unit.name, doc.year, doc.kind, doc.tables.length], ['上海市普陀区人民政府万里街道办事处', 2024, '部门预算', 9]);
  assert.deepEqual(
    doc.tables.map((t: Table) => t.id),
    ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9'],
  );
  // 收入预算总表 (单位：元) line 373: 221 02 01 住房公积金 3,503,499 3,503,499 0 0 0
  const rev = byRole(doc, 'revenue-summary');
  assert.equal(rev.displayUnit, '元');
  const r = rowByCode(rev, '2210201')!;
  assert.equal(r.src.line, 373);
  assert.deepEqual([cell(r, 'total'), cell(r, 'govApprop'), cell(r, 'business'), cell(r, 'operating'), cell(r, 'otherIncome')], [yuan('3,503,499'), yuan('3,503,499'), 0, 0, 0]);
  // 三公 table line 855: 47.91 0 1.35 46.56 25 21.56 443.18 under 合计 因公出国(境)费 公务接待费 小计 购置费 运行费 机关运行经费
  const tp = byRole(doc, 'three-public').rows[0]!;
  assert.deepEqual(
    ['total', 'overseas', 'reception', 'vehicles', 'vehiclePurchase', 'vehicleRunning', 'operatingFunds'].map((k) => cell(tp, k)),
    [w('47.91'), 0, w('1.35'), w('46.56'), w('25'), w('21.56'), w('443.18')],
  );
});

test('shanghai-putuo-finance-bureau-2024-final: spot checks of the golden model against the printed text', () => {
  const doc = golden('shanghai-putuo-finance-bureau-2024-final');
  assert.deepEqual([doc.unit.name, doc.year, doc.kind, doc.tables.length], ['上海市普陀区财政局', 2024, '部门决算', 9]);
  // 收入支出决算总表 line 156: 八、其他收入 6.20 | 八、社会保障和就业支出 326.71; line 175: 本年收入合计 2,946.25 本年支出合计 2,940.05; line 180: 总计 2,995.39 总计 2,995.39
  const t1 = byRole(doc, 'income-expenditure-summary');
  const at = (line: number, side: 'revenue' | 'expenditure') => t1.rows.find((x) => x.src.line === line && x.side === side)!;
  assert.deepEqual([cell(at(156, 'revenue'), 'amount'), cell(at(156, 'expenditure'), 'amount')], [w('6.20'), w('326.71')]);
  assert.deepEqual([cell(at(175, 'revenue'), 'amount'), cell(at(175, 'expenditure'), 'amount')], [w('2,946.25'), w('2,940.05')]);
  assert.deepEqual([at(180, 'revenue').kind, cell(at(180, 'revenue'), 'amount'), cell(at(180, 'expenditure'), 'amount')], ['total', w('2,995.39'), w('2,995.39')]);
  // 收入决算表 line 199: 201 06 01 行政运行 1,511.90 1,511.89 … 0.01 (其他收入)
  const r = rowByCode(byRole(doc, 'revenue-summary'), '2010601')!;
  assert.equal(r.src.line, 199);
  assert.deepEqual([cell(r, 'total'), cell(r, 'govApprop'), cell(r, 'otherIncome')], [w('1,511.90'), w('1,511.89'), w('0.01')]);
  // 基本支出决算表 301 01 基本工资 262.33
  assert.equal(cell(rowByCode(byRole(doc, 'basic-expenditure-economic'), '30101'), 'total'), w('262.33'));
});
