import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FiscusError } from '../../domain/errors.js';
import type { Fact } from '../../domain/model.js';
import { parseAmount } from '../../domain/money.js';
import { readSourceText } from '../text/source.js';
import { newContext, type ImportContext } from './context.js';
import { parseNarrative, type NarrativeResult } from './narrative.js';
import { splitShenzhen } from './sections.js';

const SAMPLE = fileURLToPath(new URL('../../../samples/shenzhen-futian-data-center-2021-dept-budget.txt', import.meta.url));
const sampleText = readFileSync(SAMPLE, 'utf8');

function parse(text: string, file = 'sample.txt'): { r: NarrativeResult; ctx: ImportContext } {
  const src = readSourceText(new TextEncoder().encode(text), file);
  const ctx = newContext(file);
  const r = parseNarrative(splitShenzhen(src, ctx).parts, ctx);
  return { r, ctx };
}

const sample = parse(sampleText);
const facts = sample.r.narrative.facts;
const byKey = (fs: Fact[], key: string) => fs.filter((f) => f.key === key);

/** The one fact with a key (fails the test when there is none or more than one). */
function one(fs: Fact[], key: string): Fact {
  const found = byKey(fs, key);
  assert.equal(found.length, 1, `exactly one fact ${key}, found ${found.length}`);
  return found[0]!;
}

/** 万元 text → fen, through the money parser rather than by hand. */
const wan = (s: string) => parseAmount(s, '万元');

