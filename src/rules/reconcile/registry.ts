/** Every rule over a budget and its final account (REC-NNN). Ids are permanent and unique. */
import { rule as rec001 } from './rec-001-stated-budget-matches/rule.js';
import { rule as rec002 } from './rec-002-deviation-explained/rule.js';
import { rule as rec003 } from './rec-003-explained-final-matches-table/rule.js';
import { rule as rec004 } from './rec-004-completion-rate/rule.js';
import { rule as rec005 } from './rec-005-adjustment-explained/rule.js';
import type { PairRule } from './types.js';

export const PAIR_RULES: readonly PairRule[] = [rec001, rec002, rec003, rec004, rec005];
