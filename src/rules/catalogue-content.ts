/** Narrative, project-form, performance-target and hygiene rules (BUD-050 … BUD-099), listed explicitly. */
import type { Rule } from './types.js';
import { rule as bud050 } from './bud-050-narrative-revenue-total/rule.js';
import { rule as bud051 } from './bud-051-narrative-revenue-sources/rule.js';
import { rule as bud052 } from './bud-052-narrative-expenditure-total/rule.js';
import { rule as bud053 } from './bud-053-narrative-basic-by-economic-class/rule.js';
import { rule as bud054 } from './bud-054-narrative-basic-sum/rule.js';
import { rule as bud055 } from './bud-055-narrative-project-total/rule.js';
import { rule as bud056 } from './bud-056-narrative-project-list/rule.js';
import { rule as bud057 } from './bud-057-narrative-project-items/rule.js';
import { rule as bud058 } from './bud-058-narrative-procurement/rule.js';
import { rule as bud059 } from './bud-059-narrative-three-public/rule.js';
import { rule as bud060 } from './bud-060-narrative-change-arithmetic/rule.js';
import { rule as bud061 } from './bud-061-narrative-funds-and-transfers/rule.js';
import { rule as bud062 } from './bud-062-narrative-staff-counts/rule.js';
import { rule as bud063 } from './bud-063-narrative-performance-projects/rule.js';
import { rule as bud064 } from './bud-064-narrative-equipment-counts/rule.js';
import { rule as bud065 } from './bud-065-narrative-composition/rule.js';
import { rule as bud070 } from './bud-070-cost-lines-sum/rule.js';
import { rule as bud071 } from './bud-071-quantity-times-price/rule.js';
import { rule as bud072 } from './bud-072-disbursement-plan-sum/rule.js';
import { rule as bud073 } from './bud-073-form-funding-split/rule.js';
import { rule as bud074 } from './bud-074-current-year-within-total/rule.js';
import { rule as bud083 } from './bud-083-single-year-total/rule.js';
import { rule as bud075 } from './bud-075-purchased-services-within-amount/rule.js';
import { rule as bud076 } from './bud-076-forms-sum-to-project/rule.js';
import { rule as bud077 } from './bud-077-form-matches-table13/rule.js';
import { rule as bud078 } from './bud-078-budget-reserve-limit/rule.js';
import { rule as bud079 } from './bud-079-form-period/rule.js';
import { rule as bud080 } from './bud-080-form-required-fields/rule.js';
import { rule as bud081 } from './bud-081-performance-projects-have-forms/rule.js';
import { rule as bud082 } from './bud-082-purchased-services-within-procurement/rule.js';
import { rule as bud085 } from './bud-085-indicator-levels-present/rule.js';
import { rule as bud086 } from './bud-086-quantitative-target-complete/rule.js';
import { rule as bud087 } from './bud-087-percent-target-range/rule.js';
import { rule as bud088 } from './bud-088-adverse-rate-target/rule.js';
import { rule as bud089 } from './bud-089-rate-comparator-missing/rule.js';
import { rule as bud090 } from './bud-090-department-form-targets-agree/rule.js';
import { rule as bud091 } from './bud-091-execution-rate-target/rule.js';
import { rule as bud092 } from './bud-092-duplicate-indicators/rule.js';
import { rule as bud093 } from './bud-093-not-applicable-scope/rule.js';
import { rule as bud095 } from './bud-095-template-placeholders/rule.js';
import { rule as bud096 } from './bud-096-budget-year-in-text/rule.js';
import { rule as bud097 } from './bud-097-punctuation-and-brackets/rule.js';
import { rule as bud098 } from './bud-098-document-kind-naming/rule.js';

export const CONTENT_RULES: Rule[] = [
  bud050,
  bud051,
  bud052,
  bud053,
  bud054,
  bud055,
  bud056,
  bud057,
  bud058,
  bud059,
  bud060,
  bud061,
  bud062,
  bud063,
  bud064,
  bud065,
  bud070,
  bud071,
  bud072,
  bud073,
  bud074,
  bud083,
  bud075,
  bud076,
  bud077,
  bud078,
  bud079,
  bud080,
  bud081,
  bud082,
  bud085,
  bud086,
  bud087,
  bud088,
  bud089,
  bud090,
  bud091,
  bud092,
  bud093,
  bud095,
  bud096,
  bud097,
  bud098,
];
