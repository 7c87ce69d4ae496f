/**
 * Issue 14: `fiscus --help` and `fiscus --version` load no heavy package; each command loads its modules
 * only when it runs (src/cli/main.ts). Seen from outside: bin/fiscus.js runs under a module-resolve hook
 * (test/support/load-log.mjs) that writes every module the process resolves, imported or required, to a
 * file; a file of the build (dist/, scripts/build.mjs) counts as the packages bundled into it
 * (dist/bundled-packages.json). The same hook sees exceljs (required when a workbook is made) when
 * `fiscus template` runs, piscina (required) when `fiscus validate` reads a PDF in a parser thread, and
 * decimal.js (bundled) when it checks a text, so the test can fail.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const BIN = root('bin/fiscus.js');
const HOOK = root('test/support/load-log.mjs');
const HEAVY = ['pdfjs-dist', 'exceljs', 'echarts', '@electric-sql/pglite', 'pg', 'playwright-core', 'hono', 'drizzle-orm', 'piscina'];
const DIST = new URL('../../dist/', import.meta.url).href;
/** The packages bundled into each output file of the build (dist/bundled-packages.json; none when the CLI runs the sources). */
const bundled = (): Record<string, string[]> => {
  try {
    return JSON.parse(readFileSync(new URL('bundled-packages.json', DIST), 'utf8')) as Record<string, string[]>;
  } catch {
    return {};
  }
};
const dir = mkdtempSync(join(tmpdir(), 'fiscus-lazy-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** The packages (under node_modules) a run of `fiscus args` resolved, and its exit code and output. */
function packagesLoaded(args: string[]): { packages: Set<string>; code: number | null; stdout: string; stderr: string } {
  const log = join(dir, `${args.join('_').replace(/\W+/g, '_')}.log`);
  const r = spawnSync(process.execPath, ['--import', HOOK, BIN, ...args], { env: { ...process.env, FISCUS_LOAD_LOG: log }, encoding: 'utf8', cwd: dir });
  const packages = new Set<string>();
  for (const url of readFileSync(log, 'utf8').split('\n')) {
    const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (m) packages.add(m[1]!);
    // A file of the build holds the packages bundled into it (scripts/build.mjs).
    if (url.startsWith(DIST)) for (const p of bundled()[url.slice(DIST.length)] ?? []) packages.add(p);
  }
  return { packages, code: r.status, stdout: r.stdout, stderr: r.stderr };
}

for (const flag of ['--help', '--version']) {
  test(`fiscus ${flag} loads none of the heavy packages`, () => {
    const r = packagesLoaded([flag]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, flag === '--help' ? /Commands:[\s\S]*validate \[options\] <file>[\s\S]*audit/ : /^0\.1\.0\n$/);
    assert.deepEqual(
      HEAVY.filter((p) => r.packages.has(p)),
      [],
    );
  });
}

test('the same hook sees exceljs (required) when a command that needs it runs (fiscus template)', () => {
  const r = packagesLoaded(['template', '-o', join(dir, 'template.xlsx')]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.packages.has('exceljs'), [...r.packages].join(' '));
  // The other commands' modules stay unloaded.
  assert.deepEqual(
    ['pdfjs-dist', '@electric-sql/pglite', 'pg', 'playwright-core', 'hono'].filter((p) => r.packages.has(p)),
    [],
  );
});

test('the same hook sees piscina (required) when a command reads a PDF in a parser thread (fiscus validate of a PDF)', () => {
  const r = packagesLoaded(['validate', root('samples/pdf/shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.pdf'), '--fail-on', 'never']);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.packages.has('piscina'), [...r.packages].join(' '));
  assert.deepEqual(
    ['echarts', '@electric-sql/pglite', 'pg', 'playwright-core', 'hono', 'drizzle-orm'].filter((p) => r.packages.has(p)),
    [],
  );
});

test('fiscus validate of a small text reads it on its own thread: no parser thread, no piscina', () => {
  const r = packagesLoaded(['validate', root('samples/shenzhen-futian-data-center-2021-dept-budget.txt'), '--fail-on', 'never']);
  assert.equal(r.code, 0, r.stderr);
  // decimal.js (the rules' ratios): from node_modules when the CLI runs the sources, from a chunk of the build that holds it otherwise.
  assert.ok(r.packages.has('decimal.js'), [...r.packages].join(' '));
  assert.deepEqual(
    ['piscina', 'pdfjs-dist', 'echarts', '@electric-sql/pglite', 'pg', 'playwright-core', 'hono', 'drizzle-orm'].filter((p) => r.packages.has(p)),
    [],
  );
});
