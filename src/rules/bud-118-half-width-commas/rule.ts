import type { Rule } from '../types.js';
import { NO_FIGURES } from '../_lib/content.js';
import { locSrc } from '../_lib/location.js';

/**
 * Chinese prose takes the full-width comma "，" (GB/T 15834-2011); a half-width "," between Chinese
 * words in a document that otherwise prints "，" is a slip (a pasted paragraph, a section typed with
 * another input method). Read from the text as printed (`source.punctuation`, counted by the
 * importer before normalisation). A document that prints no or few full-width commas is not judged:
 * some PDFs map their full-width comma glyph to "," in the text layer (the Chongqing budgets of the
 * corpus), which the text alone cannot tell from a typed ",".
 */
export const rule: Rule = {
  id: 'BUD-118',
  title: 'Chinese prose uses the full-width comma throughout',
  titleZh: '中文正文统一使用全角逗号“，”',
  severity: 'warning',
  category: 'hygiene',
  reads: ['meta'],
  basis: 'GB/T 15834-2011 标点符号用法; issue 12 class 9 (half-width commas in Chinese prose)',
  check(doc, ctx) {
    const p = doc.source.punctuation;
    if (!p || p.halfWidthCommas === 0 || p.fullWidthCommas <= p.halfWidthCommas) return;
    const first = p.halfWidthAt[0];
    // The first place only: the others are in the document's source.punctuation.
    const shown = first?.line ? `（${p.halfWidthCommas > 1 ? '首见' : ''}第 ${first.line} 行）` : '';
    ctx.report({
      message: `中文正文中有 ${p.halfWidthCommas} 处半角逗号“,”${shown}，全文其余 ${p.fullWidthCommas} 处为全角“，”${first ? `：“${first.raw}”` : ''}`,
      location: locSrc('正文标点', first ?? null),
      ...NO_FIGURES,
    });
  },
};
