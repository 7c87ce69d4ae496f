/**
 * A grid of projects read from a PDF that draws its cells' borders (a small PDF built here, in the
 * layout of Beijing's 项目支出绩效目标表): the rules decide which project each row belongs to, also where
 * the projects' names are not centred on their rows and where a project's cell runs over a page break.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPdf } from '../../pdf/read.js';
import { buildPdf, type PageSpec, type Run, type RuleSpec } from '../../pdf/test-pdf.js';
import { importGenericSource } from '../index.js';
import type { BudgetDocument } from '../../../domain/model.js';
import type { PageRulings, SourceLine } from '../../text/source.js';
import { ruledOwners } from './ruled.js';

const H = 595;
/** A run of CJK text, its baseline `t` points from the top of the page. */
const at = (x: number, t: number, text: string, size = 8): Run => ({ x, y: H - t, size, text, font: 'CJK' });

// Columns: 项目名称 项目总额 财政资金 其他资金 绩效目标 | 一级指标 二级指标 三级指标 性质 指标值 单位.
const EDGES = [50, 135, 195, 255, 315, 405, 465, 535, 620, 690, 760, 830];
const MERGED_RIGHT = 405;
const HEADER: Array<[number, string]> = [
  [60, '项目名称'],
  [140, '项目总额'],
  [200, '财政资金'],
  [260, '其他资金'],
  [330, '绩效目标'],
  [410, '一级指标'],
  [470, '二级指标'],
  [540, '三级指标'],
  [625, '绩效指标性质'],
  [695, '本年绩效指标值'],
  [765, '绩效度量单位'],
];

/** An indicator row whose cell spans t0…t0+16. */
function row(t0: number, name: string): Run[] {
  const b = t0 + 11;
  return [at(410, b, '产出指标'), at(470, b, '数量指标'), at(540, b, name), at(625, b, '≥'), at(695, b, '1'), at(765, b, '个')];
}

/** A project's merged cells printed on the line at `t`: its name, amounts and goal. */
function project(t: number, name: string, amount: string): Run[] {
  return [at(55, t, name), at(140, t, amount), at(200, t, amount), at(320, t, `${name}目标`)];
}

/** Vertical borders from t0 to t1, and horizontal ones: across the whole table, or (`indicators`) only the indicator columns. */
function borders(t0: number, t1: number, across: number[], indicators: number[]): RuleSpec[] {
  const y = (t: number) => H - t;
  return [
    ...EDGES.map((x) => ({ x0: x, y0: y(t0), x1: x, y1: y(t1) })),
    ...across.map((t) => ({ x0: EDGES[0]!, y0: y(t), x1: EDGES[EDGES.length - 1]!, y1: y(t), fill: true })),
    ...indicators.map((t) => ({ x0: MERGED_RIGHT, y0: y(t), x1: EDGES[EDGES.length - 1]!, y1: y(t), fill: true })),
  ];
}

/**
 * Page 1: the title, the header, project 甲 (rows 1–5, its name printed on its first row, not centred)
 * and project 乙 (rows 6–8 here, its cell open at the page's foot); page 2: 乙's last row (its cell open
 * at the head, no name), then project 丙 (2 rows).
 */
function pages(ruled: boolean): PageSpec[] {
  const p1: Run[] = [
    at(330, 60, '预算11表 项目支出绩效目标表', 12),
    at(700, 80, '金额单位：万元'),
    ...HEADER.map(([x, s]) => at(x, 103, s)),
    ...project(121, '甲项目', '10.00'),
    ...row(110, '甲一'),
    ...row(126, '甲二'),
    ...row(142, '甲三'),
    ...row(158, '甲四'),
    ...row(174, '甲五'),
    ...project(201, '乙项目', '20.00'),
    ...row(190, '乙一'),
    ...row(206, '乙二'),
    ...row(222, '乙三'),
  ];
  const p2: Run[] = [...row(76, '乙四'), ...project(108, '丙项目', '30.00'), ...row(92, '丙一'), ...row(108, '丙二')];
  return [
    { width: 842, height: H, runs: p1, ...(ruled ? { rules: borders(90, 238, [90, 110, 190], [126, 142, 158, 174, 206, 222, 238]) } : {}) },
    { width: 842, height: H, runs: p2, ...(ruled ? { rules: borders(76, 124, [92, 124], [76]) } : {}) },
  ];
}