describe('parseNarrative on the Futian data-center 2021 budget', () => {
  it('sets the budget year and the unit name and lists the one subordinate unit', () => {
    assert.equal(sample.ctx.year, 2021);
    assert.equal(sample.ctx.unitName, '深圳市福田区数据管理中心');
    assert.deepEqual(
      sample.r.subordinateUnits.map((u) => [u.text, u.src?.line]),
      [['深圳市福田区数据管理中心', 41]],
    );
    assert.equal(sample.r.competentDepartment, undefined);
  });

  it('reads a unit whose name holds digits (福田区12345热线服务中心, …第2分中心): the name and the revenue total as for any other', () => {
    for (const name of ['福田区12345热线服务中心', '深圳市福田区数据管理中心第2分中心']) {
      const { r, ctx } = parse(sampleText.split('深圳市福田区数据管理中心').join(name));
      assert.equal(ctx.unitName, name);
      assert.equal(one(r.narrative.facts, 'revenue.total').money?.fen, wan('4,424.60'), name);
    }
  });

  it('reads the eight parts with their numbered sections, part 2 and part 4 without numbered sections', () => {
    const parts = sample.r.narrative.parts;
    assert.deepEqual(
      parts.map((p) => p.no),
      [1, 2, 3, 4, 5, 6, 7, 8],
    );
    assert.deepEqual(
      parts[0]!.sections.map((s) => [s.no, s.title]),
      [
        ['一', '主要职能'],
        ['二', '机构编制及交通工具情况'],
        ['三', '2021年主要工作目标'],
      ],
    );
    assert.deepEqual(
      parts[1]!.sections.map((s) => [s.no, s.paragraphs.length]),
      [['', 3]],
    );
    assert.deepEqual(
      parts[2]!.sections.map((s) => [s.no, s.title]),
      [
        ['', ''],
        ['一', '人员支出'],
        ['二', '公用支出'],
        ['三', '离退休人员支出'],
        ['四', '项目支出'],
      ],
    );
    assert.equal(parts[3]!.sections.length, 1);
    assert.equal(parts[7]!.sections.length, 10);
  });

  it('joins wrapped lines into paragraphs and splits them where a new paragraph opens', () => {
    const p2 = sample.r.narrative.parts[1]!.sections[0]!.paragraphs;
    assert.equal(p2[0]!.src.line, 62);
    assert.equal(p2[0]!.src.endLine, 64);
    assert.ok(p2[0]!.text.startsWith('2021年深圳市福田区数据管理中心部门预算收入4,424.60万元,比2020年增加0.54万元,增长0.01%,其中'));
    assert.equal(p2[1]!.src.line, 66);
    assert.ok(p2[2]!.text.startsWith('预算收支增加主要原因说明:'));
    // "(一)因公出国(境)费用。2021 年预算数 0 万元。" is one paragraph: the run-in title does not end it.
    const p5 = sample.r.narrative.parts[4]!.sections[1]!.paragraphs;
    assert.equal(p5.length, 4);
    assert.ok(p5[1]!.text.startsWith('(一)因公出国(境)费用。2021年预算数0万元。为进一步规范'));
    // Part 7 二: three paragraphs (year-start stock, budget year, purchases), each opened by 截至 / a year.
    const assets = sample.r.narrative.parts[6]!.sections[1]!.paragraphs;
    assert.deepEqual(
      assets.map((p) => [p.src.line, p.src.endLine]),
      [
        [164, 168],
        [170, 174],
        [176, 180],
      ],
    );
  });

  it('states revenue, its change and its sources as in part 2 line 62–64', () => {
    const total = one(facts, 'revenue.total');
    assert.equal(total.money?.fen, wan('4,424.60'));
    assert.equal(total.money?.fen, 4_424_600_000);
    assert.equal(total.src.line, 62);
    assert.equal(one(facts, 'revenue.change.amount').money?.fen, 540_000);
    assert.equal(one(facts, 'revenue.change.percent').percent, '0.01');
    assert.equal(one(facts, 'revenue.gov-approp').money?.fen, 4_424_600_000);
    assert.equal(one(facts, 'revenue.gov-approp').src.line, 64);
    assert.equal(one(facts, 'revenue.special-account').money?.fen, 0);
    assert.equal(one(facts, 'revenue.unit-funds').money?.fen, 0);
  });

  it('keeps every statement of expenditure: part 2, part 3 intro and part 3 sections', () => {
    const personnel = byKey(facts, 'expenditure.personnel');
    assert.deepEqual(
      personnel.map((f) => [f.money?.fen, f.src.line]),
      [
        [741_530_000, 68],
        [741_530_000, 78],
        [741_530_000, 82],
      ],
    );
    assert.deepEqual(
      byKey(facts, 'expenditure.total').map((f) => [f.money?.fen, f.src.line]),
      [
        [4_424_600_000, 66],
        [4_424_600_000, 78],
      ],
    );
    assert.deepEqual(
      byKey(facts, 'expenditure.project').map((f) => f.money?.fen),
      [3_644_540_000, 3_644_540_000, 3_644_540_000],
    );
    assert.deepEqual(
      byKey(facts, 'expenditure.retiree').map((f) => f.money?.fen),
      [8_070_000, 8_070_000, 8_070_000],
    );
    assert.equal(one(facts, 'expenditure.change.percent').percent, '0.01');
  });

  it('reads staffing and vehicles from part 1 二', () => {
    const counts = (key: string) => one(facts, key).count;
    assert.equal(one(facts, 'unit.subordinate-count').count, 1);
    assert.equal(counts('staff.admin.establishment'), 0);
    assert.equal(counts('staff.admin.actual'), 0);
    assert.equal(counts('staff.career.establishment'), 18);
    assert.equal(counts('staff.career.actual'), 11);
    assert.equal(counts('staff.retired-lixiu'), 0);
    assert.equal(counts('staff.retired'), 5);
    assert.equal(counts('staff.old-workers'), 0);
    assert.equal(counts('staff.employees'), 3);
    assert.equal(counts('staff.community-workstation'), 0);
    assert.equal(counts('staff.dispatched'), 2);
    assert.equal(counts('vehicles.actual'), 0);
    assert.equal(counts('vehicles.establishment'), 0);
    assert.equal(counts('vehicles.motorcycles'), 0);
    assert.equal(one(facts, 'staff.employees').src.line, 43);
  });

  it('reads procurement, three public expenses and performance management', () => {
    assert.equal(one(facts, 'procurement.total').money?.fen, 2_092_560_000);
    assert.equal(one(facts, 'procurement.goods').money?.fen, 101_660_000);
    assert.equal(one(facts, 'procurement.works').money?.fen, 0);
    const services = one(facts, 'procurement.services');
    assert.equal(services.money?.fen, wan('1,990.90'));
    assert.equal(services.src.line, 110);
    assert.equal(one(facts, 'three-public.unit-count').count, 1);
    assert.equal(one(facts, 'three-public.total').src.line, 121);
    for (const k of [
      'three-public.total',
      'three-public.change.amount',
      'three-public.overseas',
      'three-public.reception',
      'three-public.reception.change',
      'three-public.vehicles',
      'three-public.vehicle-purchase',
      'three-public.vehicle-running',
    ])
      assert.equal(one(facts, k).money?.fen, 0, k);
    assert.equal(one(facts, 'three-public.overseas').src.line, 123);
    assert.equal(one(facts, 'three-public.vehicle-running').src.line, 133);
    assert.equal(one(facts, 'performance.unit-count').count, 1);
    assert.equal(one(facts, 'performance.project-count').count, 5);
    assert.equal(one(facts, 'performance.amount').money?.fen, 3_644_540_000);
  });

  it('reads part 7: no operating funds, asset stock at year start and in the budget year, purchases, other funds', () => {
    const op = one(facts, 'operating-funds');
    assert.equal(op.money, undefined);
    assert.match(op.text ?? '', /无机关运行经费/);
    for (const scope of ['2020-12-31', '2021']) {
      const ge = one(facts, `assets.${scope}.general-equipment.count`);
      assert.equal(ge.count, 65);
      assert.equal(one(facts, `assets.${scope}.general-equipment.value`).money?.fen, wan('7,737.58'));
      assert.equal(one(facts, `assets.${scope}.general-equipment.threshold`).money?.fen, 50_000_000);
      assert.equal(one(facts, `assets.${scope}.special-equipment.count`).count, 0);
      assert.equal(one(facts, `assets.${scope}.special-equipment.threshold`).money?.fen, 100_000_000);
      for (const v of ['total', 'official', 'law-enforcement', 'special', 'other']) assert.equal(one(facts, `assets.${scope}.vehicles.${v}`).count, 0);
    }
    assert.equal(one(facts, 'assets.2020-12-31.general-equipment.count').src.line, 166);
    assert.equal(one(facts, 'assets.2021.general-equipment.count').src.line, 172);
    assert.equal(one(facts, 'assets.purchase.general-equipment.count').count, 0);
    assert.equal(one(facts, 'assets.purchase.vehicles.official').count, 0);
    assert.equal(one(facts, 'other.gov-fund').src.line, 186);
    assert.equal(one(facts, 'other.transfer').src.line, 188);
  });

  it('lists the five projects of part 3 四 with the amounts and counts their descriptions name', () => {
    const ps = sample.r.narrative.projects;
    assert.deepEqual(
      ps.map((p) => [p.no, p.name, p.amount.fen, p.src.line]),
      [
        [1, '购置费', 101_660_000, 92],
        [2, '一般管理事务', 400_100_000, 94],
        [3, '电子政务管理', 145_500_000, 96],
        [4, '电子政务运行维护', 2_994_280_000, 98],
        [5, '预算准备金', 3_000_000, 102],
      ],
    );
    assert.equal(
      ps.reduce((s, p) => s + p.amount.fen, 0),
      one(facts, 'performance.amount').money?.fen,
    );
    assert.deepEqual(ps[0]!.items, [
      { label: '台式计算机', count: 4, unit: '台' },
      { label: '碎纸机', count: 2, unit: '台' },
      { label: '服务器', count: 5, unit: '台' },
      { label: '交换机', count: 4, unit: '台' },
    ]);
    assert.deepEqual(
      ps[2]!.items.map((i) => [i.label, i.money?.fen]),
      [
        ['绩效管理', 138_000_000],
        ['项目评审费', 7_500_000],
      ],
    );
    assert.deepEqual(
      ps[3]!.items.map((i) => [i.label, i.money?.fen]),
      [
        ['应用系统运行维护', 1_074_560_000],
        ['网络和信息安全运行维护', 606_280_000],
        ['机房运行维护', 1_270_740_000],
        ['应急项目和设备维修', 42_700_000],
      ],
    );
    assert.equal(ps[1]!.items.length, 0);
    assert.equal(one(facts, 'project.percent').percent, '5');
  });

  it('reads duties, goals, the change reason and the glossary', () => {
    const n = sample.r.narrative;
    assert.equal(n.duties.length, 8);
    assert.ok(n.duties[0]!.text.startsWith('贯彻执行国家'));
    assert.equal(n.duties[7]!.text, '完成上级部门交办的其他任务。');
    assert.ok(n.goals?.text.startsWith('深圳市福田区数据管理中心2021年主要工作目标包括:'));
    assert.equal(n.changeReason?.text, '2021年预算收支与上年基本持平,主要用于满足我区电子政务工作需要配给和保障的工作。');
    assert.equal(n.glossary.length, 10);
    assert.deepEqual([n.glossary[0]!.term, n.glossary[0]!.definition], ['一般公共预算拨款收入', '指本级财政当年拨付的资金。']);
    assert.equal(n.glossary[9]!.term, '机关运行经费');
    assert.equal(n.glossary[9]!.src.endLine, 227);
  });

  it('gives every fact a key, a line and raw text that contains its printed figure', () => {
    for (const f of facts) {
      assert.notEqual(f.key, 'unclassified', `unclassified figure: ${f.src.raw}`);
      assert.ok(f.src.line !== null && f.src.line >= 1 && f.src.line < 228, `${f.key} line ${f.src.line}`);
      assert.ok(f.src.page !== null, `${f.key} page`);
      const raw = f.src.raw.replace(/\s+/g, '');
      const numbers = [...raw.matchAll(/\d[\d,.]*\d|\d/g)].map((m) => m[0]);
      if (f.money)
        assert.ok(
          numbers.some((x) => parseAmount(x, '万元') === Math.abs(f.money!.fen)),
          `${f.key}: ${f.src.raw}`,
        );
      else if (f.count !== undefined) assert.ok(numbers.includes(String(f.count)), `${f.key}: ${f.src.raw}`);
      else if (f.percent !== undefined) assert.ok(numbers.includes(f.percent.replace(/^-/, '')), `${f.key}: ${f.src.raw}`);
      else assert.ok(f.text && raw.includes(f.text.replace(/\s+/g, '')), `${f.key}: ${f.src.raw}`);
    }
  });

  it('turns every figure printed in the narrative into exactly one fact', () => {
    const narrative = sampleText.split('\n').slice(0, 227).join('').replace(/\s+/g, '');
    const printed = [...narrative.matchAll(/\d[\d,.]*(万元|%|人|辆|台|个|家)/g)].length;
    assert.ok(printed > 90);
    assert.equal(facts.filter((f) => f.money || f.count !== undefined || f.percent !== undefined).length, printed);
  });
});

