/**
 * 测算明细 (cost breakdown) and 资金支出进度 (quarterly disbursement plan) of a project form.
 * Both are prose wrapped over narrow lines, so they are read from the joined text.
 */
import type { CostLine, Money, QuarterPlan } from '../../../domain/model.js';
import { decimalsOf, isAmountText, MoneyParseError, parseAmount, type DisplayUnit } from '../../../domain/money.js';
import { clip, unreadable, type ImportContext } from '../context.js';
import { lineAt, spanSrc, trimSpan, type Joined } from './joined.js';

/** A figure followed by 万元 or 元; the digits are loose on purpose so a malformed one ("1,2.3") fails loudly. */
const MONEY_RE = /(\d[\d,]*(?:\.\d+)?)\s*(万元|元)/g;
/** unit price [/unit] × quantity unit = result ("6000元×4台=2.4万元", "18.5万元/台×5台=92.5万元"). */
const EQUATION_RE = /(\d[\d,]*(?:\.\d+)?)\s*(万元|元)(?:\s*\/\s*[^\s×xX*]{1,2})?\s*[×xX*]\s*(\d+(?:\.\d+)?)\s*([^\s\d=]{1,2})\s*=\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|元)/g;
/** A numbered item: "1、", "10、", "2." (not "2.4万元"). */
const ITEM_NO_RE = /^(\d{1,2})(?:、|\.(?!\d))\s*/;

interface Found {
  money: Money;
  start: number;
  end: number;
  role: 'stated' | 'unitPrice' | 'result';
  /** Preceded by 共/合计/总计: the sum of the line. */
  total: boolean;
}

function moneyIn(ctx: ImportContext, j: Joined, start: number, end: number, digits: string, unit: string): Money {
  const raw = j.text.slice(start, end);
  const line = lineAt(j, start);
  if (!isAmountText(digits)) unreadable(ctx, line, `金额（${unit}）`, `“${clip(digits)}”不是金额（${unit}）`, digits);
  try {
    const fen = parseAmount(digits, unit as DisplayUnit);
    return { fen, decimals: decimalsOf(digits), src: { ...spanSrc(j, start, start + raw.length), raw } };
  } catch (e) {
    if (e instanceof MoneyParseError) unreadable(ctx, line, `金额（${unit}；${e.message}）`, `金额“${clip(digits)}”无法按${unit}精确读取（${e.message}）`, digits);
    throw e;
  }
}

/**
 * Reads the numbered cost lines of the joined 测算明细 text. Each line's `amount` is its total: the
 * amount after 共/合计, else the first amount stated outside a calculation, else the calculation's
 * result; quantity and unit price come from "unit price × quantity = result". Any further amount the
 * line states is kept as an info note with its line, so nothing printed is dropped.
 */
export function parseCostLines(j: Joined, ctx: ImportContext): CostLine[] {
  const starts: Array<{ pos: number; no: number | null }> = [];
  for (let k = 0; k < j.starts.length; k++) {
    const pos = j.starts[k]!;
    const m = ITEM_NO_RE.exec(j.text.slice(pos));
    if (m) starts.push({ pos, no: Number(m[1]) });
  }
  const [a0] = trimSpan(j, 0, starts[0]?.pos ?? j.text.length);
  if (a0 < (starts[0]?.pos ?? j.text.length)) starts.unshift({ pos: a0, no: null });
  const out: CostLine[] = [];
  starts.forEach((s, k) => {
    const [a, b] = trimSpan(j, s.pos, starts[k + 1]?.pos ?? j.text.length);
    if (a >= b) return;
    out.push(readCostLine(j, ctx, a, b, s.no));
  });
  return out;
}

