/**
 * Generates docs/budget-document.schema.json (JSON Schema 2020-12) from the zod model.
 * Run: npm run docs:schema. test/schema.test.ts fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { schemaJson } from './schema-json.js';

const out = fileURLToPath(new URL('../docs/budget-document.schema.json', import.meta.url));
writeFileSync(out, schemaJson());
console.log(`wrote ${out}`);
