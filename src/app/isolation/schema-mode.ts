/**
 * zod's mode for a process or thread that checks one or two documents against the model's schemas: a
 * command (`fiscus validate`, `import`, `report` …: cli/main.ts, at its start) and a command's parser
 * thread (the pool's `background: false`: worker-entry.mjs, before the handler). zod's compiled parsers
 * (code generated for each object schema on its first use, about 20 ms of CPU) would not repay their
 * making there, so the schema is checked without them (zod's jitless mode: the same answers). A server's
 * threads and an audit worker's keep them (warm, they win: 1.1 against 1.5 ms a document). zod decides for
 * each object schema, when it is made, whether to compile a parser for it: this runs before the model's
 * schemas are made (neither caller has loaded domain/model.ts yet). A module of its own, an entry of the
 * build: it configures the zod that the build bundles with fiscus's code.
 */
import { config } from 'zod';

/** Checks schemas without compiling parsers for them, from now on (zod's jitless mode). */
export function checkSchemasWithoutCompiling(): void {
  config({ jitless: true });
}
