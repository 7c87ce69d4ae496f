import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FiscusError } from '../../domain/errors.js';
import { byteOrderMark, decodeText, decodeUnicode } from './source.js';

const TEXT = '深圳市福田区数据管理中心 2021 年部门预算\n收入总计 4,424.60 𠀀\n';

/** `text` in `encoding` with its byte-order mark. */
function withBom(text: string, encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be'): Uint8Array {
  if (encoding === 'utf-8') return new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text, 'utf8')]);
  if (encoding.startsWith('utf-16')) {
    const le = Buffer.from('\ufeff' + text, 'utf16le');
    if (encoding === 'utf-16be') le.swap16();
    return new Uint8Array(le);
  }
  const cps = Array.from('\ufeff' + text, (c) => c.codePointAt(0)!);
  const out = Buffer.alloc(cps.length * 4);
  cps.forEach((cp, i) => (encoding === 'utf-32le' ? out.writeUInt32LE(cp, i * 4) : out.writeUInt32BE(cp, i * 4)));
  return new Uint8Array(out);
}

for (const enc of ['utf-8', 'utf-16le', 'utf-16be', 'utf-32le', 'utf-32be'] as const) {
  test(`a text with a ${enc.toUpperCase()} byte-order mark is decoded by it, the mark dropped`, () => {
    const bytes = withBom(TEXT, enc);
    assert.equal(byteOrderMark(bytes)?.encoding, enc);
    const { text, encoding } = decodeText(bytes, 'a.txt');
    assert.equal(encoding, enc);
    assert.equal(text, TEXT);
  });
}

test('without a byte-order mark: UTF-8, else GB18030, as before', () => {
  assert.equal(byteOrderMark(Buffer.from('abc')), null);
  assert.equal(decodeText(Buffer.from(TEXT, 'utf8'), 'a.txt').encoding, 'utf-8');
  assert.equal(decodeText(new Uint8Array([0xc9, 0xee, 0xdb, 0xda]), 'a.txt').text, '深圳');
});

test('bytes after a UTF-16 or UTF-32 mark that do not decode are refused, naming the encoding', () => {
  const bad16 = new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]); // a lone high surrogate
  assert.throws(
    () => decodeText(bad16, 'a.txt'),
    (e: unknown) => e instanceof FiscusError && e.code === 'INPUT_UNREADABLE' && /字节顺序标记之后应为 UTF-16LE 文本/.test(e.message),
  );
  const bad32 = new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0x11, 0]); // 0x110041 is past U+10FFFF
  assert.throws(
    () => decodeText(bad32, 'a.txt'),
    (e: unknown) => e instanceof FiscusError && /UTF-32LE/.test(e.message),
  );
  assert.throws(() => decodeText(new Uint8Array([0, 0, 0xfe, 0xff, 0, 0, 0]), 'a.txt'), /UTF-32BE/);
});

test('binary data behind a UTF-16 mark is still refused as binary', () => {
  const bytes = new Uint8Array(2 + 2048);
  bytes.set([0xff, 0xfe]);
  for (let i = 2; i < bytes.length; i += 2) bytes[i] = i % 7; // control characters U+0000–U+0006
  assert.throws(() => decodeText(bytes, 'a.bin'), /二进制数据/);
});

test('a UTF-32 text of a million characters decodes without overflowing the stack', () => {
  const big = 'fiscus 预算\n'.repeat(100_000);
  assert.equal(decodeUnicode(withBom(big, 'utf-32be').subarray(4), 'utf-32be'), big);
});
