/**
 * The column-key contract of docs/model.md as data: printed labels per role and the canonical row
 * identities (a column equals the sum of others) every table of a role must satisfy.
 */
import type { Table } from '../../domain/model.js';

/** Printed labels per role and the Shenzhen titles live in the catalogue (one vocabulary). */
export { COLUMN_LABELS, TITLES } from '../../domain/catalogue/labels.js';

import { roleRelations, type SumRelation } from '../../domain/catalogue/relations.js';

export type { SumRelation };

/**
 * The canonical row identities of a table's role (the catalogue's, domain/catalogue/relations.ts),
 * restricted to the columns the table has; a relation whose total column or all of whose part
 * columns are absent is dropped.
 */
export function standardRelations(t: Table): SumRelation[] {
  return roleRelations(t.role, (k) => t.columns.some((c) => c.key === k));
}
