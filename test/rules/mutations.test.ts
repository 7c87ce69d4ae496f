/**
 * Mutation suite (issues 3 and 10): change one printed number of the sample so that an identity
 * breaks, and assert that checking the mutated text gives a located finding: a NEW error or warning
 * (absent from the unmutated sample) at the mutated line or its row, or naming the mutated figure, or
 * a `row-unreadable` import note at the mutated line. A refusal of the mutated text is never a
 * detection: one odd number must not make the document unreadable.
 *
 * Two sets: hand-picked edits over the narrative, the tables and the project forms; and one edit of
 * every amount every table row prints (+1 in its last place of units: 4,424.60 → 4,425.60), so every
 * row whose sums constrain column placement is covered (table totals, 小计 rows, both sides of the
 * two-sided tables 1 and 6, table 4 row totals, table 2's 项目支出 …). Prints the detection counts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importBytes } from '../../src/app/import-document.js';
import { validateDocument } from '../../src/app/validate.js';
import { runRules } from '../../src/rules/engine.js';
import { isAmountText } from '../../src/domain/money.js';
import type { BudgetDocument } from '../../src/domain/model.js';
import type { Finding } from '../../src/rules/types.js';
import { sampleText } from '../import/helpers.js';

interface Mutation {
  where: string;
  line: number;
  from: string;
  to: string;
  /** Replace every occurrence on the line (rows that print the same figure in several columns). */
  all?: boolean;
  /** Replace the nth printed amount of the line (0-based) instead of the first occurrence of `from`. */
  nth?: number;
}

const M: Mutation[] = [
  // narrative
  { where: '叙述 收入总额', line: 62, from: '4,424.60', to: '4,434.60' },
  { where: '叙述 收入增加额', line: 62, from: '0.54', to: '5.54' },
  { where: '叙述 增长率', line: 64, from: '0.01%', to: '0.50%' },
  { where: '叙述 人员支出', line: 68, from: '741.53', to: '742.53' },
  { where: '叙述 离退休人员支出', line: 88, from: '8.07', to: '9.07' },
  { where: '叙述 项目一般管理事务', line: 94, from: '400.10', to: '410.10' },
  { where: '叙述 项目电子政务管理', line: 96, from: '145.50', to: '146.50' },
  { where: '叙述 货物采购', line: 110, from: '101.66', to: '102.66' },
  { where: '叙述 服务采购', line: 110, from: '1,990.90', to: '1,991.90' },
  // tables 1–14
  { where: '表1 一般公共服务支出', line: 237, from: '4,263.65', to: '4,264.65' },
  { where: '表1 住房公积金', line: 263, from: '50.40', to: '51.40' },
  { where: '表1 购房补贴', line: 265, from: '23.04', to: '24.04' },
  { where: '表1 本年收入合计', line: 273, from: '本年收入合计 4,424.60', to: '本年收入合计 4,425.60' },
  { where: '表3 政府采购', line: 396, from: '2,092.56', to: '2,093.56' },
  { where: '表4 基本工资（一列）', line: 467, from: '508.93 508.93 508.93', to: '509.93 508.93 508.93' },
  { where: '表4 办公费', line: 490, from: '9.00', to: '10.00', all: true },
  { where: '表4 住房公积金', line: 484, from: '50.40', to: '52.40', all: true },
  { where: '表5 一般管理事务', line: 601, from: '400.10', to: '401.10', all: true },
  { where: '表5 电子政务管理', line: 603, from: '145.50', to: '146.50', all: true },
  { where: '表6 购房补贴', line: 649, from: '23.04', to: '25.04' },
  { where: '表7 一般公共服务支出', line: 669, from: '4,263.65 619.11', to: '4,263.65 629.11' },
  { where: '表7 购房补贴', line: 713, from: '23.04', to: '24.04', all: true },
  { where: '表7 住房公积金', line: 711, from: '50.40', to: '51.40', all: true },
  { where: '表8 政府性基金', line: 722, from: '0 0 0', to: '1.00 1.00 0' },
  { where: '表11 其他服务', line: 760, from: '1,990.90', to: '1,991.90' },
  { where: '表13 一般管理事务', line: 826, from: '400.10', to: '401.10', all: true },
  { where: '表13 电子政务管理', line: 831, from: '145.50', to: '147.50', all: true },
  { where: '表14 基本支出任务', line: 882, from: '780.06', to: '781.06', all: true },
  { where: '表14 合计', line: 906, from: '4,424.60', to: '4,425.60', all: true },
  { where: '表14 满意度目标', line: 987, from: '≥90%', to: '≥190%' },
  // project forms
  { where: '表单1 项目总金额', line: 1017, from: '1,270.74', to: '1,280.74' },
  { where: '表单1 测算明细 电脑联网服务', line: 1086, from: '81.7587', to: '91.7587' },
  { where: '表单2 政府购买服务资金', line: 1310, from: '696.96', to: '1,696.96' },
  { where: '表单3 测算明细 电信互联网出口', line: 1566, from: '180万元', to: '190万元' },
  { where: '表单3 第四季度支付', line: 1594, from: '313.24', to: '323.24' },
  { where: '表单4 第四季度支付', line: 1839, from: '118万元', to: '128万元' },
  { where: '表单5 台式计算机金额', line: 2020, from: '2.4万元', to: '3.4万元' },
  { where: '表单10 第四季度支付', line: 2855, from: '第四季度支付 0.8万元', to: '第四季度支付 1.8万元' },
];

