/**
 * Payment records (支付明细) from CSV or XLSX: one line per payment with 项目 (project form name or
 * id), 日期, 金额(元) or 金额(万元), optional 凭证号 and 收款方. All-or-nothing: the first bad row
 * throws a FiscusError naming the file and row, and nothing is returned.
 */
import { parse } from 'csv-parse/sync';
import { FiscusError, inputError } from '../../domain/errors.js';
import type { ProjectForm } from '../../domain/model.js';
import { MoneyParseError, parseAmount, type DisplayUnit } from '../../domain/money.js';
import { normalizeText, squash } from '../../domain/text.js';
import { decodeText } from '../text/source.js';

/** One payment read from a file, resolved to a project form of the budget. */
export interface ImportedPayment {
  /** 1-based row of the file (the header is row 1 unless blank lines precede it). */
  row: number;
  formId: string;
  formName: string;
  /** ISO date YYYY-MM-DD. */
  date: string;
  fen: number;
  voucher: string | null;
  payee: string | null;
}

/** The budget facts a payment file is checked against. */
export interface PaymentTarget {
  year: number;
  projectForms: ReadonlyArray<Pick<ProjectForm, 'id' | 'name'>>;
}

type Cell = string | number | Date | null;

interface Header {
  project: number;
  date: number;
  amount: number;
  unit: DisplayUnit;
  voucher: number | null;
  payee: number | null;
}

/** Header and project-name key: the project's text normalisation (NFKC maps （） to ()) without white space. */
const norm = (s: string) => squash(normalizeText(s));

function findHeader(cells: string[], file: string, row: number): Header {
  const h = cells.map(norm);
  const idx = (re: RegExp) => {
    const i = h.findIndex((x) => re.test(x));
    return i < 0 ? null : i;
  };
  const project = idx(/^(项目|项目名称|项目编号)$/);
  const date = idx(/^(日期|支付日期|付款日期)$/);
  const yuan = idx(/^金额\(元\)$|^金额$/);
  const wan = idx(/^金额\(万元\)$/);
  const missing: string[] = [];
  if (project === null) missing.push('项目');
  if (date === null) missing.push('日期');
  if (yuan === null && wan === null) missing.push('金额(元)');
  if (missing.length) {
    throw new FiscusError(
      'INPUT_INVALID',
      `应有 项目、日期、金额(元) 或 金额(万元) 各列，实为 ${JSON.stringify(cells.join(','))} 中没有 ${missing.join('、')}`,
      { file, line: row },
      '项目、日期、金额(元)',
      cells.join(','),
    );
  }
  return {
    project: project!,
    date: date!,
    amount: (yuan ?? wan)!,
    unit: yuan !== null ? '元' : '万元',
    voucher: idx(/^(凭证号|凭证编号)$/),
    payee: idx(/^(收款方|收款单位|收款人)$/),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date cell as ISO YYYY-MM-DD, or null when it is not a real calendar date. */
function isoDate(v: Cell): string | null {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    // exceljs gives dates at UTC midnight of the sheet's calendar day.
    return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  }
  const s = String(v ?? '').trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

function text(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return isoDate(v) ?? '';
  return String(v).trim();
}

/** A numeric XLSX cell as a plain decimal string (no exponent), for the exact fen parser. */
function amountText(v: Cell): string {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return String(v);
    // Spreadsheet numbers are binary floats: 15 significant digits recover what was typed.
    const s = Number(v.toPrecision(15)).toString();
    return /e/i.test(s) ? v.toFixed(6).replace(/\.?0+$/, '') : s;
  }
  return text(v);
}

/** Reads the rows of the file (CSV or XLSX by name or content) as cells with their 1-based row numbers. */
async function readRows(bytes: Uint8Array, file: string): Promise<Array<{ row: number; cells: Cell[] }>> {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (/\.xlsx$/i.test(file) || isZip) {
    // exceljs (a quarter of a second to load) only for a workbook: a parser thread reading a text does without it.
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    } catch {
      throw new FiscusError('INPUT_UNREADABLE', '应为 XLSX 工作簿，实为无法读取的文件', { file, line: 1 });
    }
    const ws = wb.worksheets[0];
    if (!ws) throw new FiscusError('INPUT_INVALID', '应有工作表，实为没有', { file, line: 1 });
    const out: Array<{ row: number; cells: Cell[] }> = [];
    ws.eachRow({ includeEmpty: false }, (r, n) => {
      const cells: Cell[] = [];
      for (let c = 1; c <= r.cellCount; c++) {
        const v = r.getCell(c).value as unknown;
        if (v === null || v === undefined) cells.push(null);
        else if (typeof v === 'number' || typeof v === 'string' || v instanceof Date) cells.push(v);
        else if (typeof v === 'object' && v !== null && 'result' in v) cells.push((v as { result: Cell }).result ?? null);
        else if (typeof v === 'object' && v !== null && 'richText' in v) cells.push((v as { richText: Array<{ text: string }> }).richText.map((t) => t.text).join(''));
        else if (typeof v === 'object' && v !== null && 'text' in v) cells.push(String(v.text));
        // An error cell (#N/A, #DIV/0!) as the spreadsheet shows it.
        else if (typeof v === 'object' && v !== null && 'error' in v) cells.push(String(v.error));
        else if (typeof v === 'boolean') cells.push(String(v));
        else cells.push(JSON.stringify(v) ?? '');
      }
      out.push({ row: n, cells });
    });
    return out;
  }
  if (bytes.length === 0) throw new FiscusError('INPUT_UNREADABLE', '应为支付 CSV，实为空文件', { file, line: 1 });
  const { text: csv } = decodeText(bytes, file);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(csv, { info: true, relax_column_count: true, skip_empty_lines: true, bom: true, delimiter: delimiterOf(csv) }) as unknown as typeof records;
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? null;
    // csv-parse names the offending byte, not the character (a Chinese character shows as "æ"): say what is wrong instead.
    const code = (e as { code?: string }).code;
    const found =
      code === 'CSV_QUOTE_NOT_CLOSED'
        ? '未闭合的带引号字段'
        : code === 'CSV_INVALID_CLOSING_QUOTE' || code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE'
          ? '闭合引号之后同一字段中还有其他字符'
          : (e as Error).message;
    throw new FiscusError('INPUT_INVALID', `应为 CSV（含引号的字段须整个加引号："a ""b"" c"），实为${found}`, { file, line });
  }
  return records.map((r) => ({ row: r.info.lines, cells: r.record }));
}

