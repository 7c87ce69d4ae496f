/**
 * Two-sided summary tables (财务收支预算总表, 财政拨款收支预算总表, 收入支出决算总表, 财政拨款收入支出
 * 决算总表): revenue lines on the left, expenditure lines on the right, split at the x where the
 * expenditure labels start. Labels the PDF wrapped continue on the next line of their side.
 */
import type { Row, Table } from '../../domain/model.js';
import { codes } from '../../domain/classification/index.js';
import { squash } from '../../domain/text.js';
import type { SourceLine } from '../text/source.js';
import { clip, isMalformedNumber, moneyAt, rowUnreadable, srcOf, unreadable, type ShanghaiContext, type TableRef } from './context.js';
import { amountsOf, columnsOf, noteOf, pageAnchors, placeAmounts, readRowAmounts, settleRow, unitOf, type ColumnSpec, type TableBlock } from './code-table.js';
import { isAmountTok, labelRuns, tokensOf, type Tok } from './layout.js';
import { minOf, pushAll } from '../../domain/arrays.js';

export interface SummarySpec {
  role: 'income-expenditure-summary' | 'appropriation-summary';
  /** The revenue side's one amount column is `amount`; the expenditure side's columns start with `amount`. */
  revenueHeader: string[];
  expenditure: ColumnSpec[];
}

const ORDINAL = /^([一二三四五六七八九十]+)、|^(\d+)\s*[.．、]\s*/;

/** The revenue column key a revenue line stands for (`code` of codeSystem `revenue`). */
export function revenueKey(label: string): string | null {
  const s = squash(label).replace(ORDINAL, '');
  if (/^财政拨款(收入)?$/.test(s)) return 'govApprop';
  if (/一般公共预算/.test(s)) return 'general';
  if (/政府性基金/.test(s)) return 'govFund';
  if (/国有资本经营/.test(s)) return 'stateCapital';
  if (/^上级补助/.test(s)) return 'superior';
  if (/^事业单位经营|^经营收入/.test(s)) return 'operating';
  if (/^事业收入/.test(s)) return 'business';
  if (/^附属单位上缴/.test(s)) return 'subordinate';
  if (/^其他收入/.test(s)) return 'otherIncome';
  return null;
}

interface Line2 {
  line: SourceLine;
  rev: Tok | null;
  exp: Tok | null;
  revAmt: Tok[];
  expAmt: Tok[];
  /** Numbers that are not well-formed amounts, per side. */
  revBad: Tok[];
  expBad: Tok[];
}

type Side = 'revenue' | 'expenditure';

function kindOf(side: Side, label: string): Row['kind'] {
  const s = squash(label);
  if (/本年(收入|支出)合计/.test(s)) return 'subtotal';
  if (/总计$/.test(s)) return 'total';
  if (side === 'revenue' ? /结转|结余/.test(s) : /结转|结余|结余分配/.test(s)) return 'carry';
  return 'item';
}

/** The source line a row starts on (for a note on a row that printed no figures). */
function srcLine(block: TableBlock, r: Row): SourceLine {
  return block.lines.find((l) => l.no === r.src.line) ?? block.title;
}

/**
 * Parses a two-sided summary table. A side of a line that cannot be read (a number that is not an
 * amount, two amounts for one cell, figures beside no label) leaves the row's cells unknown and
 * becomes a `row-unreadable` note; the rest of the table is read.
 */
