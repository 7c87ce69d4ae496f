/**
 * The narrative of a disclosure, whatever its region: parts and sections by their headings (第一部分 /
 * 一、 / （一）, the table of contents set aside), paragraphs re-joined across wrapped lines, wrapped
 * numbers and pages, the duties (主要职能) and the glossary (名词解释), and every amount it prints as a
 * fact. A figure whose sentence names its subject ("收入预算 X万元，比上年增加 Y万元，增长 Z%", "其中：
 * 基本支出 X万元", "“三公”经费预算 X万元", "政府采购预算 X万元：货物 …") gets the semantic key of the
 * catalogue (domain/catalogue/facts.ts); every other figure stays a `mention` with the words before it,
 * so that nothing printed is lost and nothing is keyed by a guess.
 */
import {
  budgetItemOf,
  changeKeysOf,
  departmentOfCover,
  factKeyOf,
  GENERIC_LABEL,
  PERFORMANCE_FUNDS,
  isOrgName,
  MENTION,
  SHARE,
  scopeOf,
  sideOf,
  subjectOf,
  type FactScope,
  type FactSubject,
} from '../../domain/catalogue/index.js';
import type { Fact, Money, Narrative, NarrativePart, NarrativeSection, Src, Text } from '../../domain/model.js';
import { decimalsOf, MoneyParseError, parseAmount } from '../../domain/money.js';
import type { SourceLine } from '../text/source.js';
import { minOf, pushAll } from '../../domain/arrays.js';

// --- paragraphs ------------------------------------------------------------------------------

/**
 * A paragraph: its lines joined, white space dropped except one space between two ASCII letters or
 * digits (so "4,424.60 万 元" reads "4,424.60万元" and a number wrapped as "174,900 / .64万元" reads
 * "174,900.64万元"), each character mapped to the line and column it was printed at.
 */
export interface Para {
  text: string;
  /** For each character of `text`: its line (index into `lines`) and its column in that line's text. */
  at: Array<{ li: number; col: number }>;
  lines: SourceLine[];
  /** `row`: a line of a table printed among the narrative (cells apart, amounts without units). */
  kind: 'prose' | 'row';
  /** The table rows among its lines (their bare amounts are read as cells, not as prose). */
  rows: SourceLine[];
  /** A heading alone on its line(s), without a sentence after it. */
  title: boolean;
}

const CN = '一二三四五六七八九十';
const HEADINGS: Array<{ level: number; re: RegExp }> = [
  { level: 0, re: new RegExp(`^第([${CN}]{1,3})部分[:：\\s]*`) },
  { level: 1, re: new RegExp(`^([${CN}]{1,3})(?:、|[.．](?!\\d))\\s*`) },
  { level: 2, re: new RegExp(`^[(（]([${CN}]{1,3})[)）]\\s*`) },
  { level: 3, re: /^(\d{1,2})[.、．](?![\d.])\s*/ },
  { level: 4, re: /^[(（](\d{1,2})[)）]\s*/ },
];

/** A heading at the start of a text: its level (0 第X部分, 1 一、, 2 （一）, 3 1., 4 （1）), numeral and title. */
export function headingOf(text: string): { level: number; no: string; title: string; rest: string } | null {
  for (const h of HEADINGS) {
    const m = h.re.exec(text);
    if (!m) continue;
    const body = text.slice(m[0].length);
    const cut = /[。:：,，;；]/.exec(body);
    const title = (cut ? body.slice(0, cut.index) : body).trim();
    return { level: h.level, no: m[1]!, title, rest: cut ? body.slice(cut.index + 1) : '' };
  }
  return null;
}

const TITLE_PUNCT = /[。,，;；!?！？]/;
export const DOT_LEADER = /(?:\.{5,}|…{2,}|·{5,}|-{6,}|_{6,})\s*\d*\s*$/;
const DECIMAL_CELL = /^-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)$/;

/** True for a line of a table printed among the narrative: cells apart, at least one a bare amount. */
export function isRowLine(text: string, indent = 0): boolean {
  const cells = text.split(/\s{2,}/).filter((c) => c !== '');
  // A lone amount far from the margin is a cell of a table's row whose label wrapped onto other lines.
  if (cells.length === 1) return indent >= 8 && DECIMAL_CELL.test(cells[0]!);
  if (cells.length < 2) return false;
  if (cells.some((c) => /万元|。/.test(c))) return false;
  return cells.some((c) => DECIMAL_CELL.test(c));
}

/** A heading that stands alone: no sentence after it, short, no amount. */
function isTitleText(text: string): boolean {
  const h = headingOf(text);
  if (!h) return false;
  const body = text.replace(HEADINGS[h.level]!.re, '').replace(/[:：]$/, '');
  const open = (body.match(/[(（]/g) ?? []).length;
  const close = (body.match(/[)）]/g) ?? []).length;
  // "第一部分" alone on its line: its title follows on the next.
  if (h.level === 0 && body === '') return true;
  return body.length > 0 && body.length <= 40 && open === close && !TITLE_PUNCT.test(body) && !/[:：]/.test(body) && !/\d+(?:\.\d+)?\s*(?:万元|元|%)/.test(body);
}

