/**
 * `node --import tsx scripts/review-todo.ts [OUT_DIR] [name-filter]`: for each corpus document, the
 * errors and warnings `validate` reports (text and PDF reads) that test/corpus/reviewed-findings.json
 * does not label yet, one Markdown file per document in OUT_DIR (default /tmp/review/todo) with each
 * finding's key, place and the text lines around it, for a reviewer to label (test/corpus/reviewed.ts).
 * Prints the counts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusManifest, documentFigures, txtPath } from '../test/corpus/figures.js';
import { findingKey, loadReviewed } from '../test/corpus/reviewed.js';
import type { Finding } from '../src/rules/types.js';

const out = process.argv[2] ?? '/tmp/review/todo';
const only = process.argv[3];
mkdirSync(out, { recursive: true });
const reviewed = loadReviewed();
let total = 0;
for (const e of corpusManifest()) {
  if (only && !e.name.includes(only)) continue;
  const f = await documentFigures(e);
  const text = readFileSync(txtPath(e), 'utf8');
  const lines = text.split('\n');
  // Page of each text line (pdftotext separates pages with a form feed).
  const pageOf: number[] = [];
  let page = 1;
  for (const l of lines) {
    pageOf.push(page);
    page += (l.match(/\f/g) ?? []).length;
  }
  const labelled = new Set((reviewed[e.name] ?? []).map((l) => findingKey(l)));
  const todo = new Map<string, { f: Finding; reads: string[] }>();
  for (const [mode, r] of [
    ['txt', f.txt],
    ['pdf', f.pdf],
  ] as const) {
    for (const x of r.findings) {
      const k = findingKey(x);
      if (labelled.has(k)) continue;
      // The text read comes first: its finding stands for the key (its line numbers are the text's).
      const t = todo.get(k) ?? todo.set(k, { f: x, reads: [] }).get(k)!;
      t.reads.push(`${mode} line ${x.location.line ?? '—'} page ${x.location.page ?? '—'}`);
    }
  }
  if (todo.size === 0) continue;
  total += todo.size;
  const md: string[] = [`# ${e.name}`, '', `${e.department} · ${e.region} · ${e.year} · ${e.kind} · text: ${txtPath(e)}`, '', `${todo.size} findings to label.`, ''];
  let i = 0;
  for (const [k, { f: x, reads }] of todo) {
    md.push(`## ${++i}. ${x.rule} ${x.severity}`, '', '```', x.message, '```', '', `key: \`${k}\``, `reads: ${reads.join('; ')}`, `place: ${JSON.stringify(x.location)}`);
    if (x.expected !== null || x.actual !== null) md.push(`expected ${x.expected ?? '—'}, actual ${x.actual ?? '—'}, difference ${x.difference ?? '—'} ${x.unit ?? ''}`);
    const txtRead = reads.find((s) => s.startsWith('txt'));
    const ln = txtRead ? Number(/line (\d+)/.exec(txtRead)?.[1]) : NaN;
    if (Number.isFinite(ln) && ln > 0) {
      md.push('', `text lines ${Math.max(1, ln - 4)}–${Math.min(lines.length, ln + 4)} (page ${pageOf[ln - 1]}):`, '```');
      for (let j = Math.max(1, ln - 4); j <= Math.min(lines.length, ln + 4); j++) md.push(`${String(j).padStart(5)}${j === ln ? '>' : ' '} ${lines[j - 1]!.replace(/\f/g, '')}`);
      md.push('```');
    }
    md.push('');
  }
  writeFileSync(join(out, `${e.name}.md`), md.join('\n'));
  console.log(`${e.name}: ${todo.size} to label`);
}
console.log(`total: ${total} findings to label, in ${out}`);
