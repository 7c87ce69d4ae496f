/**
 * Tables whose rows carry a classification code printed as separate `类 款 项` columns (function and
 * economic tables of both Shanghai profiles). Values may sit on the code line or, when the PDF
 * centred a cell vertically, on amount-only lines just above it: those belong to the next row.
 */
import type { Column, Money, Row, Table, TableRole } from '../../domain/model.js';
import type { DisplayUnit } from '../../domain/money.js';
import { squash } from '../../domain/text.js';
import type { SourceLine } from '../text/source.js';
import { clip, isMalformedNumber, moneyAt, note, rowUnreadable, srcOf, Unreadable, unreadable, type ShanghaiContext, type TableRef } from './context.js';
import { anchorOf, assignToColumns, centerOf, isAmountTok, labelRuns, median, tokensOf, type Tok } from './layout.js';
import { pushAll } from '../../domain/arrays.js';

/** A column of a layout profile: contract key, printed header path, and a regex locating it in the header. */
export interface ColumnSpec {
  key: string;
  header: string[];
  marker: RegExp;
  /** Which occurrence of the marker on the header lines (0 = first). */
  nth?: number;
  sumOf?: string[];
}

export interface CodeTableSpec {
  role: TableRole;
  codeSystem: 'function' | 'econ';
  columns: ColumnSpec[];
}

/** A table as cut from the text: its title line and the lines up to the next table or part. */
export interface TableBlock {
  no: number;
  role: TableRole;
  title: SourceLine;
  lines: SourceLine[];
}

interface RawRow {
  kind: 'code' | 'total';
  codes: string[];
  label: string;
  line: SourceLine;
  last: SourceLine;
  toks: Tok[];
  /** Numbers printed on the row that are not well-formed amounts: they make the row unreadable. */
  bad: Tok[];
}

const CODE_HEAD = /^(\d{3})(?=\s|$)/;

/** The display unit a table states ("单位：元", "单位:万元"); 万元 when it states none. */
export function unitOf(block: TableBlock): DisplayUnit {
  for (const l of [block.title, ...block.lines.slice(0, 6)]) {
    const m = /单位\s*[:：]\s*(万元|元)/.exec(l.text);
    if (m) return m[1] as DisplayUnit;
  }
  return '万元';
}

/** The note printed under a table ("注:本部门…故本表为空表。"), when there is one. */
export function noteOf(block: TableBlock): { text: string; src: ReturnType<typeof srcOf> } | undefined {
  const i = block.lines.findIndex((l) => /^注\s*[:：]/.test(l.text));
  if (i < 0) return undefined;
  const first = block.lines[i]!;
  return { text: first.text, src: srcOf(first) };
}

/** Per-page anchors: fully printed rows first, else the header markers on the page, else the page before. */
export function pageAnchors(
  ctx: ShanghaiContext,
  rowsByPage: Map<number | null, Tok[][]>,
  headersByPage: Map<number | null, SourceLine[]>,
  columns: ColumnSpec[],
  where: SourceLine,
): Map<number | null, number[]> {
  const out = new Map<number | null, number[]>();
  let prev: number[] | null = null;
  const pages = [...new Set([...rowsByPage.keys()])];
  for (const p of pages) {
    const full = (rowsByPage.get(p) ?? []).filter((ts) => ts.length === columns.length);
    let a: number[] | null = null;
    if (full.length > 0) {
      a = columns.map((_, j) => median(full.map((ts) => centerOf([...ts].sort((x, y) => x.x - y.x)[j]!))));
    } else {
      const hs = headersByPage.get(p) ?? [];
      const found = columns.map((c) => anchorOf(hs, c.marker, c.nth ?? 0));
      if (found.every((x) => x !== null)) a = found;
    }
    a ??= prev;
    if (!a) {
      const names = columns.map((c) => c.header.join('')).join(' / ');
      unreadable(ctx, where, `首个金额之上的表头各列（${names}）`, `金额之上找不到表头各列（${names}），各金额无法对应到列`);
    }
    out.set(p, a);
    prev = a;
  }
  return out;
}

/** Places a row's amount tokens into the columns; every printed amount must find a column (else an {@link Unreadable}). */
export function placeAmounts(ctx: ShanghaiContext, toks: Tok[], anchors: number[], columns: ColumnSpec[], unit: DisplayUnit, at: SourceLine): Record<string, Money | null> {
  const placed = assignToColumns(toks, anchors);
  if (!placed) {
    const printed = toks.map((t) => t.text).join(' ');
    unreadable(ctx, at, `一行至多 ${columns.length} 个金额`, `印有 ${toks.length} 个金额（${clip(printed)}），多于本表的 ${columns.length} 个金额列`, printed);
  }
  const out: Record<string, Money | null> = {};
  columns.forEach((c, j) => {
    const t = placed[j];
    out[c.key] = t ? moneyAt(ctx, t.line, t.text, unit) : null;
  });
  return out;
}

