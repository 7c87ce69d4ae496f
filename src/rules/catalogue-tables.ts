/** Table-arithmetic, cross-table and structure rules (BUD-001 … BUD-049), listed explicitly. */
import type { Rule } from './types.js';

export const TABLE_RULES: Rule[] = [];
