/**
 * Who may do what (issue 13): the organisation tree (财政局 → 主管部门 → 所属单位), the roles, the actions
 * and the one permission matrix that decides every action. Pure: callers pass the organisations.
 *
 * Role, organisation-kind and action names live here and nowhere else; storage keeps the keys
 * (`preparer`, `unit`, …) and every front door shows the Chinese labels from these tables.
 */
import { FiscusError } from './errors.js';

/** The kinds of organisation, root first. */
export const ORG_KINDS = ['finance-bureau', 'department', 'unit'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  'finance-bureau': '财政局',
  department: '主管部门',
  unit: '所属单位',
};

/** The kind an organisation's parent must be (null: it has none). */
export const PARENT_KIND: Record<OrgKind, OrgKind | null> = {
  'finance-bureau': null,
  department: 'finance-bureau',
  unit: 'department',
};

/** The roles of signed-in users; the anonymous public has no role (an absent actor). */
export const ROLES = ['preparer', 'department-reviewer', 'finance-reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  preparer: '经办',
  'department-reviewer': '部门审核',
  'finance-reviewer': '财政审核',
  admin: '管理员',
};

/** How the anonymous public is named where a role would be shown. */
export const PUBLIC_LABEL = '公众';

/** The organisation kinds a role's user may belong to. */
export const ROLE_ORG_KINDS: Record<Role, readonly OrgKind[]> = {
  // A department also prepares its own (本级) budget.
  preparer: ['unit', 'department'],
  'department-reviewer': ['department'],
  'finance-reviewer': ['finance-bureau'],
  admin: ['finance-bureau'],
};

/**
 * Every action a route may ask about. Budget actions concern one budget (its organisation and
 * whether it is published); system actions concern no budget.
 */
export const BUDGET_ACTIONS = ['read-published', 'read-draft', 'edit', 'import', 'record-execution', 'submit', 'return', 'review', 'approve', 'waive', 'publish', 'adjust-budget'] as const;
export const SYSTEM_ACTIONS = ['batch-audit', 'manage-users', 'manage-settings', 'manage-own-tokens'] as const;
export const ACTIONS = [...BUDGET_ACTIONS, ...SYSTEM_ACTIONS] as const;
export type BudgetAction = (typeof BUDGET_ACTIONS)[number];
export type SystemAction = (typeof SYSTEM_ACTIONS)[number];
export type Action = BudgetAction | SystemAction;

export const ACTION_LABELS: Record<Action, string> = {
  'read-published': '查看已公开的预算',
  'read-draft': '查看未公开的预算',
  edit: '修改',
  import: '导入',
  'record-execution': '录入支付、监控与自评',
  submit: '提交',
  return: '退回',
  review: '部门审核通过',
  approve: '财政批复',
  waive: '豁免问题',
  publish: '公开',
  'adjust-budget': '批准预算调整（调剂）',
  'batch-audit': '批量审核',
  'manage-users': '管理用户',
  'manage-settings': '管理设置',
  'manage-own-tokens': '管理自己的 API 令牌',
};

/** One organisation of the tree. */
export interface Organisation {
  id: number;
  name: string;
  kind: OrgKind;
  parentId: number | null;
}

/** A signed-in user as the matrix sees them; the anonymous public is `null`. */
export interface Actor {
  role: Role;
  organisationId: number;
}

/** The budget an action concerns: the organisation it belongs to, and whether a version is published. */
export interface BudgetTarget {
  organisationId: number;
  published: boolean;
}

/**
 * Where a budget's organisation lies from a user's: the user's own organisation, another
 * organisation of the same 主管部门, or another 主管部门 altogether.
 */
export type Relation = 'own' | 'same-department' | 'other-department';

/**
 * The outcome of a decision. `not-found` rather than `forbidden` when the actor may not even read the
 * budget, so that its existence does not leak (HTTP 404, not 403).
 */
export type Decision = 'allow' | 'unauthenticated' | 'forbidden' | 'not-found';