/** Appends a line to a paragraph, dropping white space except between two ASCII letters or digits. */
function append(p: Para, l: SourceLine): void {
  const li = p.lines.length;
  p.lines.push(l);
  const t = l.text;
  const alnum = (c: string | undefined) => c !== undefined && /[0-9A-Za-z]/.test(c);
  let pendingSpace = p.text.length > 0;
  let gap = 0;
  for (let col = 0; col < t.length; col++) {
    const c = t[col]!;
    if (/\s/.test(c)) {
      pendingSpace = true;
      gap++;
      continue;
    }
    // A wide gap inside a line is a column of the layout, not a wrapped number: "890      .22万元" is two pieces.
    const wide = gap >= 3 && /\d/.test(p.text[p.text.length - 1] ?? '') && /[.\d]/.test(c);
    gap = 0;
    if ((pendingSpace && alnum(p.text[p.text.length - 1]) && alnum(c)) || wide) {
      p.text += ' ';
      p.at.push({ li, col });
    }
    pendingSpace = false;
    p.text += c;
    p.at.push({ li, col });
  }
}

/** Where a span of a paragraph was printed: first line, last line, page and the text as printed (line breaks kept). */
export function spanSrc(p: Para, start: number, end: number): Src {
  const a = p.at[Math.max(0, Math.min(start, p.at.length - 1))]!;
  const b = p.at[Math.max(0, Math.min(end - 1, p.at.length - 1))]!;
  const parts: string[] = [];
  for (let li = a.li; li <= b.li; li++) {
    const t = p.lines[li]!.text;
    parts.push(t.slice(li === a.li ? a.col : 0, li === b.li ? b.col + 1 : t.length));
  }
  const first = p.lines[a.li]!;
  const last = p.lines[b.li]!;
  const s: Src = { line: first.no, page: first.page, raw: parts.join('\n') };
  if (last.no !== first.no) s.endLine = last.no;
  return s;
}

/** The lines of a table of contents: after 目录 while they read as entries, and dot-leader lines anywhere. */
export function tocLines(lines: SourceLine[]): Set<SourceLine> {
  const out = new Set<SourceLine>();
  const key = (l: SourceLine) => l.text.replace(DOT_LEADER, '').replace(/\s+/g, '');
  let inToc = false;
  const seen = new Set<string>();
  for (const l of lines) {
    const t = l.text.replace(/\s+/g, '');
    if (DOT_LEADER.test(l.text)) {
      out.add(l);
      seen.add(key(l));
      continue;
    }
    if (/^目录$/.test(t)) {
      inToc = true;
      out.add(l);
      continue;
    }
    if (!inToc) continue;
    // An entry: a heading, a title with its page number, or the wrapped tail of the entry before ("明").
    const entry = t.length <= 50 && !/[。;；,，]/.test(t) && (headingOf(t) !== null || /\d+$/.test(t) || /(部分|表|说明|情况|解释|概况)$/.test(t) || t.length <= 12);
    // The body starts where an entry repeats, or begins again wrapped ("第一部分" / "部门概况").
    const tail = t.length <= 12 && headingOf(t) === null && !/(部分|表|说明|情况|解释|概况)$/.test(t);
    if (!entry || (!tail && (seen.has(key(l)) || [...seen].some((k) => k.startsWith(key(l)))))) {
      inToc = false;
      continue;
    }
    seen.add(key(l));
    out.add(l);
  }
  return out;
}

/**
 * The parts a table of contents lists ("一、单位主要职能") when the body prints their titles without the
 * numbers ("上海市数据局（单位）主要职能"); empty when the body prints the numbered titles itself.
 */
export function unnumberedParts(lines: SourceLine[], toc: Set<SourceLine>): Array<{ no: string; title: string }> {
  const entries = [...toc]
    .map((l) => headingOf(l.text.replace(DOT_LEADER, '').replace(/\s+/g, '')))
    .filter((h): h is NonNullable<typeof h> => h !== null && h.level <= 1 && h.title.length >= 4 && !h.rest);
  if (entries.length === 0) return [];
  const top = minOf(entries.map((e) => e.level));
  const printed = new Set<string>();
  lines.forEach((l, i) => {
    if (toc.has(l)) return;
    const h = headingOf(l.text.replace(/\s+/g, ''));
    // "第一部分" / "部门概况": the number alone, its title on the next line.
    if (h) printed.add(`${h.level}|${h.title || (lines[i + 1]?.text.replace(/\s+/g, '') ?? '')}`);
  });
  if (entries.some((e) => e.level === top && printed.has(`${e.level}|${e.title}`))) return [];
  return entries.filter((e) => e.level === top).map((e) => ({ no: e.no, title: e.title }));
}

/** The contents part a short line alone names by its ending ("…主要职能", "2026年单位预算编制说明"). */
function contentsPartOf(text: string, parts: Array<{ no: string; title: string }>): { no: string; title: string } | null {
  const t = text.replace(/\s+/g, '').replace(/[:：]$/, '');
  if (parts.length === 0 || t.length > 30 || TITLE_PUNCT.test(t) || headingOf(t) !== null) return null;
  const e = parts.find((x) => t.endsWith(x.title.slice(-4)));
  return e ? { no: e.no, title: t } : null;
}

/** A line that continues the one before whatever its indentation: a wrapped number, unit or punctuation. */
const CONTINUES = /^(?:[.,，、。;；:：)）%”》」』]|万元|亿元|元[,，。;；、)）]|元$)/;

