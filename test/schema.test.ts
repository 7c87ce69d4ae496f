import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { schemaJson } from '../scripts/schema-json.js';

test('docs/budget-document.schema.json is generated from the current zod model', () => {
  const committed = readFileSync(new URL('../docs/budget-document.schema.json', import.meta.url), 'utf8');
  assert.equal(committed, schemaJson(), 'run `npm run docs:schema` and commit the result');
});

test('the schema describes amounts as integers of fen', () => {
  const s = JSON.parse(schemaJson()) as unknown;
  const money = JSON.stringify(s).includes('"fen":{"type":"integer"');
  assert.ok(money, 'Money.fen must be an integer in the schema');
});
