// Entry of a parser thread (see pool.ts). Plain JavaScript: on Node 20 a worker cannot start from a
// .ts file even with tsx in execArgv, so tsx's hooks are registered here, then the TypeScript handler
// imported. pdfjs (3 MB of JavaScript) is loaded first, so tsx does not transform it again in every
// thread; a failure there is left for the document that needs pdfjs to report.
// Parsing and rendering are background work: the thread runs below the server's thread that answers
// requests (on Linux a thread's niceness is its own), so a busy pool never keeps the server from
// answering. Where the system refuses, the thread runs at the normal priority.
import { setPriority } from 'node:os';
try {
  setPriority(10);
} catch {
  /* the normal priority */
}
await import('../../importers/pdf/pdfjs-text.mjs').then((m) => m.loadPdfJs()).catch(() => null);
const { register } = await import('tsx/esm/api');
register();
const handler = await import('./parse-worker.ts');
export default handler.default;
