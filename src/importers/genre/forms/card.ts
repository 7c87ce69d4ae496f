/**
 * Forms printed as cards: labelled fields (项目名称, 主管部门, 资金总额 / 其中：财政拨款 / 其他资金, 年度目标 …)
 * above an indicator grid. A field's value is printed after its label on the same line, or around
 * it when the cell wraps (the label sits in the middle of its text): lines that carry no label are
 * given to the label they are centred on.
 */
import type { SourceLine } from '../../text/source.js';
import { tokensOf, type Tok } from '../tokens.js';
import { continuesFigure, isFigure, startsFigure } from './amounts.js';
import { ADJACENT, joinText, type Positions } from './layout.js';
import { splitCentered, type Anchor } from './partition.js';
import { fieldKind, isGroupLabel, labelKey, startsLabel, AMOUNT_FIELDS, type FieldKind } from './vocabulary.js';
import { maxOf, minOf } from '../../../domain/arrays.js';

/** A field label as printed, with what was read for it. */
export interface Field {
  kind: FieldKind;
  /** The label text (joined when wrapped). */
  label: string;
  /** Lines the label is printed on, and its horizontal extent. */
  lines: SourceLine[];
  /** The vertical position of each of `lines`. */
  linePositions: number[];
  x0: number;
  x1: number;
  top: number;
  bot: number;
  /** Words printed after the label on its own line(s), up to the next label. */
  inline: Tok[];
  /** Lines of text the label owns (its value wrapped around it), with their words. */
  free: Array<{ line: SourceLine; v: number; toks: Tok[] }>;
  /** For an amount field, the pieces of the figure it prints (a figure may wrap: "46," / "794" / ".00"). */
  figure: Tok[] | null;
}

/** A word split at a colon ("单位名称：重庆市水利局" → label and value). */
function splitColon(t: Tok): [Tok, Tok | null] {
  const m = /^(.+?)[:：](.*)$/u.exec(t.text);
  if (!m || !fieldKind(m[1]!)) return [t, null];
  const w = (t.x1 - t.x0) / Math.max(1, t.text.length);
  const cut = t.x0 + (m[1]!.length + 1) * w;
  const label: Tok = { ...t, text: m[1]!, x1: cut };
  const rest = m[2]!.trim();
  return [label, rest === '' ? null : { ...t, text: rest, x0: cut, kind: isFigure(rest) ? 'amount' : 'text' }];
}

interface Word {
  tok: Tok;
  line: number;
  kind: 'label' | 'group' | 'value';
  field?: Field;
}

/**
 * Reads the labelled fields of the lines of a card (the part above its indicator grid). Returns the
 * fields in print order; words that are neither a label nor any label's value are dropped.
 */
