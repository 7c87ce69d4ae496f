/**
 * The approval workflow's use cases (issue 13): who may see a budget, the transitions 草稿 → 已提交 →
 * 退回 / 已审核 → 已批复 → 已公开 with who, when and why, and the waiver register. Every decision is the
 * permission matrix's (src/domain/access.ts); the states are the domain's (src/domain/workflow.ts).
 */
import { authorise, can, decide, OrgTree, type Action, type Actor, type BudgetTarget, type Decision } from '../domain/access.js';
import { FiscusError } from '../domain/errors.js';
import { nextState, REASON_MAX, TRANSITIONS, unwaivedErrors, waiverKey, waiverLive, type State, type TransitionAction, type Waiver } from '../domain/workflow.js';
import type { Db } from '../storage/connection.js';
import * as wf from '../storage/workflow-repo.js';
import { appendAudit } from '../storage/audit-log-repo.js';

export type { TransitionRecord } from '../storage/workflow-repo.js';
import { accountsOf, actorOf, authorOf, type User } from './accounts.js';
import { budgetRecordOf, connectionOf, documentIdOf, type BudgetSummary, type Workspace } from './workspace.js';

/** A budget as the matrix sees it. An unassigned budget (no organisation) lies outside every unit and department. */
export function targetOf(a: { organisationId: number | null; publishedVersion: number | null }): BudgetTarget {
  return { organisationId: a.organisationId ?? -1, published: a.publishedVersion !== null };
}

/** A budget as listed to a user: findings null where the user may read only its published version. */
export type ListedBudget = Omit<BudgetSummary, 'findings'> & { findings: BudgetSummary['findings'] | null };

export interface TransitionResult {
  version: number;
  from: State;
  to: State;
}

export interface WorkflowOptions {
  now?: () => Date;
}

/** The workflow of a workspace. */
export function workflowOf(ws: Workspace, opts: WorkflowOptions = {}): Workflow {
  return new Workflow(ws, opts.now ?? (() => new Date()));
}

export class Workflow {
  constructor(
    private readonly ws: Workspace,
    private readonly now: () => Date,
  ) {}

  private get db(): Db {
    return connectionOf(this.ws).db;
  }

  async tree(): Promise<OrgTree> {
    return accountsOf(this.ws).tree();
  }

  /** The matrix's answer for `user` (null: the public) on budget `id`; 'not-found' for a budget that does not exist. */
  async decideOn(user: User | null, action: Action, id: string, tree?: OrgTree): Promise<Decision> {
    const a = await budgetRecordOf(this.ws, documentIdOf(id));
    if (!a) return 'not-found';
    return decide(actorOf(user), action, tree ?? (await this.tree()), targetOf(a));
  }

  /** Throws NOT_FOUND / UNAUTHENTICATED / FORBIDDEN unless the matrix allows `action` on budget `id`. */
  async authoriseOn(user: User | null, action: Action, id: string): Promise<void> {
    const a = await budgetRecordOf(this.ws, documentIdOf(id));
    if (!a) throw new FiscusError('NOT_FOUND', `预算 ${id} 不存在`);
    authorise(actorOf(user), action, await this.tree(), targetOf(a), `预算 ${id}`);
  }

  /** The published budgets `user` may read (the public portal's list). */
  async published(user: User | null, budgets: readonly BudgetSummary[]): Promise<BudgetSummary[]> {
    const tree = await this.tree();
    const actor: Actor | null = actorOf(user);
    return budgets.filter((b) => decide(actor, 'read-published', tree, targetOf(b)) === 'allow');
  }

