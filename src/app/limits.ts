/**
 * The one configuration of fiscus's limits on untrusted input: request bodies per kind of route,
 * the shape of documents and spreadsheets (rows, merged ranges, pages, nesting) and the memory and
 * wall-clock time of the worker threads that parse them. Every HTTP route and every CLI command reads
 * its limits here; a refusal is a TOO_LARGE FiscusError naming the limit (`limits.<name>` in
 * `where.field`), that is 413 problem+json in the API, a Chinese page in the web app, exit 2 in the CLI.
 */
import { FiscusError } from '../domain/errors.js';

const MiB = 1024 * 1024;

/** Request bodies, by the kind of route that reads them. */
export interface BodyLimits {
  /** The web app's document upload (POST /upload). */
  upload: number;
  /** The API's document import (POST /api/v1/budgets). */
  import: number;
  /** A batch audit's documents together (POST /api/v1/audits). */
  batch: number;
  /** Payments files: API import and the web upload. */
  payments: number;
  /** JSON bodies of the API (payments, monitoring, evaluation). */
  json: number;
  /** PATCH of a project form (API). */
  patch: number;
  /** Web forms (edits, payments, monitoring, evaluation). */
  form: number;
}

export interface Limits {
  body: BodyLimits;
  /** Rows of one worksheet or of a CSV file. */
  rows: number;
  /** Merged ranges of one worksheet. */
  mergedRanges: number;
  /** Cells covered by the merged ranges of one worksheet (one range over a whole sheet is as costly as a million ranges). */
  mergedCells: number;
  /** Bytes of a spreadsheet once unpacked (all parts of the ZIP container together). */
  unpackedBytes: number;
  /** Pages of a PDF. */
  pages: number;
  /** Nesting depth of a JSON document. */
  depth: number;
  /** Lines of a disclosure text. */
  lines: number;
  worker: {
    /** Parser threads running at once. */
    threads: number;
    /** Main heap of one parser thread (V8 old generation), MB. */
    memoryMb: number;
    /** Wall-clock time of one parse, from its start in a thread, ms. */
    timeMs: number;
    /** Parses waiting for a thread; one more is refused as BUSY (503, Retry-After) rather than left to wait. */
    queue: number;
  };
}

/** The defaults: a disclosure is about 200 KB of text or a 1–5 MB PDF of 20–80 pages. */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  body: Object.freeze({ upload: 20 * MiB, import: 20 * MiB, batch: 200 * MiB, payments: 10 * MiB, json: 1 * MiB, patch: 2 * MiB, form: 1 * MiB }),
  rows: 200_000,
  mergedRanges: 10_000,
  mergedCells: 1_000_000,
  unpackedBytes: 200 * MiB,
  pages: 2_000,
  depth: 64,
  lines: 1_000_000,
  worker: Object.freeze({ threads: 2, memoryMb: 1024, timeMs: 120_000, queue: 32 }),
});

/** Partial limits (tests, operators) over the defaults. */
export interface LimitsOverride extends Partial<Omit<Limits, 'body' | 'worker'>> {
  body?: Partial<BodyLimits>;
  worker?: Partial<Limits['worker']>;
}

/** The defaults with `o` applied. */
export function limitsWith(o: LimitsOverride = {}, base: Limits = DEFAULT_LIMITS): Limits {
  return { ...base, ...o, body: { ...base.body, ...o.body }, worker: { ...base.worker, ...o.worker } };
}

/** Names of the limits, as they appear in messages and in `where.field`. */
export type LimitName = Exclude<keyof Limits, 'body' | 'worker'> | `body.${keyof BodyLimits}` | `worker.${keyof Limits['worker']}`;

