/** Rules for regional layouts and final accounts (BUD-100 … BUD-129), listed explicitly. */
import type { Rule } from './types.js';
import { rule as r100 } from './bud-100-final-direction-words/rule.js';
import { rule as r101 } from './bud-101-item-change-percent/rule.js';
import { rule as r102 } from './bud-102-item-amount-consistent/rule.js';
import { rule as r103 } from './bud-103-three-public-narrative/rule.js';
import { rule as r104 } from './bud-104-empty-note-with-figures/rule.js';
import { rule as r105 } from './bud-105-final-totals-narrative/rule.js';
import { rule as r106 } from './bud-106-share-percent/rule.js';
import { rule as r107 } from './bud-107-item-direction-words/rule.js';
import { rule as r108 } from './bud-108-final-change-percent/rule.js';
import { rule as r109 } from './bud-109-three-public-economic/rule.js';
import { rule as r110 } from './bud-110-stale-code-names/rule.js';
import { rule as r111 } from './bud-111-copied-reasons/rule.js';
import { rule as r112 } from './bud-112-repeated-paragraphs/rule.js';
import { rule as r113 } from './bud-113-asset-date-after-budget/rule.js';
import { rule as r114 } from './bud-114-direction-words-against-figures/rule.js';
import { rule as r115 } from './bud-115-stated-change-percent/rule.js';
import { rule as r116 } from './bud-116-narrative-class-path-names/rule.js';
import { rule as r117 } from './bud-117-unit-name-variants/rule.js';
import { rule as r118 } from './bud-118-half-width-commas/rule.js';

export const REGIONAL_RULES: Rule[] = [r100, r101, r102, r103, r104, r105, r106, r107, r108, r109, r110, r111, r112, r113, r114, r115, r116, r117, r118];
