/**
 * The project page (预算项目支出绩效目标申报表): read-only for an older version; on the latest version
 * the quarterly plan, the 测算明细 cost lines and the indicators are edited in place (htmx), each
 * saved as a new version based on the version shown, the checks re-run and the findings panel
 * swapped with the editor.
 */
import type { Child } from 'hono/jsx';
import type { BudgetDetail } from '../app/workspace.js';
import type { BudgetDocument, Indicator, ProjectForm } from '../domain/model.js';
import { FORM_AMOUNT_LABELS } from '../domain/catalogue/index.js';
import { formatAmount } from '../domain/money.js';
import { costLineSum, decimalsFor, disbursementSum, fmt, formAnchor, formIndicatorPrefix, indicatorAnchor, safeId, type Finding, type HrefContext } from './figures.js';
import { Layout, type VersionView } from './layout.js';
import { ErrorBox, FindingItem, IndicatorTable, navInfo } from './pages.js';
import { OverviewEditor, type DocEditState } from './document-edit.js';

export type EditSection = 'disbursement' | 'costLines' | 'indicators';

/** A cost line as typed in the editor. `orig` is the index of the line it edits ('' for a new line). */
export interface CostLineDraft {
  orig: string;
  text: string;
  label: string;
  amount: string;
}

/** An indicator as typed in the editor. `orig` is the index of the indicator it edits ('' for a new one). */
export interface IndicatorDraft {
  orig: string;
  level1: string;
  level2: string;
  name: string;
  comparator: string;
  value: string;
  unit: string;
}

export interface PlanState {
  /** The form the message, typed values and errors belong to. */
  section?: EditSection;
  /** Quarterly plan as typed, by quarter (kept when the save failed). */
  values?: Record<number, string>;
  /** Cost lines / indicators as typed (kept when the save failed, or while adding and removing rows). */
  costLines?: CostLineDraft[];
  indicators?: IndicatorDraft[];
  /** Input errors by input name (`q4`, `cl-2-amount`, `ind-5-value`). */
  fieldErrors?: Record<string, string>;
  error?: { title: string; detail: string; href?: string; hrefText?: string };
  saved?: { version: number; from: number };
  /** Input to focus after a row was added or removed. */
  focus?: string;
}

export const COMPARATORS = ['≥', '≤', '=', '>', '<'] as const;

/** Decimals a cost-line amount may carry in the document's unit (4 in 万元, 2 in 元). */
export const costDecimalsMax = (doc: Pick<BudgetDocument, 'displayUnit'>) => (doc.displayUnit === '万元' ? 4 : 2);

/** True when the printed target states its comparator (a bare figure is read as "=" by the importer). */
export function printedComparator(raw: string): boolean {
  return /[≥≤><=≧≦]|不低于|不少于|不小于|不高于|不超过|不多于|不大于|大于|小于|以上|以下|以内|之内/.test(raw.normalize('NFKC'));
}

/** The editor's view of a stored indicator. */
export function indicatorDraft(x: Indicator, orig: number | ''): IndicatorDraft {
  const quantitative = !x.qualitative && !x.notApplicable && x.value !== null;
  return {
    orig: String(orig),
    level1: x.level1,
    level2: x.level2,
    name: x.name,
    comparator: quantitative && x.comparator && printedComparator(x.raw) ? x.comparator : '',
    value: x.notApplicable ? '不适用' : quantitative ? x.value! : x.raw,
    unit: quantitative ? (x.unit ?? '') : '',
  };
}

export function costLineDraft(doc: BudgetDocument, l: ProjectForm['costLines'][number], orig: number | ''): CostLineDraft {
  return {
    orig: String(orig),
    text: l.text,
    label: l.label,
    amount: l.amount ? formatAmount(l.amount.fen, doc.displayUnit, Math.max(2, l.amount.decimals ?? 2), false) : '',
  };
}

const fieldErr = (state: PlanState | undefined, name: string) => state?.fieldErrors?.[name];
/** The input to focus after a redraw: the one asked for, else the first with an error. */
const focused = (state: PlanState | undefined, name: string) => state?.focus === name || (state?.fieldErrors !== undefined && Object.keys(state.fieldErrors)[0] === name);

