/** Table view models: a model Table → printed columns, merged headers and formatted rows. */
import type { Row, Table, TableRole } from '../../domain/model.js';
import { formatAmount, type DisplayUnit } from '../../domain/money.js';
import { headerGrid } from './header.js';
import type { BodyCell, BodyRow, TableView, ViewColumn } from './types.js';

interface LabelColumn {
  header: string;
  kind: 'label' | 'code' | 'text';
  /** What the column shows for a row (the unit name of the table for `unit` rows, etc.). */
  value: (r: Row) => string;
  level?: boolean;
}

const unitCol = (header: string): LabelColumn => ({ header, kind: 'label', value: (r) => (r.kind === 'unit' ? r.label : '') });
const codeCol = (header: string): LabelColumn => ({ header, kind: 'code', value: (r) => (r.kind === 'unit' ? '' : (r.code ?? '')) });
const nameCol = (header: string): LabelColumn => ({ header, kind: 'label', value: (r) => (r.kind === 'unit' ? '' : r.label), level: true });
const textCol = (header: string, key: string): LabelColumn => ({ header, kind: 'text', value: (r) => r.texts?.[key]?.text ?? '' });

/** The label columns each table layout prints before its model columns (Shenzhen format). */
const LAYOUT: Partial<Record<TableRole, LabelColumn[]>> = {
  'revenue-summary': [{ header: '预算单位', kind: 'label', value: (r) => r.label, level: true }],
  'expenditure-summary': [{ header: '预算单位', kind: 'label', value: (r) => r.label, level: true }],
  'basic-expenditure-economic': [{ header: '支出项目类别', kind: 'label', value: (r) => r.label, level: true }],
  'project-expenditure': [{ header: '支出项目类别', kind: 'label', value: (r) => r.label, level: true }],
  'general-budget-function': [unitCol('预算单位'), codeCol('科目编码'), nameCol('科目名称')],
  'gov-fund-function': [unitCol('预算单位'), codeCol('科目编码'), nameCol('科目名称')],
  'state-capital-function': [unitCol('预算单位'), codeCol('科目编码'), nameCol('科目名称')],
  'transfer-payments': [unitCol('预算单位'), codeCol('科目编码'), nameCol('科目名称'), textCol('项目名称', 'project')],
  procurement: [unitCol('单位'), codeCol('编号'), nameCol('采购品目')],
  'three-public': [
    { header: '预算单位', kind: 'label', value: (r) => r.unit ?? r.label },
    textCol('年度', 'year'),
  ],
  'performance-projects': [
    { header: '预算单位', kind: 'label', value: (r) => (r.kind === 'unit' ? r.label : (r.unit ?? '')) },
    { header: '项目名称', kind: 'label', value: (r) => (r.kind === 'unit' ? '' : r.label) },
  ],
};

/** Headers of text keys that a table carries in `texts` without declaring a column. */
const TEXT_HEADERS: Record<string, string> = { period: '预算执行时间', project: '项目名称', year: '年度' };

/** Portrait A4 holds about seven columns legibly; wider tables go on landscape pages. */
const PORTRAIT_MAX_COLUMNS = 7;

/** Formats a Money cell as printed: its own decimals (2 by default), empty when null. */
export function amountText(fen: number | null | undefined, unit: DisplayUnit, decimals: number | undefined): string {
  return fen == null ? '' : formatAmount(fen, unit, decimals ?? 2);
}

function isTwoSided(t: Table): boolean {
  return t.role === 'income-expenditure-summary' || t.role === 'appropriation-summary' || t.sides !== undefined;
}

/** What an empty table of a role reports the unit does not have (the note printed under it). */
const EMPTY_SUBJECT: Partial<Record<Table['role'], string>> = {
  'gov-fund-function': '政府性基金预算支出',
  'state-capital-function': '国有资本经营预算支出',
  'transfer-payments': '上级专项转移支付支出',
  'three-public': '一般公共预算“三公”经费支出',
  procurement: '政府采购预算',
};

/**
 * The note of a table with no data (domain.md §5: still published, with a note saying why): the
 * table's own printed note, else the standard wording for its role and the budget year.
 */
export function emptyTableNote(t: Table, year: number | null): string | null {
  if (t.note) return t.note.text;
  const subject = EMPTY_SUBJECT[t.role];
  return subject ? `注：本单位${year ? `${year}年` : ''}无${subject}，本表无数据。` : '注：本表无数据。';
}

/** Builds the printed view of one table (`year` words the note of an empty table). */
export function tableView(t: Table, year: number | null = null): TableView {
  const body = isTwoSided(t) ? twoSided(t) : oneSided(t);
  const empty = t.rows.every((r) => Object.values(r.amounts).every((m) => m == null || m.fen === 0));
  return {
    no: t.no,
    role: t.role,
    title: t.title.text,
    unitName: t.unitName?.text ?? '',
    displayUnit: t.displayUnit,
    landscape: body.columns.length > PORTRAIT_MAX_COLUMNS,
    columns: body.columns,
    header: headerGrid(body.columns.map((c) => c.header)),
    body: body.rows,
    empty,
    note: empty ? emptyTableNote(t, year) : (t.note?.text ?? null),
  };
}

