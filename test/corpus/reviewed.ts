/**
 * The reviewed findings of the corpus (issue 12): every error and warning `validate` reports on a
 * corpus document, from its text or its PDF, labelled after reading the document: `true` with a
 * one-line reason, or `false` with its cause. A finding is matched to its label by its key: the rule,
 * the severity and the message with line and page numbers taken out (the text and the PDF read number
 * their lines differently; the same finding in both is labelled once).
 *
 * File: test/corpus/reviewed-findings.json, `{ "<document name>": [ { rule, severity, message,
 * verdict, reason } … ] }`, documents in manifest order, labels in the order validate reports them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../src/rules/types.js';

export const REVIEWED_FILE = fileURLToPath(new URL('./reviewed-findings.json', import.meta.url));

export interface Label {
  rule: string;
  severity: 'error' | 'warning';
  /** The message as reported (one instance: the key takes line and page numbers out). */
  message: string;
  /** true: the document has this defect (or the warning is warranted); false: it does not. */
  verdict: boolean;
  /** One line: for true, what the document shows; for false, why the finding is wrong (a misread, a rule gap …). */
  reason: string;
}

export type Reviewed = Record<string, Label[]>;

/** The message with the places it names by line or page taken out. */
export function normalMessage(m: string): string {
  return m
    .replace(/第\s*\d+\s*(?:[–—-]\s*\d+\s*)?行/g, '第 N 行')
    .replace(/第\s*\d+\s*(?:[–—-]\s*\d+\s*)?页/g, '第 N 页')
    .replace(/\s+/g, ' ')
    .trim();
}

export const findingKey = (f: Pick<Finding, 'rule' | 'severity' | 'message'>): string => `${f.rule}|${f.severity}|${normalMessage(f.message)}`;

export function loadReviewed(): Reviewed {
  try {
    return JSON.parse(readFileSync(REVIEWED_FILE, 'utf8')) as Reviewed;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw e;
  }
}

export interface ReviewTally {
  documents: number;
  errors: number;
  warnings: number;
  /** Findings (error, warning) with a label. */
  trueErrors: number;
  falseErrors: number;
  trueWarnings: number;
  falseWarnings: number;
  /** `document: rule severity message` of each finding without a label. */
  unlabelled: string[];
  /** `document: rule message — reason` of each error labelled false. */
  falseErrorList: string[];
}

/** Matches the findings of each document (one read) with the labels. */
export function tallyReviewed(findingsByDoc: ReadonlyArray<{ name: string; findings: readonly Finding[] }>, reviewed: Reviewed): ReviewTally {
  const t: ReviewTally = { documents: findingsByDoc.length, errors: 0, warnings: 0, trueErrors: 0, falseErrors: 0, trueWarnings: 0, falseWarnings: 0, unlabelled: [], falseErrorList: [] };
  for (const { name, findings } of findingsByDoc) {
    const labels = new Map((reviewed[name] ?? []).map((l) => [findingKey(l), l]));
    for (const f of findings) {
      if (f.severity === 'info') continue;
      if (f.severity === 'error') t.errors++;
      else t.warnings++;
      const l = labels.get(findingKey(f));
      if (!l) {
        t.unlabelled.push(`${name}: ${f.rule} ${f.severity} ${f.message}`);
        continue;
      }
      if (f.severity === 'error') {
        if (l.verdict) t.trueErrors++;
        else {
          t.falseErrors++;
          t.falseErrorList.push(`${name}: ${f.rule} ${f.message.slice(0, 120)} — ${l.reason}`);
        }
      } else if (l.verdict) t.trueWarnings++;
      else t.falseWarnings++;
    }
  }
  return t;
}

/**
 * The findings labelled true that the corpus reads report, pinned (test/corpus/true-findings.json,
 * written by `node --import tsx scripts/pin-true-findings.ts` after a review, never by a test): per
 * document and read, their keys. A change that removes one of them loses a true finding, whatever it
 * gains elsewhere; the corpus test names it.
 */
export const TRUE_FINDINGS_FILE = fileURLToPath(new URL('./true-findings.json', import.meta.url));

export type PinnedTrue = Record<string, { txt: string[]; pdf: string[] }>;

export function loadPinnedTrue(): PinnedTrue {
  return JSON.parse(readFileSync(TRUE_FINDINGS_FILE, 'utf8')) as PinnedTrue;
}

/** The keys of the findings of a read labelled true. */
export function trueKeys(findings: readonly Pick<Finding, 'rule' | 'severity' | 'message'>[], labels: readonly Label[]): string[] {
  const yes = new Set(labels.filter((l) => l.verdict).map(findingKey));
  return [...new Set(findings.filter((f) => f.severity !== 'info' && yes.has(findingKey(f))).map(findingKey))].sort();
}
