import type { Rule } from '../types.js';
import { amountTables } from '../_lib/scope.js';
import { codes, type CodeEntry } from '../../domain/classification/index.js';
import { codedRows, nameKey, SYSTEM_ZH } from '../_lib/codes.js';
import { locRow, tableName } from '../_lib/location.js';
import { lineRef, textPlaces } from '../_lib/content.js';

const RETIRED = new Map<number, CodeEntry[]>();

/**
 * The retired 类 and 款 names of the function classification that a narrative of year `y` may not
 * print: retired before `y`, long enough to be told from words, and no name valid in `y`. The code
 * tables never change while the process runs: made once per year.
 */
function retiredIn(y: number): CodeEntry[] {
  let out = RETIRED.get(y);
  if (!out) {
    out = codes.retired('function').filter((e) => e.to! < y && e.level !== '项' && e.name.length >= 6 && codes.byNameIn('function', e.name, y).length === 0);
    // A document may print any year: a few are kept.
    if (RETIRED.size >= 64) RETIRED.clear();
    RETIRED.set(y, out);
  }
  return out;
}

/**
 * A printed classification name that is an older name of its code (the code tables keep historic
 * names with their last valid year): the document copied a table of an earlier year.
 */
export const rule: Rule = {
  id: 'BUD-110',
  title: 'No classification names that are out of date for the year',
  titleZh: '科目名称不得使用当年已停用的旧名称',
  severity: 'warning',
  category: 'structure',
  reads: ['tables', 'meta', 'narrative'],
  basis: 'domain.md §2 "Names change between years (210 was 医疗卫生与计划生育支出 before 2019), so code tables are per year"',
  check(doc, ctx) {
    for (const t of amountTables(doc)) {
      for (const r of codedRows(t)) {
        const now = codes.byCodeIn(r.codeSystem, r.code, doc.year);
        if (!now) continue;
        const printed = nameKey(r.label.replace(/^[一二三四五六七八九十]+、/, ''));
        if (printed === nameKey(now.name)) continue;
        const old = codes.namesOf(r.codeSystem, r.code).find((e) => e.to !== null && e.to < doc.year && nameKey(e.name) === printed);
        if (!old) continue;
        ctx.report({
          message: `${tableName(t)} ${r.code}「${r.label}」是${SYSTEM_ZH[r.codeSystem]}的旧名称（用至 ${old.to} 年），${doc.year} 年应为「${now.name}」`,
          location: locRow(t, r),
          expected: null,
          actual: null,
          difference: null,
          unit: null,
        });
      }
    }
    // The narrative too: a retired 类 / 款 name printed in the text of a later year (copied from an old
    // explanation), unless the same words are also a name valid in the year.
    const y = doc.year;
    if (!(y > 0)) return;
    const retired = retiredIn(y);
    if (retired.length === 0) return;
    for (const p of textPlaces(doc)) {
      if (p.kind !== 'narrative') continue;
      const hit = retired.find((e) => p.text.includes(e.name));
      if (!hit) continue;
      const now = codes.byCodeIn('function', hit.code, y);
      ctx.report({
        message: `${p.place}写“${hit.name}”，是支出功能分类 ${hit.code} 的旧名称（用至 ${hit.to} 年）${now ? `，${y} 年应为「${now.name}」` : ''}${lineRef(p.src)}`,
        location: p.location,
        expected: now?.name ?? null,
        actual: hit.name,
        difference: null,
        unit: null,
      });
    }
  },
};
