/**
 * The comparisons' charts and workbooks drawn in a parser thread (task 'render-compare'): the same SVG
 * and the same cells as drawn on the calling thread, and the calling thread never loads echarts or
 * exceljs for them.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { importFile } from '../import-document.js';
import type { BudgetDocument } from '../../domain/model.js';
import { SAMPLE_TEXT } from '../../../test/support/scaled-variants.js';
import { nextYearVariant } from '../../../test/support/year-variant.js';
import { departmentComparison, yearComparison, type ComparedDocument, type DepartmentComparison, type YearComparison } from '../../reports/view/compare.js';
import { ParsePool } from './pool.js';

const pool = new ParsePool();
after(() => pool.close());
const meta = (d: BudgetDocument, id: string): ComparedDocument => ({ budgetId: id, version: 1, unitName: `${d.unit.name}${id}`, year: d.year, kind: d.kind });
let departments: DepartmentComparison;
let years: YearComparison;

before(async () => {
  const sample = await importFile(SAMPLE_TEXT);
  const variant = nextYearVariant(sample, 3).doc;
  years = yearComparison({ meta: meta(sample, '1'), doc: sample }, { meta: meta(variant, '2'), doc: variant });
  // Two budgets of one year side by side (the variant's figures under the sample's year), with a class on its own.
  const other = { ...variant, year: sample.year };
  departments = departmentComparison(
    [
      { meta: meta(sample, '1'), doc: sample },
      { meta: meta(other, '2'), doc: other },
    ],
    'function',
    1,
    () => null,
    '201',
  );
});

/** Every sheet's name and cell values of a workbook. */
async function cells(bytes: Uint8Array): Promise<unknown[]> {
  const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => [ws.name, ws.getSheetValues()]);
}

test('charts and workbooks of both comparisons come from a thread, equal to those drawn in place; this thread loads neither echarts nor exceljs', { timeout: 180_000 }, async () => {
  const [charts, deptXlsx, yearXlsx] = await Promise.all([pool.compareCharts(departments), pool.compareXlsx({ of: 'departments', view: departments }), pool.compareXlsx({ of: 'year', view: years })]);
  const loaded = Object.keys(createRequire(import.meta.url).cache).filter((p) => /node_modules[\\/](echarts|exceljs)[\\/]/.test(p));
  assert.deepEqual(loaded, [], 'echarts and exceljs stay out of the calling thread');
  assert.deepEqual(
    charts.map((c) => c.id),
    ['chart-classes', 'chart-focus', 'chart-three-public', 'chart-operating'],
  );
  const { departmentCharts } = await import('../../reports/charts/compare.js');
  assert.deepEqual(charts, departmentCharts(departments));
  const { departmentComparisonXlsx, yearComparisonXlsx } = await import('../../reports/xlsx/compare.js');
  assert.deepEqual(await cells(deptXlsx), await cells(await departmentComparisonXlsx(departments)));
  assert.deepEqual(await cells(yearXlsx), await cells(await yearComparisonXlsx(years)));
  assert.ok((await cells(yearXlsx)).length >= 2, 'the year workbook has its documents sheet and a sheet per table');
});
