/**
 * The catalogue stays honest (typescript-eslint's docs tests): every registered rule has its folder
 * with rule.ts, a test file with a case expecting a finding, a README with what/why/basis/example
 * whose title and basis are the rule's metadata, and its line in docs/rules.md, which must equal what scripts/gen-rules-doc.ts generates now.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RULES } from './registry.js';
import { CATEGORIES } from './types.js';
import { renderRulesDoc, RULES_DOC } from '../../scripts/gen-rules-doc.js';

const DIR = fileURLToPath(new URL('.', import.meta.url));
const folders = readdirSync(DIR).filter((d) => /^bud-\d{3}-[a-z0-9-]+$/.test(d));
const folderOf = (id: string) => folders.find((d) => d.startsWith(`bud-${id.slice(4)}-`));

test('rule ids are unique, well-formed and name their folder', () => {
  assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length);
  for (const r of RULES) {
    assert.match(r.id, /^BUD-\d{3}$/, r.id);
    assert.ok(folderOf(r.id), `${r.id}: no folder src/rules/bud-${r.id.slice(4)}-<slug>/`);
    assert.ok(CATEGORIES.includes(r.category) && r.category !== 'internal', `${r.id}: category ${r.category}`);
    assert.ok(r.title && r.titleZh && r.basis && r.reads.length > 0, `${r.id}: metadata`);
  }
});

test('every rule folder is registered and its rule.ts exports the registered rule', async () => {
  for (const d of folders) {
    const id = `BUD-${d.slice(4, 7)}`;
    const registered = RULES.find((r) => r.id === id);
    assert.ok(registered, `${d}: rule ${id} is not registered (registry.ts and its catalogues)`);
    const mod = (await import(pathToFileURL(join(DIR, d, 'rule.ts')).href)) as { rule?: unknown };
    assert.equal(mod.rule, registered, `${d}/rule.ts does not export the registered rule`);
  }
});

test('every rule has tests including a case that expects a finding', () => {
  for (const r of RULES) {
    const p = join(DIR, folderOf(r.id) ?? '-', 'rule.test.ts');
    assert.ok(existsSync(p), `${r.id}: missing rule.test.ts`);
    const text = readFileSync(p, 'utf8');
    assert.ok((text.match(/\btest\(/g) ?? []).length >= 2, `${r.id}: needs an accept and a reject case`);
    // A reject case asserts on a finding: its message, severity, figures, or a non-zero count.
    const expectsFinding = /assert\.\w+\([^;]*(\.message|\.severity|\.difference|\.rule\b|length,\s*[1-9]|length\s*>\s*0|\.some\()/.test(text);
    assert.ok(expectsFinding, `${r.id}: no test expects a finding`);
  }
});

/** A README's title line and its Basis section (white space, line breaks too, read as one space). */
function readmeHead(text: string): { title: string | undefined; basis: string | undefined } {
  const title = /^# (.*)$/m.exec(text)?.[1]?.trim();
  const basis = /^## Basis[ \t]*\n+([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(text)?.[1]?.replace(/\s+/g, ' ').trim();
  return { title, basis };
}

test('every rule has a README with what, why, basis and example; its title and basis are the metadata', () => {
  for (const r of RULES) {
    const p = join(DIR, folderOf(r.id) ?? '-', 'README.md');
    assert.ok(existsSync(p), `${r.id}: missing README.md`);
    const text = readFileSync(p, 'utf8');
    for (const h of ['What', 'Why', 'Basis', 'Example']) {
      assert.match(text, new RegExp(`^## ${h}\\s*\\n+\\S`, 'm'), `${r.id}: README section ${h} missing or empty`);
    }
    const head = readmeHead(text);
    assert.equal(head.title, `${r.id}: ${r.title}`, `${r.id}: the README's title is not the rule's (# ${r.id}: title, rule.ts)`);
    assert.equal(head.basis, r.basis, `${r.id}: the README's Basis is not the rule's basis (rule.ts)`);
  }
});

test('the README check reads a title and a wrapped basis, and tells a changed one', () => {
  const readme = '# BUD-999: A title\n\n## What\nx\n\n## Basis\ndomain.md §3：所述\n  增减一致\n\n## Example\ny\n';
  assert.deepEqual(readmeHead(readme), { title: 'BUD-999: A title', basis: 'domain.md §3：所述 增减一致' });
  assert.deepEqual(readmeHead(readme.replace('## Example\ny\n', '')).basis, 'domain.md §3：所述 增减一致', 'a Basis section at the end');
  assert.notEqual(readmeHead(readme.replace('增减', '增加')).basis, readmeHead(readme).basis);
});

test('docs/rules.md lists every rule and is what the generator produces now', () => {
  const doc = readFileSync(RULES_DOC, 'utf8');
  for (const r of RULES) assert.ok(doc.includes(`| ${r.id} |`), `${r.id}: missing from docs/rules.md`);
  assert.equal(doc, renderRulesDoc(), 'docs/rules.md is out of date: run npm run docs:rules');
});
