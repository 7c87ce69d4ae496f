/**
 * `fiscus audit -o report.csv` on a file and a project whose names begin with `=`: every text cell
 * that a spreadsheet would read as a formula is written with a leading single quote and quoted
 * (issue 11, case 8), while the figures of the number columns — a negative difference too — stay numbers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { AUDIT_CSV_HEADER } from '../../src/reports/audit/index.js';
import { sampleText } from '../import/helpers.js';

const BIN = fileURLToPath(new URL('../../bin/fiscus.js', import.meta.url));

test('file and project names beginning with = are escaped in the audit CSV; a negative difference stays a number', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fiscus-csv-'));
  const docs = join(dir, 'docs');
  mkdirSync(docs);
  const lines = sampleText().split('\n');
  // The project form 基础设施运行维护 (its name printed over lines 995–997) renamed to begin with =,
  // and its first quarter cut by 10 so that the plan sums 7.74 short of the project (BUD-072).
  assert.equal(lines[994], '基础设施运行');
  lines[994] = '=基础设施运行';
  assert.match(lines[1099]!, /^第一季度支付 318\.25万元/);
  lines[1099] = lines[1099]!.replace('318.25', '308.25');
  writeFileSync(join(docs, '=HYPERLINK("x",1).txt'), lines.join('\n'));

  // Run from the folder, so that the file column holds the name as given (beginning with =).
  const r = spawnSync(process.execPath, [BIN, 'audit', '.', '-o', join(dir, 'report.csv'), '--fail-on', 'never'], { cwd: docs, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const csv = readFileSync(join(dir, 'report.csv'), 'utf8');
  const rows = parse(csv.slice(1), { relax_column_count: false });
  assert.deepEqual(rows[0], AUDIT_CSV_HEADER);
  const col = (name: string) => AUDIT_CSV_HEADER.indexOf(name);
  const body = rows.slice(1);
  assert.ok(body.length > 0);
  for (const row of body) {
    assert.equal(row[col('文件')], `'=HYPERLINK("x",1).txt`);
    assert.match(row[col('位置')]!, /^'=HYPERLINK\("x",1\)\.txt:\d+$/);
    for (const [i, cell] of row.entries()) {
      const number = /^-?\d+(\.\d+)?$/.test(cell);
      assert.ok(!/^[=+\-@\t\r]/.test(cell) || number, `column ${AUDIT_CSV_HEADER[i]}: ${JSON.stringify(cell)}`);
    }
  }
  const plan = body.find((row) => row[col('规则')] === 'BUD-072' && row[col('项目')] === "'=基础设施运行维护");
  assert.ok(plan, 'the disbursement finding of the renamed project, its name escaped');
  assert.deepEqual([plan[col('预期')], plan[col('实际')], plan[col('差额')]], ['1270.74', '1263.00', '-7.74']);
  // In the file itself: the escaped names quoted, the negative difference a bare number.
  assert.ok(csv.includes(`,"'=基础设施运行维护",`));
  assert.ok(csv.includes(',1270.74,1263.00,-7.74,万元,'));
  assert.ok(!csv.split('\r\n').some((l) => l.startsWith('=')), 'no record begins with =');
});
