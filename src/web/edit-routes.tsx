/**
 * Editing a project form from its page: the quarterly plan, the 测算明细 cost lines and the
 * indicators, each posted with the version it was based on and saved through
 * `Workspace.editProjectForm` (a stale base version is refused and shown, nothing written).
 * Adding or removing a row only redraws the draft; nothing is saved until the user saves.
 */
import type { Context, Hono } from 'hono';
import type { Workspace } from '../app/workspace.js';
import type { CostLineEdit, FormEdit, IndicatorEdit, QuarterEdit } from '../app/form-edit.js';
import { auditActor } from '../app/audit-log.js';
import { userOf } from './user.js';
import { FiscusError } from '../domain/errors.js';
import type { BudgetDocument, Comparator, Indicator } from '../domain/model.js';
import { decimalsOf, MoneyParseError, parseAmount, typedAmountText } from '../domain/money.js';
import { formAnchor, type Finding } from './figures.js';
import { hrefContext, navInfo } from './pages.js';
import { BudgetCrumb } from './layout.js';
import { COMPARATORS, costDecimalsMax, ProjectEditor, ProjectOverview, ProjectPage, type CostLineDraft, type EditSection, type IndicatorDraft, type PlanState } from './project.js';
import { formBody, formText } from './form-body.js';
import { OverviewEditor } from './document-edit.js';
import { registerDocumentEditRoutes } from './document-edit-routes.js';

/** What the edit routes need from the web app: timed workspace calls and the per-version cache. */
export interface EditDeps {
  ws: Workspace;
  timed: <T>(c: Context, p: Promise<T>) => Promise<T>;
  version: (id: string, v: number) => Promise<{ doc: BudgetDocument; findings: Finding[] }>;
  /** The author recorded on a version the request makes. */
  author: (c: Context) => string;
}

const isHtmx = (c: Context) => c.req.header('hx-request') === 'true';

/** Typed text of a field: trimmed, internal runs of white space collapsed. */
const field = (body: Record<string, unknown>, name: string) => formText(body, name).replace(/\s+/g, ' ').trim();

type Parsed = { patch: FormEdit } | { fieldErrors: Record<string, string>; detail: string };

function parsePlan(body: Record<string, unknown>, doc: BudgetDocument): Parsed {
  const fieldErrors: Record<string, string> = {};
  const plan: QuarterEdit[] = [];
  const bad: string[] = [];
  for (const q of [1, 2, 3, 4]) {
    const text = typedAmountText(field(body, `q${q}`));
    if (text === '') continue;
    try {
      const fen = parseAmount(text, doc.displayUnit);
      if (fen < 0) throw new MoneyParseError('negative', text);
      plan.push({ quarter: q, amount: { fen, decimals: decimalsOf(text) } });
    } catch (e) {
      if (!(e instanceof MoneyParseError)) throw e;
      fieldErrors[`q${q}`] = `请输入不小于 0 的金额（${doc.displayUnit}，最多 ${doc.displayUnit === '万元' ? 6 : 2} 位小数）`;
      bad.push(`第${'一二三四'[q - 1]}季度`);
    }
  }
  if (bad.length) return { fieldErrors, detail: `${bad.join('、')}的金额无法识别，请更正标出的季度。` };
  return { patch: { disbursement: plan } };
}

function costDrafts(body: Record<string, unknown>): CostLineDraft[] {
  const n = Math.min(500, Math.max(0, Number(body['n']) || 0));
  const out: CostLineDraft[] = [];
  for (let i = 0; i < n; i++) {
    out.push({ orig: field(body, `cl-${i}-orig`), text: field(body, `cl-${i}-text`), label: field(body, `cl-${i}-label`), amount: field(body, `cl-${i}-amount`) });
  }
  return out;
}

/** The line of the edited version a draft row replaces: its hidden index, none for a new row. */
const replacesOf = (orig: string) => (/^\d+$/.test(orig) ? Number(orig) : null);

function parseCostLines(drafts: CostLineDraft[], doc: BudgetDocument): Parsed {
  const fieldErrors: Record<string, string> = {};
  const bad: string[] = [];
  const lines: CostLineEdit[] = [];
  const maxDec = costDecimalsMax(doc);
  drafts.forEach((d, i) => {
    if (d.text === '' && d.label === '' && d.amount === '') return; // an empty row is dropped
    const text = typedAmountText(d.amount);
    let amount: CostLineEdit['amount'] = null;
    if (text !== '') {
      try {
        const fen = parseAmount(text, doc.displayUnit);
        if (fen < 0) throw new MoneyParseError('negative', text);
        if (decimalsOf(text) > maxDec) throw new MoneyParseError('decimals', text);
        amount = { fen, decimals: decimalsOf(text) };
      } catch (e) {
        if (!(e instanceof MoneyParseError)) throw e;
        fieldErrors[`cl-${i}-amount`] = `金额「${d.amount}」无法识别：请输入不小于 0 的${doc.displayUnit}金额，最多 ${maxDec} 位小数，如 42.70`;
        bad.push(`第 ${i + 1} 行「金额」`);
        return;
      }
    }
    // What the line keeps of the one it replaces (number, place, printed figures) is the app's to decide.
    lines.push({ replaces: replacesOf(d.orig), text: d.text || d.label, label: d.label || d.text, amount });
  });
  if (bad.length) return { fieldErrors, detail: `测算明细${bad.join('、')}无法识别，本次未保存。请更正标出的金额。` };
  return { patch: { costLines: lines } };
}

