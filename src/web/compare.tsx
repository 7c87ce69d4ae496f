/**
 * The comparison pages (issue 15 item 2): 比较 (what can be compared), 与上年比较 (a budget's tab: the
 * same unit's previous year, table by table and class by class, with the changes its narrative should
 * explain and does not highlighted) and 部门间比较 (the budgets of one year and kind side by side, with
 * server-drawn SVG charts, no script). Each table downloads as XLSX. Amounts are formatted from fen here.
 */
import type { Context, Hono } from 'hono';
import { raw } from 'hono/html';
import {
  comparisonsOf,
  COMPARE_BY_LABELS,
  LEVEL_LABELS,
  MAX_COMPARED,
  parseDepartmentQuery,
  signedAmount,
  threePublicLabel,
  THREE_PUBLIC_ITEMS,
  type CompareBy,
  type ComparedDocument,
  type CompareLine,
  type CompareSection,
  type DepartmentComparisonResult,
  type DepartmentQuery,
  type YearComparisonResult,
} from '../app/compare.js';
import type { ListedBudget } from '../app/workflow.js';
import type { BudgetDetail } from '../app/workspace.js';
import { formatAmount } from '../domain/money.js';
import { DocumentKind } from '../domain/model.js';
import { Layout } from './layout.js';
import { navInfo } from './pages.js';
import { userOf } from './session.js';

const amount = (fen: number | null, decimals: number) => (fen === null ? '—' : formatAmount(fen, '万元', decimals));
const percentText = (p: string | null) => (p === null ? '—' : `${p}%`);
const docName = (d: ComparedDocument) => `${d.unitName} ${d.year}年${d.kind}`;

