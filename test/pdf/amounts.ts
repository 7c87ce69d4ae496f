/** Every amount, count and percentage of a document as "where → value" lines, for round-trip comparisons. */
import type { BudgetDocument } from '../../src/domain/model.js';

/** Flattens the figures of a document (tables, forms, table 14, narrative facts) into comparable lines. */
export function figures(doc: BudgetDocument): string[] {
  const out: string[] = [];
  for (const t of doc.tables) {
    t.rows.forEach((r) => {
      for (const [k, m] of Object.entries(r.amounts)) out.push(`表${t.no} ${r.side ?? ''}${r.label} ${r.texts?.['year']?.text ?? ''} ${k} = ${m?.fen ?? 'null'}`);
    });
  }
  for (const f of doc.projectForms) {
    for (const [k, m] of Object.entries(f.amounts)) out.push(`form ${f.name} ${k} = ${m?.fen ?? 'null'}`);
    f.costLines.forEach((c, i) => out.push(`form ${f.name} cost ${i + 1} = ${c.amount?.fen ?? 'null'} (${c.amount?.decimals ?? ''})`));
    f.disbursement.forEach((q) => out.push(`form ${f.name} Q${q.quarter} = ${q.amount.fen}`));
  }
  const d = doc.departmentTargets;
  if (d) {
    d.tasks.forEach((t) => out.push(`表14 ${t.name} = ${t.total?.fen} ${t.fiscal?.fen} ${t.other?.fen}`));
    out.push(`表14 合计 = ${d.total?.total?.fen} ${d.total?.fiscal?.fen} ${d.total?.other?.fen}`);
  }
  const seen = new Map<string, number>();
  for (const f of doc.narrative.facts) {
    const n = (seen.get(f.key) ?? 0) + 1;
    seen.set(f.key, n);
    out.push(`fact ${f.key}#${n} = ${f.money?.fen ?? ''}${f.count ?? ''}${f.percent ?? ''}${f.text ?? ''}`);
  }
  doc.narrative.projects.forEach((p) => out.push(`project ${p.no} ${p.name} = ${p.amount.fen}`));
  return out;
}
