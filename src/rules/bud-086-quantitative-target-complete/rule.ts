import type { Rule } from '../types.js';
import { indicatorNumber, indicatorSets, level1Of, lineRef, NO_FIGURES } from '../_lib/content.js';

/** A comparator or a direction word that can stand before a figure. */
const COMPARATOR = '(?:≥|≤|>|<|=|＞|＜|＝|不低于|不高于|不少于|不多于|不超过|达到|高于|低于|上升|下降|提升|提高|增长|增加|减少|降低|控制在)';
/** A unit after a figure: a percent sign, a few Chinese characters, a compound unit (元/人/天, ㎡). */
const UNIT = '(?:[%％‰]|㎡|[a-zA-Z]{1,4}|[\\p{Script=Han}]{1,4}(?:/[\\p{Script=Han}]{1,3}){0,3}(?:[²³])?)';
/**
 * One figure with a unit at the end of the cell, words (a name, a period, a comparator) before it, a direction
 * word after it: "每月站点正常运行率≥95%", "比同期上升5%", "在建2000户", "完善率95%以上".
 */
const ONE_TARGET_AT_END = new RegExp(`^(?<before>.*?)${COMPARATOR}?\\s*\\d+(?:\\.\\d+)?\\s*${UNIT}(?:及?以上|及?以下|以内)?$`, 'u');
/** Measure words of count and time: a figure with one, then words, counts those words' things ("9户直管企业"). */
const MEASURE = '(?:个|项|次|件|户|人|名|家|台|套|篇|场|批|期|份|条|辆|部|所|座|处|本|册|天|日|周|月|年|小时)';
/** One figure with a measure word and the thing it counts after it, words before it: "全年366天实时监测", "对9户直管企业". */
const ONE_COUNT_OF = new RegExp(`^(?<before>.*?)${COMPARATOR}?\\s*\\d+\\s*${MEASURE}[\\p{Script=Han}]+$`, 'u');
/** A range with its unit: "10-15项", "3～5天". */
const RANGE = new RegExp(`^\\d+(?:\\.\\d+)?\\s*[-~～—至]\\s*\\d+(?:\\.\\d+)?\\s*${UNIT}$`, 'u');
/** Another target in the words before a figure: a comparator and a figure, or a figure with a count unit or a percent. */
const ANOTHER_TARGET = /(?:[≥≤><=＞＜]\s*\d)|\d\s*[余多]?\s*(?:[%％‰]|[次个项件类户人台套篇家批场])|[;；]\s*$/u;

/**
 * A cell that states one quantitative target in words around its figure (or a range): readable as a
 * target by a person, so not "neither figure nor quality word". A count of things in words ("对9户直管企业",
 * "全年366天实时监测") is one. Several targets in one cell ("10余次约6类", "≥95%;≥95%;100%") and words after a
 * unit that is no measure word ("94.5万元有所促进", "100%使市属国企减轻负担") are not.
 */
export function oneTargetInWords(raw: string): boolean {
  const s = raw.replace(/\s+/g, ' ').trim();
  if (RANGE.test(s)) return true;
  const m = ONE_TARGET_AT_END.exec(s) ?? ONE_COUNT_OF.exec(s);
  return !!m && !ANOTHER_TARGET.test(m.groups!['before']!) && !/\d$/.test(m.groups!['before']!.trim());
}

/**
 * How many targets a cell states readably: one (see oneTargetInWords), also when words without a figure are
 * added in clauses of their own ("增加降水量≥10%,受到普遍好评", "完成…混改,实现…达到50%."); or several, one per
 * part of a list ("飞机增雨10次/年;火箭增雨12次/年"). 0: not readable as targets.
 */
export function targetsInWords(raw: string): number {
  const parts = raw
    .split(/[;；]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  // An approximate figure ("约6类", "10余次", "2022年12约") states no target to measure against.
  if (parts.length === 0 || /(?<![节制预签公])约\s*\d|\d\s*[余多约]/.test(raw)) return 0;
  for (const part of parts) {
    // Clauses: split at commas and full stops (a point between digits is a decimal point, not a stop).
    const clauses = part
      .split(/[,，。]|\.(?!\d)/)
      .map((c) => c.trim())
      .filter((c) => c !== '');
    const withFigure = clauses.filter((c) => /\d/.test(c));
    if (withFigure.length !== 1 || !oneTargetInWords(withFigure[0]!)) return 0;
  }
  return parts.length;
}

/** An indicator's name that lists several indicators ("物业管理面积;供暖面积", "接访量、登记办理群众来信数量"). */
const SEVERAL_NAMES = /[;；、]/;

/** The unit an indicator's name carries ("培训场次", "培训人次", "培训天数", "发放时间（月）", "完成数量（项）"). */
export function unitInName(name: string): string | null {
  const s = name.replace(/\s+/g, '');
  const paren = /[（(]([^()（）]{1,5})[)）]$/.exec(s);
  if (paren) return paren[1]!;
  // A unit in brackets inside a name that goes on ("发放时间(月)保障驻厅工作人员…"): only a unit of count or
  // time, since brackets inside a name hold other words too ("人工增雨(雪)作业效果").
  const inside = /[（(](个|项|件|次|人|人次|户|家|台|套|篇|场|批|期|份|条|辆|部|年|月|天|日|小时|分钟|工作日|元|万元)[)）]/u.exec(s);
  if (inside) return inside[1]!;
  const word = /(场次|人次|天数|日数|次数|户数|人数|个数|件数|项数|家数|台数|篇数|批次|课时|学时|工作日)$/.exec(s);
  return word ? word[1]! : null;
}

/** Quantitative targets carry a readable value and a unit; a target that is neither a figure nor a known quality word is flagged. */
export const rule: Rule = {
  id: 'BUD-086',
  title: 'Quantitative targets carry a value and a unit',
  titleZh: '定量指标须有目标值和计量单位',
  severity: 'warning',
  category: 'performance-target',
  reads: ['projectForms', 'departmentTargets'],
  basis: '财预〔2020〕10号 附件：定量指标应明确指标值和计量单位；domain.md §3 Performance targets',
  check(doc, ctx) {
    for (const set of indicatorSets(doc)) {
      for (const ind of set.indicators) {
        if (ind.qualitative || ind.notApplicable) continue;
        // 成本/投入 rows are amounts, not targets; their shape is another rule's business.
        const lvl = level1Of(ind);
        if (lvl === '成本' || lvl === '投入') continue;
        const where = `${set.place}指标「${ind.name}」`;
        if (ind.value == null) {
          // Several targets in one cell stand for one indicator only when the name is one indicator's: a
          // cell listing several indicators with several targets cannot be measured one by one.
          const n = targetsInWords(ind.raw ?? '');
          if (n === 1 || (n > 1 && !SEVERAL_NAMES.test(ind.name))) continue;
          ctx.report({
            message: `${where}的目标值「${ind.raw || '（空）'}」既不是定量目标也不是定性表述${lineRef(ind.src)}`,
            location: set.location('目标值', ind.src, ind.name),
            ...NO_FIGURES,
          });
          continue;
        }
        // Dates and periods ("2021-11", "12-31", "2026-05/2026-06") carry their unit (年月, 月日 …) by construction.
        if (indicatorNumber(ind) && (ind.unit == null || ind.unit.trim() === '') && !unitInName(ind.name)) {
          ctx.report({
            message: `${where}目标值「${ind.raw || ind.value}」缺少计量单位（如 %、次、个、件）${lineRef(ind.src)}`,
            location: set.location('目标值', ind.src, ind.name),
            ...NO_FIGURES,
          });
        }
      }
    }
  },
};
