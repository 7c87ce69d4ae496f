/**
 * The nine tables of each Shanghai profile: which parser reads each one and with which columns
 * (docs/model.md keys, "## Shanghai column keys" for the keys Shanghai adds).
 */
import type { Table } from '../../domain/model.js';
import { parseCodeTable, type ColumnSpec, type TableBlock } from './code-table.js';
import type { ShanghaiContext, TableRef } from './context.js';
import type { ShanghaiProfile } from './sections.js';
import { parseSideBySideEconomic, parseThreePublic } from './special-tables.js';
import { parseSummaryTable } from './summary-table.js';

const FN_BUDGET: ColumnSpec[] = [
  { key: 'total', header: ['合计'], marker: /合计/, sumOf: ['basic', 'project'] },
  { key: 'basic', header: ['基本支出'], marker: /基本支出/ },
  { key: 'project', header: ['项目支出'], marker: /项目支出/ },
];

const REVENUE_BUDGET: ColumnSpec[] = [
  { key: 'total', header: ['合计'], marker: /合计/, sumOf: ['govApprop', 'business', 'operating', 'otherIncome'] },
  { key: 'govApprop', header: ['财政拨款收入'], marker: /财政拨款收入/ },
  { key: 'business', header: ['事业收入'], marker: /事业收入/ },
  { key: 'operating', header: ['事业单位经营收入'], marker: /事业单位|经营收入/ },
  { key: 'otherIncome', header: ['其他收入'], marker: /其他收入/ },
];

const ECON_BUDGET: ColumnSpec[] = [
  { key: 'total', header: ['合计'], marker: /合计/, sumOf: ['personnel', 'public'] },
  { key: 'personnel', header: ['人员经费'], marker: /人员经费/ },
  { key: 'public', header: ['公用经费'], marker: /公用经费/ },
];

const APPROP_EXP: ColumnSpec[] = [
  { key: 'amount', header: ['合计'], marker: /合计/, sumOf: ['general', 'govFund', 'stateCapital'] },
  { key: 'general', header: ['一般公共预算'], marker: /一般公共预算/ },
  { key: 'govFund', header: ['政府性基金预算'], marker: /政府性基金预?/ },
  { key: 'stateCapital', header: ['国有资本经营预算'], marker: /国有资本经营/ },
];

const REVENUE_FINAL: ColumnSpec[] = [
  { key: 'total', header: ['本年收入合计'], marker: /本年收入合/, sumOf: ['govApprop', 'superior', 'business', 'operating', 'subordinate', 'otherIncome'] },
  { key: 'govApprop', header: ['财政拨款收入'], marker: /财政拨款收/ },
  { key: 'superior', header: ['上级补助收入'], marker: /上级补助/ },
  { key: 'business', header: ['事业收入'], marker: /事业收/ },
  { key: 'operating', header: ['经营收入'], marker: /经营收/ },
  { key: 'subordinate', header: ['附属单位上缴收入'], marker: /附属单/ },
  { key: 'otherIncome', header: ['其他收入'], marker: /其他收/ },
];

const EXPENDITURE_FINAL: ColumnSpec[] = [
  { key: 'total', header: ['本年支出合计'], marker: /本年支出合/, sumOf: ['basic', 'project', 'remitSuperior', 'operatingExp', 'subsidySubordinate'] },
  { key: 'basic', header: ['基本支出'], marker: /基本支出/ },
  { key: 'project', header: ['项目支出'], marker: /项目支/ },
  { key: 'remitSuperior', header: ['上缴上级支出'], marker: /上缴上级/ },
  { key: 'operatingExp', header: ['经营支出'], marker: /经营支/ },
  { key: 'subsidySubordinate', header: ['对附属单位补助支出'], marker: /对附属单/ },
];

const FUND_FINAL: ColumnSpec[] = [
  { key: 'carryIn', header: ['年初结转和结余'], marker: /年初结转/ },
  { key: 'income', header: ['本年收入'], marker: /本年收入/ },
  { key: 'total', header: ['本年支出', '小计'], marker: /小计/, sumOf: ['basic', 'project'] },
  { key: 'basic', header: ['本年支出', '基本支出'], marker: /基本支出/ },
  { key: 'project', header: ['本年支出', '项目支出'], marker: /项目支出/ },
  { key: 'carryOut', header: ['年末结转和结余'], marker: /年末结转/ },
];

/** Parses one table block of a profile; `ref` names the table in the notes on what cannot be read. */
export function parseTable(ctx: ShanghaiContext, profile: ShanghaiProfile, block: TableBlock, ref: TableRef): Table {
  const budget = profile === 'shanghai-budget';
  switch (block.role) {
    case 'income-expenditure-summary':
      return parseSummaryTable(
        ctx,
        block,
        { role: block.role, revenueHeader: [budget ? '预算数' : '决算数'], expenditure: [{ key: 'amount', header: [budget ? '预算数' : '决算数'], marker: /预算数|决算数/, nth: 1 }] },
        ctx.year,
        ref,
      );
    case 'appropriation-summary':
      return parseSummaryTable(ctx, block, { role: block.role, revenueHeader: [budget ? '预算数' : '决算数'], expenditure: APPROP_EXP }, ctx.year, ref);
    case 'revenue-summary':
      return parseCodeTable(ctx, block, { role: block.role, codeSystem: 'function', columns: budget ? REVENUE_BUDGET : REVENUE_FINAL }, ref);
    case 'expenditure-summary':
      return parseCodeTable(ctx, block, { role: block.role, codeSystem: 'function', columns: budget ? FN_BUDGET : EXPENDITURE_FINAL }, ref);
    case 'general-budget-function':
      return parseCodeTable(ctx, block, { role: block.role, codeSystem: 'function', columns: FN_BUDGET }, ref);
    case 'gov-fund-function':
    case 'state-capital-function':
      return parseCodeTable(ctx, block, { role: block.role, codeSystem: 'function', columns: budget ? FN_BUDGET : FUND_FINAL }, ref);
    case 'basic-expenditure-economic':
      return budget ? parseCodeTable(ctx, block, { role: block.role, codeSystem: 'econ', columns: ECON_BUDGET }, ref) : parseSideBySideEconomic(ctx, block, ref);
    case 'three-public':
      return parseThreePublic(ctx, block, ctx.year, ref);
    default:
      return parseCodeTable(ctx, block, { role: 'other', codeSystem: 'function', columns: FN_BUDGET }, ref);
  }
}
