/** Every registered rule: the table/structure catalogue and the content catalogue. Ids are unique. */
import { TABLE_RULES } from './catalogue-tables.js';
import { CONTENT_RULES } from './catalogue-content.js';
import { REGIONAL_RULES } from './catalogue-regional.js';
import type { Rule } from './types.js';

/** Throws when two rules share an id (a programming error caught at load). */
export function assertUniqueIds(rules: readonly Rule[]): void {
  const seen = new Set<string>();
  for (const r of rules) {
    if (seen.has(r.id)) throw new Error(`duplicate rule id ${r.id}`);
    seen.add(r.id);
  }
}

export const RULES: Rule[] = [...TABLE_RULES, ...CONTENT_RULES, ...REGIONAL_RULES];
assertUniqueIds(RULES);

/** The rule with an id, or undefined. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
