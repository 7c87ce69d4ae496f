/**
 * The eight narrative parts of a Shenzhen department budget (第一部分 部门概况 … 第八部分 名词解释):
 * parts → sections → paragraphs that do not depend on where the PDF wrapped its lines, and every
 * amount, count and percentage the text states as a `Fact` with a semantic key
 * (docs/narrative-facts.md). The parser reads the layout and sentence patterns shared by every
 * Shenzhen district department, never this or that document's figures.
 */
import type { Fact, Money, Narrative, NarrativePart, NarrativeProject, NarrativeSection, Src, Text } from '../../domain/model.js';
import { MoneyParseError, decimalsOf, parseAmount } from '../../domain/money.js';
import type { SourceLine } from '../text/source.js';
import { clip, srcOf, Unreadable, unreadable, type ImportContext } from './context.js';
import type { Block } from './sections.js';

export interface NarrativeResult {
  narrative: Narrative;
  subordinateUnits: Text[];
  competentDepartment?: Text;
}

// ---------------------------------------------------------------------------------------------
// Joined text with provenance

const WS = /\s/;

/** Whether the character with UTF-16 code `c` is an ASCII letter or digit ([A-Za-z0-9]). */
function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** WS.test of the character with UTF-16 code `c` (the expression only above ASCII). */
function isWs(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return WS.test(String.fromCharCode(c));
}

/**
 * Text joined from wrapped source lines, white space normalised so that it reads the same however
 * the lines were wrapped, with the source position of every character: `li[i]` the index into
 * `lines` and `col[i]` the index into that line's text of character `i` (typed arrays: a narrative has
 * tens of thousands of characters, and a slice shares them).
 */
class Flow {
  constructor(
    readonly lines: SourceLine[],
    readonly text: string,
    private readonly li: Int32Array,
    private readonly col: Int32Array,
  ) {}

  slice(a: number, b: number = this.text.length): Flow {
    return new Flow(this.lines, this.text.slice(a, b), this.li.subarray(a, b), this.col.subarray(a, b));
  }

  trim(): Flow {
    let a = 0;
    let b = this.text.length;
    while (a < b && WS.test(this.text[a]!)) a++;
    while (b > a && WS.test(this.text[b - 1]!)) b--;
    return this.slice(a, b);
  }

  /** The source line of character `i`. */
  lineAt(i: number): SourceLine {
    return this.lines[this.li[Math.min(Math.max(i, 0), this.li.length - 1)] ?? 0]!;
  }

  /** Provenance of characters [a, b): first and last line, and the text as printed (line breaks kept). */
  src(a = 0, b: number = this.text.length): Src {
    const z = Math.max(b - 1, a);
    const l0 = this.li[a];
    const l1 = this.li[z];
    const c0 = this.col[a];
    const c1 = this.col[z];
    if (l0 === undefined || l1 === undefined || c0 === undefined || c1 === undefined) return { line: this.lines[0]?.no ?? null, page: this.lines[0]?.page ?? null, raw: this.text.slice(a, b) };
    const first = this.lines[l0]!;
    const last = this.lines[l1]!;
    let raw: string;
    if (l0 === l1) raw = first.text.slice(c0, c1 + 1);
    else {
      const mid = this.lines.slice(l0 + 1, l1).map((l) => l.text);
      raw = [first.text.slice(c0), ...mid, last.text.slice(0, c1 + 1)].join('\n');
    }
    return srcOf(first, raw, last);
  }
}

/**
 * Joins wrapped lines. Chinese joins with no space; a line break between two ASCII letters or digits
 * stands for a space; then white space survives only between two ASCII letters or digits, so
 * "2021 年" and "2021年" read the same whichever way the PDF spaced or wrapped them.
 */
function joinLines(lines: SourceLine[]): Flow {
  // The lines one after another (a space between two where an ASCII letter or digit meets one), with
  // each character's line and column.
  let size = 0;
  for (const l of lines) size += l.text.length + 1;
  const li = new Int32Array(size);
  const col = new Int32Array(size);
  const pieces: string[] = [];
  let n = 0;
  lines.forEach((l, k) => {
    const t = l.text;
    if (n > 0 && t.length > 0 && isAlnum(t.charCodeAt(0)) && isAlnum(pieces[pieces.length - 1]!.charCodeAt(pieces[pieces.length - 1]!.length - 1))) {
      pieces.push(' ');
      li[n] = li[n - 1]!;
      col[n] = col[n - 1]!;
      n++;
    }
    if (t.length === 0) return;
    pieces.push(t);
    for (let c = 0; c < t.length; c++, n++) {
      li[n] = k;
      col[n] = c;
    }
  });
  const all = pieces.join('');
  // Each run of white space dropped, or made one space between two ASCII letters or digits (at the
  // run's first character).
  const outLi = new Int32Array(n);
  const outCol = new Int32Array(n);
  const kept: string[] = [];
  let m = 0;
  let last = -1;
  let from = 0;
  for (let i = 0; i < n; i++) {
    const c = all.charCodeAt(i);
    if (!isWs(c)) {
      outLi[m] = li[i]!;
      outCol[m] = col[i]!;
      m++;
      last = c;
      continue;
    }
    kept.push(all.slice(from, i));
    let j = i;
    while (j < n && isWs(all.charCodeAt(j))) j++;
    if (last >= 0 && j < n && isAlnum(last) && isAlnum(all.charCodeAt(j))) {
      kept.push(' ');
      outLi[m] = li[i]!;
      outCol[m] = col[i]!;
      m++;
      last = 0x20;
    }
    i = j - 1;
    from = j;
  }
  kept.push(all.slice(from));
  return new Flow(lines, kept.join(''), outLi.subarray(0, m), outCol.subarray(0, m));
}