/** Paragraphs of the narrative lines: joined until a sentence ends and the next line opens a paragraph. */
export function paragraphs(lines: SourceLine[], toc: Set<SourceLine> = tocLines(lines), contents: Array<{ no: string; title: string }> = []): Para[] {
  const out: Para[] = [];
  let cur: Para | null = null;
  let prev: SourceLine | null = null;
  const open = (l: SourceLine, kind: Para['kind']): Para => {
    const p: Para = { text: '', at: [], lines: [], kind, title: false, rows: [] };
    out.push(p);
    return p;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const t = l.text.trim();
    if (t === '' || toc.has(l)) {
      cur = null;
      prev = null;
      continue;
    }
    if (isRowLine(l.text, l.indent)) {
      // A row inside an unfinished sentence is a table pdftotext printed into it: the paragraph goes on.
      const into: Para = cur && cur.kind === 'prose' && !cur.title && !/[。:：;；!?！？]$/.test(cur.text) ? cur : open(l, 'row');
      append(into, l);
      into.rows.push(l);
      cur = into;
      prev = l;
      continue;
    }
    // The wrapped cells of a table row ("级)   障,2026 年预计完成不少于", "政府办公厅）") stay with their row.
    if (cur?.kind === 'row') {
      const sq = l.text.replace(/\s+/g, '');
      if ((l.indent >= 8 || /\S\s{3,}\S/.test(l.text) || (sq.length <= 12 && !TITLE_PUNCT.test(sq))) && headingOf(sq) === null) {
        append(cur, l);
        prev = l;
        continue;
      }
      cur = null;
      prev = null;
    }
    const squashed = t.replace(/\s+/g, '');
    const hd = headingOf(squashed);
    const heading = hd !== null;
    // A title ends at its line unless the next line, set further left, wraps it ("…及相关机构事" / "务(款)…：反映…").
    let fresh = !cur || (cur.title && !(prev !== null && l.indent < prev.indent && prev.text.replace(/\s+/g, '').length >= 20));
    if (cur && !fresh && !CONTINUES.test(squashed)) {
      const ended = /[。!?！？]$/.test(cur.text) || (/[:：;；]$/.test(cur.text) && heading);
      const indented = prev !== null && l.indent >= 2 && l.indent - prev.indent >= 2 && /[\u4e00-\u9fa5)）”]$/.test(cur.text) && !/^\d/.test(squashed);
      // 一、 and （一） at the start of a line open a paragraph; 1. and （1） only after a finished clause.
      fresh = ended || (hd !== null && (hd.level <= 2 || /[:：;；]$/.test(cur.text) || isTitleText(squashed))) || indented;
    }
    // A wrapped title ("…支出预算情" / "况说明") continues its heading.
    if (
      cur?.title &&
      squashed.length <= 6 &&
      !TITLE_PUNCT.test(squashed) &&
      !/\d/.test(squashed) &&
      /(说明|情况|表|解释|概况|职责|职能|设置|构成|任务|目标)$/.test(squashed) &&
      headingOf(squashed) === null
    )
      fresh = false;
    // "第一部分" / "部门概况": a part number alone on its line takes the next line as its title.
    if (cur?.title && /^第[一二三四五六七八九十]{1,3}部分[:：]?$/.test(cur.text) && squashed.length <= 30 && !TITLE_PUNCT.test(squashed) && headingOf(squashed) === null) fresh = false;
    // A part title the contents list stands alone, whatever comes before or after it.
    const named = contentsPartOf(squashed, contents) !== null;
    if (named) fresh = true;
    if (fresh) cur = open(l, 'prose');
    append(cur!, l);
    cur!.title = named || (cur!.lines.length <= 2 && isTitleText(cur!.text));
    prev = l;
  }
  return out;
}

// --- amounts -------------------------------------------------------------------------------------

/** A figure printed in a paragraph. */
interface Token {
  kind: 'money' | 'percent';
  /** The number as normalised (separators kept). */
  num: string;
  unit: '万元' | '元' | '亿元' | '%';
  start: number;
  numEnd: number;
  end: number;
  /** Parenthesis depth at the figure. */
  depth: number;
}

/** A number; a comma or point before it belongs to it only after a digit (NFKC turns "，" into ","). */
const NUMBER = /(?<![\d.])(?<!\d,)(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?![\d]|,\d)/g;

/** The figures of a paragraph (amounts with a unit, percentages). */
function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  const depthAt: number[] = [];
  let d = 0;
  for (const c of text) {
    if (c === '(' || c === '（') d++;
    depthAt.push(d);
    if ((c === ')' || c === '）') && d > 0) d--;
  }
  for (const m of text.matchAll(NUMBER)) {
    const after = text.slice(m.index + m[0].length);
    // "15.00 万，主要用于…": 万 alone before punctuation is 万元.
    const u = /^\s?(万元|亿元|元|%|万(?=[,，。;；、)）]|$))/.exec(after);
    if (!u) continue;
    out.push({
      kind: u[1] === '%' ? 'percent' : 'money',
      num: m[1]!,
      unit: (u[1] === '万' ? '万元' : u[1]) as Token['unit'],
      start: m.index,
      numEnd: m.index + m[0].length,
      end: m.index + m[0].length + u[0].length,
      depth: depthAt[m.index] ?? 0,
    });
  }
  return out;
}

