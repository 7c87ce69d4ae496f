// The thread that runs PGlite for a process (connection.ts, PGliteThread). Plain JavaScript, the same file
// in src/ and in dist/ (the build copies it): it imports only PGlite. PGlite runs each statement on the
// thread that holds it (WebAssembly, synchronously); here that is this thread, so a server's own thread
// keeps reading and answering requests meanwhile.
//
// Messages in: first { op: 'open', dataDir, template } when prestarted (workerData.deferred), then { id, op: 'query', sql, params, rowMode, keepText } | { id, op: 'exec', sql } | { id, op: 'close' }.
// Messages out: { ready: true } or { ready: false, error } once, then { id, result } or { id, error } per message,
// in the order the messages came (PGlite runs its statements one after another, in the order asked).
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/** An error as data (a thread can post only data): its message, name and fields (a PostgreSQL error's code, detail, constraint …). */
function errorData(e) {
  if (!(e instanceof Error)) return { message: String(e), name: 'Error', fields: {} };
  const fields = {};
  for (const [k, v] of Object.entries(e)) if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) fields[k] = v;
  return { message: e.message, name: e.name, fields };
}

/** The parsers that leave each of these types' text as it is (drizzle's, for dates and intervals). */
const keepingText = (oids) => Object.fromEntries((oids ?? []).map((oid) => [oid, (text) => text]));

let pg;
try {
  // A thread prestarted before its server knew the data folder (pglite-prestart.ts) compiles PGlite's
  // WebAssembly while it waits for the folder (PGlite's own start would compile the same file only then).
  let wasm;
  let where = workerData;
  if (workerData?.deferred) {
    const compiling = WebAssembly.compile(readFileSync(new URL('pglite.wasm', import.meta.resolve('@electric-sql/pglite'))));
    // Awaited below; a failure is PGlite's own start's to report (it compiles the file again).
    compiling.catch(() => undefined);
    where = await new Promise((resolve) => parentPort.once('message', resolve));
    wasm = await compiling.catch(() => undefined);
  }
  const { dataDir, template } = where;
  pg = new PGlite(dataDir ?? undefined, { ...(template ? { loadDataDir: new Blob([readFileSync(template)]) } : {}), ...(wasm ? { pgliteWasmModule: wasm } : {}) });
  await pg.waitReady;
  parentPort.postMessage({ ready: true });
} catch (e) {
  parentPort.postMessage({ ready: false, error: errorData(e) });
  process.exit(1);
}

parentPort.on('message', async (m) => {
  try {
    let result = null;
    if (m.op === 'query') result = await pg.query(m.sql, m.params, { rowMode: m.rowMode, parsers: keepingText(m.keepText) });
    else if (m.op === 'exec') result = await pg.exec(m.sql);
    else if (m.op === 'close') await pg.close();
    else throw new Error(`pglite-thread: unknown message ${m.op}`);
    parentPort.postMessage({ id: m.id, result });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: errorData(e) });
  }
});
