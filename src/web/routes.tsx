/**
 * The web app: server-rendered pages over the workspace, htmx for the in-place project edit.
 * Every page answers with a `Server-Timing` header (total and time spent in the workspace).
 */
import { HTTP_STATUS, RETRY_AFTER_S } from '../app/http-status.js';
import { logError } from '../app/log.js';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { setMetric } from 'hono/timing';
import { diffDocuments, type Workspace, type BudgetDetail, type BudgetSummary } from '../app/workspace.js';
import { FiscusError } from '../domain/errors.js';
import { bodyTooLarge, DEFAULT_LIMITS, limitOf, limitSentence, limitsWith, type BodyLimits, type Limits } from '../app/limits.js';
import type { BudgetDocument } from '../domain/model.js';
import { mountAssets } from './assets.js';
import { ERROR_TITLES, ErrorPage } from './error-page.js';
import { registerEditRoutes } from './edit-routes.js';
import { savedFromQuery } from './document-edit-routes.js';
import { registerFollowWeb } from './follow/routes.js';
import { TARGETS_PAGE, type Finding } from './figures.js';
import type { VersionView } from './layout.js';
import { NarrativePage } from './narrative-page.js';
import { DashboardPage, FindingsPage, hrefContext, ListPage, ProjectsPage, VersionsPage } from './pages.js';
import { tableNav, tablePageOfNumber } from './table-nav.js';
import { findingsOnPage, TablesPage } from './table-page.js';
import { ProjectPage } from './project.js';
import { registerSessionRoutes, sessionMiddleware, userOf } from './session.js';
import { contextStorage } from 'hono/context-storage';
import { authorOf, oneTreePerRequest } from '../app/accounts.js';
import { readOncePerRequest } from '../app/request-reads.js';
import { auditLogOf } from '../app/audit-log.js';
import { authoriseRoutes } from '../app/route-policy.js';
import { workflowOf } from '../app/workflow.js';
import { registerWorkflowWeb } from './workflow.js';
import { registerStagedWeb } from './staged.js';
import { registerAccountWeb } from './account.js';
import { registerAdminWeb } from './admin.js';
import { stagingOf } from '../app/staged-import.js';
import { registerPortal } from './portal.js';
import { registerReconcileWeb } from './reconcile.js';
import { registerCompareWeb } from './compare.js';
import { registerReviewWeb, ReviewDeskPage } from './review.js';
import { recentBatchAudits } from '../app/batch-audit.js';

export interface WebOptions {
  /** The limits on request bodies (default DEFAULT_LIMITS). */
  limits?: Limits;
  /** Overrides `limits.body.upload`. */
  maxUploadBytes?: number;
}

/** Which body limit a web request falls under (null: it has no body to limit). */
export function webBodyKind(method: string, path: string): keyof BodyLimits | null {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return null;
  if (path === '/upload') return 'upload';
  if (path === '/reviews') return 'batch';
  if (/^\/budgets\/[^/]+\/follow\/payments$/.test(path)) return 'payments';
  return 'form';
}

const TITLES: Record<string, string> = {
  INPUT_UNREADABLE: '无法读取上传的文件',
  INPUT_INVALID: '文件内容不符合要求',
  TOO_LARGE: '文件过大',
  CONFLICT: '版本冲突',
  NOT_FOUND: '未找到',
  LOCKED: '数据目录被占用',
  BUSY: '服务器繁忙，请稍后重试',
};

/** Times a workspace call into the `db` Server-Timing metric (summed over the calls of a request). */
async function timed<T>(c: Context, p: Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await p;
  } finally {
    const prev = (c.get('dbMs' as never) as number | undefined) ?? 0;
    c.set('dbMs' as never, (prev + performance.now() - t0) as never);
  }
}

