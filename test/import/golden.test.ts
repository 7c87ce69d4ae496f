/**
 * Golden test: the sample's canonical JSON, checked by hand against the text (see the spot checks
 * below), must not change unnoticed. Regenerate deliberately with `UPDATE_GOLDEN=1`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importBytes } from '../../src/app/import-document.js';
import { cell, factByKey, rowByCode, tableByNo } from '../../src/domain/query.js';
import { parseAmount } from '../../src/domain/money.js';
import { sampleBytes, SAMPLE_NAME } from './helpers.js';

const GOLDEN = fileURLToPath(new URL('../golden/shenzhen-futian-2021.json', import.meta.url));
const w = (s: string) => parseAmount(s);

test('the sample imports to the committed golden canonical JSON', async () => {
  const doc = await importBytes(sampleBytes(), SAMPLE_NAME);
  const json = JSON.stringify(doc, null, 1) + '\n';
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) writeFileSync(GOLDEN, json);
  assert.equal(json, readFileSync(GOLDEN, 'utf8'), 'the canonical JSON changed: review the diff, then UPDATE_GOLDEN=1');
});

test('spot checks of the golden model against the printed text', async () => {
  const doc = JSON.parse(readFileSync(GOLDEN, 'utf8'));
  assert.equal(doc.unit.name, '深圳市福田区数据管理中心');
  assert.equal(doc.year, 2021);
  assert.equal(doc.kind, '部门预算');
  // 表1 line 277: 收入总计 4,424.60 支出总计 4,424.60
  const t1 = tableByNo(doc, 1)!;
  const rt = t1.rows.find((r) => r.side === 'revenue' && r.kind === 'total')!;
  assert.equal(cell(rt, 'amount'), w('4,424.60'));
  assert.equal(rt.src.line, 277);
  // 表7 2010399: 4,263.65 / 619.11 / 3,644.54
  const r7 = rowByCode(tableByNo(doc, 7)!, '2010399')!;
  assert.deepEqual([cell(r7, 'total'), cell(r7, 'basic'), cell(r7, 'project')], [w('4,263.65'), w('619.11'), w('3,644.54')]);
  // 表4 30108 机关事业单位基本养老保险缴费 50.40
  assert.equal(cell(rowByCode(tableByNo(doc, 4)!, '30108'), 'total'), w('50.40'));
  // 表11 C99 其他服务 1,990.90
  assert.equal(cell(rowByCode(tableByNo(doc, 11)!, 'C99'), 'amount'), w('1,990.90'));
  // 表12: both year rows printed empty
  const t12 = tableByNo(doc, 12)!;
  assert.equal(t12.rows.length, 2);
  for (const r of t12.rows) assert.ok(Object.values(r.amounts).every((v) => v === null));
  // Narrative line 62: 收入 4,424.60 万元, 增加 0.54 万元, 增长 0.01%
  assert.equal(factByKey(doc, 'revenue.total')!.money!.fen, w('4,424.60'));
  assert.equal(factByKey(doc, 'revenue.change.amount')!.money!.fen, w('0.54'));
  assert.equal(factByKey(doc, 'revenue.change.percent')!.percent, '0.01');
  // Form 2 应用系统运行维护: 1,074.56 planned as 4 × 249.9
  const f2 = doc.projectForms.find((f: { name: string }) => f.name === '应用系统运行维护');
  assert.equal(f2.amounts.total.fen, w('1,074.56'));
  assert.deepEqual(f2.disbursement.map((q: { amount: { fen: number } }) => q.amount.fen), [w('249.9'), w('249.9'), w('249.9'), w('249.9')]);
  // 表14 合计 4,424.60 and 用户满意度 ≥90%
  assert.equal(doc.departmentTargets.total.total.fen, w('4,424.60'));
  const sat = doc.departmentTargets.indicators.find((i: { name: string }) => i.name === '用户满意度');
  assert.deepEqual([sat.comparator, sat.value, sat.unit], ['≥', '90', '%']);
  assert.equal(doc.projectForms.length, 10);
  assert.equal(doc.tables.length, 13);
});
