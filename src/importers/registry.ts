/**
 * The disclosure importers behind one interface: each says how sure it is that it can read a text
 * (0–1), the registry picks the most confident, and a caller may name one (`--profile`). The regional
 * readers claim only the layouts they were built for; the genre recogniser reads every other region.
 */
import type { BudgetDocument, Profile } from '../domain/model.js';
import type { SourceText } from './text/source.js';
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

/** The Shanghai reader claims a text when it finds (nearly) all nine of its tables by their titles. */
function shanghaiClaims(src: SourceText, profile: 'shanghai-budget' | 'shanghai-final-accounts'): number {
  if (detectShanghaiProfile(src) !== profile) return 0;
  return splitShanghai(src, profile).tables.length >= 8 ? 0.9 : 0;
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
  let best = IMPORTERS[IMPORTERS.length - 1]!;
  let conf = -1;
  for (const i of IMPORTERS) {
    const c = i.detect(src);
    if (c > conf) {
      best = i;
      conf = c;
    }
    // The regional readers are exact about their layouts: the first that claims a text takes it.
    if (c >= 0.9) break;
  }
  return { importer: best, confidence: Math.max(0, conf) };
}