  /**
   * The budgets `user` may see, each as they may see it: those whose drafts they may read as they are;
   * those they may read only as published as their published version, without its findings (null).
   */
  async listFor(user: User | null, budgets: readonly BudgetSummary[]): Promise<ListedBudget[]> {
    const tree = await this.tree();
    const actor: Actor | null = actorOf(user);
    const out: ListedBudget[] = [];
    for (const b of budgets) {
      const t = targetOf(b);
      if (decide(actor, 'read-draft', tree, t) === 'allow') out.push(b);
      else if (decide(actor, 'read-published', tree, t) === 'allow')
        out.push({ ...b, latestVersion: b.publishedVersion!, state: 'published', findings: null, updatedAt: b.publishedAt ?? b.updatedAt });
    }
    return out;
  }

  /** Whether `user` may import documents (into their own organisation): the 经办's right. */
  async mayImport(user: User | null): Promise<boolean> {
    if (!user) return false;
    return can(actorOf(user), 'import', await this.tree(), { organisationId: user.organisation.id, published: false });
  }

  /** Whether `user` may take each transition on the budget now (for the buttons). */
  async openTo(user: User | null, b: BudgetSummary): Promise<TransitionAction[]> {
    const tree = await this.tree();
    const t = targetOf(b);
    return (Object.keys(TRANSITIONS) as TransitionAction[]).filter((a) => TRANSITIONS[a].from.includes(b.state) && decide(actorOf(user), a, tree, t) === 'allow');
  }