async function read(ruled: boolean): Promise<BudgetDocument> {
  const r = await readPdf(buildPdf(pages(ruled)), 'grid.pdf');
  return importGenericSource(r.source);
}

const rowsOf = (d: BudgetDocument) => Object.fromEntries(d.projectForms.map((f) => [f.name, f.indicators.map((i) => i.name)]));

test('a bordered grid: each row belongs to the project whose ruled cell holds it, across the page break too, with no inference noted', async () => {
  const d = await read(true);
  assert.deepEqual(rowsOf(d), {
    甲项目: ['甲一', '甲二', '甲三', '甲四', '甲五'],
    乙项目: ['乙一', '乙二', '乙三', '乙四'],
    丙项目: ['丙一', '丙二'],
  });
  assert.deepEqual(
    d.projectForms.map((f) => f.amounts.currentYear?.fen),
    [10_000_000, 20_000_000, 30_000_000],
  );
  assert.deepEqual(
    d.importNotes.filter((n) => n.code === 'form-rows-uncertain'),
    [],
  );
});

test('the same grid without borders is read by centring, as before: the rows around the off-centre names go elsewhere', async () => {
  const d = await read(false);
  const rows = rowsOf(d);
  assert.deepEqual(Object.keys(rows), ['甲项目', '乙项目', '丙项目']);
  // 甲's name is printed on its first row: centred on it, 甲 cannot hold all five rows.
  assert.notDeepEqual(rows['甲项目'], ['甲一', '甲二', '甲三', '甲四', '甲五']);
  assert.equal(Object.values(rows).flat().length, 11, 'every row is still read');
});

// Hand-made lines (text columns of 5 pt): the merged column at x 10–20, borders at x 0, 30 and 100.
const page = (h: number[], hIndicators: number[], top: number, bot: number): PageRulings => ({
  h: [...h.map((y) => ({ y, x0: 0, x1: 100 })), ...hIndicators.map((y) => ({ y, x0: 30, x1: 100 }))].sort((a, b) => a.y - b.y),
  v: [0, 30, 100].map((x) => ({ x, y0: top, y1: bot })),
  left: 0,
  charWidth: 5,
});
const line = (no: number, pg: number, y: number, rulings: PageRulings): SourceLine => ({ no, text: `line ${no}`, page: pg, indent: 0, y, size: 2, rulings });

test('ruled cells: a line belongs to the project printed in its cell; a cell cut by the page break continues; text past an open edge is clipped', () => {
  const p1 = page([10, 30], [20, 40], 10, 40);
  const p2 = page([20, 40], [10], 10, 40);
  const a = line(1, 1, 16, p1); // project A's line, in the cell 10–30
  const a2 = line(2, 1, 26, p1); // A's second row
  const b = line(3, 1, 36, p1); // project B's line, in the cell 30–40 (open at the page's foot)
  const clipped = line(4, 1, 46, p1); // B's text drawn past the table's foot
  const cont = line(5, 2, 16, p2); // the head of page 2 (open at the top): B's cell continued
  const c = line(6, 2, 36, p2); // project C
  const before = line(7, 2, 6, p2); // above the table on page 2, past its open head
  const body = [a, a2, b, clipped, cont, c, before];
  const anchors = [a, b, c].map((l) => ({ lines: [l], x0: 10, x1: 20 }));
  const r = ruledOwners(body, anchors, new Set())!;
  assert.deepEqual(
    body.map((l) => r.owner(l)),
    [0, 0, 1, -1, 1, 2, -1],
  );
  assert.deepEqual(
    [...r.overflow].map((l) => l.no),
    [4, 7],
  );
  // A cell holding a line the grid reads as no project's (a 合计 row) is not decided by the rules.
  assert.equal(ruledOwners(body, anchors, new Set([a2]))!.owner(a), -1);
  // Lines without measured rules (text input): nothing to decide.
  assert.equal(
    ruledOwners(
      body.map((l) => ({ ...l, rulings: undefined })),
      anchors,
      new Set(),
    ),
    null,
  );
});
