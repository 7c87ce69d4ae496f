/** The eight narrative parts of a Shenzhen department budget. (Stub: replaced by the narrative parser.) */
import type { Narrative, Text } from '../../domain/model.js';
import type { ImportContext } from './context.js';
import type { Block } from './sections.js';

export interface NarrativeResult {
  narrative: Narrative;
  subordinateUnits: Text[];
  competentDepartment?: Text;
}

/** Parses parts 1–8; sets ctx.year and ctx.unitName. */
export function parseNarrative(parts: Block[], ctx: ImportContext): NarrativeResult {
  void parts;
  void ctx;
  return { narrative: { parts: [], duties: [], projects: [], glossary: [], facts: [] }, subordinateUnits: [] };
}