function readCostLine(j: Joined, ctx: ImportContext, a: number, b: number, no: number | null): CostLine {
  const text = j.text.slice(a, b);
  const body = no === null ? text : text.replace(ITEM_NO_RE, '');
  const bodyAt = a + (text.length - body.length);
  const found: Found[] = [];
  let quantity: string | null = null;
  let quantityUnit: string | null = null;
  let unitPrice: Money | null = null;
  const eq = new RegExp(EQUATION_RE.source, 'g');
  const inEquation: Array<[number, number]> = [];
  for (let m: RegExpExecArray | null; (m = eq.exec(body)) !== null;) {
    const at = bodyAt + m.index;
    const priceEnd = at + m[0].indexOf(m[2]!, m[1]!.length) + m[2]!.length;
    const price = moneyIn(ctx, j, at, priceEnd, m[1]!, m[2]!);
    const resultOff = m[0].lastIndexOf(m[5]!);
    const result = moneyIn(ctx, j, at + resultOff, at + m[0].length, m[5]!, m[6]!);
    found.push({ money: price, start: at, end: priceEnd, role: 'unitPrice', total: false });
    found.push({ money: result, start: at + resultOff, end: at + m[0].length, role: 'result', total: false });
    inEquation.push([at, at + m[0].length]);
    if (quantity === null) {
      quantity = m[3]!;
      quantityUnit = m[4]!;
      unitPrice = price;
    }
  }
  const re = new RegExp(MONEY_RE.source, 'g');
  for (let m: RegExpExecArray | null; (m = re.exec(body)) !== null;) {
    const at = bodyAt + m.index;
    if (inEquation.some(([s, e]) => at >= s && at < e)) continue;
    const before = body.slice(Math.max(0, m.index - 3), m.index);
    found.push({ money: moneyIn(ctx, j, at, at + m[0].length, m[1]!, m[2]!), start: at, end: at + m[0].length, role: 'stated', total: /(共|合计|总计)\s*$/.test(before) });
  }
  found.sort((x, y) => x.start - y.start);
  const stated = found.filter((f) => f.role === 'stated');
  const chosen = stated.find((f) => f.total) ?? stated[0] ?? found.find((f) => f.role === 'result') ?? null;
  const others: NonNullable<CostLine['otherAmounts']> = [];
  for (const f of found) {
    if (f === chosen || (f.role === 'unitPrice' && f.money === unitPrice)) continue;
    others.push({ role: f.role, money: f.money });
  }
  const firstAmount = found[0]?.start ?? b;
  const stop = Math.min(firstAmount, j.text.indexOf('。', bodyAt) >= 0 ? j.text.indexOf('。', bodyAt) : b);
  const label = j.text
    .slice(bodyAt, Math.max(bodyAt, stop))
    .replace(/[\s，,;；。]*(共|合计|总计)?[\s，,]*$/u, '')
    .trim();
  const line: CostLine = { no, text, label, amount: chosen?.money ?? null, src: spanSrc(j, a, b) };
  if (others.length > 0) line.otherAmounts = others;
  if (quantity !== null) {
    line.quantity = quantity;
    line.quantityUnit = quantityUnit;
    line.unitPrice = unitPrice;
  }
  return line;
}

const QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/**
 * Reads "第一季度支付 318.25万元，第二季度支付 …" (wrapped anywhere) into one plan entry per quarter.
 * A quarter whose amount is not a number is an input error at its line.
 */
export function parseQuarterPlan(j: Joined, ctx: ImportContext): QuarterPlan[] {
  const out: QuarterPlan[] = [];
  const heads = [...j.text.matchAll(/第\s*([一二三四1-4])\s*季\s*度/g)];
  heads.forEach((h, k) => {
    const from = h.index + h[0].length;
    const to = heads[k + 1]?.index ?? j.text.length;
    const seg = j.text.slice(from, to);
    const m = /^\s*(?:支付|拨付|付款|安排)?\s*(?:资金)?\s*([^\s万元，,。;；]*)\s*万元/.exec(seg);
    const line = lineAt(j, from);
    if (!m) unreadable(ctx, line, `“${h[0]}”之后以万元计的金额`, `“${h[0]}”之后应为以万元计的金额，实为“${clip(seg.trim())}”`, seg.trim());
    const digits = m[1]!;
    const at = from + m.index + m[0].length - /\s*万元$/.exec(m[0])![0].length - digits.length;
    const money = moneyIn(ctx, j, at, from + m.index + m[0].length, digits, '万元');
    out.push({ quarter: QUARTER[h[1]!]!, amount: money, src: spanSrc(j, h.index, from + m[0].length) });
  });
  return out;
}
