/**
 * Table view models: a model Table → printed columns, merged headers and formatted rows, with the
 * anchors of its rows and what the importer could not place (unplaced amounts, unknown cells).
 *
 * Two layouts: the Shenzhen outline prints the Shenzhen label columns ("预算单位 / 科目编码 / 科目名称")
 * and its standard notes; any other document prints its rows under neutral label columns (code and
 * name as the national template calls them), its own titles and notes, and nothing it did not print.
 */
import {
  classifiedRole,
  codeHeader,
  printedHeader,
  COVERAGE_LABELS,
  LABEL_HEADERS,
  printedTitleNumber,
  tableNumberLabel,
  textKeyLabel,
} from '../../domain/catalogue/index.js';
import type { BudgetDocument, Money, Row, Table, TableRole } from '../../domain/model.js';
import { formatAmount, type DisplayUnit } from '../../domain/money.js';
import { headerGrid } from './header.js';
import type { BodyCell, BodyRow, Outline, TableView, UnplacedView, ViewColumn } from './types.js';

interface LabelColumn {
  header: string;
  kind: 'label' | 'code' | 'text';
  /** What the column shows for a row (the unit name of the table for `unit` rows, etc.). */
  value: (r: Row) => string;
  level?: boolean;
}

const H = LABEL_HEADERS;
const unitCol = (header: string): LabelColumn => ({ header, kind: 'label', value: (r) => (r.kind === 'unit' ? r.label : '') });
const codeCol = (header: string): LabelColumn => ({ header, kind: 'code', value: (r) => (r.kind === 'unit' ? '' : (r.code ?? '')) });
const nameCol = (header: string): LabelColumn => ({ header, kind: 'label', value: (r) => (r.kind === 'unit' ? '' : r.label), level: true });
const textCol = (header: string, key: string): LabelColumn => ({ header, kind: 'text', value: (r) => r.texts?.[key]?.text ?? '' });

/** The label columns each Shenzhen table prints before its model columns. */
const SHENZHEN_LAYOUT: Partial<Record<TableRole, LabelColumn[]>> = {
  'revenue-summary': [{ header: H.unit, kind: 'label', value: (r) => r.label, level: true }],
  'expenditure-summary': [{ header: H.unit, kind: 'label', value: (r) => r.label, level: true }],
  'basic-expenditure-economic': [{ header: H.category, kind: 'label', value: (r) => r.label, level: true }],
  'project-expenditure': [{ header: H.category, kind: 'label', value: (r) => r.label, level: true }],
  'general-budget-function': [unitCol(H.unit), codeCol(H.code), nameCol(H.subject)],
  'gov-fund-function': [unitCol(H.unit), codeCol(H.code), nameCol(H.subject)],
  'state-capital-function': [unitCol(H.unit), codeCol(H.code), nameCol(H.subject)],
  'transfer-payments': [unitCol(H.unit), codeCol(H.code), nameCol(H.subject), textCol(H.project, 'project')],
  procurement: [unitCol(H.procurementUnit), codeCol(H.procurementCode), nameCol(H.procurementItem)],
  'three-public': [
    { header: H.unit, kind: 'label', value: (r) => r.unit ?? r.label },
    textCol(H.year, 'year'),
  ],
  'performance-projects': [
    { header: H.unit, kind: 'label', value: (r) => (r.kind === 'unit' ? r.label : (r.unit ?? '')) },
    { header: H.project, kind: 'label', value: (r) => (r.kind === 'unit' ? '' : r.label) },
  ],
};

/** A code the row prints beside its label (not one fiscus resolved from the name). */
function printedCode(r: Row): boolean {
  return !!r.code && r.codeResolved !== 'by-name' && r.codeResolved !== 'by-position' && r.codeSystem !== 'revenue' && r.codeSystem !== 'project' && !r.label.replace(/\s+/g, '').startsWith(r.code);
}

/**
 * The label columns of a table outside the Shenzhen outline: its unit column when rows name their
 * unit, its code column when rows print codes, then the row label (科目名称 for classified rows).
 */
