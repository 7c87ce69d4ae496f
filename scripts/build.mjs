#!/usr/bin/env node
// The build (`npm run build`, and `prepare` on `npm install`): esbuild bundles src/ into dist/ (source maps
// on), one file per entry: dist/cli/main.js (the CLI, which bin/fiscus.js runs), dist/app/isolation/
// parse-worker.js and schema-mode.js (a parser thread, started by worker-entry.mjs) and dist/app/audit-worker.js
// (a thread of `fiscus audit`); and dist/cli/main.cjs, the CLI of the commands that check a document and
// exit, as one CommonJS file with its V8 code cache (dist/code-cache/; see below and bin/fiscus.js). What an
// entry imports lazily (`await import('./x.js')`: a command, the rules, the importers) goes to shared chunks (dist/chunks/) loaded when that import runs, so a command still
// loads no code of the others. Node then resolves, reads and links a few dozen files instead of hundreds
// (issue 14: start-up). Packages stay in node_modules, imported by name, except the few of INLINE.
// Every file of src/ that is not TypeScript (SQL migrations, web static files, the plain .mjs modules) is
// copied to the same place under dist/. Code that finds a file beside itself (`new URL('./…',
// import.meta.url)`) is given the URL its module would have there (dist/<same path>.js), not the URL of the
// chunk it ends up in; a plain .mjs module imported by TypeScript stays a file of its own (one instance
// per thread, whoever imports it). Then the template of a new PGlite data folder
// (dist/pglite-template-<version>.tar.gz, see src/storage/pglite-template.ts). dist/.build-stamp holds the
// time the build started: bin/fiscus.js runs the sources through tsx when a file of src/ is newer (a
// development checkout edited since). esbuild only strips the types: strict tsc type-checks the whole tree
// in `npm test`.
// Plain JavaScript on purpose: it runs before anything is compiled, without tsx.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const dist = join(root, 'dist');
const started = Date.now();

/** The modules a process or thread starts from (each becomes dist/<same path>.js). */
const ENTRIES = ['cli/main.ts', 'app/isolation/parse-worker.ts', 'app/isolation/schema-mode.ts', 'app/audit-worker.ts'];

/**
 * Packages bundled with fiscus's own code rather than imported from node_modules by name: ES modules of
 * many small files that a server or a parser thread loads at start (zod 95 files, drizzle-orm 105, hono 58:
 * reading and linking each file costs more than compiling it), and the packages that import them, so that
 * a process holds one copy of each. CommonJS packages, and those that find files beside themselves
 * (PGlite's WebAssembly, pdfjs), stay in node_modules. dist/bundled-packages.json says which packages each
 * output file holds (test/cli/lazy-load.test.ts reads it to see which packages a command loads).
 */
const INLINE = new Set(['zod', '@hono/zod-openapi', '@hono/zod-validator', '@asteasolutions/zod-to-openapi', 'hono', '@hono/node-server', 'drizzle-orm', 'decimal.js', 'csv-parse']);

/** Source files the build does not copy: TypeScript (bundled) and the folders' READMEs. */
const notAnAsset = (name) => /\.(ts|tsx|mts|cts)$/.test(name) || name === 'README.md';

/** Stands for the path from an output file of dist/ back to dist/ itself; replaced once the outputs' places are known. */
const DIST = '@fiscus-dist@';
const posix = (p) => p.split(sep).join('/');

/**
 * `import.meta.url` of a module of src/ becomes the URL of the module's place in dist/ (where its
 * neighbours are copied); a relative import of a plain .mjs module stays an import of that file, copied
 * to dist/; a package is imported by name unless it is one of INLINE.
 */
/**
 * What both builds do to a module of src/ and to its imports. `place(own)` is the code that stands for
 * `import.meta.url` given the module's path relative to src/ (as .js); a package is imported by name
 * unless `inline` holds it; a relative import of a plain .mjs module of src/ becomes an import of its
 * copy, `at` + its path in dist/. import.meta.resolve of a package answers the same from any file of the
 * package; .dirname and .filename are not placed (new URL('./…', import.meta.url) says the same).
 */
