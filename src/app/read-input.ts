/**
 * Reading an input file from disk, bounded: only a regular file is read (a device, a FIFO, a socket
 * or a directory is refused before anything is read — `/dev/zero` or a FIFO would never end), and no
 * more bytes than the configured limit (limits.ts: `body.import` for documents, `body.payments` for
 * payments files), so a file that grows while it is read stops at the limit too. Refusals are
 * FiscusErrors naming the path (exit 2), TOO_LARGE naming the limit in `where.field` as limits.ts does.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { FiscusError } from '../domain/errors.js';
import { bytesText } from './limits.js';

/** What a path that is not a regular file is, in Chinese and English. */
function kindOf(st: Stats): [string, string] {
  if (st.isDirectory()) return ['目录', 'a directory'];
  if (st.isCharacterDevice()) return ['字符设备', 'a character device'];
  if (st.isBlockDevice()) return ['块设备', 'a block device'];
  if (st.isFIFO()) return ['命名管道', 'a FIFO'];
  if (st.isSocket()) return ['套接字', 'a socket'];
  return ['特殊文件', 'a special file'];
}

function notRegular(path: string, st: Stats): FiscusError {
  const [zh, en] = kindOf(st);
  return new FiscusError('INPUT_UNREADABLE', `不是普通文件（${zh}），不予读取 (expected a regular file, found ${en})`, { file: path }, 'a regular file', en);
}

function tooLarge(path: string, max: number, limit: string, found: string): FiscusError {
  return new FiscusError(
    'TOO_LARGE',
    `文件超过上限 ${bytesText(max)}（限制项 ${limit}），实为${found}，不予读取`,
    { file: path, field: `limits.${limit}` },
    String(max),
    found,
  );
}

/** The chunks read, as one array (the one chunk itself when there is one). */
function joined(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function unreadable(path: string, e: unknown): FiscusError {
  const code = (e as NodeJS.ErrnoException).code;
  return new FiscusError(code === 'ENOENT' ? 'NOT_FOUND' : 'INPUT_UNREADABLE', `${code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '无权读取该文件' : '无法读取该文件'}（${code ?? String(e)}）`, { file: path });
}

/**
 * The bytes of the regular file at `path`, at most `max` of them (`limit` names the limit in messages,
 * e.g. "body.import"). NOT_FOUND when it does not exist, INPUT_UNREADABLE when it is not a regular
 * file or cannot be read, TOO_LARGE over the limit.
 */
export async function readInputFile(path: string, max: number, limit: string): Promise<Uint8Array> {
  let st: Stats;
  try {
    st = await stat(path);
  } catch (e) {
    throw unreadable(path, e);
  }
  if (!st.isFile()) throw notRegular(path, st);
  if (st.size > max) throw tooLarge(path, max, limit, ` ${st.size} 字节`);
  // O_NONBLOCK: should the path have become a FIFO since stat, opening it does not wait for a writer.
  let fh;
  try {
    fh = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw unreadable(path, e);
  }
  try {
    const now = await fh.stat();
    if (!now.isFile()) throw notRegular(path, now);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      // The size stat gave, and one byte more to see the end; then 64 KiB at a time should it grow.
      const buf = new Uint8Array(Math.min(total === 0 ? now.size + 1 : 1 << 16, max + 1 - total));
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > max) throw tooLarge(path, max, limit, `超过 ${bytesText(max)}`);
    }
    return joined(chunks, total);
  } catch (e) {
    throw e instanceof FiscusError ? e : unreadable(path, e);
  } finally {
    await fh.close();
  }
}

/**
 * `readInputFile` without waiting on the thread pool between its steps: the same checks, limits and
 * refusals, synchronously. For threads that do nothing else meanwhile (`fiscus audit`'s workers, which
 * would otherwise sit idle through six round trips per document).
 */
export function readInputFileSync(path: string, max: number, limit: string): Uint8Array {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    throw unreadable(path, e);
  }
  if (!st.isFile()) throw notRegular(path, st);
  if (st.size > max) throw tooLarge(path, max, limit, ` ${st.size} 字节`);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw unreadable(path, e);
  }
  try {
    const now = fstatSync(fd);
    if (!now.isFile()) throw notRegular(path, now);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const buf = new Uint8Array(Math.min(total === 0 ? now.size + 1 : 1 << 16, max + 1 - total));
      const bytesRead = readSync(fd, buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > max) throw tooLarge(path, max, limit, `超过 ${bytesText(max)}`);
    }
    return joined(chunks, total);
  } catch (e) {
    throw e instanceof FiscusError ? e : unreadable(path, e);
  } finally {
    closeSync(fd);
  }
}
