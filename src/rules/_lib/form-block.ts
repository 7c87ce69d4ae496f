/**
 * What a performance-target form prints, as far as the document shows it. The genre reader keeps each
 * form block as a table as well (its header pieces and printed lines), and numbers the forms read
 * from it `<table id>-f<k>`; the Shenzhen reader keeps no such block. Rules use this to require only
 * what the form's own template prints, and to hold back where the reader says it had to guess.
 */
import type { BudgetDocument, ProjectForm, Table } from '../../domain/model.js';
import { normalizeText, squash } from '../../domain/text.js';

/** The id of the printed block a form was read from (`t12` for `t12-f4`), or null. */
export function formTableId(f: ProjectForm): string | null {
  return /^(.+)-f\d+$/.exec(f.id)?.[1] ?? null;
}

/** The printed block (table) a form was read from, when the document holds it. */
export function formBlock(doc: BudgetDocument, f: ProjectForm): Table | undefined {
  const id = formTableId(f);
  return id === null ? undefined : doc.tables.find((t) => t.id === id && (t.role === 'project-targets' || t.role === 'department-targets'));
}

/** The block of the department-wide form: the last department-targets table printed at or before it. */
export function departmentBlock(doc: BudgetDocument): Table | undefined {
  const line = doc.departmentTargets?.src.line;
  if (line == null) return undefined;
  let best: Table | undefined;
  for (const t of doc.tables) {
    if (t.role !== 'department-targets' || t.src.line === null || t.src.line > line) continue;
    if (!best || (best.src.line ?? 0) < t.src.line) best = t;
  }
  return best;
}

/**
 * The words a block prints, piece by piece (each header piece, each row label and text cell, and each
 * run of the row's printed lines between wider gaps), NFKC-normalised and without white space
 * ("主 管 部 门" → "主管部门"). The title is left out: it names the form, not its fields.
 */
export function printedCells(t: Table | undefined): string[] {
  if (!t) return [];
  const out: string[] = [];
  const add = (s: string | undefined) => {
    const k = squash(normalizeText(s ?? ''));
    if (k) out.push(k);
  };
  for (const c of t.columns) for (const h of c.header) add(h);
  for (const r of t.rows) {
    add(r.label);
    for (const x of Object.values(r.texts ?? {})) add(x.text);
    for (const piece of r.src.raw.split(/\n|\s{2,}/)) add(piece);
  }
  return out;
}

/** True when some printed piece begins with a label the pattern matches (anchor the pattern with ^). */
export function printsLabel(cells: readonly string[], label: RegExp): boolean {
  return cells.some((c) => label.test(c.replace(/^其中[:：]?/, '')));
}

/**
 * Blocks whose rows the reader assigned to projects by centring alone, with another split almost as
 * good (import note `form-rows-uncertain`): which project an indicator row belongs to is not known
 * anywhere in such a grid (no cell borders are printed), so a per-project set of indicators is not known.
 */
export function uncertainBlocks(doc: BudgetDocument): Set<string> {
  return new Set(doc.importNotes.filter((n) => n.code === 'form-rows-uncertain' && n.table != null).map((n) => n.table!));
}
