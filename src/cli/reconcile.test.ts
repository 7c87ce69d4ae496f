import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BUDGET_FILE, CHANGED_CLASS_FILE, FINAL_FILE, MISSING_EXPLANATION_FILE } from '../../test/fixtures/reconcile/make-fixtures.js';

const BIN = fileURLToPath(new URL('../../bin/fiscus.js', import.meta.url));

/** Runs `node bin/fiscus.js` in a child process (this process's stdout is the test runner's). */
function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { maxBuffer: 1 << 26 }, (e, out, err) => resolve({ code: e ? Number((e as { code?: number }).code ?? 99) : 0, out, err }));
  });
}

test('reconcile exits 0 on the unedited pair and 1 on errors, with one JSON object', async () => {
  const ok = await cli(['reconcile', BUDGET_FILE, FINAL_FILE]);
  assert.equal(ok.code, 0, ok.err);
  assert.match(ok.out, /0 errors, 0 warnings, 0 info, 0 not checked \(5 rules\)/);
  const bad = await cli(['reconcile', CHANGED_CLASS_FILE, FINAL_FILE, '--format', 'json']);
  assert.equal(bad.code, 1, bad.err);
  const j = JSON.parse(bad.out) as { summary: { error: number }; findings: Array<{ rule: string; location: { line: number } }> };
  assert.equal(j.summary.error, 3);
  assert.deepEqual(
    j.findings.map((f) => [f.rule, f.location.line]),
    [
      ['REC-001', 618],
      ['REC-004', 618],
      ['REC-001', 632],
    ],
  );
});

test('--fail-on warning exits 1 on a missing explanation; a pair of other units exits 2', async () => {
  const w = await cli(['reconcile', BUDGET_FILE, MISSING_EXPLANATION_FILE]);
  assert.equal(w.code, 0);
  assert.equal((await cli(['reconcile', BUDGET_FILE, MISSING_EXPLANATION_FILE, '--fail-on', 'warning'])).code, 1);
  const other = await cli(['reconcile', fileURLToPath(new URL('../../samples/shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.txt', import.meta.url)), FINAL_FILE]);
  assert.equal(other.code, 2);
  assert.match(other.err, /只核对同一单位的预算与决算/);
  assert.equal((await cli(['reconcile', BUDGET_FILE, FINAL_FILE, '--deviation', 'x'])).code, 2);
});
