/**
 * The three shared samples, read by their profiles (Shenzhen, Shanghai budget, Shanghai final
 * accounts), hold the amounts they print as `../shared/tools/amount-recall.py` measures it (the tool
 * itself is run on the model's JSON): narrative repeats included, as the generic reader does. Before,
 * the Shenzhen profile's narrative amounts carried no provenance of their own and it measured 0.874.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importBytes } from '../../src/app/import-document.js';
import { parseRecallTool, RECALL_TOOL } from '../corpus/figures.js';

const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));
const CASES: Array<[file: string, profile: string, floor: number]> = [
  ['shenzhen-futian-data-center-2021-dept-budget.txt', 'shenzhen-dept-budget', 0.99],
  ['shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.txt', 'shanghai-budget', 0.99],
  ['shanghai-putuo-finance-bureau-2024-dept-final-accounts.txt', 'shanghai-final-accounts', 0.99],
];

test('the shared samples, read by their own profiles, hold what they print (amount-recall.py ≥ 0.99 each)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fiscus-recall-'));
  try {
    for (const [file, profile, floor] of CASES) {
      const path = join(SAMPLES, file);
      const doc = await importBytes(new Uint8Array(readFileSync(path)), file);
      assert.equal(doc.profile, profile, file);
      const model = join(dir, `${file}.json`);
      writeFileSync(model, JSON.stringify(doc));
      const r = parseRecallTool(execFileSync('python3', [RECALL_TOOL, path, model], { encoding: 'utf8' }));
      console.log(`${file}: recall ${r.recall.toFixed(3)} (${r.held}/${r.printed})`);
      assert.ok(r.recall >= floor, `${file}: recall ${r.recall} < ${floor}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
