/**
 * The web app: server-rendered pages over the workspace, htmx for the in-place project edit.
 * Every page answers with a `Server-Timing` header (total and time spent in the workspace).
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { setMetric } from 'hono/timing';
import type { Workspace, BudgetDetail } from '../app/workspace.js';
import { FiscusError } from '../domain/errors.js';
import type { BudgetDocument, QuarterPlan } from '../domain/model.js';
import { decimalsOf, MoneyParseError, parseAmount } from '../domain/money.js';
import { mountAssets } from './assets.js';
import { registerFollowWeb } from './follow/routes.js';
import type { Finding } from './figures.js';
import {
  DashboardPage,
  FindingsPage,
  ListPage,
  NotFoundPage,
  ProjectEditor,
  ProjectPage,
  ProjectsPage,
  TablesPage,
  VersionsPage,
  type PlanState,
} from './pages.js';

export interface WebOptions {
  maxUploadBytes?: number;
}

const TITLES: Record<string, string> = {
  INPUT_UNREADABLE: '无法读取上传的文件',
  INPUT_INVALID: '文件内容不符合要求',
  TOO_LARGE: '文件过大',
  CONFLICT: '版本冲突',
  NOT_FOUND: '未找到',
  LOCKED: '数据目录被占用',
};
const STATUS: Record<string, 400 | 404 | 409 | 413 | 422 | 500 | 503> = {
  INPUT_UNREADABLE: 400,
  INPUT_INVALID: 422,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  LOCKED: 503,
  DEPENDENCY_MISSING: 503,
  INTERNAL: 500,
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

interface Loaded {
  budget: BudgetDetail;
  doc: BudgetDocument;
  findings: Finding[];
}

/**
 * A stored version never changes, so its document and findings are kept for the next page (a few
 * versions only: a document of the sample is about 170 KB of JSON and most of a page's time).
 */
class VersionCache {
  private readonly map = new Map<string, Promise<{ doc: BudgetDocument; findings: Finding[] }>>();
  constructor(private readonly ws: Workspace, private readonly size = 16) {}

  get(id: string, version: number): Promise<{ doc: BudgetDocument; findings: Finding[] }> {
    const key = `${id}@${version}`;
    let hit = this.map.get(key);
    if (hit) {
      this.map.delete(key);
    } else {
      hit = Promise.all([this.ws.getDocument(id, version), this.ws.getFindings(id, version)]).then(([doc, findings]) => ({ doc, findings }));
      hit.catch(() => this.map.delete(key));
    }
    this.map.set(key, hit);
    while (this.map.size > this.size) this.map.delete(this.map.keys().next().value!);
    return hit;
  }
}

/** Budget, document and findings of the latest version, read as one consistent version. */
async function load(cache: VersionCache, ws: Workspace, c: Context, id: string): Promise<Loaded> {
  const budget = await timed(c, ws.getBudget(id));
  const { doc, findings } = await timed(c, cache.get(id, budget.latestVersion));
  return { budget, doc, findings };
}

const isHtmx = (c: Context) => c.req.header('hx-request') === 'true';

