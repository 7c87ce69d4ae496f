/**
 * The two Shanghai tables that are not code tables or two-sided summaries: the "三公" table (one row
 * of figures, or 预算数/决算数 pairs in final accounts) and the final accounts' basic-expenditure
 * table, printed as two economic-classification halves side by side.
 */
import type { Money, Row, Table } from '../../domain/model.js';
import type { DisplayUnit } from '../../domain/money.js';
import { squash } from '../../domain/text.js';
import type { SourceLine } from '../text/source.js';
import { clip, isMalformedNumber, moneyAt, note, rowUnreadable, srcOf, unreadable, type ShanghaiContext, type TableRef } from './context.js';
import { columnsOf, noteOf, readRowAmounts, settleRow, unitOf, type ColumnSpec, type TableBlock } from './code-table.js';
import { anchorOf, assignToColumns, blocksOf, centerOf, isAmountTok, labelRuns, tokensOf, type Tok } from './layout.js';
import { minOf } from '../../domain/arrays.js';

/** 三公 columns (docs/model.md keys) and the words that locate them in the header. */
export const THREE_PUBLIC_COLUMNS: ColumnSpec[] = [
  { key: 'total', header: ['合计'], marker: /合计/, sumOf: ['overseas', 'reception', 'vehicles'] },
  { key: 'overseas', header: ['因公出国(境)费'], marker: /因公出国/ },
  { key: 'vehicles', header: ['公务用车购置及运行费', '小计'], marker: /小计/, sumOf: ['vehiclePurchase', 'vehicleRunning'] },
  { key: 'vehiclePurchase', header: ['公务用车购置及运行费', '购置费'], marker: /购置费/ },
  { key: 'vehicleRunning', header: ['公务用车购置及运行费', '运行费'], marker: /(?<!机关)运行费/ },
  { key: 'reception', header: ['公务接待费'], marker: /公务接待费/ },
  { key: 'operatingFunds', header: ['机关运行经费预算数'], marker: /机关运行经/ },
];

/**
 * Parses the 三公 table: its columns in the order the header prints them (the order differs between
 * budgets and final accounts), then either one row of figures or 预算数/决算数 pairs. Figures that
 * cannot be placed (more than the columns, a number that is not an amount) leave the cells unknown
 * and become a `row-unreadable` note on each row.
 */
