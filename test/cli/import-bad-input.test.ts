/**
 * `fiscus import` on bad input. Input that is not a disclosure at all (empty, binary, unrelated text):
 * exit code 2, one line `file:line: 应为……，实为……`, nothing written. A disclosure with a part
 * that cannot be read (a malformed number, a table header missing a column): degraded, never refused:
 * exit 0 (import; validate 0 or 1), the output written, and a located import note (and, from
 * `validate`, a structure finding) at the line; everything else is imported and checked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BudgetDocument } from '../../src/domain/model.js';
import { sampleText } from '../import/helpers.js';

const BIN = fileURLToPath(new URL('../../bin/fiscus.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'fiscus-bad-'));

function runImport(name: string, bytes: Uint8Array | string): { code: number | null; stderr: string; out: string } {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const out = join(dir, `${name}.json`);
  const r = spawnSync(process.execPath, [BIN, 'import', file, '-o', out], { encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr, out };
}

/** `fiscus validate` on a file already written by runImport's name. */
function runValidate(name: string): { code: number | null; stdout: string } {
  const r = spawnSync(process.execPath, [BIN, 'validate', join(dir, name)], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout };
}

/**
 * The degrade contract: the import succeeds and writes its JSON with exactly one error note, of
 * `code`, at `line` (with its page and table id); validate exits 0 or 1 and reports a structure error
 * at `file:line`. Returns the document.
 */
function assertDegraded(r: { code: number | null; stderr: string; out: string }, name: string, code: string, line: number): BudgetDocument {
  assert.equal(r.code, 0, r.stderr);
  assert.ok(existsSync(r.out), 'the output is written');
  const doc = JSON.parse(readFileSync(r.out, 'utf8')) as BudgetDocument;
  const errors = doc.importNotes.filter((n) => n.severity === 'error');
  assert.equal(errors.length, 1, JSON.stringify(errors));
  const n = errors[0]!;
  assert.equal(n.code, code);
  assert.equal(n.src.line, line);
  assert.equal(typeof n.src.page, 'number');
  assert.match(String(n.table), /^t\d+$/);
  assert.match(n.message, /^表《.+》/);
  const v = runValidate(name);
  assert.ok(v.code === 0 || v.code === 1, `validate exit ${v.code}`);
  assert.ok(
    v.stdout.split('\n').some((l) => l.startsWith(`${name}:${line}: error BUD-048 `)),
    v.stdout,
  );
  return doc;
}

function assertRejected(r: { code: number | null; stderr: string; out: string }, name: string, line: RegExp | number) {
  assert.equal(r.code, 2, r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line: ${r.stderr}`);
  const m = /^([^:]+):(\d+): .*应.+，实为.+$/.exec(lines[0]!);
  assert.ok(m, `file:line: 应为……，实为…… — got ${lines[0]}`);
  assert.equal(m[1], name);
  if (typeof line === 'number') assert.equal(Number(m[2]), line);
  else assert.match(m[2]!, line);
  assert.equal(existsSync(r.out), false, 'nothing written on failure');
}

const text = sampleText();
const lines = text.split('\n');

test('an empty file is refused at line 1', () => {
  assertRejected(runImport('empty.txt', ''), 'empty.txt', 1);
});

test('a binary file is refused at line 1', () => {
  const bytes = new Uint8Array(2048).map((_, i) => (i * 37) % 256);
  assertRejected(runImport('binary.txt', bytes), 'binary.txt', 1);
});

test('a truncated file (cut inside table 4) is not refused: what it has is imported and the missing tables are named', () => {
  const cut = lines.findIndex((l) => l.trim() === '表 4') + 20;
  const r = runImport('truncated.txt', lines.slice(0, cut).join('\n'));
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(readFileSync(r.out, 'utf8')) as BudgetDocument;
  assert.deepEqual(
    doc.tables.slice(0, 3).map((t) => t.title.text),
    ['表1收支总表', '表2收入总表', '表3支出总表'],
  );
  assert.ok(doc.coverage?.missingTables.includes('一般公共预算支出表'), JSON.stringify(doc.coverage?.missingTables));
});

test('a number like 1,2.3 in a total is not refused: its row is a located row-unreadable note, the rest is imported', () => {
  const i = lines.findIndex((l) => l.startsWith('收入总计 4,424.60'));
  assert.ok(i > 0);
  const bad = [...lines];
  bad[i] = bad[i]!.replace('收入总计 4,424.60', '收入总计 1,2.3');
  const doc = assertDegraded(runImport('bad-number.txt', bad.join('\n')), 'bad-number.txt', 'row-unreadable', i + 1);
  assert.equal(doc.tables.length, 13);
  const t1 = doc.tables.find((t) => t.id === 't1');
  const n = doc.importNotes.find((x) => x.severity === 'error')!;
  assert.equal(n.table, 't1');
  const row = t1?.rows.find((r) => r.id === n.row);
  assert.ok(row, 'the unreadable row is in table 1');
  assert.deepEqual([row.side, row.kind, row.amounts.amount], ['revenue', 'total', null]);
  assert.match(n.message, /第 277 行未能读取：“1,2\.3”不是金额/);
});

test('a table with a missing column is not refused: the table is a located table-unreadable note, the others are imported', () => {
  const t3 = lines.findIndex((l) => l.trim() === '表 3');
  const bad = [...lines];
  const h = bad.findIndex((l, j) => j > t3 && l.includes('支出总计'));
  bad[h] = bad[h]!.replace('支出总计 ', '');
  const doc = assertDegraded(runImport('missing-column.txt', bad.join('\n')), 'missing-column.txt', 'table-unreadable', h + 1);
  assert.deepEqual(
    doc.tables.map((t) => t.no),
    [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
  );
  assert.equal(doc.importNotes.find((x) => x.severity === 'error')!.table, 't3');
});

test('text that is not a disclosure at all is refused at line 1', () => {
  assertRejected(runImport('unrelated.txt', '今天天气很好。\n我们去公园散步。\n'), 'unrelated.txt', 1);
});

test('a GBK file is decoded, not rejected', () => {
  // Encode the sample as GB18030 with the TextDecoder's inverse: build it from iconv tables in Node.
  const gbk = encodeGb18030(text);
  const r = runImport('gbk.txt', gbk);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(readFileSync(r.out, 'utf8')) as BudgetDocument;
  assert.equal(doc.unit.name, '深圳市福田区数据管理中心');
  assert.equal(doc.year, 2021);
});

/** GB18030 encoding through a lookup built by decoding every two-byte GBK code once. */
function encodeGb18030(s: string): Uint8Array {
  const dec = new TextDecoder('gb18030');
  const map = new Map<string, [number, number]>();
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [a, b]);
    }
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const pair = map.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch} U+${c.toString(16)}`);
      out.push(...pair);
    }
  }
  return new Uint8Array(out);
}
