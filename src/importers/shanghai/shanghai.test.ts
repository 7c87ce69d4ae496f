import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readSourceText } from '../text/source.js';
import { detectShanghaiProfile, importShanghaiSource } from './index.js';
import type { BudgetDocument, Money, Table } from '../../domain/model.js';
import { rowByCode, tableByRole } from '../../domain/query.js';

const BUDGET = 'samples/shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.txt';
const FINAL = 'samples/shanghai-putuo-finance-bureau-2024-dept-final-accounts.txt';
const load = (f: string) => importShanghaiSource(readSourceText(readFileSync(f), f));
const budget = load(BUDGET);
const final = load(FINAL);
const yuan = (n: number) => n * 100;
const wan = (s: string) => Math.round(Number(s) * 100) * 10_000;

function must(t: Table | undefined): Table {
  assert.ok(t, 'table present');
  return t;
}

test('the budget is detected as a Shanghai department budget of 2024 with its unit', () => {
  assert.equal(detectShanghaiProfile(readSourceText(readFileSync(BUDGET), BUDGET)), 'shanghai-budget');
  assert.equal(budget.kind, '部门预算');
  assert.equal(budget.year, 2024);
  assert.equal(budget.unit.name, '上海市普陀区人民政府万里街道办事处');
  assert.equal(budget.tables.length, 9);
});

test('the budget tables hold the totals and function rows read off the text, codes joined from 类 款 项', () => {
  const t1 = must(tableByRole(budget, 'income-expenditure-summary'));
  assert.equal(t1.displayUnit, '元');
  const total = t1.rows.find((r) => r.side === 'revenue' && r.kind === 'total');
  assert.equal(total?.amounts.amount?.fen, yuan(156_211_123));
  assert.equal(total?.src.line, 234);
  const t3 = must(tableByRole(budget, 'expenditure-summary'));
  const r = rowByCode(t3, '2120101');
  assert.equal(r?.label, '行政运行');
  assert.equal(r?.parent, 'f21201');
  assert.equal(r?.level, 3);
  assert.deepEqual([r?.amounts.total?.fen, r?.amounts.basic?.fen, r?.amounts.project?.fen], [yuan(16_603_248), yuan(16_353_248), yuan(250_000)]);
  assert.equal(r?.src.line, 497);
  const t5 = must(tableByRole(budget, 'general-budget-function'));
  assert.equal(rowByCode(t5, '2080505')?.amounts.basic?.fen, yuan(4_608_515));
  assert.equal(t5.rows.find((x) => x.kind === 'total')?.amounts.project?.fen, yuan(56_505_103));
  const econ = must(tableByRole(budget, 'basic-expenditure-economic'));
  // Printed "301   2" is 30102 津贴补贴; the import notes the one-digit code.
  assert.equal(rowByCode(econ, '30102')?.amounts.total?.fen, yuan(16_623_810));
  assert.ok(budget.importNotes.some((n) => n.src.line === 780));
  const tp = must(tableByRole(budget, 'three-public'));
  assert.deepEqual(
    ['total', 'overseas', 'reception', 'vehicles', 'vehiclePurchase', 'vehicleRunning', 'operatingFunds'].map((k) => tp.rows[0]?.amounts[k]?.fen),
    [wan('47.91'), 0, wan('1.35'), wan('46.56'), wan('25'), wan('21.56'), wan('443.18')],
  );
});

test('the budget narrative states its totals, 三公 and the item whose planned figure differs', () => {
  const f = (k: string) => budget.narrative.facts.filter((x) => x.key === k);
  assert.equal(f('revenue.total')[0]?.money?.fen, wan('15621.11'));
  assert.equal(f('three-public.total')[0]?.money?.fen, wan('47.91'));
  assert.equal(f('operating-funds')[0]?.money?.fen, wan('443.18'));
  const gjj = f('function.item.planned').find((x) => x.label.includes('住房公积金'));
  assert.equal(gjj?.money?.fen, wan('352.67'));
  assert.equal(gjj?.src.line, 196);
});