// ---------------------------------------------------------------------------------------------

/** Wraps text at `width` characters the way a PDF does: never inside a run of ASCII letters/digits. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let rest = text;
  const ascii = (c: string | undefined) => c !== undefined && /[\x21-\x7e]/.test(c);
  while (rest.length > width) {
    let cut = width;
    while (cut > 1 && ascii(rest[cut - 1]) && ascii(rest[cut])) cut--;
    if (cut <= 1) {
      cut = width;
      while (cut < rest.length && ascii(rest[cut - 1]) && ascii(rest[cut])) cut++;
    }
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.trim()) out.push(rest.trim());
  return out;
}

/**
 * The sample with every narrative paragraph's lines joined and wrapped again at `width`: the
 * paragraphs' line ranges come from a first parse, the joining and wrapping are done here.
 */
function rewrapped(text: string, parsed: NarrativeResult, width: number): string {
  const file = text.split('\n');
  const ranges: [number, number][] = [];
  for (const p of parsed.narrative.parts)
    for (const s of p.sections)
      for (const g of s.paragraphs) {
        const a = g.src.line!;
        const b = g.src.endLine ?? a;
        const last = ranges[ranges.length - 1];
        if (last && a <= last[1]) last[1] = Math.max(last[1], b);
        else ranges.push([a, b]);
      }
  const out: string[] = [];
  let next = 1;
  for (const [a, b] of ranges) {
    out.push(...file.slice(next - 1, a - 1));
    let joined = '';
    for (const l of file
      .slice(a - 1, b)
      .map((x) => x.trim())
      .filter((x) => x.length > 0)) {
      const sep = /[A-Za-z0-9]$/.test(joined) && /^[A-Za-z0-9]/.test(l) ? ' ' : '';
      joined += sep + l;
    }
    out.push(...wrap(joined, width));
    next = b + 1;
  }
  out.push(...file.slice(next - 1));
  return out.join('\n');
}

