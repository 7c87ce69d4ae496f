#!/usr/bin/env node
// Entry point: runs the compiled JavaScript in dist/ (built by `npm install` through `prepare`, or
// `npm run build`). In a development checkout whose dist/ is missing, or older than a file of src/
// (edited since the last build), it runs the TypeScript sources through tsx instead, so a command never
// runs code older than the sources beside it, and says so in one line when stderr is a terminal (a
// program reading stderr, as the tests do, gets only the command's own lines).
// FISCUS_RUN=dist runs dist/ without comparing (the bench, while others edit a shared checkout);
// FISCUS_RUN=src runs the sources through tsx.
//
// From dist/, a command that checks or converts documents and exits (validate, import, report …) runs dist/cli/main.cjs, the CLI as one CommonJS file, compiled with V8's code cache: the
// functions an earlier run compiled are read from dist/code-cache/ (or FISCUS_CODE_CACHE_DIR) instead of
// being compiled again (issue 14; Node 20 caches code for scripts, not for ES modules). The cache is made
// by the build (scripts/build.mjs validates the sample once), and again after a run that found none or
// whose cache V8 rejected (another Node, a corrupt file): then it compiles as without one. A cache is
// named by the bundle's hash (V8 itself compares only the source's length), Node's version and the
// architecture; written to a temporary file and renamed, so concurrent runs never read half of one.
// The servers and the commands that open a workspace (ESM_COMMANDS) run dist/cli/main.js, whose ES
// modules hold hono and drizzle (scripts/build.mjs leaves them out of main.cjs).
// With --enable-source-maps (stack traces in src/), main.cjs is required as a file, without the cache.
// FISCUS_CODE_CACHE=off runs every command from dist/cli/main.js (the bench's reference).
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Why dist/ cannot be used for this checkout's sources, or null when it can. */
function distStale() {
  let built;
  try {
    built = Number(readFileSync(`${root}dist/.build-stamp`, 'utf8'));
  } catch {
    return 'dist/ 不存在或未构建完成';
  }
  // An installed package carries no src/: nothing to compare with.
  if (!existsSync(`${root}src`)) return null;
  for (const e of readdirSync(`${root}src`, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || e.name.endsWith('.test.ts') || e.name === 'README.md') continue;
    const path = `${e.parentPath}/${e.name}`;
    if (statSync(path).mtimeMs > built) return `dist/ 早于 ${path.slice(root.length)}`;
  }
  return null;
}

/** The commands dist/cli/main.cjs leaves out (scripts/build.mjs ESM_COMMANDS names their modules; accounts.ts registers org, user and token). */
const ESM_COMMANDS = new Set(['start', 'serve', 'worker', 'org', 'user', 'token', 'log', 'payments', 'monitor', 'evaluate']);

/**
 * Whether `argv` names a command (its first word, or the one after `help`) that dist/cli/main.cjs holds. The
 * top-level help and --version run dist/cli/main.js: a few kilobytes, less than main.cjs and its cache.
 */
function runsBundle(argv) {
  const words = argv.filter((a) => !a.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return name !== undefined && !ESM_COMMANDS.has(name) && !['-h', '--help', '-V', '--version'].includes(argv[0]);
}

/**
 * dist/cli/main.cjs compiled with its code cache: its `main`, and `save`, which writes the cache after the
 * run when there was none or V8 rejected it. Throws, if at all, before the CLI's main has run.
 */
function loadBundle() {
  const require = createRequire(import.meta.url);
  // Resolved as a module is (a module-resolve hook sees which file runs: test/cli/lazy-load.test.ts).
  const filename = require.resolve('../dist/cli/main.cjs');
  // Node 20 maps the stack traces of a required file to its sources (--enable-source-maps), not those of a vm.Script.
  if (process.sourceMapsEnabled) return { main: require(filename).main, save: () => undefined };
  const bytes = readFileSync(filename);
  const code = bytes.toString('utf8');
  const dir = process.env['FISCUS_CODE_CACHE_DIR'] || join(root, 'dist/code-cache');
  // Of the bytes read: hashing the string would encode its 2.4 MB again (3–4 ms).
  const key = createHash('sha1').update(bytes).digest('hex').slice(0, 16);
  const cacheFile = join(dir, `main-${key}-${process.version}-${process.arch}.bin`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${code}\n})`, {
    filename,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(filename), module, filename, dirname(filename));
  const save = () => {
    if (cachedData !== undefined && !script.cachedDataRejected) return;
    const temp = `${cacheFile}.${process.pid}.tmp`;
    try {
      // Not { recursive: true }: on Node 20 it loops forever where the parent cannot hold a folder (/proc).
      if (!existsSync(dir)) mkdirSync(dir);
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cacheFile);
    } catch {
      // A folder this user cannot write: the next run compiles as this one did.
      rmSync(temp, { force: true });
    }
  };
  return { main: module.exports.main, save };
}

const argv = process.argv.slice(2);
const mode = process.env['FISCUS_RUN'];
const why = mode === 'dist' ? null : mode === 'src' ? 'FISCUS_RUN=src' : distStale();
let main;
let save = () => undefined;
if (why === null) {
  if (process.env['FISCUS_CODE_CACHE'] !== 'off' && runsBundle(argv)) {
    try {
      ({ main, save } = loadBundle());
    } catch {
      // A dist/ built before main.cjs existed (its stamp newer than every source), or a file that would not load:
      // the ES modules run the command, as they did before.
      main = undefined;
    }
  }
  main ??= (await import('../dist/cli/main.js')).main;
} else {
  if (mode !== 'src' && process.stderr.isTTY) process.stderr.write(`fiscus：${why}，经 tsx 运行源码（npm run build 重新编译）\n`);
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(argv);
save();
