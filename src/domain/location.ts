/**
 * The place a finding points at, in prose and as data (design.md convention 12). The rules report it;
 * the workflow keys waivers by its structural part; the front doors build links from it.
 */
/** Where a finding points: the section (table title, form), the item (row, project), the field. */
export interface Location {
  section: string;
  item?: string | null;
  field?: string | null;
  line: number | null;
  page: number | null;
  /** Table number when the place is in a numbered table; row id within it. */
  table?: number | null;
  row?: string | null;
  /** Project form id when the place is in a project form. */
  form?: string | null;
  /**
   * The place as data (design.md convention 12): the table's stable id in its document, the column
   * key, the indicator and the narrative fact key. Links are built from these, never from the prose.
   */
  tableId?: string | null;
  column?: string | null;
  indicator?: string | null;
  fact?: string | null;
}