/** What each limit counts: its Chinese label and unit. */
const UNITS: Record<LimitName, { zh: string; zhUnit: string }> = {
  'body.upload': { zh: '上传的文件', zhUnit: '' },
  'body.import': { zh: '导入的文件', zhUnit: '' },
  'body.batch': { zh: '批量审核上传的文件', zhUnit: '' },
  'body.payments': { zh: '上传的支付明细', zhUnit: '' },
  'body.json': { zh: '请求内容', zhUnit: '' },
  'body.patch': { zh: '修改内容', zhUnit: '' },
  'body.form': { zh: '提交的表单', zhUnit: '' },
  rows: { zh: '行数', zhUnit: ' 行' },
  mergedRanges: { zh: '合并单元格区域数', zhUnit: ' 个' },
  mergedCells: { zh: '合并单元格总数', zhUnit: ' 个' },
  unpackedBytes: { zh: '电子表格解压后的大小', zhUnit: '' },
  pages: { zh: 'PDF 页数', zhUnit: ' 页' },
  depth: { zh: 'JSON 嵌套层数', zhUnit: ' 层' },
  lines: { zh: '文本行数', zhUnit: ' 行' },
  'worker.threads': { zh: '读取线程数', zhUnit: ' 个' },
  'worker.memoryMb': { zh: '读取所需内存', zhUnit: ' MB' },
  'worker.timeMs': { zh: '读取所需时间', zhUnit: ' 毫秒' },
  'worker.queue': { zh: '排队等待读取的文件数', zhUnit: ' 个' },
};

/** Bytes in words, to a tenth (20 MiB, 1.5 MiB, 512 KiB, 300 字节). */
export function bytesText(n: number): string {
  if (n >= MiB) return `${Number((n / MiB).toFixed(1))} MiB`;
  if (n >= 1024) return `${Number((n / 1024).toFixed(1))} KiB`;
  return `${n} 字节`;
}

const isBytes = (name: LimitName) => name.startsWith('body.') || name === 'unpackedBytes';

/**
 * The refusal for input over a limit: "合并单元格区域数应不超过 10000 个（限制项 mergedRanges），实为
 * 50000 个（工作表 sheet1.xml）". `where.field` is `limits.<name>`; `expected` is the limit, `found`
 * what was found (a number, or Chinese words when the input was not counted to its end).
 */
export function overLimit(name: LimitName, max: number, found: number | string, where: { file?: string; line?: number | null; page?: number | null } = {}, context = ''): FiscusError {
  const amount = (n: number) => (isBytes(name) ? bytesText(n) : `${n}${UNITS[name].zhUnit}`);
  const f = typeof found === 'number' ? amount(found) : found;
  return new FiscusError(
    'TOO_LARGE',
    `${UNITS[name].zh}应不超过 ${amount(max)}（限制项 ${name}），实为${typeof found === 'number' ? ' ' : ''}${f}${context ? `（${context}）` : ''}`,
    { ...where, field: `limits.${name}` },
    String(max),
    typeof found === 'number' ? String(found) : found,
  );
}

/** The refusal of a request body over `limits.body[kind]`. */
export function bodyTooLarge(kind: keyof BodyLimits, max: number): FiscusError {
  return overLimit(`body.${kind}`, max, '更大的请求内容');
}

/** The limit a TOO_LARGE error names, if any. */
export function limitOf(e: FiscusError): LimitName | null {
  const f = e.where.field;
  return f?.startsWith('limits.') && f.slice(7) in UNITS ? (f.slice(7) as LimitName) : null;
}

/** A Chinese sentence for the web app: what was over which limit ("上传的文件超过上限 20 MiB（限制项 body.upload）"). */
export function limitSentence(e: FiscusError): string {
  const name = limitOf(e);
  if (!name) return e.message;
  const u = UNITS[name];
  const max = Number(e.expected);
  const maxText = isBytes(name) ? bytesText(max) : `${max}${u.zhUnit}`;
  const found = /^\d+$/.test(e.found ?? '') ? `，实际 ${e.found}${u.zhUnit}` : '';
  return `${u.zh}超过上限 ${maxText}${found}（限制项 ${name}）。`;
}
