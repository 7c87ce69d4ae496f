/**
 * Reading the printed target (目标值) of a performance indicator: "≥4次", "≤ 2%", "24小时内",
 * "2021年11月前", "及时", "不适用" → comparator, value, unit and flags.
 *
 * Decisions (the model keeps `raw`, so nothing printed is lost by them):
 * - A bare figure ("100%", "7个", "12个月", "0") reads as `=`: the target is the value itself.
 * - A duration bound ("24小时内", "3日以内") is `≤` value unit; "以上" is `≥`, "以下" is `≤`.
 * - A deadline ("2021年11月前", "2021年10月底前") is `≤` with value "2021-11" and unit "年月"
 *   ("2021-12-31" and "年月日" with a day), so monitoring can compare it with a date. A deadline
 *   printed without its year ("12月31日前") keeps no year: value "12-31", unit "月日" (the year is
 *   the form's, which the reading does not guess).
 * - A period ("2026年5月至6月", "10月-11月") is `=` with value "start/end" (ISO 8601 interval:
 *   "2026-05/2026-06"), the end taking the start's year when it prints none; unit as for a deadline.
 * - A unit may be compound ("微克/立方米", "元/人/天", "元/人.月") or an area or volume ("㎡", read
 *   as "m2" by NFKC; "m3", "km2").
 * - Words without a figure (及时, 有效, 达标, 合格 …) are qualitative: no comparator, value or unit.
 * - "不适用" is not applicable: no comparator, value or unit, and not qualitative.
 */
import type { Comparator } from '../../domain/model.js';
import { squash } from '../../domain/text.js';
import { DATE_TARGET_UNITS } from '../../domain/catalogue/index.js';

export interface TargetReading {
  comparator: Comparator | null;
  value: string | null;
  unit: string | null;
  qualitative: boolean;
  notApplicable: boolean;
}

/** Qualitative targets seen in Chinese performance forms; a lone name fragment is never one of these. */
export const QUALITATIVE_TARGETS: readonly string[] = [
  '及时',
  '有效',
  '有效保障',
  '达标',
  '合格',
  '良好',
  '优良',
  '优秀',
  '准确',
  '按时',
  '按期',
  '按时完成',
  '及时完成',
  '全部完成',
  '是',
  '否',
  '显著',
  '明显',
  '满意',
  '正常',
  '稳定',
  '提升',
  '提高',
  '降低',
  '逐步提升',
  '有所提升',
  '明显提升',
  '持续提升',
  '较好',
  '好',
  '全覆盖',
  '无',
];

const WORD_COMPARATORS: ReadonlyArray<readonly [string, Comparator]> = [
  ['>=', '≥'],
  ['<=', '≤'],
  ['≧', '≥'],
  ['≦', '≤'],
  ['⩾', '≥'],
  ['⩽', '≤'],
  ['大于等于', '≥'],
  ['小于等于', '≤'],
  ['不低于', '≥'],
  ['不少于', '≥'],
  ['不小于', '≥'],
  ['不高于', '≤'],
  ['不超过', '≤'],
  ['不多于', '≤'],
  ['不大于', '≤'],
  ['大于', '>'],
  ['小于', '<'],
  ['≥', '≥'],
  ['≤', '≤'],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
];

const NUMBER_RE = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?/;
/**
 * A unit is short and carries no digits ("%", "次", "小时", "个月"), or is compound: short words
 * joined by "/" or "." ("微克/立方米", "元/人/天", "元/人.月"), or a length unit squared or cubed
 * ("m2" as NFKC reads "㎡", "km2", "m3").
 */
const UNIT_WORD = '[^\\d\\s/.;；,，、。·]{1,5}';
const UNIT_RE = new RegExp(`^(?:[^\\d\\s]{0,4}|${UNIT_WORD}(?:[/.·]${UNIT_WORD}){1,2}|[^\\d\\s/]{0,2}[kcd]?m[23])$`);
const DATE = '(?:(\\d{4})年)?(\\d{1,2})月(?:(\\d{1,2})[日号])?底?';
const DEADLINE_RE = new RegExp(`^${DATE}(?:前|之前|以前|内)?(?:完成)?$`);
const PERIOD_RE = new RegExp(`^${DATE}(?:至|到|-|—|－|~|～)${DATE}(?:完成|内|期间)?$`);

