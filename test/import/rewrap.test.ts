/**
 * Re-importing with the narrative's hard-wrapped lines joined and re-split at other widths gives the
 * same model (provenance aside): paragraphs and facts must not depend on where the PDF wrapped.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importBytes } from '../../src/app/import-document.js';
import { sampleText, withoutProvenance } from './helpers.js';

/** A narrative line that is a structural heading and must stay on its own line. */
const HEADING = /^\s*(第[一二三四五六七八九十]部分|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|（[一二三四五六七八九十]+）)/;

/**
 * Joins every run of consecutive narrative lines between headings into one string, then splits it
 * again every `width` characters (never inside a run of digits, so figures stay whole).
 */
function rewrap(text: string, width: number): string {
  const lines = text.split('\n');
  const end = lines.findIndex((l) => l.trim() === '表 1');
  const head = lines.slice(0, end).filter((l) => l.trim() !== '');
  const out: string[] = [];
  let run = '';
  const flush = () => {
    let rest = run;
    while (rest.length > width) {
      let cut = width;
      while (cut < rest.length && /[\d.,%]/.test(rest[cut]!) && /[\d.,]/.test(rest[cut - 1]!)) cut++;
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    if (rest) out.push(rest);
    run = '';
  };
  for (const l of head) {
    if (HEADING.test(l) || /^\s*\d+[.、]/.test(l)) flush();
    run += l.trim();
    // A heading line that is only a heading stays on its own line; a run-in heading carries its text.
    if (HEADING.test(l) && !/[。,，:：]/.test(l)) flush();
  }
  flush();
  return [...out, ...lines.slice(end)].join('\n');
}

for (const width of [23, 71]) {
  test(`re-wrapping the narrative at ${width} characters gives the same model`, async () => {
    const text = sampleText();
    const wrapped = rewrap(text, width);
    assert.notEqual(wrapped, text);
    const a = await importBytes(new TextEncoder().encode(text), 'a.txt');
    const b = await importBytes(new TextEncoder().encode(wrapped), 'a.txt');
    assert.deepEqual(withoutProvenance(b), withoutProvenance(a));
  });
}