/** White space normalised as in joined text, for titles and single lines. */
function norm(s: string): string {
  return joinLines([{ no: 1, text: s, page: null, indent: 0 }]).text;
}

// ---------------------------------------------------------------------------------------------
// Structure: sections and paragraphs

const SEC_RE = /^([一二三四五六七八九十]{1,3})、\s*(.*)$/u;
const SUB_RE = /^\(([一二三四五六七八九十]{1,3})\)\s*/u;
const ITEM_RE = /^(\d{1,3})[.、](?![0-9])\s*/u;
const ENDS_CLAUSE = /[。:;]$/u;

type StartTest = (s: string) => boolean;

/**
 * Sentences that open a paragraph in this layout: the unit's (or a subordinate unit's) name, a year,
 * 截至, 本单位/本部门, the change-reason label.
 */
function startTest(names: string[]): StartTest {
  const fixed = [/^20\d{2}年/u, /^截[至止]/u, /^本(单位|部门)/u, /^(预算)?收支[^,。]{0,12}原因/u];
  const ns = names.filter((n) => n.length >= 2);
  return (s) => fixed.some((r) => r.test(s)) || ns.some((n) => s.startsWith(n));
}

function isMarker(text: string): boolean {
  return SEC_RE.test(text) || SUB_RE.test(text) || ITEM_RE.test(text);
}

interface SectionDraft {
  no: string;
  title: string;
  /** Heading printed on its own line (the body starts on the next line). */
  pureTitle: boolean;
  src: Src;
  lines: SourceLine[];
  paragraphs: Flow[];
}

interface PartDraft {
  no: number;
  title: string;
  src: Src;
  sections: SectionDraft[];
}

/** Title of a run-in heading ("人员支出 741.53 万元，主要是…" → "人员支出"). */
function runInTitle(rest: string): string {
  const t = norm(rest);
  return (/^[^,。:;0-9]*/u.exec(t)?.[0] ?? t).trim();
}

/** Splits a part into sections at `一、` headings that stand at a sentence boundary. */
function sectionsOf(block: Block, starts: StartTest): SectionDraft[] {
  const body = block.lines.slice(1);
  const out: SectionDraft[] = [];
  const first = body[0] ?? block.lines[0]!;
  let cur: SectionDraft = { no: '', title: '', pureTitle: false, src: srcOf(first), lines: [], paragraphs: [] };
  let boundary = true;
  body.forEach((l, i) => {
    const m = SEC_RE.exec(l.text);
    if (m && boundary) {
      if (cur.lines.length > 0 || cur.no !== '') out.push(cur);
      const rest = m[2]!;
      const next = body[i + 1];
      // A heading on its own line is followed by a line that itself opens a paragraph; a run-in
      // heading ("一、人员支出 741.53 万元，…") continues as text.
      const pure = !/[,。:;]/u.test(rest) && (next === undefined || isMarker(next.text) || starts(joinLines(body.slice(i + 1, i + 6)).text));
      cur = {
        no: m[1]!,
        title: pure ? norm(rest) : runInTitle(rest),
        pureTitle: pure,
        src: srcOf(l),
        lines: pure ? [] : [l],
        paragraphs: [],
      };
      boundary = pure || ENDS_CLAUSE.test(l.text);
      return;
    }
    cur.lines.push(l);
    boundary = ENDS_CLAUSE.test(l.text);
  });
  out.push(cur);
  for (const s of out) {
    s.paragraphs = paragraphsOf(s.lines, starts);
    // A run-in title may itself be wrapped: read it from the joined paragraph, not the heading line.
    const first = s.paragraphs[0];
    if (!s.pureTitle && s.no !== '' && first) s.title = runInTitle(first.text.replace(SEC_RE, '$2'));
  }
  return out;
}

/**
 * Paragraphs of a section body. A numbered marker (`(一)`, `1.`) at the start of a line after a
 * finished clause opens a paragraph; inside the text, a paragraph ends after `。` when the next
 * sentence opens like a paragraph (see `startTest`) — wherever the line breaks fall, so re-wrapping
 * cannot move a boundary. A run-in title such as "(一)因公出国(境)费用。" does not end its paragraph.
 */
function paragraphsOf(lines: SourceLine[], starts: StartTest): Flow[] {
  const chunks: SourceLine[][] = [];
  lines.forEach((l, j) => {
    const prev = lines[j - 1];
    const last = chunks[chunks.length - 1];
    if (!last || (prev && (SUB_RE.test(l.text) || ITEM_RE.test(l.text)) && ENDS_CLAUSE.test(prev.text))) chunks.push([l]);
    else last.push(l);
  });
  const out: Flow[] = [];
  for (const chunk of chunks) {
    const flow = joinLines(chunk);
    const t = flow.text;
    let keep = -1;
    if (SUB_RE.test(t)) {
      const f = t.indexOf('。');
      if (f > 0 && f <= 24 && !/[,:;]/u.test(t.slice(0, f))) keep = f + 1;
    }
    let from = 0;
    for (let k = 1; k < t.length; k++) {
      if (t[k - 1] === '。' && k !== keep && starts(t.slice(k))) {
        out.push(flow.slice(from, k).trim());
        from = k;
      }
    }
    out.push(flow.slice(from).trim());
  }
  return out.filter((p) => p.text.length > 0);
}