/** A value with every `src` removed (provenance is expected to change with the wrapping). */
function withoutSrc(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutSrc);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => k !== 'src')
        .map(([k, x]) => [k, withoutSrc(x)]),
    );
  return v;
}

describe('parseNarrative does not depend on where lines were wrapped', () => {
  for (const width of [20, 60]) {
    it(`gives the same narrative when the sample's paragraphs are re-wrapped at ${width} characters`, () => {
      const text = rewrapped(sampleText, sample.r, width);
      const narrativeLines = (t: string) =>
        t
          .slice(0, t.indexOf(' 表 1'))
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l);
      assert.notDeepEqual(narrativeLines(text), narrativeLines(sampleText));
      const again = parse(text);
      assert.equal(again.ctx.year, sample.ctx.year);
      assert.equal(again.ctx.unitName, sample.ctx.unitName);
      assert.deepEqual(again.ctx.notes.length, sample.ctx.notes.length);
      assert.deepEqual(withoutSrc(again.r), withoutSrc(sample.r));
    });
  }

  it('ends a paragraph after 。 before a paragraph opening, whether that falls mid-line or at a line end', () => {
    const doc = (body: string) => `第一部分 部门概况\n${body}\n第二部分 部门预算收支总体情况\n2021 年深圳市某某局部门预算收入 1.00 万元。\n表 1\n收支总表\n`;
    const midLine = parse(doc('一、机构编制及交通工具情况\n深圳市某某局包括深圳市某某局共 1 家基层单位。本单位\n行政编制总数 3 人。'));
    const lineEnd = parse(doc('一、机构编制及交通工具情况\n深圳市某某局包括深圳市某某局共 1 家基层单位。\n本单位行政编制总数 3 人。'));
    const paras = (r: NarrativeResult) => r.narrative.parts[0]!.sections[0]!.paragraphs.map((p) => p.text);
    assert.deepEqual(paras(midLine.r), ['深圳市某某局包括深圳市某某局共1家基层单位。', '本单位行政编制总数3人。']);
    assert.deepEqual(paras(lineEnd.r), paras(midLine.r));
  });
});

