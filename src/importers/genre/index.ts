/**
 * The genre recogniser (profile `generic`): any region's published department or unit budget or final
 * account → BudgetDocument, from the catalogue's vocabulary of table titles and headers and the
 * positions of the text. Never refuses a disclosure for one bad part: a table that cannot be read is a
 * located import error and the rest is imported; only input that is not a disclosure at all is refused.
 */
import { BudgetDocument, type BudgetDocument as Doc, type DepartmentTargets, type ImportNote, type Narrative, type Paragraph, type ProjectForm, type Table } from '../../domain/model.js';
import { formSession, readForms } from './forms.js';
import { FiscusError } from '../../domain/errors.js';
import { pushAll } from '../../domain/arrays.js';
import type { DisplayUnit } from '../../domain/money.js';
import type { SourceLine, SourceText } from '../text/source.js';
import { readNarrative } from './narrative.js';
import { paragraphsOf, spanSrc } from '../_lib/paragraphs.js';
import { comparisonsOf } from '../_lib/comparisons.js';
import { stageOf } from '../../domain/catalogue/index.js';
import { recognise, type Recognised } from './recognise.js';
import { segment, type Segments } from './segment.js';
import { readTable, srcOf, unitOfLines } from './table.js';

export { segment } from './segment.js';
export { recognise } from './recognise.js';

/**
 * What detectGeneric found in a text, kept for the import that follows it (the registry detects, then
 * reads the same text): taken once, and only while the text's lines are those it was made from.
 */
const DETECTED = new WeakMap<SourceText, { lines: SourceText['lines']; count: number; seg: Segments; rec: Recognised }>();

function segmentsOf(src: SourceText): { seg: Segments; rec: Recognised } {
  const hit = DETECTED.get(src);
  DETECTED.delete(src);
  if (hit && hit.lines === src.lines && hit.count === src.lines.length) return hit;
  const seg = segment(src);
  return { seg, rec: recognise(src, seg.tables, seg.narrative) };
}

/** How sure the genre recogniser is that a text is a disclosure it can read (0–1), without importing it. */
export function detectGeneric(src: SourceText): number {
  const seg = segment(src);
  const rec = recognise(src, seg.tables, seg.narrative);
  DETECTED.set(src, { lines: src.lines, count: src.lines.length, seg, rec });
  return rec.confidence;
}

/**
 * The narrative without the paragraphs that are the cover's title (doc.title holds it): read as prose they made a
 * preamble part of their own, which a published package printed as a page holding only the title. The narrative
 * reader still sees the cover (it names the department its sentences begin with); only those paragraphs go.
 */
function withoutCoverTitle(narrative: Narrative, titleLines: readonly SourceLine[]): Narrative {
  const first = titleLines[0];
  const last = titleLines[titleLines.length - 1];
  if (!first || !last) return narrative;
  const isTitle = (p: Paragraph) => p.src.page === first.page && p.src.line !== null && p.src.line >= first.no && (p.src.endLine ?? p.src.line) <= last.no;
  const parts = narrative.parts.flatMap((part) => {
    if (part.no !== 0 || part.title !== '') return [part];
    const sections = part.sections.flatMap((sec) => {
      const paragraphs = sec.paragraphs.filter((p) => !isTitle(p));
      if (paragraphs.length === sec.paragraphs.length) return [sec];
      return paragraphs.length === 0 ? [] : [{ ...sec, paragraphs, src: sec.title === '' ? paragraphs[0]!.src : sec.src }];
    });
    if (sections.length === 0) return [];
    return [sections[0] === part.sections[0] ? { ...part, sections } : { ...part, sections, src: sections[0]!.src }];
  });
  return { ...narrative, parts };
}

/** Imports any disclosure text (from a PDF or pdftotext) through the genre recogniser. */
export function importGenericSource(src: SourceText): Doc {
  return importGenericWith(src).doc;
}

