import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maxOf, minOf, pushAll } from './arrays.js';

test('minOf and maxOf agree with Math.min and Math.max, empty and NaN included', () => {
  for (const xs of [[], [3], [3, -1, 2], [1, Number.NaN, 0]]) {
    assert.ok(Object.is(minOf(xs), Math.min(...xs)), xs.join(','));
    assert.ok(Object.is(maxOf(xs), Math.max(...xs)), xs.join(','));
  }
});

test('a million elements do not overflow the stack (Math.max(...xs) and push(...xs) do)', () => {
  const xs = Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 1_000_003);
  assert.throws(() => Math.max(...xs), RangeError);
  assert.equal(
    maxOf(xs),
    xs.reduce((a, b) => (b > a ? b : a)),
  );
  assert.equal(minOf(xs), 0);
  const target = [1];
  assert.throws(() => target.push(...xs), RangeError);
  assert.equal(pushAll([1], xs).length, 1_000_001);
});
