/**
 * Template use case: the XLSX authoring workbook, empty (the Shenzhen standard tables 1–13 with
 * their headers and table 14; no project form sheet yet) or filled from an existing document.
 */
import { SPECS } from '../importers/shenzhen/tables/specs.js';
import { writeTemplate } from '../reports/template/index.js';
import type { ImportOptions } from './import-document.js';
import { importFileIsolated } from './isolation/pool.js';

export interface TemplateOptions {
  /** A document (.txt/.pdf/.json/.xlsx) to fill the template from. */
  from?: string;
  /** Budget year of an empty template (selects the code tables' names). */
  year?: number;
  import?: ImportOptions;
}

/** Builds the authoring template as XLSX bytes. Import errors of `from` propagate as FiscusError. */
export async function buildTemplateFile(opts: TemplateOptions = {}): Promise<Uint8Array> {
  const doc = opts.from ? await importFileIsolated(opts.from, opts.import ?? {}) : null;
  return writeTemplate({
    doc,
    standardTables: SPECS.map((s) => ({ no: s.no, role: s.role, title: s.title, columns: s.columns })),
    ...(opts.year !== undefined ? { year: opts.year } : {}),
  });
}
