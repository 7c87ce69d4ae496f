/**
 * The routes of the edits of document-edit.tsx (issue 15 item 6): `POST /budgets/:id/narrative` (a
 * section's text), `POST /budgets/:id/tables/:table` (amount cells in 元; on the department-wide
 * form's page, `tables/department-targets`, the form's task amounts) and
 * `POST /budgets/:id/projects/:formId/overview` (项目概况). Each posts the version it was based on;
 * saved → with htmx the page again with the findings that changed, without script a 303 back to the
 * page at the edited part; stale → 409 with the typed text kept, nothing written; invalid → 422
 * naming the section or every cell that cannot be read.
 */
import type { Context, Hono } from 'hono';
import type { BudgetDetail, StoredVersion } from '../app/workspace.js';
import { auditActor } from '../app/audit-log.js';
import { documentEditsOf, findingsChange, readCells, readTargetAmounts, sectionOfKey, TARGET_COLUMNS, type CellInput, type TargetAmountInput, type TargetColumn } from '../app/edit-document.js';
import { FiscusError } from '../domain/errors.js';
import type { BudgetDocument } from '../domain/model.js';
import { tableById } from '../reports/view/index.js';
import { cellInput, targetInput, type DocEditDeps, type DocEditState } from './document-edit.js';
import { formAnchor, TARGETS_PAGE } from './figures.js';
import { formBody, formText } from './form-body.js';
import { hrefContext } from './pages.js';
import { NarrativePage } from './narrative-page.js';
import { ProjectPage } from './project.js';
import { TablesPage } from './table-page.js';
import { userOf } from './user.js';

/** The notice after a save without script, from the page's query (`saved`, `from`, `edit`): only for versions that exist. */
export async function savedFromQuery(c: Context, version: DocEditDeps['version'], id: string, budget: BudgetDetail): Promise<DocEditState | undefined> {
  const saved = Number(c.req.query('saved'));
  const from = Number(c.req.query('from'));
  const target = c.req.query('edit') ?? '';
  if (!/^(section:\d{1,4}\.\d{1,4}|cells|targets|overview)$/.test(target)) return undefined;
  const has = (n: number) => budget.versions.some((v) => v.n === n);
  if (!Number.isSafeInteger(saved) || !Number.isSafeInteger(from) || !has(saved) || !has(from) || from >= saved) return undefined;
  const [a, b] = await Promise.all([version(id, from), version(id, saved)]);
  return { target, saved: { version: saved, from }, change: findingsChange(a.findings, b.findings) };
}

type Render = (status: 200 | 409 | 422, state: DocEditState, version: number) => Promise<Response>;

const isHtmx = (c: Context) => c.req.header('hx-request') === 'true';

/** The version a form was opened on (its baseVersion field) and that version's document, if it exists. */
async function baseOf(c: Context, deps: DocEditDeps, id: string, body: Record<string, unknown>): Promise<{ baseVersion: number; baseDoc: BudgetDocument | undefined }> {
  const baseVersion = Number(body['baseVersion']);
  if (!Number.isSafeInteger(baseVersion) || baseVersion < 1) return { baseVersion, baseDoc: undefined };
  return {
    baseVersion,
    baseDoc: (
      await deps.timed(
        c,
        deps.version(id, baseVersion).catch(() => null),
      )
    )?.doc,
  };
}

/**
 * The common course of an edit post: the base version, the use case, then the page — saved (with
 * the findings that changed), refused as stale (409, nothing written) or refused as invalid (422,
 * what was typed kept). `fieldOf` names the input a refusal's field points to.
 */
async function runEdit(
  c: Context,
  deps: DocEditDeps,
  id: string,
  body: Record<string, unknown>,
  target: string,
  typed: Record<string, string>,
  save: (base: number) => Promise<StoredVersion>,
  render: Render,
  after: { href: (v: number, from: number) => string; latest: string },
  fieldOf: (field: string | undefined) => string | undefined = () => undefined,
): Promise<Response> {
  const baseVersion = Number(body['baseVersion']);
  const latest = async () => (await deps.timed(c, deps.ws.getBudget(id))).latestVersion;
  if (!Number.isSafeInteger(baseVersion) || baseVersion < 1) {
    return render(422, { target, typed, error: { title: '缺少版本号（INPUT_INVALID）', detail: '表单缺少所基于的版本号，请重新打开本页。' } }, await latest());
  }
  try {
    const stored = await deps.timed(c, save(baseVersion));
    if (!isHtmx(c)) return c.redirect(after.href(stored.version, baseVersion), 303);
    const [a, b] = await Promise.all([deps.version(id, baseVersion), deps.version(id, stored.version)]);
    return render(200, { target, saved: { version: stored.version, from: baseVersion }, change: findingsChange(a.findings, b.findings) }, stored.version);
  } catch (e) {
    if (!(e instanceof FiscusError)) throw e;
    if (e.code === 'INPUT_INVALID') {
      const field = fieldOf(e.where.field ?? undefined);
      return render(422, { target, typed, ...(field ? { fieldErrors: { [field]: e.message } } : {}), error: { title: '未保存：修改无效（INPUT_INVALID）', detail: e.message } }, baseVersion);
    }
    if (e.code !== 'CONFLICT') throw e;
    const n = await latest();
    return render(
      409,
      {
        target,
        typed,
        error: {
          title: '保存失败：版本冲突（CONFLICT）',
          detail: `您的修改基于第 ${baseVersion} 版，但该预算已被修改为第 ${n} 版。为避免覆盖他人的修改，本次未保存。请重新打开本页查看最新内容后再修改。`,
          href: after.latest,
          hrefText: `打开最新版本（第 ${n} 版）`,
        },
      },
      baseVersion,
    );
  }
}

