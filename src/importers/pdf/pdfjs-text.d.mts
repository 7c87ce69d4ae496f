/** Types of pdfjs-text.mjs (plain JavaScript so that audit workers load it before tsx). */
export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

export interface WorkerPatch {
  name: string;
  /** The module patched: pdf.worker.mjs (default) or pdf.mjs. */
  target?: 'worker' | 'main';
  find: string;
  replace: string;
  /** Text put in place of `preludeAt` (a definition the replacement uses). */
  prelude?: string;
  preludeAt?: string;
}

/** Exact replacements in pdfjs's pdf.worker.mjs that skip work done only for rendering glyphs. */
export const PATCHES: readonly WorkerPatch[];

/** Applies the PATCHES that match exactly once; returns the new source and the names applied. */
export function patchWorkerSource(source: string, skip?: readonly string[]): { source: string; applied: string[] };

/** Applies the PATCHES of one module whose texts occur exactly once, except those in `skip`. */
export function patchSource(source: string, target: 'worker' | 'main', skip?: readonly string[]): { source: string; applied: string[] };

/** pdfjs for text extraction, loaded once per thread (native Array push / JSON restored after it). */
export function loadPdfJs(): Promise<PdfJs>;

/** Which text-only replacements are in effect, and which this module knows. */
export function textOnlyPatches(): Promise<{ applied: string[]; known: string[] }>;
