import type { Rule } from '../types.js';
import { formLocation, lineRef, deptLocation } from '../_lib/content.js';
import { locSrc } from '../_lib/location.js';

/**
 * Phrases that name the budget year itself ("2021 年部门预算", "纳入 2021 年部门预算", "2021 年主要工作目标",
 * "2021 年预算数"). A comparison ("比 2020 年预算数增加") names last year on purpose and is excluded.
 */
const BUDGET_YEAR_PHRASE_RE = /(\d{4})\s*年\s*(?:度\s*)?(部门预算|单位预算|预算收入|预算支出|主要工作目标|预算数|“三公”经费预算|"三公"经费预算)/g;
const COMPARISON_BEFORE_RE = /(比|较|上年|同比|与|参考|按照|根据|截至|截止)\s*$/;

/** True when the sentence around `at` also names the budget year `y` with the same phrase. */
function contrasted(text: string, at: number, y: number, phrase: string): boolean {
  const start = Math.max(...['。', '！', '？', '；', ';'].map((c) => text.lastIndexOf(c, at))) + 1;
  const ends = ['。', '！', '？', '；', ';'].map((c) => text.indexOf(c, at)).filter((i) => i >= 0);
  const sentence = text.slice(start, ends.length > 0 ? Math.min(...ends) : text.length);
  return new RegExp(`${y}\\s*年\\s*(?:度\\s*)?${phrase.replace(/[“”"]/g, '.')}`).test(sentence);
}

/**
 * The budget year is stated consistently: form and table 14 headers ("2021 年度"), table column
 * headers ("2021 年预算数") and narrative phrases about this budget all carry the document's year.
 */
export const rule: Rule = {
  id: 'BUD-096',
  title: 'Titles and budget phrases carry the budget year',
  titleZh: '表头与正文中的预算年度与文档年度一致',
  severity: 'warning',
  category: 'hygiene',
  reads: ['meta', 'narrative', 'tables', 'projectForms', 'departmentTargets'],
  basis: "One document, one budget year (部门预算公开模板); a stale year is a copy from last year's template",
  check(doc, ctx) {
    const y = doc.year;
    for (const f of doc.projectForms) {
      if (f.year > 0 && f.year !== y) {
        ctx.report({
          severity: 'error',
          message: `项目「${f.name || f.id}」绩效目标申报表标为“${f.year} 年度”，而预算年度为 ${y} 年${lineRef(f.src)}`,
          location: formLocation(f, '年度', f.src),
          expected: String(y),
          actual: String(f.year),
          difference: null,
          unit: '年',
        });
      }
    }
    const dt = doc.departmentTargets;
    if (dt && dt.year > 0 && dt.year !== y) {
      ctx.report({
        severity: 'error',
        message: `部门整体支出绩效目标申报表标为“${dt.year} 年度”，而预算年度为 ${y} 年${lineRef(dt.src)}`,
        location: deptLocation(doc, null, '年度', dt.src),
        expected: String(y),
        actual: String(dt.year),
        difference: null,
        unit: '年',
      });
    }
    for (const t of doc.tables) {
      // A table that prints the budget year's columns beside an earlier year's (Yantai's 三公 table:
      // 2025年预算数 | 2026年预算数) compares on purpose: the earlier year is not a stale one.
      const compares = t.columns.some((c) => new RegExp(`${y}\\s*年`).test(c.header.join('')));
      for (const c of t.columns) {
        const h = c.header.join('');
        const m = /(\d{4})\s*年\s*预算数/.exec(h);
        if (m && Number(m[1]) !== y && !/上年|\d{4}\s*年\s*执行/.test(h) && !(compares && Number(m[1]) < y)) {
          ctx.report({
            message: `表 ${t.no ?? ''}《${t.title.text}》列标题“${h}”的年度为 ${m[1]} 年，而预算年度为 ${y} 年${lineRef(t.src)}`,
            location: { section: t.title.text, item: null, field: h, line: t.src.line, page: t.src.page, table: t.no },
            expected: String(y),
            actual: m[1]!,
            difference: null,
            unit: '年',
          });
        }
      }
    }
    for (const part of doc.narrative.parts) {
      const section = `第${part.no}部分 ${part.title}`;
      for (const sec of part.sections) {
        const tm = /(\d{4})\s*年/.exec(sec.title);
        if (tm && Number(tm[1]) !== y && /工作目标|预算|计划/.test(sec.title)) {
          ctx.report({
            message: `${section}小标题“${sec.title}”的年度为 ${tm[1]} 年，而预算年度为 ${y} 年${lineRef(sec.src)}`,
            location: locSrc(section, sec.src, sec.title),
            expected: String(y),
            actual: tm[1]!,
            difference: null,
            unit: '年',
          });
        }
        for (const p of sec.paragraphs) {
          for (const m of p.text.matchAll(BUDGET_YEAR_PHRASE_RE)) {
            const year = Number(m[1]);
            if (year === y) continue;
            if (COMPARISON_BEFORE_RE.test(p.text.slice(Math.max(0, (m.index ?? 0) - 6), m.index))) continue;
            // A sentence that sets the budget year's same phrase against it ("2025 年部门预算含…，2026 年部门预算不含…")
            // names last year on purpose.
            if (contrasted(p.text, m.index ?? 0, y, m[2]!)) continue;
            ctx.report({
              message: `${section}${sec.title ? ` ${sec.title}` : ''}写作“${m[0]}”，而预算年度为 ${y} 年${lineRef(p.src)}`,
              location: locSrc(section, p.src, sec.title || null),
              expected: String(y),
              actual: String(year),
              difference: null,
              unit: '年',
            });
          }
        }
      }
    }
  },
};