/** A printed date as "YYYY-MM(-DD)", "MM-DD" or the month alone ("6", as a count reads), with its unit; null when month or day is out of range. */
function dateOf(y: string | undefined, m: string, d: string | undefined): { value: string; unit: string } | null {
  if (Number(m) < 1 || Number(m) > 12 || (d !== undefined && (Number(d) < 1 || Number(d) > 31))) return null;
  const mm = m.padStart(2, '0');
  const dd = d === undefined ? null : d.padStart(2, '0');
  if (y) return dd ? { value: `${y}-${mm}-${dd}`, unit: DATE_TARGET_UNITS.yearMonthDay } : { value: `${y}-${mm}`, unit: DATE_TARGET_UNITS.yearMonth };
  return dd ? { value: `${mm}-${dd}`, unit: DATE_TARGET_UNITS.monthDay } : { value: String(Number(m)), unit: '月' };
}

const NOT_APPLICABLE: TargetReading = { comparator: null, value: null, unit: null, qualitative: false, notApplicable: true };

/** Readings of the texts read so far (the same targets recur in every form): at most 20,000, then the memory starts over. */
const READINGS = new Map<string, TargetReading | null>();

/**
 * Reads a printed target, or returns null when the text is not a recognisable target (a name
 * fragment, free prose). White space inside the target ("≤ 2%", "2021年 11月前") is ignored.
 * Each call gives its own object (callers may change it).
 */
export function readTarget(text: string): TargetReading | null {
  let r = READINGS.get(text);
  if (r === undefined) {
    r = readTargetOnce(text);
    if (READINGS.size >= 20_000) READINGS.clear();
    READINGS.set(text, r);
  }
  return r === null ? null : { ...r };
}

function readTargetOnce(text: string): TargetReading | null {
  const s = squash(text.normalize('NFKC'));
  if (s === '') return null;
  if (s === '不适用' || s === '无此项' || s === '/') return { ...NOT_APPLICABLE };
  if (QUALITATIVE_TARGETS.includes(s)) return { comparator: null, value: null, unit: null, qualitative: true, notApplicable: false };

  const d = DEADLINE_RE.exec(s);
  // A month alone ("12月") is a count of months unless it is a deadline ("12月底前", "12月前").
  if (d && (d[1] || d[3] || /[前内底成]$/.test(s))) {
    const at = dateOf(d[1], d[2]!, d[3]);
    if (!at) return null;
    return { comparator: '≤', value: at.value, unit: at.unit, qualitative: false, notApplicable: false };
  }
  const p = PERIOD_RE.exec(s);
  if (p) {
    const from = dateOf(p[1], p[2]!, p[3]);
    const to = dateOf(p[4] ?? p[1], p[5]!, p[6]);
    if (!from || !to) return null;
    return { comparator: '=', value: `${from.value}/${to.value}`, unit: from.unit, qualitative: false, notApplicable: false };
  }

  let rest = s;
  let comparator: Comparator | null = null;
  for (const [word, c] of WORD_COMPARATORS) {
    if (rest.startsWith(word)) {
      comparator = c;
      rest = rest.slice(word.length);
      break;
    }
  }
  const n = NUMBER_RE.exec(rest);
  if (!n) return null;
  const value = n[1]!.replace(/,/g, '') + (n[2] ?? '');
  let unit = rest.slice(n[0].length);
  // Bounds written after the figure ("24小时内", "90%以上") act as the comparator.
  const suffix = /(以内|以上|以下|之内|内)$/.exec(unit);
  if (suffix && comparator === null) {
    comparator = suffix[1] === '以上' ? '≥' : '≤';
    unit = unit.slice(0, -suffix[1]!.length);
  }
  if (!UNIT_RE.test(unit)) return null;
  return { comparator: comparator ?? '=', value, unit: unit === '' ? null : unit, qualitative: false, notApplicable: false };
}

/** True when `text` reads as a target (see readTarget). */
export function isTarget(text: string): boolean {
  return readTarget(text) !== null;
}
