/** Pages of following the year: the department's execution and monitoring overview, a project's execution, monitoring and self-evaluation. */
import {
  BANDS,
  DEVIATION_REASONS,
  LIKELIHOODS,
  targetText,
  wan,
  type DepartmentExecution,
  type EvaluationReport,
  type ExecutionFigures,
  type MonitoringReport,
  type ProjectEvaluation,
  type ProjectMonitoring,
} from '../../app/follow.js';
import type { BudgetDetail } from '../../app/workspace.js';
import { formatAmount } from '../../domain/money.js';
import { adjustedBudget, remainingFen, type FormBudgetState } from '../../domain/budget-control.js';
import type { AdjustmentRecord } from '../../app/follow.js';
import { dateTime } from '../pages.js';
import { Layout } from '../layout.js';

/** One stored payment as the project page lists it. */
export interface PaymentRow {
  id: number;
  date: string;
  fen: number;
  voucher: string | null;
  payee: string | null;
  source: string | null;
}

/** A project's payments with a delete button each, and a form to enter one payment. */
export function PaymentsSection(props: { budgetId: string; formId: string; year: number; payments: readonly PaymentRow[]; error?: { text: string; values: Record<string, string> } }) {
  const base = `/budgets/${props.budgetId}/follow/${encodeURIComponent(props.formId)}/payments`;
  const v = props.error?.values ?? {};
  const total = props.payments.reduce((s, p) => s + p.fen, 0);
  return (
    <section aria-labelledby="payments-h" id="payments">
      <h2 id="payments-h">
        支付明细（{props.payments.length} 笔，合计 {formatAmount(total, '元')} 元）
      </h2>
      {props.error ? (
        <p class="alert error" role="alert">
          未登记：{props.error.text}
        </p>
      ) : null}
      <form method="post" action={base} class="inline-form">
        <label>
          支付日期 <input type="date" name="date" required min={`${props.year}-01-01`} max={`${props.year}-12-31`} value={v['date'] ?? ''} />
        </label>{' '}
        <label>
          金额（元） <input type="text" name="amount" required inputmode="decimal" value={v['amount'] ?? ''} aria-describedby="amount-hint" />
        </label>{' '}
        <label>
          凭证号 <input type="text" name="voucher" value={v['voucher'] ?? ''} />
        </label>{' '}
        <label>
          收款方 <input type="text" name="payee" value={v['payee'] ?? ''} />
        </label>{' '}
        <button type="submit">登记支付</button>
        <span id="amount-hint" class="sub">
          {' '}
          金额按元填写，最多两位小数，如 12,345.67
        </span>
      </form>
      {props.payments.length ? (
        <table class="data">
          <thead>
            <tr>
              <th>日期</th>
              <th class="num">金额（元）</th>
              <th>凭证号</th>
              <th>收款方</th>
              <th>来源</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {props.payments.map((p) => (
              <tr id={`payment-${p.id}`}>
                <td>{p.date}</td>
                <td class="num">{formatAmount(p.fen, '元')}</td>
                <td>{p.voucher ?? ''}</td>
                <td>{p.payee ?? ''}</td>
                <td>{p.source === 'manual' ? '手工登记' : (p.source ?? '')}</td>
                <td>
                  <form method="post" action={`${base}/${p.id}/delete`} data-confirm={`确定删除 ${p.date} 的这笔支付（${formatAmount(p.fen, '元')} 元）吗？删除记入审计日志，不能撤销。`}>
                    <button type="submit" aria-label={`删除 ${p.date} 的支付 ${formatAmount(p.fen, '元')} 元`}>
                      删除
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

const pct = (s: string | null) => (s === null ? '—' : `${s}%`);

/** Chart data for the client: cumulative percent by month (plan for the year, actual to the as-of month). */
function curve(ex: ExecutionFigures, asOfMonth: number) {
  const p = (fen: number) => (ex.budgetFen > 0 ? ((fen / ex.budgetFen) * 100).toFixed(2) : '0');
  return { plan: ex.planned.map(p), actual: ex.cumulative.slice(0, asOfMonth).map(p) };
}

function ExecChart(props: { ex: ExecutionFigures; asOfMonth: number; label: string }) {
  const d = curve(props.ex, props.asOfMonth);
  return (
    <figure class="follow-chart">
      <div class="chart" style="height:300px" role="img" aria-label={`${props.label}：计划与实际累计执行率（图）`} data-exec-chart={JSON.stringify(d)}></div>
      <figcaption>
        截至 {props.asOfMonth} 月末累计执行率 {pct(props.ex.rate)}，计划 {pct(props.ex.planRate)}。
      </figcaption>
    </figure>
  );
}

function Warnings(props: { ex: ExecutionFigures }) {
  if (props.ex.warnings.length === 0) return <p class="ok">执行进度正常。</p>;
  return (
    <ul class="warnings" role="alert">
      {props.ex.warnings.map((w) => (
        <li class="warning">{w.message}</li>
      ))}
    </ul>
  );
}

/** The department overview: upload payments, execution per project with warnings, the curve, links. */
/** 预算调整与指标控制: each project's budget, approved adjustments, paid and what remains; the register; the form for who may approve. */
export function BudgetControlSection(props: { budgetId: string; control: readonly FormBudgetState[]; adjustments: readonly AdjustmentRecord[]; mayAdjust: boolean }) {
  const names = new Map(props.control.map((s) => [s.formId, s.name]));
  const yuan = (fen: bigint | number) => formatAmount(Number(fen), '元');
  return (
    <section aria-labelledby="control-h" id="budget-control">
      <h2 id="control-h">预算调整与指标控制</h2>
      <p class="muted">支付不得超过项目的剩余可用指标（预算加已批准的调整，减已支付）；超出时先由部门审核或财政审核录入预算调整（调剂）。执行率按调整后预算计算。</p>
      <table class="data">
        <thead>
          <tr>
            <th>项目</th>
            <th>预算（元）</th>
            <th>已批准调整（元）</th>
            <th>调整后预算（元）</th>
            <th>已支付（元）</th>
            <th>剩余可用（元）</th>
          </tr>
        </thead>
        <tbody>
          {props.control.map((s) => {
            const adjusted = adjustedBudget(s);
            const left = remainingFen(s);
            return (
              <tr>
                <td>{s.name}</td>
                <td class="num">{s.budgetFen === null ? '未列明' : yuan(s.budgetFen)}</td>
                <td class="num">{s.adjustedFen === 0n ? '—' : yuan(s.adjustedFen)}</td>
                <td class="num">{adjusted === null ? '—' : yuan(adjusted)}</td>
                <td class="num">{yuan(s.paidFen)}</td>
                <td class="num">{left === null ? '不控制（预算未列明）' : yuan(left)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>调整记录（{props.adjustments.length} 项）</h3>
      {props.adjustments.length ? (
        <table class="data" id="adjustments">
          <thead>
            <tr>
              <th>项目</th>
              <th>调整金额（元）</th>
              <th>原因</th>
              <th>批准人</th>
              <th>批准时间</th>
            </tr>
          </thead>
          <tbody>
            {props.adjustments.map((a) => (
              <tr>
                <td>{names.get(a.formId) ?? a.formId}</td>
                <td class="num">{yuan(a.fen)}</td>
                <td>{a.reason}</td>
                <td>{a.approvedBy}</td>
                <td class="nowrap">{dateTime(a.approvedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>尚无预算调整。</p>
      )}
      {props.mayAdjust ? (
        <form method="post" action={`/budgets/${props.budgetId}/follow/adjustments`} class="stack" id="adjustment-new">
          <h3>录入经批准的预算调整（调剂）</h3>
          <p>
            <label for="adj-project">项目</label>{' '}
            <select id="adj-project" name="project" required>
              {props.control
                .filter((s) => s.budgetFen !== null)
                .map((s) => (
                  <option value={s.formId}>{s.name}</option>
                ))}
            </select>
          </p>
          <p>
            <label for="adj-amount">调整金额（元，调减填负数）</label> <input id="adj-amount" name="amount" required inputmode="decimal" placeholder="如 1500.00 或 -200" />
          </p>
          <p>
            <label for="adj-reason">原因</label>
            <br />
            <textarea id="adj-reason" name="reason" required maxlength={1000} rows={3} cols={60}></textarea>
          </p>
          <p>
            <button type="submit">录入调整</button> <span class="muted">录入人即批准人，记入审计日志。</span>
          </p>
        </form>
      ) : null}
    </section>
  );
}

export function FollowOverviewPage(props: {
  budget: BudgetDetail;
  ex: DepartmentExecution;
  monitoring: MonitoringReport;
  evaluation: EvaluationReport;
  payments: number;
  message?: { kind: 'ok' | 'error'; text: string };
  control: readonly FormBudgetState[];
  adjustments: readonly AdjustmentRecord[];
  mayAdjust: boolean;
}) {
  const { budget, ex } = props;
  const base = `/budgets/${budget.id}/follow`;
  return (
    <Layout title={`执行与绩效 — ${budget.unitName}`} budget={budget} tab="follow" charts>
      <h1>预算执行与绩效监控</h1>
      {props.message ? (
        <p class={props.message.kind === 'ok' ? 'notice ok' : 'notice error'} role={props.message.kind === 'error' ? 'alert' : 'status'}>
          {props.message.text}
        </p>
      ) : null}
      <section aria-label="导入支付明细">
        <h2>导入支付明细</h2>
        <form
          method="post"
          action={`${base}/payments`}
          enctype="multipart/form-data"
          data-confirm-checked="replace"
          data-confirm={`勾选了“替换已有支付明细”：将先删除已登记的 ${props.payments} 笔支付，再导入此文件。确定替换吗？`}
        >
          <label>
            支付明细（CSV 或 XLSX：项目、日期、金额(元)、凭证号、收款方）
            <input type="file" name="file" accept=".csv,.xlsx" required />
          </label>
          <label>
            <input type="checkbox" name="replace" value="1" /> 替换已有支付明细
          </label>
          <button type="submit">导入</button>
        </form>
        <p>已登记 {props.payments} 笔支付。</p>
      </section>
      <section aria-label="预算执行">
        <h2>预算执行情况（截至 {ex.asOf}）</h2>
        <form method="get" action={base} class="inline">
          <label>
            统计截止日期 <input type="date" name="asOf" value={ex.asOf} />
          </label>
          <button type="submit">刷新</button>
        </form>
        <ExecChart ex={ex.total} asOfMonth={ex.asOfMonth} label="部门项目支出" />
        <h3>执行预警</h3>
        {ex.warnings.length ? (
          <ul class="warnings" role="alert" id="warnings">
            {ex.warnings.map((w) => (
              <li class="warning">
                {w.name}：{w.warning.message}
              </li>
            ))}
          </ul>
        ) : (
          <p id="warnings">无执行预警。</p>
        )}
        <table class="data">
          <thead>
            <tr>
              <th>项目</th>
              <th>年度预算（万元）</th>
              <th>累计支出（万元）</th>
              <th>执行率</th>
              <th>计划执行率</th>
              <th>预计年末执行率</th>
              <th>预警</th>
              <th>指标偏差</th>
              <th>自评得分</th>
            </tr>
          </thead>
          <tbody>
            {ex.projects.map((p, i) => {
              const m = props.monitoring.projects[i];
              const e = props.evaluation.projects[i];
              return (
                <tr>
                  <td>
                    <a href={`${base}/${encodeURIComponent(p.formId)}`}>{p.name}</a>
                  </td>
                  <td class="num">{wan(p.budgetFen)}</td>
                  <td class="num">{wan(p.paidFen)}</td>
                  <td class="num">{pct(p.rate)}</td>
                  <td class="num">{pct(p.planRate)}</td>
                  <td class="num">{pct(p.forecastRate)}</td>
                  <td class={p.warnings.length ? 'warning' : ''}>{p.warnings.map((w) => (w.kind === 'below-floor' ? '低于进度要求' : '偏离计划')).join('、') || '—'}</td>
                  <td class="num">{m ? `${m.deviations}${m.incomplete ? `（${m.incomplete} 待填）` : ''}` : ''}</td>
                  <td class="num">{e && e.actuals.some((a) => a) ? `${e.evaluation.total}（${e.evaluation.grade}）` : '—'}</td>
                </tr>
              );
            })}
            <tr class="total">
              <td>合计</td>
              <td class="num">{wan(ex.total.budgetFen)}</td>
              <td class="num">{wan(ex.total.paidFen)}</td>
              <td class="num">{pct(ex.total.rate)}</td>
              <td class="num">{pct(ex.total.planRate)}</td>
              <td class="num">{pct(ex.total.forecastRate)}</td>
              <td></td>
              <td></td>
              <td class="num">
                {props.evaluation.overall.score}（{props.evaluation.overall.grade}）
              </td>
            </tr>
          </tbody>
        </table>
      </section>
      <BudgetControlSection budgetId={budget.id} control={props.control} adjustments={props.adjustments} mayAdjust={props.mayAdjust} />
      {props.monitoring.department ? (
        <section aria-label="部门整体绩效目标监控">
          <h2>部门整体绩效目标监控（表14，截至 {props.monitoring.asOf}）</h2>
          <table class="data">
            <thead>
              <tr>
                <th>指标</th>
                <th>年度指标值</th>
                <th>截至目前完成</th>
                <th>完成进度</th>
                <th>可能性</th>
                <th>偏差原因</th>
                <th>纠偏措施</th>
              </tr>
            </thead>
            <tbody>
              {props.monitoring.department.rows
                .filter((r) => !r.indicator.notApplicable)
                .map((r) => (
                  <tr class={r.check.triggers.length ? 'deviation' : ''}>
                    <td>{r.indicator.name}</td>
                    <td>{r.target}</td>
                    <td>{r.entry.actualToDate ?? ''}</td>
                    <td class="num">{pct(r.check.attainment)}</td>
                    <td>{r.entry.likelihood ?? ''}</td>
                    <td>{r.entry.reason ?? ''}</td>
                    <td>{r.entry.action ?? ''}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <section aria-label="文档">
        <h2>文档</h2>
        <ul>
          <li>
            绩效运行监控表：<a href={`/api/v1/budgets/${budget.id}/monitoring.html`}>HTML</a> · <a href={`/api/v1/budgets/${budget.id}/monitoring.xlsx`}>XLSX</a> ·{' '}
            <a href={`/api/v1/budgets/${budget.id}/monitoring.pdf`}>PDF</a>
          </li>
          <li>
            绩效自评报告：<a href={`/api/v1/budgets/${budget.id}/evaluation.html`}>HTML</a> · <a href={`/api/v1/budgets/${budget.id}/evaluation.xlsx`}>XLSX</a> ·{' '}
            <a href={`/api/v1/budgets/${budget.id}/evaluation.pdf`}>PDF</a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}

/** The mid-year monitoring form of one project (swapped whole by htmx after a save). */
export function MonitoringForm(props: { budgetId: string; pm: ProjectMonitoring; asOf: string; saved?: boolean; error?: string }) {
  const { pm } = props;
  const url = `/budgets/${props.budgetId}/follow/${encodeURIComponent(pm.execution.formId)}/monitoring`;
  const incomplete = pm.rows.filter((r) => r.check.missing.length > 0).length;
  return (
    <form id="monitoring" method="post" action={url} hx-post={url} hx-target="#monitoring" hx-swap="outerHTML">
      <input type="hidden" name="asOf" value={props.asOf} />
      {props.error ? (
        <p class="notice error" role="alert">
          {props.error}
        </p>
      ) : null}
      {props.saved ? (
        <p class="notice ok" role="status">
          已保存。{incomplete ? `仍有 ${incomplete} 项指标需填写偏差原因和纠偏措施。` : '所有偏差均已说明。'}
        </p>
      ) : null}
      <table class="data monitoring">
        <thead>
          <tr>
            <th>指标</th>
            <th>年度指标值</th>
            <th>截至目前完成</th>
            <th>完成进度</th>
            <th>全年预计完成可能性</th>
            <th>偏差原因</th>
            <th>纠偏措施</th>
            <th>提示</th>
          </tr>
        </thead>
        <tbody>
          {pm.rows
            .filter((r) => !r.indicator.notApplicable)
            .map((r) => {
              const miss = (k: string) => (r.check.missing.includes(k as never) ? 'missing' : '');
              return (
                <tr data-indicator={r.indicator.name} class={r.check.triggers.length ? 'deviation' : ''}>
                  <td>
                    {r.indicator.level2} / {r.indicator.name}
                  </td>
                  <td>{r.target}</td>
                  <td class={miss('actualToDate')}>
                    <input name={`a${r.idx}`} value={r.entry.actualToDate ?? ''} aria-label={`${r.indicator.name} 截至目前完成`} size={8} />
                  </td>
                  <td class="num">{pct(r.check.attainment)}</td>
                  <td class={miss('likelihood')}>
                    <select name={`l${r.idx}`} aria-label={`${r.indicator.name} 可能性`}>
                      <option value="">—</option>
                      {LIKELIHOODS.map((l) => (
                        <option value={l} selected={r.entry.likelihood === l}>
                          {l}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td class={miss('reason')}>
                    <select name={`r${r.idx}`} aria-label={`${r.indicator.name} 偏差原因`}>
                      <option value="">—</option>
                      {DEVIATION_REASONS.map((x) => (
                        <option value={x} selected={r.entry.reason === x}>
                          {x}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td class={miss('action')}>
                    <textarea name={`c${r.idx}`} rows={2} maxlength={2000} aria-label={`${r.indicator.name} 纠偏措施`}>
                      {r.entry.action ?? ''}
                    </textarea>
                  </td>
                  <td class="hint">
                    {r.check.triggers.join('；')}
                    {r.check.missing.length
                      ? `（待填：${r.check.missing.map((m) => ({ actualToDate: '完成情况', likelihood: '可能性', reason: '偏差原因', action: '纠偏措施' })[m]).join('、')}）`
                      : ''}
                  </td>
                </tr>
              );
            })}
        </tbody>
      </table>
      <button type="submit">保存监控情况</button>
    </form>
  );
}

/** The live score panel of a project's self-evaluation. */
export function ScorePanel(props: { pe: ProjectEvaluation; preview?: boolean }) {
  const e = props.pe.evaluation;
  return (
    <div id="score" class="cards" aria-live="polite">
      <div class="card">
        <div class="label">自评得分{props.preview ? '（未保存）' : ''}</div>
        <div class="value" id="score-total">
          {e.total}
        </div>
      </div>
      <div class="card">
        <div class="label">等级</div>
        <div class="value" id="score-grade">
          {e.grade}
        </div>
      </div>
      <div class="card">
        <div class="label">预算执行率 / 得分</div>
        <div class="value">
          {pct(props.pe.execution.rate)} / {e.byCategory.execution}
        </div>
      </div>
      <div class="card">
        <div class="label">产出 / 效益 / 满意度</div>
        <div class="value">
          {e.byCategory.output} / {e.byCategory.effect} / {e.byCategory.satisfaction}
        </div>
      </div>
      <div class="card">
        <div class="label">待补充原因或措施</div>
        <div class="value">{e.incomplete.length}</div>
      </div>
    </div>
  );
}

/** The year-end self-evaluation form of one project: the score recomputes (htmx) on every change. */
export function EvaluationForm(props: { budgetId: string; pe: ProjectEvaluation; saved?: boolean; error?: string }) {
  const { pe } = props;
  const url = `/budgets/${props.budgetId}/follow/${encodeURIComponent(pe.formId)}/evaluation`;
  return (
    <form id="evaluation" method="post" action={url} hx-post={url} hx-target="#evaluation" hx-swap="outerHTML">
      {props.error ? (
        <p class="notice error" role="alert">
          {props.error}
        </p>
      ) : null}
      {props.saved ? (
        <p class="notice ok" role="status">
          已保存自评。
        </p>
      ) : null}
      <ScorePanel pe={pe} />
      <table
        class="data evaluation"
        hx-post={`${url}/preview`}
        hx-trigger="change from:closest form, keyup changed delay:400ms from:closest form"
        hx-target="#score"
        hx-swap="outerHTML"
        hx-include="closest form"
      >
        <thead>
          <tr>
            <th>指标</th>
            <th>年度指标值</th>
            <th>实际完成值</th>
            <th>分值</th>
            <th>得分</th>
            <th>偏差原因</th>
            <th>改进措施</th>
          </tr>
        </thead>
        <tbody>
          {pe.evaluation.indicators.map((s, k) => {
            const ind = pe.indicators[k]!;
            if (ind.notApplicable) return null;
            const a = pe.actuals[k];
            const banded = s.indicator.qualitative || ind.value === null || !/^-?\d+(\.\d+)?$/.test(ind.value);
            return (
              <tr data-indicator={ind.name}>
                <td>
                  {ind.level1} / {ind.name}
                </td>
                <td>{targetText(ind)}</td>
                <td>
                  {s.category === 'execution' ? (
                    <span>按预算执行率计分</span>
                  ) : banded ? (
                    <select name={`b${k}`} aria-label={`${ind.name} 达成程度`}>
                      <option value="">—</option>
                      {Object.keys(BANDS).map((b) => (
                        <option value={b} selected={a?.band === b}>
                          {b}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input name={`v${k}`} value={a?.value ?? ''} aria-label={`${ind.name} 实际完成值`} size={8} inputmode="decimal" />
                  )}
                </td>
                <td class="num">{s.dropped ? '—' : Number(s.weight).toFixed(2)}</td>
                <td class="num">{s.score ?? '—'}</td>
                <td class={s.missing.includes('reason') ? 'missing' : ''}>
                  <textarea name={`r${k}`} rows={2} maxlength={2000} aria-label={`${ind.name} 偏差原因`}>
                    {a?.reason ?? ''}
                  </textarea>
                </td>
                <td class={s.missing.includes('correction') ? 'missing' : ''}>
                  <textarea name={`c${k}`} rows={2} maxlength={2000} aria-label={`${ind.name} 改进措施`}>
                    {a?.correction ?? ''}
                  </textarea>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="submit">保存自评</button>
    </form>
  );
}

/** A project's page: execution curve and warnings, mid-year monitoring, year-end self-evaluation. */
export function FollowProjectPage(props: {
  budget: BudgetDetail;
  pm: ProjectMonitoring;
  asOf: string;
  asOfMonth: number;
  yearEx: ExecutionFigures;
  pe: ProjectEvaluation;
  payments: readonly PaymentRow[];
  paymentError?: { text: string; values: Record<string, string> };
}) {
  const { budget, pm } = props;
  const ex = pm.execution;
  return (
    <Layout title={`${ex.name} — 执行与绩效`} budget={budget} tab="follow" charts>
      <p class="sub">
        <a href={`/budgets/${budget.id}/follow`}>执行与绩效</a> › {ex.name}
      </p>
      <h1>{ex.name}</h1>
      <section aria-label="预算执行">
        <h2>预算执行（截至 {props.asOf}）</h2>
        <p>
          年度预算 {wan(ex.budgetFen)} 万元，累计支出 {wan(ex.paidFen)} 万元，执行率 {pct(ex.rate)}，计划 {pct(ex.planRate)}，预计年末 {pct(ex.forecastRate)}。
        </p>
        <Warnings ex={ex} />
        <ExecChart ex={ex} asOfMonth={props.asOfMonth} label={ex.name} />
      </section>
      <PaymentsSection budgetId={budget.id} formId={ex.formId} year={budget.year} payments={props.payments} {...(props.paymentError ? { error: props.paymentError } : {})} />
      <section aria-label="绩效运行监控">
        <h2>绩效运行监控（双监控）</h2>
        <MonitoringForm budgetId={budget.id} pm={pm} asOf={props.asOf} />
      </section>
      <section aria-label="年终绩效自评">
        <h2>年终绩效自评（全年执行率 {pct(props.yearEx.rate)}）</h2>
        <EvaluationForm budgetId={budget.id} pe={props.pe} />
      </section>
    </Layout>
  );
}
