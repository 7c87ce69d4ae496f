/**
 * What a disclosure is: its kind (部门 / 单位 × 预算 / 决算), its year and its unit, from the cover, the
 * table titles and the "部门名称：…" lines, whichever the document prints. Nothing here is about one
 * region: covers that wrap over several lines, no cover at all and tables-only files all give what they
 * print, and what they do not print stays unknown.
 */
import type { DocumentKind } from '../../domain/model.js';
import { squashTitle } from '../../domain/catalogue/index.js';
import { OWN_ORGAN_SCOPE } from '../../domain/text.js';
import type { SourceLine, SourceText } from '../text/source.js';
import type { TableBlock } from './segment.js';

export interface Recognised {
  kind: DocumentKind;
  year: number | null;
  unit: string | null;
  /** The cover title line(s), when found. */
  titleLines: SourceLine[];
  /** How sure the recogniser is that this is a disclosure of the genre (0–1). */
  confidence: number;
}

const KIND_WORD = /(部门|单位)(综合)?(预算|决算)/gu;

/** Counts the kind words in a text. */
function kindVotes(texts: string[]): Map<DocumentKind, number> {
  const votes = new Map<DocumentKind, number>();
  for (const t of texts) {
    for (const m of t.matchAll(KIND_WORD)) {
      const k = `${m[1]}${m[3]}` as DocumentKind;
      votes.set(k, (votes.get(k) ?? 0) + 1);
    }
    // "预算单位…预算总表" (Shanghai unit budgets) names a unit budget.
    if (/^(\d{4}年)?预算单位/.test(t)) votes.set('单位预算', (votes.get('单位预算') ?? 0) + 1);
  }
  return votes;
}

/** Cleans a candidate unit name (no year, no kind words, no scope qualifier, no punctuation at the ends) and says whether it was "（本级）". */
function cleanUnit(s: string): { name: string; own: boolean } | null {
  let u = squashTitle(s)
    .replace(/(?:19|20)\d\d年度?.*$/u, '')
    .replace(/(部门|单位)(综合)?(预算|决算).*$/u, '')
    .replace(/^(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、]|第[一二三四五六七八九十]{1,3}部分[:：]?)?(关于|附件\d*[:：]?)?/u, '')
    .replace(/[:：，,。]+$/u, '');
  // "（本级）" is kept (see OWN_ORGAN_SCOPE); "（汇总）", "（部门汇总）", "（部门）", "（单位）", "（合并）" only restate
  // what the kind says (a 部门预算 is the department with its units) and are dropped.
  const own = OWN_ORGAN_SCOPE.test(u);
  u = u.replace(/[（(](本级|汇总|部门汇总|部门|单位|合并)[）)]$/u, '').trim();
  if (u.length < 2 || u.length > 40) return null;
  if (/^(目录|说明|公开|预算|决算|部门|单位|第.部分|附件)$/.test(u)) return null;
  if (!/(局|署|委|办|院|所|中心|厅|部|会|室|处|队|站|馆|校|学院|大学|政府|公司|协会|联合会|团|社|法院|检察院|委员会|办公室|总队|支队|大队|基地|园|库|台|报|宫|场|组|司|街道|镇|乡)$/.test(u))
    return null;
  return { name: u, own };
}

/** The cover's title: a year, then the kind ("2026年部门预算", "2026年度泉州市人民政府办公室部门预算公开"). */
const COVER_TITLE = /((?:19|20)\d\d)年度?.{0,30}?(部门|单位)(综合)?(预算|决算)/u;

/** A line of a table of contents (dot leaders) or a numbered heading: never the cover's title. */
const NOT_COVER = /\.{3,}|…{2,}|·{3,}|^(?:第[一二三四五六七八九十]{1,3}部分|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、])/u;

/**
 * The cover's title lines and the year they name, or null. The cover comes before the contents (目录) when
 * the first lines hold one, so a contents entry ("第二部分 2026年部门预算表……9") is never taken for it. A title
 * may wrap over up to four short lines ("2026年" / "广州市统计局部门预算"; "2026 年度" / "泉州市人民政府办公室" /
 * "部门预算"): the fewest lines that name a year and a kind, then the name above a title that starts with its
 * year ("北京市审计局" / "2026年部门预算").
 */
