/**
 * The Shanghai importers (profiles `shanghai-budget` and `shanghai-final-accounts`): the text of a
 * published Shanghai district 部门预算/单位预算 or 部门决算 → BudgetDocument. Tables are read by the
 * x positions of their columns; the narrative gives facts and, in final accounts, comparisons.
 */
import { BudgetDocument, type BudgetDocument as Doc, type DocumentKind, type Table } from '../../domain/model.js';
import { FiscusError } from '../../domain/errors.js';
import { squash } from '../../domain/text.js';
import type { SourceText } from '../text/source.js';
import { lineOfError, newContext, reasonOf, srcOf, tableUnreadable } from './context.js';
import { budgetFacts, finalFacts, partOf } from './narrative.js';
import { paragraphsOf, spanSrc } from '../_lib/paragraphs.js';
import { comparisonsOf } from '../_lib/comparisons.js';
import { splitShanghai, type ShanghaiProfile } from './sections.js';
import { parseTable } from './tables.js';
import { pushAll } from '../../domain/arrays.js';
import { MENTION, SHARE } from '../../domain/catalogue/index.js';
import type { Fact, Money } from '../../domain/model.js';
import { readNarrative } from '../genre/narrative.js';
import type { SourceLine } from '../text/source.js';

export type { ShanghaiProfile } from './sections.js';

/** The Shanghai profile the text looks like (by its table titles), or null. */
export function detectShanghaiProfile(src: SourceText): ShanghaiProfile | null {
  const s = src.lines.map((l) => squash(l.text));
  if (s.some((t) => /财务收支预算总表$/.test(t) && !/…/.test(t)) && s.some((t) => /财政拨款收支预算总表/.test(t))) return 'shanghai-budget';
  if (s.some((t) => /^收入支出决算总表$/.test(t)) && s.some((t) => /财政拨款收入支出决算总表$/.test(t))) return 'shanghai-final-accounts';
  return null;
}

/**
 * The narrative's other amounts: every figure the genre's narrative reader finds in these lines that
 * the Shanghai facts do not already hold (the same value, cited nearest), as a `mention` with the
 * words before it — a figure keyed by the Shanghai sentence patterns keeps its key, and nothing printed
 * is lost (quarterly plans, procurement reserved for small firms, performance funds …).
 */
function otherMentions(lines: SourceLine[], held: readonly Money[]): Fact[] {
  // A held amount: its value and the lines it cites (a Shanghai fact cites its phrase or sentence).
  const have = held.flatMap((m) => (m.src?.line != null ? [{ fen: Math.abs(m.fen), from: m.src.line, to: m.src.endLine ?? m.src.line, used: false }] : []));
  const out: Fact[] = [];
  for (const f of readNarrative(lines).facts) {
    const line = f.money?.src?.line;
    // A share's money repeats the figure it is a share of, which the reader holds as its own fact.
    if (!f.money || line == null || f.key === SHARE) continue;
    const fen = Math.abs(f.money.fen);
    // The same value held nearest to the figure's line is the same figure: the two readers cut
    // sentences differently, and a PDF's lines are not a text's, so lines are compared by distance.
    const dist = (h: (typeof have)[number]) => (line < h.from ? h.from - line : line > h.to ? line - h.to : 0);
    const same = have.filter((h) => !h.used && h.fen === fen).sort((a, b) => dist(a) - dist(b))[0];
    if (same) {
      same.used = true;
      continue;
    }
    out.push({ ...f, key: MENTION });
  }
  return out;
}

