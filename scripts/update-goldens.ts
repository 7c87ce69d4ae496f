/**
 * Regenerates the golden files of the three shared samples (test/golden/): each sample's canonical
 * JSON and its pinned findings (summary, every error and warning with rule, line and message).
 * The golden tests never write these files; run this deliberately (`npm run golden:update`), then
 * review `git diff test/golden/` before committing: every changed figure or finding must be explained.
 *
 *   npm run golden:update            rewrite the files that differ, print what changed
 *   npm run golden:update -- --check exit 1 when a file differs (writes nothing)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { canonicalJson, importSample, pinnedFindingsOf, pinnedJson, SAMPLES } from '../test/golden/samples.js';

const check = process.argv.includes('--check');
let differ = 0;
for (const s of SAMPLES) {
  const doc = await importSample(s);
  const pinned = pinnedFindingsOf(doc);
  for (const [path, text] of [
    [s.golden, canonicalJson(doc)],
    [s.findings, pinnedJson(pinned)],
  ] as const) {
    const before = existsSync(path) ? readFileSync(path, 'utf8') : null;
    const name = relative(process.cwd(), path);
    if (before === text) {
      console.log(`unchanged ${name}`);
      continue;
    }
    differ++;
    if (check) console.log(`differs   ${name}`);
    else {
      writeFileSync(path, text);
      console.log(`${before === null ? 'created  ' : 'rewrote  '} ${name}`);
    }
  }
  const { error, warning, info } = pinned.summary;
  console.log(`  ${s.name}: ${error} errors, ${warning} warnings, ${info} info; ${doc.tables.length} tables`);
}
if (check && differ > 0) {
  console.log(`${differ} golden file(s) differ: review, then npm run golden:update`);
  process.exitCode = 1;
}