const encode = (s: string) => new TextEncoder().encode(s);
const key = (f: Finding) => `${f.rule}|${f.location.line}|${f.expected}|${f.actual}|${f.message}`;

/** The printed amounts of a line, with their offsets. */
function amountTokens(line: string): Array<{ text: string; at: number }> {
  return [...line.matchAll(/\S+/g)].filter((m) => isAmountText(m[0])).map((m) => ({ text: m[0], at: m.index }));
}

/** The figure one unit of its last printed place above `text`, printed the same way (separators, decimals). */
function bumped(text: string): string {
  const [int = '0', dec] = text.replace(/,/g, '').split('.');
  const places = dec?.length ?? 0;
  const n = BigInt(int + (dec ?? '')) + 10n ** BigInt(places);
  const digits = n.toString().padStart(places + 1, '0');
  let i = digits.slice(0, digits.length - places);
  if (text.includes(',')) i = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return places > 0 ? `${i}.${digits.slice(-places)}` : i;
}

function apply(lines: string[], m: Mutation): string[] {
  const l = lines[m.line - 1]!;
  const out = [...lines];
  if (m.nth !== undefined) {
    const t = amountTokens(l)[m.nth]!;
    out[m.line - 1] = l.slice(0, t.at) + m.to + l.slice(t.at + t.text.length);
  } else out[m.line - 1] = m.all ? l.split(m.from).join(m.to) : l.replace(m.from, m.to);
  return out;
}

/** One mutation of every amount printed in a row of tables 1–13, with the lines of the rows it belongs to. */
function everyTableAmount(doc: BudgetDocument, lines: string[]): Array<Mutation & { rows: Array<[number, number]> }> {
  const rowsAt = new Map<number, { where: string; spans: Array<[number, number]> }>();
  for (const t of doc.tables) {
    for (const r of t.rows) {
      for (const m of Object.values(r.amounts)) {
        const line = m?.src?.line;
        if (!line) continue;
        const e = rowsAt.get(line) ?? { where: `表${t.no} ${r.label}`, spans: [] };
        e.spans.push([r.src.line ?? line, r.src.endLine ?? r.src.line ?? line]);
        rowsAt.set(line, e);
      }
    }
  }
  const out: Array<Mutation & { rows: Array<[number, number]> }> = [];
  for (const [line, { where, spans }] of [...rowsAt].sort((a, b) => a[0] - b[0])) {
    amountTokens(lines[line - 1]!).forEach((t, nth) => {
      out.push({ where: `${where} 第${nth + 1}个金额`, line, from: t.text, to: bumped(t.text), nth, rows: spans });
    });
  }
  return out;
}

interface Outcome {
  detected: boolean;
  atLine: boolean;
  byNote: boolean;
  refused: string | null;
  fresh: number;
}

/** Checks one mutated text: its new located findings, or why there are none. */
async function check(lines: string[], m: Mutation, base: Set<string>, rows: Array<[number, number]> = []): Promise<Outcome> {
  let doc: BudgetDocument;
  try {
    doc = await importBytes(encode(lines.join('\n')), 's.txt');
  } catch (e) {
    return { detected: false, atLine: false, byNote: false, refused: (e as Error).message, fresh: 0 };
  }
  const fresh = runRules(doc).filter((f) => f.severity !== 'info' && !base.has(key(f)));
  const figure = m.to.replace(/[^\d.,%]/g, '').replace(/^,|,$/g, '');
  const plain = figure.replace(/,/g, '').replace(/%$/, '');
  const inRow = (line: number | null) => line !== null && (line === m.line || rows.some(([a, b]) => line >= a && line <= b));
  const note = doc.importNotes.find((n) => n.code === 'row-unreadable' && n.src.line === m.line);
  const atLine = fresh.some((f) => f.location.line === m.line);
  const located =
    fresh.some((f) => inRow(f.location.line)) ||
    fresh.some((f) => f.message.includes(figure) || f.message.includes(plain) || [f.expected, f.actual].some((v) => v !== null && Number(v) === Number(plain)));
  return { detected: located || note !== undefined, atLine: atLine || note !== undefined, byNote: note !== undefined, refused: null, fresh: fresh.length };
}

