/** Importers: source formats → BudgetDocument. Detects the format and the layout profile. */
export { importShenzhenText, importShenzhenSource, looksLikeShenzhen } from './shenzhen/index.js';
export { readSourceText, decodeText } from './text/source.js';
export type { SourceText, SourceLine } from './text/source.js';
