/**
 * Hand-built budget documents for the storage contract: tables 4, 5 and 7 with codes and amounts, and
 * one project form with cost lines, a quarterly plan and indicators.
 */
import type { BudgetDocument, Indicator, ProjectForm } from '../../src/domain/model.js';
import { emptyDoc, fnRow, money, row, table } from '../../src/rules/_lib/test-doc.js';
import { withTableIds } from '../../src/app/import-document.js';

const src = (line: number) => ({ line, page: null, raw: `line ${line}` });

export function indicator(name: string, value: string): Indicator {
  return { level1: '产出指标', level2: '数量指标', name, raw: `≥${value}台`, comparator: '≥', value, unit: '台', qualitative: false, notApplicable: false, src: src(900) };
}

function form(): ProjectForm {
  return {
    id: 'f1',
    name: '机房运行维护',
    year: 2021,
    parentProject: '机房运行维护',
    amounts: { total: money('6.00'), currentYear: money('6.00'), fiscal: money('6.00'), other: null, transfer: null, purchasedServices: money('1.50') },
    overview: [{ label: '项目概况', text: '机房日常运行维护', src: src(800) }],
    costLines: [
      { no: 1, text: '1.运维服务费：4.5万元', label: '运维服务费', amount: money('4.5'), src: src(801) },
      { no: 2, text: '2.备品备件：1.5万元（5台×0.3万元）', label: '备品备件', amount: money('1.5'), quantity: '5', quantityUnit: '台', unitPrice: money('0.3'), src: src(802) },
    ],
    disbursement: [1, 2, 3, 4].map((quarter) => ({ quarter, amount: money('1.50'), src: src(810 + quarter) })),
    indicators: [indicator('服务器维护数量', '20')],
    src: src(799),
  };
}

/**
 * A department budget of `unit` for `year`; `scale` multiplies every amount so two years differ.
 */
export function budget(year: number, unit = '深圳市福田区测试中心', scale = 1): BudgetDocument {
  const m = (v: number) => money((v * scale).toFixed(2));
  // Explicit lines keep two builds of the same budget equal (the builder's default lines increase).
  let line = 10;
  const at = () => ({ src: src(line++) });
  // Tables carry the ids an import gives them, so what is stored equals what comes back.
  return withTableIds(
    emptyDoc({
      year,
      unit: { name: unit, subordinateUnits: [] },
      title: { text: `${unit}${year}年部门预算`, src: src(1) },
      source: { file: `test-${year}.json`, sha256: 'a'.repeat(64), format: 'json', lines: null, pages: null },
      tables: [
        table(
          'basic-expenditure-economic',
          4,
          ['total', 'general'],
          [
            row('u', unit, { total: m(4), general: m(4) }, { kind: 'unit', level: 0, ...at() }),
            row('e301', '工资福利支出', { total: m(3), general: m(3) }, { kind: 'group', code: '301', codeSystem: 'econ', level: 1, parent: 'u', ...at() }),
            row('e30101', '基本工资', { total: m(3), general: m(3) }, { code: '30101', codeSystem: 'econ', level: 2, parent: 'e301', ...at() }),
            row('e302', '商品和服务支出', { total: m(1), general: m(1) }, { kind: 'group', code: '302', codeSystem: 'econ', level: 1, parent: 'u', ...at() }),
            row('e30201', '办公费', { total: m(1), general: m(1) }, { code: '30201', codeSystem: 'econ', level: 2, parent: 'e302', ...at() }),
          ],
        ),
        table(
          'project-expenditure',
          5,
          ['total', 'general'],
          [
            row('u', unit, { total: m(6), general: m(6) }, { kind: 'unit', level: 0, ...at() }),
            row('g', '一般性项目', { total: m(6), general: m(6) }, { kind: 'group', level: 1, parent: 'u', ...at() }),
            row('p1', '机房运行维护', { total: m(6), general: m(6) }, { codeSystem: 'project', level: 2, parent: 'g', ...at() }),
          ],
        ),
        table(
          'general-budget-function',
          7,
          ['total', 'basic', 'project'],
          [
            fnRow('201', '一般公共服务支出', { total: m(7), basic: m(1), project: m(6) }, at()),
            fnRow('20103', '政府办公厅(室)及相关机构事务', { total: m(7), basic: m(1), project: m(6) }, at()),
            fnRow('2010301', '行政运行', { total: m(1), basic: m(1), project: null }, at()),
            fnRow('2010350', '事业运行', { total: m(6), basic: null, project: m(6) }, at()),
            fnRow('208', '社会保障和就业支出', { total: m(3), basic: m(3), project: null }, at()),
            fnRow('20805', '行政事业单位养老支出', { total: m(3), basic: m(3), project: null }, at()),
            fnRow('2080505', '机关事业单位基本养老保险缴费支出', { total: m(3), basic: m(3), project: null }, at()),
            row('t', '合计', { total: m(10), basic: m(4), project: m(6) }, { kind: 'total', ...at() }),
          ],
        ),
      ],
      projectForms: [form()],
    }),
  );
}

/** The canonical JSON form of a document (what a lossless store must give back). */
export function plain<T>(x: T): unknown {
  return JSON.parse(JSON.stringify(x));
}

export function bytesOf(doc: BudgetDocument): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(doc));
}

/** A payments CSV for the fixture budget's form f1 (2021): `n` rows, amounts 1.00 … n.00 元. */
export function paymentsCsv(n: number, tag = 'V'): Uint8Array {
  const rows = Array.from({ length: n }, (_, i) => `f1,2021-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},${i + 1}.00,${tag}${i}`);
  return new TextEncoder().encode(['项目,日期,金额(元),凭证号', ...rows].join('\n') + '\n');
}