interface Loaded<B extends BudgetSummary = BudgetDetail> {
  budget: B;
  doc: BudgetDocument;
  findings: Finding[];
  /** The version shown. */
  version: number;
  /** Set when `?v=N` asks for a version other than the latest (shown read-only). */
  view: VersionView | undefined;
  /** Severity counts of the version shown. */
  counts: BudgetSummary['findings'];
  ctx: ReturnType<typeof hrefContext>;
}

/**
 * A stored version never changes, so its document and findings are kept for the next page (a few
 * versions only: a document of the sample is about 170 KB of JSON and most of a page's time).
 */
class VersionCache {
  private readonly map = new Map<string, Promise<{ doc: BudgetDocument; findings: Finding[] }>>();
  constructor(
    private readonly ws: Workspace,
    private readonly size = 16,
  ) {}

  get(id: string, version: number): Promise<{ doc: BudgetDocument; findings: Finding[] }> {
    const key = `${id}@${version}`;
    let hit = this.map.get(key);
    if (hit) {
      this.map.delete(key);
    } else {
      hit = Promise.all([this.ws.sharedDocument(id, version), this.ws.getFindings(id, version)]).then(([doc, findings]) => ({ doc, findings }));
      hit.catch(() => this.map.delete(key));
    }
    this.map.set(key, hit);
    while (this.map.size > this.size) this.map.delete(this.map.keys().next().value!);
    return hit;
  }
}

/**
 * Budget, document and findings of one version, read as one consistent version: the latest, or
 * with `?v=N` (when `versioned`) that stored version, read-only, with a banner linking to the latest.
 */
async function load(cache: VersionCache, ws: Workspace, c: Context, id: string, versioned = false): Promise<Loaded> {
  const budget = await timed(c, ws.getBudget(id));
  const q = versioned ? c.req.query('v') : undefined;
  let version = budget.latestVersion;
  if (q !== undefined && q !== '') {
    const n = /^\d+$/.test(q) ? Number(q) : NaN;
    if (!budget.versions.some((v) => v.n === n)) throw new FiscusError('NOT_FOUND', `本预算没有第 ${q} 版（共 ${budget.latestVersion} 版）`);
    version = n;
  }
  const { doc, findings } = await timed(c, cache.get(id, version));
  const old = version !== budget.latestVersion;
  const url = new URL(c.req.url);
  url.searchParams.delete('v');
  const view = old ? { v: version, latest: budget.latestVersion, latestHref: url.pathname + url.search } : undefined;
  const counts = budget.versions.find((v) => v.n === version)?.findings ?? budget.findings;
  return { budget, doc, findings, version, view, counts, ctx: hrefContext(doc, old ? version : undefined) };
}

/**
 * As load (versioned), for a page that shows no list of versions: the latest version needs only the
 * budget's summary, one query however many versions the budget has; `?v=N` reads the versions as load does.
 */
async function loadShown(cache: VersionCache, ws: Workspace, c: Context, id: string): Promise<Loaded<BudgetSummary>> {
  const q = c.req.query('v');
  if (q !== undefined && q !== '') return load(cache, ws, c, id, true);
  const budget = await timed(c, ws.getBudgetSummary(id));
  const { doc, findings } = await timed(c, cache.get(id, budget.latestVersion));
  return { budget, doc, findings, version: budget.latestVersion, view: undefined, counts: budget.findings, ctx: hrefContext(doc) };
}

/** The author of a version made through the web app: the signed-in user (every write needs one). */
export function webAuthor(c: Context): string {
  const u = userOf(c);
  return u ? authorOf(u) : 'web';
}

/** The props of a page that can show an older version. */
const viewed = (l: Loaded<BudgetSummary>) => ({ view: l.view, ctx: l.ctx, counts: l.counts, version: l.version });

