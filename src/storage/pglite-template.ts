/**
 * A new PGlite data folder starts from a template instead of running initdb: PostgreSQL's initdb in WASM
 * takes 6–10 s on a busy 2-core machine, unpacking its result about 2 s. The template is the data folder
 * of an empty PGlite (initdb only, no fiscus tables: the migrations run on it as on any folder), made by
 * the build (scripts/build.mjs) as dist/pglite-template-<PGlite version>.tar.gz. Without a template for
 * the installed PGlite (a checkout not built, PGlite upgraded since the build), initdb runs as before.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed PGlite's version (from its package.json, which its exports do not name). */
export function pgliteVersion(): string | null {
  let dir = dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
  for (let i = 0; i < 4; i++, dir = dirname(dir)) {
    const p = join(dir, 'package.json');
    if (!existsSync(p)) continue;
    const pkg = JSON.parse(readFileSync(p, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === '@electric-sql/pglite') return pkg.version ?? null;
  }
  return null;
}

/** The path of the build's template for the installed PGlite (a .tar.gz that PGlite's `loadDataDir` takes as a Blob); null when there is none. */
export function pgliteTemplatePath(): string | null {
  const version = pgliteVersion();
  if (version === null) return null;
  // dist/ beside src/: the same path from src/storage and from dist/storage.
  const path = fileURLToPath(new URL(`../../dist/pglite-template-${version}.tar.gz`, import.meta.url));
  return existsSync(path) ? path : null;
}
