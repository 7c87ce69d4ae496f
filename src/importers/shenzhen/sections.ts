/**
 * Splits a Shenzhen disclosure into its structure: the eight narrative parts (第一部分 … 第八部分),
 * tables 表1 … 表14, and the 预算项目支出绩效目标申报表 forms. Page numbers come from pdftotext's
 * page-start marker (a line indented by one space) when the text has no explicit page marks.
 */
import { squash } from '../../domain/text.js';
import type { SourceLine, SourceText } from '../text/source.js';
import { fail, srcOf, type ImportContext } from './context.js';

export interface Block {
  /** Part number (1–8), table number (1–14) or form index (1…). */
  no: number;
  title: string;
  /** The block's lines, heading line included. */
  lines: SourceLine[];
}

export interface ShenzhenStructure {
  parts: Block[];
  tables: Block[];
  forms: Block[];
  /** Pages counted from page-start marks (null when the text has none). */
  pageCount: number | null;
}

const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const PART_RE = /^第([一二三四五六七八九十])部分\s*(.+)$/;
const TABLE_RE = /^表\s*(\d{1,2})$/;
const FORM_RE = /^预算项目支出绩效目标申报表$/;

/** Assigns pages from one-space indents when the source carried no explicit page markers. */
function assignPages(src: SourceText): SourceLine[] {
  if (src.pages !== null) return src.lines;
  let page = 1;
  return src.lines.map((l, i) => {
    if (i > 0 && l.indent === 1) page++;
    return { ...l, page };
  });
}

/** A page-number footer ("— 20 —", "- 20 -", "第 20 页", "第 20 页 共 39 页"). */
const FOOTER_RE = /^(?:[—–-]\s*(\d{1,4})\s*[—–-]|第\s*(\d{1,4})\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)$/;
/** An appendix heading after the forms (charts, validation findings): not part of the disclosure. */
const APPENDIX_RE = /^附(?:录|件)(?:\s|$|[:：])/;

/**
 * Drops what is not the disclosure itself: a cover and table of contents before the body (the body
 * starts at the last "第一部分" before the first table heading), page-number footers (which give the
 * page of the lines after them when the text has no other page marks) and appendices after the body.
 */
function bodyLines(lines: SourceLine[], ctx: ImportContext): SourceLine[] {
  const firstTable = lines.findIndex((l) => TABLE_RE.test(l.text));
  let start = 0;
  for (let i = 0; i < (firstTable < 0 ? lines.length : firstTable); i++) {
    const m = PART_RE.exec(lines[i]!.text);
    if (m && CN_NUM[m[1]!] === 1) start = i;
  }
  if (start > 0)
    ctx.notes.push({
      severity: 'info',
      message: `第 ${lines[0]!.no}–${lines[start - 1]!.no} 行为封面或目录，未作为正文读取`,
      src: { line: lines[0]!.no, endLine: lines[start - 1]!.no, page: lines[0]!.page, raw: lines[0]!.text },
    });
  const out: SourceLine[] = [];
  const hasFooters = lines.some((l) => FOOTER_RE.test(l.text));
  let footerPage: number | null = null;
  for (let i = start; i < lines.length; i++) {
    const l = lines[i]!;
    const f = FOOTER_RE.exec(l.text);
    if (f) {
      footerPage = Number(f[1] ?? f[2]) + 1;
      continue;
    }
    if (APPENDIX_RE.test(l.text) && out.some((x) => TABLE_RE.test(x.text))) {
      ctx.notes.push({ severity: 'info', message: `第 ${l.no} 行起为附录「${l.text}」，未作为正文读取`, src: srcOf(l) });
      break;
    }
    out.push(hasFooters && footerPage !== null && l.page === null ? { ...l, page: footerPage } : l);
  }
  return out;
}

/**
 * True for the heading of a project form, its words spaced or not. A trimmed line reads
 * 预算项目支出绩效目标申报表 without its white space only if it starts and ends as that does: most lines
 * are told apart without removing their white space.
 */
function isFormHeading(t: string): boolean {
  return t.startsWith('预') && t.endsWith('表') && FORM_RE.test(squash(t));
}

/** Splits the source into parts, tables and forms; fails if the skeleton is missing. */
export function splitShenzhen(src: SourceText, ctx: ImportContext): ShenzhenStructure {
  const lines = bodyLines(assignPages(src), ctx);
  if (lines.length === 0) fail(ctx, src.lines[0], '“第一部分 部门概况”');
  const out: ShenzhenStructure = { parts: [], tables: [], forms: [], pageCount: lines[lines.length - 1]?.page ?? null };
  let cur: Block | null = null;
  let bucket: Block[] | null = null;
  const open = (b: Block, into: Block[]) => {
    cur = b;
    bucket = into;
    into.push(b);
  };
  for (const l of lines) {
    const t = l.text;
    let m: RegExpExecArray | null;
    if ((m = PART_RE.exec(t)) && (bucket === null || bucket === out.parts)) {
      open({ no: CN_NUM[m[1]!] ?? 0, title: m[2]!.trim(), lines: [l] }, out.parts);
    } else if ((m = TABLE_RE.exec(t)) && bucket !== out.forms) {
      open({ no: Number(m[1]), title: '', lines: [l] }, out.tables);
    } else if (isFormHeading(t)) {
      open({ no: out.forms.length + 1, title: '预算项目支出绩效目标申报表', lines: [l] }, out.forms);
    } else if (cur) {
      (cur as Block).lines.push(l);
    } else {
      fail(ctx, l, '深圳部门预算开头的“第一部分 部门概况”');
    }
  }
  for (const t of out.tables) {
    const titleLine = t.lines.find((l, i) => i > 0 && l.text.length > 0);
    t.title = titleLine?.text ?? '';
  }
  if (out.parts.length === 0) fail(ctx, lines[0], '“第一部分 部门概况”');
  if (out.tables.length === 0) fail(ctx, lines[lines.length - 1], '预算表“表 1”…“表 14”', '没有表');
  return out;
}
