/**
 * Editing in the web what is not a project form's plan, cost lines or indicators (issue 15 item 6):
 * a narrative section's text (说明), the amount cells of a table (in 元), the amounts of the
 * department-wide target form (table 14, in 元), a project form's 项目概况.
 * As the project editors: each form carries the version it was based on and is saved through a use
 * case of app/edit-document.ts (a stale base is refused with 409 and nothing written; a bad amount is
 * 422 naming the cell), the checks run again, and the page shows which findings the edit added and
 * which it removed. With htmx the page's part is swapped in place; without script the answer leads
 * back to the page at the edited part (303), whose notice says what was saved.
 */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Workspace } from '../app/workspace.js';
import { amountColumnsOf, cellText, sectionKey, sectionText, TARGET_COLUMNS, type TargetColumn } from '../app/edit-document.js';
import { headerText } from '../domain/catalogue/index.js';
import { TARGET_TASK_AMOUNT_LABELS } from '../domain/catalogue/labels.js';
import type { BudgetDocument, Money, ProjectForm, Table } from '../domain/model.js';
import { tableIdOf } from '../reports/view/index.js';
import type { Finding, HrefContext } from './figures.js';
import { ErrorBox, FindingItem } from './pages.js';

/** What an edit form shows after a post: the typed values, the refusal, or what was saved and what it changed. */
export interface DocEditState {
  /** The form it belongs to: `section:2.1`, `cells`, `targets`, `overview`. */
  target: string;
  typed?: Record<string, string>;
  fieldErrors?: Record<string, string>;
  error?: { title: string; detail: string; href?: string; hrefText?: string };
  saved?: { version: number; from: number };
  change?: { added: Finding[]; removed: Finding[] };
}

/** What the routes need from the web app (as the project editors' EditDeps). */
export interface DocEditDeps {
  ws: Workspace;
  timed<T>(c: Context, p: Promise<T>): Promise<T>;
  version(id: string, v: number): Promise<{ doc: BudgetDocument; findings: Finding[] }>;
  author(c: Context): string;
}

/** The htmx attributes of an edit form: post, swap `main` (the part of the page that holds every form of its version), keep the crumb's state. */
const swapOf = (action: string, main: string) => ({
  'hx-post': action,
  'hx-target': `#${main}`,
  'hx-select': `#${main}`,
  'hx-select-oob': '#budget-crumb',
  'hx-swap': 'outerHTML show:#edit-notice:top',
});

