export * from './evaluation.js';
export * from './execution.js';
export * from './monitoring.js';
