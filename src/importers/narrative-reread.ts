/**
 * Reading a narrative again after one of its sections was edited (issue 15 item 6): the narrative's
 * text is laid out again as source lines — the lines as printed for what was not edited (each
 * paragraph's `src.raw`, at its own line numbers), the typed lines for the edited section — and read by
 * the same reader that imported the document (the Shenzhen parts reader for `shenzhen-dept-budget`, the
 * genre reader otherwise), so that the facts, the project list, the duties and the glossary are those
 * the importer would read from the edited text. What was read from the typed lines has no source line:
 * its provenance is the typed text and who typed it (`Src.edited`).
 */
import { FiscusError } from '../domain/errors.js';
import type { BudgetDocument, ImportNote, Narrative, Src } from '../domain/model.js';
import { readNarrative } from './genre/narrative.js';
import { parseNarrative } from './shenzhen/narrative.js';
import { newContext, reasonOf } from './shenzhen/context.js';
import type { Block } from './shenzhen/sections.js';
import type { SourceLine } from './text/source.js';

/** Line numbers from here up stand for typed lines (no source file has ten million lines). */
const TYPED = 10_000_000;

/** Which section is edited (indices into `narrative.parts` and its `sections`) and its new text, one paragraph a line. */
export interface SectionEdit {
  part: number;
  section: number;
  text: string;
  /** Who typed it and when. */
  edited: NonNullable<Src['edited']>;
}

/** The lines a section's text is typed as: one a line, surrounding white space dropped, empty lines dropped. */
export function typedLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.normalize('NFKC').trim())
    .filter((l) => l !== '');
}

/** Every provenance (`Src`) in a value, with a way to replace it. */
function eachSrc(value: unknown, visit: (s: Src) => Src): unknown {
  if (Array.isArray(value)) return value.map((v) => eachSrc(v, visit));
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  if ('raw' in o && 'line' in o && 'page' in o && typeof o['raw'] === 'string') return visit(o as unknown as Src);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = eachSrc(v, visit);
  return out;
}

/** The page of each source line the narrative cites (a line between two cited lines is on the page of the one before). */
function pagesOf(n: Narrative): (line: number) => number | null {
  const known = new Map<number, number | null>();
  eachSrc(n, (s) => {
    if (s.line !== null && !known.has(s.line)) known.set(s.line, s.page);
    return s;
  });
  const sorted = [...known.entries()].sort((a, b) => a[0] - b[0]);
  return (line) => {
    let page: number | null = null;
    for (const [l, p] of sorted) {
      if (l > line) break;
      page = p;
    }
    return page;
  };
}

/**
 * Line numbers of typed lines: each typed line gets its own number from TYPED up, and who typed it —
 * the edit being made, or an earlier edit whose text is laid out again (it keeps its own author and time).
 */
class Typed {
  private next = TYPED;
  readonly by = new Map<number, NonNullable<Src['edited']>>();
  line(edited: NonNullable<Src['edited']>): number {
    this.by.set(this.next, edited);
    return this.next++;
  }
}

/** Source lines of a span (its `src`): printed, its raw lines at its line numbers (lines skipped in print keep the last's number); typed earlier, new typed lines. */
function printedLines(src: Src, page: (line: number) => number | null, typed: Typed): SourceLine[] {
  const raw = src.raw.split('\n').filter((l) => l.trim() !== '');
  if (src.line === null) return raw.map((text) => ({ no: typed.line(src.edited ?? { by: '', at: '' }), text: text.trim(), page: null, indent: 0 }));
  const first = src.line;
  const last = src.endLine ?? first;
  return raw.map((text, i) => {
    const no = i === raw.length - 1 ? Math.max(first, last) : Math.min(first + i, Math.max(first, last));
    return { no, text: text.trim(), page: page(no), indent: 0 };
  });
}

