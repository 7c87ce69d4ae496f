/** Routes of following the year in the web app: `/budgets/:id/follow…` (pages, payments upload, htmx forms). */
import type { Context, Hono } from 'hono';
import { followOf, type IndexedActual, type IndexedEntry, type Band, type DeviationReason, type Likelihood } from '../../app/follow.js';
import type { Workspace } from '../../app/workspace.js';
import { auditActor } from '../../app/audit-log.js';
import { userOf } from '../user.js';
import { FiscusError } from '../../domain/errors.js';
import { limitOf, limitSentence } from '../../app/limits.js';
import { HTTP_STATUS, type HttpErrorStatus } from '../../app/http-status.js';
import { MoneyParseError, parseTypedAmount } from '../../domain/money.js';
import { workflowOf } from '../../app/workflow.js';
import { EvaluationForm, FollowOverviewPage, FollowProjectPage, MonitoringForm, ScorePanel } from './pages.js';
import { formBody } from '../form-body.js';

const isHtmx = (c: Context) => c.req.header('hx-request') === 'true';
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The upload's answer when the same file (same content) is already imported for the budget: nothing is stored. */
export const ALREADY_IMPORTED = '未重复导入：该文件（内容相同）已导入过本预算，本次未存储任何支付。如需用此文件替换已有支付明细，请勾选“替换已有支付明细”后重新导入。';

