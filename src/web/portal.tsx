/**
 * The public portal (issue 13 item 5): what anyone may read without signing in. Only published
 * versions, and of each budget only its last published version (`publishedVersion`), never the
 * latest: a new draft beside it changes nothing here until it is published in turn. No findings,
 * no edit controls, no links into the working pages (`/budgets/…`).
 *
 * - `/public`: the published budgets by year (newest first), with 主管部门, unit, kind, version and
 *   publication date, filtered by year, department and kind (a GET form).
 * - `/public/budgets/:id`: title, key figures, charts, the narrative, the tables and project forms, downloads.
 * - `/public/budgets/:id/tables/:table`, `/public/budgets/:id/projects/:formId`: one table, one form, read-only.
 * - `/public/budgets/:id/download/:file`: the disclosure package (PDF, XLSX, HTML) without the
 *   findings appendix, every table as one CSV, the Fiscal Data Package (`budget.fdp.zip`, open data:
 *   docs/open-data.md) and each table as the document prints it (`<table id>.csv`).
 *
 * Who may see what is the route policy's (app/route-policy.ts): the front door's middleware answers
 * 404 for a budget with nothing published before these handlers run; they check again.
 */
import type { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { fdpFileIsolated, tableCsvFile } from '../app/open-data.js';
import { renderReportIsolated } from '../app/report.js';
import { workflowOf } from '../app/workflow.js';
import type { BudgetDetail, BudgetSummary, Workspace } from '../app/workspace.js';
import { headerText } from '../domain/catalogue/index.js';
import type { OrgTree } from '../domain/access.js';
import { csvText, type CsvKind, type CsvValue } from '../domain/csv.js';
import { FiscusError } from '../domain/errors.js';
import type { BudgetDocument, Money } from '../domain/model.js';
import { toDecimalString } from '../domain/money.js';
import { outlineOf, tableIdOf, tableViewOf } from '../reports/view/index.js';
import { byEconomicClass, byFunctionClass, fmt, keyFigures, TARGETS_PAGE } from './figures.js';
import { Layout } from './layout.js';
import { NarrativeBody } from './narrative-page.js';
import { Chart, Figure } from './pages.js';
import { ProjectHead, ProjectOverview, ProjectReadOnly } from './project.js';
import { hasTargetsPage, tableNav, tablePageOfNumber } from './table-nav.js';
import { TableGrid, TargetsView } from './table-page.js';
import { userOf } from './user.js';

/** The files a published budget offers, by name. */
export const PORTAL_FILES = ['budget.pdf', 'budget.xlsx', 'budget.html', 'tables.csv', 'budget.fdp.zip'] as const;
export type PortalFile = (typeof PORTAL_FILES)[number];

const FILE_LABELS: Record<PortalFile, string> = {
  'budget.pdf': 'PDF（公开文本排版，可打印）',
  'budget.xlsx': 'XLSX（全部表格，Excel 工作簿）',
  'budget.html': 'HTML（公开文本排版，网页）',
  'tables.csv': 'CSV（全部表格的金额，长表格式，单位：元）',
  'budget.fdp.zip': '开放数据：财政数据包（Fiscal Data Package，ZIP：datapackage.json、全部金额及每张表格的 CSV）',
};

const CONTENT_TYPES: Record<PortalFile, string> = {
  'budget.pdf': 'application/pdf',
  'budget.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'budget.html': 'text/html; charset=utf-8',
  'tables.csv': 'text/csv; charset=utf-8',
  'budget.fdp.zip': 'application/zip',
};

/** The CSV's columns (long format: one line per amount). */
export const CSV_HEADER = ['表序号', '表名', '行编码', '行名称', '列', '金额（元）'] as const;
const CSV_KINDS: readonly CsvKind[] = ['number', 'text', 'text', 'text', 'text', 'number'];

/** What the CSV's 列 says of an amount the import could not place in a column. */
const UNPLACED_COLUMN = '（未能确定所在列）';

/** Made once: a formatter costs more to make than to use (toLocaleDateString makes one per call). */
const PUBLICATION_DATE = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });

/** A publication date as the portal prints it: 2026年5月3日 (Beijing time). */
export function publicationDate(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return PUBLICATION_DATE.format(d);
}

/** The 主管部门 of a budget's organisation (itself for a department's own budget); null when it has none. */
export function departmentName(tree: OrgTree, organisationId: number | null): string | null {
  if (organisationId === null) return null;
  const d = tree.departmentOf(organisationId);
  return d === null ? null : (tree.get(d)?.name ?? null);
}

