import type { Rule } from '../types.js';
import { lineRef, NO_FIGURES } from '../_lib/content.js';
import { locSrc } from '../_lib/location.js';

/** A paragraph's text as compared: without spaces and punctuation (line breaks of the print differ). */
const key = (s: string): string => s.replace(/[\s，。、；：,.;:（）()“”"'‘’《》【】—-]/g, '');

/** Shorter texts repeat by design ("无。", "本部门无此项支出"). */
const MIN_CHARS = 20;

/**
 * The same paragraph printed twice in one section of the narrative, or the same duty twice in the
 * list of duties, is a copy-and-paste slip (a numbered list (六)–(十) printed twice). Repeats in
 * different sections are not judged: templates state the same figures in two sections by design
 * (Jiangsu's 财政拨款基本支出 and 一般公共预算基本支出 sections, suzhou-data-bureau-2026-budget.txt lines
 * 1030–1064).
 */
export const rule: Rule = {
  id: 'BUD-112',
  title: 'No paragraph or duty printed twice in the same section',
  titleZh: '同一节内无重复段落、职能无重复列示',
  severity: 'warning',
  category: 'hygiene',
  reads: ['narrative'],
  basis: 'Issue 12 class 6 (copying): duplicated paragraphs or numbered lists are copy slips; domain.md §5',
  check(doc, ctx) {
    for (const part of doc.narrative.parts) {
      const section = `第${part.no}部分 ${part.title}`;
      for (const sec of part.sections) {
        const seen = new Map<string, number | null>();
        for (const p of sec.paragraphs) {
          const k = key(p.text);
          if (k.length < MIN_CHARS) continue;
          if (seen.has(k)) {
            const first = seen.get(k);
            ctx.report({
              message: `${section}${sec.title ? ` ${sec.title}` : ''}中同一段落重复出现${first != null ? `（第 ${first} 行已印）` : ''}：“${p.text.slice(0, 30).replace(/\s+/g, ' ')}…”${lineRef(p.src)}`,
              location: locSrc(section, p.src, sec.title || null),
              ...NO_FIGURES,
            });
          } else seen.set(k, p.src.line);
        }
      }
    }
    const duties = new Map<string, number | null>();
    for (const d of doc.narrative.duties) {
      const k = key(d.text);
      if (k.length < 8) continue;
      if (duties.has(k)) {
        const first = duties.get(k);
        ctx.report({
          message: `部门职能中同一项职能重复列示${first != null ? `（第 ${first} 行已列）` : ''}：“${d.text.slice(0, 30).replace(/\s+/g, ' ')}…”${lineRef(d.src ?? null)}`,
          location: locSrc('部门职能', d.src ?? null, null),
          ...NO_FIGURES,
        });
      } else duties.set(k, d.src?.line ?? null);
    }
  },
};