/** Integer fen of a printed amount in its unit, or null when it cannot be held exactly. */
function fenOf(num: string, unit: '万元' | '元' | '亿元'): number | null {
  try {
    if (unit === '亿元') {
      const [i = '0', f = ''] = num.replace(/,/g, '').replace(/^-/, '').split('.');
      if (f.length > 6) return null;
      const wan = `${i}${f.padEnd(4, '0').slice(0, 4)}.${f.length > 4 ? f.slice(4) : '0'}`;
      const fen = parseAmount(wan, '万元');
      return num.startsWith('-') ? -fen : fen;
    }
    return parseAmount(num, unit);
  } catch (e) {
    if (e instanceof MoneyParseError) return null;
    throw e;
  }
}

// --- clauses -------------------------------------------------------------------------------------

/** Start of the clause a figure stands in: back to a separator outside parentheses (收、支 is one word). */
function clauseStart(text: string, at: number, floor: number): number {
  let depth = 0;
  for (let i = at - 1; i >= floor; i--) {
    const c = text[i]!;
    if (c === ')' || c === '）') depth++;
    else if (c === '(' || c === '（') {
      if (depth === 0) return i + 1;
      depth--;
    } else if (depth === 0 && /[,，;；。:：!?]/.test(c)) return i + 1;
    else if (depth === 0 && c === '、' && !(text[i - 1] === '收' && text[i + 1] === '支') && !(text.slice(i - 2, i) === '收入' && text.slice(i + 1, i + 3) === '支出')) return i + 1;
  }
  return floor;
}

const DIRECTION = /(增加|增长|上升|提高|减少|下降|降低|压减|减|增|多|少)(了)?$/;
const COMPARISON = /比|较|与.{0,16}?(相比|比较|持平)|同比|相比/;
const LEADING = /^(?:其中|包括|主要是|主要包括|主要原因是|主要用于|分别是|分别为|含|即|另|此外|同时|以及|及|和|和其他|均|各|合计|共计|共|具体包括|具体如下)+[:：]?/;

