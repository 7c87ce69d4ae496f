import { z } from 'zod';
import { BudgetDocument } from '../src/domain/model.js';

/** The canonical JSON's schema as pretty-printed JSON text. */
export function schemaJson(): string {
  const schema = z.toJSONSchema(BudgetDocument, { target: 'draft-2020-12' });
  const doc = {
    $id: 'https://fiscus.dev/schema/budget-document@1.json',
    title: 'fiscus BudgetDocument (canonical JSON)',
    description: 'A department budget, unit budget or final account. Amounts are integer fen (1 万元 = 1,000,000 fen); every value carries its provenance (line, page, raw text).',
    ...schema,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
