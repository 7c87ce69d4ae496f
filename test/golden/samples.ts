/**
 * The three shared samples and what is pinned for each: the canonical JSON of its import (coverage
 * included) and the findings `fiscus validate` gives (summary counts; every error and warning with its
 * rule, line and message). The golden tests only compare against the committed files; the files are
 * written only by `npm run golden:update` (scripts/update-goldens.ts), deliberately, after review.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importBytes } from '../../src/app/import-document.js';
import { validateDocument } from '../../src/app/validate.js';
import type { BudgetDocument } from '../../src/domain/model.js';

export interface GoldenSample {
  /** Short name, used in test names and messages. */
  name: string;
  /** The sample's file name (in samples/ and ../shared/samples/), also the name it is imported under. */
  file: string;
  /** The committed canonical JSON. */
  golden: string;
  /** The committed findings. */
  findings: string;
}

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export const SAMPLES: readonly GoldenSample[] = [
  {
    name: 'shenzhen-futian-2021',
    file: 'shenzhen-futian-data-center-2021-dept-budget.txt',
    golden: here('./shenzhen-futian-2021.json'),
    findings: here('./shenzhen-futian-2021.findings.json'),
  },
  {
    name: 'shanghai-putuo-wanli-2024-budget',
    file: 'shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.txt',
    golden: here('./shanghai-putuo-wanli-2024-budget.json'),
    findings: here('./shanghai-putuo-wanli-2024-budget.findings.json'),
  },
  {
    name: 'shanghai-putuo-finance-bureau-2024-final',
    file: 'shanghai-putuo-finance-bureau-2024-dept-final-accounts.txt',
    golden: here('./shanghai-putuo-finance-bureau-2024-final.json'),
    findings: here('./shanghai-putuo-finance-bureau-2024-final.findings.json'),
  },
];

/** The repository's copy of a sample. */
export const samplePath = (s: GoldenSample): string => here(`../../samples/${s.file}`);
/** The shared copy of a sample (outside the repository; may be absent). */
export const sharedSamplePath = (s: GoldenSample): string => here(`../../../shared/samples/${s.file}`);

/** A pinned finding: what a reader of `fiscus validate` sees of it. */
export interface PinnedFinding {
  rule: string;
  severity: 'error' | 'warning';
  line: number | null;
  message: string;
}

export interface PinnedFindings {
  /** The summary line of `fiscus validate`. */
  summary: { error: number; warning: number; info: number };
  /** Every error and warning, in the order validate reports them. */
  findings: PinnedFinding[];
}

/** Imports a sample as `fiscus import` does. */
export async function importSample(s: GoldenSample): Promise<BudgetDocument> {
  return importBytes(readFileSync(samplePath(s)), s.file);
}

/** The canonical JSON text of a document, as the golden files hold it. */
export const canonicalJson = (doc: BudgetDocument): string => JSON.stringify(doc, null, 1) + '\n';

/** The findings of a document as they are pinned. */
export function pinnedFindingsOf(doc: BudgetDocument): PinnedFindings {
  const report = validateDocument(doc);
  const findings: PinnedFinding[] = [];
  for (const f of report.findings) {
    if (f.severity === 'info') continue;
    findings.push({ rule: f.rule, severity: f.severity, line: f.location.line, message: f.message });
  }
  return { summary: { error: report.summary.error, warning: report.summary.warning, info: report.summary.info }, findings };
}

/** The pinned-findings file text. */
export const pinnedJson = (p: PinnedFindings): string => JSON.stringify(p, null, 1) + '\n';
