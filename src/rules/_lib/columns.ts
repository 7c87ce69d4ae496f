/**
 * The column-key contract of docs/model.md as data: printed labels per role and the canonical row
 * identities (a column equals the sum of others) every table of a role must satisfy.
 */
import type { Table, TableRole } from '../../domain/model.js';

/** Printed labels per role and the Shenzhen titles live in the catalogue (one vocabulary). */
export { COLUMN_LABELS, TITLES } from '../../domain/catalogue/labels.js';

/** One row identity: column `total` equals the sum of columns `parts` (only those the table has). */
export interface SumRelation {
  total: string;
  parts: string[];
}

const has = (t: Table, k: string) => t.columns.some((c) => c.key === k);

/**
 * Revenue-summary appropriation parts: the split (一般公共预算 / 政府性基金 / 国有资本经营) when the
 * table prints any of it, else the single 财政拨款收入 column (Shanghai prints only that).
 */
function appropParts(t: Table): string[] {
  const split = ['general', 'govFund', 'stateCapital'];
  return split.some((k) => has(t, k)) || !has(t, 'govApprop') ? split : ['govApprop'];
}

/** Source columns that add up to a total, using the 政府预算拨款 subtotal when the table prints one. */
function sourceParts(t: Table): string[] {
  const approp = has(t, 'govApprop') ? ['govApprop'] : ['general', 'govFund', 'stateCapital'];
  return [...approp, 'specialAccount', 'business', 'operating', 'superior', 'subordinate', 'otherIncome', 'carryOver'];
}

/**
 * The canonical row identities of a table's role (docs/model.md), restricted to the columns the
 * table has; a relation whose total column or all of whose part columns are absent is dropped.
 */
export function standardRelations(t: Table): SumRelation[] {
  let rels: SumRelation[] = [];
  switch (t.role) {
    case 'revenue-summary':
      rels = [
        // Like sourceParts: the appropriation split when printed, else its 财政拨款收入 column alone.
        { total: 'total', parts: [...appropParts(t), 'specialAccount', 'business', 'operating', 'superior', 'subordinate', 'otherIncome', 'carryOver'] },
        { total: 'govApprop', parts: ['general', 'govFund', 'stateCapital'] },
        { total: 'general', parts: ['generalBasic', 'generalDuty', 'generalSpecial', 'generalInvest'] },
      ];
      break;
    case 'basic-expenditure-economic':
    case 'project-expenditure':
      rels = [
        { total: 'total', parts: sourceParts(t) },
        { total: 'govApprop', parts: ['general', 'govFund', 'stateCapital'] },
        { total: 'general', parts: ['generalBasic', 'generalDuty', 'generalSpecial', 'generalInvest'] },
      ];
      break;
    case 'expenditure-summary':
    case 'general-budget-function':
    case 'gov-fund-function':
    case 'state-capital-function':
      rels = [{ total: 'total', parts: ['basic', 'project'] }];
      break;
    case 'three-public':
      rels = [
        { total: 'total', parts: ['overseas', 'reception', 'vehicles'] },
        { total: 'vehicles', parts: ['vehiclePurchase', 'vehicleRunning'] },
      ];
      break;
    case 'performance-projects':
      rels = [{ total: 'total', parts: ['general', 'other'] }];
      break;
    default:
      rels = [];
  }
  return rels
    .map((r) => ({ total: r.total, parts: r.parts.filter((p) => has(t, p)) }))
    .filter((r) => has(t, r.total) && r.parts.length > 0);
}