/** The words before a figure as a label: leading connectives and numbering removed, at most 30 characters. */
function labelOf(words: string): string {
  let w = words.replace(/^[\s"'“”]+/, '');
  const h = headingOf(w);
  if (h) w = w.slice(w.length - (h.title.length + (h.rest ? h.rest.length + 1 : 0)));
  w = w.replace(LEADING, '').replace(/^[(（][^)）]*[)）]/, (m) => (/[类款项]/.test(m) ? m : m));
  return w.slice(-30);
}

function sign(word: string): 1 | -1 {
  return /减少|下降|降低|压减|^减|^少/.test(word) ? -1 : 1;
}

// --- reading facts ------------------------------------------------------------------------------

/** What a figure's neighbours need to know about it. */
interface Placed {
  tok: Token;
  key: string | null;
  subject: FactSubject | null;
  scope: FactScope;
  side: 'revenue' | 'expenditure' | null;
  label: string;
  /** The separator before its clause (`、`, `,`, `:` …). */
  sep: string;
  /** The value this one is an item of, when it stands in a "其中 / 包括" list. */
  head: Placed | null;
  change: boolean;
}

/** The context a paragraph is read in: its section's scope and topic, a run-in title's topic, an open list. */
interface Frame {
  scope: FactScope;
  topic: FactSubject | null;
  side: 'revenue' | 'expenditure' | null;
  /** A section titled by a unit's name: its figures are that unit's, not the department's. */
  unit: boolean;
  /** The value whose "其中：" the paragraph continues. */
  list: Placed | null;
  /** The words of the title the topic comes from (the label of a figure stated by topic alone). */
  topicLabel: string;
  /** The department's name, as its cover prints it (a total may follow it: "福州市商务局收入预算"). */
  names: string[];
  /** The budget year the cover names: a figure its words date to another year is not this budget's. */
  year: string | null;
}

function topicOf(title: string, names: string[] = []): FactSubject | null {
  return subjectOf(title.replace(/(情况|说明|预算表|表|安排)+$/, ''), names);
}

/** The paragraph's facts. `frame` is updated with the list the paragraph leaves open. */
function factsOf(p: Para, frame: Frame): Fact[] {
  const out: Fact[] = [];
  const text = p.text;
  const toks = tokensOf(text);
  if (toks.length === 0) return out;
  const placed: Placed[] = [];
  // Sentences end at 。 outside parentheses; segments (for binding a change to its figure) also at ；.
  const sentenceStart = (i: number, withSemicolon: boolean): number => {
    let depth = 0;
    for (let j = i - 1; j >= 0; j--) {
      const c = text[j]!;
      if (c === ')' || c === '）') depth++;
      else if (c === '(' || c === '（') depth = Math.max(0, depth - 1);
      else if (depth === 0 && (c === '。' || (withSemicolon && (c === ';' || c === '；')))) return j + 1;
    }
    return 0;
  };
  const runIn = headingOf(text);
  const placedEnd = (at: number): number => {
    let e = 0;
    for (const t of toks) if (t.end <= at) e = Math.max(e, t.end);
    return e;
  };
  const runInTopic = runIn && runIn.rest ? topicOf(runIn.title, frame.names) : null;
  for (const tok of toks) {
    const segStart = sentenceStart(tok.start, true);
    const sentStart = sentenceStart(tok.start, false);
    // A clause starts after the figure before it at the latest ("…5455.88万元4.财政专户管理资金收入 X万元").
    const prevEnd = placedEnd(tok.start);
    const cs = Math.max(clauseStart(text, tok.start, segStart), prevEnd);
    const sep = cs > 0 ? text[cs - 1]! : '';
    const words = text.slice(cs, tok.start).trim();
    const src = spanSrc(p, cs, tok.end);
    const before = placed.filter((x) => x.tok.start >= segStart && x.tok.depth === tok.depth && !x.change);
    const prevValue = before[before.length - 1] ?? null;
    const lastInSentence = placed.filter((x) => x.tok.start >= sentStart && x.tok.depth === tok.depth && !x.change).pop() ?? null;
    if (tok.kind === 'percent') {
      const dir = DIRECTION.exec(words.replace(/幅度$/, ''));
      if (dir && COMPARISON.test(text.slice(sentStart, tok.start))) {
        const lastChange = [...placed].reverse().find((x) => x.change && x.tok.start >= segStart && x.tok.depth === tok.depth);
        const explicit = words
          .slice(0, dir.index)
          .replace(/(比|较|与|同比|相比).*$/, '')
          .replace(/^[\s,，。;；:：、)）]+/, '')
          .replace(LEADING, '');
        const target = lastChange ?? (explicit ? null : bindTo(prevValue));
        const key = lastChange ? lastChange.key : (target?.key ?? null);
        if (key && (lastChange ? lastChange.subject !== null : true)) {
          const base = lastChange ? changeBase(lastChange) : key;
          if (base)
            out.push({
              key: changeKeysOf(base).percent,
              label: lastChange?.label ?? target?.label ?? labelOf(words),
              percent: sign(dir[1]!) < 0 ? `-${tok.num.replace(/,/g, '')}` : tok.num.replace(/,/g, ''),
              src,
            });
        }
        continue;
      }
      if (/占[^,，;；。]*?(的|比重为|比例为)?$/.test(words) && prevValue && prevValue.tok.kind === 'money') {
        const money = moneyOf(prevValue.tok, p);
        if (money) out.push({ key: SHARE, label: prevValue.label, money, percent: tok.num.replace(/,/g, ''), src: spanSrc(p, prevValue.tok.start, tok.end) });
      }
      continue;
    }
    const fen = fenOf(tok.num, tok.unit as '万元' | '元' | '亿元');
    if (fen === null) continue;
    const money: Money = { fen, decimals: decimalsOf(tok.num.replace(/^-/, '')), src: spanSrc(p, tok.start, tok.numEnd) };
    // A change against last year: "比上年增加 X万元", "较2025年年初预算减少 X万元", "收入比2025年减少 X万元".
    const dir = DIRECTION.exec(words.replace(/各$/, ''));
    if (dir && COMPARISON.test(text.slice(sentStart, tok.start))) {
      const explicitWords = words
        .slice(0, dir.index)
        .replace(/各$/, '')
        .replace(/(比|较|与|同比|相比).*$/, '')
        .replace(/^[\s,，。;；:：、)）]+/, '')
        .replace(LEADING, '');
      let subject: FactSubject | null = null;
      let scope: FactScope = frame.scope;
      let key: string | null = null;
      let label = labelOf(words);
      if (explicitWords) {
        subject = subjectOf(explicitWords, frame.names);
        if (subject) {
          // Unscoped, a change names a part of the figures its sentence is about ("基本支出…，主要原因是人员经费增加 X").
          const part = ['basic', 'project', 'personnel', 'public', 'retiree'].includes(subject);
          scope = scopeOf(explicitWords) !== 'department' ? scopeOf(explicitWords) : part && lastInSentence ? lastInSentence.scope : frame.scope;
          const side = sideOf(subject) ?? frame.side;
          key = frame.unit ? null : factKeyOf(subject, scope, side);
        }
      } else {
        // A sentence that opens with "比上年…" has the subject of the sentence before it, when that states one figure.
        let v = prevValue;
        if (!v && cs === sentStart && sentStart > 0) {
          const prevStart = sentenceStart(sentStart - 1, false);
          const prior = placed.filter((x) => !x.change && x.tok.depth === 0 && x.tok.start >= prevStart && x.tok.start < sentStart);
          if (prior.length === 1) v = prior[0]!;
        }
        const target = bindTo(v);
        if (target?.key) {
          subject = target.subject;
          key = target.key;
          label = target.label;
        }
      }
      const me: Placed = { tok, key, subject, scope, side: null, label, sep, head: null, change: true };
      placed.push(me);
      const base = changeBase(me);
      money.fen = sign(dir[1]!) * money.fen;
      out.push(base ? { key: changeKeysOf(base).amount, label, money, src } : { key: MENTION, label: labelOf(words), money: { ...money, fen: Math.abs(money.fen) }, src });
      continue;
    }
    // A value: its subject from its own words, else from the topic of its paragraph or section.
    const listOpen = /(?:其中|包括|分别为|分别是|具体为)[:：,，]?\s*$/.test(text.slice(0, cs)) || /^(其中|包括)/.test(words);
    // "X万元：A万元、B万元" — a colon right after a figure opens its list.
    const colonHead = (sep === ':' || sep === '：') && prevValue !== null && /^[^\d]{0,3}$/.test(text.slice(prevValue.tok.end, cs - 1)) ? prevValue : null;
    let head: Placed | null = null;
    if (colonHead) {
      head = colonHead;
    } else if (listOpen) {
      // "…支出 X万元。其中：基本支出 …": the list of the figure the sentence before ends with.
      let last = before[before.length - 1];
      if (!last && sentStart > 0) last = placed.filter((x) => !x.change && x.tok.depth === 0 && x.tok.start < sentStart).pop();
      head = last ?? frame.list;
    } else if (lastInSentence?.head && /[、,，;；]/.test(sep) && !STANDALONE.has(subjectOf(words, frame.names) ?? 'function.item')) {
      // The list goes on, unless the clause names a figure of its own ("…；本部门当年预算支出 X万元").
      head = lastInSentence.head;
    } else if (!prevValue && frame.list && (cs === segStart || runIn !== null)) {
      head = frame.list;
    }
    const item = budgetItemOf(words);
    let subject: FactSubject | null = item ? item.subject : subjectOf(words, frame.names);
    const hw = headingOf(words);
    const bare = (hw ? hw.rest || hw.title : words).replace(LEADING, '');
    let topicLabel = '';
    if (!subject && bare.trim() !== '' && GENERIC_LABEL.test(bare.replace(/\s+/g, ''))) {
      subject = runInTopic ?? frame.topic;
      if (subject) topicLabel = runInTopic ? runIn!.title : frame.topicLabel;
    }
    let performance: string | null = null;
    if (!subject && PERFORMANCE_FUNDS.test(words)) {
      const seg = text.slice(segStart, tok.start);
      if (/绩效/.test(seg)) performance = /整体/.test(seg) ? 'performance.department-amount' : /项目/.test(seg) ? 'performance.amount' : null;
    }
    const ownScope = scopeOf(words);
    const scope: FactScope = ownScope !== 'department' ? ownScope : head ? head.scope : frame.scope;
    // The side of the sentence: its list head's, else the paragraph's; a source of revenue needs one.
    const ctxSide = head?.side ?? frame.side;
    const side = subject === 'source' || (subject !== null && REVENUE_OR_SOURCE.has(subject)) ? ctxSide : ((subject ? sideOf(subject) : null) ?? ctxSide);
    let key = performance && !frame.unit ? performance : subject && !frame.unit ? factKeyOf(subject, scope, side) : null;
    const label = item ? item.label : topicLabel ? `${topicLabel}${labelOf(bare)}`.slice(-30) : labelOf(words);
    // "2025年“三公”经费预算 X万元" in a 2026 budget: last year's figure, or a slip — either way not this year's key.
    const dated = /(20\d\d)年/.exec(words);
    if (key && frame.year && dated && dated[1] !== frame.year && !/(比|较|与)[^,，;；]*$/.test(words.slice(0, dated.index))) key = null;
    // A final account states the budget beside the actual figure ("年初预算为 X万元，支出决算为 Y万元"): the key is the actual's.
    if (key && /决算/.test(text.slice(sentStart, Math.min(text.length, tok.end + 40))) && /(年初|调整)?预算(数)?(为|是)?$/.test(words) && !/决算/.test(words)) key = null;
    // Inside a list, only parts of the head's kind are keyed: "支出…其中：其他收入 X万元" stays a mention.
    if (key && head?.key && head.side && sideOf(subject!) && sideOf(subject!) !== head.side && subject !== 'source') key = null;
    const me: Placed = { tok, key, subject, scope, side: key ? (sideOf(subject!) ?? head?.side ?? frame.side) : null, label, sep, head, change: false };
    placed.push(me);
    out.push({ key: key ?? MENTION, label: key && item ? item.label : label, money, src });
  }
  // A paragraph ending in "其中：" (or whose last value opens a list) leaves the list open for the next.
  const last = placed.filter((x) => !x.change && x.tok.depth === 0).pop();
  if (last && /(?:其中|包括|具体如下|分别为)[:：]?\s*$/.test(text)) frame.list = last;
  return out;

  function bindTo(v: Placed | null): Placed | null {
    if (!v) return null;
    // A change after a 、-list, set off by a comma, is the list head's ("收入X万元，其中：A、B、C，较上年增加Y万元").
    if (v.head && v.sep === '、') return v.head.key ? v.head : null;
    return v.key ? v : null;
  }
}

