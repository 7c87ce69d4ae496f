/** The reconciliation of a budget with its final account: `reconcile(budget, finalAccount)`. */
export { reconcile, pairMismatch, runPairRules, parseDeviationPercent } from './engine.js';
export type { ReconcileOptions, ReconcileResult, ReconcileLine } from './engine.js';
export { pairOf } from './pair.js';
export { PAIR_RULES } from './registry.js';
export type * from './types.js';
