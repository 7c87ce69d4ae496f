/**
 * The approval workflow of a budget (issue 13): 草稿 → 已提交 → 退回 (with a reason) or 已审核 → 已批复
 * → 已公开. Each version has a state; a new version (an import or an edit) starts as a draft, so an
 * approved or published version never changes: editing it starts a new draft beside it, and the
 * public keeps seeing the last published version until another is published.
 *
 * State and transition names live here and nowhere else; the actions are those of the permission
 * matrix (src/domain/access.ts), which decides who may take each transition.
 */
import type { BudgetAction } from './access.js';
import { FiscusError } from './errors.js';
import type { Location } from './location.js';

export const STATES = ['draft', 'submitted', 'returned', 'reviewed', 'approved', 'published'] as const;
export type State = (typeof STATES)[number];

export const STATE_LABELS: Record<State, string> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  reviewed: '已审核',
  approved: '已批复',
  published: '已公开',
};

/** The transitions, by the permission-matrix action that takes them. */
export const TRANSITION_ACTIONS = ['submit', 'return', 'review', 'approve', 'publish'] as const satisfies readonly BudgetAction[];
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];

export interface TransitionRule {
  /** The states of the latest version it may start from. */
  from: readonly State[];
  to: State;
  /** Whether a reason must be given (a return always says why). */
  needsReason: boolean;
  /** The button and the history say this. */
  label: string;
}

export const TRANSITIONS: Record<TransitionAction, TransitionRule> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', needsReason: false, label: '提交审核' },
  return: { from: ['submitted', 'reviewed', 'approved'], to: 'returned', needsReason: true, label: '退回' },
  review: { from: ['submitted'], to: 'reviewed', needsReason: false, label: '审核通过' },
  approve: { from: ['reviewed'], to: 'approved', needsReason: false, label: '批复' },
  publish: { from: ['approved'], to: 'published', needsReason: false, label: '公开' },
};

/** The longest reason kept (a return's reason, a waiver's reason). */
export const REASON_MAX = 2000;

export function isTransitionAction(s: string): s is TransitionAction {
  return (TRANSITION_ACTIONS as readonly string[]).includes(s);
}

export function isState(s: string): s is State {
  return (STATES as readonly string[]).includes(s);
}

/** The transitions open from `state` (whoever asks; the matrix narrows them per user). */
export function openTransitions(state: State): TransitionAction[] {
  return TRANSITION_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(state));
}

/**
 * The state `action` leads to from `state`, with its reason checked: CONFLICT (409) when the
 * transition does not start from `state`, INPUT_INVALID when a needed reason is missing or too long.
 */
export function nextState(state: State, action: TransitionAction, reason: string | null | undefined): State {
  const t = TRANSITIONS[action];
  if (!t.from.includes(state)) {
    throw new FiscusError('CONFLICT', `当前状态为“${STATE_LABELS[state]}”，不能${t.label}（可从${t.from.map((s) => `“${STATE_LABELS[s]}”`).join('、')}${t.label}）`);
  }
  const r = reason?.trim() ?? '';
  if (t.needsReason && r === '') throw new FiscusError('INPUT_INVALID', `${t.label}须说明理由`, { field: 'reason' });
  if (r.length > REASON_MAX) throw new FiscusError('INPUT_INVALID', `理由不超过 ${REASON_MAX} 字，实际 ${r.length} 字`, { field: 'reason' });
  return t.to;
}

/** A finding as the waiver register keys it: its rule and its place (never its line or page, which move between versions). */
export interface FindingPlace {
  rule: string;
  location: Location;
}

/**
 * The key a waiver is registered under: the rule and the finding's place as data, so that a waiver
 * given on one version still covers the same finding in the next version (after an unrelated edit).
 */
export function waiverKey(f: FindingPlace): string {
  const l = f.location;
  const parts = [l.section, l.tableId ?? (l.table != null ? `#${l.table}` : ''), l.row ?? '', l.column ?? '', l.form ?? '', l.indicator ?? '', l.fact ?? '', l.item ?? '', l.field ?? ''];
  return `${f.rule}|${parts.join('|')}`;
}

/** A waiver as the register keeps it. */
export interface Waiver {
  id: number;
  key: string;
  rule: string;
  /** The finding's message when it was waived. */
  message: string;
  reason: string;
  by: string;
  at: string;
  /** ISO date after which it no longer covers the finding (null: never expires). */
  expiresAt: string | null;
  revokedAt: string | null;
}

/** Whether a waiver covers findings at `now`. */
export function waiverLive(w: Pick<Waiver, 'expiresAt' | 'revokedAt'>, now: Date): boolean {
  return w.revokedAt === null && (w.expiresAt === null || new Date(w.expiresAt).getTime() > now.getTime());
}

/** The errors no live waiver covers: what blocks a submission. */
export function unwaivedErrors<F extends FindingPlace & { severity: string }>(findings: readonly F[], waivers: readonly Waiver[], now: Date): F[] {
  const live = new Set(waivers.filter((w) => waiverLive(w, now)).map((w) => w.key));
  return findings.filter((f) => f.severity === 'error' && !live.has(waiverKey(f)));
}