function indicatorDrafts(body: Record<string, unknown>): IndicatorDraft[] {
  const n = Math.min(500, Math.max(0, Number(body['n']) || 0));
  const out: IndicatorDraft[] = [];
  for (let i = 0; i < n; i++) {
    const g = (k: string) => field(body, `ind-${i}-${k}`);
    out.push({ orig: g('orig'), level1: g('level1'), level2: g('level2'), name: g('name'), comparator: g('comparator'), value: g('value'), unit: g('unit') });
  }
  return out;
}

const COMPARATOR_TEXT: Record<string, Comparator> = { '≥': '≥', '>=': '≥', '≤': '≤', '<=': '≤', '=': '=', '>': '>', '<': '<' };

/**
 * The indicator a row of the editor stands for. A figure is quantitative (no comparator chosen
 * reads as "=", as the importer reads a bare printed figure); "不适用" is not applicable; other
 * words are a qualitative target. `raw` is what the form would print.
 */
export function indicatorOf(d: IndicatorDraft): Omit<Indicator, 'src'> | { error: string } {
  let cmp = d.comparator;
  let value = d.value.normalize('NFKC').replace(/\s+/g, '');
  let unit = d.unit.trim();
  // "≤2%" typed into the value field alone.
  const m = /^(>=|<=|[≥≤=><])?(-?\d+(?:\.\d+)?)(.*)$/.exec(value);
  if (m && (m[1] || m[3])) {
    if (m[1] && cmp && COMPARATOR_TEXT[m[1]] !== cmp) return { error: '目标值中的比较符与所选比较符不一致' };
    if (m[1]) cmp = COMPARATOR_TEXT[m[1]]!;
    if (m[3] && unit && m[3] !== unit) return { error: '目标值中的单位与单位栏不一致' };
    if (m[3]) unit = m[3];
    value = m[2]!;
  }
  if (cmp && !(COMPARATORS as readonly string[]).includes(cmp)) return { error: '比较符无效' };
  const base = { level1: d.level1, level2: d.level2, name: d.name };
  if (value === '') {
    if (cmp) return { error: '选择了比较符时请填写目标值' };
    return { ...base, raw: '', comparator: null, value: null, unit: unit || null, qualitative: false, notApplicable: false };
  }
  if (value === '不适用') return { ...base, raw: '不适用', comparator: null, value: null, unit: null, qualitative: false, notApplicable: true };
  if (/^-?\d+(?:\.\d+)?$/.test(value)) {
    return { ...base, raw: `${cmp}${value}${unit}`, comparator: (cmp || '=') as Comparator, value, unit: unit || null, qualitative: false, notApplicable: false };
  }
  if (cmp) return { error: '选择了比较符时目标值应为数字，如 2' };
  return { ...base, raw: d.value.trim(), comparator: null, value: null, unit: null, qualitative: true, notApplicable: false };
}

function parseIndicators(drafts: IndicatorDraft[]): Parsed {
  const fieldErrors: Record<string, string> = {};
  const bad: string[] = [];
  const out: IndicatorEdit[] = [];
  drafts.forEach((d, i) => {
    if (!d.level1 && !d.level2 && !d.name && !d.value && !d.unit && !d.comparator) return;
    if (!d.name) {
      fieldErrors[`ind-${i}-name`] = '请填写三级指标名称';
      bad.push(`第 ${i + 1} 项「三级指标」`);
      return;
    }
    const r = indicatorOf(d);
    if ('error' in r) {
      fieldErrors[`ind-${i}-value`] = r.error;
      bad.push(`第 ${i + 1} 项「目标值」`);
      return;
    }
    out.push({ ...r, replaces: replacesOf(d.orig) });
  });
  if (bad.length) return { fieldErrors, detail: `绩效指标${bad.join('、')}有误，本次未保存。` };
  return { patch: { indicators: out } };
}

