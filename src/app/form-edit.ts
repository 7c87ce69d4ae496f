/**
 * An edit of one project form: which printed line each submitted cost line, quarter and indicator
 * replaces, decided here once for the web and the API (issue 15 item 8).
 *
 * The origin of a submitted item is what gives it its provenance: the place in the disclosure
 * (`src`) that findings point at, and what the edit did not change of it (a figure left as it was
 * keeps its printed form; a text left as it was keeps the quantity × unit price read from it; an
 * indicator left as it was keeps its printed target). The origin is
 * - a quarter: the same quarter of the form before (the quarter is its stable id);
 * - a cost line or an indicator: the item of the form before whose index `replaces` gives (the
 *   index in the version the edit is based on: the web's hidden field, the API's `replaces`), none
 *   when `replaces` is null (a new item). Without `replaces`, an item carrying an `src` replaces the
 *   item printed there, one without replaces the item at its own position (the API's contract before
 *   `replaces` existed).
 * An item without an origin points at the form itself. A `src` given with an item is kept as given.
 */
import { FiscusError } from '../domain/errors.js';
import type { CostLine, Indicator, Money, ProjectForm, QuarterPlan, Src } from '../domain/model.js';

/** An amount as submitted: integer fen, optionally the decimals it was typed with and its place. */
export interface MoneyEdit {
  fen: number;
  decimals?: number | undefined;
  src?: Src | undefined;
}

/** Which item of the form before a submitted item replaces: its index there, null for a new item. */
export interface Replacing {
  replaces?: number | null | undefined;
}

export interface CostLineEdit extends Replacing {
  /** Absent: the number of the line it replaces. */
  no?: number | null | undefined;
  text: string;
  label: string;
  amount: MoneyEdit | null;
  quantity?: string | null | undefined;
  quantityUnit?: string | null | undefined;
  unitPrice?: MoneyEdit | null | undefined;
  otherAmounts?: CostLine['otherAmounts'];
  src?: Src | undefined;
}

export interface QuarterEdit {
  quarter: number;
  amount: MoneyEdit;
  src?: Src | undefined;
}

export type IndicatorEdit = Omit<Indicator, 'src'> & Replacing & { src?: Src | undefined };

/**
 * A change to one project form. Lists replace the form's lists wholesale; `amounts` replaces only the
 * given fields (`null` empties a field).
 */
export interface FormEdit {
  costLines?: CostLineEdit[] | undefined;
  disbursement?: QuarterEdit[] | undefined;
  indicators?: IndicatorEdit[] | undefined;
  amounts?: Partial<Record<keyof ProjectForm['amounts'], MoneyEdit | null>> | undefined;
}

const spaced = (s: string) => s.replace(/\s+/g, ' ').trim();
const sameSrc = (a: Src, b: Src) => a.line === b.line && (a.endLine ?? null) === (b.endLine ?? null) && a.page === b.page && a.raw === b.raw;

/**
 * A submitted amount against the one it replaces: an unchanged figure is the printed one (its
 * decimals and place); a changed one takes the place of the one it replaces, else `fallback`.
 */
function amountOf(given: MoneyEdit, old: Money | null | undefined, fallback: Src): Money {
  if (given.src) return { fen: given.fen, ...(given.decimals !== undefined ? { decimals: given.decimals } : {}), src: given.src };
  if (old && old.fen === given.fen) return old;
  return { fen: given.fen, ...(given.decimals !== undefined ? { decimals: given.decimals } : {}), src: old?.src ?? fallback };
}

const LIST_NAMES = { costLines: '测算明细', indicators: '绩效指标' } as const;

/** The item of `before` that the i-th submitted item replaces (see the module comment). */
function originOf<T extends { src: Src }>(before: readonly T[], i: number, item: Replacing & { src?: Src | undefined }, list: keyof typeof LIST_NAMES): T | undefined {
  const r = item.replaces;
  if (r === null) return undefined;
  if (r !== undefined) {
    const o = Number.isInteger(r) && r >= 0 ? before[r] : undefined;
    if (!o) {
      throw new FiscusError(
        'INPUT_INVALID',
        `${LIST_NAMES[list]}第 ${i + 1} 项要替换原第 ${Number(r) + 1} 项，但原有的只有 ${before.length} 项，请重新打开本页后再改`,
        { field: `${list}.${i}.replaces` },
        `0 到 ${before.length - 1} 之间的整数`,
        String(r),
      );
    }
    return o;
  }
  if (item.src) return before.find((o) => sameSrc(o.src, item.src!));
  return before[i];
}

