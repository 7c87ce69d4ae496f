/**
 * Paragraphs of a narrative as pdftotext prints it: lines joined into paragraphs (a blank line or a
 * numbered start opens one), white space dropped but between two ASCII letters or digits, each line's
 * place in the joined text kept for provenance, and the two first lines of a paragraph that pdftotext
 * printed swapped put back. Read by the Shanghai reader and, for the comparisons of a final account,
 * the genre recogniser.
 */
import type { Src } from '../../domain/model.js';
import type { SourceLine } from '../text/source.js';

/** Lines numbered consecutively up to a blank line form a block (blank lines are not in SourceText). */
export function blocksOf(lines: SourceLine[]): SourceLine[][] {
  const out: SourceLine[][] = [];
  for (const l of lines) {
    const cur = out[out.length - 1];
    const last = cur?.[cur.length - 1];
    if (cur && last && l.no === last.no + 1 && l.page === last.page) cur.push(l);
    else out.push([l]);
  }
  return out;
}

/** A paragraph joined from lines, keeping where each line's text starts in the joined text. */
export interface JoinedParagraph {
  text: string;
  pieces: Array<{ line: SourceLine; start: number }>;
}

const PARA_START = /^(\d+\s*[.、．](?!\d)\s*(?=\S)|[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)/;
const HEADING = /^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])[^。,，;；:：]{1,40}$/;
const FIGURE_FIRST = /^(\d[\d,]*(\.\d+)?\s*(万元|元|%|个)|“)/;

/**
 * Blocks of lines in reading order. pdftotext sometimes prints the first two lines of a paragraph
 * swapped (the second line, starting with the figure that ended the first, comes first): a
 * two-line block whose first line opens with a figure and whose second does not is put back.
 */
export function readingOrder(lines: SourceLine[]): SourceLine[][] {
  return blocksOf(lines).map((b) => (b.length === 2 && FIGURE_FIRST.test(b[0]!.text) && !FIGURE_FIRST.test(b[1]!.text) ? [b[1]!, b[0]!] : b));
}

/** Paragraphs of a run of narrative lines: a blank line or a numbered start opens a new one. */
export function paragraphsOf(lines: SourceLine[]): JoinedParagraph[] {
  const out: JoinedParagraph[] = [];
  let cur: JoinedParagraph | null = null;
  for (const block of readingOrder(lines)) {
    // A blank line ends a paragraph only after a finished sentence or a heading: pdftotext leaves
    // blank lines inside paragraphs too.
    const prev: JoinedParagraph | null = cur;
    const open = !prev || /[。;；]$/.test(prev.text) || HEADING.test(prev.text);
    if (open) cur = null;
    for (const l of block) {
      if (!cur || PARA_START.test(l.text) || HEADING.test(l.text)) {
        cur = { text: '', pieces: [] };
        out.push(cur);
      }
      cur.pieces.push({ line: l, start: cur.text.length });
      cur.text += l.text.replace(/\s+/g, (s, i: number, all: string) => (/[0-9A-Za-z]/.test(all[i - 1] ?? '') && /[0-9A-Za-z]/.test(all[i + s.length] ?? '') ? ' ' : ''));
    }
  }
  return out.filter((p) => p.text.length > 0);
}

/** Provenance of a span of a joined paragraph. */
export function spanSrc(p: JoinedParagraph, start: number, end: number): Src {
  const at = (i: number) => [...p.pieces].reverse().find((x) => x.start <= i) ?? p.pieces[0]!;
  const a = at(start);
  const b = at(Math.max(start, end - 1));
  const s: Src = { line: a.line.no, page: a.line.page, raw: p.text.slice(start, end) };
  if (b.line.no !== a.line.no) s.endLine = b.line.no;
  return s;
}
