/**
 * The table pages: one page per table of the document, addressed by the table's id
 * (`/budgets/:id/tables/t3`), listed in print order with the document's own titles. A table is
 * rendered from the reports' view model (src/reports/view/table.ts), the same one the HTML, PDF
 * and XLSX exports print, with an anchor on every row (`#t3-r12`) that findings link to, and with
 * what the import could not place made visible: unknown cells marked "?" and the note
 * "本行有 N 个金额未能确定所在列" on their row.
 */
import type { BudgetDetail } from '../app/workspace.js';
import { COVERAGE_LABELS } from '../domain/catalogue/index.js';
import type { BudgetDocument, Table } from '../domain/model.js';
import { outlineOf, tableIdOf, tableViewOf, type BodyCell, type TableView } from '../reports/view/index.js';
import { hasTargetsPage, tableLabel, tableNav, targetsLabel } from './table-nav.js';
import { ImportNotes, tableCoverageText } from './coverage.js';
import { findingTable, fmt, rowAnchor, TARGETS_INDICATOR_PREFIX, TARGETS_PAGE, targetsRowAnchor, type Finding, type HrefContext } from './figures.js';
import { Layout, type VersionView } from './layout.js';
import { FindingItem, IndicatorTable, navInfo } from './pages.js';
import type { SeverityCounts } from '../app/workspace.js';
import { TableCellsEditor, TargetAmountsEditor, type DocEditState } from './document-edit.js';

const NO_FLAGS: ReadonlySet<string> = new Set();

function cellClass(c: BodyCell): string {
  return [c.kind === 'amount' ? 'num' : c.kind === 'code' ? 'nowrap' : '', c.unknown ? 'unknown' : '', c.inferred ? 'inferred' : ''].filter(Boolean).join(' ');
}

/**
 * A table view as an HTML table, each model row anchored, flagged rows linking to their findings
 * (none flagged without `flagged`: the public portal's tables).
 */
