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
  return new FiscusError('TOO_LARGE', `文件超过上限 ${bytesText(max)}（限制项 ${limit}），实为${found}，不予读取`, { file: path, field: `limits.${limit}` }, String(max), found);
}

/** Refuses a path that is not a regular file, or one whose size is already over the limit. */
function checkSize(path: string, st: Stats, max: number, limit: string): void {
  if (!st.isFile()) throw notRegular(path, st);
  if (st.size > max) throw tooLarge(path, max, limit, ` ${st.size} 字节`);
}

/**
 * One bounded read of an open file, whichever way its bytes are read (awaited or synchronously): the
 * buffer for the next read — the size fstat gave and one byte more to see the end, then 64 KiB at a
 * time should the file grow — and the chunks so far, refused (TOO_LARGE) past `max`.
 */
class BoundedRead {
  private readonly chunks: Uint8Array[] = [];
  private total = 0;

  constructor(
    private readonly path: string,
    opened: Stats,
    private readonly max: number,
    private readonly limit: string,
    private readonly size = opened.size,
  ) {
    if (!opened.isFile()) throw notRegular(path, opened);
  }

  nextBuffer(): Uint8Array {
    return new Uint8Array(Math.min(this.total === 0 ? this.size + 1 : 1 << 16, this.max + 1 - this.total));
  }

  /** Keeps the `n` bytes just read into `buf`; false at the end of the file. */
  took(buf: Uint8Array, n: number): boolean {
    if (n === 0) return false;
    this.chunks.push(buf.subarray(0, n));
    this.total += n;
    if (this.total > this.max) throw tooLarge(this.path, this.max, this.limit, `超过 ${bytesText(this.max)}`);
    return true;
  }

  /** The bytes read, as one array (the one chunk itself when there is one). */
  bytes(): Uint8Array {
    if (this.chunks.length === 1) return this.chunks[0]!;
    const out = new Uint8Array(this.total);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

function unreadable(path: string, e: unknown): FiscusError {
  const code = (e as NodeJS.ErrnoException).code;
  return new FiscusError(
    code === 'ENOENT' ? 'NOT_FOUND' : 'INPUT_UNREADABLE',
    `${code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '无权读取该文件' : '无法读取该文件'}（${code ?? String(e)}）`,
    { file: path },
  );
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
  checkSize(path, st, max, limit);
  // O_NONBLOCK: should the path have become a FIFO since stat, opening it does not wait for a writer.
  let fh;
  try {
    fh = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw unreadable(path, e);
  }
  try {
    const read = new BoundedRead(path, await fh.stat(), max, limit);
    for (;;) {
      const buf = read.nextBuffer();
      if (!read.took(buf, (await fh.read(buf, 0, buf.length, null)).bytesRead)) return read.bytes();
    }
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
  checkSize(path, st, max, limit);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw unreadable(path, e);
  }
  try {
    const read = new BoundedRead(path, fstatSync(fd), max, limit);
    for (;;) {
      const buf = read.nextBuffer();
      if (!read.took(buf, readSync(fd, buf, 0, buf.length, null))) return read.bytes();
    }
  } catch (e) {
    throw e instanceof FiscusError ? e : unreadable(path, e);
  } finally {
    closeSync(fd);
  }
}