/** Registers `POST /budgets/:id/projects/:formId/{disbursement,cost-lines,indicators}`. */
export function registerEditRoutes(app: Hono, deps: EditDeps): void {
  const { ws, timed } = deps;
  const route = (path: string, section: EditSection) =>
    app.post(`/budgets/:id/projects/:formId/${path}`, async (c) => {
      const id = c.req.param('id');
      const formId = c.req.param('formId');
      const body = (await formBody(c)) as Record<string, unknown>;
      const baseVersion = Number(body['baseVersion']);
      const op = formText(body, 'op');
      const values: Record<number, string> = {};
      for (const q of [1, 2, 3, 4]) values[q] = formText(body, `q${q}`).trim();
      let costLines = section === 'costLines' ? costDrafts(body) : undefined;
      let indicators = section === 'indicators' ? indicatorDrafts(body) : undefined;
      const typed = (): PlanState => ({ section, ...(section === 'disbursement' ? { values } : {}), ...(costLines ? { costLines } : {}), ...(indicators ? { indicators } : {}) });

      const render = async (status: 200 | 409 | 422, state: PlanState, version?: number) => {
        const budget = await timed(c, ws.getBudget(id));
        const v = version ?? budget.latestVersion;
        const { doc, findings } = await timed(c, deps.version(id, v));
        const form = doc.projectForms.find((f) => f.id === formId);
        if (!form) throw new FiscusError('NOT_FOUND', `本预算没有项目申报表 ${formId}`);
        const ctx = hrefContext(doc);
        // The fragment, and the breadcrumb out of band: a save may have started a new draft.
        if (isHtmx(c))
          return c.html(
            <>
              <ProjectEditor budgetId={id} version={v} doc={doc} form={form} findings={findings} state={state} ctx={ctx} />
              <BudgetCrumb b={navInfo(budget)} oob />
              {/* The 项目概况 form is on the same version: its base version follows. */}
              <OverviewEditor budgetId={id} version={v} form={form} ctx={ctx} oob>
                <ProjectOverview form={form} />
              </OverviewEditor>
            </>,
            status,
          );
        return c.html(<ProjectPage budget={{ ...budget, latestVersion: v }} doc={doc} form={form} findings={findings} state={state} ctx={ctx} version={v} />, status);
      };

      if (!Number.isInteger(baseVersion) || baseVersion < 1) {
        return render(422, { ...typed(), error: { title: '缺少版本号', detail: '表单缺少所基于的版本号，请重新打开本页。' } });
      }
      const baseDoc = (await timed(c, deps.version(id, baseVersion))).doc;
      const form = baseDoc.projectForms.find((f) => f.id === formId);
      if (!form) throw new FiscusError('NOT_FOUND', `本预算没有项目申报表 ${formId}`);

      // Adding or removing a row redraws the draft only.
      const rm = /^remove-(\d+)$/.exec(op);
      if (op === 'add' || rm) {
        const at = rm ? Number(rm[1]) : -1;
        if (costLines) {
          costLines = rm ? costLines.filter((_, i) => i !== at) : [...costLines, { orig: '', text: '', label: '', amount: '' }];
          return render(200, { ...typed(), focus: rm ? 'add' : `cl-${costLines.length - 1}-text` }, baseVersion);
        }
        if (indicators) {
          indicators = rm ? indicators.filter((_, i) => i !== at) : [...indicators, { orig: '', level1: '', level2: '', name: '', comparator: '', value: '', unit: '' }];
          return render(200, { ...typed(), focus: rm ? 'add' : `ind-${indicators.length - 1}-level1` }, baseVersion);
        }
      }

      const parsed = section === 'disbursement' ? parsePlan(body, baseDoc) : section === 'costLines' ? parseCostLines(costLines!, baseDoc) : parseIndicators(indicators!);
      if ('fieldErrors' in parsed) {
        return render(422, { ...typed(), fieldErrors: parsed.fieldErrors, error: { title: '未保存', detail: parsed.detail } }, baseVersion);
      }
      try {
        const stored = await timed(c, ws.editProjectForm(id, baseVersion, formId, parsed.patch, deps.author(c), auditActor(userOf(c), 'web')));
        // Without htmx: the page again, at the edited section with its message (saved, from, section in the query).
        if (!isHtmx(c)) return c.redirect(`/budgets/${id}/projects/${encodeURIComponent(formId)}?saved=${stored.version}&from=${baseVersion}&section=${section}#${formAnchor(formId, section)}`, 303);
        return render(200, { section, saved: { version: stored.version, from: baseVersion } }, stored.version);
      } catch (e) {
        if (e instanceof FiscusError && e.code === 'INPUT_INVALID') {
          return render(422, { ...typed(), error: { title: `未保存：修改无效（${e.code}）`, detail: e.oneLine() } }, baseVersion);
        }
        if (!(e instanceof FiscusError) || e.code !== 'CONFLICT') throw e;
        const latest = (await timed(c, ws.getBudget(id))).latestVersion;
        return render(
          409,
          {
            ...typed(),
            error: {
              title: '保存失败：版本冲突（CONFLICT）',
              detail: `您的修改基于第 ${baseVersion} 版，但该预算已被修改为第 ${latest} 版。为避免覆盖他人的修改，本次未保存。请重新打开本页查看最新内容后再修改。`,
              href: `/budgets/${id}/projects/${encodeURIComponent(formId)}`,
              hrefText: `打开最新版本（第 ${latest} 版）`,
            },
          },
          baseVersion,
        );
      }
    });
  route('disbursement', 'disbursement');
  route('cost-lines', 'costLines');
  route('indicators', 'indicators');
  // The narrative's sections, the tables' amount cells and 项目概况, the same way (document-edit-routes.tsx).
  registerDocumentEditRoutes(app, deps);
}
