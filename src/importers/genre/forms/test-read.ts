/** Test helper: every form block of a quoted text read as the genre importer reads them, one session per document. */
import type { DisplayUnit } from '../../../domain/money.js';
import { readSourceText } from '../../text/source.js';
import { formSession, readForms, type ReadForms } from '../forms.js';
import { segment } from '../segment.js';

export function readAll(name: string, text: string, unit: DisplayUnit = '万元'): ReadForms[] {
  const src = readSourceText(Buffer.from(text, 'utf8'), `${name}.txt`);
  const session = formSession();
  return segment(src)
    .tables.filter((b) => b.type?.form)
    .map((b, i) => readForms(b, { file: `${name}.txt`, year: 2026, unit, id: `t${i + 1}` }, session));
}

export const forms = (rs: ReadForms[]) => rs.flatMap((r) => r.projectForms);
