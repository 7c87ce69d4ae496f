/**
 * Performance-target forms (项目支出绩效目标表, 部门整体支出绩效目标表 and their regional variants):
 * a form block → project forms or the department-wide targets. Until the form reader reads their
 * structure, a form is kept as a table of its lines, so that nothing it prints is lost.
 */
import type { DepartmentTargets, ImportNote, ProjectForm, Table } from '../../domain/model.js';
import type { TableBlock } from './segment.js';
import { readTable, type TableContext } from './table.js';

export interface ReadForms {
  projectForms: ProjectForm[];
  departmentTargets: DepartmentTargets | null;
  /** The block as a table as well (its rows as printed), for display and coverage. */
  table: Table | null;
  notes: ImportNote[];
}

/** Reads a form block. */
export function readForms(block: TableBlock, ctx: TableContext): ReadForms {
  const r = readTable(block, ctx);
  return { projectForms: [], departmentTargets: null, table: r.table, notes: r.notes };
}