test('the final account reads its nine tables, including the side-by-side economic table', () => {
  assert.equal(final.kind, '部门决算');
  assert.equal(final.unit.name, '上海市普陀区财政局');
  assert.equal(final.tables.length, 9);
  const t3 = must(tableByRole(final, 'expenditure-summary'));
  const run = rowByCode(t3, '2010601');
  // 1,503.52 is printed on the line above the code line (line 243).
  assert.equal(run?.amounts.basic?.fen, wan('1503.52'));
  assert.equal(run?.amounts.basic?.src?.line, 243);
  assert.equal(run?.amounts.project?.fen, wan('8.37'));
  const econ = must(tableByRole(final, 'basic-expenditure-economic'));
  assert.equal(rowByCode(econ, '30201')?.amounts.total?.fen, wan('21.21'));
  assert.equal(rowByCode(econ, '30102')?.amounts.total?.fen, wan('1238.58'));
  assert.equal(rowByCode(econ, '31099')?.amounts.total, null);
  assert.equal(econ.rows.find((r) => r.label === '公用经费合计')?.amounts.total?.fen, wan('184.65'));
  const t4 = must(tableByRole(final, 'appropriation-summary'));
  assert.equal(t4.rows.find((r) => r.side === 'revenue' && r.kind === 'total')?.amounts.amount?.fen, wan('2961.68'));
  const tp = must(tableByRole(final, 'three-public'));
  assert.equal(tp.rows.find((r) => r.id === 'budget')?.amounts.reception?.fen, wan('0.95'));
  assert.equal(tp.rows.find((r) => r.id === 'final')?.amounts.reception, null);
});

test('the final account comparisons carry budget, actual, direction and reason, even where pdftotext swapped lines', () => {
  const c = final.finalAccounts?.comparisons ?? [];
  const run = c.find((x) => x.subject.endsWith('行政运行'));
  assert.equal(run?.budget?.fen, wan('1560.05'));
  assert.equal(run?.actual?.fen, wan('1511.89'));
  assert.equal(run?.direction, '小于');
  assert.equal(run?.reason, '人员进出及退休变化,减少人员经费开支');
  const entrusted = c.find((x) => x.subject.endsWith('财政委托业务支出'));
  assert.equal(entrusted?.actual?.fen, wan('449.52'));
  assert.equal(entrusted?.budget?.fen, wan('450.52'));
  assert.equal(c.find((x) => x.subject.endsWith('购房补贴'))?.direction, '持平');
  assert.equal(final.narrative.facts.find((x) => x.key === 'appropriation.total')?.money?.fen, wan('0.3'));
});

/** Every amount printed inside the table pages, by an independent reading of the raw text. */
function printedAmounts(file: string, doc: BudgetDocument): Array<{ line: number; text: string }> {
  const raw = readFileSync(file, 'utf8').split('\n');
  const out: Array<{ line: number; text: string }> = [];
  const starts = doc.tables.map((t) => t.src.line!).sort((a, b) => a - b);
  const end = Math.min(...doc.narrative.parts.map((p) => p.src.line!).filter((l) => l > starts[starts.length - 1]!));
  const byStart = new Map(doc.tables.map((t) => [t.src.line!, t]));
  let unit: '元' | '万元' = '万元';
  for (let i = starts[0]!; i < end; i++) {
    const t = byStart.get(i);
    if (t) unit = t.displayUnit;
    const text = raw[i - 1]!.replace(/^\s*\d{3}(\s+\d{1,2}){0,2}(?=\s)/, '');
    if (/=====|单位|注|年/.test(text)) continue;
    for (const m of text.matchAll(/(?<![\d,.])\d[\d,]*(\.\d+)?(?![\d,.])/g)) {
      const v = m[0];
      const isAmount = unit === '元' ? v.includes(',') || v === '0' || /^\d{1,3}$/.test(v) : v.includes('.') || /^\d+$/.test(v);
      if (isAmount && (unit === '元' || v.includes('.') || /\d+\.\d+/.test(text))) out.push({ line: i, text: v });
    }
  }
  return out;
}