/** Subjects that are never an item of another figure's list: totals and the topical figures. */
const STANDALONE = new Set<FactSubject>(['revenue', 'expenditure', 'income-expenditure', 'three-public', 'operating-funds', 'procurement', 'meeting-fees', 'training-fees', 'entrusted-fees']);

const REVENUE_OR_SOURCE = new Set<FactSubject>(['special-account', 'unit-funds', 'business', 'operating', 'superior', 'subordinate', 'other-income', 'carry-over']);

/** The key a change is the change of (null for a change no phrasing places). */
function changeBase(p: { key: string | null }): string | null {
  return p.key;
}

function moneyOf(tok: Token, p: Para): Money | null {
  if (tok.kind !== 'money') return null;
  const fen = fenOf(tok.num, tok.unit as '万元' | '元' | '亿元');
  return fen === null ? null : { fen, decimals: decimalsOf(tok.num.replace(/^-/, '')), src: spanSrc(p, tok.start, tok.numEnd) };
}

/** The unit a table printed among the narrative states ("单位：万元", "金额(元)"), from the nearest line above. */
function unitAbove(lines: SourceLine[], at: number): '万元' | '元' | null {
  for (let i = at; i >= 0 && i >= at - 60; i--) {
    const t = lines[i]!.text.replace(/\s+/g, '');
    const m = /单位[:：]?(万元|元)|[(（](万元|元)[)）]/.exec(t);
    if (m) return (m[1] ?? m[2]) as '万元' | '元';
  }
  return null;
}