export function readFields(lines: readonly SourceLine[], pos: Positions): Field[] {
  const words: Word[][] = lines.map((l, i) =>
    tokensOf(l).flatMap((t) => {
      const [a, b] = splitColon(t);
      return (b ? [a, b] : [a]).map((tok) => ({ tok, line: i, kind: 'value' }));
    }),
  );
  const fields: Field[] = [];
  const make = (kind: FieldKind, label: string, parts: Word[]): Field => {
    const ls = [...new Set(parts.map((p) => lines[p.line]!))];
    const vs = ls.map((l) => pos.get(l) ?? 0);
    return {
      kind,
      label,
      lines: ls,
      linePositions: vs,
      x0: minOf(parts.map((p) => p.tok.x0)),
      x1: maxOf(parts.map((p) => p.tok.x1)),
      top: minOf(vs),
      bot: maxOf(vs),
      inline: [],
      free: [],
      figure: null,
    };
  };
  words.forEach((ws, i) => {
    ws.forEach((w, k) => {
      if (w.kind !== 'value') return;
      const text = w.tok.text;
      const key = labelKey(text);
      // "其中：" alone, a colon wrapped off its label, the year printed under a title ("（2026年度）").
      if (key === '其中' || key === '其中:' || key === ':' || /^\(\d{4}(\(?年度?\)?)?\)$|^\d{4}年度?$|^\(\d{4}$|^\(?年度\)$/.test(key) || /^(金额)?单位:(人民币)?(万元|元)$/.test(key)) {
        w.kind = 'group';
        return;
      }
      let kind = fieldKind(text);
      if (kind) {
        // "其中：" printed as its own word before the label is part of it.
        const f = make(kind, key.replace(/:$/, ''), [w]);
        w.kind = 'label';
        w.field = f;
        fields.push(f);
        return;
      }
      if (isGroupLabel(text)) {
        w.kind = 'group';
        return;
      }
      // A label wrapped on the same line ("年度资金" "总额") or over the next lines ("项目实施期" / "目标").
      if (startsLabel(text)) {
        const next = ws[k + 1];
        if (next && next.kind === 'value' && next.tok.x0 - w.tok.x1 < 2) {
          const joined = text + next.tok.text;
          kind = fieldKind(joined);
          if (kind || isGroupLabel(joined)) {
            w.kind = next.kind = kind ? 'label' : 'group';
            if (kind) {
              const f = make(kind, labelKey(joined).replace(/:$/, ''), [w, next]);
              w.field = next.field = f;
              fields.push(f);
            }
            return;
          }
        }
        const parts: Word[] = [w];
        let acc = text;
        let cur = w.tok;
        // One character a line ("总" / "体" / "目" / "标") with the value's lines printed between them:
        // the next piece is looked for a few lines below the last one found.
        let lastAt = i;
        for (let j = i + 1; j < lines.length && j <= lastAt + 4; j++) {
          const below = words[j]!.find((u) => u.kind === 'value' && Math.min(u.tok.x1, cur.x1) - Math.max(u.tok.x0, cur.x0) > 0);
          if (!below) continue;
          lastAt = j;
          const joined = acc + below.tok.text;
          if (fieldKind(joined) || isGroupLabel(joined)) {
            parts.push(below);
            const fk = fieldKind(joined);
            for (const p of parts) p.kind = fk ? 'label' : 'group';
            if (fk) {
              const f = make(fk, labelKey(joined).replace(/:$/, ''), parts);
              for (const p of parts) p.field = f;
              fields.push(f);
            }
            return;
          }
          if (!startsLabel(joined)) break;
          parts.push(below);
          acc = joined;
          cur = below.tok;
        }
      }
    });
  });
  // Words after a label on its line, up to the next label, are its value.
  const freeLines: Array<{ line: SourceLine; v: number; toks: Tok[]; at: number }> = [];
  words.forEach((ws, i) => {
    let owner: Field | null = null;
    const loose: Tok[] = [];
    for (const w of [...ws].sort((a, b) => a.tok.x0 - b.tok.x0)) {
      if (w.kind === 'label') {
        owner = w.field!;
        continue;
      }
      if (w.kind === 'group') continue;
      if (owner) owner.inline.push(w.tok);
      else loose.push(w.tok);
    }
    if (loose.length > 0) freeLines.push({ line: lines[i]!, v: pos.get(lines[i]!) ?? 0, toks: loose, at: i });
  });
  // An amount field's figure: the first figure after its label, continued by the pieces printed
  // under it on the next lines.
  for (const f of fields) {
    if (!AMOUNT_FIELDS.includes(f.kind)) continue;
    const head = f.inline.find((t) => startsFigure(t.text));
    if (!head) continue;
    const parts = [head];
    let acc = head.text;
    let cur = head;
    // A figure split by a space on its own line ("964 .85").
    const after = f.inline[f.inline.indexOf(head) + 1];
    if (after && after.line === head.line && after.x0 - head.x1 <= 1.5 && continuesFigure(acc, after.text)) {
      parts.push(after);
      acc += after.text;
      cur = after;
    }
    for (let n = 0; n < 3; n++) {
      const at = lines.indexOf(cur.line);
      const v = pos.get(cur.line) ?? 0;
      const nextLines = lines.slice(at + 1).filter((l) => (pos.get(l) ?? 0) - v <= ADJACENT);
      const next = nextLines.flatMap((l) => words[lines.indexOf(l)]!.map((w) => w.tok)).find((t) => Math.min(t.x1, cur.x1) - Math.max(t.x0, cur.x0) > -2 && continuesFigure(acc, t.text));
      if (!next) break;
      parts.push(next);
      acc += next.text;
      cur = next;
    }
    if (isFigure(acc)) f.figure = parts;
  }
  const consumed = new Set(fields.flatMap((f) => f.figure ?? []));
  for (const l of freeLines) l.toks = l.toks.filter((t) => !consumed.has(t));
  // Lines without a label: given to the labelled line they are centred on, then to the label whose
  // value area (from its end to the next label on that line) holds them.
  fields.sort((a, b) => a.top - b.top || a.x0 - b.x0);
  const rows: Field[][] = [];
  // A label stacked over lines around its value ("主管" / value / "部门") is one row with the labels
  // printed on the lines between its halves: the value's line is the middle of that row.
  const inside = (r: Field[], f: Field) => r.some((g) => g.top < f.top - 0.25 && f.top < g.bot - 0.25);
  for (const f of fields) {
    const r = rows.find((x) => Math.abs(x[0]!.top - f.top) < 0.5) ?? rows.find((x) => inside(x, f));
    if (r) r.push(f);
    else rows.push([f]);
  }
  for (const r of rows) r.sort((a, b) => a.x0 - b.x0);
  // In such a row, a word printed on the stacked label's line right of another label of the row
  // ("主管部 … 福州市科学" over "实施单位"'s value) is that label's value wrapped, not the stacked one's.
  for (const r of rows) {
    if (r.every((f) => Math.abs(f.top - r[0]!.top) < 0.5)) continue;
    for (const f of r) {
      f.inline = f.inline.filter((t) => {
        if (consumed.has(t)) return true;
        const cands = r.filter((g) => g.x0 <= t.x0 + 1);
        const g = cands[cands.length - 1];
        if (!g || g === f || g.x0 <= f.x0) return true;
        g.free.push({ line: t.line, v: pos.get(t.line) ?? 0, toks: [t] });
        return false;
      });
    }
  }
  const anchors: Anchor[] = rows.map((r) => {
    const top = minOf(r.map((f) => f.top));
    const bot = maxOf(r.map((f) => f.bot));
    // A row of figures only (资金总额 / 其他资金) takes text only where nothing else can.
    return { c: (top + bot) / 2, top, bot, mayBeEmpty: true, perItem: r.every((f) => AMOUNT_FIELDS.includes(f.kind) || f.kind === 'code') ? 1 : 0 };
  });
  const owner = splitCentered(
    freeLines.map((l) => ({ top: l.v, bot: l.v })),
    anchors,
    { slack: pos.slack },
  );
  // A line of closing brackets alone ("）") ends the text above it that left a bracket open.
  const open = (f: Field) => {
    const t = fieldText(f);
    return (t.match(/[（(]/g) ?? []).length > (t.match(/[）)]/g) ?? []).length;
  };
  freeLines.forEach((l, i) => {
    if (!l.toks.every((t) => /^[)）]+$/.test(t.text))) return;
    const above = fields.filter((f) => f.top < l.v && !AMOUNT_FIELDS.includes(f.kind) && open(f));
    const f = above.sort((a, b) => b.top - a.top)[0];
    if (!f) return;
    f.free.push({ line: l.line, v: l.v, toks: l.toks });
    owner[i] = -1;
  });
  freeLines.forEach((l, i) => {
    const row = rows[owner[i]!];
    if (!row) return;
    // Within the row of labels, the word's place decides: the last label that starts left of it.
    const byField = new Map<Field, Tok[]>();
    for (const t of l.toks) {
      const cands = row.filter((f) => f.x0 <= t.x0 + 1);
      const f = cands.length > 0 ? cands[cands.length - 1]! : row[0]!;
      byField.set(f, [...(byField.get(f) ?? []), t]);
    }
    for (const [f, toks] of byField) f.free.push({ line: l.line, v: l.v, toks });
  });
  return fields;
}