const yuan = (m: Money | null | undefined): string | null => (m ? toDecimalString(m.fen, '元', 2) : null);

/**
 * Every table of a document as one CSV in long format: a line per amount (表序号 is the table's place in
 * print order, 表名 its name as the portal lists it, 列 the column's header path, the revenue or
 * expenditure side first for a two-sided table). Amounts in 元 with exactly two decimals, from the
 * integer fen; empty cells have no line; an amount whose column the import could not determine gets
 * {@link UNPLACED_COLUMN}. UTF-8 with a byte-order mark, so that Excel reads the Chinese.
 */
export function tablesCsv(doc: BudgetDocument): string {
  const out: CsvValue[][] = [];
  tableNav(doc).forEach((item, i) => {
    const no = i + 1;
    if (item.id === TARGETS_PAGE) {
      const d = doc.departmentTargets;
      if (!d) return;
      const lines = [...d.tasks.map((t) => ({ name: t.name, m: t })), ...(d.total ? [{ name: '金额合计', m: d.total }] : [])];
      for (const { name, m } of lines) {
        for (const [col, v] of [
          ['总金额', m.total],
          ['财政拨款', m.fiscal],
          ['其他资金', m.other],
        ] as const) {
          const a = yuan(v);
          if (a !== null) out.push([no, item.label, '', name, col, a]);
        }
      }
      return;
    }
    const t = doc.tables.find((x) => tableIdOf(doc, x) === item.id);
    if (!t) return;
    const amountCols = t.columns.filter((c) => c.kind === 'amount');
    const yearCols = t.columns.filter((c) => c.kind === 'year');
    for (const r of t.rows) {
      // A revenue or project key is fiscus's own, not a code the table prints.
      const code = r.code && r.codeSystem !== 'revenue' && r.codeSystem !== 'project' ? r.code : '';
      const years = yearCols.map((c) => r.texts?.[c.key]?.text).filter((y): y is string => !!y);
      const name = years.length ? `${r.label}（${years.join('、')}）` : r.label;
      for (const c of amountCols) {
        if (t.sides && r.side && t.sides[r.side] !== c.key) continue;
        const a = yuan(r.amounts[c.key]);
        if (a === null) continue;
        const header = headerText(c);
        out.push([no, item.label, code, name, t.sides && r.side ? `${r.side === 'revenue' ? '收入' : '支出'} / ${header}` : header, a]);
      }
      for (const u of r.unplaced ?? []) out.push([no, item.label, code, name, UNPLACED_COLUMN, yuan(u)]);
    }
  });
  return `\uFEFF${csvText(CSV_HEADER, CSV_KINDS, out)}`;
}

/** A published budget as the portal shows it: the budget, and the document of its last published version. */
interface Published {
  budget: BudgetDetail;
  version: number;
  publishedAt: string | null;
  doc: BudgetDocument;
  department: string | null;
}

/** The stored documents of published versions (they never change), a few kept for the next page. */
class DocCache {
  private readonly map = new Map<string, Promise<BudgetDocument>>();
  constructor(
    private readonly ws: Workspace,
    private readonly size = 16,
  ) {}

  get(id: string, version: number): Promise<BudgetDocument> {
    const key = `${id}@${version}`;
    let hit = this.map.get(key);
    if (hit) this.map.delete(key);
    else {
      hit = this.ws.getDocument(id, version);
      hit.catch(() => this.map.delete(key));
    }
    this.map.set(key, hit);
    while (this.map.size > this.size) this.map.delete(this.map.keys().next().value!);
    return hit;
  }
}

function PortalFrame(props: { title: string; charts?: boolean; trail?: Array<[string, string]>; children?: Child }) {
  return (
    <Layout title={props.title} portal charts={props.charts ?? false}>
      <p class="sub breadcrumb">
        <a href="/public">已公开的预算</a>
        {(props.trail ?? []).map(([href, text]) => (
          <>
            {' › '}
            {href ? <a href={href}>{text}</a> : text}
          </>
        ))}
      </p>
      {props.children}
    </Layout>
  );
}

const budgetName = (b: Pick<BudgetSummary, 'unitName' | 'year' | 'kind'>) => `${b.unitName} ${b.year}年${b.kind}`;
const pageOf = (id: string) => `/public/budgets/${id}`;

