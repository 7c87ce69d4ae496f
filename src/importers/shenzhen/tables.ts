/** Tables 1–13 of a Shenzhen department budget. (Stub: replaced by the table parser.) */
import type { Table } from '../../domain/model.js';
import type { ImportContext } from './context.js';
import type { Block } from './sections.js';

/** Parses each table block into a Table with its role, columns and rows. */
export function parseTables(blocks: Block[], ctx: ImportContext): Table[] {
  void blocks;
  void ctx;
  return [];
}