function placeModules(build, { place, inline, at, more = (t) => t }) {
  build.onLoad({ filter: /\.tsx?$/ }, (args) => {
    const text = readFileSync(args.path, 'utf8');
    if (!text.includes('import.meta.')) return undefined;
    const other = /import\.meta\.(?!url\b|resolve\b)\w+/.exec(text);
    if (other) throw new Error(`${relative(root, args.path)}: ${other[0]} is not placed by the build (scripts/build.mjs): write new URL('./…', import.meta.url)`);
    const own = posix(relative(src, args.path)).replace(/\.tsx?$/, '.js');
    return { contents: more(text.replaceAll('import.meta.url', place(own))), loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
  });
  build.onResolve({ filter: /^[^./]/ }, (args) => {
    const name = /^(@[^/]+\/)?[^/]+/.exec(args.path)[0];
    return inline.has(name) ? undefined : { path: args.path, external: true };
  });
  build.onResolve({ filter: /^\.\.?\/.*\.mjs$/ }, (args) => {
    const target = join(args.resolveDir, args.path);
    if (!target.startsWith(src + sep)) return undefined;
    return { path: `${at}/${posix(relative(src, target))}`, external: true };
  });
}

const places = {
  name: 'fiscus-places',
  setup(build) {
    placeModules(build, { place: (own) => `new URL(${JSON.stringify(`${DIST}/${own}`)}, import.meta.url).href`, inline: INLINE, at: DIST });
  },
};

// A stamp from an earlier build must not vouch for this one if the build fails half-way.
rmSync(join(dist, '.build-stamp'), { force: true });
const result = await esbuild
  .build({
    entryPoints: ENTRIES.map((e) => join(src, e)),
    outbase: src,
    outdir: dist,
    entryNames: '[dir]/[name]',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    // The maps name the sources in src/ (as tsc's did); the text esbuild read has this build's placeholders in it.
    sourcesContent: false,
    tsconfig: join(root, 'tsconfig.json'),
    plugins: [places],
    write: false,
    metafile: true,
    logLevel: 'warning',
  })
  .catch((e) => {
    // esbuild has printed each error with its file and line.
    process.stderr.write(`构建失败：esbuild ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
    process.exit(1);
  });

// The bundles and the copies replace the last build's whole output (the PGlite template is kept: it depends only on PGlite's version).
for (const e of existsSync(dist) ? readdirSync(dist) : []) if (!/^pglite-template-/.test(e)) rmSync(join(dist, e), { recursive: true, force: true });
for (const f of result.outputFiles) {
  let text = f.text;
  if (f.path.endsWith('.js')) {
    const back = posix(relative(dirname(f.path), dist)) || '.';
    text = text.replaceAll(`${DIST}/`, `${back}/`);
  }
  if (text.includes(DIST)) throw new Error(`${relative(root, f.path)}: ${DIST} left in the output`);
  mkdirSync(dirname(f.path), { recursive: true });
  writeFileSync(f.path, text);
}

// Which packages each output file holds (its inputs under node_modules), of both builds.
const bundled = {};
const recordPackages = (metafile) => {
  for (const [out, meta] of Object.entries(metafile.outputs)) {
    const names = new Set(
      Object.keys(meta.inputs)
        .map((i) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(i)?.[1])
        .filter(Boolean),
    );
    if (names.size > 0) bundled[posix(relative(dist, join(root, out)))] = [...names].sort();
  }
};
recordPackages(result.metafile);

// The same CLI once more as one CommonJS file (dist/cli/main.cjs), for the commands that check or convert
// documents and exit (validate, import, report …, --help, --version): bin/fiscus.js compiles it with V8's
// code cache (vm.Script cachedData, dist/code-cache/), which Node 20 offers for scripts but not for ES
// modules, so such a command starts with its functions' code made by an earlier run instead of compiling
// them again (issue 14: `fiscus validate` of the sample within 300 ms). A lazy `await import('./x.js')` of
// fiscus's own code becomes code of this file that runs when the import does. It holds no server: the
// commands of ESM_COMMANDS (a server, a job worker, and those that open a workspace: accounts, log, payments, monitor, evaluate) are
// left out (their modules answer with an internal error) and bin/fiscus.js runs them from dist/cli/main.js,
// with hono and drizzle bundled. Packages stay in node_modules (hono, drizzle, pdfjs, exceljs, PGlite …
// loaded by name when a command needs them, as test/cli/lazy-load.test.ts checks by their files), except
// the small ones every such command loads (CJS_INLINE).
const ESM_COMMANDS = ['start', 'serve', 'worker', 'accounts', 'log', 'payments', 'monitor', 'evaluate'];
const CJS_INLINE = new Set(['commander', 'zod', 'decimal.js', 'csv-parse']);
const cjsPlaces = {
  name: 'fiscus-places-cjs',
  setup(build) {
    // dist/cli/main.cjs is one directory below dist/, as each module's own place is relative to it.
    placeModules(build, {
      place: (own) => `new URL(${JSON.stringify(`../${own}`)}, __fiscusUrl).href`,
      more: (text) => text.replaceAll('import.meta.resolve(', '__fiscusResolve('),
      inline: CJS_INLINE,
      at: '..',
    });
    build.onResolve({ filter: /^\.\/(\w+)\.js$/ }, (args) => {
      const name = /^\.\/(\w+)\.js$/.exec(args.path)[1];
      if (args.importer !== join(src, 'cli/main.ts') || !ESM_COMMANDS.includes(name)) return undefined;
      return { path: name, namespace: 'esm-command' };
    });
    build.onLoad({ filter: /.*/, namespace: 'esm-command' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`cli/${args.path}.ts 不在 dist/cli/main.cjs 中：它的命令由 dist/cli/main.js 运行（bin/fiscus.js 的 ESM_COMMANDS）`)});`,
      loader: 'js',
    }));
  },
};
const cjs = await esbuild
  .build({
    entryPoints: [join(src, 'cli/main.ts')],
    outfile: join(dist, 'cli/main.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    sourcesContent: false,
    // import() of a package becomes require(): a vm.Script compiled from a code cache has no callback for
    // import() on Node 20 (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), and Node's default one is experimental.
    supported: { 'dynamic-import': false },
    banner: {
      js: 'const __fiscusUrl = require("node:url").pathToFileURL(__filename).href; const __fiscusResolve = (s) => require("node:url").pathToFileURL(require.resolve(s)).href;',
    },
    tsconfig: join(root, 'tsconfig.json'),
    plugins: [cjsPlaces],
    metafile: true,
    logLevel: 'warning',
  })
  .catch((e) => {
    process.stderr.write(`构建失败：esbuild（dist/cli/main.cjs）${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
    process.exit(1);
  });
recordPackages(cjs.metafile);
writeFileSync(join(dist, 'bundled-packages.json'), JSON.stringify(bundled, null, 1) + '\n');

let copied = 0;
for (const e of readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!e.isFile() || notAnAsset(e.name)) continue;
  const from = join(e.parentPath, e.name);
  const to = join(dist, relative(src, from));
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  copied++;
}
// The template of a new PGlite data folder (src/storage/pglite-template.ts): an empty PGlite's data
// folder after initdb, once here rather than at every first `fiscus start`. Named by PGlite's version.
const pglite = await import('@electric-sql/pglite');
const version = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite'))), '..', 'package.json'), 'utf8')).version;
const template = join(dist, `pglite-template-${version}.tar.gz`);
if (!existsSync(template)) {
  const db = new pglite.PGlite();
  await db.waitReady;
  const blob = await db.dumpDataDir('gzip');
  await db.close();
  writeFileSync(`${template}.tmp`, Buffer.from(await blob.arrayBuffer()));
  renameSync(`${template}.tmp`, template);
}
writeFileSync(join(dist, '.build-stamp'), `${started}\n`);
// dist/cli/main.cjs's code cache (bin/fiscus.js), made by one `fiscus validate` of the sample: it holds the
// functions that run compiled (V8 compiles a function when it is first called), the start of every command
// and the import and checks of a text. Another command's own functions compile on their first call.
const sample = join(root, 'samples/shenzhen-futian-data-center-2021-dept-budget.txt');
if (existsSync(sample)) {
  const env = { ...process.env, FISCUS_RUN: 'dist' };
  delete env['FISCUS_CODE_CACHE'];
  delete env['FISCUS_CODE_CACHE_DIR'];
  const warm = spawnSync(process.execPath, [join(root, 'bin/fiscus.js'), 'validate', sample, '--fail-on', 'never'], { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (warm.status !== 0) {
    process.stderr.write(`构建失败：构建出的 fiscus validate 未能校验样例（退出码 ${warm.status}）\n${warm.stderr}`);
    process.exit(1);
  }
}
const js = result.outputFiles.filter((f) => f.path.endsWith('.js')).length;
process.stdout.write(
  `fiscus 构建完成：dist/（esbuild，${ENTRIES.length} 个入口、${js - ENTRIES.length} 个按需加载的分块；命令行单文件 cli/main.cjs 及其代码缓存；另复制 ${copied} 个非 TypeScript 文件，PGlite ${version} 数据目录模板）\n`,
);