export function parseThreePublic(ctx: ShanghaiContext, block: TableBlock, year: number | null, ref: TableRef): Table {
  const unit = unitOf(block);
  const body = block.lines.filter((l) => !/^注\s*[:：]/.test(l.text) && !/单位\s*[:：]/.test(l.text) && !/^编制(部门|单位)/.test(l.text));
  const dataLines = body.filter((l) => tokensOf(l).every((t) => isAmountTok(t) || isMalformedNumber(t.text)));
  const headerLines = body.filter((l) => !dataLines.includes(l));
  const present = THREE_PUBLIC_COLUMNS.map((c) => ({ c, x: anchorOf(headerLines, c.marker) })).filter((p) => p.x !== null);
  present.sort((a, b) => a.x! - b.x!);
  const cols = present.map((p) => p.c);
  if (cols.length < 4) unreadable(ctx, block.title, '“三公”各列的表头（合计、因公出国(境)费、公务接待费、公务用车…）', '表头找不到“三公”经费各列（合计、因公出国(境)费、公务接待费、公务用车…）');
  const pairLine = headerLines.find((l) => (l.text.match(/预算数|决算数/g) ?? []).length >= 2 * cols.length);
  const rows: Row[] = [];
  const all: Tok[] = dataLines.flatMap(tokensOf);
  const bad = all.filter((t) => isMalformedNumber(t.text));
  const toks = all.filter((t) => !bad.includes(t));
  const first = dataLines[0] ?? block.title;
  if (pairLine) {
    const slots = tokensOf(pairLine).filter((t) => /预算数|决算数/.test(t.text));
    const keys = cols.map((c) => c.key);
    for (const basis of ['预算数', '决算数'] as const) {
      const read = readRowAmounts(ctx, toks, bad, keys, unit, first, () => {
        const placed = assignToColumns(toks, slots.map(centerOf));
        if (!placed) unreadable(ctx, first, `“三公”表中至多 ${slots.length} 个金额`, `印有 ${toks.length} 个金额，多于本表的 ${slots.length} 个金额格`);
        const amounts: Record<string, Money | null> = {};
        cols.forEach((c, j) => {
          const k = slots.findIndex((s, i) => i >= 2 * j && s.text === basis);
          const t = k >= 0 ? placed[k] : null;
          amounts[c.key] = t ? moneyAt(ctx, t.line, t.text, unit) : null;
        });
        return amounts;
      });
      const id = basis === '预算数' ? 'budget' : 'final';
      const texts = { basis: { text: basis }, ...(year ? { year: { text: String(year) } } : {}) };
      const row: Row = { id, kind: 'item', label: basis, level: 0, parent: null, amounts: read.amounts, texts, src: srcOf(dataLines[0] ?? pairLine) };
      rows.push(row);
      settleRow(ctx, ref, row, read);
    }
  } else {
    const anchors = cols.map((c) => anchorOf(headerLines, c.marker)!);
    const read = readRowAmounts(
      ctx,
      toks,
      bad,
      cols.map((c) => c.key),
      unit,
      first,
      () => {
        const placed = toks.length === cols.length ? [...toks].sort((a, b) => a.x - b.x) : assignToColumns(toks, anchors);
        if (!placed) unreadable(ctx, first, `“三公”表中至多 ${cols.length} 个金额`, `印有 ${toks.length} 个金额，多于本表的 ${cols.length} 个金额列`);
        const amounts: Record<string, Money | null> = {};
        cols.forEach((c, j) => {
          const t = placed[j];
          amounts[c.key] = t ? moneyAt(ctx, t.line, t.text, unit) : null;
        });
        return amounts;
      },
    );
    const texts = year ? { year: { text: String(year) } } : undefined;
    const row: Row = { id: `y${year ?? ''}`, kind: 'item', label: `${year ?? ''}年预算数`, level: 0, parent: null, amounts: read.amounts, ...(texts ? { texts } : {}), src: srcOf(first) };
    rows.push(row);
    settleRow(ctx, ref, row, read);
  }
  const t: Table = {
    no: null,
    role: 'three-public',
    title: { text: block.title.text, src: srcOf(block.title) },
    displayUnit: unit,
    columns: columnsOf(cols.map((c) => ({ ...c, sumOf: c.sumOf?.filter((k) => cols.some((x) => x.key === k)) }))).map((c) => (c.sumOf?.length ? c : { key: c.key, header: c.header, kind: c.kind })),
    rows,
    src: srcOf(block.title),
  };
  const n = noteOf(block);
  if (n) t.note = n;
  return t;
}

interface HalfItem {
  codes: string[];
  label: string;
  /** The item's figures: one amount, or (when it cannot be read) all it printed. */
  amounts: Tok[];
  bad: Tok[];
  line: SourceLine;
}

/**
 * Parses the final accounts' 一般公共预算财政拨款基本支出决算表: two halves side by side (人员经费
 * classes on the left, 公用经费 classes on the right), each row a block of lines between blank lines
 * with the amount, the codes and the name in any vertical order.
 */