/** Which relations allow a budget action, per role (absent: never). The one matrix. */
const BUDGET_MATRIX: Record<Role, Partial<Record<BudgetAction, readonly Relation[]>>> = {
  preparer: {
    'read-published': ['own', 'same-department', 'other-department'],
    'read-draft': ['own'],
    edit: ['own'],
    import: ['own'],
    'record-execution': ['own'],
    submit: ['own'],
  },
  'department-reviewer': {
    'read-published': ['own', 'same-department', 'other-department'],
    'read-draft': ['own', 'same-department'],
    return: ['own', 'same-department'],
    review: ['own', 'same-department'],
    waive: ['own', 'same-department'],
    // 预算调整 and 调剂 are approved by the 主管部门 for its units, or by the 财政.
    'adjust-budget': ['own', 'same-department'],
  },
  'finance-reviewer': {
    'read-published': ['own', 'same-department', 'other-department'],
    'read-draft': ['own', 'same-department', 'other-department'],
    return: ['own', 'same-department', 'other-department'],
    review: ['own', 'same-department', 'other-department'],
    approve: ['own', 'same-department', 'other-department'],
    waive: ['own', 'same-department', 'other-department'],
    publish: ['own', 'same-department', 'other-department'],
    'adjust-budget': ['own', 'same-department', 'other-department'],
  },
  // Users and settings only: an administrator reads what the public reads.
  admin: {
    'read-published': ['own', 'same-department', 'other-department'],
  },
};

const SYSTEM_MATRIX: Record<Role, readonly SystemAction[]> = {
  preparer: ['manage-own-tokens'],
  'department-reviewer': ['manage-own-tokens'],
  'finance-reviewer': ['batch-audit', 'manage-own-tokens'],
  admin: ['manage-users', 'manage-settings', 'manage-own-tokens'],
};

/** The organisations by id, with the lookups the matrix needs. */
export class OrgTree {
  private readonly byId: Map<number, Organisation>;
  constructor(readonly organisations: readonly Organisation[]) {
    this.byId = new Map(organisations.map((o) => [o.id, o]));
  }

  get(id: number): Organisation | undefined {
    return this.byId.get(id);
  }

  /** The 主管部门 an organisation belongs to: itself, its parent for a unit, null for the 财政局 (or an unknown id). */
  departmentOf(id: number): number | null {
    const o = this.byId.get(id);
    if (!o) return null;
    if (o.kind === 'department') return o.id;
    if (o.kind === 'unit') return o.parentId;
    return null;
  }

  /** Where `target` lies from `from` (see Relation). */
  relation(from: number, target: number): Relation {
    if (from === target) return 'own';
    const d = this.departmentOf(from);
    return d !== null && d === this.departmentOf(target) ? 'same-department' : 'other-department';
  }
}

function isBudgetAction(a: Action): a is BudgetAction {
  return (BUDGET_ACTIONS as readonly string[]).includes(a);
}

/**
 * Decides `action` for `actor` (null: the anonymous public) on `target` (a budget for budget actions,
 * ignored for system actions).
 * - The public may only read published budgets; anything else on a published budget is
 *   `unauthenticated`, and an unpublished budget is `not-found`.
 * - `read-published` of a budget with nothing published is `not-found` for everyone.
 * - A user who may not read the budget gets `not-found` for every action on it; one who may read it
 *   but not act gets `forbidden`.
 */
export function decide(actor: Actor | null, action: Action, tree: OrgTree, target?: BudgetTarget): Decision {
  if (!isBudgetAction(action)) {
    if (!actor) return 'unauthenticated';
    return roleMay(actor.role, action) ? 'allow' : 'forbidden';
  }
  if (!target) throw new FiscusError('INTERNAL', `权限判断缺少预算：动作 ${action} 针对一个预算`);
  const allows = (a: BudgetAction): boolean => {
    if (!actor) return a === 'read-published' && target.published;
    if (a === 'read-published' && !target.published) return false;
    return BUDGET_MATRIX[actor.role][a]?.includes(tree.relation(actor.organisationId, target.organisationId)) ?? false;
  };
  const visible = allows('read-draft') || allows('read-published');
  // Nothing published to read: the same answer whoever asks.
  if (!visible || (action === 'read-published' && !target.published)) return 'not-found';
  if (allows(action)) return 'allow';
  return actor ? 'forbidden' : 'unauthenticated';
}

