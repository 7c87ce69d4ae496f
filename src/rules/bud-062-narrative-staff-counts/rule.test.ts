import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { narrativeDoc } from '../_lib/test-doc.js';
import { fixtureFact as fact } from '../_lib/content.js';

test('actual staff within the establishment pass', () => {
  assert.deepEqual(runRule(rule, narrativeDoc([fact('staff.career.establishment', '事业编制总数', { count: 18 }), fact('staff.career.actual', '实有在编人数', { count: 11 })], [])), []);
});

test('actual staff above the establishment are a warning', () => {
  const fs = runRule(rule, narrativeDoc([fact('staff.career.establishment', '事业编制总数', { count: 18 }), fact('staff.career.actual', '实有在编人数', { count: 20 }, 43)], []));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'warning');
  assert.match(fs[0]!.message, /事业编制.*20.*18/);
});

test('a negative count is an error', () => {
  assert.equal(runRule(rule, narrativeDoc([fact('staff.retired', '退休', { count: -1 })], []))[0]?.severity, 'error');
});
