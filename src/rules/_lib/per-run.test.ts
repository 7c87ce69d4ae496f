import { test } from 'node:test';
import assert from 'node:assert/strict';
import { duringRun, perRun } from './per-run.js';
import { textPlaces } from './content.js';
import { checkDocument } from '../engine.js';
import { consistentDoc } from './test-doc.js';
import type { Rule } from '../types.js';

test('within a run a value is computed once per name and parts, and again for other parts; outside a run every time', () => {
  const part = {};
  let computed = 0;
  const compute = () => ++computed;
  duringRun(() => {
    assert.equal(perRun('n', [part, 1], compute), 1);
    assert.equal(perRun('n', [part, 1], compute), 1);
    assert.equal(perRun('n', [part, 2], compute), 2);
    assert.equal(perRun('m', [part, 1], compute), 3);
    assert.equal(perRun('n', [{}, 1], compute), 4);
  });
  assert.equal(perRun('n', [part, 1], compute), 5);
  assert.equal(perRun('n', [part, 1], compute), 6);
  // A new run starts empty.
  assert.equal(
    duringRun(() => perRun('n', [part, 1], compute)),
    7,
  );
});

test('the rules of one run share the text places of a document; a document changed between two runs is read again', () => {
  const doc = consistentDoc();
  const src = { line: null, page: null, raw: '' };
  doc.narrative.parts = [{ no: 1, title: '部门概况', src, sections: [{ no: '一', title: '职能', src, paragraphs: [{ text: '主要职能。', src }] }] }];
  const seen: Array<readonly unknown[]> = [];
  const reader = (id: string): Rule => ({
    id,
    title: id,
    titleZh: id,
    severity: 'warning',
    category: 'hygiene',
    reads: ['narrative'],
    basis: 'test',
    check(d) {
      seen.push(textPlaces(d));
    },
  });
  checkDocument(doc, [reader('BUD-920'), reader('BUD-921')]);
  assert.equal(seen.length, 2);
  assert.equal(seen[0], seen[1]);
  const before = seen[0]!.length;
  doc.narrative.parts[0]!.sections[0]!.paragraphs.push({ text: '新增段落。', src });
  checkDocument(doc, [reader('BUD-920')]);
  assert.equal(seen[2]!.length, before + 1);
  assert.notEqual(textPlaces(doc), textPlaces(doc), 'outside a run the places are made for each call');
});