/** Mentions of a table row printed among the narrative: each bare amount with the row's text cells as its label. */
function rowFacts(l: SourceLine, unit: '万元' | '元' | null): Fact[] {
  if (!unit) return [];
  const out: Fact[] = [];
  const cells: Array<{ text: string; col: number }> = [];
  for (const m of l.text.matchAll(/\S+(?:\s\S+)*/g)) cells.push({ text: m[0], col: m.index });
  const labels: string[] = [];
  for (const c of cells) {
    if (!DECIMAL_CELL.test(c.text)) {
      if (!/^-?\d+$/.test(c.text)) labels.push(c.text.replace(/\s+/g, ''));
      continue;
    }
    const fen = fenOf(c.text, unit);
    if (fen === null) continue;
    const src: Src = { line: l.no, page: l.page, raw: c.text };
    out.push({ key: MENTION, label: labels.join(' ').slice(0, 30), money: { fen, decimals: decimalsOf(c.text.replace(/^-/, '')), src }, src: { line: l.no, page: l.page, raw: l.text } });
  }
  return out;
}

/** "共 N 个项目", "设置并编报 N 个项目绩效目标": the number of projects with performance targets. */
function countFacts(p: Para): Fact[] {
  const out: Fact[] = [];
  for (const sentence of p.text.matchAll(/[^。;；]+/g)) {
    const s = sentence[0];
    if (!/绩效/.test(s) || /整体/.test(s)) continue;
    const m = /(?:共|编报|设置|纳入|涉及)[^,，。;；]{0,12}?(\d+)个(?:一级|二级)?项目/.exec(s);
    if (!m) continue;
    const at = sentence.index + m.index;
    out.push({ key: 'performance.project-count', label: '编报绩效目标的项目', count: Number(m[1]), text: '个', src: spanSrc(p, at, at + m[0].length) });
  }
  return out;
}

// --- structure ------------------------------------------------------------------------------------

function cnValue(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const d = (c: string | undefined) => (c ? CN.indexOf(c) + 1 : 0);
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + d(s[1]);
  if (s.length === 3) return d(s[0]) * 10 + d(s[2]);
  if (s.length === 2 && s[1] === '十') return d(s[0]) * 10;
  return d(s[0]);
}

const GLOSSARY = /名词解释/;
const DUTIES = /主要职[能责]|职能职责|部门职责|单位职责|职责$/;