function coverTitle(head: SourceLine[], text: string[]): { lines: SourceLine[]; year: number } | null {
  const toc = text.findIndex((t) => t === '目录');
  const zone = (toc >= 0 ? head.slice(0, toc) : head).map((l, i) => ({ l, t: text[i]! })).filter((x) => x.t !== '' && !/^\d+$/.test(x.t));
  for (let w = 1; w <= 4; w++) {
    for (let i = 0; i + w <= zone.length; i++) {
      const part = zone.slice(i, i + w);
      if (part.some((x) => NOT_COVER.test(x.t)) || (w > 1 && part.some((x) => x.t.length > 30))) continue;
      const joined = part.map((x) => x.t).join('');
      const m = COVER_TITLE.exec(joined);
      if (!m || joined.length > 60) continue;
      const above = zone[i - 1];
      const named = m.index > 0 || !above || above.t.length > 30 || NOT_COVER.test(above.t) || /(?:19|20)\d\d|目录/.test(above.t);
      return { lines: (named ? part : [above, ...part]).map((x) => x.l), year: Number(m[1]) };
    }
  }
  return null;
}

/** Recognises kind, year and unit. */
export function recognise(src: SourceText, tables: TableBlock[], narrative: SourceLine[]): Recognised {
  const head = src.lines.slice(0, 40);
  const headText = head.map((l) => squashTitle(l.text));
  const titleTexts = tables.map((t) => t.title);
  // Kind: the cover's words first, then the tables' titles.
  const coverVotes = kindVotes(headText.filter((t) => t.length <= 60));
  const titleVotes = kindVotes(titleTexts);
  const final =
    titleTexts.filter((t) => /决算/.test(t)).length > titleTexts.length / 2 ||
    (coverVotes.get('部门决算') ?? 0) + (coverVotes.get('单位决算') ?? 0) > (coverVotes.get('部门预算') ?? 0) + (coverVotes.get('单位预算') ?? 0);
  const pick = (votes: Map<DocumentKind, number>): DocumentKind | null => {
    const c = [...votes.entries()].filter(([k]) => (final ? /决算/.test(k) : /预算/.test(k))).sort((a, b) => b[1] - a[1]);
    return c[0]?.[0] ?? null;
  };
  let kind: DocumentKind = pick(coverVotes) ?? pick(titleVotes) ?? (final ? '部门决算' : '部门预算');
  // A unit budget says so on its cover or in its table titles (单位预算 / 预算单位…表).
  if (kind === '部门预算' && (titleVotes.get('单位预算') ?? 0) > (titleVotes.get('部门预算') ?? 0) && (coverVotes.get('部门预算') ?? 0) === 0) kind = '单位预算';

  // Year: the year the cover names with the kind; else the year most titles print.
  const title = coverTitle(head, headText);
  let year: number | null = title?.year ?? null;
  const titleLines: SourceLine[] = title?.lines ?? [];
  if (year === null) {
    const counts = new Map<number, number>();
    for (const t of [...titleTexts, ...headText]) {
      const m = /((?:19|20)\d\d)年/.exec(t);
      if (m) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
    }
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    year = best?.[0] ?? null;
  }
  if (year === null) {
    // Narrative phrases: "2026年部门预算", "2026年收入预算".
    for (const l of narrative.slice(0, 200)) {
      const m = /((?:19|20)\d\d)年(?:度)?(?:部门|单位)?(?:综合)?(?:预算|决算|收入预算|支出预算|收支预算)/.exec(squashTitle(l.text));
      if (m) {
        year = Number(m[1]);
        break;
      }
    }
  }

  if (year === null) {
    // A year printed in brackets under a table's title ("（2026年度）", Beijing's 预算13表 of a
    // tables-only file without a cover), or as a subtitle line of its own with the brackets around
    // 年度 ("2026（年度）"): the year most tables print so.
    const counts = new Map<number, number>();
    for (const t of tables) {
      for (const l of t.lines.slice(0, 6)) {
        const m = /[（(]\s*((?:19|20)\d\d)\s*年度?\s*[)）]/u.exec(l.text) ?? /^\s*((?:19|20)\d\d)\s*[（(]\s*年度?\s*[)）]\s*$/u.exec(l.text);
        if (m) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
      }
    }
    year = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? null;
  }

  // Unit: "部门名称：…" in the tables, the cover's name before its year, or the line above it.
  const counts = new Map<string, number>();
  // Of each name's votes, those whose text said "（本级）".
  const ownVotes = new Map<string, number>();
  const vote = (u: { name: string; own: boolean } | null, weight: number) => {
    if (!u) return;
    counts.set(u.name, (counts.get(u.name) ?? 0) + weight);
    if (u.own) ownVotes.set(u.name, (ownVotes.get(u.name) ?? 0) + weight);
  };
  for (const t of tables) {
    for (const l of t.lines.slice(0, 6)) {
      const m = /(?:部门名称|单位名称|编制单位|编制部门|预算单位|预算主管部门|主管部门|部门|单位)\s*[:：]\s*(\S[^单]*?)\s*(?:(?:金额)?单位\s*[:：].*)?$/u.exec(l.text);
      vote(m ? cleanUnit(m[1]!) : null, 1);
    }
  }
  for (const l of head) {
    const m = /^(?:部门名称|单位名称|编制单位|编制部门|预算单位|预算主管部门|主管部门)\s*[:：]\s*(\S+)/u.exec(l.text.trim());
    vote(m ? cleanUnit(m[1]!) : null, 3);
  }
  for (const l of titleLines) {
    vote(cleanUnit(squashTitle(l.text)), 2);
  }
  for (const t of headText.slice(0, 12)) {
    const m = /^(.{2,40}?)(?:19|20)\d\d年度?/u.exec(t);
    vote(m ? cleanUnit(m[1]!) : null, 2);
    // "2026年烟台市审计局部门预算": the unit between the year and the kind.
    const y = /^(?:19|20)\d\d年度?(.{2,40}?)(?:部门|单位)(?:综合)?(?:预算|决算)/u.exec(t);
    vote(y ? cleanUnit(y[1]!) : null, 2);
  }
  // A cover wrapped over lines ("2026 年度" / "福州市商务局" / "部门预算"): the line between.
  const cover = headText.slice(0, 8).filter((t) => t !== '' && !/目录/.test(t));
  for (let i = 0; i < cover.length; i++) {
    if (!/^(?:19|20)\d\d年度?$/.test(cover[i]!)) continue;
    const end = cover.findIndex((t, k) => k > i && /^(部门|单位)(综合)?(预算|决算)/.test(t));
    if (end < 0 || end - i > 4) continue;
    // The name may wrap too ("泉州市市场监管综合监测" / "与技术保障中心"); "（本级）" qualifies it.
    vote(cleanUnit(cover.slice(i + 1, end).join('')), 3);
  }
  // "部门名称  北京市审计局" in a form (no colon, the value across the gap), anywhere.
  for (const l of src.lines) {
    const m = /^(?:部门名称|单位名称|预算部门|主管部门)\s*[:：]?\s{2,}(\S+)\s*$/u.exec(l.text.trim());
    vote(m ? cleanUnit(m[1]!) : null, 1);
  }
  const name = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0] ?? null;
  // The organ alone when most of the name's votes say so (a department's whole budget may list its 本级 among its units, never in its title).
  const unit = name === null ? null : 2 * (ownVotes.get(name) ?? 0) > counts.get(name)! ? `${name}（本级）` : name;

  // Confidence: standard tables recognised, a year and a unit found.
  const known = new Set(tables.filter((t) => t.type?.standard).map((t) => t.type!.role)).size;
  let confidence = Math.min(1, known / 6) * 0.7 + (year !== null ? 0.15 : 0) + (unit !== null ? 0.15 : 0);
  if (tables.length === 0) confidence = narrative.some((l) => /预算|决算/.test(l.text)) && year !== null ? 0.3 : 0.05;
  return { kind, year, unit, titleLines, confidence: Math.round(confidence * 100) / 100 };
}
