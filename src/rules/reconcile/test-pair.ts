/**
 * A small budget and its final account for the pair rules' tests: one 项 (2010601 行政运行) with its
 * 类 and 款 in the final account, the general budget's 合计, a “三公”经费 table on each side, and the
 * final account's narrative comparisons. `pairDocs()` is consistent: no pair rule finds anything.
 */
import type { BudgetDocument, FinalAccountComparison, Fact } from '../../domain/model.js';
import { emptyDoc, fnRow, money, row, table } from '../_lib/test-doc.js';

const unit = { name: '测试区财政局', subordinateUnits: [] };

export interface PairFigures {
  /** The budget's 2010601 and 合计. */
  budget?: string;
  /** The final account's 2010601 决算数 (and so its 类, 款 and 合计). */
  final?: string;
  /** What the narrative states as 年初预算 and 决算 of 2010601, and its reason (null: none). */
  statedBudget?: string;
  statedFinal?: string;
  reason?: string | null;
  /** 三公: the budget's, the final account's 预算数 line, its 决算数 line, and the narrative's reason. */
  threeBudget?: string;
  threeStated?: string;
  threeFinal?: string;
  threeReason?: string | null;
  /** The completion rate the narrative states for the general budget ("95.00"), or none. */
  rate?: string | null;
}

function comparison(subject: string, budget: string, actual: string, reason: string | null, line: number): FinalAccountComparison {
  return {
    subject,
    budget: money(budget, line),
    actual: money(actual, line),
    direction: Number(actual) < Number(budget) ? '小于' : Number(actual) > Number(budget) ? '大于' : '持平',
    percent: null,
    reason,
    src: { line, endLine: line + 1, page: 3, raw: `${subject}。年初预算为${budget}万元，支出决算为${actual}万元。` },
  };
}

/** A consistent pair, with any figure changed by `p`. */
export function pairDocs(p: PairFigures = {}): { budget: BudgetDocument; final: BudgetDocument } {
  const b = p.budget ?? '100.00';
  const f = p.final ?? '95.00';
  const budget = emptyDoc({
    kind: '部门预算',
    profile: 'shanghai-budget',
    year: 2024,
    unit,
    tables: [
      { ...table('general-budget-function', null, ['total'], [fnRow('2010601', '行政运行', { total: b }, { parent: null }), row('total', '合计', { total: b }, { kind: 'total' })]), id: 't5' },
      {
        ...table('three-public', null, ['total', 'overseas', 'reception'], [row('y2024', '2024年预算数', { total: p.threeBudget ?? '1.00', overseas: null, reception: p.threeBudget ?? '1.00' })]),
        id: 't9',
      },
    ],
  });
  const rateFact: Fact[] =
    p.rate === null
      ? []
      : [{ key: 'comparison.completion-rate', label: '一般公共预算财政拨款支出', percent: p.rate ?? '95.00', src: { line: 10, page: 3, raw: `完成年初预算的${p.rate ?? '95.00'}%` } }];
  const final = emptyDoc({
    kind: '部门决算',
    profile: 'shanghai-final-accounts',
    year: 2024,
    unit,
    narrative: { parts: [], duties: [], projects: [], glossary: [], facts: rateFact },
    tables: [
      {
        ...table(
          'general-budget-function',
          null,
          ['total'],
          [fnRow('201', '一般公共服务支出', { total: f }), fnRow('20106', '财政事务', { total: f }), fnRow('2010601', '行政运行', { total: f }), row('total', '合计', { total: f }, { kind: 'total' })],
        ),
        id: 't5',
      },
      {
        ...table(
          'three-public',
          null,
          ['total', 'overseas', 'reception'],
          [
            row('budget', '预算数', { total: p.threeStated ?? '1.00', overseas: null, reception: p.threeStated ?? '1.00' }),
            row('final', '决算数', { total: p.threeFinal ?? '0.90', overseas: null, reception: p.threeFinal ?? '0.90' }),
          ],
        ),
        id: 't7',
      },
    ],
    finalAccounts: {
      comparisons: [
        comparison('一般公共预算财政拨款支出', p.statedBudget ?? b, p.statedFinal ?? f, '工作计划调整', 10),
        comparison('一般公共服务支出(类)财政事务(款)行政运行', p.statedBudget ?? b, p.statedFinal ?? f, p.reason === undefined ? '人员变化' : p.reason, 20),
        comparison('“三公”经费财政拨款支出', p.threeStated ?? '1.00', p.threeFinal ?? '0.90', p.threeReason === undefined ? '厉行节约' : p.threeReason, 30),
      ],
    },
  });
  return { budget, final };
}

/**
 * The national template's variant of the pair: the final account's function table prints 年初预算数
 * (`initial.*`) and 调整预算数 (`adjusted.total`) columns beside its 决算数, the budget's prints 基本支出 and
 * 项目支出. `cells` gives, per row id of the final account's table (`f2010601`, `total` …), the cells to
 * print; every other cell of those columns is empty.
 */
export function withNationalColumns(
  docs: { budget: BudgetDocument; final: BudgetDocument },
  cells: Record<string, Record<string, string | null>>,
  budgetCells: Record<string, Record<string, string | null>> = {},
): typeof docs {
  const d = structuredClone(docs);
  const ft = d.final.tables[0]!;
  const keys = ['initial.total', 'initial.basic', 'initial.project', 'adjusted.total'];
  ft.columns.push(...keys.map((key) => ({ key, header: [key], kind: 'amount' as const })));
  for (const r of ft.rows) for (const k of keys) r.amounts[k] = cells[r.id]?.[k] != null ? money(cells[r.id]![k]!, r.src.line) : null;
  const bt = d.budget.tables[0]!;
  bt.columns.push(...['basic', 'project'].map((key) => ({ key, header: [key], kind: 'amount' as const })));
  for (const r of bt.rows) for (const k of ['basic', 'project']) r.amounts[k] = budgetCells[r.id]?.[k] != null ? money(budgetCells[r.id]![k]!, null) : null;
  return d;
}