function oneSided(t: Table): { columns: ViewColumn[]; rows: BodyRow[] } {
  const modelHeaders = new Set(t.columns.map((c) => c.header.join('/')));
  const labels = (LAYOUT[t.role] ?? [{ header: '项目', kind: 'label' as const, value: (r: Row) => r.label, level: true }]).filter(
    (l) => !modelHeaders.has(l.header),
  );
  const declared = new Set(t.columns.map((c) => c.key));
  const labelTextKeys = new Set(labels.filter((l) => l.kind === 'text').map((l) => l.header));
  const extraText = [...new Set(t.rows.flatMap((r) => Object.keys(r.texts ?? {})))].filter(
    (k) => !declared.has(k) && !labelTextKeys.has(TEXT_HEADERS[k] ?? k),
  );
  const columns: ViewColumn[] = [
    ...labels.map((l, i) => ({ key: `_label${i}`, header: [l.header], kind: l.kind })),
    ...t.columns.map((c) => ({ key: c.key, header: c.header, kind: c.kind === 'amount' ? ('amount' as const) : ('text' as const) })),
    ...extraText.map((k) => ({ key: k, header: [TEXT_HEADERS[k] ?? k], kind: 'text' as const })),
  ];
  const rows = t.rows.map((r): BodyRow => {
    const cells: BodyCell[] = [
      ...labels.map((l): BodyCell => ({ text: l.value(r), kind: l.kind, ...(l.level ? { level: r.level } : {}) })),
      ...t.columns.map((c): BodyCell => (c.kind === 'amount' ? amountCell(t, r, c.key) : textCell(r, c.key))),
      ...extraText.map((k) => textCell(r, k)),
    ];
    return { kind: r.kind, cells };
  });
  return { columns, rows };
}

function amountCell(t: Table, r: Row, key: string): BodyCell {
  const m = r.amounts[key];
  return {
    text: amountText(m?.fen, t.displayUnit, m?.decimals),
    kind: 'amount',
    fen: m?.fen ?? null,
    decimals: m?.decimals ?? 2,
    ref: { rowId: r.id, key },
  };
}

function textCell(r: Row, key: string): BodyCell {
  return { text: r.texts?.[key]?.text ?? '', kind: 'text', ref: { rowId: r.id, key } };
}

/**
 * Two-sided summary tables (收支总表, 政府预算拨款收支总表): revenue and expenditure lines side by side,
 * items paired in order, then the 合计, 结转 and 总计 lines paired with their counterparts.
 */
function twoSided(t: Table): { columns: ViewColumn[]; rows: BodyRow[] } {
  const revKey = t.sides?.revenue ?? 'amount';
  const expKey = t.sides?.expenditure ?? 'amount';
  const amountHeader = (key: string) => {
    const h = t.columns.find((c) => c.key === key)?.header;
    return h?.[h.length - 1] ?? '预算数';
  };
  const columns: ViewColumn[] = [
    { key: '_revLabel', header: ['收入', '项目'], kind: 'label' },
    { key: `rev:${revKey}`, header: ['收入', amountHeader(revKey)], kind: 'amount' },
    { key: '_expLabel', header: ['支出', '项目'], kind: 'label' },
    { key: `exp:${expKey}`, header: ['支出', amountHeader(expKey)], kind: 'amount' },
  ];
  const side = (s: 'revenue' | 'expenditure', kinds: Row['kind'][]) =>
    t.rows.filter((r) => (r.side ?? 'revenue') === s && kinds.includes(r.kind));
  const itemKinds: Row['kind'][] = ['item', 'group', 'unit'];
  const rows: BodyRow[] = [];
  const pair = (rev: Row[], exp: Row[]) => {
    for (let i = 0; i < Math.max(rev.length, exp.length); i++) {
      const a = rev[i];
      const b = exp[i];
      const half = (r: Row | undefined, key: string): BodyCell[] =>
        r
          ? [{ text: r.label, kind: 'label', level: r.level }, amountCell(t, r, key)]
          : [{ text: '', kind: 'label' }, { text: '', kind: 'amount', fen: null }];
      rows.push({ kind: (a ?? b)!.kind, cells: [...half(a, revKey), ...half(b, expKey)] });
    }
  };
  pair(side('revenue', itemKinds), side('expenditure', itemKinds));
  for (const k of ['subtotal', 'carry', 'total'] as const) pair(side('revenue', [k]), side('expenditure', [k]));
  return { columns, rows };
}