function costLineOf(form: ProjectForm, l: CostLineEdit, i: number): CostLine {
  const origin = originOf(form.costLines, i, l, 'costLines');
  const src = l.src ?? origin?.src ?? form.src;
  // What was read from the line's text (quantity × unit price, other amounts) stays only while the text does.
  const read = origin && spaced(origin.text) === spaced(l.text) ? origin : undefined;
  const line: CostLine = {
    no: l.no !== undefined ? l.no : (origin?.no ?? null),
    text: read ? read.text : l.text,
    label: l.label,
    amount: l.amount ? amountOf(l.amount, origin?.amount, src) : null,
    src,
  };
  const quantity = l.quantity !== undefined ? l.quantity : read?.quantity;
  if (quantity !== undefined) line.quantity = quantity;
  const quantityUnit = l.quantityUnit !== undefined ? l.quantityUnit : read?.quantityUnit;
  if (quantityUnit !== undefined) line.quantityUnit = quantityUnit;
  const unitPrice = l.unitPrice !== undefined ? (l.unitPrice ? amountOf(l.unitPrice, read?.unitPrice, src) : null) : read?.unitPrice;
  if (unitPrice !== undefined) line.unitPrice = unitPrice;
  const otherAmounts = l.otherAmounts ?? read?.otherAmounts;
  if (otherAmounts !== undefined) line.otherAmounts = otherAmounts;
  return line;
}

/** Two indicators state the same target (a qualitative one also in the same words). */
function sameIndicator(a: Omit<Indicator, 'src'>, b: Omit<Indicator, 'src'>): boolean {
  return (
    a.level1 === b.level1 &&
    a.level2 === b.level2 &&
    a.name === b.name &&
    a.comparator === b.comparator &&
    a.value === b.value &&
    a.unit === b.unit &&
    a.notApplicable === b.notApplicable &&
    a.qualitative === b.qualitative &&
    (!b.qualitative || a.raw === b.raw)
  );
}

function indicatorOf(form: ProjectForm, x: IndicatorEdit, i: number): Indicator {
  const origin = originOf(form.indicators, i, x, 'indicators');
  // An unchanged indicator stays exactly as printed.
  if (origin && !x.src && sameIndicator(origin, x)) return origin;
  const { replaces: _replaces, src: given, ...rest } = x;
  return { ...rest, src: given ?? origin?.src ?? form.src };
}

function quarterOf(form: ProjectForm, q: QuarterEdit): QuarterPlan {
  const origin = form.disbursement.find((o) => o.quarter === q.quarter);
  const src = q.src ?? origin?.src ?? form.src;
  return { quarter: q.quarter, amount: amountOf(q.amount, origin?.amount, src), src };
}

/**
 * The form after `edit`, each submitted item with its provenance. Pure: the form before is not
 * changed; the result is checked against the model by the caller that stores it.
 */
export function editForm(before: ProjectForm, edit: FormEdit): ProjectForm {
  const next: ProjectForm = { ...before };
  if (edit.disbursement) next.disbursement = [...edit.disbursement].sort((a, b) => a.quarter - b.quarter).map((q) => quarterOf(before, q));
  if (edit.costLines) next.costLines = edit.costLines.map((l, i) => costLineOf(before, l, i));
  if (edit.indicators) next.indicators = edit.indicators.map((x, i) => indicatorOf(before, x, i));
  if (edit.amounts) {
    const amounts = { ...before.amounts };
    for (const [k, v] of Object.entries(edit.amounts) as [keyof ProjectForm['amounts'], MoneyEdit | null | undefined][]) {
      if (v === undefined) continue;
      amounts[k] = v === null ? null : amountOf(v, before.amounts[k], before.src);
    }
    next.amounts = amounts;
  }
  return next;
}