/** Whether a role may take a system action (what a page frame asks before it offers a link). */
export function roleMay(role: Role, action: SystemAction): boolean {
  return SYSTEM_MATRIX[role].includes(action);
}

/** Whether `decide` allows. */
export function can(actor: Actor | null, action: Action, tree: OrgTree, target?: BudgetTarget): boolean {
  return decide(actor, action, tree, target) === 'allow';
}

/**
 * Throws unless `decide` allows: UNAUTHENTICATED (请先登录), FORBIDDEN or NOT_FOUND (`what` names the
 * thing, e.g. "预算 12", in the message).
 */
export function authorise(actor: Actor | null, action: Action, tree: OrgTree, target?: BudgetTarget, what = '该预算'): void {
  const d = decide(actor, action, tree, target);
  if (d === 'allow') return;
  if (d === 'not-found') throw new FiscusError('NOT_FOUND', `${what}不存在`);
  if (d === 'unauthenticated') throw new FiscusError('UNAUTHENTICATED', `请先登录：${ACTION_LABELS[action]}需要登录`);
  throw new FiscusError('FORBIDDEN', `无权${ACTION_LABELS[action]}：${actor ? ROLE_LABELS[actor.role] : PUBLIC_LABEL}不能对${what}执行此操作`);
}

/** A role from its key (`preparer`) or its label (`经办`); INPUT_INVALID naming the choices otherwise. */
export function parseRole(s: string): Role {
  const t = s.trim();
  const hit = ROLES.find((r) => r === t || ROLE_LABELS[r] === t);
  if (!hit) throw new FiscusError('INPUT_INVALID', `角色应为 ${ROLES.map((r) => `${ROLE_LABELS[r]}（${r}）`).join('、')} 之一，实际为 ${JSON.stringify(s)}`, { field: 'role' }, ROLES.join('|'), s);
  return hit;
}

/** An organisation kind from its key (`unit`) or its label (`所属单位`); INPUT_INVALID otherwise. */
export function parseOrgKind(s: string): OrgKind {
  const t = s.trim();
  const hit = ORG_KINDS.find((k) => k === t || ORG_KIND_LABELS[k] === t);
  if (!hit)
    throw new FiscusError(
      'INPUT_INVALID',
      `机构类型应为 ${ORG_KINDS.map((k) => `${ORG_KIND_LABELS[k]}（${k}）`).join('、')} 之一，实际为 ${JSON.stringify(s)}`,
      { field: 'kind' },
      ORG_KINDS.join('|'),
      s,
    );
  return hit;
}

/** INPUT_INVALID unless an organisation of `kind` may have `parent` (null: none) as its parent. */
export function checkOrgParent(kind: OrgKind, parent: Organisation | null): void {
  const want = PARENT_KIND[kind];
  if (want === null && parent === null) return;
  if (want === null) throw new FiscusError('INPUT_INVALID', `${ORG_KIND_LABELS[kind]}是机构树的根，不能有上级机构（给出的上级：${parent!.name}）`, { field: 'parent' });
  if (parent === null) throw new FiscusError('INPUT_INVALID', `${ORG_KIND_LABELS[kind]}必须有上级${ORG_KIND_LABELS[want]}`, { field: 'parent' });
  if (parent.kind !== want)
    throw new FiscusError('INPUT_INVALID', `${ORG_KIND_LABELS[kind]}的上级应为${ORG_KIND_LABELS[want]}，而 ${parent.name} 是${ORG_KIND_LABELS[parent.kind]}`, { field: 'parent' });
}

/** INPUT_INVALID unless a user of `role` may belong to `org`. */
export function checkRoleOrg(role: Role, org: Organisation): void {
  const kinds = ROLE_ORG_KINDS[role];
  if (!kinds.includes(org.kind)) {
    throw new FiscusError('INPUT_INVALID', `${ROLE_LABELS[role]}应属于${kinds.map((k) => ORG_KIND_LABELS[k]).join('或')}，而 ${org.name} 是${ORG_KIND_LABELS[org.kind]}`, { field: 'organisation' });
  }
}