/** The text a field holds (its inline words, then its wrapped lines, top to bottom). */
export function fieldText(f: Field): string {
  const parts: Array<{ v: number; x: number; text: string }> = [];
  // Inline words printed on a stacked label's later line ("年度" / "总体" / "目标", the value beside each
  // piece) sort by that line: the value's lines may start at different places.
  f.inline.forEach((t) => parts.push({ v: f.linePositions[f.lines.indexOf(t.line)] ?? f.top, x: t.x0, text: t.text }));
  for (const l of f.free) l.toks.forEach((t) => parts.push({ v: l.v, x: t.x0, text: t.text }));
  parts.sort((a, b) => a.v - b.v || a.x - b.x);
  return joinText(parts.map((p) => p.text));
}

/** The lines a field's value is printed on (label lines included), top to bottom. */
export function fieldLines(f: Field): SourceLine[] {
  const ls = new Set<SourceLine>([...f.lines, ...f.free.map((l) => l.line)]);
  return [...ls].sort((a, b) => a.no - b.no);
}

/** The figure a field prints: its pieces (one, or several when it wraps), or null (a dash or nothing). */
export function fieldFigure(f: Field): Tok[] | null {
  return f.figure;
}

/** True for a field holding an amount. */
export const isAmountField = (f: Field) => AMOUNT_FIELDS.includes(f.kind);

/** Lines adjacent within a block (used to tell a label's own value line from a far one). */
export const near = (a: number, b: number) => Math.abs(a - b) <= ADJACENT;
