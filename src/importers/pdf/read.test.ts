import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSourceText } from '../text/source.js';
import { readPdf } from './read.js';
import { buildPdf } from './test-pdf.js';

test('a PDF reads into paged, numbered lines that match its synthesized text', async () => {
  const pdf = buildPdf([
    {
      runs: [
        { x: 60, y: 780, size: 14, text: '部⻔预算', font: 'CJK' },
        { x: 60, y: 750, size: 10, text: 'Total' },
        { x: 400, y: 750, size: 10, text: '1,234.56' },
      ],
    },
    { runs: [{ x: 60, y: 780, size: 10, text: 'Page two' }] },
  ]);
  const r = await readPdf(pdf, 'two.pdf');
  assert.equal(r.source.pages, 2);
  assert.deepEqual(
    r.source.lines.map((l) => [l.page, l.text.replace(/ {2,}/g, '|')]),
    [
      [1, '部门预算'],
      [1, 'Total|1,234.56'],
      [2, 'Page two'],
    ],
  );
  // Line numbers point into r.text; reading that text back gives the very same lines.
  const again = readSourceText(new TextEncoder().encode(r.text), 'two.txt');
  // The same lines; their cells differ only in measure (a PDF's are measured, the text's counted).
  const plain = (ls: typeof r.source.lines) => ls.map(({ no, text, page, indent }) => ({ no, text, page, indent }));
  assert.deepEqual(plain(again.lines), plain(r.source.lines));
  const words = (ls: typeof r.source.lines) => ls.map((l) => l.cells?.flatMap((c) => c.text.split(/\s+/)));
  assert.deepEqual(words(again.lines), words(r.source.lines));
  for (const l of r.source.lines) assert.equal(r.text.split('\n')[l.no - 1]!.trim(), l.text);
  assert.equal(r.source.sha256.length, 64);
});

test('positioned cells are exposed per line with x and width', async () => {
  const r = await readPdf(
    buildPdf([
      {
        runs: [
          { x: 60, y: 750, size: 10, text: 'Total' },
          { x: 400, y: 750, size: 10, text: '99.00' },
        ],
      },
    ]),
    'c.pdf',
  );
  const cells = r.pages[0]!.lines[0]!.items;
  assert.deepEqual(
    cells.map((c) => c.text),
    ['Total', '99.00'],
  );
  assert.equal(Math.round(cells[1]!.x), 400);
  assert.ok(cells[0]!.width > 20 && cells[0]!.width < 30, String(cells[0]!.width));
});

test('a word split into runs and an inline figure in another font come out whole', async () => {
  const r = await readPdf(
    buildPdf([
      {
        runs: [
          { x: 60, y: 750, size: 12, text: '年初预算为', font: 'CJK' },
          { x: 120, y: 750, size: 12, text: '85.55', font: 'F2' },
          { x: 147, y: 750, size: 12, text: '万元', font: 'CJK' },
          { x: 60, y: 720, size: 10, text: 'Bud' },
          { x: 78.34, y: 720, size: 10, text: 'get' },
        ],
      },
    ]),
    's.pdf',
  );
  assert.deepEqual(
    r.source.lines.map((l) => l.text),
    ['年初预算为85.55万元', 'Budget'],
  );
});

test('the caller keeps its bytes (pdfjs would detach the buffer it is given)', async () => {
  const pdf = buildPdf([{ runs: [{ x: 60, y: 750, size: 10, text: 'x' }] }]);
  const n = pdf.length;
  await readPdf(pdf, 'k.pdf');
  assert.equal(pdf.length, n);
  await readPdf(pdf, 'k.pdf');
});