/** Builds the web app (pages, static assets). */
export function createWeb(ws: Workspace, opts: WebOptions = {}): Hono {
  const maxUpload = opts.maxUploadBytes ?? 20 * 1024 * 1024;
  const app = new Hono();
  const cache = new VersionCache(ws);
  app.use('*', async (c, next) => {
    await next();
    const db = c.get('dbMs' as never) as number | undefined;
    if (db !== undefined) setMetric(c, 'db', db, 'workspace');
  });
  mountAssets(app);

  app.onError((err, c) => {
    const e = err instanceof FiscusError ? err : null;
    if (!e) console.error(err);
    if (e?.code === 'NOT_FOUND') return c.html(<NotFoundPage detail={e.message} />, 404);
    return c.html(<NotFoundPage detail={e ? `${TITLES[e.code] ?? e.code}：${e.oneLine()}` : '内部错误'} />, STATUS[e?.code ?? 'INTERNAL'] ?? 500);
  });

  app.get('/', async (c) => c.html(<ListPage budgets={await timed(c, ws.listBudgets())} />));

  app.post(
    '/upload',
    bodyLimit({
      maxSize: maxUpload,
      onError: async (c) => c.html(<ListPage budgets={await ws.listBudgets()} error={{ title: TITLES.TOO_LARGE!, detail: `上传内容超过 ${maxUpload / 1024 / 1024} MiB。` }} />, 413),
    }),
    async (c) => {
      const form = await c.req.formData().catch(() => null);
      const file = form?.get('file');
      try {
        if (!file || typeof file === 'string' || file.size === 0) throw new FiscusError('INPUT_UNREADABLE', '请选择一个非空文件');
        const stored = await timed(c, ws.importDocument(new Uint8Array(await file.arrayBuffer()), file.name || 'upload.txt', { author: 'web' }));
        return c.redirect(`/budgets/${stored.budgetId}`, 303);
      } catch (err) {
        if (!(err instanceof FiscusError) || err.code === 'INTERNAL') throw err;
        const error = { title: TITLES[err.code] ?? err.code, detail: err.oneLine(), line: err.where.line ?? null };
        return c.html(<ListPage budgets={await ws.listBudgets()} error={error} />, STATUS[err.code] ?? 400);
      }
    },
  );

  app.get('/budgets/:id', async (c) => {
    const l = await load(cache, ws, c, c.req.param('id'));
    return c.html(<DashboardPage budget={l.budget} doc={l.doc} findings={l.findings} />);
  });

  app.get('/budgets/:id/tables', (c) => c.redirect(`/budgets/${c.req.param('id')}/tables/1`, 302));
  app.get('/budgets/:id/tables/:no', async (c) => {
    const no = Number(c.req.param('no'));
    if (!Number.isInteger(no) || no < 1 || no > 99) throw new FiscusError('NOT_FOUND', `没有表 ${c.req.param('no')}`);
    const l = await load(cache, ws, c, c.req.param('id'));
    return c.html(<TablesPage budget={l.budget} doc={l.doc} no={no} findings={l.findings} />);
  });

  app.get('/budgets/:id/projects', async (c) => {
    const l = await load(cache, ws, c, c.req.param('id'));
    return c.html(<ProjectsPage budget={l.budget} doc={l.doc} findings={l.findings} />);
  });

  app.get('/budgets/:id/projects/:formId', async (c) => {
    const l = await load(cache, ws, c, c.req.param('id'));
    const form = l.doc.projectForms.find((f) => f.id === c.req.param('formId'));
    if (!form) throw new FiscusError('NOT_FOUND', `本预算没有项目申报表 ${c.req.param('formId')}`);
    return c.html(<ProjectPage budget={l.budget} doc={l.doc} form={form} findings={l.findings} />);
  });

  app.post('/budgets/:id/projects/:formId/disbursement', async (c) => {
    const id = c.req.param('id');
    const formId = c.req.param('formId');
    const body = await c.req.parseBody();
    const baseVersion = Number(body['baseVersion']);
    const values: Record<number, string> = {};
    for (const q of [1, 2, 3, 4]) values[q] = String(body[`q${q}`] ?? '').trim();

    const render = async (status: 200 | 409 | 422, state: PlanState, version?: number) => {
      const budget = await timed(c, ws.getBudget(id));
      const v = version ?? budget.latestVersion;
      const { doc, findings } = await timed(c, cache.get(id, v));
      const form = doc.projectForms.find((f) => f.id === formId);
      if (!form) throw new FiscusError('NOT_FOUND', `本预算没有项目申报表 ${formId}`);
      if (isHtmx(c)) return c.html(<ProjectEditor budgetId={id} version={v} doc={doc} form={form} findings={findings} state={state} />, status);
      return c.html(<ProjectPage budget={{ ...budget, latestVersion: v }} doc={doc} form={form} findings={findings} state={state} />, status);
    };

    if (!Number.isInteger(baseVersion) || baseVersion < 1) {
      return render(422, { values, error: { title: '缺少版本号', detail: '表单缺少所基于的版本号，请重新打开本页。' } });
    }
    const baseDoc = (await timed(c, cache.get(id, baseVersion))).doc;
    const form = baseDoc.projectForms.find((f) => f.id === formId);
    if (!form) throw new FiscusError('NOT_FOUND', `本预算没有项目申报表 ${formId}`);

    const fieldErrors: Record<number, string> = {};
    const plan: QuarterPlan[] = [];
    for (const q of [1, 2, 3, 4]) {
      const text = values[q]!.replace(/[\s,，]/g, '');
      if (text === '') continue;
      try {
        const fen = parseAmount(text, baseDoc.displayUnit);
        if (fen < 0) throw new MoneyParseError('negative', text);
        const old = form.disbursement.find((d) => d.quarter === q);
        const src = old?.src ?? form.src;
        plan.push({ quarter: q, amount: { fen, decimals: decimalsOf(text), src: old?.amount.src ?? src }, src });
      } catch (e) {
        if (!(e instanceof MoneyParseError)) throw e;
        fieldErrors[q] = `请输入不小于 0 的金额（${baseDoc.displayUnit}，最多 ${baseDoc.displayUnit === '万元' ? 6 : 2} 位小数）`;
      }
    }
    if (Object.keys(fieldErrors).length) {
      return render(422, { values, fieldErrors, error: { title: '未保存', detail: '有金额无法识别，请更正标出的季度。' } }, baseVersion);
    }
    try {
      const stored = await timed(c, ws.editProjectForm(id, baseVersion, formId, { disbursement: plan }, 'web'));
      if (!isHtmx(c)) return c.redirect(`/budgets/${id}/projects/${encodeURIComponent(formId)}?saved=${stored.version}`, 303);
      return render(200, { saved: { version: stored.version, from: baseVersion } }, stored.version);
    } catch (e) {
      if (!(e instanceof FiscusError) || e.code !== 'CONFLICT') throw e;
      const latest = (await timed(c, ws.getBudget(id))).latestVersion;
      return render(
        409,
        {
          values,
          error: {
            title: '保存失败：版本冲突',
            detail: `您的修改基于第 ${baseVersion} 版，但该预算已被修改为第 ${latest} 版。为避免覆盖他人的修改，本次未保存。请重新打开本页查看最新内容后再修改。`,
            href: `/budgets/${id}/projects/${encodeURIComponent(formId)}`,
            hrefText: `打开最新版本（第 ${latest} 版）`,
          },
        },
        baseVersion,
      );
    }
  });

  app.get('/budgets/:id/findings', async (c) => {
    const l = await load(cache, ws, c, c.req.param('id'));
    const sev = c.req.query('severity');
    const severity = sev === 'error' || sev === 'warning' || sev === 'info' ? sev : undefined;
    const table = c.req.query('table');
    const row = c.req.query('row');
    let findings = l.findings;
    let filterNote: string | undefined;
    if (table) {
      findings = findings.filter((f) => String(f.location.table) === table && (!row || f.location.row === row));
      filterNote = `仅显示表${table}${row ? '中该行' : ''}的审核发现。`;
    }
    return c.html(<FindingsPage budget={l.budget} findings={findings} severity={severity} {...(filterNote ? { filterNote } : {})} />);
  });

  app.get('/budgets/:id/versions', async (c) => {
    const id = c.req.param('id');
    const l = await load(cache, ws, c, id);
    const versions = l.budget.versions;
    const last = versions.at(-1)?.n ?? 1;
    const num = (s: string | undefined, d: number) => (s && /^\d+$/.test(s) && versions.some((v) => v.n === Number(s)) ? Number(s) : d);
    const b = num(c.req.query('b'), last);
    const a = num(c.req.query('a'), Math.max(1, b - 1));
    const diff = versions.length > 1 && a !== b ? await timed(c, ws.diffVersions(id, a, b)) : null;
    return c.html(<VersionsPage budget={l.budget} versions={versions} diff={diff} a={a} b={b} doc={l.doc} />);
  });

  registerFollowWeb(app, ws);
  return app;
}
