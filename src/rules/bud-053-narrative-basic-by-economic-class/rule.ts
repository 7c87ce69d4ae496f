import type { Row } from '../../domain/model.js';
import { generalBudgetOnly, tableOf } from '../_lib/scope.js';
import type { Rule } from '../types.js';
import { compareStated, moneyFacts, nameKey } from '../_lib/content.js';
import { columnSide, hasColumn } from '../_lib/cross.js';
import { tableName } from '../_lib/location.js';

/** Retiree pay inside 303 对个人和家庭的补助: 离休费 30301, 退休费 30302. */
const RETIREE_CODES = ['30301', '30302'];
const RETIREE_NAMES = ['离休费', '退休费'];

/**
 * True when the narrative's personnel figure includes retiree pay: it is called 人员经费 (the
 * 决算/Shanghai term, 工资福利支出 + 对个人和家庭的补助) and no 离退休 figure is stated beside it.
 */
export function includesRetirees(label: string, separateRetirees: boolean): boolean {
  return !separateRetirees && /人员经费/.test(label);
}

/**
 * 人员 / 公用 / 离退休 stated in the narrative equal table 4 read by economic class:
 * 人员支出 = 301 工资福利支出 + 303 对个人和家庭的补助 − (离休费 + 退休费) when 离退休 is stated apart,
 * else (人员经费, Shanghai) 301 + 303;
 * 公用支出 = 302 商品和服务支出 (+ 310 资本性支出 when basic expenditure has any);
 * 离退休人员支出 = 离休费 + 退休费.
 */
export const rule: Rule = {
  id: 'BUD-053',
  title: 'Narrative personnel, operating and retiree spending equal table 4',
  titleZh: '说明中的人员、公用、离退休支出与基本支出总表经济分类一致',
  severity: 'error',
  category: 'narrative',
  reads: ['narrative', 'tables'],
  basis:
    '《部门预算支出经济分类科目》 301/302/303 类；Shenzhen sample: 741.53 = 728.73 + 20.87 − 8.07, 30.46 = 302, 8.07 = 退休费; Shanghai 决算 人员经费合计 = 301 + 303 (2152.26 = 2082.85 + 69.41), 公用经费合计 = 302 + 310 (184.65 = 171.07 + 13.58)',
  check(doc, ctx) {
    const t4 = tableOf(doc, 'basic-expenditure-economic');
    if (!t4) return;
    const byCode = (c: string): Row | undefined => t4.rows.find((r) => r.code === c);
    const byName = (n: string): Row | undefined => t4.rows.find((r) => nameKey(r.label) === n);
    const cls = (code: string, name: string): Row | undefined => byCode(code) ?? byName(name);
    // The total column (a one-amount table prints it as its only column).
    const key = hasColumn(t4, 'total') ? 'total' : t4.columns.filter((c) => c.kind === 'amount').length === 1 && hasColumn(t4, 'amount') ? 'amount' : null;
    if (!key || t4.rows.length === 0) return;
    const fen = (r: Row | undefined): number => r?.amounts[key]?.fen ?? 0;
    const wages = cls('301', '工资福利支出');
    const goods = cls('302', '商品和服务支出');
    const transfers = cls('303', '对个人和家庭的补助');
    const capital = cls('310', '资本性支出');
    if (!wages && !goods && !transfers) return;
    const retirees = RETIREE_CODES.map((c, i) => byCode(c) ?? byName(RETIREE_NAMES[i]!)).filter((r): r is Row => r !== undefined);
    const retireeFen = retirees.reduce((s, r) => s + fen(r), 0);
    // Where the narrative states 离退休人员支出 on its own (Shenzhen "人员支出"), retiree pay is not
    // personnel; "人员经费" without a separate retiree figure (Shanghai, 决算) is 301 + 303 whole.
    // A general-budget-only economic table (一般公共预算基本支出表) answers the narrative's figures for
    // the general budget (expenditure.general.*), a table of every fund the department's (expenditure.*).
    const scope = generalBudgetOnly(t4) ? 'expenditure.general.' : 'expenditure.';
    // The national 一般公共预算基本支出表 prints 人员经费 and 公用经费 as columns: those are the figures
    // (an economic class may hold both, so the class sums are not).
    if (hasColumn(t4, 'personnel') && hasColumn(t4, 'public')) {
      for (const [k, col] of [
        ['personnel', 'personnel'],
        ['public', 'public'],
      ] as const) {
        const side = columnSide(t4, col);
        for (const f of moneyFacts(doc, `${scope}${k}`)) {
          if (t4.rows.length === 0) continue;
          compareStated(ctx, doc, f, [side.fig.fen], [`${tableName(t4)} ${side.label}`], `${tableName(t4)} ${side.label}`);
        }
      }
      return;
    }
    const separateRetirees = moneyFacts(doc, `${scope}retiree`).length > 0;
    for (const f of moneyFacts(doc, `${scope}personnel`)) {
      if (includesRetirees(f.label, separateRetirees)) {
        compareStated(ctx, doc, f, [wages?.amounts[key] ?? null, transfers?.amounts[key] ?? null], ['表4 工资福利支出', '对个人和家庭的补助'], '表4（工资福利支出 + 对个人和家庭的补助）');
      } else {
        compareStated(
          ctx,
          doc,
          f,
          [wages?.amounts[key] ?? null, transfers?.amounts[key] ?? null, -retireeFen],
          ['表4 工资福利支出', '对个人和家庭的补助', '减离退休费'],
          '表4（工资福利支出 + 对个人和家庭的补助 − 离退休费）',
        );
      }
    }
    for (const f of moneyFacts(doc, `${scope}public`)) {
      const parts = capital ? [goods?.amounts[key] ?? null, capital.amounts[key] ?? null] : [goods?.amounts[key] ?? null];
      compareStated(ctx, doc, f, parts, ['表4 商品和服务支出', '资本性支出'], capital ? '表4（商品和服务支出 + 资本性支出）' : '表4 商品和服务支出');
    }
    for (const f of moneyFacts(doc, `${scope}retiree`)) {
      compareStated(
        ctx,
        doc,
        f,
        retirees.length > 0 ? retirees.map((r) => r.amounts[key] ?? null) : [0],
        retirees.map((r) => `表4 ${r.label}`),
        '表4 离休费 + 退休费',
      );
    }
  },
};
