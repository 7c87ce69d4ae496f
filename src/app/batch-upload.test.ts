import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crc32 } from 'node:zlib';
import { batchDocumentsOf, isPathTrick, unpackZip } from './batch-upload.js';
import { DEFAULT_LIMITS } from './limits.js';

test('a path leaving the archive or starting at a root is a trick; a path inside it is not', () => {
  for (const p of ['../a.txt', 'a/../../b.txt', '/etc/passwd', '\\\\host\\share\\a.txt', 'C:\\Windows\\a.txt', 'c:/a.txt', '..\\a.txt', 'a/./../../b']) assert.equal(isPathTrick(p), true, p);
  for (const p of ['a.txt', '预算/深圳.txt', 'a/../b.txt', './a.txt', 'a..b.txt', '..a.txt']) assert.equal(isPathTrick(p), false, p);
});

/**
 * A ZIP of stored entries whose names are the given bytes, with no UTF-8 flag and no Unicode path
 * field (what an older Windows archiver writes), built by hand: jszip would add the UTF-8 name itself.
 */
function legacyZip(entries: { name: Uint8Array; data: Buffer }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(10, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(e.name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(10, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(e.name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, Buffer.from(e.name), e.data);
    centrals.push(central, Buffer.from(e.name));
    offset += 30 + e.name.length + e.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

test('names a Chinese Windows archiver wrote in GBK (no UTF-8 flag) are read as Chinese; UTF-8 names as they are', async () => {
  // GBK bytes of 部门预算.txt.
  const gbk = Uint8Array.from([0xb2, 0xbf, 0xc3, 0xc5, 0xd4, 0xa4, 0xcb, 0xe3, 0x2e, 0x74, 0x78, 0x74]);
  const bytes = legacyZip([
    { name: gbk, data: Buffer.from('内容') },
    { name: new TextEncoder().encode('决算/单位决算.txt'), data: Buffer.from('另一份') },
  ]);
  const r = await unpackZip(bytes, 'gbk.zip', DEFAULT_LIMITS, { left: DEFAULT_LIMITS.body.batch });
  assert.deepEqual(
    r.documents.map((d) => d.name),
    ['部门预算.txt', '决算/单位决算.txt'],
  );
  assert.equal(Buffer.from(r.documents[0]!.bytes).toString('utf8'), '内容');
});

test('files given one by one keep their base name; empty ones are left out, and nothing at all is refused', async () => {
  const r = await batchDocumentsOf(
    [
      { name: 'C:\\fakepath\\a.txt', bytes: Buffer.from('x') },
      { name: 'empty.txt', bytes: new Uint8Array() },
    ],
    DEFAULT_LIMITS,
  );
  assert.deepEqual(
    r.documents.map((d) => d.name),
    ['a.txt'],
  );
  assert.deepEqual(r.skipped, [{ name: 'empty.txt', reason: '空文件' }]);
  await assert.rejects(batchDocumentsOf([], DEFAULT_LIMITS), (e: Error & { code?: string }) => e.code === 'INPUT_INVALID' && /请选择要审核的文件/.test(e.message));
  await assert.rejects(
    batchDocumentsOf([{ name: 'e.txt', bytes: new Uint8Array() }], DEFAULT_LIMITS),
    (e: Error & { code?: string }) => e.code === 'INPUT_INVALID' && /所选文件均为空/.test(e.message),
  );
});