export function parseSideBySideEconomic(ctx: ShanghaiContext, block: TableBlock, ref: TableRef): Table {
  const unit = unitOf(block);
  const body = block.lines.filter((l) => !/单位\s*[:：]/.test(l.text));
  const firstData = body.findIndex((l) => /^\d{3}(\s|$)/.test(l.text));
  if (firstData < 0) unreadable(ctx, block.title, '基本支出表中的经济分类类级代码（301 …）', '表中找不到经济分类类级代码（301 …）');
  // The right half starts at its class codes (302, 310 …), printed further right than any left name.
  const rightCodes = body
    .slice(firstData)
    .flatMap(tokensOf)
    .filter((t) => /^\d{3}$/.test(t.text) && t.x > 15);
  if (rightCodes.length === 0) unreadable(ctx, body[firstData], '有经济分类类级代码的右半部分', '表的右半部分找不到经济分类类级代码，左右两半无法分开');
  const split = minOf(rightCodes.map((t) => t.x)) - 1;
  const items: Array<HalfItem & { side: 'left' | 'right' }> = [];
  const totals: Array<{ label: string; amounts: Tok[]; bad: Tok[]; line: SourceLine }> = [];
  const segments: Array<{ side: 'left' | 'right'; toks: Tok[] }> = [];
  for (const blk of blocksOf(body.slice(firstData))) {
    for (const side of ['left', 'right'] as const) {
      const perLine = blk.map((l) => tokensOf(l).filter((t) => (side === 'left' ? t.x < split : t.x >= split)));
      // Two items printed without a blank line between them: cut at the second class code.
      // …and at a 合计 line, taking along the amount printed on the line above it.
      let cur: Tok[][] = [];
      let hasClass = false;
      const flush = () => {
        if (cur.length > 0) segments.push({ side, toks: cur.flat() });
        cur = [];
        hasClass = false;
      };
      for (const ts of perLine) {
        const cls = ts.some((t) => /^\d{3}$/.test(t.text));
        const total = ts.some((t) => /合计$/.test(t.text));
        if (total) {
          const above = cur[cur.length - 1];
          const carried = above && above.length > 0 && above.every(isAmountTok) ? cur.pop()! : [];
          flush();
          cur.push(carried);
        } else if (cls && hasClass) flush();
        hasClass ||= cls;
        cur.push(ts);
      }
      flush();
    }
  }
  {
    for (const { side, toks } of segments) {
      if (toks.length === 0) continue;
      const amounts = toks.filter((t) => isAmountTok(t) && !/^\d{1,3}$/.test(t.text));
      const codesT = toks.filter((t) => /^\d{1,3}$/.test(t.text) && !t.text.includes(','));
      const bad = toks.filter((t) => isMalformedNumber(t.text));
      const words = labelRuns(
        toks.filter((t) => !codesT.includes(t) && !amounts.includes(t) && !bad.includes(t)),
        2,
      );
      const label = squash(words.map((w) => w.text).join(''));
      if (/合计$/.test(label) && codesT.length === 0) {
        totals.push({ label, amounts, bad, line: (amounts[0] ?? bad[0] ?? words[0])!.line });
        continue;
      }
      const cls = codesT.find((t) => t.text.length === 3);
      if (!cls) {
        const at = (amounts[0] ?? bad[0] ?? words[0])?.line;
        if (at && (label || amounts.length || bad.length)) {
          ctx.notes.push(rowUnreadable(ref, at, `“${clip([label, ...amounts.map((a) => a.text), ...bad.map((b) => b.text)].filter(Boolean).join(' '))}”旁没有经济分类代码，无法确定所属的行`));
        }
        continue;
      }
      const kuan = codesT.find((t) => t !== cls && t.text.length <= 2);
      items.push({ side, codes: kuan ? [cls.text, kuan.text.padStart(2, '0')] : [cls.text], label, amounts, bad, line: cls.line });
    }
  }
  const rows: Row[] = [];
  const ids = new Set<string>();
  for (const side of ['left', 'right'] as const) {
    for (const it of items.filter((i) => i.side === side)) {
      const code = it.codes.join('');
      const id = 'e' + code;
      if (ids.has(id)) {
        note(ctx, it.line, `经济分类代码 ${code} 重复出现`);
        continue;
      }
      ids.add(id);
      const parent = it.codes.length === 2 && ids.has('e' + it.codes[0]) ? 'e' + it.codes[0] : null;
      const read = readRowAmounts(ctx, it.amounts, it.bad, ['total'], unit, it.line, () => oneAmount(ctx, it.amounts, unit));
      const row: Row = {
        id,
        kind: it.codes.length === 2 ? 'item' : 'group',
        label: it.label,
        code,
        codeSystem: 'econ',
        codeResolved: 'printed',
        level: it.codes.length,
        parent,
        amounts: read.amounts,
        src: srcOf(it.line),
      };
      rows.push(row);
      settleRow(ctx, ref, row, read);
    }
  }
  totals.forEach((t, i) => {
    const read = readRowAmounts(ctx, t.amounts, t.bad, ['total'], unit, t.line, () => oneAmount(ctx, t.amounts, unit));
    const row: Row = { id: `subtotal${i + 1}`, kind: 'subtotal', label: t.label, level: 0, parent: null, amounts: read.amounts, src: srcOf(t.line) };
    rows.push(row);
    settleRow(ctx, ref, row, read);
  });
  return {
    no: null,
    role: 'basic-expenditure-economic',
    title: { text: block.title.text, src: srcOf(block.title) },
    displayUnit: unit,
    columns: [{ key: 'total', header: ['决算数'], kind: 'amount' }],
    rows,
    src: srcOf(block.title),
  };
}

/** The one amount of an economic item (an {@link Unreadable} when it printed more than one). */
function oneAmount(ctx: ShanghaiContext, toks: Tok[], unit: DisplayUnit): Record<string, Money | null> {
  if (toks.length > 1) {
    const printed = toks.map((a) => a.text).join(' ');
    unreadable(ctx, toks[1]!.line, '每个经济分类科目一个金额', `一个经济分类科目印有 ${toks.length} 个金额（${printed}）`, printed);
  }
  return { total: toks[0] ? moneyAt(ctx, toks[0].line, toks[0].text, unit) : null };
}
