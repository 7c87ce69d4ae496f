import { test } from 'node:test';
import assert from 'node:assert/strict';
import { printFontFaces, splitPoint } from './fonts.js';

/** Runs of consecutive code points among a set of characters, below and from a code point. */
function runs(text: string, from: number): [number, number] {
  const cps = new Set([...text].map((c) => c.codePointAt(0)!));
  let below = 0;
  let above = 0;
  for (const c of cps) {
    if (cps.has(c - 1) && c !== from) continue;
    if (c < from) below++;
    else above++;
  }
  return [below, above];
}

test('the split leaves about half the runs of consecutive code points on each face', () => {
  // 400 isolated ideographs (every third code point) and a block of 200 consecutive ones: 401 runs.
  const isolated = Array.from({ length: 400 }, (_, i) => String.fromCodePoint(0x4e00 + 3 * i)).join('');
  const block = Array.from({ length: 200 }, (_, i) => String.fromCodePoint(0x8000 + i)).join('');
  const text = `<p>部门预算 2022 年</p>${isolated}${block}`;
  const at = splitPoint(text)!;
  assert.ok(at >= 0x4e00 && at <= 0x9fff, at.toString(16));
  const [below, above] = runs(text, at);
  assert.ok(Math.abs(below - above) <= 1, `${below} runs on WenQuanYi Zen Hei, ${above} on its Mono face`);
  // The split is at the start of a run, so no run is cut in two.
  assert.ok(!new Set([...text].map((c) => c.codePointAt(0))).has(at - 1));
});

test('the rules name both faces of the collection for every weight, the Mono face for the ideographs from the split on', () => {
  const text = '西安市医疗保障局部门预算 一般公共预算财政拨款支出 ABC 123';
  const css = printFontFaces(text);
  const at = splitPoint(text)!.toString(16).toUpperCase();
  const rules = css.split('\n');
  assert.equal(rules.length, 2);
  assert.match(rules[0]!, /font-family: "WenQuanYi Zen Hei"; font-weight: 100 900; src: local\("WenQuanYi Zen Hei"\)/);
  assert.match(rules[0]!, new RegExp(`unicode-range: U\\+0-[0-9A-F]+, U\\+A000-10FFFF;`));
  assert.match(rules[1]!, new RegExp(`src: local\\("WenQuanYi Zen Hei Mono"\\).*unicode-range: U\\+${at}-9FFF;`));
  assert.equal(parseInt(/U\+0-([0-9A-F]+)/.exec(rules[0]!)![1]!, 16) + 1, parseInt(at, 16), 'the two ranges meet');
});

test('text without ideographs keeps the one face; with more runs of other characters, every ideograph goes to the Mono face', () => {
  assert.equal(printFontFaces('Budget 2022: 1,234.56'), '');
  assert.equal(splitPoint(''), undefined);
  // a, c, e, g and the space are five runs on WenQuanYi Zen Hei: 部 balances best on the Mono face.
  assert.equal(splitPoint('a c e g 部'), '部'.codePointAt(0));
});