/** A row's cells as read: placed amounts, or unknown cells with the printed figures unplaced and why. */
export interface ReadAmounts {
  amounts: Record<string, Money | null>;
  unplaced: Money[];
  problem: { line: SourceLine; reason: string } | null;
}

/** The well-formed amounts among tokens, as Money (for a row whose cells are unknown). */
export function amountsOf(ctx: ShanghaiContext, toks: Tok[], unit: DisplayUnit): Money[] {
  return toks.flatMap((t) => {
    try {
      return [moneyAt(ctx, t.line, t.text, unit)];
    } catch (e) {
      if (e instanceof Unreadable) return [];
      throw e;
    }
  });
}

/**
 * Reads a row's cells: `place` puts the amount tokens in the columns. When a printed number is not an
 * amount, or the figures cannot be placed, every cell is unknown (null), the figures are kept unplaced
 * and the problem is returned for the row's `row-unreadable` note: never a guess, never a refusal.
 */
export function readRowAmounts(ctx: ShanghaiContext, toks: Tok[], bad: Tok[], keys: string[], unit: DisplayUnit, at: SourceLine, place: () => Record<string, Money | null>): ReadAmounts {
  const empty = (): Record<string, Money | null> => Object.fromEntries(keys.map((k) => [k, null]));
  if (bad.length > 0) {
    return { amounts: empty(), unplaced: amountsOf(ctx, toks, unit), problem: { line: bad[0]!.line, reason: bad.map((b) => `“${clip(b.text)}”不是金额（${unit}）`).join('；') } };
  }
  if (toks.length === 0) return { amounts: empty(), unplaced: [], problem: null };
  try {
    return { amounts: place(), unplaced: [], problem: null };
  } catch (e) {
    if (!(e instanceof Unreadable)) throw e;
    const line = toks.find((t) => t.line.no === e.where.line)?.line ?? at;
    return { amounts: empty(), unplaced: amountsOf(ctx, toks, unit), problem: { line, reason: e.reason } };
  }
}

/** Puts what `readRowAmounts` found on the row it belongs to: unplaced figures and the import note. */
export function settleRow(ctx: ShanghaiContext, ref: TableRef, row: Row, r: ReadAmounts): void {
  if (r.unplaced.length > 0) row.unplaced = [...(row.unplaced ?? []), ...r.unplaced];
  if (r.problem) ctx.notes.push(rowUnreadable(ref, r.problem.line, r.problem.reason, row.id));
}

/** Table columns from the specs. */
export function columnsOf(specs: ColumnSpec[]): Column[] {
  return specs.map((c) => ({ key: c.key, header: c.header, kind: 'amount' as const, ...(c.sumOf ? { sumOf: c.sumOf } : {}) }));
}

/**
 * Parses a code-column table (function or economic classification) into a Table. A row that cannot
 * be read keeps its code and name with unknown cells and becomes a `row-unreadable` note; a line that
 * makes no row (figures beside no code) is noted on its line; neither refuses the document.
 */
