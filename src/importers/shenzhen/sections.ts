/**
 * Splits a Shenzhen disclosure into its structure: the eight narrative parts (第一部分 … 第八部分),
 * tables 表1 … 表14, and the 预算项目支出绩效目标申报表 forms. Page numbers come from pdftotext's
 * page-start marker (a line indented by one space) when the text has no explicit page marks.
 */
import type { SourceLine, SourceText } from '../text/source.js';
import { fail, type ImportContext } from './context.js';

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

/** Splits the source into parts, tables and forms; fails if the skeleton is missing. */
export function splitShenzhen(src: SourceText, ctx: ImportContext): ShenzhenStructure {
  const lines = assignPages(src);
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
    } else if (FORM_RE.test(t.replace(/\s+/g, ''))) {
      open({ no: out.forms.length + 1, title: '预算项目支出绩效目标申报表', lines: [l] }, out.forms);
    } else if (cur) {
      (cur as Block).lines.push(l);
    } else {
      fail(ctx, l, '"第一部分 部门概况" at the start of a Shenzhen department budget');
    }
  }
  for (const t of out.tables) {
    const titleLine = t.lines.find((l, i) => i > 0 && l.text.length > 0);
    t.title = titleLine?.text ?? '';
  }
  if (out.parts.length === 0) fail(ctx, lines[0], '"第一部分 部门概况"');
  if (out.tables.length === 0) fail(ctx, lines[lines.length - 1], 'the budget tables "表 1" … "表 14"', 'no table');
  return out;
}
