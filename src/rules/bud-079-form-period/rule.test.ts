import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc } from '../_lib/test-doc.js';
import { fixtureForm } from '../_lib/content.js';

const withPeriod = (start: string, end: string) => fixtureForm({ period: { start, end, src: { line: 12, page: null, raw: '' } } });

test('a period inside or across the budget year passes', () => {
  const doc = emptyDoc({ projectForms: [withPeriod('2021-01-01', '2021-12-31'), withPeriod('2020.07.01', '2022.06.30')] });
  assert.deepEqual(runRule(rule, doc), []);
});

test('a period of another year is an error', () => {
  const fs = runRule(rule, emptyDoc({ projectForms: [withPeriod('2020-01-01', '2020-12-31')] }));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'error');
  assert.match(fs[0]!.message, /2020-01-01~2020-12-31.*2021/);
});

test('a period ending before it starts is an error, an unreadable one a warning', () => {
  const fs = runRule(rule, emptyDoc({ projectForms: [withPeriod('2021-12-31', '2021-01-01'), withPeriod('全年', '全年')] }));
  assert.deepEqual(fs.map((f) => f.severity).sort(), ['error', 'warning']);
});