// ---------------------------------------------------------------------------------------------
// Figures

/** A figure printed in a paragraph: number and its unit, with the words around it. */
interface Figure {
  num: string;
  unit: string;
  /** Start of the number / end of the unit in the paragraph text. */
  numStart: number;
  end: number;
  /** Start of the clause the figure closes (after the last , ; : 。 、). */
  clauseStart: number;
  /** Words between the clause start and the number. */
  before: string;
  /** Words after the unit up to the next delimiter. */
  after: string;
}

const FIG_RE = /(?<![0-9.,])([0-9](?:[0-9,.]*[0-9])?)\s?(万元|元|%|台\(套\)|人|辆|台|套|个|家|项|次|件|部|名|批|条|户|所|间|场|期|座|处|册|张|份|篇)/gu;
const DELIM = /[,;:。、]/u;
const COUNT_UNITS = new Set(['人', '辆', '台(套)', '台', '套', '个', '家', '项', '次', '件', '部', '名', '批', '条', '户', '所', '间', '场', '期', '座', '处', '册', '张', '份', '篇']);

function scanFigures(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(FIG_RE)) {
    const numStart = m.index;
    const end = numStart + m[0].length;
    let c = numStart;
    while (c > 0 && !DELIM.test(text[c - 1]!)) c--;
    let a = end;
    while (a < text.length && !DELIM.test(text[a]!)) a++;
    out.push({ num: m[1]!, unit: m[2]!, numStart, end, clauseStart: c, before: text.slice(c, numStart), after: text.slice(end, a) });
  }
  return out;
}

const LEAD_WORDS = /^(?:其中|包括|主要用于|主要包括|主要是|用于|共有|共计|共|安排购置|购置|购买|采购|比|为|是|合计|总计|具体包括)+/u;

/** A readable label from the words before a figure: markers, year, unit names and verbs dropped. */
function cleanLabel(before: string, names: string[]): string {
  let s = before.replace(SEC_RE, '$2').replace(SUB_RE, '').replace(ITEM_RE, '');
  s = s.replace(/^20\d{2}年/u, '');
  for (const n of names) if (n && s.startsWith(n)) s = s.slice(n.length);
  s = s.replace(/^20\d{2}年/u, '').replace(LEAD_WORDS, '');
  return s.replace(/(为|是)$/u, '').trim();
}