function modelAmounts(doc: BudgetDocument): Set<string> {
  const s = new Set<string>();
  const add = (m: Money | null | undefined) => m?.src?.line && s.add(`${m.src.line}:${m.src.raw}`);
  for (const t of doc.tables) for (const r of t.rows) for (const m of Object.values(r.amounts)) add(m);
  return s;
}

for (const [file, doc] of [
  [BUDGET, budget],
  [FINAL, final],
] as const) {
  test(`every amount printed in the tables of ${file.split('/')[1]} is in the model at its line`, () => {
    const have = modelAmounts(doc);
    const printed = printedAmounts(file, doc).filter((p) => !(doc === final && /^\d{1,3}$/.test(p.text)));
    assert.ok(printed.length > (doc === budget ? 600 : 150), `found ${printed.length} printed amounts`);
    const missing = printed.filter((p) => !have.has(`${p.line}:${p.text}`));
    assert.deepEqual(missing, []);
  });
}

test('a renamed unit with another year and a changed cell still imports (synthetic variant)', () => {
  const text = readFileSync(BUDGET, 'utf8')
    .replaceAll('万里街道办事处', '长风街道办事处')
    .replaceAll('2024年', '2025年')
    .replace('201   38   02   一般行政管理事务        135,200             0     135,200', '201   38   02   一般行政管理事务        135,201             0     135,201');
  const doc = importShanghaiSource(readSourceText(new TextEncoder().encode(text), 'variant.txt'));
  assert.equal(doc.year, 2025);
  assert.equal(doc.unit.name, '上海市普陀区人民政府长风街道办事处');
  assert.equal(rowByCode(must(tableByRole(doc, 'expenditure-summary')), '2013802')?.amounts.total?.fen, yuan(135_201));
});

test('a text that is neither Shanghai budget nor final account is refused with its file name', () => {
  const src = readSourceText(new TextEncoder().encode('某某单位\n一些文字\n'), 'x.txt');
  assert.equal(detectShanghaiProfile(src), null);
  assert.throws(() => importShanghaiSource(src), /上海/);
});

test('amounts printed on the 类 款 项 header line belong to the 合计 row below it (ONLYOFFICE PDFs)', () => {
  // As the finance bureau's PDF places them: 基本支出 and 项目支出 of 合计 on the header's baseline.
  const lines = readFileSync(FINAL, 'utf8').split('\n');
  const at = lines.findIndex((l) => /^\s+2,336\.91\s+603\.14\s*$/.test(l));
  const head = lines.findIndex((l, i) => i > at && /^\s*类\s+款\s+项\s*$/.test(l));
  assert.ok(at > 0 && head > at && head - at < 4, 'the sample prints 合计 amounts above the header');
  const moved = lines[head]!.padEnd(lines[at]!.search(/\d/), ' ') + lines[at]!.trimStart();
  const text = [...lines.slice(0, at), '', ...lines.slice(at + 1, head), moved, ...lines.slice(head + 1)].join('\n');
  const doc = importShanghaiSource(readSourceText(new TextEncoder().encode(text), 'moved.txt'));
  const total = must(tableByRole(doc, 'expenditure-summary')).rows.find((r) => r.kind === 'total');
  assert.equal(total?.amounts.total?.fen, wan('2940.05'));
  assert.equal(total?.amounts.basic?.fen, wan('2336.91'));
  assert.equal(total?.amounts.project?.fen, wan('603.14'));
});

/** Imports a sample with some of its lines edited (1-based line → new text), by its lines' text. */
function edited(file: string, edit: (lines: string[]) => void): BudgetDocument {
  const lines = readFileSync(file, 'utf8').split('\n');
  edit(lines);
  return importShanghaiSource(readSourceText(new TextEncoder().encode(lines.join('\n')), 'x.txt'));
}
const errors = (doc: BudgetDocument) => doc.importNotes.filter((n) => n.severity === 'error');