function documentLayout(t: Table): LabelColumn[] {
  const cols: LabelColumn[] = [];
  if (t.rows.some((r) => r.unit && r.unit !== r.label)) cols.push({ header: H.unitName, kind: 'label', value: (r) => r.unit ?? '' });
  const codes = t.rows.some(printedCode);
  if (codes) cols.push({ header: codeHeader(t.role), kind: 'code', value: (r) => (printedCode(r) ? r.code! : '') });
  const subject = codes && (classifiedRole(t.role) || t.rows.some((r) => r.codeSystem === 'function' || r.codeSystem === 'econ'));
  cols.push({ header: subject ? H.subject : t.role === 'procurement' && codes ? H.procurementItem : H.item, kind: 'label', value: (r) => r.label, level: true });
  return cols;
}

/** Portrait A4 holds about seven columns legibly; wider tables go on landscape pages. */
const PORTRAIT_MAX_COLUMNS = 7;

/** Formats a Money cell as printed: its own decimals (2 by default), empty when null. */
export function amountText(fen: number | null | undefined, unit: DisplayUnit, decimals: number | undefined): string {
  return fen == null ? '' : formatAmount(fen, unit, decimals ?? 2);
}

function isTwoSided(t: Table): boolean {
  return t.role === 'income-expenditure-summary' || t.role === 'appropriation-summary' || t.sides !== undefined || t.rows.some((r) => r.side !== undefined);
}

/** What an empty Shenzhen table reports the unit does not have (the note printed under it). */
const EMPTY_SUBJECT: Partial<Record<Table['role'], string>> = {
  'gov-fund-function': '政府性基金预算支出',
  'state-capital-function': '国有资本经营预算支出',
  'transfer-payments': '上级专项转移支付支出',
  'three-public': '一般公共预算“三公”经费支出',
  procurement: '政府采购预算',
};

/**
 * The note of a Shenzhen table with no data (domain.md §5: still published, with a note saying
 * why): the table's own printed note, else the format's standard wording for its role and year.
 */
export function emptyTableNote(t: Table, year: number | null): string | null {
  if (t.note) return t.note.text;
  const subject = EMPTY_SUBJECT[t.role];
  return subject ? `注：本单位${year ? `${year}年` : ''}无${subject}，本表无数据。` : '注：本表无数据。';
}

/** The stable id of a table: its own `id`, else `t${index + 1}` (documents stored before ids existed). */
export function tableIdOf(doc: Pick<BudgetDocument, 'tables'>, t: Table): string {
  return t.id ?? `t${doc.tables.indexOf(t) + 1}`;
}

/** The table of a document with an id (`t3`), also for documents stored before tables had ids. */
export function tableById(doc: Pick<BudgetDocument, 'tables'>, id: string): Table | undefined {
  return doc.tables.find((t, i) => (t.id ?? `t${i + 1}`) === id);
}

/**
 * The number fiscus prints above a table's title: "表 7" in the Shenzhen outline, and for a
 * numbered table whose title does not print its number itself; else null (the title carries it,
 * or the document does not number the table).
 */
export function numberLabelOf(t: Pick<Table, 'no' | 'title'>, outline: Outline): string | null {
  if (t.no === null) return null;
  return outline === 'shenzhen' || printedTitleNumber(t.title.text) === null ? tableNumberLabel(t.no) : null;
}

export interface TableViewOptions {
  /** Which layout to follow (default: the document's own). */
  outline?: Outline;
  /** The table's id in its document (default: its own `id`, else "t?"). */
  id?: string;
}

/**
 * Builds the printed view of one table. `year` words the note of an empty Shenzhen table; the
 * outline chooses the label columns, the number above the title and the notes fiscus adds.
 */
export function tableView(t: Table, year: number | null = null, opts: TableViewOptions = {}): TableView {
  const outline = opts.outline ?? 'document';
  const body = isTwoSided(t) ? twoSided(t, outline) : oneSided(t, outline);
  const empty = t.rows.every((r) => Object.values(r.amounts).every((m) => m == null || m.fen === 0) && (r.unplaced ?? []).length === 0);
  const numberLabel = numberLabelOf(t, outline);
  const unplacedCount = t.rows.reduce((s, r) => s + (r.unplaced?.length ?? 0), 0);
  const id = opts.id ?? t.id ?? 't?';
  return {
    id,
    no: t.no,
    numberLabel,
    anchor: outline === 'shenzhen' && t.no !== null ? `table-${t.no}` : `table-${id}`,
    role: t.role,
    title: t.title.text,
    unitName: t.unitName?.text ?? '',
    displayUnit: t.displayUnit,
    landscape: body.columns.length > PORTRAIT_MAX_COLUMNS,
    columns: body.columns,
    header: headerGrid(body.columns.map((c) => c.header)),
    body: body.rows,
    empty,
    // Outside the Shenzhen outline fiscus adds no wording of its own: the document's note or none.
    note: empty && outline === 'shenzhen' ? emptyTableNote(t, year) : (t.note?.text ?? null),
    unplacedCount,
    unknownCells: body.rows.reduce((s, r) => s + r.cells.filter((c) => c.unknown).length, 0),
  };
}

