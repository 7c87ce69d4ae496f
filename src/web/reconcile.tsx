/**
 * 预算与决算核对 (issue 15 item 3): a budget and the final account of the same unit and year side by side
 * — the reconciliation's findings, each linked to its place in both documents (the row of a table, the
 * line of a narrative), the checks not made, and the compared lines. `/budgets/:id/reconcile` from
 * either document lists the counterparts of the same unit and year the user may read; `?with=ID` picks one.
 */
import type { Hono } from 'hono';
import { comparedLines, reconcileDocuments, type ReconcileReport } from '../app/reconcile.js';
import { requestUser } from '../app/route-policy.js';
import { workflowOf } from '../app/workflow.js';
import type { BudgetSummary, Workspace } from '../app/workspace.js';
import { SEVERITY_LABELS } from '../domain/catalogue/index.js';
import { formatAmount, exactDecimals, type DisplayUnit } from '../domain/money.js';
import type { BudgetDocument } from '../domain/model.js';
import type { Location } from '../domain/location.js';
import { findingHref, type Finding, type HrefContext } from './figures.js';
import { Layout } from './layout.js';
import { hrefContext, navInfo } from './pages.js';

const BUDGET_KINDS = new Set(['部门预算', '单位预算']);
const FINAL_OF: Record<string, string> = { 部门预算: '部门决算', 单位预算: '单位决算', 部门决算: '部门预算', 单位决算: '单位预算' };

/** Where a place of one document is shown in the web app, or null. */
function placeHref(budgetId: string, loc: Location | null, ctx: HrefContext): string | null {
  if (!loc) return null;
  return findingHref(budgetId, { location: loc } as Finding, ctx);
}

function PlaceLink(props: { label: string; budgetId: string; loc: Location | null; ctx: HrefContext }) {
  const { loc } = props;
  if (!loc) return null;
  const href = placeHref(props.budgetId, loc, props.ctx);
  const text = [loc.section, loc.item, loc.field].filter(Boolean).join(' · ') + (loc.line != null ? `（第 ${loc.line} 行）` : '');
  return (
    <span class="place">
      {props.label}：{href ? <a href={href}>{text}</a> : text}
    </span>
  );
}

interface Side {
  id: string;
  doc: BudgetDocument;
  ctx: HrefContext;
}

const amount = (fen: number | null, unit: DisplayUnit) => (fen === null ? '—' : formatAmount(fen, unit, exactDecimals([fen], unit)));

function AmountLink(props: { fen: number | null; unit: DisplayUnit; side: Side; loc: Location | null }) {
  const href = placeHref(props.side.id, props.loc, props.side.ctx);
  const text = amount(props.fen, props.unit);
  return <td class="num">{href && props.fen !== null ? <a href={href}>{text}</a> : text}</td>;
}

