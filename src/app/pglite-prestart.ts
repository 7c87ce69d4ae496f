/**
 * The PGlite thread that `fiscus start` and `fiscus serve` start first thing (storage/pglite-prestart.ts),
 * as the CLI reaches it: the CLI sees storage only through the app layer (test/layers.test.ts). Light, as
 * the module it names: node:worker_threads only.
 */
export { prestartPglite } from '../storage/pglite-prestart.js';
