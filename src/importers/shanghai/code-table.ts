/**
 * Tables whose rows carry a classification code printed as separate `类 款 项` columns (function and
 * economic tables of both Shanghai profiles). Values may sit on the code line or, when the PDF
 * centred a cell vertically, on amount-only lines just above it: those belong to the next row.
 */
import type { Column, Money, Row, Table, TableRole } from '../../domain/model.js';
import type { DisplayUnit } from '../../domain/money.js';
import { squash } from '../../domain/text.js';
import type { SourceLine } from '../text/source.js';
import { fail, moneyAt, note, srcOf, type ShanghaiContext } from './context.js';
import { anchorOf, assignToColumns, centerOf, isAmountTok, labelRuns, median, tokensOf, type Tok } from './layout.js';

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
      if (found.every((x) => x !== null)) a = found as number[];
    }
    a ??= prev;
    if (!a) fail(ctx, where, `column headers (${columns.map((c) => c.header.join('')).join(' / ')}) above the first amounts`);
    out.set(p, a);
    prev = a;
  }
  return out;
}

/** Places a row's amount tokens into the columns; every printed amount must find a column. */
export function placeAmounts(ctx: ShanghaiContext, toks: Tok[], anchors: number[], columns: ColumnSpec[], unit: DisplayUnit, at: SourceLine): Record<string, Money | null> {
  const placed = assignToColumns(toks, anchors);
  if (!placed) fail(ctx, at, `at most ${columns.length} amounts on a row`, toks.map((t) => t.text).join(' '));
  const out: Record<string, Money | null> = {};
  columns.forEach((c, j) => {
    const t = placed[j];
    out[c.key] = t ? moneyAt(ctx, t.line, t.text, unit) : null;
  });
  return out;
}

/** Table columns from the specs. */
export function columnsOf(specs: ColumnSpec[]): Column[] {
  return specs.map((c) => ({ key: c.key, header: c.header, kind: 'amount' as const, ...(c.sumOf ? { sumOf: c.sumOf } : {}) }));
}

/** Parses a code-column table (function or economic classification) into a Table. */
export function parseCodeTable(ctx: ShanghaiContext, block: TableBlock, spec: CodeTableSpec): Table {
  const unit = unitOf(block);
  const raws: RawRow[] = [];
  const headersByPage = new Map<number | null, SourceLine[]>();
  const rowsByPage = new Map<number | null, Tok[][]>();
  let pending: Tok[] = [];
  let codeX: { kuan: number | null; xiang: number | null } = { kuan: null, xiang: null };
  const seenData = new Set<number | null>();
  for (const l of block.lines) {
    if (/^注\s*[:：]/.test(l.text)) break;
    if (/单位\s*[:：]/.test(l.text) || /^编制(部门|单位)/.test(l.text)) continue;
    const toks = tokensOf(l);
    const amounts = toks.filter(isAmountTok);
    const words = toks.filter((t) => !isAmountTok(t));
    const head = CODE_HEAD.exec(l.text);
    if (/^类\s+款/.test(l.text)) {
      const k = anchorOf([l], /款/);
      const x = anchorOf([l], /项/);
      codeX = { kuan: k, xiang: x };
      if (!seenData.has(l.page)) headersByPage.set(l.page, [...(headersByPage.get(l.page) ?? []), l]);
      // Some producers (ONLYOFFICE) put the 合计 row's first amounts on the baseline of this header
      // line: they belong to the next 合计 or code line, like amounts printed alone above it.
      pending.push(...amounts);
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
      const label = labelRuns(rest.filter((t) => !isAmountTok(t))).map((t) => t.text).join('');
      raws.push({ kind: 'code', codes, label, line: l, last: l, toks: [...pending, ...rest.filter(isAmountTok)] });
      pending = [];
      seenData.add(l.page);
      continue;
    }
    if (words.length > 0 && squash(words.map((w) => w.text).join('')) === '合计') {
      raws.push({ kind: 'total', codes: [], label: '合计', line: l, last: l, toks: [...pending, ...amounts] });
      pending = [];
      seenData.add(l.page);
      continue;
    }
    if (words.length === 0 && amounts.length > 0) {
      pending.push(...amounts);
      continue;
    }
    const prev = raws[raws.length - 1];
    if (prev && seenData.has(l.page) && amounts.length === 0 && prev.kind === 'code') {
      // A name the PDF wrapped onto the following lines.
      prev.label += words.map((w) => w.text).join('');
      prev.last = l;
      continue;
    }
    if (amounts.length > 0) fail(ctx, l, 'a code line, a 合计 line or amounts only', l.text);
    if (!seenData.has(l.page)) headersByPage.set(l.page, [...(headersByPage.get(l.page) ?? []), l]);
  }
  if (pending.length > 0) fail(ctx, pending[0]!.line, 'a code or 合计 line after these amounts');
  for (const r of raws) rowsByPage.set(r.line.page, [...(rowsByPage.get(r.line.page) ?? []), r.toks]);
  const anchors = raws.length > 0 ? pageAnchors(ctx, rowsByPage, headersByPage, spec.columns, block.title) : new Map<number | null, number[]>();
  const prefix = spec.codeSystem === 'function' ? 'f' : 'e';
  const rows: Row[] = [];
  const ids = new Set<string>();
  for (const r of raws) {
    const amounts = r.toks.length === 0 ? Object.fromEntries(spec.columns.map((c) => [c.key, null])) : placeAmounts(ctx, r.toks, anchors.get(r.line.page)!, spec.columns, unit, r.line);
    if (r.kind === 'total') {
      rows.push({ id: 'total', kind: 'total', label: '合计', level: 0, parent: null, amounts, src: srcOf(r.line) });
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
    rows.push({
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
    });
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
