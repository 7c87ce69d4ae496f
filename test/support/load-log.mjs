// `node --import ./test/support/load-log.mjs …`: every module the process resolves (its URL, one a line)
// is appended to the file named by FISCUS_LOAD_LOG. Used by test/cli/lazy-load.test.ts to see which
// packages a command loads.
import { register } from 'node:module';
register(new URL('./load-log-hooks.mjs', import.meta.url), { data: { file: process.env.FISCUS_LOAD_LOG } });
