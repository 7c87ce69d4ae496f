import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTarget, readTarget, type TargetReading } from './indicator.js';

const q = (comparator: TargetReading['comparator'], value: string, unit: string | null): TargetReading => ({
  comparator,
  value,
  unit,
  qualitative: false,
  notApplicable: false,
});
const QUAL: TargetReading = { comparator: null, value: null, unit: null, qualitative: true, notApplicable: false };
const NA: TargetReading = { comparator: null, value: null, unit: null, qualitative: false, notApplicable: true };

const CASES: ReadonlyArray<readonly [string, TargetReading]> = [
  ['100%', q('=', '100', '%')],
  ['≥4次', q('≥', '4', '次')],
  ['≤ 2%', q('≤', '2', '%')],
  ['＞95%', q('>', '95', '%')],
  ['>95%', q('>', '95', '%')],
  ['<5%', q('<', '5', '%')],
  ['=1', q('=', '1', null)],
  ['7个', q('=', '7', '个')],
  ['15台', q('=', '15', '台')],
  ['0', q('=', '0', null)],
  ['0件', q('=', '0', '件')],
  ['≥300次', q('≥', '300', '次')],
  ['24小时内', q('≤', '24', '小时')],
  ['90%以上', q('≥', '90', '%')],
  ['不低于85%', q('≥', '85', '%')],
  ['2.5万元', q('=', '2.5', '万元')],
  ['1,200人', q('=', '1200', '人')],
  ['12个月', q('=', '12', '个月')],
  ['2021年11月前', q('≤', '2021-11', '年月')],
  ['2021年 10月前', q('≤', '2021-10', '年月')],
  ['2021年12月31日前', q('≤', '2021-12-31', '年月日')],
  ['2021年12月31日前完成', q('≤', '2021-12-31', '年月日')],
  // Deadlines without their year keep none; periods are intervals.
  ['12月31日前', q('≤', '12-31', '月日')],
  ['12月底前', q('≤', '12', '月')],
  ['6月内', q('≤', '6', '月')],
  ['12月', q('=', '12', '月')],
  ['2026年5月至6月', q('=', '2026-05/2026-06', '年月')],
  ['2026年10月至11月', q('=', '2026-10/2026-11', '年月')],
  ['2026年3月1日-2026年12月31日', q('=', '2026-03-01/2026-12-31', '年月日')],
  ['10月-11月', q('=', '10/11', '月')],
  // Compound units, areas.
  ['≤37微克/立方米', q('≤', '37', '微克/立方米')],
  ['≤560元/人/天', q('≤', '560', '元/人/天')],
  ['=570元/人.月', q('=', '570', '元/人.月')],
  ['140万元/年', q('=', '140', '万元/年')],
  ['≥1700㎡', q('≥', '1700', 'm2')],
  ['≥1700m²', q('≥', '1700', 'm2')],
  ['5000平方米', q('=', '5000', '平方米')],
  ['及时', QUAL],
  ['有效', QUAL],
  ['有效保障', QUAL],
  ['达标', QUAL],
  ['合格', QUAL],
  ['不适用', NA],
];

for (const [text, expected] of CASES) {
  test(`the target "${text}" reads as ${expected.notApplicable ? 'not applicable' : expected.qualitative ? 'qualitative' : `${expected.comparator} ${expected.value} ${expected.unit ?? ''}`}`, () => {
    assert.deepEqual(readTarget(text), expected);
    assert.equal(isTarget(text), true);
  });
}

const NOT_TARGETS = [
  '成率',
  '率',
  'IDC机房',
  '服务对象',
  '运行维护',
  '2021年13月前',
  '24小时值班告警服务',
  '',
  '不适用 不适用',
  '12月32日前',
  '飞机增雨10次/年;火箭增雨12次/年',
  '10余次约6类',
  '≥95%;≥95%;100%',
  '94.5万元有所促进',
];
for (const text of NOT_TARGETS) {
  test(`"${text}" is not read as a target`, () => {
    assert.equal(readTarget(text), null);
    assert.equal(isTarget(text), false);
  });
}
