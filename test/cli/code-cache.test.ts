/**
 * Issue 14: bin/fiscus.js runs a command that checks or converts documents from dist/cli/main.cjs with V8's
 * code cache (scripts/build.mjs builds it). Seen from outside, with the cache in a folder of the test's own
 * (FISCUS_CODE_CACHE_DIR): a run that finds no cache writes one, named by the bundle's hash; the next one
 * uses it (leaves it as it is); a corrupt one is compiled past and replaced; concurrent runs leave one whole
 * file; and every one of these runs prints what the ES modules (dist/cli/main.js, FISCUS_CODE_CACHE=off)
 * print, with the same exit code. Every command's help runs from the file bin/fiscus.js gives it to (the
 * commands main.cjs leaves out answer there with an internal error).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fullProgram } from '../../src/cli/main.js';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const BIN = root('bin/fiscus.js');
const SAMPLE = root('samples/shenzhen-futian-data-center-2021-dept-budget.txt');
const dir = mkdtempSync(join(tmpdir(), 'fiscus-code-cache-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

type Run = { code: number | null; stdout: string; stderr: string };
/** `fiscus args` from dist/ (FISCUS_RUN=dist: the build the suite made first), its cache in `cache`. */
function fiscus(args: string[], cache: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, FISCUS_RUN: 'dist', FISCUS_CODE_CACHE_DIR: cache, ...env }, cwd: dir });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('error', fail);
    p.on('close', (code) => done({ code, stdout, stderr }));
  });
}
const files = (d: string) => readdirSync(d).sort();

test('validate of the sample: a cache is written, used, replaced when corrupt; the output is that of the ES modules throughout', async () => {
  const cache = join(dir, 'one');
  const esm = await fiscus(['validate', SAMPLE], cache, { FISCUS_CODE_CACHE: 'off' });
  assert.equal(esm.code, 1, esm.stderr); // the sample has errors: validate exits 1
  assert.match(esm.stdout, /errors, \d+ warnings/);
  assert.deepEqual(readdirSync(dir).includes('one') ? files(cache) : [], [], 'the ES modules write no cache');

  const first = await fiscus(['validate', SAMPLE], cache);
  assert.deepEqual(first, esm);
  // Named by the bundle's content, Node's version and the architecture.
  const hash = createHash('sha1')
    .update(readFileSync(root('dist/cli/main.cjs')))
    .digest('hex')
    .slice(0, 16);
  const name = `main-${hash}-${process.version}-${process.arch}.bin`;
  assert.deepEqual(files(cache), [name]);
  const made = readFileSync(join(cache, name));
  assert.ok(made.length > 100_000, `${made.length} bytes: the functions the run compiled`);

  const second = await fiscus(['validate', SAMPLE], cache);
  assert.deepEqual(second, esm);
  assert.ok(readFileSync(join(cache, name)).equals(made), 'a cache V8 accepted is left as it is');

  const corrupt = Buffer.alloc(made.length, 0x5a);
  writeFileSync(join(cache, name), corrupt);
  const third = await fiscus(['validate', SAMPLE], cache);
  assert.deepEqual(third, esm);
  assert.deepEqual(files(cache), [name]);
  assert.ok(!readFileSync(join(cache, name)).equals(corrupt), 'a rejected cache is replaced');

  const json = await fiscus(['validate', SAMPLE, '--format', 'json'], cache);
  assert.deepEqual(json, await fiscus(['validate', SAMPLE, '--format', 'json'], cache, { FISCUS_CODE_CACHE: 'off' }));
});

test('concurrent first runs leave one whole cache and no temporary file', async () => {
  const cache = join(dir, 'many');
  const runs = await Promise.all([1, 2, 3, 4].map(() => fiscus(['validate', SAMPLE, '--fail-on', 'never'], cache)));
  for (const r of runs) assert.deepEqual(r, runs[0]);
  assert.equal(runs[0]!.code, 0, runs[0]!.stderr);
  const [only, ...rest] = files(cache);
  assert.deepEqual(rest, []);
  assert.match(only!, /^main-[0-9a-f]{16}-v[\d.]+-\w+\.bin$/);
  // The cache written last is whole: the next run uses it, as it is.
  const before = readFileSync(join(cache, only!));
  assert.deepEqual(await fiscus(['validate', SAMPLE, '--fail-on', 'never'], cache), runs[0]);
  assert.ok(readFileSync(join(cache, only!)).equals(before));
});

test("every command's help runs from the file bin/fiscus.js runs it from", async () => {
  const cache = join(dir, 'help');
  const names = (await fullProgram()).commands.map((c) => c.name());
  assert.ok(names.includes('validate') && names.includes('serve'), names.join(' '));
  for (const name of names) {
    const r = await fiscus([name, '--help'], cache);
    assert.equal(r.code, 0, `${name}: ${r.stderr}`);
    assert.match(r.stdout, new RegExp(`^Usage: fiscus ${name} `), name);
  }
  // The commands main.cjs holds ran from it (their runs wrote its cache); the ES modules answer the same.
  assert.equal(files(cache).length, 1);
  assert.deepEqual(await fiscus(['help', 'report'], cache), await fiscus(['help', 'report'], cache, { FISCUS_CODE_CACHE: 'off' }));
});
