import type { Rule } from '../types.js';
import { lineRef, NO_FIGURES, textPlaces } from '../_lib/content.js';

/** Template placeholders left in published text. Latin X runs only when not part of a word (XXL, XXX系统 in a product name are rare; "XX单位" is the template). */
export const PLACEHOLDER_RE = /(?<![A-Za-z])(?:[Xx]{2,}|×{2,}|＊{2,}|\*{2,}|○{2,}|□{2,}|△{2,})(?![A-Za-z])|待填写|此处填写|请填写|待补充|待定金额|填写说明|（?示例）?：|某某/;

/** A template's alternatives left unresolved in prose: "较上年增加（减少）0 万元", "下降（增长）". */
export const ALTERNATIVES_RE = /(增加|减少|增长|下降|上升|提高|降低)[（(](增加|减少|增长|下降|上升|提高|降低)[）)]/;
/** A reason announced and not given: "主要原因是。" */
export const EMPTY_REASON_RE = /原因(?:是|为|在于)?[:：]?\s*[。；;]/;

/** Prose leftovers: the pattern, what is wrong, and the characters of context quoted before and after the match. */
const NARRATIVE_LEFTOVERS: ReadonlyArray<{ re: RegExp; say: (found: string) => string; before: number; after: number }> = [
  { re: ALTERNATIVES_RE, say: (f) => `保留了模板的备选写法「${f}」，未按实际情况选定`, before: 12, after: 12 },
  { re: EMPTY_REASON_RE, say: () => '写明“原因”却未填写原因', before: 16, after: 0 },
];

/**
 * A published document carries no template placeholders (XX, ××, 待填写, 此处填写 …), no alternatives
 * of the template left unresolved (增加（减少）) and no reason announced but not given (主要原因是。).
 */
export const rule: Rule = {
  id: 'BUD-095',
  title: 'No template placeholders in the published text',
  titleZh: '公开文本中无模板占位符',
  severity: 'error',
  category: 'hygiene',
  reads: ['meta', 'narrative', 'projectForms', 'departmentTargets'],
  basis: '财预〔2016〕143号 公开内容应真实、完整；a placeholder means the text was never filled in',
  check(doc, ctx) {
    const places = [...textPlaces(doc)];
    if (doc.title)
      places.unshift({
        text: doc.title.text,
        src: doc.title.src ?? null,
        place: '文档标题',
        location: { section: '文档标题', item: null, field: null, line: doc.title.src?.line ?? null, page: doc.title.src?.page ?? null },
        kind: 'narrative',
      });
    for (const p of places) {
      // Template wording that only prose can leave behind: one finding per kind and paragraph.
      if (p.kind === 'narrative') {
        for (const { re, say, before, after } of NARRATIVE_LEFTOVERS) {
          const m = re.exec(p.text);
          if (!m) continue;
          const excerpt = p.text.slice(Math.max(0, m.index - before), m.index + m[0].length + after).replace(/\s+/g, ' ');
          ctx.report({ message: `${p.place}${say(m[0])}：“…${excerpt}${after > 0 ? '…' : ''}”${lineRef(p.src)}`, location: p.location, ...NO_FIGURES });
        }
      }
      const m = PLACEHOLDER_RE.exec(p.text);
      if (!m) continue;
      const at = Math.max(0, m.index - 12);
      const excerpt = p.text.slice(at, m.index + m[0].length + 12).replace(/\s+/g, ' ');
      ctx.report({
        message: `${p.place}含模板占位符「${m[0]}」：“…${excerpt}…”${lineRef(p.src)}`,
        location: p.location,
        ...NO_FIGURES,
      });
    }
  },
};
