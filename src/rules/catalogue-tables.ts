/** Table-arithmetic, cross-table and structure rules (BUD-001 … BUD-049), listed explicitly. */
import type { Rule } from './types.js';
import { rule as r001 } from './bud-001-declared-row-sums/rule.js';
import { rule as r002 } from './bud-002-revenue-summary-row-sums/rule.js';
import { rule as r003 } from './bud-003-expenditure-summary-row-sums/rule.js';
import { rule as r004 } from './bud-004-procurement-within-expenditure/rule.js';
import { rule as r005 } from './bud-005-source-columns-row-sums/rule.js';
import { rule as r006 } from './bud-006-function-table-row-sums/rule.js';
import { rule as r007 } from './bud-007-three-public-row-sums/rule.js';
import { rule as r008 } from './bud-008-vehicle-split/rule.js';
import { rule as r009 } from './bud-009-performance-projects-row-sums/rule.js';
import { rule as r010 } from './bud-010-unit-row-sum/rule.js';
import { rule as r011 } from './bud-011-function-hierarchy/rule.js';
import { rule as r012 } from './bud-012-economic-hierarchy/rule.js';
import { rule as r013 } from './bud-013-procurement-hierarchy/rule.js';
import { rule as r014 } from './bud-014-parent-children/rule.js';
import { rule as r015 } from './bud-015-summary-revenue-subtotal/rule.js';
import { rule as r016 } from './bud-016-summary-expenditure-subtotal/rule.js';
import { rule as r017 } from './bud-017-summary-carry-total/rule.js';
import { rule as r018 } from './bud-018-summary-balance/rule.js';
import { rule as r019 } from './bud-019-department-targets-sums/rule.js';
import { rule as r020 } from './bud-020-t1-revenue-matches-t2/rule.js';
import { rule as r021 } from './bud-021-t1-expenditure-matches-t3/rule.js';
import { rule as r022 } from './bud-022-t2-t3-per-unit/rule.js';
import { rule as r023 } from './bud-023-t3-basic-matches-t4/rule.js';
import { rule as r024 } from './bud-024-t3-project-matches-t5/rule.js';
import { rule as r025 } from './bud-025-t6-revenue-matches-t2/rule.js';
import { rule as r026 } from './bud-026-t6-functions-match-t7-t9/rule.js';
import { rule as r027 } from './bud-027-t1-functions-match-t7-t9/rule.js';
import { rule as r028 } from './bud-028-t1-t6-appropriation/rule.js';
import { rule as r029 } from './bud-029-t7-matches-t2-general/rule.js';
import { rule as r030 } from './bud-030-t4-sources-match-function-basic/rule.js';
import { rule as r031 } from './bud-031-t5-sources-match-function-project/rule.js';
import { rule as r032 } from './bud-032-fund-tables-match-t2/rule.js';
import { rule as r033 } from './bud-033-t5-projects-match-t13/rule.js';
import { rule as r034 } from './bud-034-t11-matches-t3-procurement/rule.js';
import { rule as r035 } from './bud-035-economic-matches-function/rule.js';
import { rule as r036 } from './bud-036-t14-total-matches-t3/rule.js';
import { rule as r037 } from './bud-037-t14-basic-task-matches-t3/rule.js';
import { rule as r038 } from './bud-038-t4-matches-t2-basic/rule.js';
import { rule as r039 } from './bud-039-t5-matches-t2-project/rule.js';
import { rule as r040 } from './bud-040-required-tables/rule.js';
import { rule as r041 } from './bud-041-known-codes/rule.js';
import { rule as r042 } from './bud-042-code-names/rule.js';
import { rule as r043 } from './bud-043-code-levels/rule.js';
import { rule as r044 } from './bud-044-duplicate-codes/rule.js';
import { rule as r045 } from './bud-045-negative-amounts/rule.js';
import { rule as r046 } from './bud-046-role-columns/rule.js';
import { rule as r047 } from './bud-047-empty-tables-zero/rule.js';
import { rule as r048 } from './bud-048-import-notes/rule.js';
import { rule as r049 } from './bud-049-unknown-cells/rule.js';

export const TABLE_RULES: Rule[] = [
  r001,
  r002,
  r003,
  r004,
  r005,
  r006,
  r007,
  r008,
  r009,
  r010,
  r011,
  r012,
  r013,
  r014,
  r015,
  r016,
  r017,
  r018,
  r019,
  r020,
  r021,
  r022,
  r023,
  r024,
  r025,
  r026,
  r027,
  r028,
  r029,
  r030,
  r031,
  r032,
  r033,
  r034,
  r035,
  r036,
  r037,
  r038,
  r039,
  r040,
  r041,
  r042,
  r043,
  r044,
  r045,
  r046,
  r047,
  r048,
  r049,
];
