// Entry of a parser thread (see pool.ts). Plain JavaScript, the same file in src/ and in dist/ (the build
// copies it). In dist/ the handler is compiled (parse-worker.js beside this file) and imported as it is.
// From the sources (development, tests): on Node 20 a worker cannot start from a .ts file even with tsx in
// execArgv, so tsx's hooks are registered here, then the TypeScript handler imported; pdfjs (3 MB of
// JavaScript) is loaded first, so tsx does not transform it again in every thread (a failure there is
// left for the document that needs pdfjs to report).
// Parsing and rendering are background work in a server: the thread runs below the server's thread that
// answers requests (on Linux a thread's niceness is its own), so a busy pool never keeps the server from
// answering. Where the system refuses, the thread runs at the normal priority. A command waiting for its
// parse (the pool's `background: false`) leaves the thread at its own priority.
import { existsSync } from 'node:fs';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { workerData } from 'node:worker_threads';
if (workerData?.background !== false) {
  try {
    setPriority(10);
  } catch {
    /* the normal priority */
  }
}
// A command's thread checks schemas without compiling parsers (schema-mode.ts), chosen before the handler,
// and with it the model's schemas, is loaded.
const oneOff = workerData?.background === false;
const compiled = new URL('./parse-worker.js', import.meta.url);
let handler;
if (existsSync(fileURLToPath(compiled))) {
  if (oneOff) (await import('./schema-mode.js')).checkSchemasWithoutCompiling();
  handler = await import(compiled.href);
} else {
  await import('../../importers/pdf/pdfjs-text.mjs').then((m) => m.loadPdfJs()).catch(() => null);
  const { register } = await import('tsx/esm/api');
  register();
  if (oneOff) (await import('./schema-mode.ts')).checkSchemasWithoutCompiling();
  handler = await import('./parse-worker.ts');
}
export default handler.default;
