/**
 * What every HTTP route asks of the permission matrix (issue 13): one table for the web app and the
 * API, read by the one authorisation middleware of each front door, and walked whole by the
 * authorisation test (which also fails when a route is missing from it). A route not in the table is
 * refused: nothing is open by omission.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { ACTION_LABELS, decide, ROLE_LABELS, type BudgetAction, type SystemAction } from '../domain/access.js';
import { FiscusError } from '../domain/errors.js';
import { isTransitionAction } from '../domain/workflow.js';
import { actorOf, type User } from './accounts.js';
import { workflowOf } from './workflow.js';
import type { Workspace } from './workspace.js';

export type Policy =
  /** Anyone, signed in or not (sign-in pages, assets, health, the API description, lists filtered per user). */
  | { kind: 'open' }
  /** An action on the budget of the `:id` parameter. */
  | { kind: 'budget'; action: BudgetAction }
  /** The transition named by the `:action` parameter, on the budget of `:id`. */
  | { kind: 'transition' }
  /** Importing a document: the user's role must be able to import into its own organisation. */
  | { kind: 'import' }
  /** An action on no budget. */
  | { kind: 'system'; action: SystemAction };

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Every route of the web app and the API, with what it asks. */
export const ROUTE_POLICIES: readonly [Method, string, Policy][] = [
  // Web: the frame, signing in, assets.
  ['GET', '/', { kind: 'open' }],
  ['GET', '/login', { kind: 'open' }],
  ['POST', '/login', { kind: 'open' }],
  ['POST', '/logout', { kind: 'open' }],
  ['GET', '/static/:name', { kind: 'open' }],
  ['POST', '/upload', { kind: 'import' }],
  ['GET', '/account', { kind: 'system', action: 'manage-own-tokens' }],
  // Web: comparisons across departments; open, each visitor comparing only the budgets they may read
  // (the public: published versions), in the version they may read (app/compare.ts).
  ['GET', '/compare', { kind: 'open' }],
  ['GET', '/compare/departments', { kind: 'open' }],
  ['GET', '/compare/departments.xlsx', { kind: 'open' }],
  ['POST', '/account/tokens', { kind: 'system', action: 'manage-own-tokens' }],
  ['POST', '/account/tokens/:token/revoke', { kind: 'system', action: 'manage-own-tokens' }],
  // Web: the administrator's users and organisations.
  ['GET', '/admin/users', { kind: 'system', action: 'manage-users' }],
  ['POST', '/admin/users', { kind: 'system', action: 'manage-users' }],
  ['POST', '/admin/users/:login/disable', { kind: 'system', action: 'manage-users' }],
  ['POST', '/admin/users/:login/enable', { kind: 'system', action: 'manage-users' }],
  ['POST', '/admin/users/:login/password', { kind: 'system', action: 'manage-users' }],
  ['POST', '/admin/organisations', { kind: 'system', action: 'manage-users' }],
  // Web: the working views of a budget (drafts, findings, versions).
  ['GET', '/budgets/:id', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/budgets/:id/narrative', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/budgets/:id/tables', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/budgets/:id/tables/:table', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/budgets/:id/projects', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/budgets/:id/projects/:formId', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/budgets/:id/findings', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/budgets/:id/versions', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/budgets/:id/workflow', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/budgets/:id/follow', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/budgets/:id/follow/:formId', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/budgets/:id/reconcile', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/budgets/:id/compare', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/budgets/:id/compare.xlsx', { kind: 'budget', action: 'read-draft' }],
  ['POST', '/budgets/:id/projects/:formId/cost-lines', { kind: 'budget', action: 'edit' }],
  ['POST', '/budgets/:id/projects/:formId/disbursement', { kind: 'budget', action: 'edit' }],
  ['POST', '/budgets/:id/projects/:formId/indicators', { kind: 'budget', action: 'edit' }],
  ['POST', '/budgets/:id/follow/payments', { kind: 'budget', action: 'record-execution' }],
  ['POST', '/budgets/:id/projects/:formId/overview', { kind: 'budget', action: 'edit' }],
  ['POST', '/budgets/:id/narrative', { kind: 'budget', action: 'edit' }],
  ['POST', '/budgets/:id/tables/:table', { kind: 'budget', action: 'edit' }],
  ['POST', '/budgets/:id/follow/adjustments', { kind: 'budget', action: 'adjust-budget' }],
  ['POST', '/budgets/:id/follow/:formId/payments', { kind: 'budget', action: 'record-execution' }],
  ['POST', '/budgets/:id/follow/:formId/payments/:pid/delete', { kind: 'budget', action: 'record-execution' }],
  ['POST', '/budgets/:id/follow/:formId/monitoring', { kind: 'budget', action: 'record-execution' }],
  ['POST', '/budgets/:id/follow/:formId/evaluation', { kind: 'budget', action: 'record-execution' }],
  ['POST', '/budgets/:id/follow/:formId/evaluation/preview', { kind: 'budget', action: 'record-execution' }],
  ['GET', '/budgets/:id/staged/:staged', { kind: 'budget', action: 'import' }],
  ['POST', '/budgets/:id/staged/:staged/confirm', { kind: 'budget', action: 'import' }],
  ['POST', '/budgets/:id/staged/:staged/discard', { kind: 'budget', action: 'import' }],
  ['POST', '/budgets/:id/transitions/:action', { kind: 'transition' }],
  ['POST', '/budgets/:id/waivers', { kind: 'budget', action: 'waive' }],
  ['POST', '/budgets/:id/waivers/:waiver/revoke', { kind: 'budget', action: 'waive' }],
  // Web: 批量审核, the reviewer's desk (the batches of the API's batch audits).
  ['GET', '/reviews', { kind: 'system', action: 'batch-audit' }],
  ['POST', '/reviews', { kind: 'system', action: 'batch-audit' }],
  ['GET', '/reviews/:batch', { kind: 'system', action: 'batch-audit' }],
  ['GET', '/reviews/:batch/events', { kind: 'system', action: 'batch-audit' }],
  ['GET', '/reviews/:batch/export.xlsx', { kind: 'system', action: 'batch-audit' }],
  ['GET', '/reviews/:batch/table.csv', { kind: 'system', action: 'batch-audit' }],
  ['GET', '/reviews/:batch/findings.csv', { kind: 'system', action: 'batch-audit' }],
  ['GET', '/reviews/:batch/documents/:idx', { kind: 'system', action: 'batch-audit' }],
  ['GET', '/reviews/:batch/documents/:idx/source', { kind: 'system', action: 'batch-audit' }],
  // Web: the public portal (published versions only).
  ['GET', '/public', { kind: 'open' }],
  ['GET', '/public/budgets/:id', { kind: 'budget', action: 'read-published' }],
  ['GET', '/public/budgets/:id/tables/:table', { kind: 'budget', action: 'read-published' }],
  ['GET', '/public/budgets/:id/projects/:formId', { kind: 'budget', action: 'read-published' }],
  ['GET', '/public/budgets/:id/download/:file', { kind: 'budget', action: 'read-published' }],
  // API.
  ['GET', '/api/v1/health', { kind: 'open' }],
  ['GET', '/openapi.json', { kind: 'open' }],
  ['GET', '/docs', { kind: 'open' }],
  ['GET', '/api/v1/budgets', { kind: 'open' }],
  ['POST', '/api/v1/budgets', { kind: 'import' }],
  ['GET', '/api/v1/aggregates', { kind: 'system', action: 'batch-audit' }],
  ['GET', '/api/v1/comparisons', { kind: 'open' }],
  ['POST', '/api/v1/audits', { kind: 'system', action: 'batch-audit' }],
  ['GET', '/api/v1/audits/:batch', { kind: 'system', action: 'batch-audit' }],
  ['GET', '/api/v1/audits/:batch/report', { kind: 'system', action: 'batch-audit' }],
  ['POST', '/api/v1/packages', { kind: 'system', action: 'batch-audit' }],
  ['GET', '/api/v1/packages/:batch', { kind: 'system', action: 'batch-audit' }],
  ['GET', '/api/v1/packages/:batch/download', { kind: 'system', action: 'batch-audit' }],
  ['GET', '/api/v1/budgets/:id', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/diff', { kind: 'budget', action: 'read-draft' }],
  // Budget against final accounts: reading the budget `:id` here, the final account `:final` in the handler.
  ['GET', '/api/v1/budgets/:id/reconcile/:final', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/compare', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/versions', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/versions/:v', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/findings', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/tables', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/tables/:table', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/projects', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/projects/:formId', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/export.json', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/export.html', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/export.xlsx', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/export.pdf', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/export.fdp', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/export.csv', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/payments', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/execution', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/monitoring', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/monitoring.html', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/monitoring.xlsx', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/monitoring.pdf', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/evaluation', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/evaluation.html', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/evaluation.xlsx', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/evaluation.pdf', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/audit', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/transitions', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/waivers', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/adjustments', { kind: 'budget', action: 'read-draft' }],
  ['GET', '/api/v1/budgets/:id/budget-control', { kind: 'budget', action: 'read-draft' }],
  ['POST', '/api/v1/budgets/:id/adjustments', { kind: 'budget', action: 'adjust-budget' }],
  ['PATCH', '/api/v1/budgets/:id/projects/:formId', { kind: 'budget', action: 'edit' }],
  ['POST', '/api/v1/budgets/:id/payments', { kind: 'budget', action: 'record-execution' }],
  ['POST', '/api/v1/budgets/:id/payments/import', { kind: 'budget', action: 'record-execution' }],
  ['DELETE', '/api/v1/budgets/:id/payments/:paymentId', { kind: 'budget', action: 'record-execution' }],
  ['PUT', '/api/v1/budgets/:id/monitoring', { kind: 'budget', action: 'record-execution' }],
  ['PUT', '/api/v1/budgets/:id/evaluation', { kind: 'budget', action: 'record-execution' }],
  ['POST', '/api/v1/budgets/:id/transitions/:action', { kind: 'transition' }],
  ['POST', '/api/v1/budgets/:id/waivers', { kind: 'budget', action: 'waive' }],
  ['POST', '/api/v1/budgets/:id/waivers/:waiver/revoke', { kind: 'budget', action: 'waive' }],
];

interface Compiled {
  method: Method;
  path: string;
  re: RegExp;
  params: string[];
  policy: Policy;
}

const COMPILED: Compiled[] = ROUTE_POLICIES.map(([method, path, policy]) => {
  const params: string[] = [];
  const re = new RegExp(
    `^${path
      .split('/')
      .map((seg) => {
        if (!seg.startsWith(':')) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        params.push(seg.slice(1));
        return '([^/]+)';
      })
      .join('/')}/?$`,
  );
  return { method, path, re, params, policy };
});

/** The policy of a request (HEAD asks what GET asks), with its path parameters; undefined: no such route. */
export function policyOf(method: string, path: string): { path: string; policy: Policy; params: Record<string, string> } | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  for (const c of COMPILED) {
    if (c.method !== m) continue;
    const hit = c.re.exec(path);
    if (!hit) continue;
    const params: Record<string, string> = {};
    c.params.forEach((p, i) => {
      try {
        params[p] = decodeURIComponent(hit[i + 1]!);
      } catch {
        params[p] = hit[i + 1]!;
      }
    });
    return { path: c.path, policy: c.policy, params };
  }
  return undefined;
}

/** The signed-in user of a request (set by the front door's session or token middleware). */
export function requestUser(c: Context): User | null {
  return (c.get('user' as never) as User | null | undefined) ?? null;
}

export interface AuthoriseOptions {
  /** Which paths this front door serves (the other's are left to it). */
  owns: (path: string) => boolean;
  /**
   * What to do when a signed-out visitor asks for what needs signing in (the web redirects a page
   * to 登录); undefined: throw UNAUTHENTICATED.
   */
  signIn?: (c: Context) => Response | undefined;
}

/**
 * The authorisation middleware of a front door: asks the matrix what the route's policy names and
 * throws NOT_FOUND (the budget is not the user's to see, or does not exist), UNAUTHENTICATED or
 * FORBIDDEN before any handler runs. Unknown routes pass through (they answer 404 themselves).
 */
export function authoriseRoutes(ws: Workspace, opts: AuthoriseOptions): MiddlewareHandler {
  const flow = workflowOf(ws);
  return async (c, next) => {
    const path = c.req.path;
    if (!opts.owns(path)) return next();
    const hit = policyOf(c.req.method, path);
    if (!hit) return next();
    const user = requestUser(c);
    const p = hit.policy;
    if (p.kind === 'open') return next();
    const unauthenticated = () => {
      const r = opts.signIn?.(c);
      if (r) return r;
      throw new FiscusError('UNAUTHENTICATED', '请先登录');
    };
    if (p.kind === 'import') {
      if (!user) return unauthenticated();
      if (!(await flow.mayImport(user))) {
        throw new FiscusError('FORBIDDEN', '无权导入：只有经办人员可以导入本单位的预算');
      }
      return next();
    }
    if (p.kind === 'system') {
      const d = decide(actorOf(user), p.action, await flow.tree());
      if (d === 'unauthenticated') return unauthenticated();
      if (d !== 'allow') throw new FiscusError('FORBIDDEN', `无权${ACTION_LABELS[p.action]}：${user ? ROLE_LABELS[user.role] : '公众'}不能执行此操作`);
      return next();
    }
    const id = hit.params['id'] ?? '';
    let action: BudgetAction;
    if (p.kind === 'transition') {
      const a = hit.params['action'] ?? '';
      if (!isTransitionAction(a)) throw new FiscusError('NOT_FOUND', `没有“${a.slice(0, 40)}”这个操作`);
      action = a;
    } else action = p.action;
    // A budget id that cannot exist is simply not found, whoever asks.
    if (!/^\d{1,9}$/.test(id)) throw new FiscusError('NOT_FOUND', `预算 ${id.slice(0, 40)} 不存在`);
    // A signed-out visitor asking for more than a published budget is asked to sign in, whether or not
    // the budget exists (which is therefore not told).
    if (!user && action !== 'read-published') return unauthenticated();
    const d = await flow.decideOn(user, action, id);
    if (d === 'allow') return next();
    if (d === 'not-found') throw new FiscusError('NOT_FOUND', `预算 ${id} 不存在`);
    if (d === 'unauthenticated') return unauthenticated();
    throw new FiscusError('FORBIDDEN', `无权${ACTION_LABELS[action]}：${user ? ROLE_LABELS[user.role] : '公众'}不能对预算 ${id} 执行此操作`);
  };
}
