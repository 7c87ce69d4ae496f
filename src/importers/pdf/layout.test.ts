import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layoutPage, renderPages, type RawItem } from './layout.js';

const item = (x: number, y: number, text: string, width: number, fontSize = 10): RawItem => ({ x, y, width, height: fontSize, fontSize, text });

test('items on one baseline form one line sorted by x, whatever their order in the content stream', () => {
  const p = layoutPage(1, 600, 800, [item(300, 100, '200.00', 30), item(50, 100, '合计', 20), item(50, 130, '下一行', 30)]);
  assert.deepEqual(
    p.lines.map((l) => l.items.map((i) => i.text)),
    [['合计', '200.00'], ['下一行']],
  );
});

test('a cell a little off the baseline (within a third of the font size) stays on its line', () => {
  const p = layoutPage(1, 600, 800, [item(50, 100, 'a', 5), item(300, 102.5, 'b', 5), item(50, 110, 'c', 5)]);
  assert.deepEqual(
    p.lines.map((l) => l.text.replace(/\s+/g, ' ')),
    ['a b', 'c'],
  );
});

test('pieces of a word split by the PDF are joined without a space, figures included', () => {
  const p = layoutPage(1, 600, 800, [item(50, 100, '预算为', 30), item(80, 100, '1,2', 15), item(95.5, 100, '34.56', 25), item(120.5, 100, '万元', 20)]);
  assert.equal(p.lines[0]!.text, '预算为1,234.56万元');
  assert.deepEqual(
    p.lines[0]!.items.map((i) => [i.x, i.width, i.text]),
    [[50, 90.5, '预算为1,234.56万元']],
  );
});

test("text touching a word from another baseline of its line band is a cell of its own, not the word's split piece", () => {
  // Huzhou's 表12: a unit's name wrapped in its cell ("…服务中" / "心"), the project's name beside it centred
  // half an em lower, starting 0.74 pt after the unit's line ends.
  const p = layoutPage(1, 842, 595, [item(48, 389.8, '湖州市交通工程质量安全管理服务中', 138.6, 8.2), item(187.3, 394.7, '交通工程质量安全管理', 81.7, 8.2), item(48, 399.7, '心', 8.2, 8.2)]);
  assert.deepEqual(
    p.lines.map((l) => l.items.map((i) => i.text)),
    [['湖州市交通工程质量安全管理服务中', '交通工程质量安全管理'], ['心']],
  );
});

test('a word space stays one space even after ideographs', () => {
  const p = layoutPage(1, 600, 800, [item(50, 100, '年初预算为', 60, 12), item(113, 100, '85.55', 27, 12), item(143, 100, '万元', 24, 12)]);
  assert.equal(p.lines[0]!.text, '年初预算为 85.55 万元');
});

test('cells far apart get at least two spaces and keep their columns across lines', () => {
  const p = layoutPage(1, 600, 800, [
    item(50, 100, '201', 15),
    item(200, 100, '一般公共服务支出', 80),
    item(400, 100, '2,932,700', 45),
    item(50, 120, '204', 15),
    item(200, 120, '公共安全', 40),
    item(400, 120, '1,633,000', 45),
  ]);
  const [a, b] = p.lines.map((l) => l.text);
  assert.match(a!, /^201 {2,}一般公共服务支出 {2,}2,932,700$/);
  assert.match(b!, /^204 {2,}公共安全 {2,}1,633,000$/);
  // Same character offset for cells at the same x, as parsers of pdftotext -layout text expect.
  assert.equal(a!.indexOf('2,932,700'), b!.indexOf('1,633,000'));
  assert.equal(a!.indexOf('一般'), b!.indexOf('公共安全'));
});

test('the gap becomes more spaces when it is wider', () => {
  const near = layoutPage(1, 600, 800, [item(50, 100, 'a', 5), item(80, 100, 'b', 5), item(50, 120, 'c', 5)]).lines[0]!.text;
  const far = layoutPage(1, 600, 800, [item(50, 100, 'a', 5), item(200, 100, 'b', 5), item(50, 120, 'c', 5)]).lines[0]!.text;
  assert.ok(far.length > near.length + 20, `${JSON.stringify(near)} vs ${JSON.stringify(far)}`);
});

test('text drawn twice at the same place (fake bold) is kept once', () => {
  const p = layoutPage(1, 600, 800, [item(50, 100, '收入总计', 40), item(50.3, 100, '收入总计', 40)]);
  assert.equal(p.lines[0]!.text, '收入总计');
});

test('radicals and full-width forms are normalised, white-space items dropped', () => {
  const p = layoutPage(1, 600, 800, [item(50, 100, '部⻔', 20), item(70, 100, ' ', 900), item(100, 100, '１２３', 30)]);
  assert.equal(p.lines[0]!.text.replace(/ +/g, ' '), '部门 123');
  assert.equal(p.lines[0]!.items.length, 2);
});

test('indent counts columns from the leftmost text of the page', () => {
  const p = layoutPage(1, 600, 800, [item(50, 100, 'ab', 10), item(70, 120, 'cd', 10)]);
  assert.deepEqual(
    p.lines.map((l) => l.indent),
    [0, 4],
  );
  assert.equal(p.charWidth, 5);
});

test('pages render with a marker line before each and a blank line at wide vertical gaps', () => {
  const p1 = layoutPage(1, 600, 800, [item(50, 100, 'a', 5), item(50, 112, 'b', 5), item(50, 150, 'c', 5)]);
  const p2 = layoutPage(2, 600, 800, [item(50, 100, 'd', 5)]);
  assert.equal(renderPages([p1, p2]), '===== page 1 =====\na\nb\n\nc\n===== page 2 =====\nd\n');
});

test('a wrapped cell centred on its row comes after the row, as pdftotext prints it', () => {
  const p = layoutPage(1, 600, 800, [
    item(200, 92, '机关事业单位基本养老保险', 120, 12),
    item(50, 100, '2080505', 42, 12),
    item(400, 100, '160.75', 33, 12),
    item(200, 108, '缴费支出', 48, 12),
    item(50, 130, '2080506', 42, 12),
  ]);
  assert.deepEqual(
    p.lines.map((l) => l.text.trim().split(/\s+/)[0]),
    ['2080505', '机关事业单位基本养老保险', '缴费支出', '2080506'],
  );
});

test('amounts printed half an em above their row label stay on the row', () => {
  const p = layoutPage(1, 600, 800, [
    item(50, 100, '201', 18, 12),
    item(200, 100, '一般公共服务支出', 96, 12),
    item(400, 100, '2,106.66', 42, 12),
    item(470, 93.1, '1,503.52', 42, 12),
    item(50, 128, '201', 18, 12),
  ]);
  assert.equal(p.lines.length, 2);
  assert.deepEqual(
    p.lines[0]!.items.map((i) => i.text),
    ['201', '一般公共服务支出', '2,106.66', '1,503.52'],
  );
});
