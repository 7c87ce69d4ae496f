/**
 * The approval workflow in the web app (issue 13): a budget's 审批 page with its state, the
 * transitions the signed-in user may take (a return asks why), the history with real names, and the
 * waiver register beside the errors that still block a submission.
 */
import type { Context, Hono } from 'hono';
import { HTTP_STATUS } from '../app/http-status.js';
import type { User } from '../app/accounts.js';
import type { BudgetDetail, Finding, Workspace } from '../app/workspace.js';
import { can } from '../domain/access.js';
import { FiscusError } from '../domain/errors.js';
import { REASON_MAX, STATE_LABELS, TRANSITIONS, waiverKey, waiverLive, isTransitionAction, type TransitionAction, type Waiver } from '../domain/workflow.js';
import { formBody } from './form-body.js';
import { Layout } from './layout.js';
import { dateTime, ErrorBox, navInfo } from './pages.js';
import { userOf } from './user.js';
import { actorOf } from '../app/accounts.js';
import { targetOf, workflowOf, type TransitionRecord } from '../app/workflow.js';

interface WorkflowView {
  budget: BudgetDetail;
  history: TransitionRecord[];
  waivers: Waiver[];
  errors: Finding[];
  open: TransitionAction[];
  mayWaive: boolean;
  notice?: string | undefined;
  error?: FiscusError | undefined;
}

