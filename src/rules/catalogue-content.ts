/** Narrative, project-form, performance-target and hygiene rules (BUD-050 … BUD-099). */
import type { Rule } from './types.js';

export const CONTENT_RULES: Rule[] = [];
