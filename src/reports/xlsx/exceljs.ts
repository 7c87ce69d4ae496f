/**
 * exceljs, loaded by the first workbook made (through require: it is CommonJS, and an ES import of it
 * makes Node scan its 1 MB for export names as well). A process that may write a workbook (the server,
 * a parser thread) starts without it: a quarter of a second, more on a busy machine.
 */
import { createRequire } from 'node:module';
import type * as ExcelJS from 'exceljs';

let lib: typeof ExcelJS | undefined;

/** The exceljs module. */
export function exceljs(): typeof ExcelJS {
  return (lib ??= createRequire(import.meta.url)('exceljs') as typeof ExcelJS);
}