/** Registers the follow-the-year pages on the web app. */
export function registerFollowWeb(app: Hono, ws: Workspace): void {
  const f = () => followOf(ws);
  const actor = (c: Context) => auditActor(userOf(c), 'web');

  const overview = async (c: Context, message?: { kind: 'ok' | 'error'; text: string }, status: 200 | HttpErrorStatus = 200) => {
    const id = c.req.param('id')!;
    const budget = await ws.getBudget(id);
    const q = c.req.query('asOf');
    const asOf = q && ISO.test(q) && Number(q.slice(0, 4)) === budget.year ? q : undefined;
    const [ex, monitoring, evaluation, payments, control, adjustments, may] = await Promise.all([
      f().execution(id, asOf),
      f().monitoring(id),
      f().evaluation(id),
      f().listPayments(id),
      f().budgetControl(id),
      f().listAdjustments(id),
      workflowOf(ws).decideOn(userOf(c), 'adjust-budget', id),
    ]);
    return c.html(
      <FollowOverviewPage
        budget={budget}
        ex={ex}
        monitoring={monitoring}
        evaluation={evaluation}
        payments={payments.length}
        control={control}
        adjustments={adjustments}
        mayAdjust={may === 'allow'}
        {...(message ? { message } : {})}
      />,
      status,
    );
  };

  app.get('/budgets/:id/follow', (c) => {
    // After an upload (POST-redirect-GET): the file was already imported for this budget and nothing was stored.
    if (c.req.query('already') === '1') return overview(c, { kind: 'ok', text: ALREADY_IMPORTED });
    if (c.req.query('adjusted') === '1') return overview(c, { kind: 'ok', text: '已录入预算调整：指标控制与执行率按调整后预算计算。' });
    return overview(c);
  });

  app.post('/budgets/:id/follow/adjustments', async (c) => {
    const id = c.req.param('id');
    const body = await formBody(c);
    const amount = str(body['amount']);
    try {
      let fen: number;
      try {
        fen = parseTypedAmount(amount, '元');
      } catch (e) {
        if (!(e instanceof MoneyParseError)) throw e;
        throw new FiscusError('INPUT_INVALID', `调整金额应为以元计的金额，至多两位小数，千分位逗号须每三位一个（如 1500.00、1,500.00 或 -200），实为 ${JSON.stringify(amount.trim().slice(0, 40))}`, {
          field: 'amount',
        });
      }
      await f().addAdjustment(id, { project: str(body['project']), fen, reason: str(body['reason']) }, actor(c));
      return c.redirect(`/budgets/${id}/follow?adjusted=1#budget-control`, 303);
    } catch (e) {
      if (!(e instanceof FiscusError) || e.code !== 'INPUT_INVALID') throw e;
      return overview(c, { kind: 'error', text: `未录入预算调整：${e.message}（${e.code}）` }, 422);
    }
  });

  app.post('/budgets/:id/follow/payments', async (c) => {
    const id = c.req.param('id');
    const form = await c.req.formData().catch(() => null);
    const file = form?.get('file');
    try {
      if (!file || typeof file === 'string' || file.size === 0) throw new FiscusError('INPUT_UNREADABLE', '请选择一个非空的支付明细文件');
      const r = await f().importPayments(id, new Uint8Array(await file.arrayBuffer()), file.name || 'payments.csv', { replace: form?.get('replace') === '1', actor: actor(c) });
      if (r.alreadyImported) return c.redirect(`/budgets/${id}/follow?imported=0&already=1`, 303);
      return c.redirect(`/budgets/${id}/follow?imported=${r.imported}`, 303);
    } catch (e) {
      if (!(e instanceof FiscusError) || e.code === 'INTERNAL' || e.code === 'NOT_FOUND') throw e;
      return overview(c, { kind: 'error', text: `未导入任何支付：${limitOf(e) ? limitSentence(e) : e.oneLine()}（${e.code}）` }, HTTP_STATUS[e.code]);
    }
  });

  const project = async (id: string, formId: string, asOf?: string) => {
    const budget = await ws.getBudget(id);
    const [m, ev] = await Promise.all([f().monitoring(id, asOf), f().evaluation(id)]);
    const i = m.projects.findIndex((p) => p.execution.formId === formId);
    if (i < 0) throw new FiscusError('NOT_FOUND', `本预算没有项目 ${formId}`);
    return { budget, m, pm: m.projects[i]!, pe: ev.projects[i]! };
  };

  const projectPage = async (c: Context, paymentError?: { text: string; values: Record<string, string> }) => {
    const id = c.req.param('id')!;
    const formId = c.req.param('formId')!;
    const [{ budget, m, pm, pe }, all] = await Promise.all([project(id, formId), f().listPayments(id)]);
    const payments = all.filter((p) => p.formId === formId);
    return c.html(
      <FollowProjectPage budget={budget} pm={pm} asOf={m.asOf} asOfMonth={m.execution.asOfMonth} yearEx={pe.execution} pe={pe} payments={payments} {...(paymentError ? { paymentError } : {})} />,
      paymentError ? 422 : 200,
    );
  };

  app.get('/budgets/:id/follow/:formId', (c) => projectPage(c));

  app.post('/budgets/:id/follow/:formId/payments', async (c) => {
    const id = c.req.param('id');
    const formId = c.req.param('formId');
    const body = await formBody(c);
    const values = Object.fromEntries(['date', 'amount', 'voucher', 'payee'].map((k) => [k, str(body[k])]));
    try {
      let fen: number;
      try {
        fen = parseTypedAmount(values['amount']!, '元');
      } catch (e) {
        if (!(e instanceof MoneyParseError)) throw e;
        throw new FiscusError('INPUT_INVALID', `金额应为以元为单位、最多两位小数的数，收到 "${values['amount']}"`, { field: 'amount' });
      }
      if (!ISO.test(values['date']!)) throw new FiscusError('INPUT_INVALID', `支付日期应为 YYYY-MM-DD，收到 "${values['date']}"`, { field: 'date' });
      const p = await f().addPayment(id, { project: formId, date: values['date']!, fen, voucher: values['voucher'] || null, payee: values['payee'] || null }, actor(c));
      return c.redirect(`/budgets/${id}/follow/${encodeURIComponent(formId)}#payment-${p.id}`, 303);
    } catch (e) {
      if (!(e instanceof FiscusError) || e.code !== 'INPUT_INVALID') throw e;
      return projectPage(c, { text: `${e.message}（${e.code}）`, values });
    }
  });

  app.post('/budgets/:id/follow/:formId/payments/:pid/delete', async (c) => {
    const id = c.req.param('id');
    const formId = c.req.param('formId');
    const pid = c.req.param('pid');
    if (!/^\d{1,12}$/.test(pid)) throw new FiscusError('NOT_FOUND', `支付记录 ${pid} 不存在`);
    await f().deletePayment(id, Number(pid), actor(c));
    return c.redirect(`/budgets/${id}/follow/${encodeURIComponent(formId)}#payments`, 303);
  });

  app.post('/budgets/:id/follow/:formId/monitoring', async (c) => {
    const id = c.req.param('id');
    const formId = c.req.param('formId');
    const body = await formBody(c);
    const asOf = str(body['asOf']) || undefined;
    const { pm } = await project(id, formId, asOf);
    const entries: IndexedEntry[] = pm.rows
      .filter((r) => !r.indicator.notApplicable)
      .map((r) => ({
        idx: r.idx,
        actualToDate: str(body[`a${r.idx}`]) || null,
        likelihood: (str(body[`l${r.idx}`]) || null) as Likelihood | null,
        reason: (str(body[`r${r.idx}`]) || null) as DeviationReason | null,
        action: str(body[`c${r.idx}`]) || null,
      }));
    let error: string | undefined;
    let report;
    try {
      report = await f().saveMonitoring(
        id,
        formId,
        entries.filter((e) => e.actualToDate || e.likelihood || e.reason || e.action),
        asOf,
        actor(c),
      );
    } catch (e) {
      if (!(e instanceof FiscusError) || e.code !== 'INPUT_INVALID') throw e;
      error = `未保存：${e.oneLine()}（${e.code}）`;
      report = await f().monitoring(id, asOf);
    }
    const saved = report.projects.find((p) => p.execution.formId === formId)!;
    if (!isHtmx(c) && !error) return c.redirect(`/budgets/${id}/follow/${encodeURIComponent(formId)}#monitoring`, 303);
    return c.html(<MonitoringForm budgetId={id} pm={saved} asOf={report.asOf} {...(error ? { error } : { saved: true })} />, error ? 422 : 200);
  });

  const actualsFrom = (body: Record<string, unknown>, count: number): IndexedActual[] => {
    const out: IndexedActual[] = [];
    for (let k = 0; k < count; k++) {
      const value = str(body[`v${k}`]);
      const band = str(body[`b${k}`]);
      const reason = str(body[`r${k}`]);
      const correction = str(body[`c${k}`]);
      if (!value && !band && !reason && !correction) continue;
      out.push({ idx: k, value: value || null, band: (band || null) as Band | null, reason: reason || null, correction: correction || null });
    }
    return out;
  };

  app.post('/budgets/:id/follow/:formId/evaluation/preview', async (c) => {
    const id = c.req.param('id');
    const formId = c.req.param('formId');
    const { pe } = await project(id, formId);
    const body = await formBody(c);
    // A figure still being typed ("9." or "abc") previews as empty rather than failing the panel.
    const acts = actualsFrom(body, pe.indicators.length).map((a) => (a.value && !/^-?\d+(\.\d+)?$/.test(a.value) ? { ...a, value: null } : a));
    const r = await f().previewActuals(id, formId, acts);
    return c.html(<ScorePanel pe={r.projects.find((p) => p.formId === pe.formId)!} preview />);
  });

  app.post('/budgets/:id/follow/:formId/evaluation', async (c) => {
    const id = c.req.param('id');
    const formId = c.req.param('formId');
    const { pe } = await project(id, formId);
    const body = await formBody(c);
    let error: string | undefined;
    let r;
    try {
      r = await f().saveActuals(id, formId, actualsFrom(body, pe.indicators.length), actor(c));
    } catch (e) {
      if (!(e instanceof FiscusError) || e.code !== 'INPUT_INVALID') throw e;
      error = `未保存：${e.oneLine()}（${e.code}）`;
      r = await f().evaluation(id);
    }
    const now = r.projects.find((p) => p.formId === pe.formId)!;
    if (!isHtmx(c) && !error) return c.redirect(`/budgets/${id}/follow/${encodeURIComponent(formId)}#evaluation`, 303);
    return c.html(<EvaluationForm budgetId={id} pe={now} {...(error ? { error } : { saved: true })} />, error ? 422 : 200);
  });
}
