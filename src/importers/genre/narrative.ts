/**
 * The narrative of a disclosure, whatever its region: parts and sections by their headings
 * (第一部分 / 一、 / （一）), paragraphs re-joined across wrapped lines and pages, and every amount it
 * states as a fact with the words before it (`mention`), so that nothing printed is lost.
 */
import type { Fact, Money, Narrative, NarrativePart, NarrativeSection, Src } from '../../domain/model.js';
import { decimalsOf, MoneyParseError, parseAmount } from '../../domain/money.js';
import type { SourceLine } from '../text/source.js';

interface Para {
  text: string;
  first: SourceLine;
  last: SourceLine;
  /** Offsets in `text` where each line starts. */
  starts: Array<{ at: number; line: SourceLine }>;
}

const PART = /^第[一二三四五六七八九十]+部分/u;
const SECTION = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）])/u;

function srcOf(first: SourceLine, raw: string, last?: SourceLine): Src {
  const s: Src = { line: first.no, page: first.page, raw };
  if (last && last.no !== first.no) s.endLine = last.no;
  return s;
}

/** Paragraphs: lines joined until a line ends a sentence or the next starts a heading. */
export function paragraphs(lines: SourceLine[]): Para[] {
  const out: Para[] = [];
  let cur: Para | null = null;
  for (const l of lines) {
    const t = l.text.trim();
    if (t === '') continue;
    const heading = PART.test(t) || (SECTION.test(t) && t.length <= 40);
    const indented = l.indent >= 4 && (cur?.first.indent ?? 0) < l.indent;
    if (!cur || heading || indented || /[。：:；]$/.test(cur.text) || (SECTION.test(cur.text) && cur.text.length <= 40 && cur.starts.length === 1)) {
      cur = { text: t, first: l, last: l, starts: [{ at: 0, line: l }] };
      out.push(cur);
    } else {
      cur.starts.push({ at: cur.text.length, line: l });
      cur.text += t;
      cur.last = l;
    }
  }
  return out;
}

/** The line a character offset of a paragraph was printed on. */
function lineAt(p: Para, at: number): SourceLine {
  let l = p.first;
  for (const s of p.starts) if (s.at <= at) l = s.line;
  return l;
}

const AMOUNT_UNIT = /(?<![\d.,])(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(万元|元|亿元)/gu;

/** Amount facts of a paragraph: every "X万元" / "X元" / "X亿元" with the words before it. */
export function mentions(p: Para): Fact[] {
  const out: Fact[] = [];
  for (const m of p.text.matchAll(AMOUNT_UNIT)) {
    const raw = m[1]!;
    const unit = m[2]!;
    let fen: number;
    try {
      if (unit === '亿元') {
        // 1 亿元 = 10,000 万元: the digits shift by four places, exactly.
        const [i, f = ''] = raw.replace(/,/g, '').split('.');
        if (f.length > 2) continue;
        fen = parseAmount(`${i}${f.padEnd(4, '0').slice(0, 4)}.${f.padEnd(4, '0').slice(4) || '0'}`, '万元');
      } else fen = parseAmount(raw, unit === '元' ? '元' : '万元');
    } catch (e) {
      if (e instanceof MoneyParseError) continue;
      throw e;
    }
    const line = lineAt(p, m.index);
    const before = p.text.slice(Math.max(0, m.index - 30), m.index);
    const label = before.split(/[。；;，,]/).pop()!.trim() || before.trim();
    const money: Money = { fen, decimals: decimalsOf(raw), src: srcOf(line, raw) };
    out.push({ key: 'mention', label: label.slice(-30), money, text: unit, src: srcOf(line, m[0]) });
  }
  return out;
}

/** The narrative of a document from its non-table lines. */
export function readNarrative(lines: SourceLine[]): Narrative {
  const paras = paragraphs(lines);
  const parts: NarrativePart[] = [];
  let part: NarrativePart | null = null;
  let section: NarrativeSection | null = null;
  const facts: Fact[] = [];
  for (const p of paras) {
    facts.push(...mentions(p));
    if (PART.test(p.text) && p.text.length <= 40) {
      part = { no: parts.length + 1, title: p.text, sections: [], src: srcOf(p.first, p.text) };
      parts.push(part);
      section = null;
      continue;
    }
    if (!part) {
      part = { no: parts.length + 1, title: '', sections: [], src: srcOf(p.first, p.text) };
      parts.push(part);
    }
    if (SECTION.test(p.text) && p.text.length <= 40) {
      section = { no: /^[^、.．)）]+[、.．)）]?/.exec(p.text)?.[0] ?? '', title: p.text, paragraphs: [], src: srcOf(p.first, p.text) };
      part.sections.push(section);
      continue;
    }
    if (!section) {
      section = { no: '', title: '', paragraphs: [], src: srcOf(p.first, p.text) };
      part.sections.push(section);
    }
    section.paragraphs.push({ text: p.text, src: srcOf(p.first, p.text, p.last) });
  }
  return { parts, duties: [], projects: [], glossary: [], facts };
}
