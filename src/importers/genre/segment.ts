/**
 * Cutting a disclosure into its tables and its narrative: page furniture (running headers, page
 * numbers) set aside, table titles found by the catalogue's vocabulary (numbered or not, the number on
 * its own line or not, wrapped over two lines), the table of contents told apart from the tables by
 * what follows a title, and a table continued on the following pages kept as one.
 */
import { squashTitle, tableTypeOfTitle, titleParts, TABLE_NUMBER, type TableType } from '../../domain/catalogue/index.js';
import { maxOf, minOf, pushAll } from '../../domain/arrays.js';
import { normalizeText } from '../../domain/text.js';
import type { SourceLine, SourceText } from '../text/source.js';
import { cellsOf, tokensOf } from './tokens.js';
import { DOT_LEADER, headingOf, tocLines } from './narrative.js';

/** A table as cut from the document. */
export interface TableBlock {
  /** The table type the title names (null: a table the catalogue does not know, titled …表). */
  type: TableType | null;
  /** The printed title (numbering included), squashed. */
  title: string;
  /** The number printed with the title, if any. */
  no: number | null;
  /** The line(s) the title was printed on. */
  titleLines: SourceLine[];
  /** Every line after the title up to the next table or the narrative (furniture removed). */
  lines: SourceLine[];
}

export interface Segments {
  tables: TableBlock[];
  /** Lines outside the tables (cover, contents, narrative), furniture removed. */
  narrative: SourceLine[];
  /** Lines recognised as page furniture. */
  furniture: Set<SourceLine>;
}

const PAGE_NUMBER = /^(?:[-—－–]\s*\d{1,3}\s*[-—－–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}|\d{1,3}\s*\/\s*\d{1,3}|[IVXLC]{1,5})$/u;

/**
 * Page furniture: page numbers, and the lines printed at the top or bottom of many pages (running
 * headers such as "苏州市数据局 2026 年度部门预算公开"). A line counts when its text, digits masked, is the
 * first or last two of at least three pages and a fifth of them.
 */
