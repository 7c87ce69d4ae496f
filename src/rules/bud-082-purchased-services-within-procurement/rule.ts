import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { cell, rowByCode } from '../../domain/query.js';
import { figures, formAmount, lineRef, money, tableLocation } from '../_lib/content.js';

/**
 * 政府购买服务 is procured as services: the forms' purchased-services funds together do not exceed
 * the services procurement of table 11 (C 服务). A goods purchase filed as purchased services shows up here.
 */
export const rule: Rule = {
  id: 'BUD-082',
  title: "The forms' purchased-services funds fit within services procurement",
  titleZh: '各项目政府购买服务资金合计不超过政府采购服务类金额',
  severity: 'warning',
  category: 'project-form',
  reads: ['tables', 'projectForms'],
  basis: '政府购买服务管理办法（财政部令第102号）第二十三条：按政府采购法律制度组织实施；表11 C 服务',
  check(doc, ctx) {
    const t11 = tableOf(doc, 'procurement');
    if (!t11) return;
    const services = rowByCode(t11, 'C');
    const cap = services ? (cell(services, 'amount') ?? 0) : 0;
    const withPs = doc.projectForms.filter((f) => (f.amounts.purchasedServices?.fen ?? 0) > 0);
    if (withPs.length === 0) return;
    const sum = withPs.reduce((s, f) => s + (f.amounts.purchasedServices?.fen ?? 0), 0);
    if (sum <= cap + withPs.length * 5000) return;
    // Name the forms whose purchased services equal their whole amount and look like goods purchases.
    const suspects = withPs.filter((f) => /购置|设备|采购/.test(f.name) && f.amounts.purchasedServices?.fen === formAmount(f)?.fen);
    ctx.report({
      message: `各项目绩效目标申报表政府购买服务资金合计 ${money(doc, sum)}（${withPs.length} 张表），超过表11 服务类采购 ${money(doc, cap)}${lineRef(services?.src ?? t11.src)}${suspects.length > 0 ? `；其中${suspects.map((f) => `「${f.name}」${money(doc, f.amounts.purchasedServices!.fen)}`).join('、')}为设备购置，应属货物采购` : ''}`,
      location: tableLocation(t11, services ?? null, '金额'),
      ...figures(doc, cap, sum),
    });
  },
};