// ---------------------------------------------------------------------------------------------

describe('parseNarrative on bad input', () => {
  it('notes a malformed amount inside a recognised sentence at its line (fact-unreadable) and reads the rest', () => {
    const lines = sampleText.split('\n');
    assert.match(lines[67]!, /人员支出 741\.53 万元/);
    lines[67] = lines[67]!.replace('741.53', '1,2.3');
    const { r, ctx } = parse(lines.join('\n'), 'bad.txt');
    const errs = ctx.notes.filter((n) => n.severity === 'error');
    assert.deepEqual(
      errs.map((n) => [n.code, n.src.line, n.message]),
      [['fact-unreadable', 68, '说明第 68 行的数字未能读取：“1,2.3”不是金额（万元）']],
    );
    assert.equal(r.narrative.facts.length, sample.r.narrative.facts.length - 1);
    assert.ok(!r.narrative.facts.some((f) => f.src.line === 68 && f.money?.fen === 741_530_000));
  });

  it('notes a malformed count at its line', () => {
    const text = sampleText.replace('事业编制总数 18 人', '事业编制总数 1.8 人');
    const { ctx } = parse(text, 'bad.txt');
    assert.deepEqual(
      ctx.notes.filter((n) => n.severity === 'error').map((n) => [n.code, n.src.line, n.message]),
      [['fact-unreadable', 43, '说明第 43 行的数字未能读取：“1.8”不是人数']],
    );
  });

  it('rejects part 2 without its revenue total sentence', () => {
    const lines = sampleText.split('\n');
    lines[61] = ' 深圳市福田区数据管理中心的收入情况如下，';
    assert.throws(
      () => parse(lines.join('\n'), 'bad.txt'),
      (e: unknown) => e instanceof FiscusError && e.where.line === 62 && /部门预算收入/.test(e.message),
    );
  });
});

// ---------------------------------------------------------------------------------------------

