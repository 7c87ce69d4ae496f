/** The pages of the web app, as hono/jsx components. All text zh-CN; amounts formatted from fen. */
import { bytesText, DEFAULT_LIMITS } from '../app/limits.js';
import type { Child } from 'hono/jsx';
import type { BudgetDetail, BudgetSummary, SeverityCounts, VersionDiff, VersionInfo } from '../app/workspace.js';
import type { ListedBudget } from '../app/workflow.js';
import { actionLabel, actorLabel, auditSummary, type AuditEntry } from '../app/audit-log.js';
import { amountUnitLabel, categoryLabel, FORM_AMOUNT_LABELS, headerText, printedTitleNumber, SEVERITY_LABELS, severityLabel } from '../domain/catalogue/index.js';
import type { BudgetDocument, ProjectForm, Table } from '../domain/model.js';
import type { FiscusError } from '../domain/errors.js';
import { exactDecimals, formatAmount } from '../domain/money.js';
import { STATE_LABELS } from '../domain/workflow.js';
import { CoverageSection } from './coverage.js';
import { Layout, type BudgetNavInfo, type VersionView } from './layout.js';
import { narrativeLineFor } from './narrative.js';
import {
  byEconomicClass,
  byFunctionClass,
  costLineSum,
  decimalsFor,
  disbursementSum,
  findingHref,
  fmt,
  formAnchor,
  indicatorAnchor,
  keyFigures,
  projectTree,
  rowAnchor,
  safeId,
  TARGETS_PAGE,
  type Finding,
  type HrefContext,
  type Slice,
} from './figures.js';

