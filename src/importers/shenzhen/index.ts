/**
 * The Shenzhen district department-budget importer (profile `shenzhen-dept-budget`): the text of the
 * published PDF → BudgetDocument. Structure first (parts, tables, forms), then each part by its own
 * parser; every value keeps its line, page and raw text.
 */
import { BudgetDocument, type BudgetDocument as Doc } from '../../domain/model.js';
import { FiscusError } from '../../domain/errors.js';
import { readSourceText, type SourceText } from '../text/source.js';
import { newContext } from './context.js';
import { splitShenzhen } from './sections.js';
import { parseNarrative } from './narrative.js';
import { parseTables } from './tables.js';
import { parseDepartmentTargets, parseProjectForm, linkFormsToProjects } from './forms.js';

/** True when the text looks like a Shenzhen department budget (for profile detection). */
export function looksLikeShenzhen(src: SourceText): boolean {
  const head = src.lines.slice(0, 400).map((l) => l.text);
  // Its table 14 and project forms are 申报表 (部门（单位）整体支出绩效目标申报表, 预算项目支出绩效目标申报表).
  return head.some((t) => /^第一部分\s*部门概况/.test(t)) && src.lines.some((l) => /^表\s*14$/.test(l.text)) && src.lines.some((l) => /绩效目标申报表/.test(l.text.replace(/\s+/g, '')));
}

/** Imports Shenzhen disclosure text from already-read source lines. */
export function importShenzhenSource(src: SourceText): Doc {
  const ctx = newContext(src.file);
  const structure = splitShenzhen(src, ctx);
  const narrative = parseNarrative(structure.parts, ctx);
  const tables = parseTables(structure.tables.filter((t) => t.no !== 14), ctx);
  const t14 = structure.tables.find((t) => t.no === 14);
  const departmentTargets = t14 ? parseDepartmentTargets(t14, ctx) : null;
  const projectForms = structure.forms.map((f) => parseProjectForm(f, ctx));
  linkFormsToProjects(projectForms, tables, narrative, ctx);
  if (ctx.year === null || ctx.unitName === null) {
    throw new FiscusError('INPUT_INVALID', 'expected the unit name and budget year in the narrative, found neither', { file: src.file, line: 1 });
  }
  const doc: Doc = {
    schema: 'fiscus/budget-document@1',
    kind: '部门预算',
    profile: 'shenzhen-dept-budget',
    year: ctx.year,
    unit: { name: ctx.unitName, subordinateUnits: narrative.subordinateUnits },
    displayUnit: '万元',
    source: {
      file: src.file,
      sha256: src.sha256,
      format: 'text',
      lines: src.lineCount,
      pages: src.pages ?? structure.pageCount,
    },
    narrative: narrative.narrative,
    tables,
    projectForms,
    departmentTargets,
    importNotes: ctx.notes,
  };
  if (narrative.competentDepartment) doc.unit.competentDepartment = narrative.competentDepartment;
  else if (departmentTargets?.competentDepartment) doc.unit.competentDepartment = departmentTargets.competentDepartment;
  // The schema is the contract: an importer bug that breaks it is caught here, not downstream.
  return BudgetDocument.parse(doc);
}

/** Imports Shenzhen disclosure text (UTF-8 or GBK bytes). */
export function importShenzhenText(bytes: Uint8Array, file: string): Doc {
  return importShenzhenSource(readSourceText(bytes, file));
}
