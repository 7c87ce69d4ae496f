import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathRulings, type PaintedPath } from './rulings.js';
import { readPdf } from './read.js';
import { buildPdf, READ_PDF_URL, runInChild, type RuleSpec } from './test-pdf.js';

const I = [1, 0, 0, 1, 0, 0];
const M = 0;
const L = 1;
const C = 2;
const Z = 4;
const stroke = (path: number[], m = I): PaintedPath => ({ fill: false, stroke: true, m, path });
const fill = (path: number[], m = I): PaintedPath => ({ fill: true, stroke: false, m, path });
const rect = (x: number, y: number, w: number, h: number) => [M, x, y, L, x + w, y, L, x + w, y + h, L, x, y + h, Z];

test('stroked lines parallel to an axis are rules; a slanted line and a curve are not', () => {
  const r = pathRulings([stroke([M, 10, 20, L, 110, 20]), stroke([M, 50, 5, L, 50, 95]), stroke([M, 0, 0, L, 40, 40]), stroke([M, 0, 60, C, 10, 70, 20, 70, 30, 60])]);
  assert.deepEqual(r, { h: [{ y: 20, x0: 10, x1: 110 }], v: [{ x: 50, y0: 5, y1: 95 }] });
});

test('a stroked rectangle gives its four sides; a thin filled one its middle line; a wide filled one nothing', () => {
  assert.deepEqual(pathRulings([stroke(rect(10, 10, 100, 50))]), {
    h: [
      { y: 10, x0: 10, x1: 110 },
      { y: 60, x0: 10, x1: 110 },
    ],
    v: [
      { x: 10, y0: 10, y1: 60 },
      { x: 110, y0: 10, y1: 60 },
    ],
  });
  // One producer fills a 0.7 pt rectangle per cell edge.
  assert.deepEqual(pathRulings([fill(rect(355.2, 76.2, 427.3, 0.7)), fill(rect(52.3, 76.2, 0.7, 447.6))]), {
    h: [{ y: 76.55, x0: 355.2, x1: 782.5 }],
    v: [{ x: 52.65, y0: 76.2, y1: 523.8 }],
  });
  // A shaded header row (a filled area 20 pt high) draws no rule.
  assert.deepEqual(pathRulings([fill(rect(50, 90, 700, 20))]), { h: [], v: [] });
});

test('pieces of one border drawn cell by cell are joined; separate borders on one line stay apart', () => {
  const r = pathRulings([fill(rect(355.2, 88.8, 427.3, 0.7)), fill(rect(782.5, 88.8, 6.3, 0.7)), stroke([M, 10, 89.15, L, 300, 89.15])]);
  assert.deepEqual(r.h, [
    { y: 89.15, x0: 10, x1: 300 },
    { y: 89.15, x0: 355.2, x1: 788.8 },
  ]);
});

test('the matrix maps a path into viewport space (a page drawn upside down: y from the top)', () => {
  // Viewport transform of a 595 pt high page: y' = 595 − y; the content's own cm flips again.
  const vp = [1, 0, 0, -1, 0, 595];
  const flipped = [1, 0, 0, -1, 0, 595];
  const m = [vp[0]! * flipped[0]!, 0, 0, vp[3]! * flipped[3]!, 0, vp[3]! * flipped[5]! + vp[5]!];
  assert.deepEqual(pathRulings([stroke([M, 0, 100, L, 200, 100], m)]).h, [{ y: 100, x0: 0, x1: 200 }]);
  assert.deepEqual(pathRulings([stroke([M, 0, 100, L, 200, 100], vp)]).h, [{ y: 495, x0: 0, x1: 200 }]);
});

const GRID: RuleSpec[] = [
  { x0: 50, y0: 700, x1: 500, y1: 700 },
  { x0: 50, y0: 680, x1: 500, y1: 680, fill: true },
  { x0: 50, y0: 660, x1: 500, y1: 660 },
  { x0: 50, y0: 700, x1: 50, y1: 660, fill: true },
  { x0: 200, y0: 700, x1: 200, y1: 660 },
  { x0: 500, y0: 700, x1: 500, y1: 660 },
];

test('readPdf gives each page its rules in points and its lines the same rules in text columns', async () => {
  const bytes = buildPdf([{ width: 595, height: 842, rules: GRID, runs: [{ x: 60, y: 685, size: 10, text: 'cell one' }] }, { runs: [{ x: 60, y: 685, size: 10, text: 'no rules here' }] }]);
  const r = await readPdf(bytes, 'grid.pdf');
  assert.deepEqual(r.pages[0]!.rulings, {
    h: [
      { y: 142, x0: 50, x1: 500 },
      { y: 162, x0: 50, x1: 500 },
      { y: 182, x0: 50, x1: 500 },
    ],
    v: [
      { x: 50, y0: 142, y1: 182 },
      { x: 200, y0: 142, y1: 182 },
      { x: 500, y0: 142, y1: 182 },
    ],
  });
  assert.deepEqual(r.pages[1]!.rulings, { h: [], v: [] });
  const [line] = r.source.lines.filter((l) => l.page === 1);
  const ru = line!.rulings!;
  const cw = r.pages[0]!.charWidth;
  // Same units as the line's cells: x from the page's left text edge (60 pt), y from the top.
  assert.equal(ru.left, 60);
  assert.equal(ru.charWidth, cw);
  assert.ok(Math.abs(ru.h[0]!.y - 142 / cw) < 0.001 && Math.abs(ru.v[0]!.x - (50 - 60) / cw) < 0.001);
  assert.ok(line!.y! * cw > 142 && line!.y! * cw < 162, 'the text lies in the first ruled row');
  const other = r.source.lines.find((l) => l.page === 2)!.rulings!;
  assert.deepEqual([other.h, other.v], [[], []], 'a page without rules: measured, none drawn');
});

test("the rules read with the text (text-content-paths) are those pdfjs's operator list gives", { timeout: 120_000 }, async () => {
  // A page whose rules are drawn under a matrix that flips y, as the corpus's Beijing producer does.
  const bytes = buildPdf([
    { width: 842, height: 595, rules: GRID.map((g) => ({ ...g, y0: 595 - g.y0 + 200, y1: 595 - g.y1 + 200 })), ruleMatrix: [1, 0, 0, -1, 0, 595], runs: [{ x: 60, y: 300, size: 10, text: 'x' }] },
  ]);
  const mine = (await readPdf(bytes, 'flip.pdf')).pages.map((p) => p.rulings);
  assert.ok(mine[0]!.h.length === 3 && mine[0]!.v.length === 3);
  const script = [
    `import { readPdf } from ${JSON.stringify(READ_PDF_URL)};`,
    `const bytes = Uint8Array.from(Buffer.from(${JSON.stringify(Buffer.from(bytes).toString('base64'))}, 'base64'));`,
    `console.log(JSON.stringify((await readPdf(bytes, 'flip.pdf')).pages.map((p) => p.rulings)));`,
  ];
  assert.deepEqual(runInChild(script, { FISCUS_PDFJS_SKIP: 'text-content-paths' }), mine);
});
