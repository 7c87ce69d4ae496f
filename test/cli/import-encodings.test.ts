/**
 * `fiscus import` of texts with a byte-order mark (issue 11): UTF-16 and UTF-32 files were refused as
 * binary ("应为文本文件，实为二进制数据（含 NUL 字节）", exit 2). A mark names the encoding:
 * the text and the canonical JSON are read in it and give the same document as the UTF-8 file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BudgetDocument } from '../../src/domain/model.js';
import { sampleText } from '../import/helpers.js';

const BIN = fileURLToPath(new URL('../../bin/fiscus.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'fiscus-bom-'));

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

/** `text` in `encoding`, beginning with its byte-order mark. */
function withBom(text: string, encoding: Encoding): Uint8Array {
  if (encoding === 'utf-8') return Buffer.from('\ufeff' + text, 'utf8');
  if (encoding !== 'utf-32le' && encoding !== 'utf-32be') {
    const b = Buffer.from('\ufeff' + text, 'utf16le');
    return encoding === 'utf-16be' ? b.swap16() : b;
  }
  const cps = Array.from('\ufeff' + text, (c) => c.codePointAt(0)!);
  const out = Buffer.alloc(cps.length * 4);
  cps.forEach((cp, i) => (encoding === 'utf-32le' ? out.writeUInt32LE(cp, i * 4) : out.writeUInt32BE(cp, i * 4)));
  return out;
}

function runImport(name: string, bytes: Uint8Array | string): { code: number | null; stderr: string; doc: () => BudgetDocument } {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const out = join(dir, `${name}.json`);
  const r = spawnSync(process.execPath, [BIN, 'import', file, '-o', out], { encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr, doc: () => JSON.parse(readFileSync(out, 'utf8')) as BudgetDocument };
}

const text = sampleText();
const plain = runImport('plain.txt', text);
assert.equal(plain.code, 0, plain.stderr);
const expected = plain.doc();

for (const enc of ['utf-8', 'utf-16le', 'utf-16be', 'utf-32le', 'utf-32be'] as const) {
  test(`a disclosure text in ${enc.toUpperCase()} with its byte-order mark imports as the UTF-8 text does`, () => {
    const r = runImport(`sample-${enc}.txt`, withBom(text, enc));
    assert.equal(r.code, 0, r.stderr);
    const doc = r.doc();
    assert.equal(doc.unit.name, '深圳市福田区数据管理中心');
    assert.equal(doc.year, 2021);
    assert.deepEqual(doc.tables, expected.tables);
    assert.deepEqual(doc.projectForms, expected.projectForms);
  });
}

test('canonical JSON in UTF-16 LE with its byte-order mark is read as JSON', () => {
  const json = readFileSync(join(dir, 'plain.txt.json'), 'utf8');
  const r = runImport('doc-utf16.json', withBom(json, 'utf-16le'));
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.doc().tables, expected.tables);
});

test('bytes after a UTF-16 mark that are not UTF-16 are refused at line 1, naming the encoding', () => {
  const r = runImport('bad-utf16.txt', new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00, 0x42, 0x00]));
  assert.equal(r.code, 2);
  assert.equal(r.stderr.trim(), 'bad-utf16.txt:1: 字节顺序标记之后应为 UTF-16LE 文本，实为无法解码的字节（INPUT_UNREADABLE）');
});