export function ReconcilePage(props: { self: BudgetSummary; candidates: BudgetSummary[]; chosen: string | null; report: ReconcileReport | null; budget: Side | null; final: Side | null }) {
  const { self, report, budget, final } = props;
  const other = FINAL_OF[self.kind] ?? '';
  const unit = (report?.finalAccount.displayUnit ?? '万元') as DisplayUnit;
  // The 调整预算数 column only where the final account prints one (the national template's function table).
  const adjusted = report ? comparedLines(report).some((l) => l.adjustedFen !== null) : false;
  return (
    <Layout title={`预算与决算核对 · ${self.unitName} ${self.year}`} budget={navInfo(self)} tab="reconcile">
      <h1>预算与决算核对</h1>
      <p>
        {self.unitName} {self.year} 年{self.kind}与同一单位、同一年度的{other}
        逐项核对：决算所列年初预算数与公开的预算是否一致，决算数偏离预算较大的是否在说明中写明原因，说明所列决算数与完成率是否与表格一致。
      </p>
      {props.candidates.length === 0 ? (
        <p class="muted">
          没有可核对的{other}（同一单位 {self.unitName}、{self.year} 年，且您可以查看）。
        </p>
      ) : (
        <p>
          核对对象：
          {props.candidates.map((c, i) => (
            <>
              {i > 0 ? '、' : ''}
              {c.id === props.chosen ? (
                <strong>
                  {c.kind}（编号 {c.id}）
                </strong>
              ) : (
                <a href={`/budgets/${self.id}/reconcile?with=${encodeURIComponent(c.id)}`}>
                  {c.kind}（编号 {c.id}）
                </a>
              )}
            </>
          ))}
        </p>
      )}
      {report && budget && final ? (
        <>
          <p>
            预算：
            <a href={`/budgets/${budget.id}`}>
              {report.budget.unit} {report.budget.year} {report.budget.kind}
            </a>
            ；决算：
            <a href={`/budgets/${final.id}`}>
              {report.finalAccount.unit} {report.finalAccount.year} {report.finalAccount.kind}
            </a>
            ；差异较大的阈值 {report.deviationPercent}%（地方惯例，可在 API 中以 deviation 设置）。
          </p>
          <p class="counts">
            {SEVERITY_LABELS.error} <span class="n">{report.summary.error}</span> · {SEVERITY_LABELS.warning} <span class="n">{report.summary.warning}</span> · {SEVERITY_LABELS.info}{' '}
            <span class="n">{report.summary.info}</span> · 未核对 <span class="n">{report.notChecked.length}</span>
          </p>
          <h2>核对发现</h2>
          {report.findings.length === 0 ? (
            <p>没有核对发现。</p>
          ) : (
            <ul class="findings">
              {report.findings.map((f) => (
                <li>
                  <span class={`sev sev-${f.severity}`}>{SEVERITY_LABELS[f.severity]}</span> <code>{f.rule}</code> <strong>{f.message}</strong>
                  <br />
                  <PlaceLink label="决算" budgetId={final.id} loc={f.location} ctx={final.ctx} /> <PlaceLink label="预算" budgetId={budget.id} loc={f.budgetLocation} ctx={budget.ctx} />
                </li>
              ))}
            </ul>
          )}
          <h2>未核对</h2>
          {report.notChecked.length === 0 ? (
            <p>无。</p>
          ) : (
            <ul>
              {report.notChecked.map((n) => (
                <li>
                  <code>{n.rule}</code> {n.reason} <PlaceLink label="决算" budgetId={final.id} loc={n.location} ctx={final.ctx} />{' '}
                  <PlaceLink label="预算" budgetId={budget.id} loc={n.budgetLocation} ctx={budget.ctx} />
                </li>
              ))}
            </ul>
          )}
          <h2>核对明细（{unit}）</h2>
          <table class="data">
            <thead>
              <tr>
                <th>项目</th>
                <th>预算数</th>
                <th>决算所列年初预算数</th>
                {adjusted ? <th>决算所列调整预算数</th> : null}
                <th>决算数</th>
                <th>差异</th>
                <th>差异率</th>
                <th>说明的原因</th>
              </tr>
            </thead>
            <tbody>
              {comparedLines(report).map((l) => (
                <tr>
                  <td>{l.name}</td>
                  <AmountLink fen={l.budgetFen} unit={unit} side={budget} loc={l.budgetLocation} />
                  <AmountLink fen={l.statedBudgetFen} unit={unit} side={final} loc={l.statedLocation} />
                  {adjusted ? <AmountLink fen={l.adjustedFen} unit={unit} side={final} loc={l.adjustedLocation} /> : null}
                  <AmountLink fen={l.finalFen} unit={unit} side={final} loc={l.finalLocation} />
                  <td class="num">{amount(l.deviationFen, unit)}</td>
                  <td class="num">{l.deviationPercent !== null ? `${l.deviationPercent}%` : '—'}</td>
                  <td>{l.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </Layout>
  );
}

/** Registers `GET /budgets/:id/reconcile[?with=ID]` (route policy: read-draft on `:id`; the counterpart is asked here). */
export function registerReconcileWeb(app: Hono, ws: Workspace): void {
  const flow = workflowOf(ws);
  app.get('/budgets/:id/reconcile', async (c) => {
    const id = c.req.param('id');
    const user = requestUser(c);
    const self = await ws.getBudget(id);
    const want = FINAL_OF[self.kind];
    // The counterparts the user may read in full (drafts included), of the same unit and year.
    const candidates: BudgetSummary[] = [];
    for (const b of await ws.listBudgets()) {
      if (b.kind !== want || b.year !== self.year || b.unitName !== self.unitName) continue;
      if ((await flow.decideOn(user, 'read-draft', b.id)) === 'allow') candidates.push(b);
    }
    const withId = c.req.query('with') ?? (candidates.length === 1 ? candidates[0]!.id : null);
    if (withId === null) return c.html(<ReconcilePage self={self} candidates={candidates} chosen={null} report={null} budget={null} final={null} />);
    await flow.authoriseOn(user, 'read-draft', withId);
    const [a, b] = BUDGET_KINDS.has(self.kind) ? [id, withId] : [withId, id];
    const [da, db] = await Promise.all([ws.getDocument(a), ws.getDocument(b)]);
    const report = reconcileDocuments(da, db);
    const side = (sid: string, doc: BudgetDocument): Side => ({ id: sid, doc, ctx: hrefContext(doc) });
    return c.html(<ReconcilePage self={self} candidates={candidates} chosen={withId} report={report} budget={side(a, da)} final={side(b, db)} />);
  });
}
