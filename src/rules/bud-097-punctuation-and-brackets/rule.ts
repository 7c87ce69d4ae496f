import type { Rule } from '../types.js';
import { lineRef, NO_FIGURES, textPlaces } from '../_lib/content.js';

const DOUBLED_RE = /([。，、；：！？,;:!?])\1|[，、；：,;:][。]|[。][，、；,;]/;
const PAIRS: Record<string, string> = { '（': '）', '(': ')', '《': '》', '【': '】', '“': '”', '‘': '’', '〔': '〕', '[': ']' };
const CLOSERS = new Map(Object.entries(PAIRS).map(([o, c]) => [c, o]));
// By UTF-16 code (every bracket and quote above is one): a narrative's characters are read without a
// string made for each.
const OPENER_AT = new Map(Object.keys(PAIRS).map((o) => [o.charCodeAt(0), o]));
const CLOSER_AT = new Map([...CLOSERS.keys()].map((c) => [c.charCodeAt(0), c]));
const STRAIGHT = '"'.charCodeAt(0);
/** Any of the brackets and quotes above: the regular expression engine skips the text between them. */
const MARKS = new RegExp(`[${[...Object.keys(PAIRS), ...CLOSERS.keys(), '"'].map((c) => c.replace(/[\]\\^-]/g, '\\$&')).join('')}]`, 'g');

/** The first unbalanced bracket or quote in `s`, or null. */
export function unbalanced(s: string): { ch: string; index: number } | null {
  const stack: Array<{ ch: string; index: number }> = [];
  let straight = 0;
  MARKS.lastIndex = 0;
  for (let m = MARKS.exec(s); m !== null; m = MARKS.exec(s)) {
    const i = m.index;
    const code = s.charCodeAt(i);
    if (code === STRAIGHT) straight++;
    const open = OPENER_AT.get(code);
    if (open !== undefined) stack.push({ ch: open, index: i });
    else {
      const ch = CLOSER_AT.get(code);
      if (ch === undefined) continue;
      const top = stack[stack.length - 1];
      if (top && top.ch === CLOSERS.get(ch)) stack.pop();
      else return { ch, index: i };
    }
  }
  if (stack.length > 0) return stack[0]!;
  // Straight double quotes cannot be told open from close: only their parity is checked.
  if (straight % 2 === 1) return { ch: '"', index: s.lastIndexOf('"') };
  return null;
}

/** Narrative and form texts have no doubled punctuation (。。 ，，) and no unmatched brackets or quotes. */
export const rule: Rule = {
  id: 'BUD-097',
  title: 'No doubled punctuation or unmatched brackets and quotes',
  titleZh: '无重复标点及不配对的括号、引号',
  severity: 'warning',
  category: 'hygiene',
  reads: ['narrative', 'projectForms', 'departmentTargets'],
  basis: 'GB/T 15834-2011 标点符号用法',
  check(doc, ctx) {
    const places = textPlaces(doc);
    const open = places.map((p) => unbalanced(p.text));
    // An opener left open in one place and its closer left alone at the start of the next: one cell
    // wrapped over two lines that the read took for two (举办“老有所为新贡献 / 奖”评选活动); the print pairs them.
    const joined = new Set<number>();
    for (let i = 0; i + 1 < places.length; i++) {
      const a = open[i];
      const b = open[i + 1];
      if (a && b && PAIRS[a.ch] === b.ch && unbalanced(places[i]!.text + places[i + 1]!.text) === null) {
        joined.add(i);
        joined.add(i + 1);
      }
    }
    places.forEach((p, k) => {
      const text = p.text;
      const d = DOUBLED_RE.exec(text);
      const excerpt = (i: number, len: number): string => text.slice(Math.max(0, i - 12), i + len + 12).replace(/\s+/g, ' ');
      if (d) {
        ctx.report({
          message: `${p.place}出现重复标点「${d[0]}」：“…${excerpt(d.index, d[0].length)}…”${lineRef(p.src)}`,
          location: p.location,
          ...NO_FIGURES,
        });
      }
      const u = open[k];
      if (u && !joined.has(k)) {
        ctx.report({
          message: `${p.place}的「${u.ch}」没有配对：“…${excerpt(u.index, 1)}…”${lineRef(p.src)}`,
          location: p.location,
          ...NO_FIGURES,
        });
      }
    });
  },
};