/** The narrative of a document from its non-table lines. */
export function readNarrative(lines: SourceLine[]): Narrative {
  const toc = tocLines(lines);
  // Parts the contents list but the body prints without their numbers: a line alone naming one is its heading.
  const unnumbered = unnumberedParts(lines, toc);
  const paras = paragraphs(lines, toc, unnumbered);
  const lineIndex = new Map(lines.map((l, i) => [l, i] as const));
  // Parts are 第X部分 when the document prints them, else its top-level 一、 titles.
  const partTitles = paras.filter((p) => p.kind === 'prose' && headingOf(p.text)?.level === 0).length;
  const contentsPart = (p: Para) => (p.kind === 'prose' && p.title ? contentsPartOf(p.text, unnumbered) : null);
  const partLevel = partTitles >= 1 || unnumbered.length > 0 ? 0 : 1;
  const parts: NarrativePart[] = [];
  const duties: Text[] = [];
  const glossary: Narrative['glossary'] = [];
  const facts: Fact[] = [];
  let part: NarrativePart | null = null;
  let section: NarrativeSection | null = null;
  let frame: Frame = { scope: 'department', topic: null, side: null, unit: false, list: null, topicLabel: '', names: [], year: null };
  let sectionFrame: Frame;
  let subLevel: number | null = null;
  const srcOfPara = (p: Para): Src => spanSrc(p, 0, p.text.length);
  const titleOf = (p: Para): string => {
    const h = headingOf(p.text);
    return (h ? h.title + (h.rest ? '' : '') : p.text).replace(/[:：]$/, '');
  };
  // The department's name from the cover: a total may follow it, and a section titled by it is not a subordinate unit's.
  const dept = departmentOfCover(
    lines
      .slice(0, 8)
      .map((l) => l.text)
      .join(''),
  );
  const names = dept ? [dept, dept.replace(/[(（](本级|汇总)[)）]$/, '')] : [];
  const year =
    /(20\d\d)\s*年/.exec(
      lines
        .slice(0, 8)
        .map((l) => l.text)
        .join(''),
    )?.[1] ?? null;
  const own = (t: string) => names.some((n) => t.replace(/\s+/g, '') === n.replace(/\s+/g, ''));
  const frameOf = (title: string): Frame => ({
    scope: scopeOf(title),
    topic: topicOf(title, names),
    side: /收入/.test(title) && !/支出|收支/.test(title) ? 'revenue' : /支出/.test(title) && !/收入|收支/.test(title) ? 'expenditure' : null,
    unit: isOrgName(title) && !own(title),
    list: null,
    topicLabel: title,
    names,
    year,
  });
  frame = sectionFrame = { ...frame, names, year };
  for (const p of paras) {
    const cp = contentsPart(p);
    if (cp) {
      part = { no: cnValue(cp.no), title: cp.title, sections: [], src: srcOfPara(p) };
      parts.push(part);
      section = null;
      frame = sectionFrame = frameOf(part.title);
      subLevel = null;
      continue;
    }
    const h = p.kind === 'prose' ? headingOf(p.text) : null;
    // 第X部分 opens a part wherever it stands; a title 一、 does when the document prints no 第X部分.
    if (h && (h.level === 0 || (p.title && h.level === partLevel))) {
      part = { no: cnValue(h.no), title: p.title ? titleOf(p) : h.title, sections: [], src: srcOfPara(p) };
      parts.push(part);
      section = null;
      frame = sectionFrame = frameOf(part.title);
      subLevel = null;
      if (p.title) continue;
    }
    if (!part) {
      part = { no: 0, title: '', sections: [], src: srcOfPara(p) };
      parts.push(part);
    }
    if (h && p.title && h.level === partLevel + 1) {
      section = { no: h.no, title: titleOf(p), paragraphs: [], src: srcOfPara(p) };
      part.sections.push(section);
      frame = sectionFrame = { ...frameOf(section.title), scope: scopeOf(section.title) !== 'department' ? scopeOf(section.title) : frameOf(part.title).scope };
      subLevel = null;
      continue;
    }
    if (!section) {
      section = { no: '', title: '', paragraphs: [], src: srcOfPara(p) };
      part.sections.push(section);
    }
    section.paragraphs.push({ text: p.text, src: srcOfPara(p) });
    // Titles below the section ("（一）因公出国（境）经费", "（二）支出预算：…") give the following paragraphs their topic.
    if (h && h.level > partLevel + 1 && (subLevel === null || h.level <= subLevel)) {
      const t = topicOf(h.title, names);
      const f = frameOf(h.title);
      if (p.title || t) {
        frame = {
          ...sectionFrame,
          topic: t ?? sectionFrame.topic,
          topicLabel: t ? h.title : sectionFrame.topicLabel,
          side: f.side ?? sectionFrame.side,
          scope: f.scope !== 'department' ? f.scope : sectionFrame.scope,
          unit: sectionFrame.unit || f.unit,
          list: frame.list && !p.title ? frame.list : null,
        };
        subLevel = h.level;
      }
    } else if (!h && frame.list && p.kind === 'prose' && !/^(其中|包括)/.test(p.text)) {
      // An unnumbered paragraph continues an open list only while it names a part of the head.
      const first = subjectOf(p.text.slice(0, Math.max(0, p.text.search(/\d/))));
      if (!first || !['basic', 'project', 'personnel', 'public', 'retiree', 'source'].includes(first)) frame = { ...frame, list: null };
    }
    for (const r of p.rows) pushAll(facts, rowFacts(r, unitAbove(lines, lineIndex.get(r) ?? 0)));
    if (p.kind === 'row') {
      // Figures with their unit in the row's wrapped cells are held too, never keyed (a cell is no sentence).
      pushAll(facts, factsOf(p, { ...frame, unit: true, list: null }));
      continue;
    }
    const openBefore = frame.list;
    // A run-in title ("（一）收入预算：…", "1.因公出国（境）费用。…") is the topic of its own paragraph.
    let pframe = frame;
    if (h && !p.title && h.level > partLevel && h.rest) {
      const t = topicOf(h.title, names);
      const f = frameOf(h.title);
      pframe = { ...frame, topic: t ?? frame.topic, topicLabel: t ? h.title : frame.topicLabel, side: f.side ?? frame.side, scope: f.scope !== 'department' ? f.scope : frame.scope };
    }
    const fs = factsOf(p, pframe);
    frame.list = pframe.list;
    pushAll(facts, [...fs, ...countFacts(p)]);
    if (frame.list === openBefore && !/[:：]\s*$/.test(p.text) && !h) frame.list = frame.list && /^(其中|包括)/.test(p.text) ? null : frame.list;
  }
  // A table of contents printed without 目录 leaves empty parts whose titles recur: drop them.
  const kept = parts.filter((pt, i) => pt.sections.some((s) => s.paragraphs.length > 0) || !parts.slice(i + 1).some((q) => q.no === pt.no || q.title === pt.title));
  for (const pt of kept) {
    const inGlossary = GLOSSARY.test(pt.title);
    for (const s of pt.sections) {
      if (inGlossary || GLOSSARY.test(s.title)) {
        for (const g of s.paragraphs) {
          const m = /^(?:第?[(（]?[一二三四五六七八九十\d]+[)）、.．]?)?\s*[“"]?([^:：。,，]{1,80}?)[”"]?[:：](.+)$/.exec(g.text);
          if (m) glossary.push({ term: m[1]!, definition: m[2]!, src: g.src });
          else if (glossary.length > 0 && !headingOf(g.text)) glossary[glossary.length - 1]!.definition += g.text;
        }
      }
      if (DUTIES.test(s.title) || (DUTIES.test(pt.title) && s.title === '')) for (const d of s.paragraphs) duties.push({ text: d.text, src: d.src });
    }
  }
  return { parts: kept, duties, projects: [], glossary, facts };
}
