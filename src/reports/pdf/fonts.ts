/**
 * The print font split over two faces of WenQuanYi Zen Hei, so that Chromium subsets it for twice as
 * many characters as one face allows.
 *
 * Chromium's PDF backend (Skia) subsets each embedded font with HarfBuzz, keeping the glyph ids, and
 * embeds the whole font when that fails: 9.2 MB for WenQuanYi Zen Hei. It fails on the font's GDEF
 * table: 32 bytes in the font (one class range over all 44,960 glyphs), but in a subset that keeps
 * the glyph ids it becomes one 6-byte range per run of consecutive glyph ids used, and HarfBuzz does
 * not let a table grow past its first buffer (4.6 KB) when the source table is that small. Glyph
 * ids follow code points for the ideographs, so a document whose characters make more than about
 * 765 runs (some 870 distinct characters of budget text) was printed with the whole font.
 *
 * Skia subsets each typeface on its own, and the collection holds two faces with the same outlines
 * and advances for the ideographs (face 0, WenQuanYi Zen Hei, and face 1, WenQuanYi Zen Hei Mono,
 * whose Latin letters are monospaced; the third, Sharp, lays out some sizes by its bitmaps). The print
 * page therefore names WenQuanYi Zen Hei by two @font-face rules: the ideographs from a code point
 * on come from the Mono face, everything else from the face itself. The code point is chosen per
 * document so that each face gets about half the runs, which doubles what prints subset (about 1,500
 * runs; the ideographs of all 60 corpus documents together make 1,461; the 3,755 of GB 2312 level 1
 * make 2,611, past it). The pages look the same: the ideographs' outlines and advances are the same
 * glyphs, and nothing else changes face.
 *
 * The rules declare every weight (`font-weight: 100 900`): the collection has no bold, and for a
 * face declared regular only Chromium would fake bold by drawing the glyphs as Type 3 outlines, which
 * pdftotext reads badly. Printed from the system font, bold already came out regular (the
 * emboldening is not carried into the embedded font), so the pages are the same as before.
 */

/** The CJK Unified Ideographs block, where the split is made. */
const HAN_FIRST = 0x4e00;
const HAN_LAST = 0x9fff;

/** The family the print stylesheet names first (src/reports/html/css.ts). */
export const PRINT_FAMILY = 'WenQuanYi Zen Hei';

/**
 * The ideograph from which the Mono face draws, for a document's text: the start of the run that
 * leaves about as many runs of consecutive code points on each face, counting on face 0 the runs of
 * the characters that are not ideographs. Undefined when there is no ideograph to move.
 */
export function splitPoint(text: string): number | undefined {
  const cps = new Set<number>();
  for (const ch of text) cps.add(ch.codePointAt(0)!);
  const starts: number[] = [];
  let other = 0;
  for (const c of cps) {
    const runStart = !cps.has(c - 1) || c === HAN_FIRST;
    if (!runStart) continue;
    if (c >= HAN_FIRST && c <= HAN_LAST) starts.push(c);
    else other++;
  }
  starts.sort((a, b) => a - b);
  const k = Math.max(0, Math.ceil((starts.length - other) / 2));
  return k < starts.length ? starts[k] : undefined;
}

const hex = (n: number) => n.toString(16).toUpperCase();

/** The @font-face rules that split the print family for a document's text (empty when nothing to split). */
export function printFontFaces(text: string): string {
  const at = splitPoint(text);
  if (at === undefined) return '';
  const rest = at > 0 ? `U+0-${hex(at - 1)}, U+${hex(HAN_LAST + 1)}-10FFFF` : `U+${hex(HAN_LAST + 1)}-10FFFF`;
  return [
    `@font-face { font-family: "${PRINT_FAMILY}"; font-weight: 100 900; src: local("WenQuanYi Zen Hei"), local("WenQuanYiZenHei"); unicode-range: ${rest}; }`,
    `@font-face { font-family: "${PRINT_FAMILY}"; font-weight: 100 900; src: local("WenQuanYi Zen Hei Mono"), local("WenQuanYiZenHeiMono"); unicode-range: U+${hex(at)}-${hex(HAN_LAST)}; }`,
  ].join('\n');
}
