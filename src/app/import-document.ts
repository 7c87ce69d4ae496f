/**
 * Import use case: a file's bytes → BudgetDocument, choosing the format from the content (PDF, XLSX,
 * canonical JSON, disclosure text) and the layout profile from the text (or `profile` when given).
 */
import { basename } from 'node:path';
import { BudgetDocument, type Profile } from '../domain/model.js';
import { FiscusError } from '../domain/errors.js';
import { readSourceText } from '../importers/index.js';
import { byteOrderMark, decodeUnicode } from '../importers/text/source.js';
import { chooseImporter, importerOf } from '../importers/registry.js';
import { coverageOf } from '../importers/coverage.js';
import { readPdf } from '../importers/pdf/index.js';
import { punctuationOf } from '../importers/text/punctuation.js';
import { readInputFile } from './read-input.js';
import { DEFAULT_LIMITS } from './limits.js';
import { sniffFormat } from './source-format.js';

export interface ImportOptions {
  profile?: Profile;
  /** Name to report in messages and provenance (defaults to the file's base name). */
  name?: string;
  /** For a PDF: called with its page count before any page is read (the parser pool's page limit). */
  checkPages?: (pages: number) => void;
}

// Its own small module, so that a command can choose where to read a file without loading the importers.
export { sniffFormat, type SourceFormat } from './source-format.js';

/** Parses canonical JSON, naming the first schema violation's path. */
export function parseCanonicalJson(bytes: Uint8Array, file: string): BudgetDocument {
  let data: unknown;
  const bom = byteOrderMark(bytes);
  const text = bom && bom.encoding !== 'utf-8' ? decodeUnicode(bytes.subarray(bom.length), bom.encoding, false) : new TextDecoder().decode(bytes);
  try {
    data = JSON.parse(text);
  } catch (e) {
    const pos = /position (\d+)/.exec(String(e))?.[1];
    const line = pos ? text.slice(0, Number(pos)).split('\n').length : 1;
    throw new FiscusError('INPUT_UNREADABLE', `JSON 有语法错误（${(e as Error).message}） (expected JSON, found a syntax error (${(e as Error).message}))`, { file, line });
  }
  const r = BudgetDocument.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new FiscusError('INPUT_INVALID', `不是 fiscus 预算文档：${issue.path.join('.') || '（根）'}：${issue.message} (expected a fiscus budget document)`, {
      file,
      line: null,
      field: issue.path.join('.'),
    });
  }
  return r.data;
}

/** Gives every table its stable id ("t1", "t2" … in print order) where the source gave none. */
export function withTableIds(doc: BudgetDocument): BudgetDocument {
  doc.tables.forEach((t, i) => (t.id ??= `t${i + 1}`));
  return doc;
}

/** Imports bytes of any supported format. */
export async function importBytes(bytes: Uint8Array, file: string, opts: ImportOptions = {}): Promise<BudgetDocument> {
  const format = sniffFormat(bytes);
  if (format === 'json') return withTableIds(parseCanonicalJson(bytes, file));
  // exceljs is heavy to load: only when a spreadsheet actually arrives (batch audits of PDFs and texts).
  if (format === 'xlsx') return withTableIds(await (await import('../importers/xlsx/index.js')).importXlsx(bytes, file));
  // A PDF becomes the same SourceText a disclosure text gives; lines are those of its layout text.
  const pdf = format === 'pdf' ? await readPdf(bytes, file, opts.checkPages ? { checkPages: opts.checkPages } : {}) : null;
  const src = pdf ? pdf.source : readSourceText(bytes, file);
  const named = opts.profile ? importerOf(opts.profile) : undefined;
  if (opts.profile && !named) throw new FiscusError('INPUT_INVALID', `没有名为 "${opts.profile}" 的公开文本版式 (expected a disclosure layout profile, found "${opts.profile}")`, { file, line: null });
  const { importer, confidence } = named ? { importer: named, confidence: 1 } : chooseImporter(src);
  let doc = importer.read(src);
  if (pdf) doc = { ...doc, source: { ...doc.source, format: 'pdf', pages: src.pages ?? doc.source.pages } };
  const punctuation = punctuationOf(src.lines);
  if (punctuation) doc = { ...doc, source: { ...doc.source, punctuation } };
  withTableIds(doc);
  doc.coverage = coverageOf(doc, pdf ? pdf.text : src.lines.map((l) => l.text).join('\n'), importer.profile, confidence);
  return doc;
}

/** Imports a file from disk (a regular file within the import limit: read-input.ts). */
export async function importFile(path: string, opts: ImportOptions = {}): Promise<BudgetDocument> {
  return importBytes(await readInputFile(path, DEFAULT_LIMITS.body.import, 'body.import'), opts.name ?? basename(path), opts);
}
