/**
 * What the form readers share: the block's context, the notes they write, and the form's name as
 * its title prints it.
 */
import type { ImportNote, Src } from '../../../domain/model.js';
import type { DisplayUnit } from '../../../domain/money.js';
import type { SourceLine } from '../../text/source.js';

export interface FormContext {
  file: string;
  year: number;
  /** The unit the form's amounts are printed in. */
  unit: DisplayUnit;
  /** Id of the block's table (forms get ids `<table>-f1`, `<table>-f2` …). */
  table: string;
  /** The form's title as printed (squashed). */
  title: string;
  notes: ImportNote[];
}

/** Provenance of a line (or of lines `first`…`last`) with `raw` as printed. */
export function srcOfLines(first: SourceLine, raw: string, last?: SourceLine): Src {
  const s: Src = { line: first.no, page: first.page, raw };
  if (last && last.no !== first.no) s.endLine = last.no;
  return s;
}

/** A name tidied as printed: white space dropped between ideographs, kept between Latin words. */
export function tidy(s: string): string {
  return s
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, (m, at: number, all: string) => (/[A-Za-z0-9]$/.test(all.slice(0, at)) && /^[A-Za-z0-9]/.test(all.slice(at + m.length)) ? ' ' : ''));
}

/**
 * The project a form's title names ("办公楼物业项目绩效目标表" → 办公楼物业, "市行政中心保安服务项目绩效目标表" →
 * 市行政中心保安服务), or null for a generic title ("项目支出绩效目标表", "政策和项目预算绩效目标表").
 */
export function nameFromTitle(title: string): string | null {
  let t = tidy(title).replace(/[（(]\d{4}年?度?[)）]$/, '');
  t = t.replace(/^(?:表[\d一二三四五六七八九十-]+|预算表?\d+表?|[（(]?[一二三四五六七八九十\d]+[)）、.．])\s*/, '').replace(/^\d{4}年度?/, '');
  const m = /^(.+?)(?:项目)?(?:支出)?绩效目标(?:申报)?表$/.exec(t);
  if (!m) return null;
  const name = m[1]!;
  if (
    /^(?:部门|单位|市级|区级|县级)?(?:预算)?(?:项目|专项业务经费|部门预算专项业务经费|专项资金总体|专项资金|政策和项目预算|政策和项目|年度项目|项目支出|部门整体支出|部门整体|整体支出|专项转移支付|市级重点专项资金|市级一般性项目|部门主管专项资金的)?$/.test(
      name,
    )
  )
    return null;
  return name;
}
