/**
 * Fuzz over the corpus (issue 10): each corpus text damaged the ways real extractions are (pages cut
 * off, lines out of order, a column lost, pages printed twice, table titles missing), deterministically
 * from a seed. Never a crash: the only exception allowed is a FiscusError, and only for a text that no
 * longer shows a recognisable table (a catalogue title followed by printed amounts). Prints the counts.
 *
 *   FUZZ_SEED=7 node --import tsx --test test/corpus/fuzz.test.ts   (another seed; default 1)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importBytes } from '../../src/app/import-document.js';
import { validateDocument } from '../../src/app/validate.js';
import { FiscusError } from '../../src/domain/errors.js';
import { squashTitle, tableTypeOfTitle, titleParts } from '../../src/domain/catalogue/index.js';
import { seeded } from '../support/seeded.js';
import { amountRecall, amountsOf, corpusManifest, fmtRecall, mean, txtPath, type CorpusEntry } from './figures.js';

const SEED = Number(process.env.FUZZ_SEED ?? 1);
/** Cases: one per corpus document (a second mutation stacked on every third one), plus a single page of every 5th and the cover of every 10th: 78. */
const STACKED_EVERY = 3;

type Rand = () => number;
const pick = (r: Rand, n: number): number => Math.floor(r() * n);

/** Pages of a `pdftotext -layout` text (form feeds), each a list of lines. */
function pagesOf(text: string): string[][] {
  return text.split('\f').map((p) => p.split('\n'));
}
const joinPages = (pages: string[][]): string => pages.map((p) => p.join('\n')).join('\f');

/** A page index with amounts on it (or any page). */
function pageWithAmounts(pages: string[][], r: Rand): number {
  const withAmounts = pages.map((p, i) => [i, amountsOf(p.join('\n')).length] as const).filter(([, n]) => n > 0);
  return withAmounts.length ? withAmounts[pick(r, withAmounts.length)]![0] : pick(r, pages.length);
}

export const MUTATIONS: Record<string, (text: string, r: Rand, e: CorpusEntry) => string> = {
  /** The document stops early: the first k pages, the last of them cut mid-way. */
  'truncated pages': (text, r) => {
    const pages = pagesOf(text);
    const k = 1 + pick(r, Math.max(1, pages.length - 1));
    const kept = pages.slice(0, k);
    const last = kept[k - 1]!;
    kept[k - 1] = last.slice(0, 1 + pick(r, last.length));
    return joinPages(kept);
  },
  /** Lines out of order: a window of 5–40 lines of a page with amounts, shuffled. */
  'shuffled lines': (text, r) => {
    const pages = pagesOf(text);
    const p = pages[pageWithAmounts(pages, r)]!;
    const w = Math.min(p.length, 5 + pick(r, 36));
    const at = pick(r, p.length - w + 1);
    const win = p.slice(at, at + w);
    for (let i = win.length - 1; i > 0; i--) {
      const j = pick(r, i + 1);
      [win[i], win[j]] = [win[j]!, win[i]!];
    }
    p.splice(at, w, ...win);
    return joinPages(pages);
  },
  /** A column lost: the same character range (6–16 wide) cut from every line of 1–3 pages with amounts. */
  'removed column': (text, r) => {
    const pages = pagesOf(text);
    const first = pageWithAmounts(pages, r);
    const n = 1 + pick(r, 3);
    const width = Math.max(...pages[first]!.map((l) => l.length), 20);
    const from = 10 + pick(r, Math.max(1, width - 20));
    const w = 6 + pick(r, 11);
    for (let i = first; i < Math.min(pages.length, first + n); i++) pages[i] = pages[i]!.map((l) => l.slice(0, from) + l.slice(from + w));
    return joinPages(pages);
  },
  /** Pages printed twice: 1–3 pages, each repeated right after itself. */
  'duplicated pages': (text, r) => {
    const pages = pagesOf(text);
    const n = 1 + pick(r, 3);
    for (let k = 0; k < n; k++) {
      const i = pick(r, pages.length);
      pages.splice(i + 1, 0, [...pages[i]!]);
    }
    return joinPages(pages);
  },
  /** One page alone, picked at random (often no table left, or a table without its title). */
  'single page': (text, r) => {
    const pages = pagesOf(text);
    return pages[pick(r, pages.length)]!.join('\n');
  },
  /** The cover alone: the first 3–12 lines. */
  'cover only': (text, r) =>
    text
      .split('\n')
      .slice(0, 3 + pick(r, 10))
      .join('\n'),
  /** Table titles missing: each line naming a manifest table deleted with probability ½ (at least one). */
  'deleted title lines': (text, r, e) => {
    const cores = e.tables.map((t) => titleParts(t).core).filter((c) => c.length >= 4);
    const lines = text.split('\n');
    const hits = lines
      .map((l, i) => [i, squashTitle(l)] as const)
      .filter(([, s]) => cores.some((c) => s.includes(c)))
      .map(([i]) => i);
    const drop = new Set(hits.filter(() => r() < 0.5));
    if (drop.size === 0 && hits.length) drop.add(hits[pick(r, hits.length)]!);
    return lines.filter((_, i) => !drop.has(i)).join('\n');
  },
};
/** The mutations every document gets one of; 'single page' and 'cover only' are extra cases on every 5th and 10th. */
const KINDS = ['truncated pages', 'shuffled lines', 'removed column', 'duplicated pages', 'deleted title lines'];