/**
 * The field separator of a delimited text: a tab when its first line has tabs and no comma (a
 * spreadsheet's "Unicode text" / TSV export), else a comma.
 */
function delimiterOf(text: string): string {
  const first = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  return first.includes('\t') && !first.includes(',') ? '\t' : ',';
}

/**
 * Reads a payments file (CSV or tab-separated text in UTF-8 or GBK, or XLSX) against a budget: every row must name a
 * project form of the budget (by name or id), a date within the budget year and a non-negative
 * amount, and the amounts must add up to at most Number.MAX_SAFE_INTEGER fen (the views add them
 * up in JS numbers). Throws FiscusError INPUT_INVALID naming `file:row` on the first bad row;
 * returns nothing partial.
 */
export async function readPayments(bytes: Uint8Array, file: string, budget: PaymentTarget): Promise<ImportedPayment[]> {
  const rows = (await readRows(bytes, file)).filter((r) => r.cells.some((c) => text(c) !== ''));
  const first = rows[0];
  if (!first) throw new FiscusError('INPUT_INVALID', '应有表头行 项目、日期、金额(元)，实为没有任何行', { file, line: 1 });
  const h = findHeader(first.cells.map(text), file, first.row);
  const byName = new Map<string, Pick<ProjectForm, 'id' | 'name'>>();
  for (const f of budget.projectForms) {
    byName.set(norm(f.id), f);
    if (!byName.has(norm(f.name))) byName.set(norm(f.name), f);
  }
  const out: ImportedPayment[] = [];
  let sum = 0;
  for (const { row, cells } of rows.slice(1)) {
    const where = { file, line: row };
    const projectText = text(cells[h.project] ?? null);
    const form = byName.get(norm(projectText));
    if (!form) throw inputError(where, `${budget.year} 年预算中的项目（项目名称或编号）`, projectText);
    const dateCell = cells[h.date] ?? null;
    const date = isoDate(dateCell);
    if (!date) throw inputError(where, '日期 YYYY-MM-DD 或 YYYY/M/D', text(dateCell));
    if (Number(date.slice(0, 4)) !== budget.year) throw inputError(where, `${budget.year} 年内的日期`, date);
    const amt = amountText(cells[h.amount] ?? null).replace(/^[¥￥]/, '');
    let fen: number;
    try {
      fen = parseAmount(amt, h.unit);
    } catch (e) {
      if (!(e instanceof MoneyParseError)) throw e;
      throw inputError(where, `金额（${h.unit}）`, amt);
    }
    if (fen < 0) throw inputError(where, `非负金额（${h.unit}；退款不是支付）`, amt);
    sum += fen;
    if (!Number.isSafeInteger(sum)) {
      throw new FiscusError(
        'INPUT_INVALID',
        `金额合计应不超过 ${Number.MAX_SAFE_INTEGER} 分（Number.MAX_SAFE_INTEGER），实为加上本行（${amt} ${h.unit}）后超过`,
        where,
        `合计不超过 ${Number.MAX_SAFE_INTEGER} 分`,
        amt,
      );
    }
    const opt = (i: number | null) => {
      const v = i === null ? '' : text(cells[i] ?? null);
      return v === '' ? null : v;
    };
    out.push({ row, formId: form.id, formName: form.name, date, fen, voucher: opt(h.voucher), payee: opt(h.payee) });
  }
  return out;
}