function Notices(props: { state?: PlanState | undefined; section: EditSection }) {
  const s = props.state;
  if (!s || s.section !== props.section) return null;
  return (
    <>
      {s.saved ? (
        <div class="notice" role="status">
          已保存为第 {s.saved.version} 版（基于第 {s.saved.from} 版），已重新审核。
        </div>
      ) : null}
      {s.error ? (
        // Focus goes to the first bad field when there is one, else to the message itself (a conflict).
        <div tabindex={-1} autofocus={!s.fieldErrors || Object.keys(s.fieldErrors).length === 0} class="focus-target">
          <ErrorBox title={s.error.title} detail={s.error.detail} href={s.error.href} hrefText={s.error.hrefText} />
        </div>
      ) : null}
    </>
  );
}

function Input(props: { id: string; name: string; value: string; label: string; err?: string | undefined; num?: boolean; size?: number; autofocus?: boolean; hiddenLabel?: boolean }) {
  return (
    <>
      <label for={props.id} class={props.hiddenLabel === false ? undefined : 'visually-hidden'}>
        {props.label}
      </label>
      <input
        id={props.id}
        name={props.name}
        value={props.value}
        class={props.num ? 'num' : undefined}
        inputmode={props.num ? 'decimal' : undefined}
        size={props.size}
        autofocus={props.autofocus}
        aria-invalid={props.err ? 'true' : undefined}
        aria-describedby={props.err ? `${props.id}-err` : undefined}
      />
      {props.err ? (
        <span id={`${props.id}-err`} class="field-error">
          {props.err}
        </span>
      ) : null}
    </>
  );
}

/** htmx attributes of an add/remove button: post the draft, swap only this section. */
const draftOp = (action: string, section: string, op: string) => ({
  'hx-post': action,
  'hx-vals': JSON.stringify({ op }),
  'hx-target': `#${section}`,
  'hx-select': `#${section}`,
  'hx-swap': 'outerHTML',
});

/** The findings of one project form, linked to where they point. */
function FormFindings(props: { budgetId: string; form: ProjectForm; findings: Finding[]; ctx: HrefContext }) {
  const own = props.findings.filter((f) => f.location.form === props.form.id);
  return (
    <section aria-labelledby="form-findings-h">
      <h2 id="form-findings-h">本项目的审核发现（{own.length}）</h2>
      {own.length ? (
        <ul class="findings" id="form-findings">
          {own.map((f) => (
            <FindingItem budgetId={props.budgetId} f={f} ctx={props.ctx} />
          ))}
        </ul>
      ) : (
        <p id="form-findings">本项目没有审核发现。</p>
      )}
    </section>
  );
}

/** "项目总金额 … ；<sumName> … ，相差 …": a plan's or the cost lines' sum against the project total. */
function SumLine(props: { doc: BudgetDocument; total: number | null; sumName: string; sumId: string; sum: number; decimals: number; empty: boolean }) {
  const { doc, total, sum, decimals } = props;
  const u = doc.displayUnit;
  return (
    <p class="muted">
      项目总金额 {fmt(total, doc)} {u}；{props.sumName} <span id={props.sumId}>{fmt(sum, doc, decimals)}</span> {u}
      {total !== null && !props.empty && sum !== total ? `，相差 ${fmt(sum - total, doc, decimals)} ${u}` : ''}
    </p>
  );
}

/**
 * An editor's frame: its section, heading, optional sum line and notices, and the form that saves
 * it as a new version on `version` (htmx swaps the whole editor); `rows` is the number of drafted rows.
 */
function EditorFrame(props: {
  anchor: string;
  title: string;
  action: string;
  version: number;
  state?: PlanState | undefined;
  section: EditSection;
  formClass: 'plan' | 'rows';
  rows?: number;
  summary?: Child;
  children?: Child;
}) {
  const { anchor, action } = props;
  return (
    <section aria-labelledby={`${anchor}-h`} id={anchor}>
      <h2 id={`${anchor}-h`}>{props.title}</h2>
      {props.summary}
      <Notices state={props.state} section={props.section} />
      <form class={props.formClass} method="post" action={action} hx-post={action} hx-target="#project-editor" hx-swap="outerHTML">
        <input type="hidden" name="baseVersion" value={String(props.version)} />
        {props.rows !== undefined ? <input type="hidden" name="n" value={String(props.rows)} /> : null}
        {props.children}
      </form>
    </section>
  );
}

