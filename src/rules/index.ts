/** The rules layer: engine, registry and the rule contract. */
export * from './types.js';
export { runRules, runRule, checkDocument, summarize, sortFindings, applies } from './engine.js';
export type { RunOptions, CheckResult, NotChecked } from './engine.js';
export { RULES, ruleById } from './registry.js';
