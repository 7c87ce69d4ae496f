/**
 * The Shenzhen district department-budget importer (profile `shenzhen-dept-budget`): the text of the
 * published PDF → BudgetDocument. Structure first (parts, tables, forms), then each part by its own
 * parser; every value keeps its line, page and raw text.
 */
import { BudgetDocument, type BudgetDocument as Doc } from '../../domain/model.js';
import { FiscusError } from '../../domain/errors.js';
import { readSourceText, type SourceText } from '../text/source.js';
import { lineOfError, newContext, reasonOf, srcOf, tableUnreadable, type ImportContext } from './context.js';
import { splitShenzhen, type Block } from './sections.js';
import { parseNarrative, type NarrativeResult } from './narrative.js';
import { parseTables } from './tables.js';
import { parseDepartmentTargets, parseProjectForm, linkFormsToProjects } from './forms.js';

/** True when the text looks like a Shenzhen department budget (for profile detection). */
export function looksLikeShenzhen(src: SourceText): boolean {
  const head = src.lines.slice(0, 400).map((l) => l.text);
  // Its table 14 and project forms are 申报表 (部门（单位）整体支出绩效目标申报表, 预算项目支出绩效目标申报表).
  // A line can only read 绩效目标申报表 without its white space if it holds 申报表's first character (most lines do not).
  return (
    head.some((t) => /^第一部分\s*部门概况/.test(t)) &&
    src.lines.some((l) => /^表\s*14$/.test(l.text)) &&
    src.lines.some((l) => l.text.includes('申') && /绩效目标申报表/.test(l.text.replace(/\s+/g, '')))
  );
}

/** Imports Shenzhen disclosure text from already-read source lines. */
export function importShenzhenSource(src: SourceText): Doc {
  const ctx = newContext(src.file);
  const structure = splitShenzhen(src, ctx);
  const narrative = narrativeOrNoted(structure.parts, ctx);
  const tables = parseTables(
    structure.tables.filter((t) => t.no !== 14),
    ctx,
  );
  // Without a readable narrative, the year and the unit are those the tables print.
  ctx.year ??=
    tables
      .map((t) => /((?:19|20)\d{2})年预算数/.exec(t.columns[0]?.header.join('') ?? '')?.[1])
      .map(Number)
      .find((y) => y > 0) ?? null;
  ctx.unitName ??= tables.map((t) => t.unitName?.text).find((u) => u) ?? null;
  // Table 14 and the project forms are structured apart from the tables: one that cannot be read is
  // left out and noted (table-unreadable) at its line, and the rest of the document is still read.
  const t14 = structure.tables.find((t) => t.no === 14);
  const departmentTargets = t14 ? orNoted(ctx, t14, { id: `t${structure.tables.indexOf(t14) + 1}`, title: titleOf(t14) }, () => parseDepartmentTargets(t14, ctx)) : null;
  const projectForms = structure.forms.flatMap((f) => orNoted(ctx, f, { id: null, title: `${f.title}（第 ${f.no} 张）` }, () => [parseProjectForm(f, ctx)]) ?? []);
  linkFormsToProjects(projectForms, tables, narrative, ctx);
  if (ctx.year === null || ctx.unitName === null) {
    throw new FiscusError('INPUT_INVALID', '应在叙述或表头中印有单位名称和预算年度，实为两者都没有', { file: src.file, line: 1 });
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

/**
 * The narrative, or, when its skeleton cannot be read (no 第二部分, no revenue sentence), an empty
 * narrative and a `narrative-unreadable` note at the line: the tables and forms are still read.
 */
function narrativeOrNoted(parts: Block[], ctx: ImportContext): NarrativeResult {
  const before = ctx.notes.length;
  try {
    return parseNarrative(parts, ctx);
  } catch (e) {
    if (!(e instanceof FiscusError)) throw e;
    ctx.notes.length = before;
    const lines = parts.flatMap((p) => p.lines);
    const line = lineOfError(e, lines) ?? lines[0];
    ctx.notes.push({
      severity: 'error',
      code: 'narrative-unreadable',
      table: null,
      row: null,
      message: `说明部分未能读取${line ? `（第 ${line.no} 行）` : ''}：${reasonOf(e)}`,
      src: line ? srcOf(line) : { line: null, page: null, raw: '' },
    });
    return { narrative: { parts: [], duties: [], projects: [], glossary: [], facts: [] }, subordinateUnits: [] };
  }
}

/** A block's printed title (the line after "表 N"), without white space. */
const titleOf = (b: Block): string => (b.lines[1]?.text ?? b.title).replace(/\s+/g, '');

/**
 * Reads a block, or, when it cannot be read, notes it (`table-unreadable` at the line the input error
 * names, else its first line; `table` its id in print order, or null for a project form) and gives null.
 */
function orNoted<T>(ctx: ImportContext, b: Block, t: { id: string | null; title: string }, read: () => T): T | null {
  const before = ctx.notes.length;
  try {
    return read();
  } catch (e) {
    if (!(e instanceof FiscusError)) throw e;
    ctx.notes.length = before;
    const line = lineOfError(e, b.lines) ?? b.lines[0]!;
    ctx.notes.push({ ...tableUnreadable({ id: t.id ?? '', title: t.title }, line, reasonOf(e)), table: t.id });
    return null;
  }
}

/** Imports Shenzhen disclosure text (UTF-8 or GBK bytes). */
export function importShenzhenText(bytes: Uint8Array, file: string): Doc {
  return importShenzhenSource(readSourceText(bytes, file));
}
