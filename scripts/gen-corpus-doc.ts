/**
 * Generates docs/corpus.md: every corpus document read from its PDF and its text, with its recall,
 * tables, unplaced amounts, unknown cells and findings (test/corpus/figures.ts). Not checked by a test:
 * the figures move as the reader improves; the corpus test prints the same table.
 *
 *   npm run docs:corpus [-- --only <name part>]   (--only prints to standard output, writes nothing)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { corpusManifest, documentFigures, figuresTable, renderCorpusDoc, shortfalls, type DocumentFigures } from '../test/corpus/figures.js';

const DOC = fileURLToPath(new URL('../docs/corpus.md', import.meta.url));
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

const figs: DocumentFigures[] = [];
for (const e of corpusManifest()) {
  if (only && !e.name.includes(only)) continue;
  figs.push(await documentFigures(e));
  process.stderr.write(`\r${figs.length} documents read`);
}
process.stderr.write('\n');
if (only) {
  console.log(figuresTable(figs));
  for (const s of shortfalls(figs)) console.log(s);
} else {
  writeFileSync(DOC, renderCorpusDoc(figs));
  console.log(`docs/corpus.md: ${figs.length} documents`);
}
