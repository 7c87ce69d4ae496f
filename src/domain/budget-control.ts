/**
 * 指标控制 (issue 15 item 4): a payment may not exceed what remains of its project's budget — the
 * form's budget plus its recorded adjustments (预算调整 / 调剂) less what is already paid. A form whose
 * budget was not printed (no 本年预算 and no total) is not controlled: nothing is guessed, and the
 * result says so.
 */
import { FiscusError, type ErrorWhere } from './errors.js';
import type { ProjectForm } from './model.js';

/** This year's budget of a form as printed: 本年预算 when printed, else the total; null when neither is. */
export function formBudgetFen(form: ProjectForm): number | null {
  return form.amounts.currentYear?.fen ?? form.amounts.total?.fen ?? null;
}

/** What the control of one form knows: its printed budget, the adjustments, what is paid. Exact (bigint). */
export interface FormBudgetState {
  formId: string;
  name: string;
  /** null: not printed, so not controlled. */
  budgetFen: number | null;
  adjustedFen: bigint;
  paidFen: bigint;
}

/** The budget after adjustments, or null when the form's budget is unknown. */
export function adjustedBudget(s: FormBudgetState): bigint | null {
  return s.budgetFen === null ? null : BigInt(s.budgetFen) + s.adjustedFen;
}

/** What remains to be paid (negative when already over), or null when the form's budget is unknown. */
export function remainingFen(s: FormBudgetState): bigint | null {
  const b = adjustedBudget(s);
  return b === null ? null : b - s.paidFen;
}

/** Exact 元 of a bigint fen amount, grouped (sums here may pass Number.MAX_SAFE_INTEGER). */
function yuan(fen: bigint): string {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${whole}.${(abs % 100n).toString().padStart(2, '0')} 元`;
}

const MAX_FEN = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Refuses (INPUT_INVALID, `field` fen, at `where`) adding `addingFen` to the form's payments when the
 * total would exceed the adjusted budget; the message names the project, the payment, what is paid,
 * the budget, the adjustments and what remains.
 */
export function checkWithinBudget(s: FormBudgetState, addingFen: bigint, where: ErrorWhere = {}): void {
  const budget = adjustedBudget(s);
  if (budget === null || s.paidFen + addingFen <= budget) return;
  const remaining = budget - s.paidFen;
  const adj = s.adjustedFen === 0n ? '' : `，已批准调整 ${s.adjustedFen > 0n ? '+' : ''}${yuan(s.adjustedFen)}`;
  throw new FiscusError(
    'INPUT_INVALID',
    `项目"${s.name}"的支付超出可用指标（指标控制）：本次 ${yuan(addingFen)}，应不超过剩余可用 ${yuan(remaining < 0n ? 0n : remaining)}（预算 ${yuan(BigInt(s.budgetFen!))}${adj}，已支付 ${yuan(s.paidFen)}）；如需超出，须先由部门审核或财政审核录入预算调整`,
    { ...where, field: 'fen' },
    `不超过 ${yuan(remaining < 0n ? 0n : remaining)}`,
    yuan(addingFen),
  );
}

/**
 * Refuses an adjustment that would leave the form's budget below zero or below what is already paid
 * (a reduction cannot un-pay payments); INPUT_INVALID naming the amounts. A form whose budget is not
 * printed cannot be adjusted: there is nothing to adjust.
 */
export function checkAdjustment(s: FormBudgetState, fen: bigint): void {
  if (fen === 0n) throw new FiscusError('INPUT_INVALID', '调整金额应不为零', { field: 'fen' });
  const budget = adjustedBudget(s);
  if (budget === null) throw new FiscusError('INPUT_INVALID', `项目"${s.name}"未列明本年预算，无从调整`, { field: 'project' });
  const after = budget + fen;
  if (after > MAX_FEN) throw new FiscusError('INPUT_INVALID', `调整后项目"${s.name}"的预算应不超过 ${yuan(MAX_FEN)}，实为 ${yuan(after)}`, { field: 'fen' });
  if (after < 0n || after < s.paidFen) {
    throw new FiscusError(
      'INPUT_INVALID',
      `调整后项目"${s.name}"的预算为 ${yuan(after)}，应不低于已支付的 ${yuan(s.paidFen)}${after < 0n ? '，且不能为负' : ''}（调整前 ${yuan(budget)}，本次 ${yuan(fen)}）`,
      { field: 'fen' },
      `不低于 ${yuan(s.paidFen > 0n ? s.paidFen : 0n)}`,
      yuan(after),
    );
  }
}
