/**
 * A re-upload awaiting confirmation (issue 13): what the uploaded file changes against the latest
 * version, with 确认为新版本 (a new draft) and 放弃. Authorised by app/route-policy.ts (the budget's 经办).
 */
import type { Hono } from 'hono';
import { stagingOf, type StagedView } from '../app/staged-import.js';
import type { BudgetDetail, Workspace } from '../app/workspace.js';
import { FiscusError } from '../domain/errors.js';
import { SEVERITY_LABELS } from '../domain/catalogue/index.js';
import { Layout } from './layout.js';
import { dateTime, DiffView, ErrorBox, navInfo } from './pages.js';
import { userOf } from './user.js';

function StagedPage(props: { budget: BudgetDetail; s: StagedView; error?: FiscusError | undefined }) {
  const { budget, s } = props;
  const base = `/budgets/${budget.id}/staged/${s.stagedId}`;
  const stale = s.latestVersion !== s.baseVersion;
  const n = (sev: 'error' | 'warning') => s.findings.filter((f) => f.severity === sev).length;
  return (
    <Layout title={`确认上传 — ${budget.unitName}`} budget={navInfo(budget)} tab="versions">
      <h1>确认上传：{s.fileName}</h1>
      <p class="sub">
        {s.author ?? '—'} 于 {dateTime(s.createdAt)} 上传。本单位 {budget.year} 年的这份预算已有 {s.latestVersion} 个版本：上传的文件不会直接替换，请核对它与第 {s.baseVersion} 版的差异后确认。
      </p>
      {props.error ? <ErrorBox title={`未能完成（${props.error.code}）`} detail={props.error.message} /> : null}
      {stale ? (
        <div class="alert" role="alert">
          上传后又有了第 {s.latestVersion} 版，下面的差异是相对第 {s.baseVersion} 版的；请放弃并重新上传。
        </div>
      ) : null}
      <p>
        上传的文件：{SEVERITY_LABELS.error} {n('error')} 个，{SEVERITY_LABELS.warning} {n('warning')} 个。
      </p>
      <section aria-labelledby="diff-h">
        <h2 id="diff-h">与第 {s.baseVersion} 版的差异</h2>
        <DiffView budgetId={budget.id} diff={s.diff} doc={s.doc} docB={s.doc} vqB={null} />
      </section>
      <form method="post" action={`${base}/confirm`} class="inline">
        <button type="submit" id="confirm-upload" disabled={stale}>
          确认为第 {s.baseVersion + 1} 版（草稿）
        </button>
      </form>{' '}
      <form method="post" action={`${base}/discard`} class="inline">
        <button type="submit" id="discard-upload">
          放弃
        </button>
      </form>
    </Layout>
  );
}

export function registerStagedWeb(app: Hono, ws: Workspace): void {
  const staging = stagingOf(ws);
  const num = (s: string | undefined) => {
    if (!s || !/^\d{1,9}$/.test(s)) throw new FiscusError('NOT_FOUND', `没有待确认的上传 ${String(s).slice(0, 20)}`);
    return Number(s);
  };
  const page = async (id: string, sid: number, error?: FiscusError) => {
    const [budget, s] = await Promise.all([ws.getBudget(id), staging.view(id, sid)]);
    return <StagedPage budget={budget} s={s} error={error} />;
  };
  app.get('/budgets/:id/staged/:staged', async (c) => c.html(await page(c.req.param('id'), num(c.req.param('staged')))));
  app.post('/budgets/:id/staged/:staged/confirm', async (c) => {
    const id = c.req.param('id');
    const sid = num(c.req.param('staged'));
    const user = userOf(c);
    if (!user) throw new FiscusError('UNAUTHENTICATED', '请先登录');
    try {
      const stored = await staging.confirm(user, id, sid);
      return c.redirect(`/budgets/${stored.budgetId}/versions`, 303);
    } catch (e) {
      if (e instanceof FiscusError && e.code === 'CONFLICT') return c.html(await page(id, sid, e), 409);
      throw e;
    }
  });
  app.post('/budgets/:id/staged/:staged/discard', async (c) => {
    const id = c.req.param('id');
    const user = userOf(c);
    if (!user) throw new FiscusError('UNAUTHENTICATED', '请先登录');
    await staging.discard(user, id, num(c.req.param('staged')));
    return c.redirect(`/budgets/${id}`, 303);
  });
}
