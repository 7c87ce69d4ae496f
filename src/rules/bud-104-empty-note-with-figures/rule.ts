import type { Rule } from '../types.js';
import { lineRef, money, tableLocation } from '../_lib/content.js';

/**
 * A table whose note says it is empty ("故本表为空表", "本表无数据") prints no non-zero amount: a
 * note left from last year's template beside real figures misleads the reader either way.
 */
export const rule: Rule = {
  id: 'BUD-104',
  title: 'A table noted as empty prints no figures',
  titleZh: '注明“空表/无数据”的表格不得列示非零金额',
  severity: 'warning',
  category: 'hygiene',
  reads: ['tables'],
  basis: 'domain.md §5：无数据的表格照常公开并注明原因；注释须与表列内容一致',
  check(doc, ctx) {
    for (const t of doc.tables) {
      if (!t.note || !/空表|无数据|无.{0,20}(预算|支出|收入)[,，]?故/.test(t.note.text)) continue;
      for (const r of t.rows) {
        const hit = Object.entries(r.amounts).find(([, m]) => m && m.fen !== 0);
        if (!hit) continue;
        ctx.report({
          message: `${t.title.text} 注明“${t.note.text}”${lineRef(t.note.src)}，但表中 ${r.label} 列示 ${money(doc, hit[1]!.fen)}`,
          location: tableLocation(t, r, hit[0]),
          expected: null,
          actual: null,
          difference: null,
          unit: null,
        });
        break;
      }
    }
  },
};