/** "主管部门 · 第 N 版 · 公开于 …": what every page of a published budget says of it. */
function PublishedLine(props: { p: Published; id?: string }) {
  const { p } = props;
  return (
    <p class="sub" id={props.id}>
      {p.department ? `主管部门：${p.department} · ` : ''}单位：{p.budget.unitName} · 第 {p.version} 版 · 公开于 {publicationDate(p.publishedAt)}
    </p>
  );
}

interface ListRow {
  b: BudgetSummary;
  department: string | null;
}

export interface PortalFilters {
  year: string;
  department: string;
  kind: string;
}

function Select(props: { id: string; name: string; label: string; value: string; options: string[]; text?: (o: string) => string }) {
  return (
    <label for={props.id}>
      {props.label}{' '}
      <select id={props.id} name={props.name}>
        <option value="" selected={props.value === ''}>
          全部
        </option>
        {props.options.map((o) => (
          <option value={o} selected={props.value === o}>
            {props.text ? props.text(o) : o}
          </option>
        ))}
      </select>
    </label>
  );
}

function PortalListPage(props: { all: ListRow[]; shown: ListRow[]; filters: PortalFilters }) {
  const { all, shown, filters } = props;
  const zh = new Intl.Collator('zh-CN');
  const uniq = (xs: string[]) => [...new Set(xs)];
  const years = uniq(all.map((r) => String(r.b.year))).sort((a, b) => Number(b) - Number(a));
  const departments = uniq(all.map((r) => r.department).filter((d): d is string => d !== null)).sort(zh.compare);
  const kinds = uniq(all.map((r) => r.b.kind)).sort(zh.compare);
  const byYear = new Map<number, ListRow[]>();
  for (const r of shown) byYear.set(r.b.year, [...(byYear.get(r.b.year) ?? []), r]);
  const filtered = filters.year !== '' || filters.department !== '' || filters.kind !== '';
  return (
    <Layout title="已公开的预算" portal>
      <h1>已公开的部门预算</h1>
      <p class="sub">这里列出已经审核、批复并公开的部门预算和决算，每份显示最近一次公开的版本。数据由 fiscus 部门预算与绩效管理系统发布。</p>
      <form method="get" action="/public" class="filters" role="search" aria-label="筛选">
        <Select id="f-year" name="year" label="年度" value={filters.year} options={years} text={(y) => `${y}年`} />
        <Select id="f-department" name="department" label="主管部门" value={filters.department} options={departments} />
        <Select id="f-kind" name="kind" label="类型" value={filters.kind} options={kinds} />
        <button type="submit">筛选</button>
        {filtered ? <a href="/public">清除筛选</a> : null}
      </form>
      <p class="muted" id="portal-count" role="status">
        {filtered ? `符合条件的 ${shown.length} 份（共 ${all.length} 份已公开）` : `共 ${all.length} 份已公开`}
      </p>
      {shown.length === 0 ? <p id="portal-empty">{all.length === 0 ? '目前还没有公开的预算。' : '没有符合条件的已公开预算。'}</p> : null}
      {[...byYear].map(([year, rows]) => (
        <section aria-labelledby={`y${year}-h`}>
          <h2 id={`y${year}-h`}>{year}年</h2>
          <table class="data" id={`portal-${year}`}>
            <thead>
              <tr>
                <th>主管部门</th>
                <th>单位</th>
                <th>类型</th>
                <th class="num">版本</th>
                <th>公开日期</th>
                <th>下载</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ b, department }) => (
                <tr>
                  <td>{department ?? '—'}</td>
                  <td>
                    <a href={pageOf(b.id)}>{b.unitName}</a>
                  </td>
                  <td>{b.kind}</td>
                  <td class="num">第 {b.publishedVersion} 版</td>
                  <td class="nowrap">{publicationDate(b.publishedAt)}</td>
                  <td class="nowrap">
                    <a href={`${pageOf(b.id)}/download/budget.pdf`}>PDF</a> · <a href={`${pageOf(b.id)}/download/budget.xlsx`}>XLSX</a> · <a href={`${pageOf(b.id)}/download/tables.csv`}>CSV</a> ·{' '}
                    <a href={`${pageOf(b.id)}/download/budget.fdp.zip`}>数据包</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </Layout>
  );
}

function Downloads(props: { id: string }) {
  return (
    <ul id="downloads">
      {PORTAL_FILES.map((f) => (
        <li>
          <a href={`${pageOf(props.id)}/download/${f}`} download>
            {FILE_LABELS[f]}
          </a>
        </li>
      ))}
    </ul>
  );
}

function PortalBudgetPage(props: { p: Published }) {
  const { p } = props;
  const { doc, budget } = p;
  const id = budget.id;
  const k = keyFigures(doc);
  const tables = tableNav(doc);
  const title = doc.title?.text ?? budgetName(budget);
  return (
    <PortalFrame title={title} charts trail={[['', budgetName(budget)]]}>
      <h1>{title}</h1>
      <PublishedLine p={p} id="published" />
      <nav aria-label="本页目录">
        <ul class="table-nav">
          <li>
            <a href="#figures-h">主要数字</a>
          </li>
          <li>
            <a href="#downloads-h">下载</a>
          </li>
          <li>
            <a href="#charts-h">图表</a>
          </li>
          <li>
            <a href="#tables-h">公开表格</a>
          </li>
          <li>
            <a href="#projects-h">项目</a>
          </li>
          <li>
            <a href="#narrative-h">文字说明</a>
          </li>
        </ul>
      </nav>
      <h2 id="figures-h">主要数字</h2>
      <section aria-labelledby="figures-h" class="cards">
        <Figure id="fig-revenue" label="收入总计" fen={k.revenueTotal} doc={doc} />
        <Figure id="fig-expenditure" label="支出总计" fen={k.expenditureTotal} doc={doc} />
        <Figure id="fig-basic" label="基本支出" fen={k.basic} doc={doc} />
        <Figure id="fig-project" label="项目支出" fen={k.project} doc={doc} />
        <Figure id="fig-procurement" label="政府采购" fen={k.procurement} doc={doc} />
      </section>
      <section aria-labelledby="downloads-h">
        <h2 id="downloads-h">下载</h2>
        <Downloads id={id} />
      </section>
      <h2 id="charts-h">图表</h2>
      <div class="grid2">
        <Chart id="chart-function" title="支出构成（按功能分类·类）" slices={byFunctionClass(doc)} doc={doc} />
        <Chart id="chart-econ" title="基本支出构成（按经济分类·类）" slices={byEconomicClass(doc)} doc={doc} />
      </div>
      <section aria-labelledby="tables-h">
        <h2 id="tables-h">公开表格（{tables.length}）</h2>
        {tables.length === 0 ? (
          <p>本预算没有表格。</p>
        ) : (
          <ol class="portal-tables" id="portal-tables">
            {tables.map((t) => (
              <li>
                <a href={`${pageOf(id)}/tables/${encodeURIComponent(t.id)}`}>{t.label}</a>
                {t.id !== TARGETS_PAGE ? (
                  <>
                    {' · '}
                    <a href={`${pageOf(id)}/download/${encodeURIComponent(t.id)}.csv`} download>
                      CSV
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="projects-h">
        <h2 id="projects-h">项目支出绩效目标（{doc.projectForms.length}）</h2>
        {doc.projectForms.length === 0 ? (
          <p>本预算没有项目申报表。</p>
        ) : (
          <table class="data" id="portal-projects">
            <thead>
              <tr>
                <th>项目</th>
                <th>所属项目</th>
                <th class="num">项目总金额（{doc.displayUnit}）</th>
              </tr>
            </thead>
            <tbody>
              {doc.projectForms.map((f) => (
                <tr>
                  <td>
                    <a href={`${pageOf(id)}/projects/${encodeURIComponent(f.id)}`}>{f.name}</a>
                  </td>
                  <td>{f.parentProject ?? '—'}</td>
                  <td class="num">{fmt(f.amounts.total?.fen, doc)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="narrative-h">
        <h2 id="narrative-h">文字说明</h2>
        <NarrativeBody doc={doc} />
      </section>
    </PortalFrame>
  );
}

function PortalTablePage(props: { p: Published; pageId: string }) {
  const { p, pageId } = props;
  const { doc, budget } = p;
  const nav = tableNav(doc);
  const table = pageId !== TARGETS_PAGE ? doc.tables.find((t) => tableIdOf(doc, t) === pageId) : undefined;
  const v = table ? tableViewOf(doc, table, outlineOf(doc)) : null;
  const title = nav.find((t) => t.id === pageId)?.label ?? pageId;
  return (
    <PortalFrame
      title={`${title} · ${budget.unitName}`}
      trail={[
        [pageOf(budget.id), budgetName(budget)],
        ['', title],
      ]}
    >
      <nav aria-label="表格目录">
        <ul class="table-nav">
          {nav.map((t) => (
            <li>
              <a href={`${pageOf(budget.id)}/tables/${encodeURIComponent(t.id)}`} aria-current={t.id === pageId ? 'page' : undefined}>
                {t.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h1 id={pageId}>{title}</h1>
      <PublishedLine p={p} />
      {v ? (
        <>
          <p class="sub">
            {v.unitName ? `单位名称：${v.unitName} · ` : ''}金额单位：{v.displayUnit}
          </p>
          {v.body.length === 0 ? <p>本表没有数据行。</p> : <TableGrid v={v} />}
          {v.note ? <p class="muted">{v.note}</p> : null}
        </>
      ) : (
        <TargetsView doc={doc} />
      )}
      <p>
        <a href={pageOf(budget.id)}>← 返回{budgetName(budget)}</a>
        {v ? (
          <>
            {' · '}
            <a href={`${pageOf(budget.id)}/download/${encodeURIComponent(pageId)}.csv`} id="table-csv" download>
              下载本表（CSV，按公开文本的列）
            </a>
          </>
        ) : null}{' '}
        · <a href={`${pageOf(budget.id)}/download/tables.csv`}>下载全部表格（CSV）</a> · <a href={`${pageOf(budget.id)}/download/budget.fdp.zip`}>财政数据包（ZIP）</a>
      </p>
    </PortalFrame>
  );
}

function PortalProjectPage(props: { p: Published; formId: string }) {
  const { p } = props;
  const { doc, budget } = p;
  const form = doc.projectForms.find((f) => f.id === props.formId)!;
  return (
    <PortalFrame
      title={`${form.name} · ${budget.unitName}`}
      trail={[
        [pageOf(budget.id), budgetName(budget)],
        ['', form.name],
      ]}
    >
      <ProjectHead doc={doc} form={form} />
      <ProjectReadOnly doc={doc} form={form} version={p.version} badge={`第 ${p.version} 版（已公开，${publicationDate(p.publishedAt)}）`} />
      <ProjectOverview form={form} />
      <p>
        <a href={pageOf(budget.id)}>← 返回{budgetName(budget)}</a>
      </p>
    </PortalFrame>
  );
}

/** The portal's page for a download that cannot be made here (PDF without Chromium). */
function PortalUnavailablePage(props: { p: Published; title: string; detail: string; code: string }) {
  const { p } = props;
  return (
    <PortalFrame
      title={props.title}
      trail={[
        [pageOf(p.budget.id), budgetName(p.budget)],
        ['', props.title],
      ]}
    >
      <h1>{props.title}</h1>
      <p role="alert">
        {props.detail}（{props.code}）
      </p>
      <p>
        其他格式：<a href={`${pageOf(p.budget.id)}/download/budget.html`}>HTML</a> · <a href={`${pageOf(p.budget.id)}/download/budget.xlsx`}>XLSX</a> ·{' '}
        <a href={`${pageOf(p.budget.id)}/download/tables.csv`}>CSV</a>
      </p>
    </PortalFrame>
  );
}

function isPortalFile(s: string): s is PortalFile {
  return (PORTAL_FILES as readonly string[]).includes(s);
}

/** Registers the public portal's pages on the web app. */
export function registerPortal(app: Hono, ws: Workspace): void {
  const flow = workflowOf(ws);
  const docs = new DocCache(ws);

  /** The last published version of budget `id`: NOT_FOUND (as for a budget that does not exist) when nothing is published. */
  async function published(id: string): Promise<Published> {
    const budget = await ws.getBudget(id);
    const version = budget.publishedVersion;
    if (version === null) throw new FiscusError('NOT_FOUND', `预算 ${id}不存在`);
    const [doc, tree] = await Promise.all([docs.get(id, version), flow.tree()]);
    const publishedAt = budget.versions.find((v) => v.n === version)?.publishedAt ?? budget.publishedAt;
    return { budget, version, publishedAt, doc, department: departmentName(tree, budget.organisationId) };
  }

  app.get('/public', async (c) => {
    const [budgets, tree] = await Promise.all([ws.listBudgets(), flow.tree()]);
    const visible = await flow.published(userOf(c), budgets);
    const zh = new Intl.Collator('zh-CN');
    const all = visible
      .map((b) => ({ b, department: departmentName(tree, b.organisationId) }))
      .sort((x, y) => y.b.year - x.b.year || zh.compare(x.department ?? '', y.department ?? '') || zh.compare(x.b.unitName, y.b.unitName) || zh.compare(x.b.kind, y.b.kind));
    const q = (k: string) => (c.req.query(k) ?? '').trim();
    const filters: PortalFilters = { year: q('year'), department: q('department'), kind: q('kind') };
    const shown = all.filter(
      (r) => (filters.year === '' || String(r.b.year) === filters.year) && (filters.department === '' || r.department === filters.department) && (filters.kind === '' || r.b.kind === filters.kind),
    );
    return c.html(<PortalListPage all={all} shown={shown} filters={filters} />);
  });

  app.get('/public/budgets/:id', async (c) => c.html(<PortalBudgetPage p={await published(c.req.param('id'))} />));

  app.get('/public/budgets/:id/tables/:table', async (c) => {
    const p = await published(c.req.param('id'));
    const page = c.req.param('table');
    if (/^\d{1,2}$/.test(page)) {
      // The printed number (`/tables/7`) leads to the table printed with it.
      const to = tablePageOfNumber(p.doc, Number(page));
      if (to) return c.redirect(`${pageOf(p.budget.id)}/tables/${encodeURIComponent(to)}`, 301);
    }
    const known = tableNav(p.doc).some((t) => t.id === page) && (page !== TARGETS_PAGE || hasTargetsPage(p.doc));
    if (!known) throw new FiscusError('NOT_FOUND', `本预算公开的第 ${p.version} 版没有表格 ${page}`);
    return c.html(<PortalTablePage p={p} pageId={page} />);
  });

  app.get('/public/budgets/:id/projects/:formId', async (c) => {
    const p = await published(c.req.param('id'));
    const formId = c.req.param('formId');
    if (!p.doc.projectForms.some((f) => f.id === formId)) throw new FiscusError('NOT_FOUND', `本预算公开的第 ${p.version} 版没有项目申报表 ${formId}`);
    return c.html(<PortalProjectPage p={p} formId={formId} />);
  });

  app.get('/public/budgets/:id/download/:file', async (c) => {
    const file = c.req.param('file');
    const tableCsv = /^([A-Za-z0-9_-]{1,40})\.csv$/.exec(file);
    if (!isPortalFile(file) && !tableCsv) throw new FiscusError('NOT_FOUND', `没有可下载的文件 ${file}（可下载：${PORTAL_FILES.join('、')}，或一张表格：<表格编号>.csv）`);
    const p = await published(c.req.param('id'));
    if (file === 'budget.fdp.zip' || !isPortalFile(file)) {
      // Open data: the Fiscal Data Package (made in a parser thread), or one table as the document prints it.
      const f = file === 'budget.fdp.zip' ? await fdpFileIsolated(p.doc) : tableCsvFile(p.doc, tableCsv![1]!);
      const ext = file === 'budget.fdp.zip' ? 'zip' : 'csv';
      return c.body(typeof f.body === 'string' ? f.body : new Uint8Array(f.body), 200, {
        'content-type': f.contentType,
        'content-disposition': `attachment; filename="budget-${p.budget.id}-v${p.version}.${ext}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
      });
    }
    const ext = file.slice(file.lastIndexOf('.') + 1);
    const base = `${p.budget.unitName}-${p.budget.year}年${p.budget.kind}-第${p.version}版${file === 'tables.csv' ? '-表格' : ''}`;
    const headers = {
      'content-type': CONTENT_TYPES[file],
      'content-disposition': `attachment; filename="budget-${p.budget.id}-v${p.version}.${ext}"; filename*=UTF-8''${encodeURIComponent(`${base}.${ext}`)}`,
    };
    if (file === 'tables.csv') return c.body(tablesCsv(p.doc), 200, headers);
    const format = ext as 'pdf' | 'xlsx' | 'html';
    let body: string | Uint8Array;
    try {
      // null: the package without the findings appendix (校验结果 is the working side's, not the public's).
      body = await renderReportIsolated(p.doc, format, null);
    } catch (e) {
      if (e instanceof FiscusError && e.code === 'DEPENDENCY_MISSING') {
        return c.html(<PortalUnavailablePage p={p} title="PDF 暂时无法生成" detail="生成 PDF 需要服务器上安装 Chromium 浏览器，目前未安装。请下载 HTML 或 XLSX 版本，或稍后再试" code={e.code} />, 503);
      }
      throw e;
    }
    return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, headers);
  });
}
