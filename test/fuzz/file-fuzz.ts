/**
 * A seeded, reproducible fuzzer of the files fiscus reads, through the parser pool as the server
 * and the CLI read them (src/app/isolation): disclosure workbooks (the sample written as the XLSX
 * template, then damaged cell by cell with exceljs: hostile values, formulas, merges over data,
 * rows and sheets removed), payments files (CSV and XLSX, hostile dates, amounts, project names,
 * headers), canonical JSON budgets (values of the wrong type, huge numbers, deep nesting), PDFs
 * (bytes overwritten inside the file, truncation) and disclosure texts (lines and figures damaged).
 *
 * A case passes when the file is read (and checked: the rules run in the thread too) or refused
 * with a FiscusError that says what is wrong with the file (INPUT_UNREADABLE, INPUT_INVALID,
 * TOO_LARGE over a count). It fails on an internal error, on a parse stopped by the time or memory
 * limit of a thread (a hang or a blow-up on a file of ordinary size), and on anything else thrown.
 * `FUZZ_DEBUG=1` prints each refusal.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { FiscusError } from '../../src/domain/errors.js';
import type { BudgetDocument } from '../../src/domain/model.js';
import type { ParsePool } from '../../src/app/isolation/pool.js';
import { seeded } from '../support/seeded.js';

export type FileKind = 'xlsx-disclosure' | 'payments-csv' | 'payments-xlsx' | 'json' | 'pdf' | 'text';

export interface FileFuzzOptions {
  pool: ParsePool;
  seed: number;
  /** Cases per kind (PDF cases, slower, are a tenth of it, at least 2). */
  count: number;
  /** The sample disclosure: its text, its PDF, its document (for the XLSX template and the payments' projects). */
  sampleText: Uint8Array;
  samplePdf: Uint8Array;
  sampleDoc: BudgetDocument;
  /** The sample written as the XLSX authoring template. */
  sampleXlsx: Uint8Array;
  log?: (line: string) => void;
}

export interface FileFuzzResult {
  cases: number;
  /** Per kind: files read, files refused (by code). */
  byKind: Record<string, Record<string, number>>;
  failures: Array<{ kind: FileKind; case: number; detail: string }>;
  slowestMs: number;
  seconds: number;
}

const enc = new TextEncoder();
const REFUSALS = new Set(['INPUT_UNREADABLE', 'INPUT_INVALID']);

/** Hostile cell values: what a tired clerk or an adversary types into a spreadsheet. */
const HOSTILE: ReadonlyArray<ExcelJS.CellValue> = [
  '',
  ' ',
  '-',
  '—',
  '0',
  '-0',
  '1e400',
  '-1e400',
  '9007199254740993',
  '99999999999999999999.99',
  '1,234,567.89',
  '１２３４',
  '(1,234.00)',
  '12.345678901',
  'NaN',
  'Infinity',
  '=1+1',
  '=HYPERLINK("http://x","y")',
  '@SUM(A1)',
  '+1',
  '\u0000',
  '\ud800',
  '表1',
  '合计',
  '其中：',
  '万元',
  '2021-02-30',
  '2021年13月',
  0,
  -0,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  2 ** 53 + 2,
  0.1 + 0.2,
  -123456789.123456,
  1.5e-10,
  true,
  false,
  null,
  new Date(Date.UTC(2021, 1, 28)),
  new Date(Number.NaN),
  { formula: 'SUM(A1:A3)', result: 42 },
  { formula: 'A1/0', result: { error: '#DIV/0!' } },
  { error: '#N/A' },
  { richText: [{ text: '合' }, { text: '计' }] },
  { text: '链接', hyperlink: 'javascript:alert(1)' },
  'x'.repeat(40_000),
];

function pickOf<T>(xs: ReadonlyArray<T>, r: () => number): T {
  return xs[Math.floor(r() * xs.length) % xs.length]!;
}