export function TableGrid(props: { v: TableView; flagged?: Set<string>; findingsHref?: (rowId: string) => string }) {
  const { v } = props;
  const flags = props.flagged ?? NO_FLAGS;
  return (
    <table class="data fiscus-table" id={`grid-${v.id}`}>
      <thead>
        {v.header.map((hr) => (
          <tr>
            {hr.map((h) => (
              <th colspan={h.colspan > 1 ? h.colspan : undefined} rowspan={h.rowspan > 1 ? h.rowspan : undefined} scope="col">
                {h.text}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {v.body.map((r) => {
          const flagged = r.rowIds.some((id) => flags.has(id));
          return (
            <tr id={r.rowIds[0] ? rowAnchor(v.id, r.rowIds[0]) : undefined} class={[r.kind, flagged ? 'has-finding' : '', r.unplaced.length ? 'has-unplaced' : ''].filter(Boolean).join(' ')}>
              {r.cells.map((c) => {
                const anchored = c.anchor !== undefined;
                // The second model row of a two-sided line gets its anchor on its label cell.
                const id = anchored && c.anchor !== r.rowIds[0] ? rowAnchor(v.id, c.anchor!) : undefined;
                const u = anchored ? r.unplaced.find((x) => x.rowId === c.anchor) : undefined;
                const style = c.level && c.kind === 'label' ? `padding-left:${0.5 + c.level * 1.2}rem` : undefined;
                return (
                  <td id={id} class={cellClass(c) || undefined} style={style} title={c.unknown ? COVERAGE_LABELS.unknownCell : c.inferred ? COVERAGE_LABELS.inferredCell : undefined}>
                    {c.unknown ? <span aria-label={COVERAGE_LABELS.unknownCell}>?</span> : c.text}
                    {anchored && props.findingsHref && flags.has(c.anchor!) ? (
                      <>
                        {' '}
                        <a href={props.findingsHref(c.anchor!)} title="本行有审核发现" aria-label="本行有审核发现">
                          ⚠
                        </a>
                      </>
                    ) : null}
                    {u ? (
                      <div class="unplaced-note">
                        {u.note}：{u.amounts.join('、')}
                      </div>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The department-wide target form (Shenzhen table 14) as a page: tasks and indicators, anchored. */
export function TargetsView(props: { doc: BudgetDocument }) {
  const d = props.doc.departmentTargets;
  if (!d) return <p>文档中没有部门整体支出绩效目标表。</p>;
  return (
    <>
      <dl class="facts">
        <dt>单位</dt>
        <dd>{d.unitName.text}</dd>
        {d.competentDepartment ? (
          <>
            <dt>主管部门</dt>
            <dd>{d.competentDepartment.text}</dd>
          </>
        ) : null}
        <dt>年度总体目标</dt>
        <dd>{d.overallGoal.text}</dd>
      </dl>
      <table class="data">
        <caption>年度主要任务</caption>
        <thead>
          <tr>
            <th>任务名称</th>
            <th>主要内容</th>
            <th class="num">总金额</th>
            <th class="num">财政拨款</th>
            <th class="num">其他资金</th>
          </tr>
        </thead>
        <tbody>
          {d.tasks.map((t, i) => (
            <tr id={targetsRowAnchor(`task-${i}`)}>
              <td>{t.name}</td>
              <td>{t.content}</td>
              <td class="num">{fmt(t.total?.fen, props.doc)}</td>
              <td class="num">{fmt(t.fiscal?.fen, props.doc)}</td>
              <td class="num">{fmt(t.other?.fen, props.doc)}</td>
            </tr>
          ))}
          {d.total ? (
            <tr class="total" id={targetsRowAnchor('total')}>
              <td colspan={2}>金额合计</td>
              <td class="num">{fmt(d.total.total?.fen, props.doc)}</td>
              <td class="num">{fmt(d.total.fiscal?.fen, props.doc)}</td>
              <td class="num">{fmt(d.total.other?.fen, props.doc)}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <IndicatorTable indicators={d.indicators} idPrefix={TARGETS_INDICATOR_PREFIX} />
    </>
  );
}

/** Page props shared by the pages that can show an older version. */
interface Viewed {
  view?: VersionView | undefined;
  ctx: HrefContext;
  counts: SeverityCounts;
  version: number;
}

/** The findings of a document that point into one table page (by id, or the department-wide form). */
export function findingsOnPage(findings: Finding[], doc: BudgetDocument, pageId: string): Finding[] {
  return findings.filter((f) => {
    const p = findingTable(f.location, doc);
    return p !== null && (p.page === 'targets' ? pageId === TARGETS_PAGE : p.id === pageId);
  });
}

/** A table page (or the department-wide form's page when `pageId` is {@link TARGETS_PAGE}). */
export function TablesPage(props: { budget: BudgetDetail; doc: BudgetDocument; pageId: string | null; findings: Finding[]; edit?: DocEditState | undefined; editOpen?: boolean } & Viewed) {
  const { budget, doc } = props;
  const vq = props.view ? `?v=${props.view.v}` : '';
  const nav = tableNav(doc);
  const outline = outlineOf(doc);
  const table: Table | undefined = props.pageId && props.pageId !== TARGETS_PAGE ? doc.tables.find((t) => tableIdOf(doc, t) === props.pageId) : undefined;
  const v = table ? tableViewOf(doc, table, outline) : null;
  const targets = props.pageId === TARGETS_PAGE && hasTargetsPage(doc);
  const here = props.pageId ? findingsOnPage(props.findings, doc, props.pageId) : [];
  const flagged = new Set(here.filter((f) => f.location.row).map((f) => f.location.row!));
  const title = v ? tableLabel(v) : targets ? targetsLabel(doc) : '公开表格';
  const coverage = v ? doc.coverage?.tables.find((c) => c.id === v.id) : undefined;
  const notes = v ? doc.importNotes.filter((n) => n.table === v.id) : [];
  const findingsHref = (rowId: string) => `/budgets/${budget.id}/findings?table=${encodeURIComponent(props.pageId ?? '')}&row=${encodeURIComponent(rowId)}${props.view ? `&v=${props.view.v}` : ''}`;
  return (
    <Layout title={`${title} · ${budget.unitName}`} budget={navInfo(budget)} tab="tables" view={props.view}>
      <nav aria-label="表格目录">
        <ul class="table-nav">
          {nav.map((t) => (
            <li>
              <a href={`/budgets/${budget.id}/tables/${t.id}${vq}`} aria-current={t.id === props.pageId ? 'page' : undefined}>
                {t.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h1 id={props.pageId ?? undefined}>{title}</h1>
      <div id="table-main">
        {v && table ? (
          <>
            <p class="sub">
              {v.unitName ? `单位名称：${v.unitName} · ` : ''}单位：{v.displayUnit}
              {table.src.line ? ` · 原文第 ${table.src.line} 行` : ''}
              {table.src.page ? `（第 ${table.src.page} 页）` : ''}
            </p>
            {coverage ? (
              <p class="muted" id="table-coverage">
                {tableCoverageText(coverage)}
              </p>
            ) : null}
            {v.unplacedCount ? (
              <p class="notice-warn" id="table-unplaced">
                本表有 {v.unplacedCount} 个金额未能确定所在列；标“?”的 {v.unknownCells} 个单元格可能是其中之一（未知，不作空白处理），相关检查未对这些单元格下结论。
              </p>
            ) : null}
            {v.body.length === 0 ? <p>本表没有读取到数据行。</p> : <TableGrid v={v} flagged={flagged} findingsHref={findingsHref} />}
            {v.note ? <p class="muted">{v.note}</p> : null}
            <p>
              <a href={`/api/v1/budgets/${budget.id}/export.csv?table=${encodeURIComponent(v.id)}&version=${props.version}`} id="table-csv" download>
                下载本表（CSV，按公开文本的列）
              </a>
            </p>
            {props.view ? null : <TableCellsEditor budgetId={budget.id} version={props.version} doc={doc} table={table} state={props.edit} ctx={props.ctx} open={props.editOpen ?? false} />}
            {notes.length ? (
              <section aria-labelledby="notes-h">
                <h2 id="notes-h">导入说明（{notes.length}）</h2>
                <ImportNotes budgetId={budget.id} doc={doc} notes={notes} vq={vq} id="table-notes" />
              </section>
            ) : null}
          </>
        ) : targets ? (
          <>
            <TargetsView doc={doc} />
            {props.view ? null : <TargetAmountsEditor budgetId={budget.id} version={props.version} doc={doc} pageId={TARGETS_PAGE} state={props.edit} ctx={props.ctx} open={props.editOpen ?? false} />}
          </>
        ) : props.pageId === null ? (
          <p>本文档没有表格。</p>
        ) : (
          <p>本文档没有表格 {props.pageId}。</p>
        )}
        {here.length ? (
          <section aria-labelledby="page-findings-h">
            <h2 id="page-findings-h">本表的审核发现（{here.length}）</h2>
            <ul class="findings" id="table-findings">
              {here.map((f) => (
                <FindingItem budgetId={budget.id} f={f} ctx={props.ctx} />
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </Layout>
  );
}
