/**
 * The narrative (说明) as the web app shows it: parts, sections and paragraphs, each paragraph cut
 * back into the source lines it was read from, so that every line a finding names has an anchor
 * (`#line-62`). Pure; cached per document object (documents of stored versions never change).
 */
import type { BudgetDocument, Fact, NarrativeSection } from '../domain/model.js';
import { cnNumber, outlineOf, partHeading, sectionHeading } from '../reports/view/index.js';

type Paragraph = NarrativeSection['paragraphs'][number];

export interface LineSegment {
  /** 1-based source line this piece of text was printed on. */
  line: number | null;
  text: string;
  /** Facts (semantic figures) stated on this line, for the reader's tooltip. */
  facts: Fact[];
}

export interface NarrativeParagraphView {
  segments: LineSegment[];
}

export interface NarrativeSectionView {
  no: string;
  title: string;
  /** The heading as the document prints it, null when it prints none (or the first paragraph carries it). */
  heading: string | null;
  line: number | null;
  paragraphs: NarrativeParagraphView[];
}

export interface NarrativePartView {
  no: number;
  title: string;
  /** "第一部分 部门概况" in the Shenzhen outline; else the part's title as printed, null when it has none. */
  heading: string | null;
  line: number | null;
  sections: NarrativeSectionView[];
}

export interface NarrativeView {
  parts: NarrativePartView[];
  /** Every line with an anchor on the page, ascending. */
  lines: number[];
  /** Lines that carry paragraph text (a heading on such a line leaves the anchor to the text). */
  textLines: Set<number>;
  /** First and last source line of the narrative. */
  from: number | null;
  to: number | null;
}

/** Anchor id of a narrative source line. */
export const lineAnchor = (line: number): string => `line-${line}`;

const weight = (s: string) => s.normalize('NFKC').replace(/\s/g, '').length;

/**
 * The source lines of a paragraph with the part of its (re-wrapped) text printed on each. The
 * paragraph's `src.raw` keeps the printed lines; the text is the same characters without the
 * layout's spaces, so counting non-space characters cuts it back into lines. When the counts
 * disagree the paragraph stays one piece on its first line.
 */
export function paragraphLines(p: Paragraph): Array<{ line: number | null; text: string }> {
  const first = p.src.line;
  const rawLines = p.src.raw.split('\n').filter((l) => l.trim() !== '');
  if (first === null || rawLines.length <= 1) return [{ line: first, text: p.text }];
  const last = p.src.endLine ?? first;
  const k = rawLines.length;
  const lineOf = (i: number) => first + Math.round((i * (last - first)) / (k - 1));
  const want = rawLines.map(weight);
  const chars = [...p.text];
  if (want.reduce((a, b) => a + b, 0) !== chars.reduce((a, c) => a + weight(c), 0)) return [{ line: first, text: p.text }];
  const out: Array<{ line: number | null; text: string }> = [];
  let ci = 0;
  for (let i = 0; i < k; i++) {
    let got = 0;
    let text = '';
    while (ci < chars.length && (got < want[i]! || i === k - 1)) {
      text += chars[ci]!;
      got += weight(chars[ci]!);
      ci++;
    }
    if (text !== '') out.push({ line: lineOf(i), text });
  }
  return out;
}

const views = new WeakMap<BudgetDocument, NarrativeView>();

/** The narrative of `doc`, cut into anchored source lines (memoised per document object). */
export function narrativeView(doc: BudgetDocument): NarrativeView {
  const hit = views.get(doc);
  if (hit) return hit;
  const factsByLine = new Map<number, Fact[]>();
  for (const f of doc.narrative.facts) {
    if (f.src.line === null) continue;
    factsByLine.set(f.src.line, [...(factsByLine.get(f.src.line) ?? []), f]);
  }
  const used = new Set<number>();
  let from: number | null = null;
  let to: number | null = null;
  const see = (a: number | null, b?: number | null) => {
    if (a !== null) from = from === null ? a : Math.min(from, a);
    const e = b ?? a;
    if (e !== null) to = to === null ? e : Math.max(to, e);
  };
  const shenzhen = outlineOf(doc) === 'shenzhen';
  const parts = doc.narrative.parts.map((part, i): NarrativePartView => {
    see(part.src.line);
    return {
      // Parts are anchored by their place in print order (a document may repeat a part's number).
      no: shenzhen ? part.no : i + 1,
      title: part.title,
      heading: shenzhen ? `第${cnNumber(part.no)}部分 ${part.title}` : partHeading(part),
      line: part.src.line,
      sections: part.sections.map((s): NarrativeSectionView => {
        see(s.src.line, s.src.endLine);
        return {
          no: s.no,
          title: s.title,
          heading: sectionHeading(s),
          line: s.src.line,
          paragraphs: s.paragraphs.map((p) => {
            see(p.src.line, p.src.endLine);
            return {
              segments: paragraphLines(p).map((seg) => {
                if (seg.line !== null) used.add(seg.line);
                return { ...seg, facts: seg.line === null ? [] : (factsByLine.get(seg.line) ?? []) };
              }),
            };
          }),
        };
      }),
    };
  });
  const textLines = new Set(used);
  // Headings take a line's anchor only where no paragraph text was printed on that line.
  for (const part of parts) {
    if (part.line !== null && part.heading) used.add(part.line);
    for (const s of part.sections) if (s.line !== null && s.heading) used.add(s.line);
  }
  const view: NarrativeView = { parts, lines: [...used].sort((a, b) => a - b), textLines, from, to };
  views.set(doc, view);
  return view;
}

/**
 * The anchored line to link to for a finding at `line`: the line itself, or the nearest anchored
 * line before it (a blank or heading line), or null when the line is outside the narrative.
 */
export function narrativeLineFor(doc: BudgetDocument, line: number): number | null {
  const v = narrativeView(doc);
  if (v.from === null || v.to === null || line < v.from || line > v.to) return null;
  let best: number | null = null;
  for (const l of v.lines) {
    if (l > line) break;
    best = l;
  }
  return best;
}
