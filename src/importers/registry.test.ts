/**
 * The registry on a final account whose function table prints the national template's 年初预算数 and
 * 调整预算数 columns (test/fixtures/reconcile/national: the shared Putuo final account with that one page
 * printed so): the Shanghai reader, whose layout has no such column, does not claim it; the genre
 * recogniser reads the columns by their keys and the narrative's comparisons as the Shanghai reader does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readSourceText } from './text/source.js';
import { chooseImporter } from './registry.js';
import { validateDocument } from '../app/validate.js';
import { FINAL_FILE, NATIONAL_FINAL_FILE } from '../../test/fixtures/reconcile/make-fixtures.js';

const source = (file: string) => readSourceText(readFileSync(file), file.split('/').pop()!);

test('the Shanghai reader claims the final account as published, not its national variant', () => {
  assert.equal(chooseImporter(source(FINAL_FILE)).importer.profile, 'shanghai-final-accounts');
  assert.equal(chooseImporter(source(NATIONAL_FINAL_FILE)).importer.profile, 'generic');
});

test('the genre recogniser reads the national variant’s columns by their keys, its table number no header, and the same comparisons as the Shanghai reader', () => {
  const src = source(NATIONAL_FINAL_FILE);
  const d = chooseImporter(src).importer.read(src);
  assert.equal(d.kind, '部门决算');
  assert.equal(d.unit.name, '上海市普陀区财政局');
  const t = d.tables.find((x) => x.role === 'general-budget-function')!;
  assert.deepEqual(
    t.columns.map((c) => `${c.key}:${c.header.join('/')}`),
    [
      'initial.total:年初预算数/小计',
      'initial.basic:年初预算数/基本支出',
      'initial.project:年初预算数/项目支出',
      'adjusted.total:调整预算数',
      'total:决算数/合计',
      'basic:决算数/基本支出',
      'project:决算数/项目支出',
    ],
  );
  const run = t.rows.find((r) => r.code === '2010601')!;
  assert.deepEqual(
    ['initial.total', 'initial.basic', 'initial.project', 'adjusted.total', 'total', 'basic', 'project'].map((k) => run.amounts[k]?.fen ?? null),
    [1_560_050_000, 1_551_680_000, 8_370_000, 1_560_050_000, 1_511_890_000, 1_503_520_000, 8_370_000],
  );
  assert.equal(run.unplaced, undefined);
  const published = chooseImporter(source(FINAL_FILE)).importer.read(source(FINAL_FILE));
  const brief = (x: typeof d) => (x.finalAccounts?.comparisons ?? []).map((c) => [c.subject, c.budget?.fen, c.actual?.fen, c.direction, c.reason]);
  assert.equal(brief(d).length, 13);
  assert.deepEqual(brief(d), brief(published));
  // The lines are the same: the page keeps its number of lines.
  assert.deepEqual(
    d.finalAccounts!.comparisons.map((c) => c.src.line),
    published.finalAccounts!.comparisons.map((c) => c.src.line),
  );
});

test('a text no importer is sure of goes to the genre recogniser, never to a regional reader that does not claim it', () => {
  // One table, no cover, no year: the genre recogniser's confidence is 0, as every regional reader's.
  const tiny = readSourceText(Buffer.from('表9 项目支出表\n单位：万元\n项目名称   合计   财政拨款\n合计   60.00   50.00\n', 'utf8'), 'tiny.txt');
  const { importer, confidence } = chooseImporter(tiny);
  assert.equal(importer.profile, 'generic');
  assert.equal(confidence, 0);
  const d = importer.read(tiny);
  assert.equal(d.tables.length, 1);
  assert.equal(d.tables[0]!.rows[0]!.amounts['total']?.fen, 60_000_000);
});

test('a final account in the national template’s layout (merged codes, 行次 beside the figures) is the genre recogniser’s, not the Shanghai reader’s', () => {
  const file = new URL('../../test/fixtures/genre/national-final-accounts-made.txt', import.meta.url).pathname;
  const src = source(file);
  const chosen = chooseImporter(src).importer;
  assert.equal(chosen.profile, 'generic');
  const d = chosen.read(src);
  assert.equal(d.kind, '部门决算');
  assert.equal(d.year, 2024);
  assert.equal(d.tables.length, 9);
  // 行次 are no amounts: 四、上级补助收入 prints none.
  const t1 = d.tables.find((t) => t.role === 'income-expenditure-summary')!;
  assert.equal(t1.rows.find((r) => r.label === '四、上级补助收入')?.amounts['amount'] ?? null, null);
  assert.equal(t1.rows.find((r) => r.label === '一、一般公共预算财政拨款收入')?.amounts['amount']?.src?.raw, '1,380.00');
  // Its figures add up: nothing is asserted against it (a finding would be a misreading).
  assert.deepEqual(
    validateDocument(d)
      .findings.filter((f) => f.severity !== 'info')
      .map((f) => `${f.rule} ${f.message}`),
    [],
  );
});

test('the made final account printed otherwise (narrow cells; amounts in 元, titles 表一…, tables broken over pages after the same code) is read without an error, and in 元 without a warning', () => {
  const read = (name: string) => {
    const src = source(new URL(`../../test/fixtures/genre/${name}`, import.meta.url).pathname);
    const chosen = chooseImporter(src).importer;
    assert.equal(chosen.profile, 'generic');
    return validateDocument(chosen.read(src))
      .findings.filter((f) => f.severity !== 'info')
      .map((f) => `${f.severity} ${f.rule} ${f.message}`);
  };
  assert.deepEqual(
    read('national-final-accounts-made-narrow.txt').filter((f) => f.startsWith('error')),
    [],
  );
  assert.deepEqual(read('national-final-accounts-made-variant.txt'), []);
});