test('an amount with more decimals than its unit holds makes its row unreadable at its line, not the document', () => {
  let at = 0;
  const doc = edited(BUDGET, (lines) => {
    at = lines.findIndex((l) => /^208\s+05\s+05\s+机关事业单位基本养老保险缴费支出\s+4,608,515/.test(l)) + 1;
    assert.ok(at > 0);
    lines[at - 1] = lines[at - 1]!.replace('4,608,515', '4,608,515.123');
  });
  assert.equal(doc.tables.length, 9);
  const [n, ...more] = errors(doc);
  assert.deepEqual(more, []);
  assert.deepEqual([n!.code, n!.table, n!.row, n!.src.line, n!.src.page], ['row-unreadable', 't2', 'f2080505', at, 13]);
  assert.equal(n!.message, `表《2024年部门收入预算总表》第 ${at} 行未能读取：金额“4,608,515.123”无法按元精确读取（以元计多于 2 位小数）`);
  const r = rowByCode(must(tableByRole(doc, 'revenue-summary')), '2080505')!;
  assert.ok(
    Object.values(r.amounts).every((v) => v === null),
    'cells unknown, not guessed',
  );
  assert.deepEqual(
    r.unplaced?.map((m) => m.fen),
    [yuan(4_608_515), 0, 0, 0],
  );
  // The same row in the next table is read as printed.
  assert.equal(rowByCode(must(tableByRole(doc, 'expenditure-summary')), '2080505')?.amounts.total?.fen, yuan(4_608_515));
});

test('a malformed number in a code row or a summary line makes that row unreadable; the other side of the line is read', () => {
  const a = edited(BUDGET, (lines) => (lines[372] = lines[372]!.replace('3,503,499', '3,50,3499')));
  assert.deepEqual(
    errors(a).map((n) => [n.code, n.table, n.row, n.src.line]),
    [['row-unreadable', 't2', 'f2210201', 373]],
  );
  assert.match(errors(a)[0]!.message, /第 373 行未能读取：“3,50,3499”不是金额（元）/);
  const b = edited(FINAL, (lines) => (lines[179] = lines[179]!.replace('2,995.39', '2,99.539')));
  const t1 = must(tableByRole(b, 'income-expenditure-summary'));
  const [n] = errors(b);
  assert.deepEqual([n!.code, n!.table, n!.src.line], ['row-unreadable', 't1', 180]);
  const rev = t1.rows.find((r) => r.id === n!.row)!;
  assert.deepEqual([rev.side, rev.kind, rev.amounts.amount], ['revenue', 'total', null]);
  assert.equal(t1.rows.find((r) => r.side === 'expenditure' && r.kind === 'total')?.amounts.amount?.fen, wan('2995.39'));
});

test('a table whose header cannot be found is left out as a located table-unreadable note; the other eight are read', () => {
  let at = 0;
  const doc = edited(BUDGET, (lines) => {
    at = lines.findIndex((l) => /^\s*合计\s+因公出国\(境\)费\s+公务接待费\s*$/.test(l)) + 1;
    assert.ok(at > 0);
    lines[at - 1] = '';
    lines[at] = '';
  });
  assert.deepEqual(
    doc.tables.map((t) => t.id),
    ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8'],
  );
  const [n, ...more] = errors(doc);
  assert.deepEqual(more, []);
  assert.deepEqual([n!.code, n!.table, n!.row], ['table-unreadable', 't9', null]);
  assert.match(n!.message, /^表《部门“三公”经费和机关运行经费预算表》未能读取（第 \d+ 行）：表头找不到“三公”经费各列/);
});

test('an economic item printing two amounts in the final accounts is unreadable, kept with its figures unplaced', () => {
  const doc = edited(FINAL, (lines) => (lines[375] = lines[375]!.replace('2,082.85', '2,082.85 1.00')));
  const [n, ...more] = errors(doc);
  assert.deepEqual(more, []);
  // The extra figure is printed in the right half, beside 302 商品和服务支出 171.07.
  assert.deepEqual([n!.code, n!.table, n!.row, n!.src.line], ['row-unreadable', 't6', 'e302', 376]);
  const t = must(tableByRole(doc, 'basic-expenditure-economic'));
  const r = rowByCode(t, '302')!;
  assert.equal(r.amounts.total, null);
  assert.deepEqual(
    r.unplaced?.map((m) => m.fen),
    [wan('1.00'), wan('171.07')],
  );
  assert.equal(rowByCode(t, '301')?.amounts.total?.fen, wan('2082.85'));
});