  /**
   * Takes `action` on the latest version of budget `id`, which must be `version` (else CONFLICT: the
   * user acted on a page that is out of date). Submitting is refused (INPUT_INVALID) while an error
   * of the latest version is neither fixed nor waived.
   */
  async transition(user: User | null, id: string, action: TransitionAction, version: number, reason?: string | null): Promise<TransitionResult> {
    await this.authoriseOn(user, action, id);
    const documentId = documentIdOf(id);
    const findings = action === 'submit' ? await this.ws.getFindings(id) : [];
    const now = this.now();
    return this.db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const latest = await wf.lockLatest(t, documentId);
      if (!latest) throw new FiscusError('NOT_FOUND', `预算 ${id} 不存在`);
      if (latest.n !== version) throw new FiscusError('CONFLICT', `预算 ${id} 已有更新的版本 ${latest.n}（本次操作针对版本 ${version}）；请在最新版本上重新操作`);
      const to = nextState(latest.state, action, reason);
      if (action === 'submit') {
        const open = unwaivedErrors(findings, await wf.selectWaivers(t, documentId), now);
        if (open.length) {
          const list = open
            .slice(0, 5)
            .map((f) => `${f.rule} ${f.message}`)
            .join('；');
          throw new FiscusError('INPUT_INVALID', `仍有 ${open.length} 个错误未修正或豁免，不能提交：${list}${open.length > 5 ? '……' : ''}`, { field: 'findings' });
        }
      }
      await wf.insertTransition(t, {
        documentId,
        version,
        action,
        from: latest.state,
        to,
        userId: user?.id ?? null,
        actor: user ? authorOf(user) : 'system',
        reason: reason?.trim() || null,
        at: now.toISOString(),
      });
      await appendAudit(t, { actor: user?.login ?? 'system', action: `budget.${action}`, target: `budget:${documentId}`, detail: { version, from: latest.state, to, reason: reason?.trim() || null } });
      return { version, from: latest.state, to };
    });
  }

  /** The transitions of a budget, oldest first (whoever may read its drafts). */
  async history(id: string): Promise<wf.TransitionRecord[]> {
    return wf.selectTransitions(this.db, documentIdOf(id));
  }

  /** The waiver register of a budget, oldest first. */
  async waivers(id: string): Promise<Waiver[]> {
    return wf.selectWaivers(this.db, documentIdOf(id));
  }

  /**
   * Waives the latest version's error whose key is `key`, with a reason and an optional expiry
   * (an ISO date). NOT_FOUND when the latest version has no such error.
   */
  async waive(user: User | null, id: string, key: string, reason: string, expiresAt?: string | null): Promise<number> {
    await this.authoriseOn(user, 'waive', id);
    const r = reason.trim();
    if (r === '') throw new FiscusError('INPUT_INVALID', '豁免须说明理由', { field: 'reason' });
    if (r.length > REASON_MAX) throw new FiscusError('INPUT_INVALID', `理由不超过 ${REASON_MAX} 字，实际 ${r.length} 字`, { field: 'reason' });
    const now = this.now();
    let expires: string | null = null;
    if (expiresAt) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(expiresAt) || Number.isNaN(Date.parse(`${expiresAt}T00:00:00Z`))) {
        throw new FiscusError('INPUT_INVALID', `有效期应为日期（如 2027-03-31），实际为 ${JSON.stringify(expiresAt.slice(0, 40))}`, { field: 'expires' });
      }
      // Valid through the whole of that day (Beijing time).
      expires = new Date(Date.parse(`${expiresAt}T23:59:59.999+08:00`)).toISOString();
      if (Date.parse(expires) <= now.getTime()) throw new FiscusError('INPUT_INVALID', `有效期 ${expiresAt} 已过`, { field: 'expires' });
    }
    const finding = (await this.ws.getFindings(id)).find((f) => f.severity === 'error' && waiverKey(f) === key);
    if (!finding) throw new FiscusError('NOT_FOUND', '最新版本中没有这个错误（可能已修正）', { field: 'key' });
    const documentId = documentIdOf(id);
    return this.db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const live = (await wf.selectWaivers(t, documentId)).find((w) => w.key === key && waiverLive(w, now));
      if (live) throw new FiscusError('CONFLICT', `该错误已于 ${live.at.slice(0, 10)} 由${live.by}豁免`);
      const waiverId = await wf.insertWaiver(t, {
        documentId,
        key,
        rule: finding.rule,
        message: finding.message,
        reason: r,
        userId: user?.id ?? null,
        actor: user ? authorOf(user) : 'system',
        at: now.toISOString(),
        expiresAt: expires,
      });
      await appendAudit(t, {
        actor: user?.login ?? 'system',
        action: 'waiver.add',
        target: `budget:${documentId}`,
        detail: { waiver: waiverId, rule: finding.rule, key, reason: r, expiresAt: expires },
      });
      return waiverId;
    });
  }

  /** Revokes a live waiver (whoever may waive). */
  async revokeWaiver(user: User | null, id: string, waiverId: number): Promise<void> {
    await this.authoriseOn(user, 'waive', id);
    const documentId = documentIdOf(id);
    const ok = await this.db.transaction(async (tx) => {
      const done = await wf.revokeWaiver(tx, documentId, waiverId, this.now().toISOString());
      if (done) await appendAudit(tx, { actor: user?.login ?? 'system', action: 'waiver.revoke', target: `budget:${documentId}`, detail: { waiver: waiverId } });
      return done;
    });
    if (!ok) throw new FiscusError('NOT_FOUND', `预算 ${id} 没有有效的豁免 ${waiverId}`);
  }

  /**
   * Publishes the latest version of a budget as the system (the bundled sample on first start): the
   * transitions are recorded with `actor` as who took them.
   */
  async publishAsSystem(id: string, actor: string, reason: string): Promise<void> {
    const documentId = documentIdOf(id);
    const now = this.now().toISOString();
    await this.db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const latest = await wf.lockLatest(t, documentId);
      if (!latest) throw new FiscusError('NOT_FOUND', `预算 ${id} 不存在`);
      let state = latest.state;
      for (const action of ['submit', 'review', 'approve', 'publish'] as const) {
        if (!TRANSITIONS[action].from.includes(state)) continue;
        const to = TRANSITIONS[action].to;
        await wf.insertTransition(t, { documentId, version: latest.n, action, from: state, to, userId: null, actor, reason, at: now });
        await appendAudit(t, { actor: 'system', action: `budget.${action}`, target: `budget:${documentId}`, detail: { version: latest.n, from: state, to, reason, by: actor } });
        state = to;
      }
    });
  }
}
