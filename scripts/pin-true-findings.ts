/**
 * `node --import tsx scripts/pin-true-findings.ts`: pins the findings labelled true (after review, in
 * test/corpus/reviewed-findings.json) that the corpus reads report now, per document and read, in
 * test/corpus/true-findings.json. The corpus test fails when one of them is no longer reported. Run
 * it after a review, when a change is known to keep or rightly remove a true finding; never from a test.
 */
import { writeFileSync } from 'node:fs';
import { corpusManifest, documentFigures } from '../test/corpus/figures.js';
import { loadReviewed, trueKeys, TRUE_FINDINGS_FILE, type PinnedTrue } from '../test/corpus/reviewed.js';

const reviewed = loadReviewed();
const out: PinnedTrue = {};
let n = 0;
for (const e of corpusManifest()) {
  const f = await documentFigures(e);
  const labels = reviewed[e.name] ?? [];
  out[e.name] = { txt: trueKeys(f.txt.findings, labels), pdf: trueKeys(f.pdf.findings, labels) };
  n += out[e.name]!.txt.length + out[e.name]!.pdf.length;
}
writeFileSync(TRUE_FINDINGS_FILE, JSON.stringify(out, null, 1) + '\n');
process.stdout.write(`${TRUE_FINDINGS_FILE}: ${n} true findings of ${Object.keys(out).length} documents pinned\n`);
