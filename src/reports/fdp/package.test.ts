/**
 * The Fiscal Data Package of a document (issue 15 item 5): its descriptor is valid under the official
 * Frictionless JSON Schema profiles (fiscal-data-package, tabular-data-package, tabular-data-resource
 * and table-schema, as the npm packages datapackage and tableschema ship them), checked with ajv; the
 * ZIP is read back (jszip, csv-parse) and every CSV obeys its Table Schema; every amount of the
 * document's model is in the fiscal resource, fen by fen, and every amount of every plain table CSV
 * is the model's amount of the cell it prints.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { importBytes } from '../../app/import-document.js';
import type { BudgetDocument } from '../../domain/model.js';
import { parseAmount } from '../../domain/money.js';
import { buildReportView } from '../view/report.js';
import { fdpZip, fiscalDataPackage, tableCsv, type FdpDescriptor, type FdpResource } from './package.js';

const require = createRequire(import.meta.url);
const profile = (spec: string): Record<string, unknown> => JSON.parse(readFileSync(require.resolve(spec), 'utf8')) as Record<string, unknown>;
const PROFILES = {
  fiscal: profile('datapackage/lib/profiles/fiscal-data-package.json'),
  tabularPackage: profile('datapackage/lib/profiles/tabular-data-package.json'),
  tabularResource: profile('datapackage/lib/profiles/tabular-data-resource.json'),
  tableSchema: profile('tableschema/lib/profiles/table-schema.json'),
};

// The profiles are draft-04 JSON Schemas with annotations of their own (propertyOrder, context, options).
// Both are CommonJS: their `default` export is the class and the plugin (Node's ESM interop).
const ajv = new Ajv04.default({ allErrors: true, strict: false });
addFormats.default(ajv);
ajv.addFormat('textarea', true);
const validators = {
  fiscal: ajv.compile(PROFILES.fiscal),
  tabularPackage: ajv.compile(PROFILES.tabularPackage),
  tabularResource: ajv.compile(PROFILES.tabularResource),
  tableSchema: ajv.compile(PROFILES.tableSchema),
};

/** The profile errors of a descriptor (empty: valid under every profile). */
function profileErrors(d: unknown): string[] {
  const out: string[] = [];
  const run = (name: string, v: (typeof validators)[keyof typeof validators], x: unknown) => {
    if (!v(x)) for (const e of v.errors ?? []) out.push(`${name}: ${e.instancePath} ${e.message ?? ''}`);
  };
  run('fiscal-data-package', validators.fiscal, d);
  run('tabular-data-package', validators.tabularPackage, d);
  const resources = (d as { resources?: unknown[] }).resources ?? [];
  resources.forEach((r, i) => {
    run(`tabular-data-resource[${i}]`, validators.tabularResource, r);
    run(`table-schema[${i}]`, validators.tableSchema, (r as { schema?: unknown }).schema);
  });
  return out;
}

const SAMPLES = resolve(import.meta.dirname, '../../../../shared/samples');
const docs = new Map<string, Promise<BudgetDocument>>();
const load = (file: string) => {
  let d = docs.get(file);
  if (!d) docs.set(file, (d = importBytes(readFileSync(resolve(SAMPLES, file)), file)));
  return d;
};
const FUTIAN = 'shenzhen-futian-data-center-2021-dept-budget.txt';
const SHANGHAI = ['shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.txt', 'shanghai-putuo-finance-bureau-2024-dept-final-accounts.txt'];

