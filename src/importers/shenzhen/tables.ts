/**
 * Tables 1–13 of a Shenzhen department budget: each block (表 N, title, 单位名称 line, header, rows)
 * becomes a Table with its role, columns (with sum relations) and rows exactly as printed, every
 * amount in fen with its line. Table 14 is structured separately (forms.ts).
 */
import type { Table } from '../../domain/model.js';
import { FiscusError } from '../../domain/errors.js';
import type { DisplayUnit } from '../../domain/money.js';
import type { SourceLine } from '../text/source.js';
import { lineOfError, reasonOf, rowUnreadable, srcOf, tableUnreadable, unreadable, type ImportContext, type TableRef } from './context.js';
import type { Block } from './sections.js';
import { SPECS, type TableSpec } from './tables/specs.js';
import { bare, readHeader, TableBuilder } from './tables/lines.js';
import { parseTwoSided } from './tables/two-sided.js';
import { parseEconomic, parseFunction, parsePerUnit, parsePerformance, parseProcurement, parseProjects, parseThreePublic, parseTransfers, type GridContext } from './tables/grid.js';

const UNIT_LINE = /^单位名称[:：]\s*(.*?)\s*单位[:：]\s*(万元|元)\s*$/;
const YEAR_IN_HEADER = /((?:19|20)\d{2})\s*年预算数/;
const NOTE_LINE = /^(?:注|说明)\s*[:：]/;

/**
 * Parses each table block (Shenzhen 表 1–13) into a Table with its role, columns and rows, and its id
 * ("t1", "t2" … in print order). Never refuses the document for one table: a table that cannot be
 * read at all (a number outside 1–13, a repeated table, a title, unit line or header column missing)
 * is left out and becomes a `table-unreadable` note, its id kept by no other table; a row that cannot
 * be read (a malformed amount, amounts that fit no placement into the columns) stays with its cells
 * unknown and becomes a `row-unreadable` note. Labels missing from the code tables are kept without
 * a code and noted in `ctx.notes`.
 */
export function parseTables(blocks: Block[], ctx: ImportContext): Table[] {
  const seen = new Map<number, SourceLine>();
  const g: GridContext = { year: ctx.year ?? yearOfHeaders(blocks), units: new Set(ctx.unitName ? [bare(ctx.unitName)] : []) };
  const out: Table[] = [];
  blocks.forEach((b, i) => {
    const head = b.lines[0]!;
    const ref: TableRef = { id: `t${i + 1}`, title: (b.lines[1]?.text ?? '').replace(/\s+/g, '') || `表 ${b.no}` };
    const first = seen.get(b.no);
    if (b.no < 1 || b.no > 13) ctx.notes.push(tableUnreadable(ref, head, `表号“表 ${b.no}”不是深圳部门预算的表 1 至表 13`));
    else if (first) ctx.notes.push(tableUnreadable(ref, head, `“表 ${b.no}”已在第 ${first.no} 行出现过`));
    else {
      seen.set(b.no, head);
      try {
        out.push(parseTable(b, ctx, g, ref));
      } catch (e) {
        if (!(e instanceof FiscusError)) throw e;
        ctx.notes.push(tableUnreadable(ref, lineOfError(e, b.lines) ?? head, reasonOf(e)));
      }
    }
  });
  return out;
}

function yearOfHeaders(blocks: Block[]): number | null {
  for (const b of blocks) {
    for (const l of b.lines) {
      const m = YEAR_IN_HEADER.exec(l.text);
      if (m) return Number(m[1]);
    }
  }
  return null;
}

function specFor(b: Block, ctx: ImportContext, titleLine: SourceLine | undefined): TableSpec {
  const byNo = SPECS.find((s) => s.no === b.no)!;
  const title = bare(titleLine?.text ?? '');
  if (title === bare(byNo.title)) return byNo;
  const byTitle = SPECS.find((s) => bare(s.title) === title);
  if (byTitle) {
    ctx.notes.push({
      severity: 'info',
      message: `表 ${b.no} is titled "${titleLine!.text}", read as the table usually numbered 表 ${byTitle.no}`,
      src: srcOf(titleLine!),
    });
    return { ...byTitle, no: b.no };
  }
  return unreadable(ctx, titleLine ?? b.lines[0], `表 ${b.no} 的标题“${byNo.title}”`, `“表 ${b.no}”的标题不是深圳部门预算的表名（表 ${b.no} 通常为《${byNo.title}》）`, titleLine?.text);
}