/** Whether a heading's provenance is that of the paragraph it opens (a run-in title): the same printed line, or the same typed first line. */
function opens(heading: Src, para: Src | undefined): boolean {
  if (!para) return false;
  if (heading.line !== null || para.line !== null) return heading.line !== null && heading.line === para.line;
  return heading.raw.split('\n')[0]!.trim() === para.raw.split('\n')[0]!.trim();
}

/** The narrative as source lines, parts as blocks: the edited section's lines typed, the rest as printed (or as typed before). */
function layOut(doc: BudgetDocument, edit: SectionEdit, blankBetween: boolean): { blocks: Block[]; typed: string[]; lines: Typed } {
  const page = pagesOf(doc.narrative);
  const typed = typedLines(edit.text);
  const lines = new Typed();
  const blocks: Block[] = [];
  const blank = (): SourceLine[] => (blankBetween ? [{ no: TYPED - 1, text: '', page: null, indent: 0 }] : []);
  doc.narrative.parts.forEach((part, pi) => {
    const out: SourceLine[] = [];
    // A part's heading is its own line unless it opens its first paragraph (a run-in title).
    if (part.title !== '' && !opens(part.src, part.sections[0]?.paragraphs[0]?.src)) out.push(...printedLines(part.src, page, lines), ...blank());
    part.sections.forEach((s, si) => {
      if (s.no !== '' && s.title !== '' && !opens(s.src, s.paragraphs[0]?.src)) out.push(...printedLines(s.src, page, lines), ...blank());
      if (pi === edit.part && si === edit.section) {
        for (const t of typed) out.push({ no: lines.line(edit.edited), text: t, page: null, indent: 0 }, ...blank());
        return;
      }
      for (const p of s.paragraphs) out.push(...printedLines(p.src, page, lines), ...blank());
    });
    blocks.push({ no: part.no, title: part.title, lines: out });
  });
  return { blocks, typed, lines };
}

/** Replaces the provenance of what was read from typed lines by the typed text and who typed it. */
function markTyped<T>(value: T, typed: Typed): T {
  return eachSrc(value, (s) => {
    if (s.line !== null && s.line >= TYPED) return { line: null, page: null, raw: s.raw, edited: typed.by.get(s.line) ?? { by: '', at: '' } };
    if (s.endLine != null && s.endLine >= TYPED) {
      const { endLine: _drop, ...rest } = s;
      return rest;
    }
    return s;
  }) as T;
}

/** What an item says, its provenance reduced to the text it cites (line numbers of a re-laid text may differ from print). */
const said = (x: unknown) => JSON.stringify(sorted(eachSrc(x, (s) => ({ line: null, page: null, raw: s.raw }))));

/** A value with its objects' keys in order (readers build the same item with its fields in different orders). */
function sorted(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(sorted);
  if (x === null || typeof x !== 'object') return x;
  return Object.fromEntries(
    Object.keys(x)
      .sort()
      .map((k) => [k, sorted((x as Record<string, unknown>)[k])]),
  );
}

/**
 * The items read again from printed lines, given back as imported: an item (a part, paragraph, fact,
 * project …) that says what an imported item said, citing the same printed text, is the imported one,
 * exact provenance (lines, pages) and all. Walks from the top, so an unchanged part comes back whole.
 */
function asImported<T>(value: T, imported: Narrative): T {
  const pool = new Map<string, unknown[]>();
  const collect = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(collect);
    if (x === null || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    if ('raw' in o && 'line' in o) return;
    if ('src' in o) {
      const k = said(o);
      pool.set(k, [...(pool.get(k) ?? []), o]);
    }
    Object.values(o).forEach(collect);
  };
  collect(imported);
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (x === null || typeof x !== 'object') return x;
    const o = x as Record<string, unknown>;
    if ('raw' in o && 'line' in o) return o;
    if ('src' in o) {
      const same = pool.get(said(o));
      if (same && same.length) return same.shift();
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = walk(v);
    return out;
  };
  return walk(value) as T;
}

/** The section-relative line ("本节第 2 行") of a message naming a typed line. */
const relabel = (message: string) => message.replace(/第 ?(\d{8,}) ?行/g, (_, n: string) => `本节第 ${Number(n) - TYPED + 1} 行`);

