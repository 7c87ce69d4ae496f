/**
 * Counting findings by severity: its own module, without the rules, so that what only counts stored
 * findings (the workspace, a server's pages) loads none of them (issue 14: start-up).
 */
import type { Finding, Severity } from './types.js';

/** Counts findings per severity. */
export function summarize(findings: readonly Finding[]): Record<Severity, number> {
  const s: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) s[f.severity]++;
  return s;
}