/** What `toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' })` prints, made once (each of those calls builds a formatter). */
const DATE_TIME = new Intl.DateTimeFormat('zh-CN', {
  hour12: false,
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

export const dateTime = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE_TIME.format(d);
};

export function navInfo(b: BudgetSummary): BudgetNavInfo {
  return { id: b.id, unitName: b.unitName, year: b.year, kind: b.kind, latestVersion: b.latestVersion, stateLabel: STATE_LABELS[b.state] };
}

export function Counts(props: { c: SeverityCounts }) {
  const { c } = props;
  return (
    <span class="counts">
      <span class={c.error ? 'count-error' : ''}>
        {SEVERITY_LABELS.error} <span class="n">{c.error}</span>
      </span>
      {' · '}
      <span class={c.warning ? 'count-warning' : ''}>
        {SEVERITY_LABELS.warning} <span class="n">{c.warning}</span>
      </span>
      {' · '}
      {SEVERITY_LABELS.info} <span class="n">{c.info}</span>
    </span>
  );
}

function status(c: SeverityCounts): string {
  if (c.error) return `未通过：${c.error} 个${SEVERITY_LABELS.error}`;
  if (c.warning) return `通过，有 ${c.warning} 个${SEVERITY_LABELS.warning}`;
  return '通过';
}

/** Error box for a failed upload or edit: what went wrong and where. */
export function ErrorBox(props: { title: string; detail: string; line?: number | null | undefined; href?: string | undefined; hrefText?: string | undefined }) {
  return (
    <div class="alert" role="alert">
      <strong>{props.title}</strong>
      <div>{props.detail}</div>
      {props.line ? <div>位置：第 {props.line} 行</div> : null}
      {props.href ? (
        <div>
          <a href={props.href}>{props.hrefText ?? props.href}</a>
        </div>
      ) : null}
    </div>
  );
}

/** The outcome of a form post on the page it returns to: the refusal with its code, or the notice. */
export function Outcome(props: { error?: FiscusError | undefined; notice?: string | undefined }) {
  return (
    <>
      {props.error ? <ErrorBox title={`未能完成（${props.error.code}）`} detail={props.error.message} /> : null}
      {props.notice ? (
        <div class="notice" role="status">
          {props.notice}
        </div>
      ) : null}
    </>
  );
}

export function ListPage(props: { budgets: ListedBudget[]; error?: { title: string; detail: string; line?: number | null }; mayImport?: boolean }) {
  return (
    <Layout title="预算列表">
      <h1>预算列表</h1>
      {props.error ? <ErrorBox {...props.error} /> : null}
      {props.budgets.length === 0 ? (
        <p>还没有预算。请上传一份部门预算公开文本。</p>
      ) : (
        <table class="data">
          <thead>
            <tr>
              <th>单位</th>
              <th>年度</th>
              <th>类型</th>
              <th>版本</th>
              <th>审批</th>
              <th>状态</th>
              <th>审核发现</th>
              <th>更新时间</th>
            </tr>
          </thead>
          <tbody>
            {props.budgets.map((b) =>
              b.findings === null ? (
                // A budget the user may read only as published: its published version, nothing of its drafts.
                <tr>
                  <td>
                    <a href={`/public/budgets/${b.id}`} title="公开门户中的已公开版本">
                      {b.unitName}
                    </a>
                  </td>
                  <td class="num">{b.year}</td>
                  <td>{b.kind}</td>
                  <td class="num">第 {b.publishedVersion} 版</td>
                  <td>{STATE_LABELS.published}</td>
                  <td class="muted">—</td>
                  <td class="muted">—</td>
                  <td class="nowrap">{b.publishedAt ? dateTime(b.publishedAt) : ''}</td>
                </tr>
              ) : (
                <tr>
                  <td>
                    <a href={`/budgets/${b.id}`}>{b.unitName}</a>
                  </td>
                  <td class="num">{b.year}</td>
                  <td>{b.kind}</td>
                  <td class="num">第 {b.latestVersion} 版</td>
                  <td>
                    <a href={`/budgets/${b.id}/workflow`}>{STATE_LABELS[b.state]}</a>
                    {b.publishedVersion !== null && b.state !== 'published' ? <span class="muted">（第 {b.publishedVersion} 版已公开）</span> : null}
                  </td>
                  <td>{status(b.findings)}</td>
                  <td>
                    <a href={`/budgets/${b.id}/findings`}>
                      <Counts c={b.findings} />
                    </a>
                  </td>
                  <td class="nowrap">{dateTime(b.updatedAt)}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      {props.mayImport === false ? null : (
        <form class="upload" method="post" action="/upload" enctype="multipart/form-data">
          <h2>上传预算</h2>
          <p class="muted">
            部门预算公开文本（.txt，或由 PDF 转出的文本）或 fiscus 规范 JSON，不超过 {bytesText(DEFAULT_LIMITS.body.upload)}。同一单位、年度再次上传时，先列出与最新版本的差异，确认后成为新的草稿版本。
          </p>
          <label for="upload-file">选择文件</label> <input id="upload-file" name="file" type="file" accept=".txt,.json,.pdf,text/plain,application/json" required />{' '}
          <button type="submit">上传并审核</button>
        </form>
      )}
    </Layout>
  );
}

/** A key figure as a card (its label, the amount in the document's unit). */
export function Figure(props: { label: string; fen: number | null; doc: BudgetDocument; id: string }) {
  return (
    <div class="card" id={props.id}>
      <div class="label">{props.label}</div>
      <div class="value">
        {fmt(props.fen, props.doc)}
        <span class="unit">{props.doc.displayUnit}</span>
      </div>
    </div>
  );
}

/** A composition chart (drawn by app.js from `data-chart`) with its data table beside it. */
export function Chart(props: { id: string; title: string; slices: Slice[]; doc: BudgetDocument }) {
  const items = props.slices.map((s) => ({ name: s.code ? `${s.code} ${s.name}` : s.name, value: formatAmount(s.fen, props.doc.displayUnit, 2, false) }));
  const total = props.slices.reduce((a, s) => a + s.fen, 0);
  return (
    <section aria-labelledby={`${props.id}-h`}>
      <h3 id={`${props.id}-h`}>{props.title}</h3>
      {props.slices.length === 0 ? (
        <p class="muted">文档中没有相应数据。</p>
      ) : (
        <>
          <div class="chart" id={props.id} role="img" aria-label={`${props.title}（图）`} data-chart={JSON.stringify({ unit: props.doc.displayUnit, items })}></div>
          <details>
            <summary>数据表</summary>
            <table class="data">
              <thead>
                <tr>
                  <th>类别</th>
                  <th class="num">金额（{props.doc.displayUnit}）</th>
                </tr>
              </thead>
              <tbody>
                {props.slices.map((s) => (
                  <tr>
                    <td>{s.code ? `${s.code} ${s.name}` : s.name}</td>
                    <td class="num">{fmt(s.fen, props.doc)}</td>
                  </tr>
                ))}
                <tr class="total">
                  <td>合计</td>
                  <td class="num">{fmt(total, props.doc)}</td>
                </tr>
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}

/** Links of findings on a page showing `doc` (version `v` when it is not the latest). */
export function hrefContext(doc: BudgetDocument, v?: number): HrefContext {
  return { v, doc, narrativeLine: (line) => narrativeLineFor(doc, line) };
}

export function FindingItem(props: { budgetId: string; f: Finding; ctx: HrefContext }) {
  const { f } = props;
  const href = findingHref(props.budgetId, f, props.ctx);
  const where = [f.location.section, f.location.item, f.location.field].filter(Boolean).join(' · ');
  return (
    <li>
      <span class={`sev sev-${f.severity}`}>{severityLabel(f.severity)}</span> <strong>{f.message}</strong>
      <div class="meta">
        {f.rule} {categoryLabel(f.category)} · {where}
        {f.location.line ? ` · 第 ${f.location.line} 行` : ''}
        {f.expected !== null ? ` · 应为 ${f.expected}，实为 ${f.actual ?? '—'}，差 ${f.difference ?? '—'} ${f.unit ?? ''}` : ''}
        {href ? (
          <>
            {' · '}
            <a href={href}>查看位置</a>
          </>
        ) : null}
      </div>
    </li>
  );
}

export function Downloads(props: { id: string }) {
  const base = `/api/v1/budgets/${props.id}/export`;
  return (
    <ul>
      <li>
        <a href={`${base}.html`} download>
          HTML（公开文本排版）
        </a>
      </li>
      <li>
        <a href={`${base}.xlsx`} download>
          XLSX（表格）
        </a>
      </li>
      <li>
        <a href={`${base}.pdf`} download>
          PDF（审核版：附审核结果）
        </a>
      </li>
      <li>
        <a href={`${base}.pdf?appendix=none`} download>
          PDF（可公开版：不含审核附录）
        </a>
      </li>
      <li>
        <a href={`${base}.json`} download>
          JSON（规范数据，金额为分）
        </a>
      </li>
      <li>
        <a href={`${base}.fdp`} download>
          开放数据：财政数据包（Fiscal Data Package，ZIP：全部金额及每张表格的 CSV）
        </a>
      </li>
    </ul>
  );
}

/** Page props shared by the pages that can show an older version. */
interface Viewed {
  /** Set when an older version is shown (read-only). */
  view?: VersionView | undefined;
  ctx: HrefContext;
  /** Severity counts of the version shown. */
  counts: SeverityCounts;
  version: number;
}

export function DashboardPage(props: { budget: BudgetSummary; doc: BudgetDocument; findings: Finding[] } & Viewed) {
  const { budget, doc, findings } = props;
  const vq = props.view ? `?v=${props.view.v}` : '';
  const k = keyFigures(doc);
  const tree = projectTree(doc);
  const errors = findings.filter((f) => f.severity === 'error');
  const byCat = new Map<string, number>();
  for (const f of findings) byCat.set(f.category, (byCat.get(f.category) ?? 0) + 1);
  return (
    <Layout title={`${budget.unitName} ${budget.year}年${budget.kind}`} budget={navInfo(budget)} tab="dashboard" charts view={props.view}>
      <h1>
        {budget.unitName} {budget.year}年{budget.kind}
      </h1>
      <p class="sub">
        第 {props.version} 版{props.view ? '' : ` · 更新于 ${dateTime(budget.updatedAt)}`} · {status(props.counts)}
      </p>
      <section aria-label="主要数字" class="cards">
        <Figure id="fig-revenue" label="收入总计" fen={k.revenueTotal} doc={doc} />
        <Figure id="fig-basic" label="基本支出" fen={k.basic} doc={doc} />
        <Figure id="fig-project" label="项目支出" fen={k.project} doc={doc} />
        <Figure id="fig-procurement" label="政府采购" fen={k.procurement} doc={doc} />
        <div class="card" id="fig-findings">
          <div class="label">审核发现</div>
          <div class="value">
            <a href={`/budgets/${budget.id}/findings${vq}`}>{findings.length}</a>
          </div>
          <Counts c={props.counts} />
        </div>
      </section>
      <CoverageSection budgetId={budget.id} doc={doc} vq={vq} />
      <div class="grid2">
        <Chart id="chart-function" title="支出构成（按功能分类·类）" slices={byFunctionClass(doc)} doc={doc} />
        <Chart id="chart-econ" title="基本支出构成（按经济分类·类）" slices={byEconomicClass(doc)} doc={doc} />
      </div>
      <div class="grid2">
        <section class="tree" aria-labelledby="tree-h">
          <h2 id="tree-h">
            项目<span class="muted small">（{amountUnitLabel(doc.displayUnit)}）</span>
          </h2>
          <ul>
            {tree.nodes.map((n) => (
              <li>
                {n.rowId && n.tableId ? <a href={`/budgets/${budget.id}/tables/${n.tableId}${vq}#${rowAnchor(n.tableId, n.rowId)}`}>{n.name}</a> : n.name}
                <span class="amt">{fmt(n.fen, doc)}</span>
                {n.forms.length ? (
                  <ul>
                    {n.forms.map((f) => (
                      <li>
                        <a href={`/budgets/${budget.id}/projects/${encodeURIComponent(f.id)}${vq}`}>{f.name}</a>
                        <span class="amt">{fmt(f.amounts.total?.fen, doc)}</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
            {tree.unplaced.length ? (
              <li>
                其他申报表
                <ul>
                  {tree.unplaced.map((f) => (
                    <li>
                      <a href={`/budgets/${budget.id}/projects/${encodeURIComponent(f.id)}${vq}`}>{f.name}</a>
                      <span class="amt">{fmt(f.amounts.total?.fen, doc)}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ) : null}
          </ul>
        </section>
        <section aria-labelledby="sum-h">
          <h2 id="sum-h">审核发现摘要</h2>
          <p>
            <Counts c={props.counts} />
          </p>
          {byCat.size ? (
            <table class="data">
              <thead>
                <tr>
                  <th>类别</th>
                  <th class="num">条数</th>
                </tr>
              </thead>
              <tbody>
                {[...byCat].map(([cat, n]) => (
                  <tr>
                    <td>{categoryLabel(cat)}</td>
                    <td class="num">{n}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>没有审核发现。</p>
          )}
          {errors.length ? (
            <>
              <h3>
                {SEVERITY_LABELS.error}（前 {Math.min(errors.length, 8)} 条）
              </h3>
              <ul class="findings">
                {errors.slice(0, 8).map((f) => (
                  <FindingItem budgetId={budget.id} f={f} ctx={props.ctx} />
                ))}
              </ul>
            </>
          ) : null}
          <p>
            <a href={`/budgets/${budget.id}/findings${vq}`}>全部审核发现 →</a>
          </p>
          <h2>下载</h2>
          <Downloads id={budget.id} />
        </section>
      </div>
    </Layout>
  );
}

/** Indicators as published; the first row of each name carries the anchor findings link to. */
export function IndicatorTable(props: { indicators: ProjectForm['indicators']; idPrefix: string }) {
  if (props.indicators.length === 0) return <p class="muted">没有绩效指标。</p>;
  const seen = new Set<string>();
  const idOf = (name: string) => {
    if (seen.has(name)) return undefined;
    seen.add(name);
    return indicatorAnchor(props.idPrefix, name);
  };
  return (
    <table class="data">
      <caption>绩效指标</caption>
      <thead>
        <tr>
          <th>一级指标</th>
          <th>二级指标</th>
          <th>指标内容</th>
          <th>目标值</th>
        </tr>
      </thead>
      <tbody>
        {props.indicators.map((x) => (
          <tr id={idOf(x.name)}>
            <td>{x.level1}</td>
            <td>{x.level2}</td>
            <td>{x.name}</td>
            <td>{x.raw || (x.notApplicable ? '不适用' : `${x.comparator ?? ''}${x.value ?? ''}${x.unit ?? ''}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ProjectsPage(props: { budget: BudgetSummary; doc: BudgetDocument; findings: Finding[] } & Viewed) {
  const { budget, doc } = props;
  const vq = props.view ? `?v=${props.view.v}` : '';
  return (
    <Layout title={`项目 · ${budget.unitName}`} budget={navInfo(budget)} tab="projects" view={props.view}>
      <h1>项目支出绩效目标申报表</h1>
      <table class="data">
        <thead>
          <tr>
            <th>项目</th>
            <th>所属项目</th>
            <th class="num">项目总金额（{doc.displayUnit}）</th>
            <th class="num">测算明细合计</th>
            <th class="num">资金支出进度合计</th>
            <th>审核发现</th>
          </tr>
        </thead>
        <tbody>
          {doc.projectForms.map((f) => {
            const n = props.findings.filter((x) => x.location.form === f.id);
            return (
              <tr>
                <td>
                  <a href={`/budgets/${budget.id}/projects/${encodeURIComponent(f.id)}${vq}`}>{f.name}</a>
                </td>
                <td>{f.parentProject ?? '—'}</td>
                <td class="num">{fmt(f.amounts.total?.fen, doc)}</td>
                <td class="num">{f.costLines.length ? fmt(costLineSum(f), doc, decimalsFor(f.costLines.map((l) => l.amount))) : '—'}</td>
                <td class="num">{f.disbursement.length ? fmt(disbursementSum(f), doc) : '—'}</td>
                <td>{n.length ? `${n.length} 条` : '无'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Layout>
  );
}

export function FindingsPage(props: { budget: BudgetSummary; findings: Finding[]; severity?: string | undefined; filterNote?: string } & Viewed) {
  const { budget } = props;
  const vq = props.view ? `v=${props.view.v}` : '';
  const shown = props.findings.filter((f) => !props.severity || f.severity === props.severity);
  const groups = new Map<string, Finding[]>();
  for (const f of shown) groups.set(f.category, [...(groups.get(f.category) ?? []), f]);
  const base = `/budgets/${budget.id}/findings`;
  return (
    <Layout title={`审核发现 · ${budget.unitName}`} budget={navInfo(budget)} tab="findings" view={props.view}>
      <h1>审核发现（第 {props.version} 版）</h1>
      <p>
        <Counts c={props.counts} />
      </p>
      <nav aria-label="按级别筛选">
        <a href={vq ? `${base}?${vq}` : base} aria-current={!props.severity ? 'page' : undefined}>
          全部
        </a>
        {(['error', 'warning', 'info'] as const).map((s) => (
          <>
            {' · '}
            <a href={`${base}?severity=${s}${vq ? `&${vq}` : ''}`} aria-current={props.severity === s ? 'page' : undefined}>
              {severityLabel(s)}
            </a>
          </>
        ))}
      </nav>
      {props.filterNote ? <p class="muted">{props.filterNote}</p> : null}
      {shown.length === 0 ? <p>没有符合条件的审核发现。</p> : null}
      {[...groups].map(([cat, fs]) => (
        <section>
          <h2>
            {categoryLabel(cat)}（{fs.length}）
          </h2>
          <ul class="findings">
            {fs.map((f) => (
              <FindingItem budgetId={budget.id} f={f} ctx={props.ctx} />
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

const FORM_FIELDS: Record<string, string> = { amount: '金额', unitPrice: '单价', ...FORM_AMOUNT_LABELS };

/**
 * The table a diff path names in `doc`: the diff keys a table by its number and role
 * (`tables[7:general-budget-function]…`, `tables[:revenue-summary#2]…` for the second unnumbered one).
 */
export function diffTable(doc: BudgetDocument, path: string): { table: Table; id: string } | null {
  const m = /^tables\[(\d*):([a-z-]+)(?:#(\d+))?\]/.exec(path);
  if (!m) return null;
  const no = m[1] === '' ? null : Number(m[1]);
  const nth = m[3] ? Number(m[3]) : 1;
  let seen = 0;
  const i = doc.tables.findIndex((t) => t.no === no && t.role === m[2] && ++seen === nth);
  return i < 0 ? null : { table: doc.tables[i]!, id: doc.tables[i]!.id ?? `t${i + 1}` };
}

/** A changed field's printed name: the column header of a table cell, the form field's label. */
function fieldLabel(doc: BudgetDocument, c: { path: string; field: string }): string {
  const col = diffTable(doc, c.path)?.table.columns.find((k) => k.key === c.field);
  if (col) return headerText(col);
  return FORM_FIELDS[c.field] ?? c.field;
}

/** Where a changed item is in the document, as the versions page names it: the table's title, 项目申报表, 文字说明. */
function diffPlace(doc: BudgetDocument, c: { path: string; table: number | null; form: string | null }): string {
  const t = diffTable(doc, c.path);
  if (t) return t.table.no !== null && printedTitleNumber(t.table.title.text) === null ? `表${t.table.no} ${t.table.title.text}` : t.table.title.text;
  if (c.path.startsWith('departmentTargets.')) return '整体支出绩效目标';
  return c.form ? '项目申报表' : c.path.startsWith('narrative.') ? '文字说明' : c.path;
}

/**
 * Where a changed amount is shown in the later version `docB` (`vq` is its `?v=N`, empty when it is
 * the latest): the table row, or the cost line, quarterly plan or amounts of the project page.
 */
export function diffHref(budgetId: string, c: { path: string; table: number | null; form: string | null; row: string | null; field: string }, docB: BudgetDocument, vq = ''): string | null {
  if (c.path.startsWith('narrative.facts[') && c.row) {
    // The diff keys a fact by its semantic key, a repeated key getting "#2", "#3"… in printed order.
    const m = /^(.*?)(?:#(\d+))?$/.exec(c.row)!;
    const fact = docB.narrative.facts.filter((f) => f.key === m[1])[(m[2] ? Number(m[2]) : 1) - 1];
    return `/budgets/${budgetId}/narrative${vq}${fact?.src.line ? `#line-${fact.src.line}` : ''}`;
  }
  if (c.path.startsWith('departmentTargets.')) return `/budgets/${budgetId}/tables/${TARGETS_PAGE}${vq}`;
  const t = diffTable(docB, c.path);
  if (t) return `/budgets/${budgetId}/tables/${t.id}${vq}${c.row ? `#${rowAnchor(t.id, c.row)}` : ''}`;
  if (!c.form) return null;
  const page = `/budgets/${budgetId}/projects/${encodeURIComponent(c.form)}${vq}`;
  if (c.path.includes('.costLines[') && c.row !== null) {
    const form = docB.projectForms.find((f) => f.id === c.form);
    // The diff keys a cost line by its label, a repeated label getting "#2", "#3"…
    const m = /^(.*?)(?:#(\d+))?$/.exec(c.row)!;
    const nth = m[2] ? Number(m[2]) : 1;
    let seen = 0;
    const i = form?.costLines.findIndex((l) => l.label === m[1] && ++seen === nth) ?? -1;
    return `${page}#${i >= 0 ? `form-${safeId(c.form)}-cost-${i}` : formAnchor(c.form, 'costLines')}`;
  }
  if (c.path.includes('.disbursement[')) return `${page}#${formAnchor(c.form, 'disbursement')}`;
  return `${page}#${formAnchor(c.form, 'amounts')}`;
}

/** The audit log's entries of a budget, newest first: who did what when, with the users' names. */
function AuditSection(props: { audit: AuditEntry[] }) {
  return (
    <section aria-labelledby="audit-h">
      <h2 id="audit-h">操作记录</h2>
      {props.audit.length === 0 ? (
        <p>审计日志中还没有本预算的操作记录。</p>
      ) : (
        <table class="data" id="audit">
          <thead>
            <tr>
              <th>时间</th>
              <th>操作人</th>
              <th>操作</th>
              <th>内容</th>
            </tr>
          </thead>
          <tbody>
            {props.audit.map((e) => (
              <tr id={`audit-${e.id}`}>
                <td class="nowrap">{dateTime(e.at)}</td>
                <td>{actorLabel(e)}</td>
                <td>{actionLabel(e.action)}</td>
                <td>{auditSummary(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="muted">导入、修改、支付、监控与自评都记入审计日志；每条记录带有前一条的哈希，fiscus log verify 可校验记录未被改动或删除。</p>
    </section>
  );
}

/**
 * The differences between two versions of a budget (or an upload and the latest version): changed
 * amounts, linked to where they are in `docB` when it is stored; added and removed items.
 */
export function DiffView(props: { budgetId: string; diff: Pick<VersionDiff, 'amounts' | 'added' | 'removed'>; doc: BudgetDocument; docB: BudgetDocument; vqB: string | null }) {
  const { diff, doc } = props;
  const budget = { id: props.budgetId };
  const vqB = props.vqB ?? '';
  const link = (href: string | null, text: Child) => (href && props.vqB !== null ? <a href={href}>{text}</a> : text);
  // Each change shown exactly: a change smaller than the display's usual decimals is never rounded away.
  const row = (c: { beforeFen: number | null; afterFen: number | null; differenceFen: number | null }) => [c.beforeFen, c.afterFen, c.differenceFen].filter((x): x is number => x !== null);
  return diff.amounts.length + diff.added.length + diff.removed.length === 0 ? (
    <p>两个版本之间没有差异。</p>
  ) : (
    <>
      {diff.amounts.length ? (
        <table class="data" id="diff-amounts">
          <caption>金额变化（{doc.displayUnit}）</caption>
          <thead>
            <tr>
              <th>位置</th>
              <th>项目</th>
              <th>字段</th>
              <th class="num">修改前</th>
              <th class="num">修改后</th>
              <th class="num">差额</th>
            </tr>
          </thead>
          <tbody>
            {diff.amounts.map((c) => {
              const d = exactDecimals(row(c), doc.displayUnit);
              return (
                <tr>
                  <td>{link(diffHref(budget.id, c, props.docB, vqB), diffPlace(props.docB, c))}</td>
                  <td>{c.label}</td>
                  <td>{fieldLabel(doc, c)}</td>
                  <td class="num">{fmt(c.beforeFen, doc, d)}</td>
                  <td class="num">{fmt(c.afterFen, doc, d)}</td>
                  <td class="num">{fmt(c.differenceFen, doc, d)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {diff.added.length ? (
        <>
          <h3>新增</h3>
          <ul>
            {diff.added.map((x) => (
              <li>{x.label}</li>
            ))}
          </ul>
        </>
      ) : null}
      {diff.removed.length ? (
        <>
          <h3>删除</h3>
          <ul>
            {diff.removed.map((x) => (
              <li>{x.label}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export function VersionsPage(props: {
  budget: BudgetDetail;
  versions: VersionInfo[];
  diff: VersionDiff | null;
  a: number;
  b: number;
  doc: BudgetDocument;
  docB: BudgetDocument;
  audit?: AuditEntry[];
}) {
  const { budget, versions, diff, doc } = props;
  const vqB = props.b === budget.latestVersion ? '' : `?v=${props.b}`;
  const base = `/budgets/${budget.id}/versions`;
  const ns = versions.map((v) => v.n);
  const Select = (p: { name: string; value: number; label: string }) => (
    <label>
      {p.label}{' '}
      <select name={p.name}>
        {ns.map((n) => (
          <option value={String(n)} selected={n === p.value}>
            第 {n} 版
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <Layout title={`版本历史 · ${budget.unitName}`} budget={navInfo(budget)} tab="versions">
      <h1>版本历史</h1>
      <table class="data" id="versions">
        <thead>
          <tr>
            <th>版本</th>
            <th>时间</th>
            <th>作者</th>
            <th>来源</th>
            <th>说明</th>
            <th>审核发现</th>
          </tr>
        </thead>
        <tbody>
          {[...versions].reverse().map((v) => (
            <tr id={`v${v.n}`}>
              <td class="num">{v.n === budget.latestVersion ? `第 ${v.n} 版` : <a href={`/budgets/${budget.id}?v=${v.n}`}>第 {v.n} 版</a>}</td>
              <td class="nowrap">{dateTime(v.createdAt)}</td>
              <td>{v.author ?? '—'}</td>
              <td>{v.baseVersion ? `修改自第 ${v.baseVersion} 版` : '导入'}</td>
              <td>{v.note ?? ''}</td>
              <td>
                <Counts c={v.findings} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {versions.length > 1 ? (
        <section aria-labelledby="diff-h">
          <h2 id="diff-h">
            第 {props.a} 版 → 第 {props.b} 版的差异
          </h2>
          <form method="get" action={base}>
            <Select name="a" value={props.a} label="从" /> <Select name="b" value={props.b} label="到" /> <button type="submit">比较</button>
          </form>
          {diff ? <DiffView budgetId={budget.id} diff={diff} doc={doc} docB={props.docB} vqB={vqB} /> : null}
        </section>
      ) : (
        <p>只有一个版本。修改项目申报表后，这里会列出各版本之间的差异。</p>
      )}
      {props.audit ? <AuditSection audit={props.audit} /> : null}
    </Layout>
  );
}

export function NotFoundPage(props: { detail: string }) {
  return (
    <Layout title="未找到">
      <h1>未找到</h1>
      <p>{props.detail}</p>
      <p>
        <a href="/">返回预算列表</a>
      </p>
    </Layout>
  );
}
