/**
 * The disclosure importers behind one interface: each says how sure it is that it can read a text
 * (0–1), the registry picks the most confident, and a caller may name one (`--profile`). The regional
 * readers claim only the layouts they were built for; the genre recogniser reads every other region.
 */
import type { BudgetDocument, Profile } from '../domain/model.js';
import type { SourceLine, SourceText } from './text/source.js';
import { figureColumnKindOf } from '../domain/catalogue/final-accounts.js';
import { LINE_NO_HEADING } from '../domain/catalogue/columns.js';
import { squash } from '../domain/text.js';
import { importShenzhenSource, looksLikeShenzhen } from './shenzhen/index.js';
import { detectShanghaiProfile, importShanghaiSource } from './shanghai/index.js';
import { splitShanghai } from './shanghai/sections.js';
import { detectGeneric, importGenericWith } from './genre/index.js';

export interface DisclosureImporter {
  profile: Profile;
  /** Confidence (0–1) that this importer reads the text as it was published. */
  detect(src: SourceText): number;
  read(src: SourceText): BudgetDocument;
}

/**
 * True when a table prints a column of the budget beside the final figures (年初预算数, 调整预算数,
 * 全年预算数): the national template's variant of the final accounts, which the Shanghai layouts do
 * not have (their only budget figure is the 三公 table's "预算数" line).
 */
function printsBudgetColumns(tables: ReadonlyArray<{ lines: readonly SourceLine[] }>): boolean {
  return tables.some((t) => t.lines.some((l) => l.text.split(/\s+/).some((w) => ['initial', 'adjusted'].includes(figureColumnKindOf(w) ?? ''))));
}

/**
 * The Shanghai reader claims a text when it finds (nearly) all nine of its tables by their titles and
 * their columns are its own; the genre recogniser reads every other layout.
 */
function shanghaiClaims(src: SourceText, profile: 'shanghai-budget' | 'shanghai-final-accounts'): number {
  if (detectShanghaiProfile(src) !== profile) return 0;
  const { tables } = splitShanghai(src, profile);
  if (tables.length < 8 || printsBudgetColumns(tables)) return 0;
  // A final account's titles are the national template's, printed by every region: the Shanghai
  // reader knows its layout (codes split in 类 / 款 / 项 columns, no 行次), not the others (merged
  // codes, 行次 beside each side's figures), which the genre recogniser reads.
  if (profile === 'shanghai-final-accounts' && !printsSplitCodesOnly(tables)) return 0;
  return 0.9;
}

/** True when the tables print their codes in 类 / 款 / 项 columns and number no lines (行次). */
function printsSplitCodesOnly(tables: ReadonlyArray<{ lines: readonly SourceLine[] }>): boolean {
  const lines = tables.flatMap((t) => t.lines);
  return lines.some((l) => squash(l.text).startsWith('类款项')) && !lines.some((l) => l.text.split(/\s+/).some((w) => LINE_NO_HEADING.test(w)));
}

export const IMPORTERS: readonly DisclosureImporter[] = [
  { profile: 'shenzhen-dept-budget', detect: (s) => (looksLikeShenzhen(s) ? 0.95 : 0), read: (s) => importShenzhenSource(s) },
  { profile: 'shanghai-budget', detect: (s) => shanghaiClaims(s, 'shanghai-budget'), read: (s) => importShanghaiSource(s, 'shanghai-budget') },
  { profile: 'shanghai-final-accounts', detect: (s) => shanghaiClaims(s, 'shanghai-final-accounts'), read: (s) => importShanghaiSource(s, 'shanghai-final-accounts') },
  // Capped below the regional readers: where one of them claims a text, it knows that layout best.
  { profile: 'generic', detect: (s) => Math.min(0.85, detectGeneric(s)), read: (s) => importGenericWith(s).doc },
];

/** The importer for a profile. */
export function importerOf(profile: Profile): DisclosureImporter | undefined {
  return IMPORTERS.find((i) => i.profile === profile);
}

/** The most confident importer for a text, with its confidence. */
export function chooseImporter(src: SourceText): { importer: DisclosureImporter; confidence: number } {
  // Where no importer is sure at all, the genre recogniser reads it (or says why it is no disclosure):
  // a regional reader takes only a text it claims.
  let best = IMPORTERS[IMPORTERS.length - 1]!;
  let conf = 0;
  for (const i of IMPORTERS) {
    const c = i.detect(src);
    if (c > conf) {
      best = i;
      conf = c;
    }
    // The regional readers are exact about their layouts: the first that claims a text takes it.
    if (c >= 0.9) break;
  }
  return { importer: best, confidence: conf };
}
