/**
 * The pair rules' catalogue stays honest, as the one-document catalogue does (src/rules/catalogue.test.ts):
 * every REC rule has its folder with rule.ts exporting it, tests with a case expecting a finding, and a
 * README whose title and basis are the rule's metadata, with what, why, basis and example.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PAIR_RULES } from './registry.js';
import { RULES } from '../registry.js';

const DIR = fileURLToPath(new URL('.', import.meta.url));
const folders = readdirSync(DIR).filter((d) => /^rec-\d{3}-[a-z0-9-]+$/.test(d));
const folderOf = (id: string) => folders.find((d) => d.startsWith(`rec-${id.slice(4)}-`));

test('pair rule ids are unique, well-formed, apart from the one-document rules, and name their folder', () => {
  assert.equal(new Set(PAIR_RULES.map((r) => r.id)).size, PAIR_RULES.length);
  for (const r of PAIR_RULES) {
    assert.match(r.id, /^REC-\d{3}$/);
    assert.ok(!RULES.some((x) => x.id === r.id));
    assert.ok(folderOf(r.id), `${r.id}: no folder rec-${r.id.slice(4)}-<slug>/`);
    assert.ok(r.title && r.titleZh && r.basis, `${r.id}: metadata`);
  }
});

test('every pair rule folder is registered and its rule.ts exports the registered rule', async () => {
  assert.equal(folders.length, PAIR_RULES.length);
  for (const d of folders) {
    const registered = PAIR_RULES.find((r) => r.id === `REC-${d.slice(4, 7)}`);
    assert.ok(registered, `${d} is not registered`);
    const mod = (await import(pathToFileURL(join(DIR, d, 'rule.ts')).href)) as { rule?: unknown };
    assert.equal(mod.rule, registered);
  }
});

test('every pair rule has tests including a case that expects a finding', () => {
  for (const r of PAIR_RULES) {
    const text = readFileSync(join(DIR, folderOf(r.id) ?? '-', 'rule.test.ts'), 'utf8');
    assert.ok((text.match(/\btest\(/g) ?? []).length >= 2, `${r.id}: needs an accept and a reject case`);
    assert.ok(/assert\.\w+\([^;]*(\.message|\.severity|\.difference|length,\s*[1-9])/.test(text), `${r.id}: no test expects a finding`);
  }
});

test('every pair rule has a README: its id and title, what, why, its basis as the metadata says, an example', () => {
  for (const r of PAIR_RULES) {
    const p = join(DIR, folderOf(r.id) ?? '-', 'README.md');
    assert.ok(existsSync(p), `${r.id}: missing README.md`);
    const text = readFileSync(p, 'utf8');
    assert.equal(text.split('\n')[0], `# ${r.id} ${r.title}`);
    for (const h of ['What', 'Why', 'Basis', 'Example']) assert.match(text, new RegExp(`^## ${h}\\s*\\n+\\S`, 'm'), `${r.id}: README section ${h}`);
    const basis = /^## Basis\s*\n+(.+)$/m.exec(text)?.[1]?.trim();
    assert.equal(basis, `${r.basis}.`, `${r.id}: README basis`);
  }
});

test('docs/rules.md lists every pair rule with its basis', () => {
  const doc = readFileSync(fileURLToPath(new URL('../../../docs/rules.md', import.meta.url)), 'utf8');
  for (const r of PAIR_RULES) assert.ok(doc.includes(`| ${r.id} | ${r.severity} | ${r.title} |`), `${r.id}: missing from docs/rules.md (npm run docs:rules)`);
});
