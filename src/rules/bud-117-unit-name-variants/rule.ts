import type { Rule } from '../types.js';
import { normalizeText, organName, squash } from '../../domain/text.js';
import { lineRef, NO_FIGURES, textPlaces, type TextPlace } from '../_lib/content.js';
import { locSrc } from '../_lib/location.js';

/** Connectives a unit's name is misprinted with: "规划和自然资源局" / "规划与自然资源局" / "规划及自然资源局". */
const CONNECTIVES = ['和', '与', '及'];

/** The unit's name with one connective replaced by another: the forms a copied name drifts to. */
export function connectiveVariants(name: string): string[] {
  const out = new Set<string>();
  [...name].forEach((ch, i) => {
    if (!CONNECTIVES.includes(ch)) return;
    for (const c of CONNECTIVES) if (c !== ch) out.add(name.slice(0, i) + c + name.slice(i + 1));
  });
  return [...out];
}

/**
 * The unit's own name printed in another form in the same document: a connective changed
 * ("深圳市规划与自然资源局" in a document of 深圳市规划和自然资源局). Short forms (without the city,
 * "市审计局") are not judged: on the corpus they are the usual way a unit names itself, and a name
 * without its district prefix cannot be told from another unit's name by the text alone.
 */
export const rule: Rule = {
  id: 'BUD-117',
  title: "The unit's name is printed in one form",
  titleZh: '单位名称前后一致（“和”“与”“及”不混用）',
  severity: 'warning',
  category: 'hygiene',
  reads: ['meta', 'narrative', 'tables'],
  basis: "Issue 12 class 6 (copying): the unit's name inconsistent across the document (规划与 vs 规划和)",
  check(doc, ctx) {
    const name = squash(normalizeText(organName(doc.unit.name)));
    if (name.length < 4) return;
    const variants = connectiveVariants(name);
    if (variants.length === 0) return;
    const places: Array<Pick<TextPlace, 'text' | 'src' | 'place' | 'location'>> = [...textPlaces(doc)];
    if (doc.title) places.push({ text: doc.title.text, src: doc.title.src ?? null, place: '标题', location: locSrc('标题', doc.title.src ?? null, null) });
    for (const t of doc.tables) places.push({ text: t.title.text, src: t.src, place: `表《${t.title.text}》标题`, location: locSrc(t.title.text, t.src, null) });
    const own = places.filter((p) => squash(normalizeText(p.text)).includes(name)).length;
    for (const v of variants) {
      const hits = places.filter((p) => squash(normalizeText(p.text)).includes(v));
      if (hits.length === 0) continue;
      const first = hits[0]!;
      ctx.report({
        message: `${first.place}写“${v}”${hits.length > 1 ? `（共 ${hits.length} 处）` : ''}，本单位名称为“${name}”${own > 0 ? `（${own} 处）` : ''}${lineRef(first.src)}`,
        location: first.location,
        ...NO_FIGURES,
      });
    }
  },
};
