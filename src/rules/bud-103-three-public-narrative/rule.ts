import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { figures, lineRef, money, tableLocation } from '../_lib/content.js';
import { locSrc } from '../_lib/location.js';

const KEYS: Array<[string, string, string]> = [
  ['three-public.total', 'total', '“三公”经费合计'],
  ['three-public.overseas', 'overseas', '因公出国(境)费'],
  ['three-public.reception', 'reception', '公务接待费'],
  ['three-public.vehicles', 'vehicles', '公务用车购置及运行费'],
  ['three-public.vehicle-purchase', 'vehiclePurchase', '公务用车购置费'],
  ['three-public.vehicle-running', 'vehicleRunning', '公务用车运行费'],
  ['operating-funds', 'operatingFunds', '机关运行经费'],
];

/**
 * The 三公 and 机关运行经费 figures the narrative states equal the "三公"经费和机关运行经费预算表
 * (Shanghai prints both in one table; the budget row is the one of the budget year).
 */
export const rule: Rule = {
  id: 'BUD-103',
  title: 'Three public expenses and operating funds in the narrative equal the table',
  titleZh: '说明中的“三公”经费与机关运行经费等于“三公”经费和机关运行经费预算表',
  severity: 'error',
  category: 'narrative',
  reads: ['narrative', 'tables'],
  basis: 'domain.md §3：表12与说明的“三公”一致；财预〔2016〕143号',
  appliesTo: { profiles: ['shanghai-budget'] },
  check(doc, ctx) {
    const t = tableOf(doc, 'three-public');
    const r = t?.rows[0];
    if (!t || !r) return;
    for (const [key, col, name] of KEYS) {
      const cell = r.amounts[col];
      if (cell === undefined) continue;
      for (const f of doc.narrative.facts.filter((x) => x.key === key && x.money)) {
        const want = cell?.fen ?? 0;
        if (f.money!.fen === want) continue;
        ctx.report({
          message: `${name}：说明写 ${money(doc, f.money!.fen)}${lineRef(f.src)}，${t.title.text} 为 ${money(doc, want)}`,
          location: f.src ? locSrc('其他相关情况说明', f.src, name) : tableLocation(t, r, col),
          ...figures(doc, want, f.money!.fen),
        });
      }
    }
  },
};