/** A package read back from its ZIP: descriptor and each resource's records (header line first). */
async function readBack(zipBytes: Uint8Array): Promise<{ descriptor: FdpDescriptor; names: string[]; records: Map<string, string[][]> }> {
  const zip = await JSZip.loadAsync(zipBytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const descriptor = JSON.parse(await zip.file('datapackage.json')!.async('string')) as FdpDescriptor;
  const records = new Map<string, string[][]>();
  for (const r of descriptor.resources) {
    const file = zip.file(r.path);
    assert.ok(file, `the ZIP holds ${r.path}`);
    const text = await file.async('string');
    assert.notEqual(text.charCodeAt(0), 0xfeff, `${r.path} has no byte-order mark (encoding utf-8)`);
    records.set(r.name, parse(text, { bom: false, relaxColumnCount: false }));
  }
  return { descriptor, names, records };
}

/** Table Schema's rules for the CSV of a resource: the header is the fields' names, each value casts by its field. */
function tableSchemaViolations(r: FdpResource, rows: string[][]): string[] {
  const out: string[] = [];
  const names = r.schema.fields.map((f) => f.name);
  assert.deepEqual(rows[0], names, `${r.path}: the header line is the schema's field names, in order`);
  const missing = new Set(r.schema.missingValues);
  rows.slice(1).forEach((row, i) => {
    if (row.length !== names.length) out.push(`${r.path}:${i + 2}: ${row.length} values for ${names.length} fields`);
    r.schema.fields.forEach((f, j) => {
      const v = row[j] ?? '';
      if (missing.has(v)) {
        if (f.constraints?.required) out.push(`${r.path}:${i + 2}: ${f.name} is required`);
        return;
      }
      if (f.type === 'integer' && !/^[+-]?\d+$/.test(v)) out.push(`${r.path}:${i + 2}: ${f.name} ${JSON.stringify(v)} is not an integer`);
      if (f.type === 'number' && !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v)) out.push(`${r.path}:${i + 2}: ${f.name} ${JSON.stringify(v)} is not a number`);
      if (f.constraints?.enum && !f.constraints.enum.includes(v)) out.push(`${r.path}:${i + 2}: ${f.name} ${JSON.stringify(v)} is not one of ${f.constraints.enum.join(', ')}`);
    });
  });
  return out;
}

/** Every amount of the model: "table/row/column" (column "?n" for the n-th unplaced amount of a row) → fen. */
function modelAmounts(doc: BudgetDocument): Map<string, number> {
  const out = new Map<string, number>();
  doc.tables.forEach((t, ti) => {
    const id = t.id ?? `t${ti + 1}`;
    for (const r of t.rows) {
      for (const c of t.columns) {
        const m = r.amounts[c.key];
        if (c.kind === 'amount' && m != null) out.set(`${id}/${r.id}/${c.key}`, m.fen);
      }
      (r.unplaced ?? []).forEach((m, i) => out.set(`${id}/${r.id}/?${i}`, m.fen));
    }
  });
  return out;
}