/** Imports through the genre recogniser and says how sure it was. */
export function importGenericWith(src: SourceText): { doc: Doc; confidence: number } {
  const { seg, rec } = segmentsOf(src);
  if (seg.tables.length === 0 && rec.confidence < 0.3) {
    throw new FiscusError(
      'INPUT_INVALID',
      '应为部门预算或决算公开文本（有收支总表等表格，或写明部门预算及其年度的叙述），实为两者都没有',
      { file: src.file, line: 1 },
      '部门预算或决算公开文本',
      '既无表格也无预算叙述',
    );
  }
  const notes: ImportNote[] = [];
  // The document's unit: the one most tables state.
  const units = seg.tables.map((t) => unitOfLines([...t.titleLines, ...t.lines.slice(0, 8)])).filter((u): u is DisplayUnit => u !== null);
  const unit: DisplayUnit = units.filter((u) => u === '元').length > units.length / 2 ? '元' : '万元';
  const tables: Table[] = [];
  const projectForms: ProjectForm[] = [];
  let departmentTargets: DepartmentTargets | null = null;
  // One session per document: a form continued in the next block joins the form it continues.
  const session = formSession();
  seg.tables.forEach((b, i) => {
    const id = `t${i + 1}`;
    try {
      const ctx = { file: src.file, year: rec.year, unit, id };
      if (b.type?.form) {
        const f = readForms(b, ctx, session);
        if (f.table) tables.push(f.table);
        pushAll(projectForms, f.projectForms);
        departmentTargets ??= f.departmentTargets;
        pushAll(notes, f.notes);
        return;
      }
      const r = readTable(b, ctx);
      tables.push(r.table);
      pushAll(notes, r.notes);
    } catch (e) {
      if (e instanceof FiscusError) throw e;
      // A table that cannot be read at all is a located finding; the others are still read.
      const first = b.titleLines[0]!;
      notes.push({ severity: 'error', code: 'table-unreadable', table: id, row: null, message: `表《${b.title}》未能读取：${e instanceof Error ? e.message : String(e)}`, src: srcOf(first) });
    }
  });
  const narrative = withoutCoverTitle(readNarrative(seg.narrative), rec.titleLines);
  // A final account's narrative compares each item's 决算数 with its 年初预算数 and says why they differ.
  const cmp = stageOf(rec.kind) === 'final' ? comparisonsOf(paragraphsOf(seg.narrative).map((p) => ({ text: p.text, srcOf: (a: number, b: number) => spanSrc(p, a, b) }))) : null;
  if (cmp) pushAll(narrative.facts, cmp.facts);
  if (rec.year === null)
    notes.push({ severity: 'warning', code: 'year-unknown', message: '未能从封面或表头识别预算年度', src: { line: 1, page: src.lines[0]?.page ?? null, raw: src.lines[0]?.text ?? '' } });
  if (rec.unit === null)
    notes.push({ severity: 'warning', code: 'unit-unknown', message: '未能从封面或表头识别部门（单位）名称', src: { line: 1, page: src.lines[0]?.page ?? null, raw: src.lines[0]?.text ?? '' } });
  const doc: Doc = {
    schema: 'fiscus/budget-document@1',
    kind: rec.kind,
    profile: 'generic',
    year: rec.year ?? new Date().getFullYear(),
    unit: { name: rec.unit ?? '（未识别的部门）', subordinateUnits: [] },
    displayUnit: unit,
    source: { file: src.file, sha256: src.sha256, format: 'text', lines: src.lineCount, pages: src.pages },
    narrative,
    tables,
    projectForms,
    departmentTargets,
    importNotes: notes,
  };
  if (cmp) doc.finalAccounts = { comparisons: cmp.comparisons };
  if (rec.titleLines.length > 0)
    doc.title = {
      text: rec.titleLines.map((l) => l.text.replace(/\s+/g, '')).join(''),
      src: srcOf(rec.titleLines[0]!, rec.titleLines.map((l) => l.text).join('\n'), rec.titleLines[rec.titleLines.length - 1]),
    };
  return { doc: BudgetDocument.parse(doc), confidence: rec.confidence };
}
