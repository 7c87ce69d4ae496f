import { readFileSync } from 'node:fs';
import { importFile } from '../src/app/import-document.ts';
const dir = new URL('../../shared/corpus/', import.meta.url).pathname;
const m = JSON.parse(readFileSync(dir + 'manifest.json', 'utf8')) as Array<{ name: string; tables: unknown[] }>;
const which = process.argv[2] ?? 'txt';
const only = process.argv[3];
let sum = 0,
  n = 0,
  worst = 1;
for (const d of m) {
  if (only && !d.name.includes(only)) continue;
  const f = which === 'pdf' ? dir + 'pdf/' + d.name + '.pdf' : dir + 'txt/' + d.name + '.txt';
  try {
    const t0 = Date.now();
    const doc = await importFile(f);
    const c = doc.coverage!;
    const rec = c.printedAmounts ? c.heldAmounts / c.printedAmounts : 1;
    sum += rec;
    n++;
    worst = Math.min(worst, rec);
    const errs = doc.importNotes.filter((x) => x.severity === 'error').length;
    console.log(
      d.name.padEnd(70),
      doc.profile.padEnd(8),
      String(doc.tables.length).padStart(2) + '/' + String(d.tables.length).padEnd(2),
      rec.toFixed(3),
      'unpl',
      c.unplacedAmounts,
      'unmapped',
      c.tables.reduce((s, t) => s + t.unmappedColumns, 0),
      'errs',
      errs,
      doc.year,
      doc.kind,
      doc.unit.name,
      Date.now() - t0 + 'ms',
    );
  } catch (e) {
    console.log(d.name, 'REFUSED', String((e as Error).stack ?? (e as Error).message).slice(0, 300));
  }
}
console.log('mean', (sum / n).toFixed(3), 'worst', worst.toFixed(3));
