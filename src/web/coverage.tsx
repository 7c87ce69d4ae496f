/**
 * What the import read, on the overview and on each table page: the tables recognised with their
 * rows, columns and amounts, the amounts printed and held, the amounts whose column could not be
 * determined, the unknown cells, the standard tables missing and the parts that could not be read.
 */
import { recogniserLabel, severityLabel } from '../domain/catalogue/index.js';
import type { BudgetDocument, CoverageTable, ImportNote } from '../domain/model.js';
import { rowAnchor } from './figures.js';
import { tableNav } from './table-nav.js';

const pct = (a: number, b: number) => (b === 0 ? '—' : `${(Math.floor((a / b) * 1000) / 10).toFixed(1)}%`);

/** The table id an import note names, when that table is in the document. */
function noteTable(doc: BudgetDocument, n: ImportNote): { id: string; title: string } | null {
  if (n.table == null) return null;
  const i = doc.tables.findIndex((t, k) => (t.id ?? `t${k + 1}`) === n.table);
  return i < 0 ? null : { id: n.table, title: doc.tables[i]!.title.text };
}

/** Where an import note is: its table (linked, at its row) and its source line and page. */
export function NotePlace(props: { budgetId: string; doc: BudgetDocument; n: ImportNote; vq: string }) {
  const { n } = props;
  const t = noteTable(props.doc, n);
  const at = [n.src.line !== null ? `第 ${n.src.line} 行` : null, n.src.page !== null ? `第 ${n.src.page} 页` : null].filter(Boolean).join('，');
  return (
    <>
      {t ? <a href={`/budgets/${props.budgetId}/tables/${t.id}${props.vq}#${n.row ? rowAnchor(t.id, n.row) : t.id}`}>{t.title}</a> : null}
      {t && at ? ' · ' : ''}
      {at}
    </>
  );
}

/** The list of import notes (errors first), each with its place. */
export function ImportNotes(props: { budgetId: string; doc: BudgetDocument; notes: ImportNote[]; vq: string; id?: string }) {
  if (props.notes.length === 0) return null;
  const order = { error: 0, warning: 1, info: 2 } as const;
  const notes = [...props.notes].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <ul class="findings" id={props.id}>
      {notes.map((n) => (
        <li>
          <span class={`sev sev-${n.severity}`}>{severityLabel(n.severity)}</span> <strong>{n.message}</strong>
          <div class="meta">
            {n.code ? `${n.code} · ` : ''}
            <NotePlace budgetId={props.budgetId} doc={props.doc} n={n} vq={props.vq} />
          </div>
        </li>
      ))}
    </ul>
  );
}

/** One table's line of the coverage: how much of it was read. */
export function tableCoverageText(c: CoverageTable): string {
  const parts = [`读取 ${c.rows} 行、${c.columns} 列、${c.amounts} 个金额`];
  if (c.unplaced) parts.push(`${c.unplaced} 个金额未能确定所在列，${c.unknownCells} 个单元格未知`);
  if (c.unreadRows) parts.push(`${c.unreadRows} 行未能读取`);
  if (c.unmappedColumns) parts.push(`${c.unmappedColumns} 列的列名不在词表中`);
  return parts.join('；');
}

/** The coverage section of the overview. */
export function CoverageSection(props: { budgetId: string; doc: BudgetDocument; vq: string }) {
  const { doc } = props;
  const c = doc.coverage;
  const unread = doc.importNotes.filter((n) => n.severity === 'error');
  // Tables are named as in the table list (the Shenzhen outline's "表N" before the title).
  const names = new Map(tableNav(doc).map((t) => [t.id, t.label]));
  return (
    <section aria-labelledby="coverage-h" id="coverage">
      <h2 id="coverage-h">识别情况</h2>
      {!c ? (
        <p class="muted">本版本导入时没有记录识别情况（较早导入的版本）。共 {doc.tables.length} 张表。</p>
      ) : (
        <>
          <p id="coverage-summary">
            原文金额 <strong>{c.printedAmounts}</strong> 个，已读取 <strong>{c.heldAmounts}</strong> 个（{pct(c.heldAmounts, c.printedAmounts)}；表格 {c.tableAmounts}、文字说明 {c.narrativeAmounts}
            、申报表 {c.formAmounts}）{' · '}未能确定所在列的金额 <strong class={c.unplacedAmounts ? 'count-warning' : ''}>{c.unplacedAmounts}</strong> 个，未知单元格 <strong>{c.unknownCells}</strong>{' '}
            个{' · '}未能读取的部分 <strong class={c.unreadParts ? 'count-error' : ''}>{c.unreadParts}</strong> 处
            <span class="muted">
              （识别方式 {recogniserLabel(c.recogniser)}，置信度 {Math.round(c.confidence * 100)}%）
            </span>
          </p>
          <details open={c.tables.length <= 16 ? true : undefined}>
            <summary>识别的表格（{c.tables.length} 张）</summary>
            <table class="data" id="coverage-tables">
              <thead>
                <tr>
                  <th>表格</th>
                  <th class="num">行</th>
                  <th class="num">列</th>
                  <th class="num">金额</th>
                  <th class="num">未定列金额</th>
                  <th class="num">未知单元格</th>
                  <th class="num">未读取行</th>
                  <th class="num">未识别列名</th>
                </tr>
              </thead>
              <tbody>
                {c.tables.map((t) => (
                  <tr class={t.unplaced || t.unreadRows ? 'has-finding' : ''}>
                    <td>
                      <a href={`/budgets/${props.budgetId}/tables/${t.id}${props.vq}`}>{names.get(t.id) ?? t.title}</a>
                    </td>
                    <td class="num">{t.rows}</td>
                    <td class="num">{t.columns}</td>
                    <td class="num">{t.amounts}</td>
                    <td class="num">{t.unplaced}</td>
                    <td class="num">{t.unknownCells}</td>
                    <td class="num">{t.unreadRows}</td>
                    <td class="num">{t.unmappedColumns}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          <p id="coverage-missing">缺少的标准表：{c.missingTables.length ? c.missingTables.join('、') : '无'}</p>
        </>
      )}
      <h3>未能读取的部分（{unread.length}）</h3>
      {unread.length ? <ImportNotes budgetId={props.budgetId} doc={doc} notes={unread} vq={props.vq} id="coverage-unread" /> : <p class="muted">无。</p>}
    </section>
  );
}