/** An XLSX download's headers: the file name in ASCII and, in full, as UTF-8. */
function xlsxResponse(c: Context, bytes: Uint8Array, fileName: string): Response {
  return c.body(bytes as unknown as ArrayBuffer, 200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename="comparison.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  });
}

const FLAG_TEXT: Record<'unexplained' | 'mismatch', string> = {
  unexplained: '应说明而未说明',
  mismatch: '所述增减与两年数不符',
};

function NarrativeCell(props: { l: CompareLine; decimals: number }) {
  const n = props.l.narrative;
  if (!n) return <td class="muted">—</td>;
  if (!n.stated) return <td class="muted">未述及</td>;
  const parts = [n.stated.fen !== null ? `${signedAmount(n.stated.fen, Math.max(props.decimals, n.stated.decimals))} 万元` : null, n.stated.percent !== null ? `${n.stated.percent}%` : null].filter(
    Boolean,
  );
  return (
    <td class="nowrap">
      {parts.join('，')}
      {n.stated.line ? <span class="muted small">（第 {n.stated.line} 行）</span> : null}
    </td>
  );
}

function SectionTable(props: { s: CompareSection; beforeLabel: string; afterLabel: string }) {
  const { s } = props;
  const narrative = s.lines.some((l) => l.narrative);
  return (
    <section aria-labelledby={`cmp-${s.id}`}>
      <h2 id={`cmp-${s.id}`}>{s.title}</h2>
      <p class="sub">
        数据来源：{s.source}。单位：万元。{s.note ? <strong>{s.note}</strong> : null}
      </p>
      <table class="data compare" id={`table-${s.id}`}>
        <thead>
          <tr>
            <th scope="col">编码</th>
            <th scope="col">项目</th>
            <th scope="col">{props.beforeLabel}</th>
            <th scope="col">{props.afterLabel}</th>
            <th scope="col">增减额</th>
            <th scope="col">增减幅度</th>
            {narrative ? <th scope="col">文字说明所述增减</th> : null}
            <th scope="col">标记</th>
          </tr>
        </thead>
        <tbody>
          {s.lines.map((l) => (
            <tr class={l.flag ? `flag-${l.flag}` : l.onlyIn ? 'only-one' : undefined} data-key={l.key}>
              <td class="nowrap">{l.code ?? ''}</td>
              <th scope="row" class={`indent-${l.level ?? 1}`}>
                {l.label}
              </th>
              <td class="num">
                {amount(l.before, s.decimals)}
                {l.sourceBefore ? <span class="muted small">（{l.sourceBefore}）</span> : null}
              </td>
              <td class="num">
                {amount(l.after, s.decimals)}
                {l.sourceAfter ? <span class="muted small">（{l.sourceAfter}）</span> : null}
              </td>
              <td class="num">{l.change === null ? '—' : signedAmount(l.change, s.decimals)}</td>
              <td class="num">{percentText(l.percent)}</td>
              {narrative ? <NarrativeCell l={l} decimals={s.decimals} /> : null}
              <td>
                {l.flag ? (
                  <strong class="flag">{FLAG_TEXT[l.flag]}</strong>
                ) : l.onlyIn === 'before' ? (
                  '仅上年有'
                ) : l.onlyIn === 'after' ? (
                  '仅本年有'
                ) : l.significant ? (
                  <span class="muted">变动达阈值</span>
                ) : (
                  ''
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** 与上年比较: a budget's tab. */
export function YearComparePage(props: { budget: BudgetDetail; r: YearComparisonResult; withId?: string | undefined }) {
  const { budget, r } = props;
  const v = r.view;
  const xlsx = `/budgets/${budget.id}/compare.xlsx${props.withId ? `?with=${props.withId}` : ''}`;
  return (
    <Layout title={`与上年比较 — ${budget.unitName} ${budget.year}年${budget.kind}`} budget={navInfo(budget)} tab="compare">
      <h1>与上年比较</h1>
      <p class="sub" id="compare-summary">
        {v.before ? (
          <>
            比较 {docName(v.after)}（预算 {v.after.budgetId} 第 {v.after.version} 版）与 {docName(v.before)}（<a href={`/budgets/${v.before.budgetId}`}>预算 {v.before.budgetId}</a> 第{' '}
            {v.before.version} 版）。金额以分为单位精确相减，增减幅度由精确整数算出后只四舍五入一次。
          </>
        ) : (
          <>
            比较对象：{docName(v.after)}（预算 {v.after.budgetId} 第 {v.after.version} 版）。
          </>
        )}
      </p>
      {v.notes.length ? (
        <div class="old-version" role="note" id="compare-notes">
          {v.notes.map((n) => (
            <p>{n}</p>
          ))}
        </div>
      ) : null}
      {r.others.length ? (
        <form method="get" action={`/budgets/${budget.id}/compare`} class="inline-form">
          <label>
            与本单位其他年度比较：
            <select name="with">
              {r.others.map((o) => (
                <option value={o.budgetId} selected={v.before?.budgetId === o.budgetId || v.after.budgetId === o.budgetId}>
                  {o.year}年{o.kind}（预算 {o.budgetId}）
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="submit" class="secondary">
            比较
          </button>
        </form>
      ) : null}
      <p id="threshold">
        <strong>应由文字说明解释的变动：</strong>
        {v.thresholdText}
        。收入总计、支出总计、“三公”经费及其各项、机关运行经费的这类变动，文字说明未述及增减的标为“应说明而未说明”；文字说明所述增减额与两年数之差超过一位末位的标为“所述增减与两年数不符”。
        {v.before ? (
          <>
            {' '}
            本次共标记 <strong id="flagged-count">{v.flagged}</strong> 处。
          </>
        ) : null}
      </p>
      {v.sections.length ? (
        <p>
          <a class="button secondary" href={xlsx}>
            下载比较表（XLSX）
          </a>
        </p>
      ) : null}
      {v.sections.length ? (
        <nav aria-label="比较的表格">
          <ul class="table-nav">
            {v.sections.map((s) => (
              <li>
                <a href={`#cmp-${s.id}`}>{s.title}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {v.sections.map((s) => (
        <SectionTable s={s} beforeLabel={v.beforeLabel} afterLabel={v.afterLabel} />
      ))}
    </Layout>
  );
}

/** The form of a comparison across departments (a GET form: the address is the comparison). */
function DepartmentForm(props: { r: Pick<DepartmentComparisonResult, 'query' | 'years' | 'kinds' | 'available'>; chosen: Set<string> }) {
  const q = props.r.query;
  const by: CompareBy = q.by;
  return (
    <form method="get" action="/compare/departments" class="compare-form" id="department-form">
      <div class="fields">
        <label>
          年度
          <select name="year">
            {props.r.years.map((y) => (
              <option value={String(y)} selected={y === q.year}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          种类
          <select name="kind">
            {DocumentKind.options.map((k) => (
              <option value={k} selected={k === q.kind}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label>
          比较维度
          <select name="by">
            {(Object.keys(COMPARE_BY_LABELS) as CompareBy[]).map((b) => (
              <option value={b} selected={b === by}>
                {COMPARE_BY_LABELS[b]}
              </option>
            ))}
          </select>
        </label>
        <label>
          级次
          <select name="level">
            {LEVEL_LABELS.function.map((l, i) => (
              <option value={String(i + 1)} selected={i + 1 === q.level}>
                {l}
                {i === 2 ? '（仅功能分类）' : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          单独看科目（编码，可空）
          <input name="code" value={q.code ?? ''} inputmode="numeric" pattern="\d{3,7}" size={9} />
        </label>
      </div>
      {props.r.available.length ? (
        <fieldset>
          <legend>
            参加比较的文件（{q.year}年{q.kind}，最多 {MAX_COMPARED} 份；不勾选即全部）
          </legend>
          <ul class="choices">
            {props.r.available.map((d) => (
              <li>
                <label>
                  <input type="checkbox" name="ids" value={d.budgetId} checked={props.chosen.has(d.budgetId)} /> {d.unitName}（预算 {d.budgetId}）
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <button type="submit">比较</button>
    </form>
  );
}

/** 部门间比较. */
export function DepartmentsComparePage(props: { r: DepartmentComparisonResult; href: string }) {
  const { r } = props;
  const v = r.view;
  const chosen = new Set(v?.documents.map((d) => d.budgetId) ?? []);
  const levelName = v ? LEVEL_LABELS[v.by][v.level - 1] : '';
  return (
    <Layout title="部门间比较">
      <p class="sub">
        <a href="/compare">比较</a> › 部门间比较
      </p>
      <h1>部门间比较</h1>
      <DepartmentForm r={r} chosen={chosen} />
      {r.notes.map((n) => (
        <div class="old-version" role="note">
          {n}
        </div>
      ))}
      {!v ? (
        <p id="no-documents">
          没有可比较的 {r.query.year ?? ''} 年{r.query.kind ?? '文件'}。
        </p>
      ) : (
        <>
          <section aria-labelledby="cmp-docs">
            <h2 id="cmp-docs">所比较、所相加的文件</h2>
            <p id="statement">
              <strong>{v.statement}</strong>
            </p>
            <ol id="documents">
              {v.documents.map((d, i) => (
                <li>
                  {d.unitName} · {d.year}年{d.kind} · 预算 {d.budgetId} 第 {d.version} 版 · <span class="muted">{v.sources[i]}</span>
                </li>
              ))}
            </ol>
            <p>
              <a class="button secondary" href={`/compare/departments.xlsx${props.href}`}>
                下载比较表（XLSX）
              </a>
            </p>
          </section>
          <section aria-labelledby="cmp-charts">
            <h2 id="cmp-charts">图表</h2>
            <div class="compare-charts">
              {r.charts.map((c) => (
                <figure class="svg-chart" id={c.id} role="img" aria-label={`${c.title}（图，数字见下表）`}>
                  {raw(c.svg)}
                </figure>
              ))}
            </div>
          </section>
          {v.focus ? (
            <section aria-labelledby="cmp-focus">
              <h2 id="cmp-focus">
                {v.focus.code} {v.focus.label}
              </h2>
              <table class="data compare" id="table-focus">
                <thead>
                  <tr>
                    <th scope="col">单位</th>
                    <th scope="col">金额（万元）</th>
                    <th scope="col">占本单位合计</th>
                    <th scope="col">占各单位该科目合计</th>
                  </tr>
                </thead>
                <tbody>
                  {v.documents.map((d, i) => (
                    <tr>
                      <th scope="row">{d.unitName}</th>
                      <td class="num">{amount(v.focus!.fen[i] ?? null, v.decimals)}</td>
                      <td class="num">{percentText(v.focus!.shareOfDocument[i] ?? null)}</td>
                      <td class="num">{percentText(v.focus!.shareOfClass[i] ?? null)}</td>
                    </tr>
                  ))}
                  <tr class="total">
                    <th scope="row">合计（{v.documents.length} 份）</th>
                    <td class="num">{amount(v.focus.total, v.decimals)}</td>
                    <td class="num">{percentText(v.focus.shareOfTotal)}</td>
                    <td class="num">{v.focus.total === 0 ? '—' : '100.00%'}</td>
                  </tr>
                </tbody>
              </table>
            </section>
          ) : null}
          <section aria-labelledby="cmp-classes">
            <h2 id="cmp-classes">
              按{COMPARE_BY_LABELS[v.by]}（{levelName}）
            </h2>
            <p class="sub">单位：万元。每格下为该科目占该单位合计的比例；“—”为该单位没有此科目。</p>
            <div class="scroll">
              <table class="data compare" id="table-classes">
                <thead>
                  <tr>
                    <th scope="col">编码</th>
                    <th scope="col">科目</th>
                    {v.documents.map((d) => (
                      <th scope="col">{d.unitName}</th>
                    ))}
                    <th scope="col">合计</th>
                  </tr>
                </thead>
                <tbody>
                  {v.classes.map((c) => (
                    <tr data-code={c.code}>
                      <td class="nowrap">
                        <a href={`/compare/departments${withParam(props.href, 'code', c.code)}`} title="单独看这一科目">
                          {c.code}
                        </a>
                      </td>
                      <th scope="row">{c.label}</th>
                      {c.fen.map((f, i) => (
                        <td class="num">
                          {amount(f, v.decimals)}
                          <br />
                          <span class="muted small">{f === null ? '' : percentText(c.shareOfDocument[i] ?? null)}</span>
                        </td>
                      ))}
                      <td class="num">
                        {amount(c.total, v.decimals)}
                        <br />
                        <span class="muted small">{percentText(c.shareOfTotal)}</span>
                      </td>
                    </tr>
                  ))}
                  <tr class="total">
                    <td></td>
                    <th scope="row">合计</th>
                    {v.totals.map((t, i) => (
                      <td class="num">
                        {amount(t, v.decimals)}
                        <br />
                        <span class="muted small">占总计 {percentText(v.shareOfGrandTotal[i] ?? null)}</span>
                      </td>
                    ))}
                    <td class="num">{amount(v.grandTotal, v.decimals)}</td>
                  </tr>
                </tbody>
              </table>
            </div>
          </section>
          <section aria-labelledby="cmp-three-public">
            <h2 id="cmp-three-public">“三公”经费与机关运行经费</h2>
            <p class="sub">单位：万元。取自各文件的“三公”经费表；表中无数的取自文字说明（标“说明”）；“—”为文件未列。</p>
            <div class="scroll">
              <table class="data compare" id="table-three-public">
                <thead>
                  <tr>
                    <th scope="col">单位</th>
                    {THREE_PUBLIC_ITEMS.map((i) => (
                      <th scope="col">{threePublicLabel(i.id)}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {v.documents.map((d, k) => (
                    <tr>
                      <th scope="row">{d.unitName}</th>
                      {THREE_PUBLIC_ITEMS.map((i) => (
                        <td class="num">
                          {amount(v.threePublic[k]!.items[i.id] ?? null, v.decimals)}
                          {v.threePublic[k]!.fromNarrative.includes(i.id) ? <span class="muted small">（说明）</span> : null}
                        </td>
                      ))}
                    </tr>
                  ))}
                  <tr class="total">
                    <th scope="row">合计</th>
                    {THREE_PUBLIC_ITEMS.map((i) => (
                      <td class="num">
                        {amount(v.threePublicTotals[i.id]!.fen, v.decimals)}
                        <br />
                        <span class="muted small">{v.threePublicTotals[i.id]!.documents} 份</span>
                      </td>
                    ))}
                  </tr>
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </Layout>
  );
}

/** The query string `href` with `name` set to `value`. */
function withParam(href: string, name: string, value: string): string {
  const p = new URLSearchParams(href.startsWith('?') ? href.slice(1) : href);
  p.set(name, value);
  return `?${p.toString()}`;
}

/** 比较: what can be compared. */
export function CompareHomePage(props: { budgets: ListedBudget[]; r: DepartmentComparisonResult | null }) {
  const drafts = props.budgets.filter((b) => b.findings !== null);
  const key = (b: ListedBudget) => `${b.unitName}\u0000${b.kind}`;
  const count = new Map<string, number>();
  for (const b of drafts) count.set(key(b), (count.get(key(b)) ?? 0) + 1);
  return (
    <Layout title="比较">
      <h1>比较</h1>
      <p class="sub">只比较同一年度、同一种类的文件：预算与决算、不同年度从不相加。</p>
      <h2 id="year-h">本单位与上年比较</h2>
      {drafts.length ? (
        <table class="data compare" id="year-list">
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">年度</th>
              <th scope="col">种类</th>
              <th scope="col">本单位同种类文件</th>
              <th scope="col"></th>
            </tr>
          </thead>
          <tbody>
            {drafts.map((b) => (
              <tr>
                <th scope="row">{b.unitName}</th>
                <td>{b.year}</td>
                <td>{b.kind}</td>
                <td class="num">{count.get(key(b))} 份</td>
                <td>
                  <a href={`/budgets/${b.id}/compare`}>与上年比较</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>没有可比较的预算。</p>
      )}
      <h2 id="departments-h">部门间比较</h2>
      {props.r ? <DepartmentForm r={props.r} chosen={new Set()} /> : <p>没有可比较的预算。</p>}
    </Layout>
  );
}

/** The query string of a comparison across departments, as the page was asked for (for its links). */
function hrefOf(c: Context): string {
  const u = new URL(c.req.url);
  const p = new URLSearchParams();
  for (const [k, val] of u.searchParams) if (val !== '' && ['year', 'kind', 'by', 'level', 'code'].includes(k)) p.set(k, val);
  const ids = u.searchParams
    .getAll('ids')
    .flatMap((s) => s.split(','))
    .filter(Boolean);
  if (ids.length) p.set('ids', ids.join(','));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The department query of a request: `ids` may come as one list or as repeated checkboxes. */
function departmentQuery(c: Context): DepartmentQuery {
  const u = new URL(c.req.url);
  const params: Record<string, string | undefined> = {};
  for (const k of ['year', 'kind', 'by', 'level', 'code']) params[k] = u.searchParams.get(k) ?? undefined;
  params['ids'] = u.searchParams.getAll('ids').join(',') || undefined;
  return parseDepartmentQuery(params);
}

/** Registers the comparison pages (authorised by app/route-policy.ts before they run). */
export function registerCompareWeb(app: Hono, ws: Parameters<typeof comparisonsOf>[0], budgetOf: (c: Context, id: string) => Promise<BudgetDetail>): void {
  const cmp = comparisonsOf(ws);
  app.get('/compare', async (c) => {
    const user = userOf(c);
    const budgets = await cmp.visible(user);
    const r = budgets.length ? await cmp.departments(user, { by: 'function', level: 1 }, { choicesOnly: true }) : null;
    return c.html(<CompareHomePage budgets={budgets} r={r} />);
  });
  app.get('/compare/departments', async (c) => {
    const r = await cmp.departments(userOf(c), departmentQuery(c), { charts: true });
    return c.html(<DepartmentsComparePage r={r} href={hrefOf(c)} />);
  });
  app.get('/compare/departments.xlsx', async (c) => {
    const { bytes, fileName } = await cmp.departmentsXlsx(userOf(c), departmentQuery(c));
    return xlsxResponse(c, bytes, fileName);
  });
  const withOf = (c: Context) => {
    const w = c.req.query('with');
    return w === undefined || w === '' ? undefined : w;
  };
  app.get('/budgets/:id/compare', async (c) => {
    const id = c.req.param('id');
    const withId = withOf(c);
    const [budget, r] = await Promise.all([budgetOf(c, id), cmp.year(userOf(c), id, withId)]);
    return c.html(<YearComparePage budget={budget} r={r} withId={withId} />);
  });
  app.get('/budgets/:id/compare.xlsx', async (c) => {
    const { bytes, fileName } = await cmp.yearXlsx(userOf(c), c.req.param('id'), withOf(c));
    return xlsxResponse(c, bytes, fileName);
  });
}
