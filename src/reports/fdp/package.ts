/**
 * Open data (issue 15 item 5): a document as a Fiscal Data Package and its tables as plain CSV.
 *
 * The package is a ZIP of `datapackage.json` and CSV files, a Tabular Data Package (Frictionless Data)
 * with the Fiscal Data Package's `model` (the OpenSpending `fiscal-data-package` JSON Schema profile):
 *
 * - `data/amounts.csv`, the fiscal resource: one line per amount of every table of the document (its
 *   model, not its print: an amount the print leaves out is here too), in integer fen (`amount_fen`),
 *   with the dimensions the model maps: fiscal year, phase (预算 approved; 决算 executed, or adjusted /
 *   approved for its 调整预算数 / 年初预算数 columns), direction (revenue / expenditure), the unit,
 *   the functional classification (类 / 款 / 项 codes and names), the economic classification (类 / 款),
 *   the table, row and column the amount is printed in. The one measure `amount` is in CNY with
 *   `factor` 0.01: 1 fen = 0.01 元, exactly.
 * - `tables/<id>.csv`, one per table: the table as the disclosure prints it (the reports' table view
 *   model: the same columns, headings and rows), amounts in the table's display unit (元 or 万元) as
 *   exact decimals without thousands separators, with at least the decimals the document printed.
 *
 * The descriptor declares `profile: tabular-data-package`, as the fiscal-data-package JSON Schema
 * itself requires (a Fiscal Data Package is a Tabular Data Package with a `model`); docs/open-data.md.
 */
import { codes, levelOf } from '../../domain/classification/index.js';
import { csvText, type CsvKind, type CsvValue } from '../../domain/csv.js';
import type { BudgetDocument, Row, Table } from '../../domain/model.js';
import { exactDecimals, toDecimalString, type DisplayUnit } from '../../domain/money.js';
import { buildReportView } from '../view/report.js';
import type { TableView } from '../view/types.js';

/** The fiscal resource's path in the package. */
export const FDP_AMOUNTS_PATH = 'data/amounts.csv';

/** The heading of the column a plain CSV adds when the import could not place some of a table's amounts. */
export const UNPLACED_HEADING = '未能确定所在列的金额';

/** A Table Schema field (the subset fiscus writes). */
export interface TableSchemaField {
  name: string;
  title?: string;
  description?: string;
  type: 'string' | 'number' | 'integer';
  constraints?: { required?: boolean; enum?: string[] };
}

/** A Tabular Data Resource of the package. */
export interface FdpResource {
  profile: 'tabular-data-resource';
  name: string;
  path: string;
  title: string;
  description?: string;
  format: 'csv';
  mediatype: 'text/csv';
  encoding: 'utf-8';
  schema: { fields: TableSchemaField[]; missingValues: string[] };
}

/** A model attribute: the column it comes from, and how it relates to the others of its dimension. */
interface Attribute {
  source: string;
  resource: string;
  labelfor?: string;
  parent?: string;
}

interface Dimension {
  dimensionType: 'datetime' | 'entity' | 'classification' | 'activity' | 'fact' | 'location' | 'other';
  classificationType?: 'functional' | 'administrative' | 'economic';
  primaryKey: string | string[];
  attributes: Record<string, Attribute>;
}

type Phase = 'approved' | 'adjusted' | 'executed';
type Direction = 'revenue' | 'expenditure';

/** The `datapackage.json` fiscus writes. */
export interface FdpDescriptor {
  profile: 'tabular-data-package';
  name: string;
  title: string;
  description: string;
  countryCode: 'CN';
  granularity: 'aggregated';
  fiscalPeriod: { start: string; end: string };
  sources: Array<{ title: string }>;
  resources: FdpResource[];
  model: {
    measures: Record<string, { source: string; resource: string; currency: 'CNY'; factor: number; phase?: Phase; direction?: Direction }>;
    dimensions: Record<string, Dimension>;
  };
  /** What fiscus adds: the model's schema id, the source's sha256, the document's display unit. */
  fiscus: { schema: string; kind: string; unit: string; year: number; sourceSha256: string; displayUnit: DisplayUnit };
}