function PlanEditor(props: { budgetId: string; version: number; doc: BudgetDocument; form: ProjectForm; state?: PlanState | undefined }) {
  const { form, doc } = props;
  const state = props.state?.section === 'disbursement' || props.state?.section === undefined ? props.state : undefined;
  const fid = safeId(form.id);
  const total = form.amounts.total?.fen ?? null;
  const planDecimals = decimalsFor(form.disbursement.map((q) => q.amount));
  const sum = disbursementSum(form);
  const action = `/budgets/${props.budgetId}/projects/${encodeURIComponent(form.id)}/disbursement`;
  const anchor = formAnchor(form.id, 'disbursement');
  return (
    <EditorFrame
      anchor={anchor}
      title="资金支出进度"
      action={action}
      version={props.version}
      state={props.state}
      section="disbursement"
      formClass="plan"
      summary={<SumLine doc={doc} total={total} sumName="各季度合计" sumId="plan-sum" sum={sum} decimals={planDecimals} empty={form.disbursement.length === 0} />}
    >
      {[1, 2, 3, 4].map((q) => {
        const existing = form.disbursement.find((d) => d.quarter === q);
        const value = state?.values?.[q] ?? (existing ? formatAmount(existing.amount.fen, doc.displayUnit, planDecimals, false) : '');
        const err = fieldErr(state, `q${q}`);
        const id = `form-${fid}-q${q}`;
        return (
          <label for={id}>
            第{'一二三四'[q - 1]}季度（{doc.displayUnit}）
            <input
              id={id}
              name={`q${q}`}
              inputmode="decimal"
              value={value}
              autofocus={focused(state, `q${q}`)}
              aria-invalid={err ? 'true' : undefined}
              aria-describedby={err ? `${id}-err` : undefined}
            />
            {err ? (
              <span id={`${id}-err`} class="field-error">
                {err}
              </span>
            ) : null}
          </label>
        );
      })}
      <div class="actions">
        <button type="submit" id={`form-${fid}-plan-save`}>
          保存并重新审核
        </button>
        <span class="muted">保存后生成新版本；若他人已先保存，将提示冲突而不覆盖。</span>
      </div>
    </EditorFrame>
  );
}

