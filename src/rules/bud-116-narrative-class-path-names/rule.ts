import type { BudgetDocument } from '../../domain/model.js';
import type { Rule } from '../types.js';
import { codes } from '../../domain/classification/index.js';
import { normalizeText, squash } from '../../domain/text.js';
import { lineRef, textPlaces } from '../_lib/content.js';
import { nameKey } from '../_lib/codes.js';

type Level = '类' | '款' | '项';
const LENGTH: Record<Level, number> = { 类: 3, 款: 5, 项: 7 };
const LEVEL_OF: Record<number, Level> = { 3: '类', 5: '款', 7: '项' };

/** A name inside a path: no digits, separators or brackets, except a bracketed word of the name ("办公厅（室）"). */
const NAME = String.raw`(?:[^\d\s，。；、：:,;.．()“”"]|\((?![类款项]\))[^()]{1,4}\))`;
/** "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）" after NFKC and squash. */
const PATH_RE = new RegExp(`(${NAME}{2,30}?)\\(类\\)(${NAME}{2,40}?)\\(款\\)(${NAME}{2,50}?)\\(项\\)`, 'g');

/** A printed label as a name: numbering ("1、", "（一）", "17.") and a leading code taken out. */
const clean = (s: string) => nameKey(squash(normalizeText(s)).replace(/^(?:\d+[、.．]|\(?[一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、)+/, ''));

/** Levenshtein distance, small strings. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = t;
    }
  }
  return d[b.length]!;
}

/** Tables that list function classes (their rows without a code are still names of the classification). */
const FUNCTION_ROLES: ReadonlySet<string> = new Set([
  'income-expenditure-summary',
  'expenditure-summary',
  'appropriation-summary',
  'general-budget-function',
  'gov-fund-function',
  'state-capital-function',
  'appropriation-expenditure',
  'basic-expenditure-function',
]);

interface TableNames {
  /** Name → the codes rows print it with. */
  codesOf: Map<string, Set<string>>;
  /** Names printed on function rows without a code (the reader did not give them one). */
  uncoded: Set<string>;
  coded: Array<{ code: string; name: string }>;
}

/** The function-classification names the document's tables print. */
function tableNames(doc: BudgetDocument): TableNames {
  const out: TableNames = { codesOf: new Map(), uncoded: new Set(), coded: [] };
  for (const t of doc.tables) {
    const fnTable = FUNCTION_ROLES.has(t.role);
    for (const r of t.rows) {
      const n = clean(r.label);
      if (!n) continue;
      if (r.codeSystem === 'function' && r.code && LEVEL_OF[r.code.length]) {
        out.codesOf.set(n, (out.codesOf.get(n) ?? new Set()).add(r.code));
        if (!out.coded.some((c) => c.code === r.code && c.name === n)) out.coded.push({ code: r.code, name: n });
      } else if (fnTable && !r.code) out.uncoded.add(n);
    }
  }
  return out;
}

/**
 * A narrative item's class path "A（类）B（款）C（项）" names each level as the document's own
 * function tables do: a name the tables print only at another level ("教育支出（类）普通教育（款）职业教育
 * （项）" where the tables print 20503 职业教育, a 款), or a name the tables do not print that differs by a
 * character or two from the one they print for a code under the same parent ("科技成果转换与扩散" for
 * 2060404 科技成果转化与扩散), is reported. A name that is valid in the year's classification or printed
 * by the tables is never reported, nor a 类 printed without its "支出".
 */
export const rule: Rule = {
  id: 'BUD-116',
  title: "Narrative class paths use the tables' names at their levels",
  titleZh: '说明中“类/款/项”科目名称与表列名称及层级一致',
  severity: 'warning',
  category: 'narrative',
  reads: ['narrative', 'tables', 'meta'],
  basis: "Issue 12 class 3: a narrative item's class path must match the table's names for the same code; 款 and 项 names must not be swapped",
  check(doc, ctx) {
    const t = tableNames(doc);
    if (t.coded.length === 0) return;
    const year = doc.year > 0 ? doc.year : null;
    for (const p of textPlaces(doc)) {
      if (p.kind !== 'narrative') continue;
      const said = new Set<string>(); // a path printed twice in one paragraph is reported once
      for (const m of squash(normalizeText(p.text)).matchAll(PATH_RE)) {
        const path = m[0].replace(/^\(?\d+[).、]?/, '');
        if (said.has(path)) continue;
        said.add(path);
        const names: Array<[Level, string]> = [
          ['类', clean(m[1]!)],
          ['款', clean(m[2]!)],
          ['项', clean(m[3]!)],
        ].map(([l, n]) => [l as Level, l === '类' && !t.codesOf.has(n!) && t.codesOf.has(`${n}支出`) ? `${n}支出` : n!]);
        const report = (message: string, expected: string, actual: string) =>
          ctx.report({ message: `${p.place}写“${path}”：${message}${lineRef(p.src)}`, location: p.location, expected, actual, difference: null, unit: null });
        // A name printed at another level: the tables give it only codes of another length, the year's
        // classification knows it at no other level, and no uncoded row prints it.
        const misplaced = names.find(([level, n]) => {
          const printed = [...(t.codesOf.get(n) ?? [])];
          return printed.length > 0 && printed.every((c) => c.length !== LENGTH[level]) && !t.uncoded.has(n) && codes.byNameIn('function', n, year).every((e) => e.code.length !== LENGTH[level]);
        });
        if (misplaced) {
          const [level, n] = misplaced;
          const c = [...t.codesOf.get(n)!][0]!;
          report(`「${n}」在本文件的表中是${LEVEL_OF[c.length]}（${c}），说明却标为（${level}）`, LEVEL_OF[c.length]!, level);
          continue;
        }
        // A name neither printed nor valid in the year: the table's name a character or two away for
        // the one code at its level under its parent.
        let parent: string[] = [];
        for (const [level, n] of names) {
          const printed = [...(t.codesOf.get(n) ?? [])].filter((c) => c.length === LENGTH[level]);
          const national = codes
            .byNameIn('function', n, year)
            .filter((e) => e.code.length === LENGTH[level])
            .map((e) => e.code);
          const known = [...printed, ...national].filter((c) => parent.length === 0 || parent.some((q) => c.startsWith(q)));
          if (known.length > 0) {
            parent = known;
            continue;
          }
          if (printed.length > 0 || national.length > 0 || t.uncoded.has(n)) break; // known, but not under the parent read: not judged
          const near = t.coded.filter(
            (c) => c.code.length === LENGTH[level] && (parent.length === 0 || parent.some((q) => c.code.startsWith(q))) && distance(c.name, n) <= Math.min(2, Math.floor(n.length / 3)),
          );
          const byCode = [...new Map(near.map((c) => [c.code, c])).values()];
          if (byCode.length === 1) report(`（${level}）名称「${n}」，表列 ${byCode[0]!.code} 为「${byCode[0]!.name}」`, byCode[0]!.name, n);
          break;
        }
      }
    }
  },
};