/** Signed direction of a change word: 增加/增长 +1, 减少/下降 -1, otherwise 0. */
function direction(before: string): -1 | 0 | 1 {
  if (/(增加|增长|上升|提高)$/u.test(before)) return 1;
  if (/(减少|下降|降低)$/u.test(before)) return -1;
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Parsing state

interface Ctx {
  ictx: ImportContext;
  names: string[];
  facts: Fact[];
}

interface Where {
  flow: Flow;
  fig: Figure;
}

function figSrc(w: Where): Src {
  return w.flow.src(w.fig.clauseStart, w.fig.end);
}

function moneyOf(c: Ctx, w: Where): Money {
  const { num, unit } = w.fig;
  try {
    const u = unit === '元' ? '元' : '万元';
    // The amount carries its own provenance (the figure as printed), as every amount read from a document does.
    return { fen: parseAmount(num, u), decimals: decimalsOf(num), src: w.flow.src(w.fig.numStart, w.fig.numStart + num.length) };
  } catch (e) {
    if (e instanceof MoneyParseError) unreadable(c.ictx, w.flow.lineAt(w.fig.numStart), `金额（${unit}）`, `“${clip(num)}”不是金额（${unit}）`, num);
    throw e;
  }
}

function countOf(c: Ctx, w: Where): number {
  if (!/^(\d{1,3}(,\d{3})+|\d+)$/u.test(w.fig.num)) unreadable(c.ictx, w.flow.lineAt(w.fig.numStart), `整${w.fig.unit}数`, `“${clip(w.fig.num)}”不是${w.fig.unit}数`, w.fig.num);
  return Number(w.fig.num.replace(/,/gu, ''));
}

function percentOf(c: Ctx, w: Where, sign: -1 | 0 | 1): string {
  const n = w.fig.num;
  if (!/^\d+(\.\d+)?$/u.test(n)) unreadable(c.ictx, w.flow.lineAt(w.fig.numStart), '百分比', `“${clip(n)}%”不是百分比`, n + '%');
  return sign < 0 && /[1-9]/u.test(n) ? '-' + n : n;
}

/** Records a figure as a fact under `key`; money is signed by `sign` (減少 → negative). */
/**
 * Notes a figure of the narrative that cannot be read (code `fact-unreadable`, at its line) instead
 * of refusing the document; the figure gives no fact.
 */
function unreadFigure(c: Ctx, w: Where, e: Unreadable): void {
  const line = w.flow.lineAt(w.fig.numStart);
  c.ictx.notes.push({ severity: 'error', code: 'fact-unreadable', table: null, row: null, message: `说明第 ${line.no} 行的数字未能读取：${e.reason}`, src: srcOf(line) });
}

function addFact(c: Ctx, w: Where, key: string, label?: string, sign: -1 | 0 | 1 = 0): void {
  try {
    readFact(c, w, key, label, sign);
  } catch (e) {
    if (!(e instanceof Unreadable)) throw e;
    unreadFigure(c, w, e);
  }
}

function readFact(c: Ctx, w: Where, key: string, label: string | undefined, sign: -1 | 0 | 1): void {
  const fig = w.fig;
  const f: Fact = { key, label: label ?? (cleanLabel(fig.before, c.names) || fig.after.replace(/^以上/u, '')), src: figSrc(w) };
  if (fig.unit === '%') f.percent = percentOf(c, w, sign);
  else if (COUNT_UNITS.has(fig.unit)) {
    f.count = countOf(c, w);
    f.text = fig.unit;
  } else {
    const m = moneyOf(c, w);
    if (sign < 0 && m.fen !== 0) m.fen = -m.fen;
    f.money = m;
  }
  c.facts.push(f);
}

function addText(c: Ctx, flow: Flow, key: string, label: string, a: number, b: number): void {
  c.facts.push({ key, label, text: flow.text.slice(a, b), src: flow.src(a, b) });
}

const isMoney = (f: Figure) => f.unit === '万元' || f.unit === '元';

// ---------------------------------------------------------------------------------------------
// Part 1 部门概况

const STAFF: [RegExp, string][] = [
  [/离休/u, 'staff.retired-lixiu'],
  [/老工勤/u, 'staff.old-workers'],
  [/退休/u, 'staff.retired'],
  [/雇员/u, 'staff.employees'],
  [/社区工作站/u, 'staff.community-workstation'],
  [/劳务派遣/u, 'staff.dispatched'],
  [/(临聘|聘用|聘员)/u, 'staff.contract'],
];

function part1(c: Ctx, part: PartDraft, duties: Text[], goals: { value?: Text }): void {
  for (const s of part.sections) {
    if (/职能|职责/u.test(s.title)) {
      for (const p of s.paragraphs) {
        const m = SUB_RE.exec(p.text) ?? ITEM_RE.exec(p.text);
        duties.push({ text: m ? p.text.slice(m[0].length) : p.text, src: p.src() });
      }
    }
    if (/工作目标|工作任务|主要任务/u.test(s.title) && s.paragraphs.length > 0) {
      const first = s.paragraphs[0]!;
      const last = s.paragraphs[s.paragraphs.length - 1]!;
      const src = first.src();
      const end = last.lineAt(last.text.length - 1);
      if (end.no !== src.line) src.endLine = end.no;
      src.raw = s.paragraphs.map((p) => p.src().raw).join('\n');
      goals.value = { text: s.paragraphs.map((p) => p.text).join('\n'), src };
    }
    let cat: 'admin' | 'career' | 'worker' | null = null;
    for (const flow of s.paragraphs) {
      if (/编制|交通工具|车辆|人员/u.test(s.title)) {
        const reform = /已实行公务用车改革|未实行公务用车改革/u.exec(flow.text);
        if (reform) addText(c, flow, 'vehicles.reform', '公务用车改革', reform.index, reform.index + reform[0].length);
      }
      for (const fig of scanFigures(flow.text)) {
        const w = { flow, fig };
        const b = fig.before;
        if ((fig.unit === '家' || fig.unit === '个') && /基层单位/u.test(fig.after)) {
          addFact(c, w, 'unit.subordinate-count', '基层单位');
        } else if (fig.unit === '人') {
          let key: string | undefined;
          if (/行政编制/u.test(b)) [cat, key] = ['admin', 'staff.admin.establishment'];
          else if (/事业编制/u.test(b)) [cat, key] = ['career', 'staff.career.establishment'];
          else if (/工勤(人员)?编制/u.test(b)) [cat, key] = ['worker', 'staff.worker.establishment'];
          else if (/实有|在编/u.test(b) && cat) key = `staff.${cat}.actual`;
          else key = STAFF.find(([r]) => r.test(b))?.[1] ?? 'staff.other';
          addFact(c, w, key);
        } else if (fig.unit === '辆') {
          const key = /摩托/u.test(b) ? 'vehicles.motorcycles' : /定编|编制/u.test(b) ? 'vehicles.establishment' : /实有|共有/u.test(b) ? 'vehicles.actual' : 'vehicles.other';
          addFact(c, w, key);
        } else addFact(c, w, 'unclassified');
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Part 2 部门预算收支总体情况 and the shared total/change/breakdown sentences

const REVENUE_SOURCES: [RegExp, string][] = [
  [/一般公共预算/u, 'revenue.general'],
  [/政府性基金/u, 'revenue.gov-fund'],
  [/国有资本经营/u, 'revenue.state-capital'],
  [/政府预算拨款|财政拨款/u, 'revenue.gov-approp'],
  [/财政专户/u, 'revenue.special-account'],
  [/单位资金/u, 'revenue.unit-funds'],
  [/事业收入/u, 'revenue.business'],
  [/经营收入/u, 'revenue.operating'],
  [/上级补助/u, 'revenue.superior'],
  [/附属单位/u, 'revenue.subordinate'],
  [/上年结[转余]/u, 'revenue.carry-over'],
  [/其他收入/u, 'revenue.other-income'],
];

const EXPENDITURE_PARTS: [RegExp, string][] = [
  [/离退休/u, 'expenditure.retiree'],
  [/人员/u, 'expenditure.personnel'],
  [/公用/u, 'expenditure.public'],
  [/项目支出/u, 'expenditure.project'],
  [/基本支出/u, 'expenditure.basic'],
];

const TOTAL_RE = /(预算|收入|支出)(总额|总计|合计)?(为|是)?$/u;

/**
 * The sentence "YYYY年<unit>部门预算收入/支出 X 万元，比 YYYY 年增加 X 万元，增长 X%，其中：…".
 * `side` names the total; the breakdown after it is read with the side's label table.
 */
function totalSentence(c: Ctx, flow: Flow, side: 'revenue' | 'expenditure'): void {
  let seenTotal = false;
  for (const fig of scanFigures(flow.text)) {
    const w = { flow, fig };
    const dir = direction(fig.before);
    if (!seenTotal && isMoney(fig) && TOTAL_RE.test(fig.before)) {
      seenTotal = true;
      addFact(c, w, `${side}.total`);
    } else if (isMoney(fig) && dir !== 0) addFact(c, w, `${side}.change.amount`, fig.before, dir);
    else if (fig.unit === '%' && dir !== 0) addFact(c, w, `${side}.change.percent`, fig.before, dir);
    else if (isMoney(fig)) {
      const table = side === 'revenue' ? REVENUE_SOURCES : EXPENDITURE_PARTS;
      const key = table.find(([r]) => r.test(fig.before))?.[1] ?? `${side}.component`;
      addFact(c, w, key);
    } else addFact(c, w, 'unclassified');
  }
}

const REVENUE_SENTENCE = /^(20\d{2})年(.+?)(?:部门|单位)?预算收入\s?[0-9]/u;
const EXPENDITURE_SENTENCE = /^20\d{2}年.*?预算支出\s?[0-9]/u;
const REASON_RE = /^(?:预算)?收支[^,。:]{0,12}原因(?:说明)?:/u;

function part2(c: Ctx, part: PartDraft, change: { value?: Text }): void {
  for (const s of part.sections)
    for (const flow of s.paragraphs) {
      if (REVENUE_SENTENCE.test(flow.text)) totalSentence(c, flow, 'revenue');
      else if (EXPENDITURE_SENTENCE.test(flow.text)) totalSentence(c, flow, 'expenditure');
      else {
        const r = REASON_RE.exec(flow.text);
        if (r) change.value = { text: flow.text.slice(r[0].length), src: flow.src() };
        for (const fig of scanFigures(flow.text)) {
          const w = { flow, fig };
          const dir = direction(fig.before);
          const key = r ? (fig.unit === '%' ? 'change-reason.percent' : 'change-reason.amount') : 'unclassified';
          addFact(c, w, key, undefined, fig.unit === '%' ? dir : 0);
        }
      }
    }
}

// ---------------------------------------------------------------------------------------------
// Part 3 部门预算支出具体情况 and the project list

const LABEL_LEAD = /^(?:主要用于|主要包括|用于|包括|其中|安排|购置|购买|采购|开展|支付)+/u;

function itemLabel(before: string): string {
  return before.replace(LABEL_LEAD, '').trim();
}

function parseProject(c: Ctx, flow: Flow, projects: NarrativeProject[]): boolean {
  const before = c.ictx.notes.length;
  const facts = c.facts.length;
  try {
    return readProject(c, flow, projects);
  } catch (e) {
    if (!(e instanceof Unreadable)) throw e;
    // The project item cannot be read: noted once at its figure, nothing of it kept.
    c.ictx.notes.length = before;
    c.facts.length = facts;
    const line = flow.lines.find((l) => l.no === e.where.line) ?? flow.lineAt(0);
    c.ictx.notes.push({ severity: 'error', code: 'fact-unreadable', table: null, row: null, message: `说明第 ${line.no} 行的项目支出未能读取：${e.reason}`, src: srcOf(line) });
    return true;
  }
}

function readProject(c: Ctx, flow: Flow, projects: NarrativeProject[]): boolean {
  const m = ITEM_RE.exec(flow.text);
  if (!m) return false;
  const figs = scanFigures(flow.text);
  const head = figs[0];
  if (!head || !isMoney(head) || head.clauseStart !== 0) {
    c.ictx.notes.push({ severity: 'warning', message: '项目支出 list item without an amount', src: flow.src() });
    return false;
  }
  const name = flow.text.slice(m[0].length, head.numStart).trim();
  const amount: Money = { ...moneyOf(c, { flow, fig: head }), src: flow.src(head.numStart, head.end) };
  let d = head.end;
  while (d < flow.text.length && /[,;:\s]/u.test(flow.text[d]!)) d++;
  const project: NarrativeProject = { no: Number(m[1]), name, amount, description: flow.text.slice(d), items: [], src: flow.src() };
  addFact(c, { flow, fig: head }, 'project.amount', name);
  for (const fig of figs.slice(1)) {
    const w = { flow, fig };
    const label = itemLabel(fig.before);
    if (fig.unit === '%') {
      addFact(c, w, 'project.percent', name);
    } else if (isMoney(fig)) {
      project.items.push({ label, money: moneyOf(c, w) });
      addFact(c, w, 'project.item.amount', label);
    } else {
      project.items.push({ label, count: countOf(c, w), unit: fig.unit });
      addFact(c, w, 'project.item.count', label);
    }
  }
  projects.push(project);
  return true;
}

function part3(c: Ctx, part: PartDraft, projects: NarrativeProject[]): void {
  for (const s of part.sections)
    for (const [i, flow] of s.paragraphs.entries()) {
      if (/项目支出/u.test(s.title) && i > 0 && parseProject(c, flow, projects)) continue;
      let seenTotal = false;
      for (const fig of scanFigures(flow.text)) {
        const w = { flow, fig };
        if (s.no === '' && !seenTotal && isMoney(fig) && TOTAL_RE.test(fig.before)) {
          seenTotal = true;
          addFact(c, w, 'expenditure.total', '部门预算支出');
        } else if (isMoney(fig) && fig.clauseStart < fig.numStart) {
          const key = EXPENDITURE_PARTS.find(([r]) => r.test(fig.before))?.[1];
          addFact(c, w, key ?? 'unclassified');
        } else addFact(c, w, 'unclassified');
      }
    }
}

// ---------------------------------------------------------------------------------------------
// Part 4 政府采购预算情况

function part4(c: Ctx, part: PartDraft): void {
  for (const s of part.sections)
    for (const flow of s.paragraphs) {
      const none = /无政府采购/u.exec(flow.text);
      if (none) addText(c, flow, 'procurement.none', '政府采购', 0, flow.text.length);
      let seenTotal = false;
      for (const fig of scanFigures(flow.text)) {
        const w = { flow, fig };
        const b = fig.before;
        let key = 'unclassified';
        if (isMoney(fig)) {
          if (!seenTotal && /(共计|合计|总计|总额|预算)(为|是)?$/u.test(b)) {
            seenTotal = true;
            key = 'procurement.total';
          } else if (/货物/u.test(b)) key = 'procurement.goods';
          else if (/工程/u.test(b)) key = 'procurement.works';
          else if (/服务/u.test(b)) key = 'procurement.services';
          else if (direction(b) !== 0) key = 'procurement.change.amount';
        } else if (fig.unit === '%' && direction(b) !== 0) key = 'procurement.change.percent';
        addFact(c, w, key, key === 'procurement.total' ? '政府采购预算' : undefined, direction(b));
      }
    }
}

// ---------------------------------------------------------------------------------------------
// Part 5 "三公"经费

const THREE_SUBJECTS: [RegExp, string][] = [
  [/因公出国/u, 'overseas'],
  [/公务接待/u, 'reception'],
  [/购置(和|及|与)运行/u, 'vehicles'],
  [/(公务用车|车辆)购置费/u, 'vehicle-purchase'],
  [/(公务用车|车辆)运行(维护|维修)?费/u, 'vehicle-running'],
  [/公务用车/u, 'vehicles'],
];

const THREE_NAMES: Record<string, string> = {
  overseas: '因公出国(境)费用',
  reception: '公务接待费',
  vehicles: '公务用车购置和运行维护费',
  'vehicle-purchase': '公务用车购置费',
  'vehicle-running': '公务用车运行维护费',
};

/** The last subject named in `s` (the clause leading to a figure). */
function lastSubject(s: string): string | null {
  let best: { at: number; subject: string } | null = null;
  for (const [r, subject] of THREE_SUBJECTS) {
    const g = new RegExp(r.source, 'gu');
    for (const m of s.matchAll(g)) if (!best || m.index > best.at) best = { at: m.index, subject };
  }
  return best?.subject ?? null;
}

function part5(c: Ctx, part: PartDraft): void {
  for (const s of part.sections)
    for (const flow of s.paragraphs) {
      const t = flow.text;
      const heading = SUB_RE.test(t) ? t.slice(0, t.indexOf('。') + 1 || t.length) : '';
      const paraSubject = heading ? lastSubject(heading) : null;
      for (const fig of scanFigures(t)) {
        const w = { flow, fig };
        if (/单位范围/u.test(s.title) || ((fig.unit === '个' || fig.unit === '家') && /基层单位/u.test(fig.after))) {
          addFact(c, w, 'three-public.unit-count', '基层单位');
          continue;
        }
        // The clause since the last ";" or "其中:" names what a figure is about.
        const upto = t.slice(0, fig.numStart);
        const cut = Math.max(upto.lastIndexOf(';'), upto.lastIndexOf('其中'));
        const subject = lastSubject(upto.slice(Math.max(cut, 0))) ?? paraSubject;
        const base = subject ? `three-public.${subject}` : 'three-public';
        const dir = direction(fig.before);
        let key: string;
        if (fig.unit === '%') key = dir !== 0 ? `${base}.change.percent` : 'unclassified';
        else if (!isMoney(fig)) key = 'unclassified';
        else if (dir !== 0) key = subject ? `${base}.change` : 'three-public.change.amount';
        else if (/各单位/u.test(fig.before)) key = `${base}.all-units`;
        else key = subject ? base : 'three-public.total';
        const name = subject ? THREE_NAMES[subject] : '“三公”经费';
        addFact(c, w, key, key.includes('change') ? `${name}:${fig.before}` : name, dir);
      }
    }
}

// ---------------------------------------------------------------------------------------------
// Part 6 部门预算绩效管理情况

function part6(c: Ctx, part: PartDraft): void {
  for (const s of part.sections)
    for (const flow of s.paragraphs)
      for (const fig of scanFigures(flow.text)) {
        const w = { flow, fig };
        if ((fig.unit === '家' || fig.unit === '个') && /基层单位/u.test(fig.after)) addFact(c, w, 'performance.unit-count', '基层单位');
        else if ((fig.unit === '个' || fig.unit === '项') && /项目|绩效目标/u.test(fig.after)) addFact(c, w, 'performance.project-count', fig.after);
        else if (isMoney(fig) && /资金|预算/u.test(fig.before)) addFact(c, w, 'performance.amount', cleanLabel(fig.before, c.names));
        else addFact(c, w, 'unclassified');
      }
}

// ---------------------------------------------------------------------------------------------
// Part 7 其他需要说明情况

const VEHICLE_KINDS: [RegExp, string][] = [
  [/一般公务用车/u, 'official'],
  [/执法执勤/u, 'law-enforcement'],
  [/特种专业技术/u, 'special'],
  [/其他用车/u, 'other'],
  [/(共有|实有)?车辆$/u, 'total'],
];

/** The scope of an asset paragraph: `2020-12-31` (截至…), `2021` (budget year) or `purchase`. */
function assetScope(t: string): string | null {
  if (/安排购置/u.test(t)) return 'purchase';
  const d = /^截[至止](20\d{2})年(\d{1,2})月(\d{1,2})日/u.exec(t);
  if (d) return `${d[1]}-${d[2]!.padStart(2, '0')}-${d[3]!.padStart(2, '0')}`;
  const y = /^(20\d{2})年/u.exec(t);
  return y ? y[1]! : null;
}

function equipmentKind(s: string): string | null {
  let best: { at: number; kind: string } | null = null;
  for (const [r, kind] of [
    [/通用设备/gu, 'general-equipment'],
    [/专用设备/gu, 'special-equipment'],
  ] as const)
    for (const m of s.matchAll(r)) if (!best || m.index > best.at) best = { at: m.index, kind };
  return best?.kind ?? null;
}

function part7(c: Ctx, part: PartDraft): void {
  for (const s of part.sections) {
    const topic = /机关运行经费/u.test(s.title) ? 'operating' : /国有资产|资产占用/u.test(s.title) ? 'assets' : /其他/u.test(s.title) ? 'other' : null;
    for (const flow of s.paragraphs) {
      const t = flow.text;
      if (topic === 'operating') {
        const none = /无机关运行经费[^,。;]*/u.exec(t);
        if (none) addText(c, flow, 'operating-funds', '机关运行经费', none.index, none.index + none[0].length);
      }
      if (topic === 'other') {
        const none = /^本(单位|部门)无[^。]*/u.exec(t);
        if (none) addText(c, flow, 'other.none', '无预算', 0, none[0].length);
      }
      const scope = topic === 'assets' ? assetScope(t) : null;
      for (const fig of scanFigures(t)) {
        const w = { flow, fig };
        const b = fig.before;
        const dir = direction(b);
        let key = 'unclassified';
        if (topic === 'operating') {
          if (fig.unit === '%') key = dir ? 'operating-funds.change.percent' : key;
          else if (isMoney(fig)) key = dir ? 'operating-funds.change' : 'operating-funds';
        } else if (topic === 'assets' && scope) {
          const prefix = scope === 'purchase' ? 'assets.purchase' : `assets.${scope}`;
          const sentence = t.slice(Math.max(t.lastIndexOf('。', fig.numStart - 1) + 1, 0), fig.numStart);
          if (fig.unit === '辆') key = `${prefix}.vehicles.${VEHICLE_KINDS.find(([r]) => r.test(b))?.[1] ?? 'type'}`;
          else if (/^(台|套|台\(套\)|件)$/u.test(fig.unit)) key = `${prefix}.${equipmentKind(b) ?? 'equipment'}.count`;
          else if (isMoney(fig) && /^以上/u.test(fig.after)) key = `${prefix}.${equipmentKind(fig.after) ?? 'equipment'}.threshold`;
          else if (isMoney(fig)) key = `${prefix}.${equipmentKind(sentence) ?? 'equipment'}.value`;
        } else if (topic === 'other' && isMoney(fig)) {
          key = /政府性基金/u.test(b) ? 'other.gov-fund' : /国有资本/u.test(b) ? 'other.state-capital' : /转移支付/u.test(b) ? 'other.transfer' : 'other.amount';
        }
        const label = key.endsWith('.threshold') ? `${fig.num}${fig.unit}${/^以上[^0-9]*/u.exec(fig.after)?.[0] ?? ''}` : undefined;
        addFact(c, w, key, label, fig.unit === '%' || isMoney(fig) ? dir : 0);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Part 8 名词解释

function part8(c: Ctx, part: PartDraft, glossary: Narrative['glossary']): void {
  for (const s of part.sections) {
    if (s.paragraphs.length === 0) continue;
    const first = s.paragraphs[0]!;
    const body = s.paragraphs
      .map((p) => p.text)
      .join('')
      .replace(SEC_RE, '$2');
    const src = first.src();
    const last = s.paragraphs[s.paragraphs.length - 1]!;
    const endNo = last.lineAt(last.text.length - 1).no;
    if (endNo !== src.line) src.endLine = endNo;
    const colon = body.indexOf(':');
    const comma = body.indexOf(',');
    const cut = colon >= 0 ? colon : comma;
    if (s.no !== '' && cut > 0) glossary.push({ term: body.slice(0, cut), definition: body.slice(cut + 1), src });
    for (const flow of s.paragraphs) for (const fig of scanFigures(flow.text)) addFact(c, { flow, fig }, 'unclassified');
  }
}

// ---------------------------------------------------------------------------------------------
// Entry point

/**
 * Parses parts 1–8 into the narrative model with its facts, projects, duties, goals and glossary;
 * sets `ctx.year` and `ctx.unitName` from part 2's revenue sentence (the unit name confirmed by part
 * 1's "X包括…共N家基层单位"). Throws an input error when part 2 has no revenue total sentence or a
 * figure in a recognised sentence is malformed.
 */
export function parseNarrative(parts: Block[], ctx: ImportContext): NarrativeResult {
  const part2Block = parts.find((p) => p.no === 2);
  if (!part2Block) unreadable(ctx, parts[parts.length - 1]?.lines[0], '“第二部分 部门预算收支总体情况”', '找不到“第二部分 部门预算收支总体情况”', '没有第二部分');
  // The unit name opens paragraphs, so it is read before paragraphs are split: from part 2's joined text.
  const p2 = joinLines(part2Block.lines.slice(1));
  // A unit's name may hold digits (福田区12345热线服务中心, 第2分中心), not a figure (8,849.20).
  const rev = /(?:^|。)(20\d{2})年((?:[^,。:;0-9]|[0-9]+(?![0-9.,]))+?)(?:部门|单位)?预算收入\s?[0-9]/u.exec(p2.text);
  if (!rev) {
    unreadable(ctx, part2Block.lines[1] ?? part2Block.lines[0], '第二部分中的“YYYY年<单位>部门预算收入 X 万元”', '第二部分找不到“YYYY年<单位>部门预算收入 X 万元”一句');
  }
  const year = Number(rev[1]);
  const unitName = rev[2]!;

  const subordinateUnits: Text[] = [];
  const part1Block = parts.find((p) => p.no === 1);
  if (part1Block) {
    const p1 = joinLines(part1Block.lines.slice(1));
    const esc = unitName.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
    const sub = new RegExp(`${esc}包括([^。]+?)共(\\d+)(?:家|个)基层单位`, 'u').exec(p1.text) ?? /包括([^。]+?)共(\d+)(?:家|个)基层单位/u.exec(p1.text);
    if (sub) {
      let at = sub.index + sub[0].indexOf('包括') + 2;
      for (const name of sub[1]!.split(/([、,])/u)) {
        if (name !== '、' && name !== ',' && name.length > 0) subordinateUnits.push({ text: name, src: p1.src(at, at + name.length) });
        at += name.length;
      }
    }
  }
  ctx.year = year;
  ctx.unitName = unitName;

  const names = [unitName, ...subordinateUnits.map((s) => s.text)].sort((a, b) => b.length - a.length);
  const starts = startTest(names);
  const c: Ctx = { ictx: ctx, names, facts: [] };
  const drafts: PartDraft[] = parts.map((b) => ({
    no: b.no,
    title: norm(b.title),
    src: srcOf(b.lines[0]!),
    sections: sectionsOf(b, starts),
  }));

  const duties: Text[] = [];
  const goals: { value?: Text } = {};
  const change: { value?: Text } = {};
  const projects: NarrativeProject[] = [];
  const glossary: Narrative['glossary'] = [];
  for (const d of drafts) {
    if (d.no === 1) part1(c, d, duties, goals);
    else if (d.no === 2) part2(c, d, change);
    else if (d.no === 3) part3(c, d, projects);
    else if (d.no === 4) part4(c, d);
    else if (d.no === 5) part5(c, d);
    else if (d.no === 6) part6(c, d);
    else if (d.no === 7) part7(c, d);
    else if (d.no === 8) part8(c, d, glossary);
    else for (const s of d.sections) for (const flow of s.paragraphs) for (const fig of scanFigures(flow.text)) addFact(c, { flow, fig }, 'unclassified');
  }
  // Without the revenue sentence this is not the Shenzhen narrative; with it unreadable, that is noted.
  const noted = (l: SourceLine) => ctx.notes.some((n) => n.code === 'fact-unreadable' && n.src.line === l.no);
  if (!c.facts.some((f) => f.key === 'revenue.total') && !part2Block.lines.some(noted)) {
    unreadable(ctx, part2Block.lines[1] ?? part2Block.lines[0], '第二部分中的“YYYY年<单位>部门预算收入 X 万元”', '第二部分找不到“YYYY年<单位>部门预算收入 X 万元”一句');
  }

  let competentDepartment: Text | undefined;
  for (const d of drafts)
    for (const s of d.sections)
      for (const flow of s.paragraphs) {
        const m = /主管部门(?:为|是|:)([^,。;:]+)/u.exec(flow.text);
        if (m && !competentDepartment) {
          const a = m.index + m[0].length - m[1]!.length;
          competentDepartment = { text: m[1]!, src: flow.src(a, a + m[1]!.length) };
        }
      }

  const partsOut: NarrativePart[] = drafts.map((d) => ({
    no: d.no,
    title: d.title,
    src: d.src,
    sections: d.sections.map((s): NarrativeSection => ({
      no: s.no,
      title: s.title,
      src: s.src,
      paragraphs: s.paragraphs.map((p) => ({ text: p.text, src: p.src() })),
    })),
  }));
  const narrative: Narrative = { parts: partsOut, duties, projects, glossary, facts: c.facts };
  if (goals.value) narrative.goals = goals.value;
  if (change.value) narrative.changeReason = change.value;
  const result: NarrativeResult = { narrative, subordinateUnits };
  if (competentDepartment) result.competentDepartment = competentDepartment;
  return result;
}
