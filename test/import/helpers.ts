/** Helpers for the import suites: the sample, walking a document's amounts, stripping provenance. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SAMPLE_PATH = fileURLToPath(new URL('../../samples/shenzhen-futian-data-center-2021-dept-budget.txt', import.meta.url));
export const SAMPLE_NAME = 'shenzhen-futian-data-center-2021-dept-budget.txt';
export const sampleBytes = (): Buffer => readFileSync(SAMPLE_PATH);
export const sampleText = (): string => readFileSync(SAMPLE_PATH, 'utf8');

export interface FoundAmount {
  path: string;
  fen: number;
  line: number | null;
  endLine: number | null;
  raw: string;
}

/** Every Money in a document (any object with an integer `fen`), with its JSON path. */
export function allAmounts(doc: unknown): FoundAmount[] {
  const out: FoundAmount[] = [];
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.fen === 'number') {
        const src = o.src as { line?: number | null; endLine?: number | null; raw?: string } | undefined;
        out.push({ path, fen: o.fen, line: src?.line ?? null, endLine: src?.endLine ?? null, raw: src?.raw ?? '' });
      }
      for (const [k, x] of Object.entries(o)) if (k !== 'src') walk(x, `${path}.${k}`);
    }
  };
  walk(doc, '$');
  return out;
}

/** A deep copy without provenance (src, endLine, line numbers) and without the source file block. */
export function withoutProvenance(doc: unknown): unknown {
  return JSON.parse(JSON.stringify(doc, (k, v: unknown) => (k === 'src' || k === 'source' ? undefined : v))) as unknown;
}