export function parseSummaryTable(ctx: ShanghaiContext, block: TableBlock, spec: SummarySpec, year: number | null, ref: TableRef): Table {
  const unit = unitOf(block);
  const body: SourceLine[] = [];
  for (const l of block.lines) {
    if (/^注\s*[:：]/.test(l.text)) break;
    body.push(l);
  }
  // The expenditure side starts where its first label starts (一、…支出 / 本年支出合计).
  const splitCandidates: number[] = [];
  for (const l of body) {
    const runs = labelRuns(tokensOf(l));
    for (const t of runs.slice(1)) if (!isAmountTok(t) && /^(一、|本年支出|支出总计)/.test(t.text)) splitCandidates.push(t.x);
  }
  if (splitCandidates.length === 0) unreadable(ctx, block.title, '表右侧的支出项目（一、…支出）', '表的右侧找不到支出项目（一、…支出 / 本年支出合计），收入与支出两侧无法分开');
  const split = minOf(splitCandidates) - 1;
  const lines: Line2[] = [];
  const headers = new Map<number | null, SourceLine[]>();
  let started = false;
  for (const l of body) {
    if (/单位\s*[:：]/.test(l.text) && tokensOf(l).length <= 3) continue;
    if (/^编制(部门|单位)/.test(l.text)) continue;
    const all = tokensOf(l);
    const bad = all.filter((t) => isMalformedNumber(t.text));
    const runs = labelRuns(all.filter((t) => !bad.includes(t)));
    const words = runs.filter((t) => !isAmountTok(t));
    const amts = runs.filter(isAmountTok);
    const rev = words.find((t) => t.x < split) ?? null;
    const exp = words.find((t) => t.x >= split) ?? null;
    const isHeader =
      !started &&
      amts.length === 0 &&
      bad.length === 0 &&
      words.every((w) => /项目|预算数|决算数|收入|支出|合计|一般公共|政府性基金|国有资本|财政拨款|[预算款财政拨]$|^[预算款出]$/.test(w.text) && !ORDINAL.test(w.text));
    if (isHeader) {
      headers.set(l.page, [...(headers.get(l.page) ?? []), l]);
      continue;
    }
    started = true;
    lines.push({
      line: l,
      rev,
      exp,
      revAmt: amts.filter((t) => t.x < split),
      expAmt: amts.filter((t) => t.x >= split),
      revBad: bad.filter((t) => t.x < split),
      expBad: bad.filter((t) => t.x >= split),
    });
  }
  const rows: Row[] = [];
  const last: Record<Side, Row | null> = { revenue: null, expenditure: null };
  const level1: Record<Side, Row | null> = { revenue: null, expenditure: null };
  const carry: Record<Side, Row | null> = { revenue: null, expenditure: null };
  const pend: Record<Side, Tok[]> = { revenue: [], expenditure: [] };
  const pendBad: Record<Side, Tok[]> = { revenue: [], expenditure: [] };
  const expToks = new Map<Row, Tok[]>();
  const expBad = new Map<Row, Tok[]>();
  /** Revenue rows that cannot be read: their printed figures and why. */
  const revUnread = new Map<Row, { toks: Tok[]; bad: Tok[]; line: SourceLine; reason: string }>();
  const revToks = new Map<Row, Tok[]>();
  let n = 0;
  const open = (side: Side, label: Tok, l: SourceLine): Row => {
    const text = squash(label.text);
    const kind = kindOf(side, text);
    const ord = ORDINAL.exec(text);
    const sub = ord?.[2] !== undefined;
    let level = kind === 'item' ? 1 : 0;
    let parent: string | null = null;
    if (kind === 'item' && sub && level1[side]) {
      level = 2;
      parent = level1[side].id;
    } else if (kind === 'item' && carry[side]) {
      level = 2;
      parent = carry[side].id;
    }
    const r: Row = { id: `${side === 'revenue' ? 'r' : 'e'}${++n}`, side, kind, label: text, level, parent, amounts: {}, src: srcOf(l, label.text) };
    if (side === 'revenue') {
      const key = kind === 'item' ? revenueKey(text) : null;
      if (key) Object.assign(r, { code: key, codeSystem: 'revenue' as const });
    } else if (kind === 'item') {
      const name = text.replace(ORDINAL, '');
      const hit = codes.byNameIn('function', name, year).find((e) => e.code.length === 3);
      if (hit) Object.assign(r, { code: hit.code, codeSystem: 'function' as const, codeResolved: 'by-name' as const });
      else Object.assign(r, { codeSystem: 'function' as const, code: null });
    }
    if (kind === 'item' && level === 1) level1[side] = r;
    if (kind === 'carry') carry[side] = r;
    if (kind === 'subtotal' || kind === 'total') carry[side] = null;
    rows.push(r);
    last[side] = r;
    return r;
  };
  for (const x of lines) {
    const l = x.line;
    for (const side of ['revenue', 'expenditure'] as const) {
      const label = side === 'revenue' ? x.rev : x.exp;
      const amts = side === 'revenue' ? x.revAmt : x.expAmt;
      const bad = side === 'revenue' ? x.revBad : x.expBad;
      if (!label) {
        pushAll(pend[side], amts);
        pushAll(pendBad[side], bad);
        continue;
      }
      const starts = ORDINAL.test(label.text) || kindOf(side, label.text) !== 'item' || /^(使用|结余分配)/.test(label.text);
      const r = starts || !last[side] ? open(side, label, l) : last[side];
      if (!starts && last[side]) {
        r.label += squash(label.text);
        r.src = { ...r.src, endLine: l.no, raw: r.src.raw + '\n' + label.text };
        if (side === 'revenue') {
          const key = revenueKey(r.label);
          if (key) Object.assign(r, { code: key, codeSystem: 'revenue' as const });
        } else if (r.codeSystem === 'function' && !r.code) {
          const hit = codes.byNameIn('function', r.label.replace(ORDINAL, ''), year).find((e) => e.code.length === 3);
          if (hit) Object.assign(r, { code: hit.code, codeResolved: 'by-name' as const });
        }
      }
      const toks = [...pend[side], ...amts];
      const badHere = [...pendBad[side], ...bad];
      pend[side] = [];
      pendBad[side] = [];
      if (side === 'revenue') {
        const all = [...(revToks.get(r) ?? []), ...toks];
        revToks.set(r, all);
        const prior = revUnread.get(r);
        if (prior || badHere.length > 0 || all.length > 1) {
          // Its one cell cannot be told: two figures for it, or one that is not an amount.
          const reason = badHere.length > 0 ? badHere.map((b) => `“${clip(b.text)}”不是金额（${unit}）`).join('；') : `收入项目一格印有 ${all.length} 个金额（${all.map((t) => t.text).join(' ')}）`;
          revUnread.set(r, {
            toks: all,
            bad: [...(prior?.bad ?? []), ...badHere],
            line: prior?.line ?? (badHere[0] ?? all[1] ?? all[0])?.line ?? l,
            reason: prior ? `${prior.reason}；${reason}` : reason,
          });
        }
      } else {
        expToks.set(r, [...(expToks.get(r) ?? []), ...toks]);
        if (badHere.length > 0) expBad.set(r, [...(expBad.get(r) ?? []), ...badHere]);
      }
    }
  }
  for (const side of ['revenue', 'expenditure'] as const) {
    const left = [...pend[side], ...pendBad[side]].sort((a, b) => a.line.no - b.line.no);
    if (left.length > 0) ctx.notes.push(rowUnreadable(ref, left[0]!.line, `${side === 'revenue' ? '收入' : '支出'}金额“${clip(left.map((t) => t.text).join(' '))}”之后没有项目名称，无法确定所属的行`));
  }
  for (const r of rows) {
    if (r.side !== 'revenue') continue;
    const u = revUnread.get(r);
    const ts = revToks.get(r) ?? [];
    if (u) {
      r.amounts.amount = null;
      const unplaced = amountsOf(ctx, u.toks, unit);
      if (unplaced.length > 0) r.unplaced = unplaced;
      ctx.notes.push(rowUnreadable(ref, u.line, u.reason, r.id));
    } else if (ts[0]) {
      const read = readRowAmounts(ctx, ts, [], ['amount'], unit, ts[0].line, () => ({ amount: moneyAt(ctx, ts[0]!.line, ts[0]!.text, unit) }));
      r.amounts = read.amounts;
      settleRow(ctx, ref, r, read);
    }
  }
  // Expenditure amounts go to their columns by position, page by page.
  const byPage = new Map<number | null, Tok[][]>();
  for (const [r, ts] of expToks) if (ts.length > 0 && !expBad.has(r)) byPage.set(r.src.page, [...(byPage.get(r.src.page) ?? []), ts]);
  const anchors = spec.expenditure.length > 1 && byPage.size > 0 ? pageAnchors(ctx, byPage, headers, spec.expenditure, block.title) : null;
  for (const r of rows) {
    if (r.side === 'revenue') {
      r.amounts.amount ??= null;
      continue;
    }
    const ts = expToks.get(r) ?? [];
    const at = ts[0]?.line ?? srcLine(block, r);
    const place =
      spec.expenditure.length === 1
        ? () => {
            if (ts.length > 1) unreadable(ctx, ts[1]!.line, '一行一个支出金额', `支出项目一格印有 ${ts.length} 个金额（${ts.map((t) => t.text).join(' ')}）`, ts.map((t) => t.text).join(' '));
            return { amount: moneyAt(ctx, ts[0]!.line, ts[0]!.text, unit) };
          }
        : () => placeAmounts(ctx, ts, anchors!.get(r.src.page)!, spec.expenditure, unit, at);
    const read = readRowAmounts(
      ctx,
      ts,
      expBad.get(r) ?? [],
      spec.expenditure.map((c) => c.key),
      unit,
      at,
      place,
    );
    r.amounts = read.amounts;
    settleRow(ctx, ref, r, read);
  }
  const cols = columnsOf(spec.expenditure);
  cols[0] = { ...cols[0]!, header: [...spec.revenueHeader, ...cols[0]!.header.slice(0, 0)], key: 'amount' };
  const t: Table = {
    no: null,
    role: spec.role,
    title: { text: block.title.text, src: srcOf(block.title) },
    displayUnit: unit,
    columns: cols,
    rows,
    sides: { revenue: 'amount', expenditure: 'amount' },
    src: srcOf(block.title),
  };
  const nt = noteOf(block);
  if (nt) t.note = nt;
  return t;
}
