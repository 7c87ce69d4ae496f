#!/usr/bin/env node
// The build (`npm run build`, and `prepare` on `npm install`): esbuild bundles src/ into dist/ (source maps
// on), one file per entry: dist/cli/main.js (the CLI, which bin/fiscus.js runs), dist/app/isolation/
// parse-worker.js and schema-mode.js (a parser thread, started by worker-entry.mjs) and dist/app/audit-worker.js
// (a thread of `fiscus audit`). What an entry imports lazily (`await import('./x.js')`: a command, the rules,
// the importers) goes to shared chunks (dist/chunks/) loaded when that import runs, so a command still
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
const places = {
  name: 'fiscus-places',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.')) return undefined;
      const own = `${DIST}/${posix(relative(src, args.path)).replace(/\.tsx?$/, '.js')}`;
      const url = `new URL(${JSON.stringify(own)}, import.meta.url).href`;
      // import.meta.resolve of a package answers the same from any file of the package; .dirname and
      // .filename are not placed (new URL('./…', import.meta.url) says the same).
      const other = /import\.meta\.(?!url\b|resolve\b)\w+/.exec(text);
      if (other) throw new Error(`${relative(root, args.path)}: ${other[0]} is not placed by the build (scripts/build.mjs): write new URL('./…', import.meta.url)`);
      text = text.replaceAll('import.meta.url', url);
      return { contents: text, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = /^(@[^/]+\/)?[^/]+/.exec(args.path)[0];
      return INLINE.has(name) ? undefined : { path: args.path, external: true };
    });
    build.onResolve({ filter: /^\.\.?\/.*\.mjs$/ }, (args) => {
      const target = join(args.resolveDir, args.path);
      if (!target.startsWith(src + sep)) return undefined;
      return { path: `${DIST}/${posix(relative(src, target))}`, external: true };
    });
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

// Which packages each output file holds (its inputs under node_modules).
const bundled = {};
for (const [out, meta] of Object.entries(result.metafile.outputs)) {
  const names = new Set(
    Object.keys(meta.inputs)
      .map((i) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(i)?.[1])
      .filter(Boolean),
  );
  if (names.size > 0) bundled[posix(relative(dist, join(root, out)))] = [...names].sort();
}
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
const js = result.outputFiles.filter((f) => f.path.endsWith('.js')).length;
process.stdout.write(`fiscus 构建完成：dist/（esbuild，${ENTRIES.length} 个入口、${js - ENTRIES.length} 个按需加载的分块；另复制 ${copied} 个非 TypeScript 文件，PGlite ${version} 数据目录模板）\n`);