const OTHER = `第一部分 部门概况
一、主要职能
(一)负责全区文化事业和文化产业发展规
划的拟订和实施。
(二)承担全区公共体育场馆的运营管理。
二、机构编制及交通工具情况
深圳市南山区文化广电旅游体育局包括深圳市南山区文化广电旅游体育局本级、深圳市南山区
图书馆共 2 家基层单位。行政编制总数 35 人，实有在编人数 30 人；事业编制总数 120 人，实
有在编人数 104 人；离休 1 人，退休 46 人；老工勤 2 人、雇员 12 人、社区工作站定员 0 人、劳
务派遣人员 7 人。实有车辆 3 辆，包括定编车辆 3 辆，摩托车 1 辆。
三、2022 年主要工作目标
深圳市南山区文化广电旅游体育局 2022 年主要工作目标包括：建设区级公共文化设施。
第二部分 部门预算收支总体情况
2022 年深圳市南山区文化广电旅游体育局部门预算收入 12,345.67 万元，比 2021 年减少 1,234.50
万元，下降 9.09%，其中：政府预算拨款 12,000.00 万元，财政专户拨款 45.67 万元，单位资金
300.00 万元。
2022 年深圳市南山区文化广电旅游体育局部门预算支出 12,345.67 万元，比 2021 年减少 1,234.50 万元，
下降 9.09%。其中：人员支出 5,000.00 万元、公用支出 600.00 万元、离退休人员支出 45.67 万元、项
目支出 6,700.00 万元。
预算收支减少主要原因说明：2022 年压减一般性支出。
第三部分 部门预算支出具体情况
深圳市南山区文化广电旅游体育局预算 12,345.67 万元，包括人员支出 5,000.00 万元、公用支出
600.00 万元、离退休人员支出 45.67 万元、项目支出 6,700.00 万元。
一、人员支出 5,000.00 万元，主要是在职人员工资福利支出。
二、公用支出 600.00 万元，主要是公用经费。
三、离退休人员支出 45.67 万元，主要是离退休人员经费。
四、项目支出 6,700.00 万元，具体包括：
1.文化活动经费 6,500.00 万元，主要用于举办公益演出 40 场，
购置图书 3,000 册。
2.场馆维护费 200.00 万元，主要用于体育场馆维修 180.00 万元、安全检测 20.00 万元。
第四部分 政府采购预算情况
深圳市南山区文化广电旅游体育局政府采购项目纳入 2022 年部门预算共计 800.00 万元，其中：货物采
购 300.00 万元、工程采购 100.00 万元、服务采购 400.00 万元。
第五部分 一般公共预算“三公”经费预算情况
一、“三公”经费的单位范围
深圳市南山区文化广电旅游体育局因公出国（境）费用、公务接待费、公务用车购置和运行维护费开支单
位包括深圳市南山区文化广电旅游体育局本级共 1 个基层单位。
二、“三公”经费预算情况说明
2022 年“三公”经费预算 30.50 万元，比 2021 年“三公”经费预算减少 2.00 万元。
（一）因公出国（境）费用。2022 年预算数 0 万元。
（二）公务接待费。2022 年预算数 8.50 万元，比 2021 年减少 1.50 万元，下降 15.00%，主要原因
是压减接待。
（三）公务用车购置和运行维护费。2022 年预算数 22.00 万元，其中：公务用车购置费 2022 年预算
数 0.00 万元，比 2021 年预算数减少 0.50 万元；公务用车运行维护费 2022 年预算数 22.00 万元，比 2021
年预算数持平。
第六部分 部门预算绩效管理情况
一、实施部门预算绩效管理的单位范围
深圳市南山区文化广电旅游体育局实施部门预算绩效管理的单位范围包括：深圳市南山区文化广电旅游体育局本级共
1 家基层单位。
二、实施部门预算绩效管理的项目情况及工作要求
2022 年深圳市南山区文化广电旅游体育局所有预算项目均已纳入预算绩效管理，涉及预算资金 6,700.00 万
元，设置并编报 2 个项目绩效目标。
第七部分 其他需要说明情况
一、机关运行经费
本单位 2022 年机关运行经费预算 123.45 万元，比 2021 年减少 6.55 万元。
二、国有资产占用情况说明
截至 2021 年 12 月 31 日，本单位共有车辆 3 辆，其中，一般公务用车 1 辆、一般执法执勤用车 2 辆、
特种专业技术用车 0 辆、其他用车 0 辆；单位价值 50 万元以上通用设备 2 台（套），总金额为 150.00 万元。
三、其他
本单位无政府性基金预算支出。深圳市南山区图书馆 2022 年上级专项转移支付支出预算为 12.00 万元。
第八部分 名词解释
一、基本支出：指为保障机构正常运转而发生的支出。
表 1
收支总表
`;

