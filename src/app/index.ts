export * from './import-document.js';
export { importFileIsolated, parsePool, setParsePool, ParsePool } from './isolation/pool.js';
export * from './limits.js';
