import type { Src } from '../../domain/model.js';
import type { Rule } from '../types.js';
import { lineRef, NO_FIGURES } from '../_lib/content.js';
import { locSrc } from '../_lib/location.js';

/** The word each kind calls itself, and the words that would name another kind. */
const SELF: Record<string, { is: RegExp; wrong: RegExp; wrongName: string }> = {
  部门预算: { is: /部门预算/, wrong: /单位预算|决算/, wrongName: '单位预算/决算' },
  单位预算: { is: /单位预算/, wrong: /部门预算|决算/, wrongName: '部门预算/决算' },
  部门决算: { is: /部门决算/, wrong: /单位决算|预算(?!.*决算)/, wrongName: '单位决算/预算' },
  单位决算: { is: /单位决算/, wrong: /部门决算|预算(?!.*决算)/, wrongName: '部门决算/预算' },
};

/**
 * The document names itself as what it is: a 单位预算 whose title or part headings call it
 * 部门预算 (or a budget calling itself 决算) was copied from the wrong template.
 */
export const rule: Rule = {
  id: 'BUD-098',
  title: 'The document names itself as its kind',
  titleZh: '文档自称与文档类型一致',
  severity: 'warning',
  category: 'hygiene',
  reads: ['meta', 'narrative'],
  basis: '《地方预决算公开操作规程》 部门预算、单位预算、部门决算分别公开，名称不得混用',
  check(doc, ctx) {
    const s = SELF[doc.kind];
    if (!s) return;
    const places: Array<{ text: string; where: string; src: Src | null }> = [];
    if (doc.title) places.push({ text: doc.title.text, where: '文档标题', src: doc.title.src ?? null });
    for (const p of doc.narrative.parts) places.push({ text: p.title, where: `第${p.no}部分标题`, src: p.src });
    for (const pl of places) {
      const t = pl.text.replace(/\s+/g, '');
      // A heading about "部门预算绩效管理" is a fixed template phrase in unit budgets too.
      const cleaned = t.replace(/部门预算绩效管理/g, '');
      const m = s.wrong.exec(cleaned);
      if (!m || s.is.test(cleaned)) continue;
      ctx.report({
        message: `本文档为${doc.kind}，但${pl.where}“${pl.text.trim()}”称“${m[0]}”${lineRef(pl.src)}`,
        location: locSrc(pl.where, pl.src, pl.text.trim()),
        ...NO_FIGURES,
      });
    }
  },
};
