/**
 * Reading the printed target (目标值) of a performance indicator: "≥4次", "≤ 2%", "24小时内",
 * "2021年11月前", "及时", "不适用" → comparator, value, unit and flags.
 *
 * Decisions (the model keeps `raw`, so nothing printed is lost by them):
 * - A bare figure ("100%", "7个", "12个月", "0") reads as `=`: the target is the value itself.
 * - A duration bound ("24小时内", "3日以内") is `≤` value unit; "以上" is `≥`, "以下" is `≤`.
 * - A deadline ("2021年11月前", "2021年10月底前") is `≤` with value "2021-11" and unit "年月"
 *   ("2021-12-31" and "年月日" with a day), so monitoring can compare it with a date.
 * - Words without a figure (及时, 有效, 达标, 合格 …) are qualitative: no comparator, value or unit.
 * - "不适用" is not applicable: no comparator, value or unit, and not qualitative.
 */
import type { Comparator } from '../../domain/model.js';
import { squash } from '../../domain/text.js';

export interface TargetReading {
  comparator: Comparator | null;
  value: string | null;
  unit: string | null;
  qualitative: boolean;
  notApplicable: boolean;
}

/** Qualitative targets seen in Chinese performance forms; a lone name fragment is never one of these. */
export const QUALITATIVE_TARGETS: readonly string[] = [
  '及时', '有效', '有效保障', '达标', '合格', '良好', '优良', '优秀', '准确', '按时', '按期', '按时完成',
  '及时完成', '全部完成', '是', '否', '显著', '明显', '满意', '正常', '稳定', '提升', '提高', '降低',
  '逐步提升', '有所提升', '明显提升', '持续提升', '较好', '好', '全覆盖', '无',
];

const WORD_COMPARATORS: ReadonlyArray<readonly [string, Comparator]> = [
  ['>=', '≥'], ['<=', '≤'], ['≧', '≥'], ['≦', '≤'], ['⩾', '≥'], ['⩽', '≤'],
  ['大于等于', '≥'], ['小于等于', '≤'], ['不低于', '≥'], ['不少于', '≥'], ['不小于', '≥'],
  ['不高于', '≤'], ['不超过', '≤'], ['不多于', '≤'], ['不大于', '≤'], ['大于', '>'], ['小于', '<'],
  ['≥', '≥'], ['≤', '≤'], ['>', '>'], ['<', '<'], ['=', '='],
];

const NUMBER_RE = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?/;
/** A unit is short and carries no digits ("%", "次", "小时", "个月"). */
const UNIT_RE = /^[^\d\s]{0,4}$/;
const DEADLINE_RE = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?(?:底)?(?:前|之前|以前|内)?$/;

const NOT_APPLICABLE: TargetReading = { comparator: null, value: null, unit: null, qualitative: false, notApplicable: true };

/**
 * Reads a printed target, or returns null when the text is not a recognisable target (a name
 * fragment, free prose). White space inside the target ("≤ 2%", "2021年 11月前") is ignored.
 */
export function readTarget(text: string): TargetReading | null {
  const s = squash(text.normalize('NFKC'));
  if (s === '') return null;
  if (s === '不适用' || s === '无此项' || s === '/') return { ...NOT_APPLICABLE };
  if (QUALITATIVE_TARGETS.includes(s)) return { comparator: null, value: null, unit: null, qualitative: true, notApplicable: false };

  const d = DEADLINE_RE.exec(s);
  if (d) {
    const month = d[2]!.padStart(2, '0');
    if (Number(month) < 1 || Number(month) > 12) return null;
    const value = d[3] ? `${d[1]}-${month}-${d[3].padStart(2, '0')}` : `${d[1]}-${month}`;
    return { comparator: '≤', value, unit: d[3] ? '年月日' : '年月', qualitative: false, notApplicable: false };
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