/** Builds the web app (pages, static assets). */
export function createWeb(ws: Workspace, opts: WebOptions = {}): Hono {
  const limits = opts.maxUploadBytes ? limitsWith({ body: { upload: opts.maxUploadBytes } }, opts.limits) : (opts.limits ?? DEFAULT_LIMITS);
  const app = new Hono();
  const cache = new VersionCache(ws);
  // The organisation tree is read once for a request (its user's organisation, the permission matrix), and a
  // read-only request reads a budget's record once (its permission check and its answer: request-reads.ts).
  app.use('*', (c, next) => oneTreePerRequest(() => readOncePerRequest(c.req.method, next)));
  app.use('*', (async (c, next) => {
    await next();
    const db = c.get('dbMs' as never) as number | undefined;
    if (db !== undefined) setMetric(c, 'db', db, 'workspace');
  }) satisfies MiddlewareHandler);
  mountAssets(app);

  app.onError((err, c) => {
    const e = err instanceof FiscusError ? err : null;
    // Internal errors are logged bounded with an id (app/log.ts), and the page shows the id.
    const id = !e || e.code === 'INTERNAL' ? logError(`${c.req.method} ${c.req.path}`, err) : null;
    if (e?.code === 'BUSY') c.header('retry-after', String(RETRY_AFTER_S));
    // A Chinese heading by code, the message and the stable code beside it (error-page.tsx).
    const code = e?.code ?? 'INTERNAL';
    const detail = !e ? '请求未能完成' : e.code === 'NOT_FOUND' ? e.message : limitOf(e) ? limitSentence(e) : e.oneLine();
    return c.html(<ErrorPage code={code} detail={detail} errorId={id} />, HTTP_STATUS[code] ?? 500);
  });

  // The signed-in user (if any) for every handler and, through the context storage, the page frame
  // (before the body limit, whose refusal page shows the user's own list and frame).
  app.use('*', contextStorage());
  app.use('*', sessionMiddleware(ws));

  // Every body is limited by the kind of route that reads it, before anything reads it.
  app.use('*', (async (c, next) => {
    const kind = webBodyKind(c.req.method, c.req.path);
    if (!kind) return next();
    const max = limits.body[kind];
    return bodyLimit({
      maxSize: max,
      onError: async (c) => {
        const e = bodyTooLarge(kind, max);
        if (kind === 'upload') return c.html(<ListPage budgets={await listFor(c)} error={{ title: `${TITLES.TOO_LARGE!}（TOO_LARGE）`, detail: limitSentence(e) }} />, 413);
        if (kind === 'batch')
          return c.html(<ReviewDeskPage batches={await recentBatchAudits(ws)} limits={limits} error={{ title: `${TITLES.TOO_LARGE!}（TOO_LARGE）`, detail: limitSentence(e) }} />, 413);
        return c.html(<ErrorPage code="TOO_LARGE" detail={limitSentence(e)} />, 413);
      },
    })(c, next);
  }) satisfies MiddlewareHandler);

  // Every route asks the permission matrix (app/route-policy.ts) before its handler runs; a signed-out
  // visitor asking for a page that needs signing in is sent to 登录 and back.
  app.use(
    '*',
    authoriseRoutes(ws, {
      owns: (path) => !path.startsWith('/api/') && path !== '/openapi.json' && path !== '/docs',
      signIn: (c) => (c.req.method === 'GET' ? c.redirect(`/login?next=${encodeURIComponent(new URL(c.req.url).pathname + new URL(c.req.url).search)}`, 303) : undefined),
    }),
  );
  registerSessionRoutes(app, ws);

  // The budgets the signed-in user may see (the public's home is the portal).
  const flow = workflowOf(ws);
  const staging = stagingOf(ws);
  const listFor = async (c: Context) => flow.listFor(userOf(c), await timed(c, ws.listBudgets()));
  app.get('/', async (c) => {
    const u = userOf(c);
    if (!u) return c.redirect('/public', 302);
    return c.html(<ListPage budgets={await listFor(c)} mayImport={await flow.mayImport(u)} />);
  });

  app.post('/upload', async (c) => {
    const form = await c.req.formData().catch(() => null);
    const file = form?.get('file');
    try {
      if (!file || typeof file === 'string' || file.size === 0) throw new FiscusError('INPUT_UNREADABLE', '请选择一个非空文件');
      const user = userOf(c);
      if (!user) throw new FiscusError('UNAUTHENTICATED', '请先登录');
      // A file for a budget that already has versions waits for the user's confirmation (with its differences).
      const r = await timed(c, staging.upload(user, new Uint8Array(await file.arrayBuffer()), file.name || 'upload.txt'));
      if (r.kind === 'staged') return c.redirect(`/budgets/${r.budgetId}/staged/${r.stagedId}`, 303);
      const stored = r.stored;
      return c.redirect(`/budgets/${stored.budgetId}`, 303);
    } catch (err) {
      if (!(err instanceof FiscusError) || err.code === 'INTERNAL') throw err;
      const error = { title: `${TITLES[err.code] ?? ERROR_TITLES[err.code] ?? '未能上传'}（${err.code}）`, detail: limitOf(err) ? limitSentence(err) : err.oneLine(), line: err.where.line ?? null };
      if (err.code === 'BUSY') c.header('retry-after', String(RETRY_AFTER_S));
      return c.html(<ListPage budgets={await listFor(c)} error={error} />, HTTP_STATUS[err.code] ?? 400);
    }
  });

  app.get('/budgets/:id', async (c) => {
    const l = await loadShown(cache, ws, c, c.req.param('id'));
    return c.html(<DashboardPage budget={l.budget} doc={l.doc} findings={l.findings} {...viewed(l)} />);
  });

  app.get('/budgets/:id/narrative', async (c) => {
    const l = await load(cache, ws, c, c.req.param('id'), true);
    const edit = l.view ? undefined : await savedFromQuery(c, (i, v) => cache.get(i, v), c.req.param('id'), l.budget);
    return c.html(<NarrativePage budget={l.budget} doc={l.doc} findings={l.findings} view={l.view} ctx={l.ctx} version={l.version} edit={edit} />);
  });

  // The first table of the document (in print order), keeping `?v=N`.
  app.get('/budgets/:id/tables', async (c) => {
    const l = await load(cache, ws, c, c.req.param('id'), true);
    const first = tableNav(l.doc)[0];
    if (!first) return c.html(<TablesPage budget={l.budget} doc={l.doc} pageId={null} findings={l.findings} {...viewed(l)} />);
    return c.redirect(`/budgets/${c.req.param('id')}/tables/${first.id}${l.view ? `?v=${l.view.v}` : ''}`, 302);
  });
  app.get('/budgets/:id/tables/:table', async (c) => {
    const id = c.req.param('id');
    const page = c.req.param('table');
    const l = await load(cache, ws, c, id, true);
    if (/^\d{1,2}$/.test(page)) {
      // The URLs of the Shenzhen numbering (`/tables/7`) stay valid: they lead to the table printed with that number.
      const to = tablePageOfNumber(l.doc, Number(page));
      if (!to) throw new FiscusError('NOT_FOUND', `本预算没有表 ${page}`);
      const q = new URL(c.req.url).search;
      return c.redirect(`/budgets/${id}/tables/${to}${q}`, 301);
    }
    if (!tableNav(l.doc).some((t) => t.id === page)) throw new FiscusError('NOT_FOUND', `本预算${l.view ? `第 ${l.version} 版` : ''}没有表格 ${page}`);
    const edit = l.view ? undefined : await savedFromQuery(c, (i, v) => cache.get(i, v), id, l.budget);
    const open = c.req.query('edit') === (page === TARGETS_PAGE ? 'targets' : 'cells');
    return c.html(<TablesPage budget={l.budget} doc={l.doc} pageId={page} findings={l.findings} {...viewed(l)} edit={edit} editOpen={open} />);
  });

  app.get('/budgets/:id/projects', async (c) => {
    const l = await loadShown(cache, ws, c, c.req.param('id'));
    return c.html(<ProjectsPage budget={l.budget} doc={l.doc} findings={l.findings} {...viewed(l)} />);
  });

  app.get('/budgets/:id/projects/:formId', async (c) => {
    const l = await load(cache, ws, c, c.req.param('id'), true);
    const form = l.doc.projectForms.find((f) => f.id === c.req.param('formId'));
    if (!form) throw new FiscusError('NOT_FOUND', `本预算${l.view ? `第 ${l.version} 版` : ''}没有项目申报表 ${c.req.param('formId')}`);
    // After a save without htmx (edit-routes): the saved notice in the edited section.
    const saved = Number(c.req.query('saved'));
    const from = Number(c.req.query('from'));
    const section = c.req.query('section');
    const state =
      Number.isSafeInteger(saved) && saved > 0 && Number.isSafeInteger(from) && from > 0 && (section === 'disbursement' || section === 'costLines' || section === 'indicators')
        ? { state: { section, saved: { version: saved, from } } as const }
        : {};
    const overviewEdit = l.view ? undefined : await savedFromQuery(c, (i, v) => cache.get(i, v), c.req.param('id'), l.budget);
    return c.html(<ProjectPage budget={l.budget} doc={l.doc} form={form} findings={l.findings} view={l.view} ctx={l.ctx} version={l.version} {...state} overviewEdit={overviewEdit} />);
  });

  registerEditRoutes(app, { ws, timed, version: (id, v) => cache.get(id, v), author: webAuthor });

  app.get('/budgets/:id/findings', async (c) => {
    const l = await loadShown(cache, ws, c, c.req.param('id'));
    const sev = c.req.query('severity');
    const severity = sev === 'error' || sev === 'warning' || sev === 'info' ? sev : undefined;
    const table = c.req.query('table');
    const row = c.req.query('row');
    let findings = l.findings;
    let filterNote: string | undefined;
    if (table) {
      const item = tableNav(l.doc).find((t) => t.id === table);
      findings = findingsOnPage(findings, l.doc, table).filter((f) => !row || f.location.row === row);
      filterNote = `仅显示${item ? `“${item.label}”` : `表格 ${table} `}${row ? '中该行' : ''}的审核发现。`;
    }
    return c.html(<FindingsPage budget={l.budget} findings={findings} severity={severity} {...(filterNote ? { filterNote } : {})} {...viewed(l)} />);
  });

  app.get('/budgets/:id/versions', async (c) => {
    const id = c.req.param('id');
    const l = await load(cache, ws, c, id);
    const versions = l.budget.versions;
    const last = versions.at(-1)?.n ?? 1;
    const num = (s: string | undefined, d: number) => (s && /^\d+$/.test(s) && versions.some((v) => v.n === Number(s)) ? Number(s) : d);
    const b = num(c.req.query('b'), last);
    const a = num(c.req.query('a'), Math.max(1, b - 1));
    // Both versions come from the per-version cache; the difference is computed here, as diffVersions does.
    const docB = b === l.version ? l.doc : (await timed(c, cache.get(id, b))).doc;
    const diff = versions.length > 1 && a !== b ? { budgetId: id, from: a, to: b, ...diffDocuments((await timed(c, cache.get(id, a))).doc, docB) } : null;
    const audit = await timed(c, auditLogOf(ws).budgetHistory(id, { newestFirst: true, limit: 200 }));
    return c.html(<VersionsPage budget={l.budget} versions={versions} diff={diff} a={a} b={b} doc={l.doc} docB={docB} audit={audit} />);
  });

  registerFollowWeb(app, ws);
  registerReconcileWeb(app, ws);
  registerCompareWeb(app, ws, (c, id) => timed(c, ws.getBudget(id)));
  registerWorkflowWeb(app, ws);
  registerStagedWeb(app, ws);
  registerAccountWeb(app, ws);
  registerAdminWeb(app, ws);
  registerPortal(app, ws);
  registerReviewWeb(app, ws, limits);
  return app;
}
