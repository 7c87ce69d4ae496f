/**
 * Where a finding points, built from a table, a row and a column: section = table title, item = row
 * (code and label), field = column header, line/page from the cell's provenance (else the row's).
 */
import type { Row, Src, Table } from '../../domain/model.js';
import type { Location } from '../types.js';

/** "表7" for a numbered table, else its title. */
export function tableName(t: Table): string {
  return t.no !== null ? `表${t.no}` : t.title.text;
}

/** A row as people read it: "2010399 其他政府办公厅（室）及相关机构事务支出" or just the label. */
export function rowName(r: Row): string {
  const label = r.label.replace(/\s+/g, '');
  const classified = r.codeSystem === 'function' || r.codeSystem === 'econ' || r.codeSystem === 'procurement';
  return r.code && classified && !label.startsWith(r.code) ? `${r.code} ${label}` : label;
}

/** The printed header of a column ("政府预算拨款/一般公共预算拨款/小计" → "一般公共预算拨款小计"), or the key. */
export function columnLabel(t: Table, key: string): string {
  const c = t.columns.find((x) => x.key === key);
  if (!c) return key;
  const h = c.header.map((s) => s.replace(/\s+/g, '')).filter((s) => s !== '');
  if (h.length === 0) return key;
  const last = h[h.length - 1]!;
  // "小计" alone says nothing: name it by its group ("一般公共预算拨款小计").
  return last === '小计' && h.length > 1 ? `${h[h.length - 2]}小计` : last;
}

/** Location of a cell (or of a row when `key` is absent). */
export function locRow(t: Table, r: Row, key?: string | null): Location {
  const src = (key ? r.amounts[key]?.src : undefined) ?? r.src;
  return {
    section: t.title.text,
    item: rowName(r),
    field: key ? columnLabel(t, key) : null,
    line: src.line,
    page: src.page,
    table: t.no,
    row: r.id,
    tableId: t.id ?? null,
    column: key ?? null,
  };
}

/** Location of a whole table. */
export function locTable(t: Table, field?: string | null): Location {
  return { section: t.title.text, item: null, field: field ?? null, line: t.src.line, page: t.src.page, table: t.no, row: null, tableId: t.id ?? null };
}

/** Location from a section name and a provenance. */
export function locSrc(section: string, src: Src | null | undefined, item?: string | null, field?: string | null): Location {
  return { section, item: item ?? null, field: field ?? null, line: src?.line ?? null, page: src?.page ?? null };
}