function CostLinesEditor(props: { budgetId: string; version: number; doc: BudgetDocument; form: ProjectForm; state?: PlanState | undefined }) {
  const { form, doc } = props;
  const state = props.state?.section === 'costLines' ? props.state : undefined;
  const fid = safeId(form.id);
  const anchor = formAnchor(form.id, 'costLines');
  const action = `/budgets/${props.budgetId}/projects/${encodeURIComponent(form.id)}/cost-lines`;
  const drafts = state?.costLines ?? form.costLines.map((l, i) => costLineDraft(doc, l, i));
  const decimals = decimalsFor(form.costLines.map((l) => l.amount));
  const total = form.amounts.total?.fen ?? null;
  const sum = costLineSum(form);
  const u = doc.displayUnit;
  return (
    <EditorFrame
      anchor={anchor}
      title="测算明细"
      action={action}
      version={props.version}
      state={props.state}
      section="costLines"
      formClass="rows"
      rows={drafts.length}
      summary={<SumLine doc={doc} total={total} sumName="测算明细合计" sumId="cost-sum" sum={sum} decimals={decimals} empty={form.costLines.length === 0} />}
    >
      <table class="data edit">
        <thead>
          <tr>
            <th scope="col">行</th>
            <th scope="col">内容（原文）</th>
            <th scope="col">名称</th>
            <th scope="col" class="num">
              金额（{u}）
            </th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {drafts.map((d, i) => {
            const id = `form-${fid}-cl-${i}`;
            const orig = d.orig === '' ? undefined : form.costLines[Number(d.orig)];
            const calc = orig?.quantity && orig.unitPrice ? `${orig.quantity}${orig.quantityUnit ?? ''} × ${fmt(orig.unitPrice.fen, doc, decimalsFor([orig.unitPrice]))}` : '';
            return (
              <tr id={`form-${fid}-cost-${i}`}>
                <td class="num">{i + 1}</td>
                <td>
                  <input type="hidden" name={`cl-${i}-orig`} value={d.orig} />
                  <label for={`${id}-text`} class="visually-hidden">
                    测算明细第 {i + 1} 行 内容
                  </label>
                  <textarea id={`${id}-text`} name={`cl-${i}-text`} rows={2} autofocus={state?.focus === `cl-${i}-text`}>
                    {d.text}
                  </textarea>
                  {calc ? <div class="muted small">原文测算：{calc}</div> : null}
                </td>
                <td>
                  <Input id={`${id}-label`} name={`cl-${i}-label`} value={d.label} label={`测算明细第 ${i + 1} 行 名称`} size={14} />
                </td>
                <td class="num">
                  <Input
                    id={`${id}-amount`}
                    name={`cl-${i}-amount`}
                    value={d.amount}
                    label={`测算明细第 ${i + 1} 行 金额（${u}）`}
                    err={fieldErr(state, `cl-${i}-amount`)}
                    num
                    size={12}
                    autofocus={focused(state, `cl-${i}-amount`)}
                  />
                </td>
                <td>
                  <button type="button" class="secondary" {...draftOp(action, anchor, `remove-${i}`)} aria-label={`删除测算明细第 ${i + 1} 行`}>
                    删除
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div class="actions">
        <button type="button" class="secondary" id={`form-${fid}-cl-add`} autofocus={state?.focus === 'add'} {...draftOp(action, anchor, 'add')}>
          添加一行
        </button>
        <button type="submit" id={`form-${fid}-cl-save`}>
          保存测算明细并重新审核
        </button>
        <span class="muted">
          金额以{u}填写，最多 {costDecimalsMax(doc)} 位小数。
        </span>
      </div>
    </EditorFrame>
  );
}

function IndicatorsEditor(props: { budgetId: string; version: number; doc: BudgetDocument; form: ProjectForm; state?: PlanState | undefined }) {
  const { form } = props;
  const state = props.state?.section === 'indicators' ? props.state : undefined;
  const fid = safeId(form.id);
  const anchor = formAnchor(form.id, 'indicators');
  const action = `/budgets/${props.budgetId}/projects/${encodeURIComponent(form.id)}/indicators`;
  const drafts = state?.indicators ?? form.indicators.map((x, i) => indicatorDraft(x, i));
  const prefix = formIndicatorPrefix(form.id);
  const seen = new Set<string>();
  return (
    <EditorFrame anchor={anchor} title="绩效指标" action={action} version={props.version} state={props.state} section="indicators" formClass="rows" rows={drafts.length}>
      <table class="data edit">
        <thead>
          <tr>
            <th scope="col">一级指标</th>
            <th scope="col">二级指标</th>
            <th scope="col">三级指标（指标内容）</th>
            <th scope="col">比较符</th>
            <th scope="col">目标值</th>
            <th scope="col">单位</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {drafts.map((d, i) => {
            const id = `form-${fid}-ind-${i}`;
            const rowId = seen.has(d.name) ? undefined : indicatorAnchor(prefix, d.name);
            seen.add(d.name);
            const n = `第 ${i + 1} 项指标`;
            return (
              <tr id={rowId} class="indicator">
                <td>
                  <input type="hidden" name={`ind-${i}-orig`} value={d.orig} />
                  <Input id={`${id}-l1`} name={`ind-${i}-level1`} value={d.level1} label={`${n} 一级指标`} size={8} autofocus={state?.focus === `ind-${i}-level1`} />
                </td>
                <td>
                  <Input id={`${id}-l2`} name={`ind-${i}-level2`} value={d.level2} label={`${n} 二级指标`} size={10} />
                </td>
                <td>
                  <Input id={`${id}-name`} name={`ind-${i}-name`} value={d.name} label={`${n} 三级指标`} err={fieldErr(state, `ind-${i}-name`)} size={22} autofocus={focused(state, `ind-${i}-name`)} />
                </td>
                <td>
                  <label for={`${id}-cmp`} class="visually-hidden">
                    {n} 比较符
                  </label>
                  <select id={`${id}-cmp`} name={`ind-${i}-comparator`}>
                    <option value="" selected={d.comparator === ''}>
                      （无）
                    </option>
                    {COMPARATORS.map((c) => (
                      <option value={c} selected={d.comparator === c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <Input
                    id={`${id}-value`}
                    name={`ind-${i}-value`}
                    value={d.value}
                    label={`${n} 目标值`}
                    err={fieldErr(state, `ind-${i}-value`)}
                    size={8}
                    autofocus={focused(state, `ind-${i}-value`)}
                  />
                </td>
                <td>
                  <Input id={`${id}-unit`} name={`ind-${i}-unit`} value={d.unit} label={`${n} 单位`} size={4} />
                </td>
                <td>
                  <button type="button" class="secondary" {...draftOp(action, anchor, `remove-${i}`)} aria-label={`删除${n}`}>
                    删除
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div class="actions">
        <button type="button" class="secondary" id={`form-${fid}-ind-add`} autofocus={state?.focus === 'add'} {...draftOp(action, anchor, 'add')}>
          添加指标
        </button>
        <button type="submit" id={`form-${fid}-ind-save`}>
          保存绩效指标并重新审核
        </button>
        <span class="muted">目标值为数字时填写比较符和单位（如 ≤ 2 %）；定性目标（如“有效”）或“不适用”直接填在目标值中。</span>
      </div>
    </EditorFrame>
  );
}

/** The editable part of a project page: findings panel and the three editors. htmx swaps it whole after a save. */
export function ProjectEditor(props: { budgetId: string; version: number; doc: BudgetDocument; form: ProjectForm; findings: Finding[]; state?: PlanState | undefined; ctx: HrefContext }) {
  const p = { budgetId: props.budgetId, version: props.version, doc: props.doc, form: props.form, state: props.state };
  return (
    <div id="project-editor">
      <p>
        <span class="badge" id="current-version">
          当前版本：第 {props.version} 版
        </span>
      </p>
      <FormFindings budgetId={props.budgetId} form={props.form} findings={props.findings} ctx={props.ctx} />
      <PlanEditor {...p} />
      <CostLinesEditor {...p} />
      <IndicatorsEditor {...p} />
    </div>
  );
}

/**
 * The read-only parts of a project form: plan, cost lines and indicators as stored (an older
 * version; the public portal's published version, which passes no findings and its own `badge`).
 */
export function ProjectReadOnly(props: { doc: BudgetDocument; form: ProjectForm; version: number; findings?: { budgetId: string; list: Finding[]; ctx: HrefContext }; badge?: string }) {
  const { form, doc } = props;
  const f = props.findings;
  const costDecimals = decimalsFor(form.costLines.flatMap((l) => [l.amount, l.unitPrice ?? null]));
  const planDecimals = decimalsFor(form.disbursement.map((q) => q.amount));
  return (
    <div id="project-readonly">
      <p>
        <span class="badge" id="current-version">
          {props.badge ?? `第 ${props.version} 版（只读）`}
        </span>
      </p>
      {f ? <FormFindings budgetId={f.budgetId} form={form} findings={f.list} ctx={f.ctx} /> : null}
      <section id={formAnchor(form.id, 'disbursement')} aria-labelledby="plan-h">
        <h2 id="plan-h">资金支出进度</h2>
        <table class="data" style="max-width:40rem">
          <thead>
            <tr>
              {[1, 2, 3, 4].map((q) => (
                <th class="num">
                  第{'一二三四'[q - 1]}季度（{doc.displayUnit}）
                </th>
              ))}
              <th class="num">合计</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              {[1, 2, 3, 4].map((q) => {
                const d = form.disbursement.find((x) => x.quarter === q);
                return <td class="num">{d ? fmt(d.amount.fen, doc, planDecimals) : ''}</td>;
              })}
              <td class="num" id="plan-sum">
                {fmt(disbursementSum(form), doc, planDecimals)}
              </td>
            </tr>
          </tbody>
        </table>
      </section>
      <section id={formAnchor(form.id, 'costLines')} aria-labelledby="cl-h">
        <h2 id="cl-h">测算明细</h2>
        <table class="data">
          <thead>
            <tr>
              <th>序号</th>
              <th>内容</th>
              <th class="num">数量</th>
              <th class="num">单价（{doc.displayUnit}）</th>
              <th class="num">金额（{doc.displayUnit}）</th>
            </tr>
          </thead>
          <tbody>
            {form.costLines.map((l, i) => (
              <tr id={`form-${safeId(form.id)}-cost-${i}`}>
                <td class="num">{l.no ?? ''}</td>
                <td>{l.text}</td>
                <td class="num">{l.quantity ? `${l.quantity}${l.quantityUnit ?? ''}` : ''}</td>
                <td class="num">{l.unitPrice ? fmt(l.unitPrice.fen, doc, costDecimals) : ''}</td>
                <td class="num">{l.amount ? fmt(l.amount.fen, doc, costDecimals) : '—'}</td>
              </tr>
            ))}
            <tr class="total">
              <td colspan={4}>合计</td>
              <td class="num" id="cost-sum">
                {fmt(costLineSum(form), doc, costDecimals)}
              </td>
            </tr>
          </tbody>
        </table>
      </section>
      <section id={formAnchor(form.id, 'indicators')} aria-labelledby="ind-h">
        <h2 id="ind-h">绩效指标</h2>
        <IndicatorTable indicators={form.indicators} idPrefix={formIndicatorPrefix(form.id)} />
      </section>
    </div>
  );
}

/** A project form's heading: its name, what it belongs to, and its amounts as cards. */
export function ProjectHead(props: { doc: BudgetDocument; form: ProjectForm }) {
  const { doc, form } = props;
  const a = form.amounts;
  return (
    <>
      <h1 id={formAnchor(form.id, null)}>{form.name}</h1>
      <p class="sub">
        {form.parentProject ? `所属项目：${form.parentProject} · ` : ''}
        {form.attribute?.text ?? ''} {form.projectType?.text ?? ''}
        {form.period ? ` · ${form.period.start} 至 ${form.period.end}` : ''}
        {form.competentDepartment ? ` · 主管部门：${form.competentDepartment.text}` : ''}
        {form.src.line ? ` · 原文第 ${form.src.line} 行` : ''}
      </p>
      <section id={formAnchor(form.id, 'amounts')} aria-label="金额" class="cards">
        {(['total', 'currentYear', 'fiscal', 'other', 'transfer', 'purchasedServices'] as const)
          .map((k) => [FORM_AMOUNT_LABELS[k], a[k]] as const)
          .map(([label, m]) => (
            <div class="card">
              <div class="label">{label}</div>
              <div class="value">
                {fmt(m?.fen, doc)}
                <span class="unit">{doc.displayUnit}</span>
              </div>
            </div>
          ))}
      </section>
    </>
  );
}

/** A project form's 项目概况: overview, use and goals as printed. */
export function ProjectOverview(props: { form: ProjectForm }) {
  const { form } = props;
  return (
    <section id={formAnchor(form.id, 'overview')} aria-labelledby="ov-h">
      <h2 id="ov-h">项目概况</h2>
      <dl class="facts">
        {form.overview.map((o) => (
          <>
            <dt>{o.label}</dt>
            <dd>{o.text}</dd>
          </>
        ))}
        {form.use ? (
          <>
            <dt>项目用途</dt>
            <dd>{form.use.text}</dd>
          </>
        ) : null}
        {form.midTermGoal ? (
          <>
            <dt>项目中期目标</dt>
            <dd>{form.midTermGoal.text}</dd>
          </>
        ) : null}
        {form.annualGoal ? (
          <>
            <dt>项目年度目标</dt>
            <dd>{form.annualGoal.text}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

export function ProjectPage(props: {
  budget: BudgetDetail;
  doc: BudgetDocument;
  form: ProjectForm;
  findings: Finding[];
  state?: PlanState;
  view?: VersionView | undefined;
  ctx: HrefContext;
  version: number;
  overviewEdit?: DocEditState | undefined;
}) {
  const { budget, doc, form } = props;
  return (
    <Layout title={`${form.name} · ${budget.unitName}`} budget={navInfo(budget)} tab="projects" view={props.view}>
      <ProjectHead doc={doc} form={form} />
      {props.view ? (
        <ProjectReadOnly doc={doc} form={form} version={props.version} findings={{ budgetId: budget.id, list: props.findings, ctx: props.ctx }} />
      ) : (
        <ProjectEditor budgetId={budget.id} version={props.version} doc={doc} form={form} findings={props.findings} state={props.state} ctx={props.ctx} />
      )}
      {props.view ? (
        <ProjectOverview form={form} />
      ) : (
        <OverviewEditor budgetId={budget.id} version={props.version} form={form} state={props.overviewEdit} ctx={props.ctx}>
          <ProjectOverview form={form} />
        </OverviewEditor>
      )}
    </Layout>
  );
}
