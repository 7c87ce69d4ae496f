/** Table 14 and the project performance forms. (Stub: replaced by the form parser.) */
import type { DepartmentTargets, ProjectForm, Table } from '../../domain/model.js';
import type { ImportContext } from './context.js';
import type { NarrativeResult } from './narrative.js';
import type { Block } from './sections.js';

export function parseDepartmentTargets(block: Block, ctx: ImportContext): DepartmentTargets {
  void ctx;
  const src = { line: block.lines[0]?.no ?? null, page: null, raw: '' };
  return { year: 0, unitName: { text: '' }, overallGoal: { text: '' }, tasks: [], indicators: [], src };
}

export function parseProjectForm(block: Block, ctx: ImportContext): ProjectForm {
  void ctx;
  const src = { line: block.lines[0]?.no ?? null, page: null, raw: '' };
  return {
    id: `form-${block.no}`, name: '', year: 0, parentProject: null,
    amounts: { total: null, currentYear: null, fiscal: null, other: null, transfer: null, purchasedServices: null },
    overview: [], costLines: [], disbursement: [], indicators: [], src,
  };
}

export function linkFormsToProjects(forms: ProjectForm[], tables: Table[], narrative: NarrativeResult, ctx: ImportContext): void {
  void forms; void tables; void narrative; void ctx;
}