export function parseCodeTable(ctx: ShanghaiContext, block: TableBlock, spec: CodeTableSpec, ref: TableRef): Table {
  const unit = unitOf(block);
  const raws: RawRow[] = [];
  const headersByPage = new Map<number | null, SourceLine[]>();
  const rowsByPage = new Map<number | null, Tok[][]>();
  let pending: Tok[] = [];
  let pendingBad: Tok[] = [];
  let codeX: { kuan: number | null; xiang: number | null } = { kuan: null, xiang: null };
  const seenData = new Set<number | null>();
  for (const l of block.lines) {
    if (/^注\s*[:：]/.test(l.text)) break;
    if (/单位\s*[:：]/.test(l.text) || /^编制(部门|单位)/.test(l.text)) continue;
    const toks = tokensOf(l);
    const amounts = toks.filter(isAmountTok);
    const bad = toks.filter((t) => isMalformedNumber(t.text));
    const words = toks.filter((t) => !isAmountTok(t) && !bad.includes(t));
    const head = CODE_HEAD.exec(l.text);
    if (/^类\s+款/.test(l.text)) {
      const k = anchorOf([l], /款/);
      const x = anchorOf([l], /项/);
      codeX = { kuan: k, xiang: x };
      if (!seenData.has(l.page)) headersByPage.set(l.page, [...(headersByPage.get(l.page) ?? []), l]);
      // Some producers (ONLYOFFICE) put the 合计 row's first amounts on the baseline of this header
      // line: they belong to the next 合计 or code line, like amounts printed alone above it.
      pushAll(pending, amounts);
      continue;
    }
    if (head && toks[0]!.x <= 4) {
      const codes = [toks[0]!.text];
      let k = 1;
      for (const pos of [codeX.kuan, codeX.xiang]) {
        const t = toks[k];
        if (t && /^\d{1,2}$/.test(t.text) && (pos === null || Math.abs(centerOf(t) - pos) <= 4)) {
          codes.push(t.text);
          k++;
        } else break;
      }
      const rest = toks.slice(k);
      const label = labelRuns(rest.filter((t) => !isAmountTok(t) && !bad.includes(t)))
        .map((t) => t.text)
        .join('');
      raws.push({ kind: 'code', codes, label, line: l, last: l, toks: [...pending, ...rest.filter(isAmountTok)], bad: [...pendingBad, ...bad] });
      pending = [];
      pendingBad = [];
      seenData.add(l.page);
      continue;
    }
    if (words.length > 0 && squash(words.map((w) => w.text).join('')) === '合计') {
      raws.push({ kind: 'total', codes: [], label: '合计', line: l, last: l, toks: [...pending, ...amounts], bad: [...pendingBad, ...bad] });
      pending = [];
      pendingBad = [];
      seenData.add(l.page);
      continue;
    }
    if (words.length === 0 && (amounts.length > 0 || bad.length > 0)) {
      pushAll(pending, amounts);
      pushAll(pendingBad, bad);
      continue;
    }
    const prev = raws[raws.length - 1];
    if (prev && seenData.has(l.page) && amounts.length === 0 && bad.length === 0 && prev.kind === 'code') {
      // A name the PDF wrapped onto the following lines.
      prev.label += words.map((w) => w.text).join('');
      prev.last = l;
      continue;
    }
    if (amounts.length > 0 || (bad.length > 0 && seenData.has(l.page))) {
      // Figures beside a text that is neither a code nor 合计: which row they belong to cannot be told.
      ctx.notes.push(rowUnreadable(ref, l, `应为代码行、合计行或单独一行的金额，实为“${clip(l.text)}”`));
      continue;
    }
    if (!seenData.has(l.page)) headersByPage.set(l.page, [...(headersByPage.get(l.page) ?? []), l]);
  }
  if (pending.length > 0 || pendingBad.length > 0) {
    const first = [...pending, ...pendingBad].sort((a, b) => a.line.no - b.line.no)[0]!;
    ctx.notes.push(rowUnreadable(ref, first.line, `金额“${clip([...pending, ...pendingBad].map((t) => t.text).join(' '))}”之后没有代码行或合计行，无法确定所属的行`));
  }
  for (const r of raws) rowsByPage.set(r.line.page, [...(rowsByPage.get(r.line.page) ?? []), r.toks]);
  const anchors = raws.length > 0 ? pageAnchors(ctx, rowsByPage, headersByPage, spec.columns, block.title) : new Map<number | null, number[]>();
  const prefix = spec.codeSystem === 'function' ? 'f' : 'e';
  const rows: Row[] = [];
  const ids = new Set<string>();
  for (const r of raws) {
    const read = readRowAmounts(
      ctx,
      r.toks,
      r.bad,
      spec.columns.map((c) => c.key),
      unit,
      r.line,
      () => placeAmounts(ctx, r.toks, anchors.get(r.line.page)!, spec.columns, unit, r.line),
    );
    const amounts = read.amounts;
    if (r.kind === 'total') {
      const row: Row = { id: 'total', kind: 'total', label: '合计', level: 0, parent: null, amounts, src: srcOf(r.line) };
      rows.push(row);
      settleRow(ctx, ref, row, read);
      continue;
    }
    const parts = r.codes.map((c, i) => {
      if (i > 0 && c.length === 1) {
        note(ctx, r.line, `代码“${c}”只印了一位，按两位“0${c}”读取`);
        return '0' + c;
      }
      return c;
    });
    const code = parts.join('');
    let id = prefix + code;
    for (let n = 2; ids.has(id); n++) id = `${prefix}${code}-${n}`;
    ids.add(id);
    const parentCode = parts.length > 1 ? parts.slice(0, -1).join('') : null;
    const parent = parentCode && ids.has(prefix + parentCode) ? prefix + parentCode : null;
    const level = parts.length;
    const leaf = spec.codeSystem === 'function' ? level === 3 : level === 2;
    const row: Row = {
      id,
      kind: leaf ? 'item' : 'group',
      label: r.label,
      code,
      codeSystem: spec.codeSystem,
      codeResolved: 'printed',
      level,
      parent,
      amounts,
      src: srcOf(r.line, r.line.text, r.last),
    };
    rows.push(row);
    settleRow(ctx, ref, row, read);
  }
  const t: Table = {
    no: null,
    role: spec.role,
    title: { text: block.title.text, src: srcOf(block.title) },
    displayUnit: unit,
    columns: columnsOf(spec.columns),
    rows,
    src: srcOf(block.title),
  };
  const n = noteOf(block);
  if (n) t.note = n;
  return t;
}