function WorkflowPage(p: WorkflowView) {
  const b = p.budget;
  const now = new Date();
  const live = new Map(p.waivers.filter((w) => waiverLive(w, now)).map((w) => [w.key, w]));
  const blocking = p.errors.filter((f) => !live.has(waiverKey(f)));
  return (
    <Layout title={`审批 — ${b.unitName} ${b.year}年${b.kind}`} budget={navInfo(b)} tab="workflow">
      <h1>审批</h1>
      <p class="sub" id="state">
        第 {b.latestVersion} 版 · 状态：<strong>{STATE_LABELS[b.state]}</strong>
        {b.publishedVersion !== null ? ` · 已公开第 ${b.publishedVersion} 版（${b.publishedAt ? dateTime(b.publishedAt) : ''}）` : ' · 尚未公开'}
      </p>
      {p.notice ? (
        <div class="notice" role="status">
          {p.notice}
        </div>
      ) : null}
      {p.error ? <ErrorBox title={`未能完成（${p.error.code}）`} detail={p.error.message} /> : null}
      <p class="muted">流程：草稿 → 已提交 → 已审核 → 已批复 → 已公开；审核或批复时可退回（须说明理由）。已批复、已公开的版本不再改动：修改会生成新的草稿版本，公众仍看到最近公开的版本。</p>
      {p.open.length ? (
        <section aria-labelledby="actions-h">
          <h2 id="actions-h">可执行的操作</h2>
          {p.open.map((a) => (
            <form method="post" action={`/budgets/${b.id}/transitions/${a}`} class={`transition transition-${a}`}>
              <input type="hidden" name="version" value={String(b.latestVersion)} />
              {TRANSITIONS[a].needsReason ? (
                <p>
                  <label for={`reason-${a}`}>{TRANSITIONS[a].label}理由（必填）</label>
                  <br />
                  <textarea id={`reason-${a}`} name="reason" rows={3} cols={60} maxlength={REASON_MAX} required></textarea>
                </p>
              ) : null}
              <button type="submit" id={`do-${a}`}>
                {TRANSITIONS[a].label}
              </button>
              {a === 'submit' && blocking.length ? <span class="muted"> 仍有 {blocking.length} 个错误未修正或豁免，提交将被拒绝。</span> : null}
            </form>
          ))}
        </section>
      ) : (
        <p class="muted" id="no-actions">
          当前状态下您没有可执行的审批操作。
        </p>
      )}
      <section aria-labelledby="errors-h">
        <h2 id="errors-h">错误与豁免（第 {b.latestVersion} 版）</h2>
        {p.errors.length === 0 ? (
          <p>本版本没有错误。</p>
        ) : (
          <table class="data" id="errors">
            <thead>
              <tr>
                <th>规则</th>
                <th>问题</th>
                <th>豁免</th>
              </tr>
            </thead>
            <tbody>
              {p.errors.map((f) => {
                const w = live.get(waiverKey(f));
                return (
                  <tr>
                    <td class="nowrap">{f.rule}</td>
                    <td>{f.message}</td>
                    <td>
                      {w ? (
                        <span>
                          已豁免：{w.reason}（{w.by}，{dateTime(w.at)}
                          {w.expiresAt ? `，有效至 ${dateTime(w.expiresAt)}` : ''}）
                        </span>
                      ) : p.mayWaive ? (
                        <form method="post" action={`/budgets/${b.id}/waivers`} class="waive">
                          <input type="hidden" name="key" value={waiverKey(f)} />
                          <label>
                            理由 <textarea name="reason" required maxlength={REASON_MAX} rows={2} cols={28}></textarea>
                          </label>{' '}
                          <label>
                            有效至 <input name="expires" type="date" />
                          </label>{' '}
                          <button type="submit">豁免</button>
                        </form>
                      ) : (
                        <span class="muted">未豁免</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="waivers-h">
        <h2 id="waivers-h">豁免登记</h2>
        {p.waivers.length === 0 ? (
          <p class="muted">没有豁免。</p>
        ) : (
          <table class="data" id="waivers">
            <thead>
              <tr>
                <th>规则</th>
                <th>问题</th>
                <th>理由</th>
                <th>豁免人</th>
                <th>时间</th>
                <th>有效至</th>
                <th>状态</th>
              </tr>
            </thead>
            <tbody>
              {p.waivers.map((w) => (
                <tr>
                  <td class="nowrap">{w.rule}</td>
                  <td>{w.message}</td>
                  <td>{w.reason}</td>
                  <td>{w.by}</td>
                  <td class="nowrap">{dateTime(w.at)}</td>
                  <td class="nowrap">{w.expiresAt ? dateTime(w.expiresAt) : '长期'}</td>
                  <td>
                    {w.revokedAt ? `已撤销（${dateTime(w.revokedAt)}）` : waiverLive(w, now) ? '有效' : '已过期'}
                    {!w.revokedAt && p.mayWaive ? (
                      <form method="post" action={`/budgets/${b.id}/waivers/${w.id}/revoke`} class="inline">
                        {' '}
                        <button type="submit">撤销</button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="history-h">
        <h2 id="history-h">审批记录</h2>
        {p.history.length === 0 ? (
          <p class="muted">尚无审批记录。</p>
        ) : (
          <table class="data" id="history">
            <thead>
              <tr>
                <th>时间</th>
                <th>版本</th>
                <th>操作</th>
                <th>状态</th>
                <th>操作人</th>
                <th>理由</th>
              </tr>
            </thead>
            <tbody>
              {p.history.map((t) => (
                <tr>
                  <td class="nowrap">{dateTime(t.at)}</td>
                  <td class="num">第 {t.version} 版</td>
                  <td>{isTransitionAction(t.action) ? TRANSITIONS[t.action].label : t.action}</td>
                  <td>
                    {STATE_LABELS[t.from]} → {STATE_LABELS[t.to]}
                  </td>
                  <td>{t.actor}</td>
                  <td>{t.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Layout>
  );
}

const NOTICES: Record<string, string> = Object.fromEntries(Object.entries(TRANSITIONS).map(([a, t]) => [a, `已${t.label}。`]));

/** GET /budgets/:id/workflow, the transitions and the waiver register (authorised by app/route-policy.ts). */
export function registerWorkflowWeb(app: Hono, ws: Workspace): void {
  const flow = workflowOf(ws);
  const page = async (c: Context, extra: { notice?: string | undefined; error?: FiscusError | undefined } = {}) => {
    const id = c.req.param('id')!;
    const user: User | null = userOf(c);
    const [budget, history, waivers, findings, tree] = await Promise.all([ws.getBudget(id), flow.history(id), flow.waivers(id), ws.getFindings(id), flow.tree()]);
    const open = await flow.openTo(user, budget);
    const mayWaive = can(actorOf(user), 'waive', tree, targetOf(budget));
    const props: WorkflowView = { budget, history, waivers, errors: findings.filter((f) => f.severity === 'error'), open, mayWaive, notice: extra.notice, error: extra.error };
    return c.html(<WorkflowPage {...props} />, extra.error ? (HTTP_STATUS[extra.error.code] ?? 400) : 200);
  };
  // A refusal the user can act on (a stale page, unwaived errors, a missing reason) is shown on the page.
  const shown = (e: unknown): FiscusError => {
    if (e instanceof FiscusError && (e.code === 'CONFLICT' || e.code === 'INPUT_INVALID' || e.code === 'INPUT_UNREADABLE')) return e;
    throw e;
  };
  app.get('/budgets/:id/workflow', async (c) => {
    const done = c.req.query('done');
    return page(c, { notice: done ? NOTICES[done] : undefined });
  });
  app.post('/budgets/:id/transitions/:action', async (c) => {
    const id = c.req.param('id');
    const action = c.req.param('action');
    if (!isTransitionAction(action)) throw new FiscusError('NOT_FOUND', `没有“${action.slice(0, 40)}”这个操作`);
    try {
      const form = await formBody(c);
      const v = typeof form['version'] === 'string' && /^\d{1,9}$/.test(form['version']) ? Number(form['version']) : NaN;
      if (!Number.isFinite(v)) throw new FiscusError('INPUT_INVALID', '缺少版本号（version）：请从审批页面操作', { field: 'version' });
      const reason = typeof form['reason'] === 'string' ? form['reason'] : null;
      await flow.transition(userOf(c), id, action, v, reason);
      return c.redirect(`/budgets/${id}/workflow?done=${action}`, 303);
    } catch (e) {
      return page(c, { error: shown(e) });
    }
  });
  app.post('/budgets/:id/waivers', async (c) => {
    const id = c.req.param('id');
    try {
      const form = await formBody(c);
      const str = (k: string) => (typeof form[k] === 'string' ? form[k] : '');
      await flow.waive(userOf(c), id, str('key'), str('reason'), str('expires') || null);
      return page(c, { notice: '已登记豁免。' });
    } catch (e) {
      return page(c, { error: shown(e) });
    }
  });
  app.post('/budgets/:id/waivers/:waiver/revoke', async (c) => {
    const id = c.req.param('id');
    const w = c.req.param('waiver');
    if (!/^\d{1,9}$/.test(w)) throw new FiscusError('NOT_FOUND', `没有豁免 ${w.slice(0, 20)}`);
    await flow.revokeWaiver(userOf(c), id, Number(w));
    return page(c, { notice: '已撤销豁免。' });
  });
}