describe('parseNarrative on another unit with different figures', () => {
  const other = parse(OTHER, 'other.txt');
  const fs = other.r.narrative.facts;

  it('reads the year, the unit and its two subordinate units', () => {
    assert.equal(other.ctx.year, 2022);
    assert.equal(other.ctx.unitName, '深圳市南山区文化广电旅游体育局');
    assert.deepEqual(
      other.r.subordinateUnits.map((u) => u.text),
      ['深圳市南山区文化广电旅游体育局本级', '深圳市南山区图书馆'],
    );
    assert.equal(one(fs, 'unit.subordinate-count').count, 2);
  });

  it('signs a decrease: 减少 amounts are negative fen and 下降 percentages negative', () => {
    assert.equal(one(fs, 'revenue.total').money?.fen, 12_345_670_000);
    assert.equal(one(fs, 'revenue.change.amount').money?.fen, -1_234_500_000);
    assert.equal(one(fs, 'revenue.change.percent').percent, '-9.09');
    assert.equal(one(fs, 'expenditure.change.amount').money?.fen, -1_234_500_000);
    assert.equal(one(fs, 'three-public.total').money?.fen, 30_500_000);
    assert.equal(one(fs, 'three-public.change.amount').money?.fen, -2_000_000);
    assert.equal(one(fs, 'three-public.reception').money?.fen, 8_500_000);
    assert.equal(one(fs, 'three-public.reception.change').money?.fen, -1_500_000);
    assert.equal(one(fs, 'three-public.reception.change.percent').percent, '-15.00');
    assert.equal(one(fs, 'three-public.vehicle-purchase.change').money?.fen, -500_000);
    assert.equal(one(fs, 'three-public.vehicle-running').money?.fen, 22_000_000);
    assert.equal(one(fs, 'operating-funds').money?.fen, 123_450_000);
    assert.equal(one(fs, 'operating-funds.change').money?.fen, -6_550_000);
    assert.equal(other.r.narrative.changeReason?.text, '2022年压减一般性支出。');
  });

  it('reads staff, projects, procurement, performance and assets in the same layout', () => {
    assert.equal(one(fs, 'staff.admin.actual').count, 30);
    assert.equal(one(fs, 'staff.career.actual').count, 104);
    assert.equal(one(fs, 'staff.dispatched').count, 7);
    assert.equal(one(fs, 'vehicles.motorcycles').count, 1);
    assert.deepEqual(
      other.r.narrative.projects.map((p) => [p.name, p.amount.fen, p.items.map((i) => [i.label, i.money?.fen ?? i.count, i.unit ?? '万元'])]),
      [
        [
          '文化活动经费',
          6_500_000_000,
          [
            ['举办公益演出', 40, '场'],
            ['图书', 3000, '册'],
          ],
        ],
        [
          '场馆维护费',
          200_000_000,
          [
            ['体育场馆维修', 180_000_000, '万元'],
            ['安全检测', 20_000_000, '万元'],
          ],
        ],
      ],
    );
    assert.equal(one(fs, 'procurement.works').money?.fen, 100_000_000);
    assert.equal(one(fs, 'performance.project-count').count, 2);
    assert.equal(one(fs, 'assets.2021-12-31.vehicles.law-enforcement').count, 2);
    assert.equal(one(fs, 'assets.2021-12-31.general-equipment.value').money?.fen, 150_000_000);
    assert.equal(one(fs, 'other.transfer').money?.fen, 12_000_000);
    assert.equal(fs.filter((f) => f.key === 'unclassified').length, 0);
  });

  it('opens a paragraph at a subordinate unit named mid-line after 。', () => {
    const p7 = other.r.narrative.parts[6]!.sections[2]!.paragraphs.map((p) => p.text);
    assert.deepEqual(p7, ['本单位无政府性基金预算支出。', '深圳市南山区图书馆2022年上级专项转移支付支出预算为12.00万元。']);
  });

  for (const width of [13, 37]) {
    it(`gives the same narrative for the other unit re-wrapped at ${width} characters`, () => {
      const again = parse(rewrapped(OTHER, other.r, width), 'other.txt');
      assert.deepEqual(withoutSrc(again.r), withoutSrc(other.r));
    });
  }
});
