/**
 * Tables 1–13 of a Shenzhen department budget: each block (表 N, title, 单位名称 line, header, rows)
 * becomes a Table with its role, columns (with sum relations) and rows exactly as printed, every
 * amount in fen with its line. Table 14 is structured separately (forms.ts).
 */
import type { Table } from '../../domain/model.js';
import type { DisplayUnit } from '../../domain/money.js';
import type { SourceLine } from '../text/source.js';
import { fail, srcOf, type ImportContext } from './context.js';
import type { Block } from './sections.js';
import { SPECS, type TableSpec } from './tables/specs.js';
import { bare, readHeader, TableBuilder } from './tables/lines.js';
import { parseTwoSided } from './tables/two-sided.js';
import {
  parseEconomic,
  parseFunction,
  parsePerUnit,
  parsePerformance,
  parseProcurement,
  parseProjects,
  parseThreePublic,
  parseTransfers,
  type GridContext,
} from './tables/grid.js';

const UNIT_LINE = /^单位名称[:：]\s*(.*?)\s*单位[:：]\s*(万元|元)\s*$/;
const YEAR_IN_HEADER = /((?:19|20)\d{2})\s*年预算数/;
const NOTE_LINE = /^(?:注|说明)\s*[:：]/;

/**
 * Parses each table block (Shenzhen 表 1–13) into a Table with its role, columns and rows.
 * Fails with file:line on a table number outside 1–13, a repeated table, a missing title, unit line
 * or header column, a malformed amount, or a row whose amounts fit no placement into the columns.
 * Labels missing from the code tables are kept without a code and noted in `ctx.notes`.
 */
export function parseTables(blocks: Block[], ctx: ImportContext): Table[] {
  const seen = new Map<number, SourceLine>();
  for (const b of blocks) {
    const head = b.lines[0];
    if (b.no < 1 || b.no > 13) fail(ctx, head, 'a budget table numbered 表 1 … 表 13', `表 ${b.no}`);
    const first = seen.get(b.no);
    if (first) fail(ctx, head, `one "表 ${b.no}" (already at line ${first.no})`, `a second 表 ${b.no}`);
    if (head) seen.set(b.no, head);
  }
  const g: GridContext = { year: ctx.year ?? yearOfHeaders(blocks), units: new Set(ctx.unitName ? [bare(ctx.unitName)] : []) };
  return blocks.map((b) => parseTable(b, ctx, g));
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
  return fail(ctx, titleLine ?? b.lines[0], `the title "${byNo.title}" of 表 ${b.no}`);
}

function parseTable(b: Block, ctx: ImportContext, g: GridContext): Table {
  const head = b.lines[0]!;
  const titleLine = b.lines[1];
  const spec = specFor(b, ctx, titleLine);
  const unitAt = b.lines.findIndex((l, i) => i > 1 && UNIT_LINE.test(l.text));
  if (unitAt < 0) fail(ctx, b.lines[2] ?? titleLine, `"单位名称:… 单位:万元" under the title of 表 ${b.no}`);
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
  if (spec.shape === 'two-sided') {
    const y = header.map((l) => YEAR_IN_HEADER.exec(l.text)?.[1]).find((x) => x !== undefined);
    if (y) columns = columns.map((c) => ({ ...c, header: [`${y}年预算数`] }));
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
  const last = b.lines[b.lines.length - 1] ?? head;
  if (t.ambiguousRows > 0) {
    ctx.notes.push({
      severity: 'info',
      message: `表 ${b.no}: ${t.ambiguousRows} row(s) printed fewer cells than columns and more than one placement fits the column sums; the earliest columns were taken`,
      src: srcOf(head, head.text, last),
    });
  }
  const table: Table = {
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