/** The view of a table of `doc`, with the document's outline, id and year. */
export function tableViewOf(doc: BudgetDocument, t: Table, outline: Outline): TableView {
  return tableView(t, doc.year, { outline, id: tableIdOf(doc, t) });
}

function unplacedOf(t: Table, r: Row): UnplacedView[] {
  const u = r.unplaced ?? [];
  if (u.length === 0) return [];
  return [{ rowId: r.id, label: r.label, amounts: u.map((m) => amountText(m.fen, t.displayUnit, m.decimals)), note: COVERAGE_LABELS.unplacedRow(u.length) }];
}

function oneSided(t: Table, outline: Outline): { columns: ViewColumn[]; rows: BodyRow[] } {
  const modelHeaders = new Set(t.columns.map((c) => c.header.join('/')));
  const layout = outline === 'shenzhen' ? (SHENZHEN_LAYOUT[t.role] ?? [{ header: H.item, kind: 'label' as const, value: (r: Row) => r.label, level: true }]) : documentLayout(t);
  const labels = layout.filter((l) => !modelHeaders.has(l.header));
  const declared = new Set(t.columns.map((c) => c.key));
  const labelTextKeys = new Set(labels.filter((l) => l.kind === 'text').map((l) => l.header));
  const extraText = [...new Set(t.rows.flatMap((r) => Object.keys(r.texts ?? {})))].filter((k) => !declared.has(k) && !labelTextKeys.has(textKeyLabel(k)));
  const columns: ViewColumn[] = [
    ...labels.map((l, i) => ({ key: `_label${i}`, header: [l.header], kind: l.kind })),
    ...t.columns.map((c) => ({ key: c.key, header: printedHeader(c), kind: c.kind === 'amount' ? ('amount' as const) : ('text' as const) })),
    ...extraText.map((k) => ({ key: k, header: [textKeyLabel(k)], kind: 'text' as const })),
  ];
  const firstLabel = labels.findIndex((l) => l.kind === 'label');
  const rows = t.rows.map((r): BodyRow => {
    const unknown = (r.unplaced ?? []).length > 0;
    const cells: BodyCell[] = [
      ...labels.map((l, i): BodyCell => ({ text: l.value(r), kind: l.kind, ...(l.level ? { level: r.level } : {}), ...(i === (firstLabel < 0 ? 0 : firstLabel) ? { anchor: r.id } : {}) })),
      ...t.columns.map((c): BodyCell => (c.kind === 'amount' ? amountCell(t, r, c.key, unknown) : textCell(r, c.key))),
      ...extraText.map((k) => textCell(r, k)),
    ];
    return { kind: r.kind, cells, rowIds: [r.id], unplaced: unplacedOf(t, r) };
  });
  return { columns, rows };
}

function amountCell(t: Table, r: Row, key: string, unknownIfEmpty: boolean): BodyCell {
  const m: Money | null | undefined = r.amounts[key];
  return {
    text: amountText(m?.fen, t.displayUnit, m?.decimals),
    kind: 'amount',
    fen: m?.fen ?? null,
    decimals: m?.decimals ?? 2,
    ref: { rowId: r.id, key },
    // A cell the row holds as empty (null) may hold an unplaced amount; a column the row has no
    // cell in (another panel of the table) cannot.
    ...(m === null && unknownIfEmpty ? { unknown: true } : {}),
    ...(m?.inferred ? { inferred: true } : {}),
  };
}

function textCell(r: Row, key: string): BodyCell {
  return { text: r.texts?.[key]?.text ?? '', kind: 'text', ref: { rowId: r.id, key } };
}

