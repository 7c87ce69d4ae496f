/**
 * Cutting a Shanghai disclosure into its parts: the table blocks (by their titles, never the table of
 * contents) and the narrative parts, in document order.
 */
import type { TableRole } from '../../domain/model.js';
import { squash } from '../../domain/text.js';
import type { SourceLine, SourceText } from '../text/source.js';
import type { TableBlock } from './code-table.js';

export type ShanghaiProfile = 'shanghai-budget' | 'shanghai-final-accounts';

interface TitleSpec {
  no: number;
  role: TableRole;
  re: RegExp;
}

/** Titles of the nine budget tables (as printed above each table, year prefix optional). */
export const BUDGET_TITLES: TitleSpec[] = [
  { no: 1, role: 'income-expenditure-summary', re: /^(\d{4}年)?(部门|单位)?财务收支预算总表$/ },
  { no: 2, role: 'revenue-summary', re: /^(\d{4}年)?(部门|单位)?收入预算总表$/ },
  { no: 3, role: 'expenditure-summary', re: /^(\d{4}年)?(部门|单位)?支出预算总表$/ },
  { no: 4, role: 'appropriation-summary', re: /^(\d{4}年)?(部门|单位)?财政拨款收支预算总表$/ },
  { no: 5, role: 'general-budget-function', re: /^(\d{4}年)?(部门|单位)?一般公共预算支出功能分类预算表$/ },
  { no: 6, role: 'gov-fund-function', re: /^(\d{4}年)?(部门|单位)?政府性基金预算支出功能分类预算表$/ },
  { no: 7, role: 'state-capital-function', re: /^(\d{4}年)?(部门|单位)?国有资本经营预算支出功能分类预算表$/ },
  { no: 8, role: 'basic-expenditure-economic', re: /^(\d{4}年)?(部门|单位)?一般公共预算基本支出(部门预算)?经济分类预算表$/ },
  { no: 9, role: 'three-public', re: /^(\d{4}年)?(部门|单位)?[“"]三公[”"]经费和机关运行经费预算表$/ },
];

/** Titles of the nine final-account tables. */
export const FINAL_TITLES: TitleSpec[] = [
  { no: 1, role: 'income-expenditure-summary', re: /^收入支出决算总表$/ },
  { no: 2, role: 'revenue-summary', re: /^收入决算表$/ },
  { no: 3, role: 'expenditure-summary', re: /^支出决算表$/ },
  { no: 4, role: 'appropriation-summary', re: /^财政拨款收入支出决算总表$/ },
  { no: 5, role: 'general-budget-function', re: /^一般公共预算财政拨款支出决算表$/ },
  { no: 6, role: 'basic-expenditure-economic', re: /^一般公共预算财政拨款基本支出决算表$/ },
  { no: 7, role: 'three-public', re: /^(财政拨款)?[“"]三公[”"]经费支出决算表$/ },
  { no: 8, role: 'gov-fund-function', re: /^政府性基金预算财政拨款收入支出决算表$/ },
  { no: 9, role: 'state-capital-function', re: /^国有资本经营预算财政拨款收入支出决算表$/ },
];

/** Headings of narrative parts (budget: 主要职能 … 项目经费情况说明; final: 第一/三/四部分). */
const BUDGET_PARTS = [/主要职能$/, /机构设置$/, /^名词解释$/, /预算编制说明$/, /^其他相关情况说明$/, /^项目经费情况说明$/];
const FINAL_PARTS = [/^第一部分/, /^第二部分/, /^第三部分/, /^第四部分/];

export interface NarrativeBlock {
  title: SourceLine;
  lines: SourceLine[];
}

export interface ShanghaiStructure {
  tables: TableBlock[];
  parts: NarrativeBlock[];
}

const isToc = (l: SourceLine) => /…|\.{4,}/.test(l.text);

/** Splits the text into table blocks and narrative parts. */
export function splitShanghai(src: SourceText, profile: ShanghaiProfile): ShanghaiStructure {
  const titles = profile === 'shanghai-budget' ? BUDGET_TITLES : FINAL_TITLES;
  const partRes = profile === 'shanghai-budget' ? BUDGET_PARTS : FINAL_PARTS;
  type Mark = { kind: 'table'; spec: TitleSpec; at: number } | { kind: 'part'; at: number };
  const marks: Mark[] = [];
  // The table of contents lists the same words: a heading counts only after the contents page.
  const tocEnd = Math.max(-1, ...src.lines.map((l, i) => (isToc(l) || /^目\s*录$/.test(l.text) ? i : -1)).filter((i) => i >= 0 && i < 80));
  let lastTocLine = tocEnd;
  if (profile === 'shanghai-final-accounts') {
    // The final account's contents are a plain list: it ends where 第一部分 is printed a second time.
    const firsts = src.lines.map((l, i) => (/^第一部分/.test(squash(l.text)) ? i : -1)).filter((i) => i >= 0);
    if (firsts.length > 1) lastTocLine = firsts[firsts.length - 1]! - 1;
  }
  src.lines.forEach((l, i) => {
    if (i <= lastTocLine || isToc(l)) return;
    const s = squash(l.text);
    const t = titles.find((x) => x.re.test(s));
    if (t && !marks.some((m) => m.kind === 'table' && m.spec.no === t.no)) {
      marks.push({ kind: 'table', spec: t, at: i });
      return;
    }
    if (partRes.some((re) => re.test(s)) && s.length <= 40) marks.push({ kind: 'part', at: i });
  });
  const tables: TableBlock[] = [];
  const parts: NarrativeBlock[] = [];
  marks.forEach((m, k) => {
    const end = marks[k + 1]?.at ?? src.lines.length;
    const title = src.lines[m.at]!;
    const lines = src.lines.slice(m.at + 1, end);
    if (m.kind === 'table') tables.push({ no: m.spec.no, role: m.spec.role, title, lines });
    else parts.push({ title, lines });
  });
  return { tables, parts };
}
