#!/usr/bin/env node
// The build (`npm run build`, and `prepare` on `npm install`): strict tsc compiles src/ to dist/ (source
// maps on, `./x.ts` imports rewritten to `./x.js`; tsconfig.build.json), then every file of src/ that is
// not TypeScript (SQL migrations, web static files, the plain .mjs modules) is copied beside its
// compiled neighbours, so code that reads `new URL('./…', import.meta.url)` finds it in dist/ as in src/.
// Then the template of a new PGlite data folder (dist/pglite-template-<version>.tar.gz, see
// src/storage/pglite-template.ts). dist/.build-stamp holds the time the build started: bin/fiscus.js runs the sources through tsx when a
// file of src/ is newer (a development checkout edited since).
// Plain JavaScript on purpose: it runs before anything is compiled, without tsx.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const dist = join(root, 'dist');
const started = Date.now();

/** Source files the build does not copy: TypeScript (compiled) and the folders' READMEs. */
const notAnAsset = (name) => /\.(ts|tsx|mts|cts)$/.test(name) || name === 'README.md';

// A stamp from an earlier build must not vouch for this one if tsc fails half-way.
rmSync(join(dist, '.build-stamp'), { force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (r.status !== 0) {
  process.stderr.write(`构建失败：tsc 退出码 ${r.status ?? r.signal}\n`);
  process.exit(r.status || 1);
}

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
process.stdout.write(`fiscus 构建完成：dist/（tsc，另复制 ${copied} 个非 TypeScript 文件，PGlite ${version} 数据目录模板）\n`);
