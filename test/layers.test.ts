/**
 * The import-direction check between layers (docs: ../shared/docs/design.md "Layers").
 * Fails on any import against the arrows, and on a rule folder importing another rule folder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';

const SRC = resolve(import.meta.dirname, '../src');

/** layer → layers it may import (besides itself). */
export const ALLOWED: Record<string, string[]> = {
  domain: [],
  rules: ['domain'],
  scoring: ['domain'],
  importers: ['domain'],
  reports: ['domain', 'rules', 'scoring'],
  storage: ['domain', 'rules', 'scoring'],
  app: ['domain', 'rules', 'scoring', 'importers', 'reports', 'storage'],
  api: ['app', 'domain'],
  // The CLI is the process entry point: `fiscus serve` composes the two HTTP front doors.
  cli: ['app', 'domain', 'api', 'web'],
  web: ['app', 'domain'],
};

/**
 * Narrower permissions than a whole layer: the web renders the same pure view models as the
 * documents (design.md "Layers": web ← app, domain and reports/view), never the renderers.
 */
export const ALLOWED_PATHS: Record<string, string[]> = {
  web: [`reports${sep}view${sep}`],
};

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.tsx?$/.test(name)) yield p;
  }
}

const IMPORT_RE = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export function violations(): string[] {
  const out: string[] = [];
  for (const f of files(SRC)) {
    if (/\.test\.tsx?$/.test(f)) continue; // tests may reach across layers to build fixtures
    const rel = relative(SRC, f);
    const layer = rel.split(sep)[0]!;
    const allowed = ALLOWED[layer];
    if (!allowed) {
      out.push(`${rel}: file outside the known layers`);
      continue;
    }
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(IMPORT_RE)) {
      const spec = m[1] ?? m[2]!;
      if (!spec.startsWith('.')) continue;
      const target = relative(SRC, resolve(dirname(f), spec));
      const tLayer = target.split(sep)[0]!;
      if (tLayer.startsWith('..')) continue;
      const byPath = (ALLOWED_PATHS[layer] ?? []).some((p) => target.startsWith(p));
      if (tLayer !== layer && !allowed.includes(tLayer) && !byPath) out.push(`${rel}: ${layer} must not import ${tLayer} (${spec})`);
      if (layer === 'rules' && tLayer === 'rules') {
        const from = rel.split(sep)[1] ?? '';
        const to = target.split(sep)[1] ?? '';
        if (/^[a-z]{3}-\d{3}/.test(from) && /^[a-z]{3}-\d{3}/.test(to) && from !== to) out.push(`${rel}: rule ${from} must not import rule ${to}`);
      }
    }
  }
  return out;
}

test('no source file imports against the layer arrows', () => {
  assert.deepEqual(violations(), []);
});

test('the layer check catches a domain file importing an outer layer', () => {
  const text = "import { x } from '../storage/db.js';";
  const m = [...text.matchAll(IMPORT_RE)];
  assert.equal(m.length, 1);
  assert.equal(ALLOWED.domain!.includes('storage'), false);
});