/** Registers `POST /budgets/:id/narrative`, `POST /budgets/:id/tables/:table` (with table 14's amounts at `tables/department-targets`) and `POST /budgets/:id/projects/:formId/overview`. */
export function registerDocumentEditRoutes(app: Hono, deps: DocEditDeps): void {
  const edits = documentEditsOf(deps.ws);
  const who = (c: Context) => auditActor(userOf(c), 'web');
  const page = async (c: Context, id: string, version: number) => {
    const budget = await deps.timed(c, deps.ws.getBudget(id));
    const { doc, findings } = await deps.timed(c, deps.version(id, version));
    return { budget: { ...budget, latestVersion: version }, doc, findings };
  };

  app.post('/budgets/:id/narrative', async (c) => {
    const id = c.req.param('id');
    const body = (await formBody(c)) as Record<string, unknown>;
    const key = formText(body, 'section');
    const text = formText(body, 'text');
    const ref = sectionOfKey(key);
    const target = `section:${ref ? key : '0.0'}`;
    const render: Render = async (status, state, v) => {
      const p = await page(c, id, v);
      return c.html(<NarrativePage budget={p.budget} doc={p.doc} findings={p.findings} ctx={hrefContext(p.doc)} version={v} edit={state} />, status);
    };
    if (!ref)
      return render(
        422,
        { target, error: { title: '未保存：修改无效（INPUT_INVALID）', detail: '表单没有指明要修改的节，请重新打开本页。' } },
        (await deps.timed(c, deps.ws.getBudget(id))).latestVersion,
      );
    return runEdit(
      c,
      deps,
      id,
      body,
      target,
      { text },
      (base) => edits.editNarrativeSection(id, base, ref, text, who(c), deps.author(c)),
      render,
      {
        href: (v, from) => `/budgets/${id}/narrative?saved=${v}&from=${from}&edit=${encodeURIComponent(target)}#sec-${ref.part}-${ref.section}`,
        latest: `/budgets/${id}/narrative`,
      },
      () => 'text',
    );
  });

  /** Table 14, the department-wide form: its tasks' amounts and their 合计, typed in 元. */
  const postTargets = async (c: Context, id: string, body: Record<string, unknown>) => {
    const typed: Record<string, string> = {};
    const cells: TargetAmountInput[] = [];
    for (const [k, v] of Object.entries(body)) {
      const m = /^dt-(\d{1,4}|total)-(total|fiscal|other)$/.exec(k);
      if (!m || typeof v !== 'string') continue;
      typed[k] = v;
      cells.push({ row: m[1] === 'total' ? 'total' : Number(m[1]), column: m[2] as TargetColumn, text: v });
    }
    const render: Render = async (status, state, v) => {
      const p = await page(c, id, v);
      const counts = p.budget.versions.find((x) => x.n === v)?.findings ?? p.budget.findings;
      return c.html(<TablesPage budget={p.budget} doc={p.doc} pageId={TARGETS_PAGE} findings={p.findings} ctx={hrefContext(p.doc)} counts={counts} version={v} edit={state} editOpen />, status);
    };
    const { baseVersion, baseDoc } = await baseOf(c, deps, id, body);
    // Every amount that cannot be read is marked at its input, each with its own message; nothing is saved.
    const d = baseDoc?.departmentTargets;
    if (d) {
      const { errors } = readTargetAmounts(d, cells);
      if (errors.length) {
        const fieldErrors = Object.fromEntries(errors.map((e) => [targetInput(e.row, e.column), e.message]));
        return render(
          422,
          { target: 'targets', typed, fieldErrors, error: { title: `未保存：${errors.length} 个金额无法识别（INPUT_INVALID）`, detail: errors.map((e) => e.message).join('；') } },
          baseVersion,
        );
      }
    }
    return runEdit(
      c,
      deps,
      id,
      body,
      'targets',
      typed,
      (base) => edits.editTargetAmounts(id, base, cells, who(c), deps.author(c)),
      render,
      {
        href: (v, from) => `/budgets/${id}/tables/${TARGETS_PAGE}?saved=${v}&from=${from}&edit=targets#targets-edit`,
        latest: `/budgets/${id}/tables/${TARGETS_PAGE}`,
      },
      (field) => {
        const m = /^(\d+|total)\/(total|fiscal|other)$/.exec(field ?? '');
        return m && TARGET_COLUMNS.includes(m[2] as TargetColumn) ? targetInput(m[1] === 'total' ? 'total' : Number(m[1]), m[2] as TargetColumn) : undefined;
      },
    );
  };

  app.post('/budgets/:id/tables/:table', async (c) => {
    const id = c.req.param('id');
    const tid = c.req.param('table');
    const body = (await formBody(c)) as Record<string, unknown>;
    if (tid === TARGETS_PAGE) return postTargets(c, id, body);
    const typed: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) if (/^c-\d{1,5}-\d{1,4}$/.test(k) && typeof v === 'string') typed[k] = v;
    const render: Render = async (status, state, v) => {
      const p = await page(c, id, v);
      const counts = p.budget.versions.find((x) => x.n === v)?.findings ?? p.budget.findings;
      return c.html(<TablesPage budget={p.budget} doc={p.doc} pageId={tid} findings={p.findings} ctx={hrefContext(p.doc)} counts={counts} version={v} edit={state} editOpen />, status);
    };
    // The cells are named by their places in the version the form was drawn from.
    const cellsOf = (doc: BudgetDocument): CellInput[] => {
      const t = tableById(doc, tid);
      if (!t) throw new FiscusError('NOT_FOUND', `本预算没有表格 ${tid}`);
      return Object.entries(typed).flatMap(([k, text]) => {
        const [, ri, ci] = /^c-(\d+)-(\d+)$/.exec(k)!;
        const row = t.rows[Number(ri)];
        const col = t.columns[Number(ci)];
        if (!row || !col || col.kind !== 'amount') throw new FiscusError('INPUT_INVALID', `表格 ${tid} 没有单元格 ${k}，请重新打开本页`, { field: k });
        return [{ row: row.id, column: col.key, text }];
      });
    };
    const { baseVersion, baseDoc } = await baseOf(c, deps, id, body);
    // Every cell that cannot be read is marked at its input, each with its own message; nothing is saved.
    if (baseDoc) {
      const t = tableById(baseDoc, tid);
      if (!t) throw new FiscusError('NOT_FOUND', `本预算没有表格 ${tid}`);
      const { errors } = readCells(t, cellsOf(baseDoc));
      if (errors.length) {
        const fieldErrors: Record<string, string> = {};
        for (const e of errors)
          fieldErrors[
            cellInput(
              t.rows.findIndex((r) => r.id === e.row),
              t.columns.findIndex((k) => k.key === e.column),
            )
          ] = e.message;
        return render(
          422,
          { target: 'cells', typed, fieldErrors, error: { title: `未保存：${errors.length} 个金额无法识别（INPUT_INVALID）`, detail: errors.map((e) => e.message).join('；') } },
          baseVersion,
        );
      }
    }
    return runEdit(c, deps, id, body, 'cells', typed, async (base) => edits.editTableCells(id, base, tid, cellsOf(baseDoc ?? (await deps.version(id, base)).doc), who(c), deps.author(c)), render, {
      href: (v, from) => `/budgets/${id}/tables/${encodeURIComponent(tid)}?saved=${v}&from=${from}&edit=cells#table-edit`,
      latest: `/budgets/${id}/tables/${encodeURIComponent(tid)}`,
    });
  });

  app.post('/budgets/:id/projects/:formId/overview', async (c) => {
    const id = c.req.param('id');
    const formId = c.req.param('formId');
    const body = (await formBody(c)) as Record<string, unknown>;
    const typed: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) if (/^ov-\d{1,3}$/.test(k) && typeof v === 'string') typed[k] = v;
    const render: Render = async (status, state, v) => {
      const p = await page(c, id, v);
      const form = p.doc.projectForms.find((f) => f.id === formId);
      if (!form) throw new FiscusError('NOT_FOUND', `本预算没有项目申报表 ${formId}`);
      return c.html(<ProjectPage budget={p.budget} doc={p.doc} form={form} findings={p.findings} ctx={hrefContext(p.doc)} version={v} overviewEdit={state} />, status);
    };
    const entries = Object.entries(typed).map(([k, text]) => ({ index: Number(k.slice(3)), text }));
    return runEdit(c, deps, id, body, 'overview', typed, (base) => edits.editProjectOverview(id, base, formId, entries, who(c), deps.author(c)), render, {
      href: (v, from) => `/budgets/${id}/projects/${encodeURIComponent(formId)}?saved=${v}&from=${from}&edit=overview#${formAnchor(formId, 'overview')}`,
      latest: `/budgets/${id}/projects/${encodeURIComponent(formId)}`,
    });
  });
}