function parseTable(b: Block, ctx: ImportContext, g: GridContext, ref: TableRef): Table {
  const head = b.lines[0]!;
  const titleLine = b.lines[1];
  const spec = specFor(b, ctx, titleLine);
  const unitAt = b.lines.findIndex((l, i) => i > 1 && UNIT_LINE.test(l.text));
  if (unitAt < 0) unreadable(ctx, b.lines[2] ?? titleLine, `表 ${b.no} 标题下的“单位名称:… 单位:万元”`, '标题下没有“单位名称：… 单位：万元”一行，金额单位不明');
  const unitLine = b.lines[unitAt]!;
  const [, unitName = '', unitText] = UNIT_LINE.exec(unitLine.text)!;
  const unit = unitText as DisplayUnit;
  if (unitName) g.units.add(bare(unitName));

  const rest = b.lines.slice(unitAt + 1);
  const looksLikeData = (l: SourceLine) => {
    const s = bare(l.text);
    if (s.length >= 4 && [...g.units].some((u) => u.startsWith(s) || s.startsWith(u))) return true;
    return l.text.split(/\s+/).some((w) => /^\d[\d,]*\.\d+$/.test(w));
  };
  const headerEnd = readHeader(ctx, spec, rest, looksLikeData);
  const header = rest.slice(0, headerEnd);
  let data = rest.slice(headerEnd);
  // A note under the table ("注：本单位无政府性基金预算支出，本表无数据。") runs to the end of the block.
  const noteAt = data.findIndex((l) => NOTE_LINE.test(l.text));
  const noteLines = noteAt >= 0 ? data.slice(noteAt) : [];
  if (noteAt >= 0) data = data.slice(0, noteAt);

  const t = new TableBuilder(ctx, spec, unit);
  let columns = spec.columns;
  const y = spec.shape === 'two-sided' ? header.map((l) => YEAR_IN_HEADER.exec(l.text)?.[1]).find((x) => x !== undefined) : undefined;
  if (y) columns = columns.map((c) => ({ ...c, header: [`${y}年预算数`] }));
  try {
    readRows(t, spec, data, g);
  } catch (e) {
    // A safety net: what the row readers did not expect cuts the table at its line, keeping the rows above.
    if (!(e instanceof FiscusError)) throw e;
    t.cutAt(lineOfError(e, data) ?? data[0] ?? head, reasonOf(e));
    if (spec.shape === 'two-sided') t.sortByLine();
  }
  t.flushPending();
  for (const u of t.unread) ctx.notes.push(rowUnreadable(ref, u.line, u.reason, u.row?.id ?? null));
  const last = b.lines[b.lines.length - 1] ?? head;
  if (t.ambiguousRows > 0) {
    ctx.notes.push({
      severity: 'info',
      message: `表 ${b.no}: ${t.ambiguousRows} row(s) printed fewer cells than columns and more than one placement fits the column sums; the earliest columns were taken`,
      src: srcOf(head, head.text, last),
    });
  }
  const table: Table = {
    id: ref.id,
    no: b.no,
    role: spec.role,
    title: { text: titleLine!.text, src: srcOf(titleLine!) },
    unitName: { text: unitName, src: srcOf(unitLine, unitName) },
    displayUnit: unit,
    columns,
    rows: t.rows,
    src: srcOf(head, `${head.text} ${titleLine!.text}`, last),
  };
  if (spec.shape === 'two-sided') table.sides = { revenue: 'amount', expenditure: 'amount' };
  if (noteLines.length > 0) {
    const text = noteLines.map((l) => l.text).join('');
    table.note = { text, src: srcOf(noteLines[0]!, text, noteLines[noteLines.length - 1]) };
  }
  return table;
}

/** Reads the data lines of a table by the parser of its shape. */
function readRows(t: TableBuilder, spec: TableSpec, data: SourceLine[], g: GridContext): void {
  if (spec.shape === 'two-sided') {
    parseTwoSided(t, data, g.year);
  } else {
    const parse = {
      'per-unit': parsePerUnit,
      economic: parseEconomic,
      projects: parseProjects,
      function: parseFunction,
      transfers: parseTransfers,
      procurement: parseProcurement,
      'three-public': parseThreePublic,
      performance: parsePerformance,
    }[spec.shape];
    parse(t, data, g);
  }
}
