/**
 * zod's mode in a parser thread, set before any schema of the model is made (zod decides for each object
 * schema, when it is made, whether to compile a parser for it): worker-entry.mjs imports this module
 * before the handler (parse-worker.ts). A command's thread (the pool's `background: false`: fiscus
 * validate, import, report …) reads one or two documents: zod's compiled parsers (code generated for each
 * object schema on its first use, about 20 ms of CPU) would not repay their making, so the schema is
 * checked without them (zod's jitless mode: the same answers). A server's and an audit worker's threads
 * keep them (warm, they win: 1.1 against 1.5 ms a document). A module of its own, an entry of the build,
 * rather than a line of worker-entry.mjs: it configures the zod the handler uses, which the build bundles
 * with fiscus's code.
 */
import { workerData } from 'node:worker_threads';
import { config } from 'zod';

if ((workerData as { background?: boolean } | null)?.background === false) config({ jitless: true });
