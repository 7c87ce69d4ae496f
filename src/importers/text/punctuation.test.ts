import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importBytes } from '../../app/import-document.js';

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));

test('the comma census is the same from a PDF and from its pdftotext text (wuxi-commerce-bureau-2026-budget: 145 "，", 49 "," in Chinese prose)', async () => {
  const name = 'wuxi-commerce-bureau-2026-budget';
  const fromText = await importBytes(new Uint8Array(readFileSync(`${CORPUS}txt/${name}.txt`)), `${name}.txt`);
  const fromPdf = await importBytes(new Uint8Array(readFileSync(`${CORPUS}pdf/${name}.pdf`)), `${name}.pdf`);
  const t = fromText.source.punctuation!;
  const p = fromPdf.source.punctuation!;
  assert.deepEqual([t.fullWidthCommas, t.halfWidthCommas], [145, 49]);
  assert.deepEqual([p.fullWidthCommas, p.halfWidthCommas], [145, 49]);
  assert.equal(t.halfWidthAt[0]!.raw, '及有关口岸工作的法律法规及决策部署,起草相关地方性法规、');
  assert.equal(p.halfWidthAt[0]!.raw, t.halfWidthAt[0]!.raw);
  // A spreadsheet or a JSON budget has no printed text: no census (the rule then judges nothing).
  const json = await importBytes(new TextEncoder().encode(JSON.stringify({ ...fromText, source: { ...fromText.source, punctuation: undefined } })), 'b.json');
  assert.equal(json.source.punctuation, undefined);
});