export function furnitureOf(src: SourceText): Set<SourceLine> {
  const out = new Set<SourceLine>();
  const onPage = new Map<number | null, SourceLine[]>();
  for (const l of src.lines) {
    const ls = onPage.get(l.page);
    if (ls) ls.push(l);
    else onPage.set(l.page, [l]);
  }
  const byPage = new Map([...onPage].filter((e): e is [number, SourceLine[]] => e[0] !== null));
  // The number of decimals most figures of a page print (asked of few pages: counted when asked).
  const decimals = new Map<number | null, number>();
  const usual = (page: number | null): number => {
    let d = decimals.get(page);
    if (d === undefined) {
      const counts = new Map<number, number>();
      for (const o of onPage.get(page) ?? []) for (const w of wordsOf(o)) if (DECIMAL_FIGURE.test(w.text)) counts.set(decimalsOfWord(w.text), (counts.get(decimalsOfWord(w.text)) ?? 0) + 1);
      const [k, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
      d = n >= 3 ? k : 0;
      decimals.set(page, d);
    }
    return d;
  };
  src.lines.forEach((l, i) => {
    if (PAGE_NUMBER.test(l.text.trim()) && !pieceOfFigure(src.lines, i, usual)) out.add(l);
  });
  if (byPage.size < 3) return out;
  const key = (l: SourceLine) => squashTitle(l.text).replace(/\d+/g, '#');
  const counts = new Map<string, number>();
  const edges = new Map<number, SourceLine[]>();
  for (const [p, ls] of byPage) {
    const body = ls.filter((l) => !out.has(l));
    const e = [...body.slice(0, 2), ...body.slice(-2)];
    edges.set(p, e);
    for (const k of new Set(e.map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const min = Math.max(3, Math.ceil(byPage.size / 5));
  for (const e of edges.values()) {
    for (const l of e) {
      const k = key(l);
      // Table titles repeat on continuation pages: they are content, never furniture.
      // A table's unit line ("编制单位：… 单位：元") repeats with its table: content, not furniture.
      // A line printing amounts is a row: the function tables of one account (收入决算表, 支出决算表, 公开05表)
      // list the same codes and may break their pages at the same one ("2080505 机关事业单位基本养老保险缴费支出
      // 120.00 120.00" last on three pages), their figures masked alike.
      if (
        (counts.get(k) ?? 0) >= min &&
        k.length <= 60 &&
        !tableTypeOfTitle(l.text) &&
        !/表$/.test(k) &&
        !isNumberOnly(l) &&
        !/单位\s*[:：]|^(编制|部门名称|单位名称|填报)/.test(l.text.trim()) &&
        !/\d\.\d{2}(?!\d)/.test(l.text) &&
        !tailOfFigure(src.lines, l)
      )
        out.add(l);
    }
  }
  return out;
}

/**
 * A figure cut short by its cell's width: "40,", "3,4", "11." (the rest printed on the next line). A
 * figure with one decimal ("8.2") may be whole (a chart's axis), so it is no head.
 */
export const FIGURE_HEAD = /^(?:\d[\d,]*[,.]|\d{1,3}(?:,\d{3})*,\d{1,2})$/;
/** A figure printing decimals ("18,536.88", "8.2"). */
const DECIMAL_FIGURE = /^\d{1,3}(?:,\d{3})*\.\d+$|^\d+\.\d+$/;
const decimalsOfWord = (s: string) => s.length - s.indexOf('.') - 1;
/** The rest of a figure wrapped in its cell: ".00", ",024.98". */
const FIGURE_TAIL = /^[.,]\d/;

/**
 * True when a short numeric line ("624") is a piece of a figure its cell wrapped over several lines
 * ("40," / "624" / ".00"), not a page number: the line right above it ends with the head of a figure,
 * or the line right below begins with its tail, in the same column; or it completes the decimals of a
 * figure ending where it ends, one or two lines above, to the number the page's figures print (`usual`).
 */
function pieceOfFigure(lines: readonly SourceLine[], i: number, usual: (page: number | null) => number): boolean {
  const l = lines[i]!;
  if (!/^\d{1,3}$/.test(l.text.trim())) return false;
  const cs = cellsOf(l);
  const at = { x0: minOf(cs.map((c) => c.x0)), x1: maxOf(cs.map((c) => c.x1)) };
  const near = (w: { x0: number; x1: number }) => w.x0 <= at.x1 + 2 && w.x1 >= at.x0 - 2;
  const adjacent = (o: SourceLine | undefined): o is SourceLine => !!o && o.page === l.page && Math.abs(o.no - l.no) === 1;
  const above = lines[i - 1];
  if (adjacent(above) && wordsOf(above).some((w) => FIGURE_HEAD.test(w.text) && near(w))) return true;
  // The last decimals of a figure centred in a tall cell, printed under it past the row's line ("18,536.8" /
  // "合计 404,415.23 …" / "8") on a page of figures of two decimals; not a chart's axis ("8.2" / "8" / "7.8").
  const digits = l.text.trim();
  if (digits.length <= 2 && adjacent(above)) {
    // (Not the last piece of a figure wrapped over many lines, "8,3" / "97.7" / "5": its head stands right above it.)
    const cutAbove = (k: number, w: { x0: number; x1: number }) => {
      const o = lines[k];
      return !!o && o.page === l.page && wordsOf(o).some((u) => FIGURE_HEAD.test(u.text) && u.x0 <= w.x1 + 2 && u.x1 >= w.x0 - 2);
    };
    const short = (w: { text: string }) => DECIMAL_FIGURE.test(w.text) && decimalsOfWord(w.text) + digits.length === usual(l.page);
    const ends = (k: number) => wordsOf(lines[k]!).some((w) => at.x1 >= w.x1 - 1 && at.x1 <= w.x1 + (l.y === undefined ? 3 : 1) && short(w) && !cutAbove(k - 1, w));
    const twoUp = lines[i - 2];
    if (ends(i - 1) || (twoUp && twoUp.page === l.page && above.no - twoUp.no === 1 && ends(i - 2))) return true;
  }
  const below = lines[i + 1];
  return adjacent(below) && wordsOf(below).some((w) => FIGURE_TAIL.test(w.text) && near(w));
}

/**
 * True when a line prints only pieces of figures its cells wrapped (".00", ".00  100" under "1,130", pdftotext's
 * staircase), one of them the rest of a figure under its integer part one or two lines above on its page: content,
 * however many pages end with such a line (their digits masked alike, ".#", they look like a running footer).
 */
function tailOfFigure(lines: readonly SourceLine[], l: SourceLine): boolean {
  if (!/^[.,]\d/.test(l.text.trim())) return false;
  const ws = wordsOf(l);
  if (!ws.every((w) => /^[.,]\d{1,2}$|^\d{1,3}(?:,\d{3})*$|^\d+$/.test(w.text))) return false;
  const i = lines.indexOf(l);
  for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
    const o = lines[k]!;
    if (o.page !== l.page) return false;
    const heads = wordsOf(o).filter((w) => /^\d{1,3}(?:,\d{3})*$|^\d+$/.test(w.text));
    if (ws.some((f) => /^[.,]\d/.test(f.text) && heads.some((w) => f.x0 < w.x1 + 1.5 && f.x1 > w.x0 - 0.5))) return true;
  }
  return false;
}

/** The words of a line (its cells split at white space) with their extents. */
function wordsOf(l: SourceLine): Array<{ text: string; x0: number; x1: number }> {
  const out: Array<{ text: string; x0: number; x1: number }> = [];
  for (const c of cellsOf(l)) {
    const width = (c.x1 - c.x0) / Math.max(1, c.text.length);
    for (const m of c.text.matchAll(/\S+/g)) out.push({ text: m[0], x0: c.x0 + m.index * width, x1: c.x0 + (m.index + m[0].length) * width });
  }
  return out;
}

/** Text of a line with a trailing "单位：万元" / "金额单位：元" removed. */
function withoutUnit(s: string): string {
  return s.replace(/(?:金额)?单位\s*[:：]\s*(?:人民币)?\s*(?:万元|元)\s*$/u, '').trim();
}

/** True when a line is only a table number ("表1", "公开 01 表", "表一"). */
export function isNumberOnly(l: SourceLine): boolean {
  // Every table number prints 表 (and only 表 normalises to 表): a line without it is none.
  if (!l.text.includes('表')) return false;
  const s = squashTitle(l.text);
  const m = TABLE_NUMBER.exec(s);
  return !!m && m[0].length === s.length;
}

/**
 * The title a line prints, if any: a short line whose core ends with 表 (or 表 and a bracketed
 * qualifier), printed without amounts, not a sentence.
 */
/**
 * A squashed title whose printed number runs into a year keeps a space between them: "表 8   2022 年…"
 * and "表01" over "2026年…" are "表8 2022年…" and "表01 2026年…", not "表82022年…", which reads as another
 * number and hides the table's own (TABLE_NUMBER takes no digit after the number).
 */
function keepNumberApart(printed: string, squashed: string): string {
  const num = TABLE_NUMBER.exec(normalizeText(printed).trim());
  if (!num || !squashed.startsWith(squashTitle(num[0]))) return squashed;
  const rest = squashed.slice(squashTitle(num[0]).length);
  return /^[0-9]/.test(rest) ? `${squashTitle(num[0])} ${rest}` : squashed;
}

export function titleOf(text: string): string | null {
  // A title's core ends with 表, and only 表 normalises to 表: a line without it is none.
  if (!text.includes('表')) return null;
  const s = keepNumberApart(text, squashTitle(withoutUnit(text)));
  if (s.length < 3 || s.length > 70) return null;
  if (/[。；;，,]$/.test(s) || /[。；]/.test(s)) return null;
  if (/^(注|说明|备注|资料来源)[:：]/.test(s)) return null;
  const { core } = titleParts(s);
  if (!/表(（[^）]{1,30}）)?$/.test(core)) return null;
  if (/^(附件|附表)[:：]?$/.test(core)) return null;
  // A sentence that ends in 表 ("详见下表") is not a title.
  if (/(详见|见下|如下|列表|下表|上表|本表)/.test(core) && core.length < 8) return null;
  if (/^(部门|单位)?(预算|决算)?(公开)?(报)?表$|^(部门|单位)?(预算|决算)(公开)?(报)?表格?$|公开报表$|预算表$/.test(core) && !tableTypeOfTitle(s)) return null;
  return s;
}

/**
 * True when two lines can be the halves of one wrapped title. A title wraps on its own page, and only
 * when its first line is full: a first half shorter than the second is not a wrap but the end of
 * what stood above (a wrapped cell of the table's last row, "指标" or "备注", left before the next
 * table's title).
 */
function wrapsInto(first: SourceLine, second: SourceLine): boolean {
  if (first.page !== null && second.page !== null && first.page !== second.page) return false;
  return squashTitle(first.text).length >= squashTitle(second.text).length;
}

interface Mark {
  at: number;
  end: number;
  title: string;
  type: TableType | null;
  no: number | null;
  lines: SourceLine[];
}

/** True when a line carries an amount (a figure with decimals or thousands separators). */
function hasAmount(l: SourceLine): boolean {
  return tokensOf(l).some((t) => t.kind === 'amount');
}

/** True for prose: a long line of running text (the narrative, not a table's row or note). */
export function isProse(l: SourceLine): boolean {
  const s = l.text.trim();
  if (/^(注|说明|备注)\s*[:：\d]/.test(s)) return false;
  const toks = tokensOf(l);
  const texts = toks.filter((t) => t.kind === 'text');
  if (toks.length - texts.length > 1) return false;
  // Prose runs from the left margin; a table's text column (a project's description) starts far
  // right (a long sentence is prose wherever it starts).
  if ((toks[0]?.x0 ?? 0) > 12 && squashTitle(s).length < 30) return false;
  const sq = squashTitle(s).replace(/^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．])/u, '');
  // Thousands separators are not commas of a sentence.
  const words = sq.replace(/\d{1,3}(?:,\d{3})+(?:\.\d+)?/g, '');
  return sq.length >= 18 && /[，。；;]|,(?!\d)/.test(words) && texts.length <= 3;
}

/**
 * A row of a form's grid: a line that prints an amount or several cells and is no sentence, or one
 * whose amount stands among cells set apart by wide gaps, a sentence in its last cell ("杭州市交通运输局
 * 综合交通行业管理   1,188.11   整、真实、有效。…"); a sentence of the narrative runs on with single spaces.
 */
function isFormRow(l: SourceLine): boolean {
  if (!isProse(l)) return hasAmount(l) || tokensOf(l).length >= 3;
  const toks = tokensOf(l);
  const gaps = toks.slice(1).filter((t, i) => t.x0 - toks[i]!.x1 >= 2).length;
  return hasAmount(l) && gaps >= 2;
}

/**
 * Finds the tables of a document. A title counts when something other than another title follows it
 * (a header, rows, a note): the contents page lists the same titles back to back.
 */
export function segment(src: SourceText): Segments {
  const furniture = furnitureOf(src);
  const lines = src.lines.filter((l) => !furniture.has(l));
  const marks: Mark[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const at = i;
    let end = i;
    let title: string | null = null;
    let no: number | null;
    if (isNumberOnly(l)) {
      // "表1" alone: the title is printed on one of the next lines (a unit line may come between).
      no = titleParts(l.text).no;
      for (let k = i + 1; k <= Math.min(i + 3, lines.length - 1); k++) {
        const t = titleOf(lines[k]!.text);
        if (t) {
          title = keepNumberApart(`${l.text} ${t}`, squashTitle(l.text) + t);
          end = k;
          break;
        }
        if (isNumberOnly(lines[k]!) || hasAmount(lines[k]!)) break;
      }
      if (!title) continue;
    } else {
      title = titleOf(l.text);
      if (!title && i + 1 < lines.length && !hasAmount(l) && !hasAmount(lines[i + 1]!)) {
        // A title wrapped over two lines ("…项目绩" / "效目标表"): the two halves make one.
        const joined = squashTitle(l.text) + squashTitle(lines[i + 1]!.text);
        const t = titleOf(joined);
        // Only a line of one piece of text (not a row of a form's cells) wraps into a title.
        const pieces = tokensOf(l).filter((x) => x.kind === 'text').length;
        if (
          t &&
          pieces <= 2 &&
          !/[≥≤<>%＞＜]|\d/.test(l.text) &&
          squashTitle(lines[i + 1]!.text).length <= 12 &&
          squashTitle(l.text).length <= 40 &&
          tableTypeOfTitle(t) &&
          wrapsInto(l, lines[i + 1]!)
        ) {
          title = t;
          end = i + 1;
        }
      }
      if (!title) continue;
      no = titleParts(title).no;
    }
    marks.push({ at, end, title, type: tableTypeOfTitle(title), no, lines: [] });
    i = end;
  }
  // Each title owns the lines up to the next title.
  marks.forEach((m, k) => {
    const next = marks[k + 1]?.at ?? lines.length;
    m.lines = lines.slice(m.end + 1, next);
  });
  const narrative: SourceLine[] = [];
  const tables: TableBlock[] = [];
  const parts = contentsParts(lines);
  let cursor = 0;
  marks.forEach((m, mk) => {
    // A title with nothing of a table after it (contents, a list of tables in the narrative) is text.
    // A table shows itself within its first lines: amounts, a unit line, a header of several cells,
    // or the note of an empty table; a contents entry is followed by the next entry or by prose.
    const content = m.lines.filter((l) => !isNumberOnly(l) && !titleOf(l.text)).slice(0, 8);
    const firstHeading = content.findIndex((l) => /^第[一二三四五六七八九十]+部分/.test(squashTitle(l.text)));
    const probe = firstHeading >= 0 ? content.slice(0, firstHeading) : content;
    // The last entry of a list of titles (a contents page: the title right above is another entry)
    // is followed by the list's note ("注：以上报表中，空表表示…"), which is no empty table's note.
    const listed = mk > 0 && marks[mk - 1]!.end + 1 === m.at;
    const emptyNote = /单位\s*[:：]|无数据|空表|本表|无此项|不涉及|没有/;
    const tableLike =
      probe.some((l) => hasAmount(l) || (listed ? /单位\s*[:：]/ : emptyNote).test(l.text) || (tokensOf(l).length >= 3 && !isProse(l))) ||
      // A form names its fields (绩效目标, 指标, 项目名称 …) whatever its first lines print.
      (!!m.type?.form &&
        probe.some((l) => /(整体绩效目标|绩效目标|指标|项目名称|单位名称|部门名称|主管部门|实施期限|资金总额)/.test(squashTitle(l.text)) && !/^\S{0,3}[、.]/.test(squashTitle(l.text))));
    if (!tableLike) return;
    // The table ends where prose starts after its rows (the narrative that follows a table part).
    let stop = m.lines.length;
    let seenRows = false;
    for (let k = 0; k < m.lines.length; k++) {
      const l = m.lines[k]!;
      if (hasAmount(l)) seenRows = true;
      if (/^第[一二三四五六七八九十]+部分/.test(squashTitle(l.text)) && squashTitle(l.text).length <= 30) {
        stop = k;
        break;
      }
      if (m.type?.form) {
        if (parts.has(squashTitle(l.text))) {
          stop = k;
          break;
        }
        // Forms hold sentences in their cells (项目概况, 绩效目标, an indicator's wording), wherever
        // they start: only a run of prose after which the form's grid does not come back ends them.
        if (k + 4 < m.lines.length && m.lines.slice(k, k + 5).every((x) => isProse(x)) && !m.lines.slice(k + 5).some(isFormRow)) {
          stop = k;
          break;
        }
        continue;
      }
      if (isProse(l) && (seenRows || k > 8)) {
        // Two prose lines in a row (or prose to the end): the narrative has started — at the
        // heading above them when there is one (十一、…情况说明).
        const nx = m.lines[k + 1];
        if (!nx || isProse(nx)) {
          const above = m.lines[k - 1];
          stop = above && !hasAmount(above) && /^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]+部分)/.test(squashTitle(above.text)) ? k - 1 : k;
          break;
        }
      }
    }
    pushAll(narrative, lines.slice(cursor, m.at));
    tables.push({ type: m.type, title: m.title, no: m.no, titleLines: lines.slice(m.at, m.end + 1), lines: m.lines.slice(0, stop) });
    cursor = m.end + 1 + stop;
    if (stop < m.lines.length) pushAll(narrative, m.lines.slice(stop));
    cursor = Math.max(cursor, m.end + 1 + m.lines.length);
  });
  pushAll(narrative, lines.slice(cursor));
  return { tables: mergeContinuations(tables), narrative, furniture };
}

/**
 * The parts the document's contents list ("八、其他重要事项说明……23"), squashed: a line printing one alone
 * is that part's heading, which no form prints in its cells (a form part's tables end where the next part
 * starts, whatever that part prints: sentences of amounts and counts, as a form's rows do). Only the top
 * levels (第X部分, 一、) and no table's title (a contents page lists the tables too).
 */
function contentsParts(lines: SourceLine[]): Set<string> {
  const out = new Set<string>();
  for (const l of tocLines(lines)) {
    const t = squashTitle(l.text.replace(DOT_LEADER, ''));
    const h = headingOf(t);
    if (h && h.level <= 1 && h.title.length >= 4 && !h.rest && !titleOf(t)) out.add(t);
  }
  return out;
}

/** Tables whose title is repeated on the next page ("表1 收支总表" on every page it covers) are one. */
function mergeContinuations(tables: TableBlock[]): TableBlock[] {
  const out: TableBlock[] = [];
  for (const t of tables) {
    const prev = out[out.length - 1];
    const same = prev && prev.title === t.title && !prev.type?.form && !t.type?.form;
    if (same) {
      pushAll(prev.lines, t.lines);
      continue;
    }
    out.push({ ...t, lines: [...t.lines] });
  }
  return out;
}
