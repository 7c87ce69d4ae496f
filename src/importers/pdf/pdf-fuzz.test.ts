import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FiscusError } from '../../domain/errors.js';
import { readPdf, type PdfText } from './read.js';
import { buildPdf, seeded } from './test-pdf.js';

const SAMPLE = fileURLToPath(new URL('../../../samples/pdf/shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.pdf', import.meta.url));
const sample = new Uint8Array(readFileSync(SAMPLE));
const small = buildPdf([
  {
    runs: [
      { x: 60, y: 780, size: 14, text: '部门预算', font: 'CJK' },
      { x: 60, y: 750, size: 10, text: 'Total' },
      { x: 400, y: 750, size: 10, text: '1,234.56' },
    ],
  },
  { runs: [{ x: 60, y: 780, size: 10, text: 'Second page 42' }] },
]);
const CASE_MS = 15_000;

/** Reads, and returns either the text or the FiscusError; anything else fails the test. */
async function outcome(bytes: Uint8Array): Promise<PdfText | FiscusError> {
  try {
    return await readPdf(bytes, 'fuzz.pdf');
  } catch (e) {
    assert.ok(e instanceof FiscusError, `expected a FiscusError, got ${String(e)}`);
    assert.equal(e.code, 'INPUT_UNREADABLE');
    assert.match(e.message, /^应为.+，实为.+/);
    assert.equal(e.where.file, 'fuzz.pdf');
    return e;
  }
}

const DAMAGED = /^应为可读的 PDF，实为(损坏的文件（.+）|空文件)$/;
// Corruption that wipes out every text operator leaves a valid PDF without text.
const DAMAGED_OR_EMPTY = /^应为(可读的 PDF，实为(损坏的文件（.+）|空文件)|有文本层的 PDF，实为没有文本（.+）)$/;

test('truncated PDFs are refused as damaged at every offset', async (t) => {
  for (const [name, base] of [
    ['sample', sample],
    ['small', small],
  ] as const) {
    const offsets = [0, 5, 9, 100, Math.floor(base.length / 3), Math.floor(base.length / 2), base.length - 200, base.length - 7];
    for (const at of offsets) {
      await t.test(`${name} cut at ${at} of ${base.length}`, { timeout: CASE_MS }, async () => {
        const r = await outcome(base.subarray(0, at));
        assert.ok(r instanceof FiscusError, 'a truncated file must not read');
        assert.match(r.message, DAMAGED);
      });
    }
  }
});

test('random byte corruption (fixed seed) ends in a read or a clear damaged-file error, never a crash', async (t) => {
  const rnd = seeded(20240218);
  const tally = { damaged: 0, read: 0 };
  const runs: [string, Uint8Array, number][] = [
    ['sample', sample, 12],
    ['small', small, 40],
  ];
  for (const [name, base, count] of runs) {
    for (let k = 0; k < count; k++) {
      const bytes = new Uint8Array(base);
      const n = 1 + Math.floor(rnd() * 64);
      // Keep the header: a file without one is not a PDF at all (the format sniffer's business).
      for (let i = 0; i < n; i++) bytes[16 + Math.floor(rnd() * (bytes.length - 16))] = Math.floor(rnd() * 256);
      await t.test(`${name} #${k}: ${n} bytes changed`, { timeout: CASE_MS }, async () => {
        const r = await outcome(bytes);
        if (r instanceof FiscusError) {
          assert.match(r.message, DAMAGED_OR_EMPTY);
          tally.damaged++;
        } else {
          // What survives corruption still has its pages and every line on one.
          assert.ok(r.pages.length >= 1);
          assert.ok(r.source.lines.every((l) => l.page !== null && l.page >= 1 && l.page <= r.pages.length));
          tally.read++;
        }
      });
    }
  }
  console.log(`corruption outcomes: ${tally.damaged} refused as damaged, ${tally.read} read`);
  assert.ok(tally.damaged > 0, 'corruption must be detected at least sometimes');
});

test('a content stream whose compressed data is damaged is refused, not read as empty', { timeout: CASE_MS }, async () => {
  const text = Buffer.from(sample).toString('latin1');
  const at = text.indexOf('/FlateDecode');
  const start = text.indexOf('stream', at) + 'stream'.length + 2 + 8;
  const bytes = new Uint8Array(sample);
  for (let i = start; i < start + 32; i++) bytes[i] = 0xff;
  const r = await outcome(bytes);
  assert.ok(r instanceof FiscusError);
  assert.match(r.message, DAMAGED);
});

test('a password-protected PDF is refused as such', { timeout: CASE_MS }, async () => {
  const r = await outcome(buildPdf([{ runs: [{ x: 60, y: 750, size: 10, text: 'secret figures 1,000.00' }] }], { userPassword: 'secret' }));
  assert.ok(r instanceof FiscusError);
  assert.equal(r.message, '应为未加密的 PDF，实为有密码保护的 PDF');
});

test('the encrypted fixture is genuine: pdfjs opens it with its password', { timeout: CASE_MS }, async () => {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const bytes = buildPdf([{ runs: [{ x: 60, y: 750, size: 10, text: 'secret figures 1,000.00' }] }], { userPassword: 'secret' });
  const task = pdfjs.getDocument({ data: bytes, password: 'secret', verbosity: 0, isEvalSupported: false });
  try {
    const doc = await task.promise;
    const tc = await (await doc.getPage(1)).getTextContent();
    assert.equal(tc.items.map((i) => ('str' in i ? i.str : '')).join(''), 'secret figures 1,000.00');
  } finally {
    await task.destroy();
  }
});

test('an image-only PDF asks for OCR and names its pages', { timeout: CASE_MS }, async () => {
  const one = await outcome(buildPdf([{ image: true }]));
  assert.ok(one instanceof FiscusError);
  assert.equal(one.message, '应为有文本层的 PDF，实为只有图像（第 1 页）：需要 OCR');
  const three = await outcome(buildPdf([{ image: true }, { image: true }, { image: true }]));
  assert.ok(three instanceof FiscusError);
  assert.equal(three.message, '应为有文本层的 PDF，实为只有图像（第 1…3 页）：需要 OCR');
});

test('a PDF with pages but neither text nor images says it found no text', { timeout: CASE_MS }, async () => {
  const r = await outcome(buildPdf([{}, {}]));
  assert.ok(r instanceof FiscusError);
  assert.equal(r.message, '应为有文本层的 PDF，实为没有文本（第 1…2 页）');
});

test('one scanned page among text pages does not stop the read', { timeout: CASE_MS }, async () => {
  const r = await outcome(buildPdf([{ runs: [{ x: 60, y: 750, size: 10, text: 'page one' }] }, { image: true }]));
  assert.ok(!(r instanceof FiscusError));
  assert.equal(r.pages.length, 2);
  assert.deepEqual(
    r.source.lines.map((l) => [l.page, l.text]),
    [[1, 'page one']],
  );
});