/**
 * The document's narrative read again with one section's text replaced, by the reader of its profile.
 * Throws INPUT_INVALID (naming the section's line) when the reader cannot read a figure of the typed
 * text, or when the narrative loses what its reader needs (the Shenzhen part 2 revenue sentence).
 */
export function rereadNarrative(doc: BudgetDocument, edit: SectionEdit): Narrative {
  const part = doc.narrative.parts[edit.part];
  const section = part?.sections[edit.section];
  if (edit.part !== -1 && (!part || !section)) throw new FiscusError('NOT_FOUND', `说明中没有第 ${edit.part + 1} 部分第 ${edit.section + 1} 节`);
  const where = `${part?.title || '说明'}${section?.title ? ` · ${section.title}` : ''}`;
  if (doc.profile === 'shenzhen-dept-budget') {
    const { blocks, lines } = layOut(doc, edit, false);
    const ctx = newContext(doc.source.file);
    let narrative: Narrative;
    try {
      narrative = parseNarrative(blocks, ctx).narrative;
    } catch (e) {
      if (!(e instanceof FiscusError)) throw e;
      throw new FiscusError('INPUT_INVALID', `“${where}”修改后说明无法读取：${relabel(reasonOf(e))}`, { field: 'text' });
    }
    const bad = ctx.notes.filter((n: ImportNote) => n.severity === 'error' && n.src.line !== null && n.src.line >= TYPED);
    if (bad.length) throw new FiscusError('INPUT_INVALID', `“${where}”中有数字无法读取：${bad.map((n) => relabel(n.message)).join('；')}`, { field: 'text' });
    return asImported(markTyped(narrative, lines), doc.narrative);
  }
  const { blocks, typed, lines } = layOut(doc, edit, true);
  const reread = asImported(markTyped(readNarrative(blocks.flatMap((b) => b.lines)), lines), doc.narrative);
  if (edit.part === -1) return { ...reread, projects: doc.narrative.projects };
  // Other readers (the Shanghai one, a workbook's stated facts) keyed the rest of the narrative: only the
  // edited section is read again — its facts are those the genre reader finds in the typed lines, in
  // the frame of its part and section; every other fact, paragraph and list stays as imported.
  const span = sectionSpan(section!);
  const inSection = (f: Narrative['facts'][number]) =>
    f.src.edited
      ? section!.paragraphs.some((p) => p.src.edited && p.text.includes(f.src.raw.replace(/\s+/g, '')))
      : f.src.line !== null && span !== null && f.src.line >= span.from && f.src.line <= span.to;
  const now = (f: Narrative['facts'][number]) => f.src.edited?.by === edit.edited.by && f.src.edited.at === edit.edited.at;
  const facts = [...doc.narrative.facts.filter((f) => !inSection(f)), ...reread.facts.filter(now)];
  const paragraphs = typed.map((text) => ({ text, src: { line: null, page: null, raw: text, edited: edit.edited } }));
  const parts = doc.narrative.parts.map((p, pi) => (pi !== edit.part ? p : { ...p, sections: p.sections.map((s, si) => (si !== edit.section ? s : { ...s, paragraphs })) }));
  return { ...doc.narrative, parts, facts };
}

/** The printed lines a section's body spans (null when none of it was printed). */
function sectionSpan(s: Narrative['parts'][number]['sections'][number]): { from: number; to: number } | null {
  const lines = s.paragraphs.flatMap((p) => (p.src.line === null ? [] : [p.src.line, p.src.endLine ?? p.src.line]));
  return lines.length ? { from: Math.min(...lines), to: Math.max(...lines) } : null;
}

/** The narrative laid out as lines and read again with nothing typed (what an edit rests on: the tests compare it with the import). */
export function rereadAsPrinted(doc: BudgetDocument): Narrative {
  return rereadNarrative(doc, { part: -1, section: -1, text: '', edited: { by: '', at: '' } });
}
