/**
 * `node --import tsx scripts/review-merge.ts LABEL_DIR`: merges reviewers' labels (one JSON file per
 * corpus document, `<name>.json`, an array of { rule, severity, message, verdict, reason }) into
 * test/corpus/reviewed-findings.json: a label replaces the one of the same key (test/corpus/reviewed.ts),
 * documents in manifest order. Refuses a label without a boolean verdict or a reason.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusManifest } from '../test/corpus/figures.js';
import { findingKey, loadReviewed, REVIEWED_FILE, type Label, type Reviewed } from '../test/corpus/reviewed.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: review-merge.ts LABEL_DIR');
const reviewed = loadReviewed();
const out: Reviewed = {};
let added = 0;
for (const e of corpusManifest()) {
  const labels = new Map((reviewed[e.name] ?? []).map((l) => [findingKey(l), l]));
  const file = join(dir, `${e.name}.json`);
  if (existsSync(file)) {
    for (const l of JSON.parse(readFileSync(file, 'utf8')) as Label[]) {
      if (typeof l.verdict !== 'boolean' || !l.reason?.trim() || !l.rule || !l.message || (l.severity !== 'error' && l.severity !== 'warning')) {
        throw new Error(`${file}: a label needs rule, severity (error|warning), message, verdict (true|false) and a reason: ${JSON.stringify(l).slice(0, 200)}`);
      }
      if (!labels.has(findingKey(l))) added++;
      labels.set(findingKey(l), { rule: l.rule, severity: l.severity, message: l.message, verdict: l.verdict, reason: l.reason.trim() });
    }
  }
  if (labels.size) out[e.name] = [...labels.values()];
}
writeFileSync(REVIEWED_FILE, JSON.stringify(out, null, 1) + '\n');
console.log(`${added} labels added; ${Object.values(out).reduce((s, ls) => s + ls.length, 0)} in ${REVIEWED_FILE}`);
