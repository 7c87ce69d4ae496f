/**
 * Tokens of a table line: the line's cells split at white space, each classified as an amount, a
 * bare integer, a code, a dash (an empty cell printed as "-"), or text.
 */
import type { Cell, SourceLine } from '../text/source.js';
import { cellsOfText } from '../text/source.js';

export type TokKind = 'amount' | 'int' | 'dash' | 'text';

export interface Tok {
  text: string;
  x0: number;
  x1: number;
  kind: TokKind;
  line: SourceLine;
  /** A fragment of the same figure the PDF wrapped onto a later line, joined into this token. */
  joined?: Tok;
  /** Built from letter-spaced single characters (true), or a word that takes none (false). */
  spaced?: boolean;
  /** One of several figures printed with nothing between them ("238.0041,534.73"): its value is read, its extent is not known. */
  glued?: boolean;
  /**
   * A glued figure of a measured run (PDF): where it stands if the run's width is shared out by its glyphs, at
   * the two extremes of the one thing not known (a comma or point as wide as a digit, or taking no room).
   */
  shares?: ReadonlyArray<{ x0: number; x1: number }>;
  /** A whole number printed under a header's code heading (类 / 款 / 项, 单位编码): part of a code, never an amount. */
  codePart?: boolean;
}

/** An amount with a decimal point or thousands separators ("4,424.60", "0.00", "156,211,123"). */
export const STRONG_AMOUNT = /^[-−]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)$/;
/** A bare integer ("0", "12", "2026"): an amount in a 元 table, a count, a column number or a year. */
export const INTEGER = /^[-−]?\d+$/;
/** An empty cell printed as a dash. */
export const DASH = /^(?:-|—|－|--|——|－－|\/|／)$/;

/** Kind of one token's text. */
export function kindOf(text: string): TokKind {
  if (STRONG_AMOUNT.test(text)) return 'amount';
  if (INTEGER.test(text)) return 'int';
  if (DASH.test(text)) return 'dash';
  return 'text';
}

/** The cells of a line (from the PDF's geometry or the text's character offsets). */
export function cellsOf(line: SourceLine): Cell[] {
  return line.cells ?? cellsOfText(' '.repeat(line.indent) + line.text);
}

/**
 * Tokens of a line: each cell split at white space (a cell's width shared out by characters), so that
 * "2010801   行政运行" from one PDF text run gives a code and a name.
 */
const TOKENS = new WeakMap<SourceLine, Tok[]>();

export function tokensOf(line: SourceLine): Tok[] {
  // Segmentation and the table reader ask for the same lines many times: read once, hand out copies
  // of the list (readers may splice it; the tokens themselves are never changed in place).
  let ts = TOKENS.get(line);
  if (!ts) {
    ts = readTokens(line);
    TOKENS.set(line, ts);
  }
  return [...ts];
}

function readTokens(line: SourceLine): Tok[] {
  const out: Tok[] = [];
  for (const c of cellsOf(line)) {
    // A cell with no white space in it is one token (most are): no matching needed.
    if (c.text !== '' && !/\s/u.test(c.text)) {
      out.push({ text: c.text, x0: c.x0, x1: c.x1, kind: kindOf(c.text), line });
      continue;
    }
    const parts = [...c.text.matchAll(/\S+/gu)];
    if (parts.length === 1 && parts[0]!.index === 0 && parts[0]![0].length === c.text.length) {
      out.push({ text: c.text, x0: c.x0, x1: c.x1, kind: kindOf(c.text), line });
      continue;
    }
    const at = offsets(c, line);
    for (const p of parts) out.push({ text: p[0], x0: at(p.index), x1: at(p.index + p[0].length), kind: kindOf(p[0]), line });
  }
  // A number glued to a label by the producer ("合计32,365.09", "32,365.09一、…") is split, so that
  // the amount is read; the split point's x is shared out by characters.
  const split: Tok[] = [];
  for (const t of out) {
    if (t.kind !== 'text') {
      split.push(t);
      continue;
    }
    const m = /^(.*?[^\d,.\-−])(\d{1,3}(?:,\d{3})+\.\d+|\d+\.\d{2,6})$/u.exec(t.text) ?? /^(\d{1,3}(?:,\d{3})+\.\d+|\d+\.\d{2,6})([^\d,.%％].*)$/u.exec(t.text);
    if (!m || /[%％]$/.test(t.text)) {
      split.push(t);
      continue;
    }
    const [a, b] = [m[1]!, m[2]!];
    const xm = offsets(t, line)(a.length);
    split.push({ text: a, x0: t.x0, x1: xm, kind: kindOf(a), line: t.line }, { text: b, x0: xm, x1: t.x1, kind: kindOf(b), line: t.line });
  }
  return spacedOut(split);
}

/**
 * The x of each character offset of a cell. A cell of pdftotext text takes one column per character;
 * a measured cell (from a PDF) is shared out by the characters' widths: an ideograph (or another
 * full-width form) takes two half-width characters' room, so "64618.75 科学技术支出" splits where the
 * digits end on the page, not at a share counted in characters.
 */
function offsets(c: { text: string; x0: number; x1: number }, line: SourceLine): (i: number) => number {
  const n = Math.max(1, c.text.length);
  if (line.y === undefined) return (i) => c.x0 + (i * (c.x1 - c.x0)) / n;
  const cum: number[] = [0];
  for (const ch of c.text) {
    const wide = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch);
    for (let k = 0; k < ch.length; k++) cum.push(cum[cum.length - 1]! + (k === 0 ? (wide ? 2 : 1) : 0));
  }
  const total = Math.max(1, cum[cum.length - 1]!);
  return (i) => c.x0 + ((cum[Math.min(i, cum.length - 1)] ?? total) * (c.x1 - c.x0)) / total;
}

const ONE_CJK = /^[\u3400-\u9fff]$/u;

/**
 * Words printed letter-spaced ("合   计", "项    目", "预 算 数"): runs of single ideographs at most four
 * columns apart become one token. One ideograph twice and nothing before is no such word: it is the last
 * characters of labels wrapped side by side ("公务用车购置费" | "公务用车运行费" ending "费   费"); a spaced
 * word may still double a letter inside ("本 年 年 初 预 算 数").
 */
function spacedOut(toks: Tok[]): Tok[] {
  // `toks` are readTokens' own, made for this line and held nowhere else: taken as they are (a word
  // that takes no letter-spaced neighbour marked so) instead of copied.
  const out: Tok[] = [];
  for (const t of toks) {
    const p = out[out.length - 1];
    const one = ONE_CJK.test(t.text);
    if (p && one && /^[\u3400-\u9fff]+$/u.test(p.text) && p.spaced !== false && t.x0 - p.x1 <= 4.5 && (p.text.length === 1 || p.spaced) && p.text !== t.text) {
      out[out.length - 1] = { ...p, text: p.text + t.text, x1: t.x1, spaced: true };
      continue;
    }
    if (!one) t.spaced = false;
    out.push(t);
  }
  return out;
}

/** Number of printed decimals of an amount token. */
export function decimalsOfTok(t: { text: string }): number {
  const m = /\.(\d+)$/.exec(t.text);
  return m ? m[1]!.length : 0;
}

/** Centre of a token. */
export const mid = (t: { x0: number; x1: number }): number => (t.x0 + t.x1) / 2;