/** A package: its descriptor and its CSV files (paths as in the descriptor, UTF-8 text without a BOM). */
export interface FiscalDataPackage {
  descriptor: FdpDescriptor;
  files: Array<{ path: string; text: string }>;
}

// ---------------------------------------------------------------------------------------------
// Plain CSV of one table, from the reports' table view.

/** A table's CSV columns: the view's leaf headings (a header path joined by " / "), unique. */
export function tableCsvHeadings(v: TableView): string[] {
  const seen = new Map<string, number>();
  const names = v.columns.map((c) => {
    const base = c.header.filter((h) => h !== '').join(' / ') || c.key;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}（${n}）`;
  });
  if (v.unplacedCount > 0) names.push(UNPLACED_HEADING);
  return names;
}

/** An amount as an exact decimal in `unit`: the printed decimals, more should fen need them, no grouping. */
export function exactAmount(fen: number, unit: DisplayUnit, decimals: number | undefined): string {
  return toDecimalString(fen, unit, exactDecimals([fen], unit, decimals ?? 2));
}

/**
 * One table as CSV (CRLF lines): a header line of {@link tableCsvHeadings}, then one line per printed
 * line of the view. Label, code and text cells as printed; amounts as {@link exactAmount} in the
 * table's display unit; an empty or unknown cell empty. `bom`: a UTF-8 byte-order mark first, for
 * spreadsheets (the package's own files have none).
 */
export function tableCsv(v: TableView, opts: { bom?: boolean } = {}): string {
  const headings = tableCsvHeadings(v);
  const kinds: CsvKind[] = v.columns.map((c) => (c.kind === 'amount' ? 'number' : 'text'));
  const rows: CsvValue[][] = v.body.map((r) => {
    const cells: CsvValue[] = r.cells.map((c) => (c.kind === 'amount' ? (c.fen == null ? '' : exactAmount(c.fen, v.displayUnit, c.decimals)) : c.text));
    if (v.unplacedCount > 0) cells.push(r.unplaced.flatMap((u) => u.amounts).join('、'));
    return cells;
  });
  return `${opts.bom ? '\uFEFF' : ''}${csvText(headings, kinds, rows)}`;
}

/** The Table Schema of a table's CSV. */
export function tableCsvSchema(v: TableView): FdpResource['schema'] {
  const headings = tableCsvHeadings(v);
  const fields: TableSchemaField[] = v.columns.map((c, i) =>
    c.kind === 'amount'
      ? { name: headings[i]!, type: 'number', description: `金额，单位：${v.displayUnit}（精确小数，无千分位）` }
      : { name: headings[i]!, type: 'string' },
  );
  if (v.unplacedCount > 0) fields.push({ name: UNPLACED_HEADING, type: 'string', description: `本行印出但未能确定所在列的金额（${v.displayUnit}），以顿号分隔` });
  return { fields, missingValues: [''] };
}

/** A file name for a table's CSV download: its id and title ("t7-一般公共预算支出表.csv"). */
export function tableCsvFileName(v: Pick<TableView, 'id' | 'title'>): string {
  return `${v.id}-${v.title.replace(/[\\/:*?"<>|\s]+/g, '')}.csv`;
}

// ---------------------------------------------------------------------------------------------
// The fiscal resource.

/** The fiscal resource's columns, in order: [name, title, type, description?]. */
const FACT_FIELDS: ReadonlyArray<readonly [string, string, TableSchemaField['type'], string?]> = [
  ['fiscal_year', '年度', 'integer', '金额所属的预算年度（列标题或行写明的年份，否则为文档年度）'],
  ['phase', '预算阶段', 'string', 'approved 预算（年初预算）；adjusted 调整预算；executed 决算'],
  ['direction', '收支方向', 'string', 'revenue 收入；expenditure 支出'],
  ['unit_name', '单位', 'string'],
  ['table_id', '表格编号', 'string'],
  ['table_no', '表序号', 'integer', '文档印出的表号（无则为空）'],
  ['table_title', '表名', 'string'],
  ['table_role', '表格类别', 'string', 'fiscus 的表格角色（docs/model.md）'],
  ['row_id', '行编号', 'string'],
  ['row_kind', '行类别', 'string', 'item 项目行；unit 单位行；group 分组行；subtotal 合计；carry 结转；total 总计。汇总时只加 item 行（或同一层级的行），以免重复'],
  ['row_level', '行层级', 'integer'],
  ['row_label', '行名称', 'string'],
  ['row_code', '行编码', 'string', '文档的科目编码或采购品目编号'],
  ['row_code_system', '编码体系', 'string', 'function 支出功能分类；econ 部门预算支出经济分类；procurement 政府采购品目'],
  ['function_code', '功能分类科目编码', 'string'],
  ['function_level', '功能分类层级', 'string', '类、款或项'],
  ['function_class_code', '功能分类类编码', 'string'],
  ['function_class_name', '功能分类类名称', 'string'],
  ['function_kuan_code', '功能分类款编码', 'string'],
  ['function_kuan_name', '功能分类款名称', 'string'],
  ['function_xiang_code', '功能分类项编码', 'string'],
  ['function_xiang_name', '功能分类项名称', 'string'],
  ['econ_code', '经济分类科目编码', 'string'],
  ['econ_level', '经济分类层级', 'string', '类或款'],
  ['econ_class_code', '经济分类类编码', 'string'],
  ['econ_class_name', '经济分类类名称', 'string'],
  ['econ_kuan_code', '经济分类款编码', 'string'],
  ['econ_kuan_name', '经济分类款名称', 'string'],
  ['column_key', '列编号', 'string', '空：印出但未能确定所在列的金额'],
  ['column_header', '列', 'string'],
  ['amount_fen', '金额（分）', 'integer', '整数分；乘以 0.01 得元（model.measures.amount.factor）'],
];

/** What the fiscal resource's column for an amount the import could not place says. */
const UNPLACED_COLUMN = '（未能确定所在列）';

const PHASES: readonly Phase[] = ['approved', 'adjusted', 'executed'];
const DIRECTIONS: readonly Direction[] = ['revenue', 'expenditure'];

/** The phase of a column: a budget's amounts are approved; a final account's by its column heading. */
function phaseOf(doc: BudgetDocument, header: string): Phase {
  if (doc.kind === '部门预算' || doc.kind === '单位预算') return 'approved';
  if (/调整预算/.test(header)) return 'adjusted';
  if (/年初预算|预算数/.test(header)) return 'approved';
  return 'executed';
}

/** The direction of an amount: its side in a two-sided table, the revenue tables and 收入 columns; else expenditure. */
function directionOf(t: Table, r: Row, header: string): Direction {
  if (r.side) return r.side;
  if (t.role === 'revenue-summary') return 'revenue';
  return /收入/.test(header) ? 'revenue' : 'expenditure';
}

/** A four-digit year the column heading or the row's 年度 text states, else the document's. */
function yearOf(doc: BudgetDocument, r: Row, header: string): number {
  const inHeader = /(\d{4})\s*年/.exec(header);
  if (inHeader) return Number(inHeader[1]);
  const text = r.texts?.['year']?.text;
  const inRow = text ? /^\s*(\d{4})/.exec(text) : null;
  return inRow ? Number(inRow[1]) : doc.year;
}

/** Names of classification codes as the document prints them (first row with the code), for parent levels. */
function printedNames(doc: BudgetDocument): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of doc.tables)
    for (const r of t.rows) {
      if (!r.code || (r.codeSystem !== 'function' && r.codeSystem !== 'econ')) continue;
      const k = `${r.codeSystem}:${r.code}`;
      if (!out.has(k)) out.set(k, r.label.trim());
    }
  return out;
}

function classificationColumns(doc: BudgetDocument, names: Map<string, string>, r: Row): Record<string, string> {
  const out: Record<string, string> = {};
  const code = r.code ?? '';
  const nameOf = (system: 'function' | 'econ', c: string) => names.get(`${system}:${c}`) ?? codes.byCodeIn(system, c, doc.year)?.name ?? '';
  if (r.codeSystem === 'function' && code) {
    out['function_code'] = code;
    const level = levelOf('function', code);
    if (level) {
      out['function_level'] = level;
      const parts: Array<[string, number]> = [['class', 3], ['kuan', 5], ['xiang', 7]];
      for (const [name, len] of parts) {
        if (code.length < len) break;
        const c = code.slice(0, len);
        out[`function_${name}_code`] = c;
        out[`function_${name}_name`] = nameOf('function', c);
      }
    }
  }
  if (r.codeSystem === 'econ' && code) {
    out['econ_code'] = code;
    const level = levelOf('econ', code);
    if (level) {
      out['econ_level'] = level;
      const parts: Array<[string, number]> = [['class', 3], ['kuan', 5]];
      for (const [name, len] of parts) {
        if (code.length < len) break;
        const c = code.slice(0, len);
        out[`econ_${name}_code`] = c;
        out[`econ_${name}_name`] = nameOf('econ', c);
      }
    }
  }
  return out;
}

/** A line of the fiscal resource, by field name. */
export type FactLine = Record<string, string | number>;

/**
 * The fiscal resource's lines: every amount of every table of the document (placed amounts in the
 * table's column order, then those the import could not place), in the order the tables print.
 */
export function factLines(doc: BudgetDocument, views: readonly TableView[] = buildReportView(doc).tables): FactLine[] {
  const names = printedNames(doc);
  const byId = new Map(doc.tables.map((t, i) => [t.id ?? `t${i + 1}`, t]));
  // The tables in print order (the report's), then any the print leaves out.
  const order = [...views.map((v) => byId.get(v.id)).filter((t): t is Table => t !== undefined), ...doc.tables.filter((t, i) => !views.some((v) => v.id === (t.id ?? `t${i + 1}`)))];
  const titleOf = new Map(views.map((v) => [v.id, v]));
  const out: FactLine[] = [];
  for (const t of order) {
    const id = t.id ?? `t${doc.tables.indexOf(t) + 1}`;
    const v = titleOf.get(id);
    const table = { table_id: id, table_no: t.no ?? '', table_title: v?.title ?? t.title.text, table_role: t.role };
    for (const r of t.rows) {
      // A revenue or project key is fiscus's own, not a code the table prints.
      const printed = r.code && r.codeSystem !== 'revenue' && r.codeSystem !== 'project' ? r.code : '';
      const row = {
        row_id: r.id,
        row_kind: r.kind,
        row_level: r.level,
        row_label: r.label,
        row_code: printed,
        row_code_system: printed ? (r.codeSystem ?? '') : '',
        unit_name: r.unit ?? (r.kind === 'unit' ? r.label : doc.unit.name),
        ...classificationColumns(doc, names, r),
      };
      for (const c of t.columns) {
        const m = r.amounts[c.key];
        if (c.kind !== 'amount' || m == null) continue;
        const header = c.header.join(' / ');
        out.push({
          ...table,
          ...row,
          fiscal_year: yearOf(doc, r, header),
          phase: phaseOf(doc, header),
          direction: directionOf(t, r, header),
          column_key: c.key,
          column_header: header,
          amount_fen: m.fen,
        });
      }
      for (const m of r.unplaced ?? []) {
        out.push({
          ...table,
          ...row,
          fiscal_year: yearOf(doc, r, ''),
          phase: phaseOf(doc, ''),
          direction: directionOf(t, r, ''),
          column_key: '',
          column_header: UNPLACED_COLUMN,
          amount_fen: m.fen,
        });
      }
    }
  }
  return out;
}

/** The fiscal resource as CSV text (no BOM). */
export function factCsv(lines: readonly FactLine[]): string {
  const kinds: CsvKind[] = FACT_FIELDS.map(([, , type]) => (type === 'string' ? 'text' : 'number'));
  return csvText(
    FACT_FIELDS.map(([name]) => name),
    kinds,
    lines.map((l) => FACT_FIELDS.map(([name]) => l[name] ?? '')),
  );
}

function factSchema(): FdpResource['schema'] {
  const enumOf: Record<string, readonly string[]> = { phase: PHASES, direction: DIRECTIONS };
  const required = new Set(['fiscal_year', 'phase', 'direction', 'unit_name', 'table_id', 'table_title', 'table_role', 'row_id', 'row_kind', 'row_level', 'row_label', 'column_header', 'amount_fen']);
  return {
    fields: FACT_FIELDS.map(([name, title, type, description]) => ({
      name,
      title,
      type,
      ...(description ? { description } : {}),
      ...(required.has(name) || enumOf[name] ? { constraints: { ...(required.has(name) ? { required: true } : {}), ...(enumOf[name] ? { enum: [...enumOf[name]] } : {}) } } : {}),
    })),
    missingValues: [''],
  };
}

// ---------------------------------------------------------------------------------------------
// The package.

const KIND_SLUG: Record<BudgetDocument['kind'], string> = { 部门预算: 'dept-budget', 单位预算: 'unit-budget', 部门决算: 'dept-final-accounts', 单位决算: 'unit-final-accounts' };

/** A resource name: lower case letters, digits and `-._/` (the Data Package pattern). */
function resourceName(s: string): string {
  return s.toLowerCase().replace(/[^-a-z0-9._/]+/g, '-');
}

const attr = (source: string, extra: Partial<Attribute> = {}): Attribute => ({ source, resource: 'amounts', ...extra });

function model(lines: readonly FactLine[]): FdpDescriptor['model'] {
  const uniform = <T>(key: string): T | undefined => {
    const values = new Set(lines.map((l) => l[key]));
    return values.size === 1 ? (values.values().next().value as T) : undefined;
  };
  const phase = uniform<Phase>('phase');
  const direction = uniform<Direction>('direction');
  return {
    measures: {
      amount: { source: 'amount_fen', resource: 'amounts', currency: 'CNY', factor: 0.01, ...(phase ? { phase } : {}), ...(direction ? { direction } : {}) },
    },
    dimensions: {
      fiscal_period: { dimensionType: 'datetime', primaryKey: 'fiscal_year', attributes: { fiscal_year: attr('fiscal_year') } },
      phase: { dimensionType: 'other', primaryKey: 'phase', attributes: { phase: attr('phase') } },
      direction: { dimensionType: 'other', primaryKey: 'direction', attributes: { direction: attr('direction') } },
      unit: { dimensionType: 'entity', primaryKey: 'unit_name', attributes: { unit_name: attr('unit_name') } },
      functional_classification: {
        dimensionType: 'classification',
        classificationType: 'functional',
        primaryKey: 'function_code',
        attributes: {
          function_code: attr('function_code'),
          function_level: attr('function_level'),
          function_class_code: attr('function_class_code'),
          function_class_name: attr('function_class_name', { labelfor: 'function_class_code' }),
          function_kuan_code: attr('function_kuan_code', { parent: 'function_class_code' }),
          function_kuan_name: attr('function_kuan_name', { labelfor: 'function_kuan_code' }),
          function_xiang_code: attr('function_xiang_code', { parent: 'function_kuan_code' }),
          function_xiang_name: attr('function_xiang_name', { labelfor: 'function_xiang_code' }),
        },
      },
      economic_classification: {
        dimensionType: 'classification',
        classificationType: 'economic',
        primaryKey: 'econ_code',
        attributes: {
          econ_code: attr('econ_code'),
          econ_level: attr('econ_level'),
          econ_class_code: attr('econ_class_code'),
          econ_class_name: attr('econ_class_name', { labelfor: 'econ_class_code' }),
          econ_kuan_code: attr('econ_kuan_code', { parent: 'econ_class_code' }),
          econ_kuan_name: attr('econ_kuan_name', { labelfor: 'econ_kuan_code' }),
        },
      },
      table: {
        dimensionType: 'other',
        primaryKey: 'table_id',
        attributes: { table_id: attr('table_id'), table_no: attr('table_no'), table_title: attr('table_title', { labelfor: 'table_id' }), table_role: attr('table_role') },
      },
      row: {
        dimensionType: 'other',
        primaryKey: ['table_id', 'row_id'],
        attributes: {
          table_id: attr('table_id'),
          row_id: attr('row_id'),
          row_kind: attr('row_kind'),
          row_level: attr('row_level'),
          row_label: attr('row_label', { labelfor: 'row_id' }),
          row_code: attr('row_code'),
          row_code_system: attr('row_code_system'),
        },
      },
      column: { dimensionType: 'other', primaryKey: 'column_key', attributes: { column_key: attr('column_key'), column_header: attr('column_header', { labelfor: 'column_key' }) } },
    },
  };
}

/** The base name of a source file (a stored upload keeps the name it was uploaded under). */
const baseName = (file: string) => file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);

/**
 * A document as a Fiscal Data Package: the descriptor and its CSV files (the fiscal resource, then one
 * plain CSV per table in print order). Pure: the same document gives the same package.
 */
export function fiscalDataPackage(doc: BudgetDocument): FiscalDataPackage {
  const views = buildReportView(doc).tables;
  const lines = factLines(doc, views);
  const title = doc.title?.text ?? `${doc.unit.name} ${doc.year}年${doc.kind}`;
  const used = new Set<string>(['amounts']);
  const tableResources = views.map((v): { resource: FdpResource; text: string } => {
    let name = resourceName(`table-${v.id}`);
    for (let i = 2; used.has(name); i++) name = resourceName(`table-${v.id}-${i}`);
    used.add(name);
    const label = v.numberLabel ? `${v.numberLabel} ${v.title}` : v.title;
    return {
      resource: {
        profile: 'tabular-data-resource',
        name,
        path: `tables/${name.slice('table-'.length)}.csv`,
        title: label,
        description: [`${label}，按公开文本的列与行；金额单位：${v.displayUnit}。`, v.note ?? ''].filter((x) => x).join(' '),
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema: tableCsvSchema(v),
      },
      text: tableCsv(v),
    };
  });
  const amounts: FdpResource = {
    profile: 'tabular-data-resource',
    name: 'amounts',
    path: FDP_AMOUNTS_PATH,
    title: '全部金额（财政数据，每行一个金额）',
    description: '文档全部表格的每个金额一行，整数分；维度：年度、预算阶段、收支方向、单位、支出功能分类（类/款/项）、经济分类（类/款）、表、行、列。各表含合计与总计行，汇总时按 row_kind 与层级筛选，以免重复。',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    schema: factSchema(),
  };
  const descriptor: FdpDescriptor = {
    profile: 'tabular-data-package',
    name: resourceName(`fiscus-${doc.year}-${KIND_SLUG[doc.kind]}-${doc.source.sha256.slice(0, 12) || 'authored'}`),
    title,
    description: `${doc.unit.name} ${doc.year}年${doc.kind}的全部表格（财政数据包 Fiscal Data Package）。金额：data/amounts.csv 为整数分（乘以 0.01 得元）；tables/ 下各表按公开文本的列与行，单位为该表的金额单位。由 fiscus 生成。`,
    countryCode: 'CN',
    granularity: 'aggregated',
    fiscalPeriod: { start: `${doc.year}-01-01`, end: `${doc.year}-12-31` },
    sources: [{ title: `${title}（${baseName(doc.source.file)}）` }],
    resources: [amounts, ...tableResources.map((t) => t.resource)],
    model: model(lines),
    fiscus: { schema: doc.schema, kind: doc.kind, unit: doc.unit.name, year: doc.year, sourceSha256: doc.source.sha256, displayUnit: doc.displayUnit },
  };
  return { descriptor, files: [{ path: FDP_AMOUNTS_PATH, text: factCsv(lines) }, ...tableResources.map((t) => ({ path: t.resource.path, text: t.text }))] };
}

/** The package as ZIP bytes: `datapackage.json` first, then the CSV files (DEFLATE). */
export async function fdpZip(doc: BudgetDocument): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const p = fiscalDataPackage(doc);
  const zip = new JSZip();
  zip.file('datapackage.json', `${JSON.stringify(p.descriptor, null, 2)}\n`);
  for (const f of p.files) zip.file(f.path, f.text);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** The table views of a document in print order (the tables its plain CSVs are made of). */
export function tableViews(doc: BudgetDocument): TableView[] {
  return buildReportView(doc).tables;
}
