export * from './model.js';
export * from './money.js';
export * from './errors.js';
export * from './text.js';
export * from './query.js';
export { codes, CodeTable, parentCode, levelOf } from './classification/index.js';
export type { CodeEntry, ClassificationSystem, CodeLevel } from './classification/index.js';
export * from './access.js';
export * from './accounts.js';
