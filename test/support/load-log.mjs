// `node --import ./test/support/load-log.mjs …`: every module the process resolves (its URL, one a line)
// is appended to the file named by FISCUS_LOAD_LOG: ES imports through a resolve hook (load-log-hooks.mjs,
// on Node's loader thread), require() calls (CommonJS packages loaded lazily through createRequire) by
// wrapping the CommonJS resolver here. Used by test/cli/lazy-load.test.ts to see which packages a
// command loads.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';

const file = process.env.FISCUS_LOAD_LOG;
register(new URL('./load-log-hooks.mjs', import.meta.url), { data: { file } });
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const resolved = resolveFilename.call(this, request, ...rest);
  if (file && isAbsolute(resolved)) appendFileSync(file, `${pathToFileURL(resolved).href}\n`);
  return resolved;
};