/** A recognisable table: a line the catalogue reads as a table title with printed amounts in the 60 lines after it. */
export function hasRecognisableTable(text: string): boolean {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.length > 200 || !/表/.test(l) || !tableTypeOfTitle(l)) continue;
    if (amountsOf(lines.slice(i + 1, i + 61).join('\n')).length >= 3) return true;
  }
  return false;
}

interface Tally {
  cases: number;
  imported: number;
  refusedNoTable: number;
  refusedWithTable: string[];
  crashed: string[];
  recalls: number[];
}

test(`fuzz: corpus texts damaged (seed ${SEED}) import, or are refused only without a recognisable table; never crash`, async () => {
  const manifest = corpusManifest();
  const by = new Map<string, Tally>(Object.keys(MUTATIONS).map((k) => [k, { cases: 0, imported: 0, refusedNoTable: 0, refusedWithTable: [], crashed: [], recalls: [] }]));
  let cases = 0;
  const run = async (e: CorpusEntry, original: string, kinds: string[], r: Rand) => {
    let text = original;
    for (const k of kinds) text = MUTATIONS[k]!(text, r, e);
    const label = `${e.name} [${kinds.join(' + ')}]`;
    const t = by.get(kinds[kinds.length - 1]!)!;
    t.cases++;
    cases++;
    try {
      const doc = await importBytes(new TextEncoder().encode(text), `${e.name}.txt`);
      validateDocument(doc);
      t.imported++;
      t.recalls.push(amountRecall(text, doc).recall);
    } catch (err) {
      if (!(err instanceof FiscusError))
        t.crashed.push(
          `${label}: ${String((err as Error)?.stack ?? err)
            .split('\n')
            .slice(0, 3)
            .join(' | ')}`,
        );
      else if (hasRecognisableTable(text)) t.refusedWithTable.push(`${label}: ${err.oneLine()}`);
      else t.refusedNoTable++;
    }
  };
  for (const [i, e] of manifest.entries()) {
    const r = seeded(SEED * 1000 + i);
    const original = readFileSync(txtPath(e), 'utf8');
    const kinds = [KINDS[(i + SEED) % KINDS.length]!];
    if (i % STACKED_EVERY === 0) kinds.push(KINDS[(i + SEED + 1 + pick(r, KINDS.length - 1)) % KINDS.length]!);
    await run(e, original, kinds, r);
    if (i % 5 === 0) await run(e, original, ['single page'], r);
    if (i % 10 === 0) await run(e, original, ['cover only'], r);
  }
  console.log(`fuzz (seed ${SEED}): ${cases} cases over ${manifest.length} corpus texts`);
  console.log('  mutation (last applied)   cases  imported  refused (no table left)  refused with a table  crashed  mean recall of the damaged text');
  for (const [k, t] of by) {
    console.log(
      `  ${k.padEnd(24)}  ${String(t.cases).padStart(5)}  ${String(t.imported).padStart(8)}  ${String(t.refusedNoTable).padStart(23)}  ${String(t.refusedWithTable.length).padStart(20)}  ${String(t.crashed.length).padStart(7)}  ${t.recalls.length ? fmtRecall(mean(t.recalls)) : '—'}`,
    );
  }
  const crashed = [...by.values()].flatMap((t) => t.crashed);
  const refused = [...by.values()].flatMap((t) => t.refusedWithTable);
  for (const c of [...crashed, ...refused]) console.log(`  ${c}`);
  assert.deepEqual(crashed, [], 'crashes');
  assert.deepEqual(refused, [], 'refusals of a text that still shows a recognisable table');
});

test('the fuzz mutations are deterministic and change the text', () => {
  const e = corpusManifest()[0]!;
  const text = readFileSync(txtPath(e), 'utf8');
  for (const k of Object.keys(MUTATIONS)) {
    const a = MUTATIONS[k]!(text, seeded(42), e);
    assert.equal(a, MUTATIONS[k]!(text, seeded(42), e), k);
    assert.notEqual(a, text, k);
  }
  assert.ok(hasRecognisableTable(text));
  assert.ok(!hasRecognisableTable('封面\n2026年部门预算\n目录'));
});
