/**
 * The list of a document's table pages: its tables in print order under their own titles (the
 * Shenzhen outline adds "表N"), then the department-wide form when the document holds it only as a form.
 */
import { roleName } from '../domain/catalogue/index.js';
import type { BudgetDocument } from '../domain/model.js';
import { numberLabelOf, outlineOf, tableIdOf, type TableView } from '../reports/view/index.js';
import { TARGETS_PAGE } from './figures.js';

/** One entry of the table list: the page id and how the document names the table. */
export interface TableNavItem {
  id: string;
  label: string;
}

/** How a table is named in lists and headings: the number fiscus prints (Shenzhen) and the title. */
export function tableLabel(v: Pick<TableView, 'numberLabel' | 'title'>): string {
  return v.numberLabel ? `${v.numberLabel.replace(/\s+/g, '')} ${v.title}` : v.title;
}

/** The department-wide form's name in the list: Shenzhen table 14, else the national name. */
export function targetsLabel(doc: BudgetDocument): string {
  return outlineOf(doc) === 'shenzhen' ? '表14 整体支出绩效目标' : roleName('department-targets', doc.kind);
}

/** True when the document holds the department-wide form only as a form (no printed table of it). */
export function hasTargetsPage(doc: BudgetDocument): boolean {
  return doc.departmentTargets !== null && !doc.tables.some((t) => t.role === 'department-targets');
}

/** The tables of a document in print order (then the department-wide form when it has no table). */
export function tableNav(doc: BudgetDocument): TableNavItem[] {
  const outline = outlineOf(doc);
  const tables = outline === 'shenzhen' ? [...doc.tables].sort((a, b) => (a.no ?? 99) - (b.no ?? 99)) : doc.tables;
  const items = tables.map((t) => ({ id: tableIdOf(doc, t), label: tableLabel({ numberLabel: numberLabelOf(t, outline), title: t.title.text }) }));
  if (hasTargetsPage(doc)) items.push({ id: TARGETS_PAGE, label: targetsLabel(doc) });
  return items;
}

/** The page of a printed number (old URLs `/tables/7`): the table numbered so, or table 14's form. */
export function tablePageOfNumber(doc: BudgetDocument, no: number): string | null {
  const t = doc.tables.find((x) => x.no === no);
  if (t) return tableIdOf(doc, t);
  if (no === 14 && hasTargetsPage(doc)) return TARGETS_PAGE;
  return null;
}