const text = sampleText();
const lines = text.split('\n');
let sample: BudgetDocument;
let base: Set<string>;
const ready = (async () => {
  sample = await importBytes(encode(text), 's.txt');
  base = new Set(runRules(sample).map(key));
})();

test('at least 30 hand-picked mutations spread over the narrative, every kind of table and the project forms', () => {
  assert.ok(M.length >= 30);
  assert.ok(M.some((m) => m.where.startsWith('叙述')) && M.some((m) => m.where.startsWith('表单')));
  const tables = new Set(M.filter((m) => /^表\d/.test(m.where)).map((m) => /^表(\d+)/.exec(m.where)![1]));
  assert.ok(tables.size >= 10, `tables covered: ${[...tables].join(',')}`);
});

test('every hand-picked mutation of a printed number gives a located finding, none a refusal', async () => {
  await ready;
  const missed: string[] = [];
  let atLine = 0;
  for (const m of M) {
    assert.ok(lines[m.line - 1]!.includes(m.from), `${m.where}: line ${m.line} prints ${m.from}`);
    const o = await check(apply(lines, m), m, base);
    if (o.refused !== null) missed.push(`${m.where} (line ${m.line}): refused: ${o.refused}`);
    else if (!o.detected) missed.push(`${m.where} (line ${m.line}: ${m.from} → ${m.to}): ${o.fresh} new findings, none at the line or naming ${m.to}`);
    if (o.atLine) atLine++;
  }
  const detected = M.length - missed.length;
  console.log(`mutations (hand-picked): ${detected}/${M.length} detected, ${atLine} pointing at the mutated line, 0 counted for a refusal`);
  assert.deepEqual(missed, []);
});

test('every amount of every table row, one at a time: a located finding for each, none a refusal', async () => {
  await ready;
  const all = everyTableAmount(sample, lines);
  // Tables 1–11 and 13 print amounts (table 12 prints two empty rows).
  assert.deepEqual([...new Set(all.map((m) => Number(/^表(\d+)/.exec(m.where)![1])))], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13]);
  assert.ok(all.length >= 200, `${all.length} amounts`);
  const missed: string[] = [];
  let atLine = 0;
  let byNote = 0;
  let refused = 0;
  for (const m of all) {
    const o = await check(apply(lines, m), m, base, m.rows);
    if (o.refused !== null) {
      refused++;
      missed.push(`${m.where} (line ${m.line}: ${m.from} → ${m.to}): refused: ${o.refused}`);
    } else if (!o.detected) missed.push(`${m.where} (line ${m.line}: ${m.from} → ${m.to}): ${o.fresh} new findings, none at its row or naming ${m.to}`);
    if (o.atLine) atLine++;
    if (o.byNote) byNote++;
  }
  const detected = all.length - missed.length;
  console.log(`mutations (every table amount): ${detected}/${all.length} detected, ${atLine} pointing at the mutated line (${byNote} as a row-unreadable note), ${refused} refused`);
  assert.deepEqual(missed, []);
});

test('the two one-number edits that made the whole sample unreadable now give the finding they deserve', async () => {
  await ready;
  // 表4 基本工资: its row total no longer equals its 小计 and 一般公共预算拨款 cells; 表2: 项目支出 (履职类项目拨款) off by one.
  const cases: Mutation[] = [
    { where: '表4 基本工资 总计', line: 467, from: '508.93', to: '509.93', nth: 0 },
    { where: '表2 项目支出', line: 384, from: '3,644.54', to: '3,645.54', nth: 3 },
  ];
  for (const m of cases) {
    const doc = await importBytes(encode(apply(lines, m).join('\n')), 's.txt');
    const notes = doc.importNotes.filter((n) => n.severity === 'error');
    assert.equal(notes.length, 1, JSON.stringify(notes));
    const n = notes[0]!;
    assert.equal(n.code, 'row-unreadable');
    assert.equal(n.src.line, m.line);
    assert.match(n.message, new RegExp(`^表《.+》第 ${m.line} 行未能读取：`));
    const t = doc.tables.find((x) => x.id === n.table)!;
    const r = t.rows.find((x) => x.id === n.row)!;
    // Cells unknown, the printed figures kept, and everything else still imported and checked.
    assert.ok(Object.values(r.amounts).every((v) => v === null));
    assert.ok(r.unplaced?.some((x) => x.src?.raw === m.to));
    assert.equal(doc.tables.length, 13);
    const findings = validateDocument(doc).findings.filter((f) => f.severity === 'error' && f.category === 'structure');
    assert.deepEqual(
      findings.map((f) => f.location.line),
      [m.line],
      `${m.where}: one structure error at the line`,
    );
  }
});