/** The header path of a two-sided column without the side group it sits under. */
function sideHeader(t: Table, key: string, outline: Outline): string[] {
  const col = t.columns.find((c) => c.key === key);
  const h = col ? printedHeader(col) : [];
  if (h.length === 1 && h[0] === '') return h;
  if (outline === 'shenzhen') return [h[h.length - 1] ?? '预算数'];
  const rest = h.filter((x, i) => !(i === 0 && (x === H.revenue || x === H.expenditure)));
  return rest.length > 0 ? rest : ['预算数'];
}

/**
 * Two-sided summary tables (收支总表, 财政拨款收支总表): revenue and expenditure lines side by side.
 * Each side keeps its own order: its item lines pair up in order, then the lines from its first
 * 合计 / 结转 / 总计 line on pair up in order, the 总计 lines always on one line. Each side prints
 * every amount column its rows use (the side's key of `sides` at least).
 */
function twoSided(t: Table, outline: Outline): { columns: ViewColumn[]; rows: BodyRow[] } {
  const sideOf = (r: Row): 'revenue' | 'expenditure' => r.side ?? 'revenue';
  const keysOf = (s: 'revenue' | 'expenditure'): string[] => {
    const own = t.sides?.[s] ?? 'amount';
    if (outline === 'shenzhen') return [own];
    const used = new Set(t.rows.filter((r) => sideOf(r) === s).flatMap((r) => Object.keys(r.amounts)));
    const keys = t.columns.filter((c) => c.kind === 'amount' && (c.key === own || used.has(c.key))).map((c) => c.key);
    return keys.length > 0 ? keys : [own];
  };
  const revKeys = keysOf('revenue');
  const expKeys = keysOf('expenditure');
  const columns: ViewColumn[] = [
    { key: '_revLabel', header: [H.revenue, H.item], kind: 'label' },
    ...revKeys.map((k) => ({ key: `rev:${k}`, header: [H.revenue, ...sideHeader(t, k, outline)], kind: 'amount' as const })),
    { key: '_expLabel', header: [H.expenditure, H.item], kind: 'label' },
    ...expKeys.map((k) => ({ key: `exp:${k}`, header: [H.expenditure, ...sideHeader(t, k, outline)], kind: 'amount' as const })),
  ];
  const half = (r: Row | undefined, keys: string[]): BodyCell[] => {
    if (!r) return [{ text: '', kind: 'label' }, ...keys.map((): BodyCell => ({ text: '', kind: 'amount', fen: null }))];
    const unknown = (r.unplaced ?? []).length > 0;
    return [{ text: r.label, kind: 'label', level: r.level, anchor: r.id }, ...keys.map((k) => amountCell(t, r, k, unknown))];
  };
  const rows: BodyRow[] = [];
  const pair = (rev: Row[], exp: Row[]) => {
    for (let i = 0; i < Math.max(rev.length, exp.length); i++) {
      const a = rev[i];
      const b = exp[i];
      rows.push({
        kind: (a ?? b)!.kind,
        cells: [...half(a, revKeys), ...half(b, expKeys)],
        rowIds: [a, b].filter((x): x is Row => x !== undefined).map((x) => x.id),
        unplaced: [a, b].flatMap((x) => (x ? unplacedOf(t, x) : [])),
      });
    }
  };
  const split = (s: 'revenue' | 'expenditure') => {
    const all = t.rows.filter((r) => sideOf(r) === s);
    const tailAt = all.findIndex((r) => r.kind === 'subtotal' || r.kind === 'carry' || r.kind === 'total');
    return tailAt < 0 ? { items: all, tail: [] as Row[] } : { items: all.slice(0, tailAt), tail: all.slice(tailAt) };
  };
  const rev = split('revenue');
  const exp = split('expenditure');
  pair(rev.items, exp.items);
  // The tails: the shorter one is padded before its 总计 so that the two totals share a line.
  const pad = (tail: Row[], to: number): Array<Row | undefined> => {
    const at = tail.findIndex((r) => r.kind === 'total');
    if (at < 0 || tail.length >= to) return tail;
    return [...tail.slice(0, at), ...Array<undefined>(to - tail.length).fill(undefined), ...tail.slice(at)];
  };
  const n = Math.max(rev.tail.length, exp.tail.length);
  const rt = pad(rev.tail, n);
  const et = pad(exp.tail, n);
  for (let i = 0; i < Math.max(rt.length, et.length); i++) pair(rt[i] ? [rt[i]!] : [], et[i] ? [et[i]!] : []);
  return { columns, rows };
}