/** A workbook damaged by `n` random edits drawn from `r`. */
async function damageWorkbook(bytes: Uint8Array, n: number, r: () => number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  for (let k = 0; k < n; k++) {
    const sheets = wb.worksheets;
    if (sheets.length === 0) break;
    const ws = pickOf(sheets, r);
    const rows = Math.max(1, ws.rowCount);
    const cols = Math.max(1, ws.columnCount);
    const row = 1 + Math.floor(r() * (rows + 2));
    const col = 1 + Math.floor(r() * (cols + 1));
    switch (Math.floor(r() * 9)) {
      case 0:
      case 1:
      case 2:
        ws.getCell(row, col).value = pickOf(HOSTILE, r);
        break;
      case 3: {
        // A merge over data, possibly overlapping another (exceljs refuses overlaps: then another place).
        const h = 1 + Math.floor(r() * 4);
        const w = 1 + Math.floor(r() * 4);
        try {
          ws.mergeCells(row, col, row + h, col + w);
        } catch {
          /* overlapping an existing merge: this edit is skipped */
        }
        break;
      }
      case 4:
        ws.spliceRows(row, 1 + Math.floor(r() * 5));
        break;
      case 5:
        ws.spliceRows(row, 0, [pickOf(HOSTILE, r), pickOf(HOSTILE, r), pickOf(HOSTILE, r)]);
        break;
      case 6:
        ws.spliceColumns(col, 1);
        break;
      case 7:
        if (r() < 0.5) wb.removeWorksheet(ws.id);
        else {
          // A name another sheet has is refused by exceljs (not by fiscus): that edit is skipped.
          const name = pickOf(['表1', 'Sheet1', '收支总表', '项目申报表', 'x'], r) + String(k);
          if (!wb.getWorksheet(name)) ws.name = name;
        }
        break;
      default:
        wb.addWorksheet(`fuzz${k}`).addRow([pickOf(HOSTILE, r), pickOf(HOSTILE, r)]);
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const PAY_HEADERS = [['项目', '日期', '金额(元)', '凭证号', '收款方'], ['项目名称', '支付日期', '金额（元）'], ['日期', '项目', '金额'], ['项目', '日期'], ['a', 'b', 'c'], []];
const PAY_DATES = ['2021-01-05', '2021-02-30', '2021-13-01', '2020-12-31', '2022-01-01', '21-1-5', '2021/03/04', '2021年3月4日', '', '44200', '=TODAY()', '9999-12-31'];
const PAY_AMOUNTS = ['12752.44', '0', '-1', '-0', '1e400', '9007199254740993', '90071992547409.93', '1,234.56', '１２３', '12.345', ' 5 ', '', 'NaN', '=1+1', '0x10'];

/** A payments CSV or its rows: a header of the genre or a broken one, rows of hostile fields. */
function paymentRows(doc: BudgetDocument, r: () => number): string[][] {
  // Mostly well-formed (so that files are read and their rows checked), each field hostile now and then.
  const names = doc.projectForms.map((f) => f.name);
  const projects = [...names, ...doc.projectForms.map((f) => f.id), '', '不存在的项目', '=cmd|x', '\ud800'];
  // Half the files have no hostile field (a payments file is refused whole for one bad row).
  const rate = r() < 0.5 ? 0 : 0.05;
  const odd = () => r() < rate;
  const rows: string[][] = [r() < 0.8 ? PAY_HEADERS[0]! : pickOf(PAY_HEADERS, r)];
  const n = Math.floor(r() * 40);
  for (let i = 0; i < n; i++) {
    const month = 1 + (i % 12);
    const row = [
      odd() ? pickOf(projects, r) : pickOf(names, r),
      odd() ? pickOf(PAY_DATES, r) : `${doc.year}-${String(month).padStart(2, '0')}-15`,
      odd() ? pickOf(PAY_AMOUNTS, r) : (1 + Math.floor(r() * 1e6)).toFixed(2),
      `记-${i}`,
      odd() ? '"未闭合' : '某公司',
    ];
    rows.push(odd() ? row.slice(0, 1 + Math.floor(r() * 5)) : row);
  }
  return rows;
}

function csvOf(rows: string[][], r: () => number): Uint8Array {
  const sep = r() < 0.2 ? '\t' : ',';
  const text = rows.map((row) => row.join(sep)).join(r() < 0.3 ? '\r\n' : '\n');
  return enc.encode((r() < 0.2 ? '\ufeff' : '') + text);
}

async function xlsxOf(rows: string[][], r: () => number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('支付明细');
  for (const row of rows) ws.addRow(row.map((c) => (r() < 0.3 && /^-?[\d.]+$/.test(c) ? Number(c) : c)));
  if (r() < 0.05) ws.mergeCells(1, 1, 2, 2);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The canonical JSON with values replaced by hostile ones at random paths. */
function damageJson(doc: BudgetDocument, n: number, r: () => number): Uint8Array {
  const root = JSON.parse(JSON.stringify(doc)) as unknown;
  const values: unknown[] = [null, true, -1, 2 ** 31, 2 ** 53 + 2, 1e308, 0.5, '', '\ud800', '2021-02-30', [], {}, 'x'.repeat(5000), { a: [[[[[]]]]] }];
  for (let k = 0; k < n; k++) {
    let node = root as Record<string, unknown>;
    for (let depth = 0; depth < 8; depth++) {
      if (node === null || typeof node !== 'object') break;
      // Not the schema tag: a document of another schema is refused before anything else is read.
      const keys = Object.keys(node).filter((k) => depth > 0 || k !== 'schema');
      if (keys.length === 0) break;
      const key = pickOf(keys, r);
      const child = node[key];
      if (child === null || typeof child !== 'object' || r() < 0.25) {
        // Half the edits keep the value's type (another text, another amount: the document stays
        // readable and its checks run on odd figures); the others break it.
        if (r() < 0.5 && typeof child === 'string') node[key] = pickOf(['', '合计', '其他支出', '\u0000', 'x'.repeat(300)], r);
        else if (r() < 0.5 && typeof child === 'number' && Number.isInteger(child)) node[key] = Math.floor(r() * 2 ** 40);
        else if (r() < 0.1) delete node[key];
        else node[key] = pickOf(values, r);
        break;
      }
      node = child as Record<string, unknown>;
    }
  }
  return enc.encode(JSON.stringify(root));
}

/** The PDF with a few byte ranges overwritten, or cut short. */
function damagePdf(bytes: Uint8Array, r: () => number): Uint8Array {
  if (r() < 0.3) return bytes.slice(0, Math.floor(bytes.length * r()));
  const out = bytes.slice();
  const n = 1 + Math.floor(r() * 6);
  for (let k = 0; k < n; k++) {
    const at = Math.floor(r() * out.length);
    const len = 1 + Math.floor(r() * 64);
    for (let i = at; i < Math.min(out.length, at + len); i++) out[i] = Math.floor(r() * 256);
  }
  return out;
}

const FIGURES = ['0.00', '-', '1,234.56', '99999999999999.99', '12.3', '（1.00）', '1 234.5', '—'];

/** The text with lines removed, repeated, swapped and figures replaced. */
function damageText(bytes: Uint8Array, n: number, r: () => number): Uint8Array {
  const lines = new TextDecoder().decode(bytes).split('\n');
  for (let k = 0; k < n; k++) {
    const i = Math.floor(r() * lines.length);
    switch (Math.floor(r() * 5)) {
      case 0:
        lines.splice(i, 1 + Math.floor(r() * 30));
        break;
      case 1:
        lines.splice(i, 0, ...lines.slice(i, i + 1 + Math.floor(r() * 30)));
        break;
      case 2: {
        const j = Math.floor(r() * lines.length);
        [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
        break;
      }
      case 3:
        lines[i] = (lines[i] ?? '').replace(/-?[\d,]+\.\d+/g, () => pickOf(FIGURES, r));
        break;
      default:
        lines[i] = (lines[i] ?? '').slice(0, Math.floor(r() * (lines[i]?.length ?? 0))) + pickOf(['\ufffd', '\u0000', '表', '    ', '合计'], r);
    }
  }
  return enc.encode(lines.join('\n'));
}

/** Runs the cases: `count` per kind (PDF: a tenth), drawn from `seed`. */
export async function runFileFuzz(o: FileFuzzOptions): Promise<FileFuzzResult> {
  const t0 = performance.now();
  const res: FileFuzzResult = { cases: 0, byKind: {}, failures: [], slowestMs: 0, seconds: 0 };
  const kinds: Array<[FileKind, number]> = [
    ['xlsx-disclosure', o.count],
    ['payments-csv', o.count],
    ['payments-xlsx', o.count],
    ['json', o.count],
    ['text', o.count],
    ['pdf', Math.max(2, Math.round(o.count / 10))],
  ];
  // One seed per case, from fast-check's generator under the run's seed; each case draws from its own stream.
  const draws = fc.sample(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { seed: o.seed, numRuns: kinds.reduce((s, [, n]) => s + n, 0) });
  let d = 0;
  for (const [kind, n] of kinds) {
    const tally: Record<string, number> = {};
    res.byKind[kind] = tally;
    for (let i = 0; i < n; i++) {
      const r = seeded(draws[d++]!);
      const edits = 1 + Math.floor(r() * 8);
      const s0 = performance.now();
      try {
        let outcome: string;
        if (kind === 'payments-csv' || kind === 'payments-xlsx') {
          const rows = paymentRows(o.sampleDoc, r);
          const bytes = kind === 'payments-csv' ? csvOf(rows, r) : await xlsxOf(rows, r);
          const ps = await o.pool.readPayments(bytes, kind === 'payments-csv' ? 'payments.csv' : 'payments.xlsx', o.sampleDoc);
          outcome = ps.length > 0 ? 'read' : 'read-empty';
        } else {
          const [bytes, name] =
            kind === 'xlsx-disclosure'
              ? [await damageWorkbook(o.sampleXlsx, edits, r), 'budget.xlsx']
              : kind === 'json'
                ? [damageJson(o.sampleDoc, 1 + (edits % 3), r), 'budget.json']
                : kind === 'pdf'
                  ? [damagePdf(o.samplePdf, r), 'budget.pdf']
                  : [damageText(o.sampleText, edits, r), 'budget.txt'];
          const { doc, findings } = await o.pool.importChecked(bytes, name);
          outcome = doc.tables.length > 0 ? `read (${findings.length > 0 ? 'findings' : 'clean'})` : 'read (no tables)';
        }
        tally[outcome] = (tally[outcome] ?? 0) + 1;
      } catch (e) {
        const ok = e instanceof FiscusError && (REFUSALS.has(e.code) || (e.code === 'TOO_LARGE' && !/^limits\.worker\./.test(e.where.field ?? '')));
        const key = e instanceof FiscusError ? e.code : 'thrown';
        if (process.env.FUZZ_DEBUG) console.log(kind, e instanceof FiscusError ? e.oneLine().slice(0, 200) : e);
        tally[key] = (tally[key] ?? 0) + 1;
        if (!ok) res.failures.push({ kind, case: i, detail: e instanceof FiscusError ? `${e.code} ${e.oneLine()}`.slice(0, 300) : String(e).slice(0, 300) });
      }
      res.slowestMs = Math.max(res.slowestMs, performance.now() - s0);
      res.cases++;
      if (o.log && res.cases % 500 === 0) o.log(`${res.cases} files, ${res.failures.length} failures`);
    }
  }
  res.seconds = (performance.now() - t0) / 1000;
  return res;
}

/** The figures of a run, one line each. */
export function fileFuzzReport(r: FileFuzzResult, seed: number): string[] {
  return [
    `files, seed ${seed}: ${r.cases} cases in ${r.seconds.toFixed(1)} s; slowest ${r.slowestMs.toFixed(0)} ms`,
    ...Object.entries(r.byKind).map(
      ([k, t]) =>
        `  ${k}: ${Object.entries(t)
          .sort()
          .map(([o, n]) => `${o} ${n}`)
          .join(', ')}`,
    ),
    `failures (internal errors, thread time or memory limits, other throws): ${r.failures.length}`,
    ...r.failures.slice(0, 20).map((f) => `  ${f.kind} #${f.case}: ${f.detail.replace(/\s+/g, ' ')}`),
  ];
}
