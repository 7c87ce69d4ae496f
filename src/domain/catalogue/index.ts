/**
 * The genre's vocabulary, once: the standard tables of each document kind and their regional titles,
 * the column vocabulary and its synonyms. Every layer (importers, rules, reports, web) reads it here.
 */
export * from './tables.js';
export * from './columns.js';
export * from './labels.js';
export * from './facts.js';
export * from './relations.js';
