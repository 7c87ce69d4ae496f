/**
 * Imports every corpus document (../shared/corpus: each PDF and each text) and writes the JSON of each
 * document, or of the error it ends in, to a directory; with `--compare DIR` compares against a
 * previous run's directory byte for byte. For performance work: a change that only makes import faster
 * must leave every file identical.
 *
 *   node --import tsx scripts/import-identity.ts OUT_DIR [--compare BEFORE_DIR]
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { importFile } from '../src/app/import-document.js';
import { corpusManifest, pdfPath, txtPath } from '../test/corpus/figures.js';

const args = process.argv.slice(2);
const out = args[0];
if (!out) throw new Error('usage: import-identity.ts OUT_DIR [--compare BEFORE_DIR]');
const cmpAt = args.indexOf('--compare');
const before = cmpAt >= 0 ? args[cmpAt + 1] : undefined;
mkdirSync(out, { recursive: true });
let compared = 0;
const differ: string[] = [];
for (const e of corpusManifest()) {
  for (const [kind, path] of [
    ['pdf', pdfPath(e)],
    ['txt', txtPath(e)],
  ] as const) {
    let json: string;
    try {
      json = JSON.stringify(await importFile(path), null, 1);
    } catch (err) {
      json = JSON.stringify({ error: String(err) });
    }
    const name = `${e.name}.${kind}.json`;
    writeFileSync(`${out}/${name}`, json);
    if (before) {
      const prev = `${before}/${name}`;
      compared++;
      if (!existsSync(prev) || readFileSync(prev, 'utf8') !== json) differ.push(name);
    }
  }
}
if (before) {
  console.log(`${compared} documents compared, ${differ.length} differ${differ.length ? ':\n  ' + differ.join('\n  ') : ''}`);
  process.exitCode = differ.length ? 1 : 0;
} else console.log(`written to ${out}`);