/** Checks a document's package end to end; returns the descriptor and what was compared, for the caller's own checks. */
async function checkPackage(doc: BudgetDocument): Promise<{ descriptor: FdpDescriptor; amounts: string[][]; compared: number; tableCells: number }> {
  const { descriptor, names, records } = await readBack(await fdpZip(doc));
  assert.deepEqual(profileErrors(descriptor), [], 'the descriptor is valid under every profile');
  assert.deepEqual(names.sort(), ['datapackage.json', ...descriptor.resources.map((r) => r.path)].sort(), 'the ZIP holds the descriptor and its resources, nothing else');
  for (const r of descriptor.resources) assert.deepEqual(tableSchemaViolations(r, records.get(r.name)!), [], `${r.path} obeys its Table Schema`);

  // The fiscal resource: every amount of the model once, fen by fen.
  const amounts = records.get('amounts')!;
  const head = amounts[0]!;
  const col = (name: string) => head.indexOf(name);
  const model = modelAmounts(doc);
  const seen = new Map<string, number>();
  const unplacedSeen = new Map<string, number>();
  for (const line of amounts.slice(1)) {
    const base = `${line[col('table_id')]}/${line[col('row_id')]}`;
    let key = `${base}/${line[col('column_key')]}`;
    if (line[col('column_key')] === '') {
      const n = unplacedSeen.get(base) ?? 0;
      unplacedSeen.set(base, n + 1);
      key = `${base}/?${n}`;
    }
    assert.equal(seen.has(key), false, `${key} once`);
    const fen = Number(line[col('amount_fen')]);
    assert.ok(Number.isSafeInteger(fen), `${key}: integer fen`);
    seen.set(key, fen);
  }
  assert.deepEqual(seen, model, 'the fiscal resource holds every amount of the model, fen by fen, and nothing else');

  // The plain tables: each amount cell is the model's amount of the cell it prints, in the table's display unit.
  const views = buildReportView(doc).tables;
  const cells = new Map<string, number>();
  for (const [k, v] of model) cells.set(k, v);
  let tableCells = 0;
  for (const v of views) {
    const r = descriptor.resources.find((x) => x.name === `table-${v.id}`)!;
    assert.ok(r, `a resource for ${v.id} ${v.title}`);
    assert.equal(r.path, `tables/${v.id}.csv`);
    const rows = records.get(r.name)!;
    assert.equal(rows.length, v.body.length + 1, `${v.id}: a header line and each printed line`);
    v.body.forEach((line, i) => {
      line.cells.forEach((c, j) => {
        const text = rows[i + 1]![j]!;
        if (c.kind !== 'amount') {
          assert.equal(text.replace(/^'/, ''), c.text, `${v.id} line ${i + 1} column ${j + 1}: the printed text`);
          return;
        }
        const want = c.ref ? cells.get(`${v.id}/${c.ref.rowId}/${c.ref.key}`) : undefined;
        if (want === undefined) assert.equal(text, '', `${v.id} line ${i + 1} column ${j + 1}: empty where the model has no amount`);
        else {
          assert.equal(parseAmount(text, v.displayUnit), want, `${v.id} line ${i + 1} column ${j + 1}: ${text} ${v.displayUnit} is the model's ${want} fen`);
          tableCells++;
        }
      });
    });
  }
  return { descriptor, amounts, compared: seen.size, tableCells };
}

test('the Futian sample: its Fiscal Data Package validates and reads back to the model, fen by fen', { timeout: 60_000 }, async () => {
  const doc = await load(FUTIAN);
  const { descriptor, amounts, compared, tableCells } = await checkPackage(doc);
  const total = [...modelAmounts(doc).values()].length;
  assert.equal(compared, total);
  assert.equal(total, 203, `the sample's tables hold ${total} amounts`);
  assert.equal(tableCells, 203, `${tableCells} printed amounts compared (the Shenzhen outline prints every amount)`);
  assert.equal(descriptor.model.measures['amount']!.currency, 'CNY');
  assert.equal(descriptor.model.measures['amount']!.factor, 0.01);
  assert.equal(descriptor.model.measures['amount']!.phase, 'approved');
  assert.deepEqual(descriptor.fiscalPeriod, { start: '2021-01-01', end: '2021-12-31' });
  assert.equal(descriptor.resources.length, 1 + doc.tables.length);
  // The functional classification of a 项 line of table 7, its names as the sample prints them (lines 669–692).
  const head = amounts[0]!;
  const line = amounts.find((l) => l[head.indexOf('table_id')] === 't7' && l[head.indexOf('function_code')] === '2080505' && l[head.indexOf('column_key')] === 'total')!;
  const at = (name: string) => line[head.indexOf(name)];
  assert.deepEqual(
    ['function_level', 'function_class_code', 'function_class_name', 'function_kuan_code', 'function_kuan_name', 'function_xiang_code', 'function_xiang_name', 'direction', 'fiscal_year'].map(at),
    ['项', '208', '社会保障和就业支出', '20805', '行政事业单位养老支出', '2080505', '机关事业单位基本养老保险缴费支出', 'expenditure', '2021'],
  );
  // Economic classification of a 款 line of table 4 (基本工资 30101 under 301 工资福利支出).
  const econ = amounts.find((l) => l[head.indexOf('table_id')] === 't4' && l[head.indexOf('econ_code')] === '30101' && l[head.indexOf('column_key')] === 'total')!;
  assert.deepEqual(['econ_level', 'econ_class_code', 'econ_class_name', 'econ_kuan_code', 'econ_kuan_name'].map((n) => econ[head.indexOf(n)]), ['款', '301', '工资福利支出', '30101', '基本工资']);
  // Table 1's two sides, and table 12's two years (2020 and 2021 as its 年度 column says).
  const t1 = amounts.filter((l) => l[head.indexOf('table_id')] === 't1');
  assert.deepEqual([...new Set(t1.map((l) => l[head.indexOf('direction')]))].sort(), ['expenditure', 'revenue']);
  // Table 12 prints no amount (0 for both years); given some, each is of the year its 年度 column says.
  const withYears = structuredClone(doc);
  const t12 = withYears.tables.find((t) => t.id === 't12')!;
  t12.rows.forEach((r, i) => (r.amounts['total'] = { fen: 100 + i, decimals: 2 }));
  const lines = fiscalDataPackage(withYears).files[0]!.text.split('\r\n').filter((l) => l.includes(',t12,'));
  assert.deepEqual(lines.map((l) => [l.split(',')[0], l.split(',').at(-1)]), [['2020', '100'], ['2021', '101']]);
});

for (const file of SHANGHAI) {
  test(`a Shanghai sample (${file}): its package validates and reads back to the model, fen by fen`, { timeout: 60_000 }, async () => {
    const doc = await load(file);
    const { descriptor, amounts, compared, tableCells } = await checkPackage(doc);
    assert.equal(compared, modelAmounts(doc).size);
    assert.ok(tableCells > 50, `${tableCells} printed amounts compared`);
    const head = amounts[0]!;
    const phases = new Set(amounts.slice(1).map((l) => l[head.indexOf('phase')]));
    if (doc.kind === '部门决算') assert.ok(phases.has('executed'), 'a final account is executed');
    else assert.deepEqual([...phases], ['approved']);
    assert.equal(descriptor.fiscus.year, 2024);
  });
}

test('the profiles refuse what is not a Fiscal Data Package', async () => {
  const { descriptor } = fiscalDataPackage(await load(FUTIAN));
  /** A copy of the descriptor with the value at `path` replaced, or removed when no value is given. */
  const broken = (path: Array<string | number>, ...value: [unknown?]): unknown => {
    const copy = JSON.parse(JSON.stringify(descriptor)) as unknown;
    let at = copy as Record<string | number, unknown>;
    for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    if (value.length === 0) delete at[last];
    else at[last] = value[0];
    return copy;
  };
  assert.deepEqual(profileErrors(JSON.parse(JSON.stringify(descriptor)) as unknown), []);
  assert.match(profileErrors(broken(['model'])).join('\n'), /fiscal-data-package: {2}must have required property 'model'/);
  assert.match(profileErrors(broken(['model', 'measures', 'amount', 'currency'])).join('\n'), /currency/);
  assert.match(profileErrors(broken(['model', 'measures', 'amount', 'phase'], 'budget')).join('\n'), /\/model\/measures\/amount\/phase must be equal to one of the allowed values/);
  assert.match(profileErrors(broken(['resources', 1, 'schema'])).join('\n'), /tabular-data-resource\[1\]/);
  assert.match(profileErrors(broken(['resources', 0, 'schema', 'fields', 0, 'type'], 'money')).join('\n'), /table-schema\[0\]/);
  assert.match(profileErrors(broken(['name'], '预算')).join('\n'), /\/name must match pattern/);
});

test('a plain table CSV is the table as printed: its headings, its lines, its amounts in its unit', async () => {
  const doc = await load(FUTIAN);
  const v = buildReportView(doc).tables.find((t) => t.id === 't7')!;
  const csv = tableCsv(v, { bom: true });
  assert.equal(csv.charCodeAt(0), 0xfeff, 'a byte-order mark for spreadsheets');
  const rows = parse(csv.slice(1));
  assert.deepEqual(rows[0], ['预算单位', '科目编码', '科目名称', '支出总计', '基本支出', '项目支出']);
  assert.equal(rows.length, v.body.length + 1);
  // Sample line 718: 201 一般公共服务支出 4,263.65 619.11 3,644.54 (万元).
  assert.deepEqual(rows.find((r) => r[1] === '201'), ['', '201', '一般公共服务支出', '4263.65', '619.11', '3644.54']);
});
