import { Decimal } from 'decimal.js';
import type { Rule } from '../types.js';
import { dec, formLocation, lineRef, money } from '../_lib/content.js';
import { halfUlpFen } from '../../domain/money.js';

/** A cost line stated as quantity × unit price equals its amount (to the amount's printed precision). */
export const rule: Rule = {
  id: 'BUD-071',
  title: 'Quantity × unit price equals the line amount',
  titleZh: '测算明细中数量×单价等于金额',
  severity: 'error',
  category: 'project-form',
  reads: ['projectForms'],
  basis: 'Arithmetic of the 测算明细 line as printed; domain.md §3 Project forms',
  check(doc, ctx) {
    for (const f of doc.projectForms) {
      for (const c of f.costLines) {
        if (c.amount == null || c.unitPrice == null || c.quantity == null) continue;
        const q = c.quantity.replace(/[,\s]/g, '');
        if (!/^\d+(?:\.\d+)?$/.test(q)) continue;
        const productFen = new Decimal(q).times(c.unitPrice.fen).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
        const diff = c.amount.fen - productFen;
        if (diff === 0) continue;
        const tol = halfUlpFen(doc.displayUnit, Math.max(2, c.amount.decimals ?? 2));
        const rounding = Math.abs(diff) <= tol;
        const unitName = c.quantityUnit ?? '';
        ctx.report({
          ...(rounding ? { severity: 'info' as const } : {}),
          message: `项目「${f.name || f.id}」测算明细第 ${c.no ?? '?'} 项「${c.label || c.text.slice(0, 20)}」：${q}${unitName} × ${money(doc, c.unitPrice.fen)} = ${money(doc, productFen)}，而金额为 ${money(doc, c.amount.fen)}${rounding ? '（尾差）' : ''}${lineRef(c.src)}`,
          location: formLocation(f, '测算明细', c.src),
          expected: dec(doc, productFen),
          actual: dec(doc, c.amount.fen),
          difference: dec(doc, diff),
          unit: doc.displayUnit,
        });
      }
    }
  },
};