/** Year, unit and kind from the cover ("上海市普陀区2024年区级部门预算", "预算主管部门：…"; "X / 2024年度部门决算"). */
function cover(src: SourceText, profile: ShanghaiProfile): { year: number | null; unit: string | null; kind: DocumentKind; title: SourceText['lines'][number] | null } {
  // The cover is page 1 when pages are known; header comments of a text file ("# …") are not.
  const paged = src.lines.filter((l) => l.page === 1);
  const head = (paged.length > 0 ? paged : src.lines.slice(0, 12)).filter((l) => !/^(#|SOURCE:)/.test(l.text));
  const titleLine = head.find((l) => /\d{4}年度?.*(部门|单位)(预算|决算)/.test(squash(l.text))) ?? null;
  const t = titleLine ? squash(titleLine.text) : '';
  const year = /(\d{4})年/.exec(t)?.[1];
  const kindWord = /(部门|单位)(预算|决算)/.exec(t);
  const kind = (kindWord ? kindWord[0] : profile === 'shanghai-budget' ? '部门预算' : '部门决算') as DocumentKind;
  let unit: string | null = null;
  for (const l of src.lines.slice(0, 40)) {
    const m = /^(?:预算主管部门|预算单位|编制部门|编制单位)[:：]\s*(\S+)/.exec(l.text);
    if (m) {
      unit = m[1]!;
      break;
    }
  }
  if (!unit && titleLine) {
    const i = head.indexOf(titleLine);
    const before = head[i - 1];
    const inline = /^(.+?)\d{4}年度?/.exec(t)?.[1];
    unit = inline && !/^上海市\S{1,3}区$/.test(inline) ? inline : before ? squash(before.text) : null;
  }
  return { year: year ? Number(year) : null, unit, kind, title: titleLine };
}

/** Imports Shanghai disclosure text as the given (or detected) profile. */
export function importShanghaiSource(src: SourceText, profile?: ShanghaiProfile): Doc {
  const p = profile ?? detectShanghaiProfile(src);
  if (!p) throw new FiscusError('INPUT_INVALID', '应为上海的部门预算或决算（财务收支预算总表 / 收入支出决算总表），实为两者都没有', { file: src.file, line: 1 });
  const ctx = newContext(src.file);
  const c = cover(src, p);
  ctx.year = c.year;
  ctx.unitName = c.unit;
  if (ctx.year === null || ctx.unitName === null) {
    throw new FiscusError('INPUT_INVALID', '封面上应有年度和单位（如“2024年区级部门预算”“预算主管部门：…”），实为两者都没有', { file: src.file, line: c.title?.no ?? 1 });
  }
  const structure = splitShanghai(src, p);
  if (structure.tables.length === 0) throw new FiscusError('INPUT_INVALID', '应有上海的预决算表（财务收支预算总表 … / 收入支出决算总表 …），实为一张也没有', { file: src.file, line: 1 });
  // Never refuse the document for one table: one that cannot be read at all is left out (its id kept
  // by no other table) and becomes a `table-unreadable` note; a row that cannot be read, a
  // `row-unreadable` note on its line.
  const tables: Table[] = [];
  structure.tables.forEach((b, i) => {
    const ref = { id: `t${i + 1}`, title: squash(b.title.text) };
    const notesBefore = ctx.notes.length;
    try {
      tables.push({ ...parseTable(ctx, p, b, ref), id: ref.id });
    } catch (e) {
      if (!(e instanceof FiscusError)) throw e;
      ctx.notes.length = notesBefore;
      ctx.notes.push(tableUnreadable(ref, lineOfError(e, [b.title, ...b.lines]) ?? b.title, reasonOf(e)));
    }
  });
  const parts = structure.parts.map((b, i) => ({ block: b, paras: paragraphsOf(b.lines), no: i + 1 }));
  const allParas = parts.flatMap((x) => x.paras);
  const facts = p === 'shanghai-budget' ? budgetFacts(allParas) : finalFacts(allParas);
  const cmp = p === 'shanghai-final-accounts' ? comparisonsOf(allParas.map((x) => ({ text: x.text, srcOf: (a: number, b: number) => spanSrc(x, a, b) }))) : null;
  if (cmp) pushAll(facts, cmp.facts);
  pushAll(
    facts,
    otherMentions(
      structure.parts.flatMap((b) => [b.title, ...b.lines]),
      [...facts.flatMap((f) => (f.money ? [f.money] : [])), ...(cmp?.comparisons ?? []).flatMap((c) => [c.budget, c.actual].filter((m) => m !== null))],
    ),
  );
  const glossaryPart = parts.find((x) => /名词解释/.test(x.block.title.text));
  const glossary = (glossaryPart?.paras ?? []).flatMap((g) => {
    const m = /^(?:[(（]?[一二三四五六七八九十]+[)）、]?)\s*([^:：]{1,20})[:：](.*)$/.exec(g.text);
    return m ? [{ term: m[1]!.replace(/[“”"]/g, ''), definition: m[2]!, src: srcOf(g.pieces[0]!.line, g.text, g.pieces[g.pieces.length - 1]!.line) }] : [];
  });
  const duties = (parts.find((x) => /主要职能/.test(x.block.title.text))?.paras ?? [])
    .filter((d) => /^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])/.test(d.text))
    .map((d) => ({ text: d.text, src: srcOf(d.pieces[0]!.line, d.text, d.pieces[d.pieces.length - 1]!.line) }));
  const doc: Doc = {
    schema: 'fiscus/budget-document@1',
    kind: c.kind,
    profile: p,
    year: ctx.year,
    unit: { name: ctx.unitName, subordinateUnits: [] },
    displayUnit: '万元',
    source: { file: src.file, sha256: src.sha256, format: 'text', lines: src.lineCount, pages: src.pages },
    narrative: {
      parts: parts.map((x) => partOf(x.no, x.block.title, x.paras)),
      duties,
      projects: [],
      glossary,
      facts,
    },
    tables,
    projectForms: [],
    departmentTargets: null,
    importNotes: ctx.notes,
  };
  if (c.title) doc.title = { text: squash(c.title.text), src: srcOf(c.title) };
  if (cmp) doc.finalAccounts = { comparisons: cmp.comparisons };
  // The schema is the contract: an importer bug that breaks it is caught here, not downstream.
  return BudgetDocument.parse(doc);
}