/** The findings an edit added and removed. */
export function FindingsChange(props: { budgetId: string; change: { added: Finding[]; removed: Finding[] }; ctx: HrefContext }) {
  const { added, removed } = props.change;
  return (
    <div class="findings-change" id="findings-change">
      <p>{added.length || removed.length ? `审核发现的变化：新增 ${added.length} 条，消除 ${removed.length} 条。` : '审核发现没有变化。'}</p>
      {added.length ? (
        <>
          <h3>新增的审核发现</h3>
          <ul class="findings" id="findings-added">
            {added.map((f) => (
              <FindingItem budgetId={props.budgetId} f={f} ctx={props.ctx} />
            ))}
          </ul>
        </>
      ) : null}
      {removed.length ? (
        <>
          <h3>已消除的审核发现</h3>
          <ul class="findings" id="findings-removed">
            {removed.map((f) => (
              <FindingItem budgetId={props.budgetId} f={f} ctx={props.ctx} />
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** The notice of a form after a post: saved with the findings that changed, or the refusal. */
export function EditNotice(props: { budgetId: string; state: DocEditState | undefined; target: string; ctx: HrefContext }) {
  const s = props.state;
  if (!s || s.target !== props.target || (!s.saved && !s.error)) return null;
  return (
    <div id="edit-notice" tabindex={-1} class="focus-target" autofocus={!s.fieldErrors || Object.keys(s.fieldErrors).length === 0}>
      {s.saved ? (
        <div class="notice" role="status">
          已保存为第 {s.saved.version} 版（基于第 {s.saved.from} 版），已重新审核。
          {s.change ? <FindingsChange budgetId={props.budgetId} change={s.change} ctx={props.ctx} /> : null}
        </div>
      ) : null}
      {s.error ? <ErrorBox title={s.error.title} detail={s.error.detail} href={s.error.href} hrefText={s.error.hrefText} /> : null}
    </div>
  );
}

const SAVE_NOTE = '保存后生成新版本并重新审核；若他人已先保存，将提示冲突而不覆盖。';

/** The editor of one narrative section, under its text: closed until opened, open with its message after a refused post. */
export function SectionEditor(props: { budgetId: string; version: number; doc: BudgetDocument; part: number; section: number; state?: DocEditState | undefined; ctx: HrefContext }) {
  const key = sectionKey({ part: props.part, section: props.section });
  const target = `section:${key}`;
  const mine = props.state?.target === target ? props.state : undefined;
  const action = `/budgets/${props.budgetId}/narrative`;
  const id = `sec-${props.part}-${props.section}`;
  const text = mine?.typed?.['text'] ?? sectionText(props.doc, { part: props.part, section: props.section });
  const err = mine?.fieldErrors?.['text'];
  return (
    <div class="section-edit" id={id}>
      <details open={mine?.error !== undefined}>
        <summary>编辑本节</summary>
        <form method="post" action={action} {...swapOf(action, 'narrative-main')}>
          <input type="hidden" name="baseVersion" value={String(props.version)} />
          <input type="hidden" name="section" value={key} />
          <label for={`${id}-text`}>本节文字（每行一段；数字按原文格式书写，如 741.53万元）</label>
          <textarea
            id={`${id}-text`}
            name="text"
            rows={Math.min(16, Math.max(3, text.split('\n').length + 1))}
            aria-invalid={err ? 'true' : undefined}
            aria-describedby={err ? `${id}-err` : undefined}
          >
            {text}
          </textarea>
          {err ? (
            <span id={`${id}-err`} class="field-error">
              {err}
            </span>
          ) : null}
          <div class="actions">
            <button type="submit" id={`${id}-save`}>
              保存本节并重新审核
            </button>
            <span class="muted">{SAVE_NOTE}</span>
          </div>
        </form>
      </details>
      <EditNotice budgetId={props.budgetId} state={props.state} target={target} ctx={props.ctx} />
    </div>
  );
}

/** A row's classification code as printed beside its label (not the internal keys of revenue sources and projects). */
const printedCode = (r: Table['rows'][number]) => r.code && r.codeSystem !== 'revenue' && r.codeSystem !== 'project';

/** The input name of a cell: its row's and column's places in the table of the version edited. */
export const cellInput = (ri: number, ci: number) => `c-${ri}-${ci}`;

/** A table's amount cells as inputs in 元 (the table page, on the latest version, after 编辑本表金额). */
/** One amount typed in 元 in an editor's grid: its input, labelled for a screen reader, with the error the last save gave it. */
function AmountCell(props: { id: string; name: string; value: string; label: string; state: DocEditState | undefined }) {
  const { id, name, state } = props;
  const err = state?.fieldErrors?.[name];
  return (
    <td class="num">
      <input
        id={id}
        name={name}
        class="num"
        inputmode="decimal"
        size={14}
        value={props.value}
        aria-label={props.label}
        aria-invalid={err ? 'true' : undefined}
        aria-describedby={err ? `${id}-err` : undefined}
        autofocus={state?.fieldErrors !== undefined && Object.keys(state.fieldErrors)[0] === name}
      />
      {err ? (
        <span id={`${id}-err`} class="field-error">
          {err}
        </span>
      ) : null}
    </td>
  );
}

export function TableCellsEditor(props: { budgetId: string; version: number; doc: BudgetDocument; table: Table; state?: DocEditState | undefined; ctx: HrefContext; open: boolean }) {
  const { table } = props;
  const tid = tableIdOf(props.doc, table);
  const mine = props.state?.target === 'cells' ? props.state : undefined;
  const amountCols = table.columns.map((c, ci) => ({ c, ci })).filter((x) => x.c.kind === 'amount');
  if (amountCols.length === 0 || table.rows.length === 0) return null;
  if (!props.open && !mine)
    return (
      <p id="table-edit">
        <a href={`/budgets/${props.budgetId}/tables/${tid}?edit=cells#table-edit`} id="table-edit-open">
          编辑本表金额
        </a>
      </p>
    );
  const action = `/budgets/${props.budgetId}/tables/${tid}`;
  return (
    <section id="table-edit" aria-labelledby="table-edit-h">
      <h2 id="table-edit-h">编辑本表金额</h2>
      <p class="muted">金额以元填写，至多两位小数（如 1234.50 或 1,234.50）；留空为空白单元格。{SAVE_NOTE}</p>
      <EditNotice budgetId={props.budgetId} state={props.state} target="cells" ctx={props.ctx} />
      <form method="post" action={action} {...swapOf(action, 'table-main')}>
        <input type="hidden" name="baseVersion" value={String(props.version)} />
        <div class="table-scroll">
          <table class="data edit" id="cells-edit">
            <thead>
              <tr>
                <th scope="col">行</th>
                <th scope="col">项目</th>
                {amountCols.map((x) => (
                  <th scope="col" class="num">
                    {headerText(x.c)}（元）
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r, ri) => {
                const own = new Set(amountColumnsOf(table, r).map((c) => c.key));
                return (
                  <tr>
                    <td class="num">{ri + 1}</td>
                    <th scope="row" class="label" style={r.level ? `padding-left:${0.5 + r.level * 1.2}rem` : undefined}>
                      {r.side ? <span class="muted">{r.side === 'revenue' ? '收入：' : '支出：'}</span> : null}
                      {printedCode(r) ? `${r.code} ` : ''}
                      {r.label}
                    </th>
                    {amountCols.map((x) => {
                      if (!own.has(x.c.key)) return <td></td>;
                      const name = cellInput(ri, x.ci);
                      const id = `cell-${ri}-${x.ci}`;
                      return (
                        <AmountCell
                          id={id}
                          name={name}
                          value={mine?.typed?.[name] ?? cellText(r.amounts[x.c.key])}
                          label={`第 ${ri + 1} 行“${r.label}”·“${headerText(x.c, '/')}”（元）`}
                          state={mine}
                        />
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div class="actions">
          <button type="submit" id="cells-save">
            保存金额并重新审核
          </button>
          <a href={`/budgets/${props.budgetId}/tables/${tid}`}>取消</a>
        </div>
      </form>
    </section>
  );
}

/** The input name of an amount of the department-wide form: its task's index (or `total`) and its column. */
export const targetInput = (row: number | 'total', column: TargetColumn) => `dt-${row}-${column}`;

/**
 * The department-wide target form's amounts (table 14: each task's 总额 / 财政拨款 / 其他资金 and the 合计
 * line) as inputs in 元, on its page, on the latest version, after 编辑本表金额 — as a table's cells.
 */
export function TargetAmountsEditor(props: { budgetId: string; version: number; doc: BudgetDocument; pageId: string; state?: DocEditState | undefined; ctx: HrefContext; open: boolean }) {
  const d = props.doc.departmentTargets;
  const mine = props.state?.target === 'targets' ? props.state : undefined;
  if (!d || (d.tasks.length === 0 && !d.total)) return null;
  const page = `/budgets/${props.budgetId}/tables/${props.pageId}`;
  if (!props.open && !mine)
    return (
      <p id="targets-edit">
        <a href={`${page}?edit=targets#targets-edit`} id="targets-edit-open">
          编辑本表金额
        </a>
      </p>
    );
  const lines: Array<{ row: number | 'total'; name: string; line: Record<TargetColumn, Money | null> }> = [
    ...d.tasks.map((t, i) => ({ row: i, name: t.name, line: t })),
    ...(d.total ? [{ row: 'total' as const, name: '合计', line: d.total }] : []),
  ];
  return (
    <section id="targets-edit" aria-labelledby="targets-edit-h">
      <h2 id="targets-edit-h">编辑本表金额</h2>
      <p class="muted">金额以元填写，至多两位小数（如 1234.50 或 1,234.50）；留空为空白。{SAVE_NOTE}</p>
      <EditNotice budgetId={props.budgetId} state={props.state} target="targets" ctx={props.ctx} />
      <form method="post" action={page} {...swapOf(page, 'table-main')}>
        <input type="hidden" name="baseVersion" value={String(props.version)} />
        <div class="table-scroll">
          <table class="data edit" id="targets-amounts-edit">
            <thead>
              <tr>
                <th scope="col">任务名称</th>
                {TARGET_COLUMNS.map((k) => (
                  <th scope="col" class="num">
                    {TARGET_TASK_AMOUNT_LABELS[k]}（元）
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr class={l.row === 'total' ? 'total' : undefined}>
                  <th scope="row" class="label">
                    {l.name}
                  </th>
                  {TARGET_COLUMNS.map((k) => {
                    const name = targetInput(l.row, k);
                    const id = `dt-cell-${l.row}-${k}`;
                    return (
                      <AmountCell
                        id={id}
                        name={name}
                        value={mine?.typed?.[name] ?? cellText(l.line[k])}
                        label={`${l.row === 'total' ? '合计' : `任务“${l.name}”`}·“${TARGET_TASK_AMOUNT_LABELS[k]}”（元）`}
                        state={mine}
                      />
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div class="actions">
          <button type="submit" id="targets-save">
            保存金额并重新审核
          </button>
          <a href={page}>取消</a>
        </div>
      </form>
    </section>
  );
}

/** A project form's 项目概况, with its texts editable on the latest version. */
export function OverviewEditor(props: { budgetId: string; version: number; form: ProjectForm; state?: DocEditState | undefined; ctx: HrefContext; children?: Child; oob?: boolean }) {
  const { form } = props;
  const mine = props.state?.target === 'overview' ? props.state : undefined;
  const action = `/budgets/${props.budgetId}/projects/${encodeURIComponent(form.id)}/overview`;
  return (
    <div id="project-overview" hx-swap-oob={props.oob ? 'true' : undefined}>
      {props.children}
      {form.overview.length ? (
        <details open={mine?.error !== undefined}>
          <summary>编辑项目概况</summary>
          <form method="post" action={action} {...swapOf(action, 'project-overview')} hx-select-oob="#budget-crumb,#project-editor">
            <input type="hidden" name="baseVersion" value={String(props.version)} />
            {form.overview.map((o, i) => (
              <p>
                <label for={`ov-${i}`}>{o.label}</label>
                <textarea id={`ov-${i}`} name={`ov-${i}`} rows={4} class="wide">
                  {mine?.typed?.[`ov-${i}`] ?? o.text}
                </textarea>
              </p>
            ))}
            <div class="actions">
              <button type="submit" id="overview-save">
                保存项目概况并重新审核
              </button>
              <span class="muted">{SAVE_NOTE}</span>
            </div>
          </form>
        </details>
      ) : null}
      <EditNotice budgetId={props.budgetId} state={props.state} target="overview" ctx={props.ctx} />
    </div>
  );
}
