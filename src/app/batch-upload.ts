/**
 * The documents of a batch upload in the web app (issue 15): files as given, and the entries of a ZIP
 * unpacked with jszip (in the tree already, through exceljs). A ZIP is untrusted: its entries are
 * counted before anything is unpacked, each is unpacked as a stream and stopped at the size one
 * document may have (`limits.body.import`), all of them together at the batch's (`limits.body.batch`),
 * so that a ZIP bomb costs a few megabytes, never the server's memory. An entry whose stored path
 * climbs out of the archive (`../`) or starts at a root is a path trick: the whole ZIP is refused, as
 * a ZIP that is not one. Nothing is written to disk here: the documents go to the database
 * (batch-audit.ts), each checked under its index.
 */
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import type JSZip from 'jszip';
import { FiscusError } from '../domain/errors.js';
import type { BatchDocumentInput } from '../storage/batch-audit-repo.js';
import { AUDIT_EXTENSIONS } from './audit.js';
import { MAX_BATCH_DOCUMENTS } from './batch-audit.js';
import { overLimit, type Limits } from './limits.js';

/** A file of the upload left out of the batch, and why (shown beside the batch). */
export interface SkippedFile {
  name: string;
  reason: string;
}

export interface BatchUpload {
  documents: BatchDocumentInput[];
  skipped: SkippedFile[];
}

/** A file whose name ends in .zip is an archive of documents (an .xlsx is a ZIP too, but a document). */
export const isZipName = (name: string): boolean => extname(name).toLowerCase() === '.zip';

/** Names in a ZIP are UTF-8 when flagged so; otherwise Windows' Chinese archivers wrote GBK (GB18030 reads both). */
function decodeName(bytes: string[] | Uint8Array | Buffer): string {
  const b = bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes.map((s) => s.charCodeAt(0)));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return new TextDecoder('gb18030').decode(b);
  }
}

/** A path that leaves the archive's folder or starts at a root: `../x`, `a/../../x`, `/etc/x`, `C:\x`, `\\host\x`. */
export function isPathTrick(path: string): boolean {
  const p = path.replaceAll('\\', '/');
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p)) return true;
  let depth = 0;
  for (const seg of p.split('/')) {
    if (seg === '..') depth--;
    else if (seg !== '' && seg !== '.') depth++;
    if (depth < 0) return true;
  }
  return false;
}

/** Control characters (a NUL, a line break) have no place in a file name shown in a table. */
const CONTROL = /[\u0000-\u001f\u007f]/;

const SYMLINK = 0o120000;

/** jszip, loaded by the first ZIP uploaded (a server that never sees one never loads it). */
let jszip: typeof JSZip | undefined;
const loadJsZip = (): typeof JSZip => (jszip ??= createRequire(import.meta.url)('jszip') as typeof JSZip);

/** jszip's own stream of an entry (its worker stops when paused; a Node stream would let it run on). */
interface EntryStream {
  on(event: 'data', f: (chunk: Uint8Array) => void): EntryStream;
  on(event: 'end', f: () => void): EntryStream;
  on(event: 'error', f: (e: Error) => void): EntryStream;
  resume(): EntryStream;
  pause(): EntryStream;
}

/** The bytes of one entry, unpacked chunk by chunk and stopped past `max` (RangeError): its claimed size is never trusted. */
function unpackBounded(entry: JSZip.JSZipObject, max: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let over = false;
    const stream = (entry as unknown as { internalStream(type: 'uint8array'): EntryStream }).internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        if (over) return;
        size += chunk.length;
        if (size > max) {
          over = true;
          stream.pause();
          reject(new RangeError('over the limit'));
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (e) => reject(e))
      .on('end', () => resolve(new Uint8Array(Buffer.concat(chunks, size))))
      .resume();
  });
}

/**
 * The documents of one ZIP: its entries with a document's extension (.pdf, .txt, .xlsx, .json), in
 * the archive's order; folders, hidden entries (`.x`, `__MACOSX/`), links, nested archives and other
 * files are listed as skipped. INPUT_UNREADABLE for what is not a readable ZIP (or an encrypted one),
 * INPUT_INVALID for a path trick or a ZIP without documents, TOO_LARGE past the limits (naming them).
 */
export async function unpackZip(bytes: Uint8Array, zipName: string, limits: Limits, budget: { left: number }): Promise<BatchUpload> {
  let zip: JSZip;
  try {
    // No checkCRC32: it would unpack every entry whole, before any limit could stop it.
    zip = await loadJsZip().loadAsync(bytes, { decodeFileName: decodeName });
  } catch (e) {
    const why = /encrypted/i.test(String((e as Error)?.message)) ? '压缩包已加密，无法解压' : '不是有效的 ZIP 压缩包，或已损坏';
    throw new FiscusError('INPUT_UNREADABLE', `无法读取 ZIP 文件 ${zipName}：${why}`, { file: zipName, field: 'files' });
  }
  const entries = Object.values(zip.files);
  // Counted before anything is unpacked: a ZIP of a million empty entries is refused as it is.
  const candidates = entries.filter((e) => !e.dir);
  if (candidates.length > MAX_BATCH_DOCUMENTS) {
    throw new FiscusError(
      'TOO_LARGE',
      `ZIP 文件 ${zipName} 中的文件数应不超过 ${MAX_BATCH_DOCUMENTS} 份，实为 ${candidates.length} 份`,
      { file: zipName, field: 'files' },
      String(MAX_BATCH_DOCUMENTS),
      String(candidates.length),
    );
  }
  for (const e of entries) {
    const original = e.unsafeOriginalName ?? e.name;
    if (isPathTrick(original) || CONTROL.test(original)) {
      throw new FiscusError(
        'INPUT_INVALID',
        `ZIP 文件 ${zipName} 中的条目 ${JSON.stringify(original.slice(0, 80))} 的路径不安全（跳出压缩包目录、以根目录开头或含控制字符），整个压缩包不予接收`,
        { file: zipName, field: 'files' },
        '压缩包内的相对路径',
        original.slice(0, 80),
      );
    }
  }
  const out: BatchUpload = { documents: [], skipped: [] };
  for (const e of candidates) {
    const name = e.name;
    const base = name.split('/').pop() ?? name;
    const mode = typeof e.unixPermissions === 'number' ? e.unixPermissions : 0;
    const skip = (reason: string) => out.skipped.push({ name: `${zipName}/${name}`, reason });
    if (name.split('/').some((seg) => seg.startsWith('.') || seg === '__MACOSX')) {
      skip('隐藏文件或系统生成的文件');
      continue;
    }
    if ((mode & 0o170000) === SYMLINK) {
      skip('符号链接，不予读取');
      continue;
    }
    const ext = extname(base).toLowerCase();
    if (ext === '.zip') {
      skip('压缩包内的压缩包不展开');
      continue;
    }
    if (!AUDIT_EXTENSIONS.includes(ext)) {
      skip(`不是可审核的文件类型（${AUDIT_EXTENSIONS.join('、')}）`);
      continue;
    }
    const max = Math.min(limits.body.import, budget.left);
    let data: Uint8Array;
    try {
      data = await unpackBounded(e, max);
    } catch (err) {
      if (!(err instanceof RangeError)) {
        throw new FiscusError('INPUT_UNREADABLE', `无法读取 ZIP 文件 ${zipName}：条目 ${name} 已损坏（${String((err as Error)?.message ?? err).slice(0, 80)}）`, { file: zipName, field: 'files' });
      }
      if (max === limits.body.import) throw overLimit('body.import', limits.body.import, '更大的内容', { file: `${zipName}/${name}` }, `ZIP 文件 ${zipName} 中的 ${name} 解压后`);
      throw overLimit('body.batch', limits.body.batch, '更大的内容', { file: zipName }, `ZIP 文件 ${zipName} 解压后的全部文件`);
    }
    budget.left -= data.length;
    if (data.length === 0) {
      skip('空文件');
      continue;
    }
    out.documents.push({ name, bytes: data });
  }
  if (out.documents.length === 0) {
    throw new FiscusError(
      'INPUT_INVALID',
      `ZIP 文件 ${zipName} 中没有可审核的文件（${AUDIT_EXTENSIONS.join('、')}）`,
      { file: zipName, field: 'files' },
      AUDIT_EXTENSIONS.join('、'),
      `${entries.length} 个条目`,
    );
  }
  return out;
}

/**
 * The documents of an upload: each file as given (its reading is the check's business: an unreadable
 * one is listed as such), each .zip unpacked. INPUT_INVALID when nothing was chosen; TOO_LARGE past
 * MAX_BATCH_DOCUMENTS documents or the batch's size once unpacked.
 */
export async function batchDocumentsOf(files: readonly BatchDocumentInput[], limits: Limits): Promise<BatchUpload> {
  const chosen = files.filter((f) => f.name !== '' || f.bytes.length > 0);
  if (chosen.length === 0) throw new FiscusError('INPUT_INVALID', '请选择要审核的文件：PDF、文本、XLSX 可一次多选，或一个 ZIP 压缩包', { field: 'files' });
  const out: BatchUpload = { documents: [], skipped: [] };
  const budget = { left: limits.body.batch };
  for (const f of chosen) {
    if (isZipName(f.name)) {
      const z = await unpackZip(f.bytes, f.name, limits, budget);
      out.documents.push(...z.documents);
      out.skipped.push(...z.skipped);
    } else {
      if (f.bytes.length === 0) {
        out.skipped.push({ name: f.name, reason: '空文件' });
        continue;
      }
      budget.left -= f.bytes.length;
      out.documents.push({ name: f.name.split(/[\\/]/).pop() || f.name, bytes: f.bytes });
    }
    if (out.documents.length > MAX_BATCH_DOCUMENTS) {
      throw new FiscusError(
        'TOO_LARGE',
        `一次批量审核的文件数应不超过 ${MAX_BATCH_DOCUMENTS} 份，实为 ${out.documents.length} 份以上`,
        { field: 'files' },
        String(MAX_BATCH_DOCUMENTS),
        String(out.documents.length),
      );
    }
  }
  if (out.documents.length === 0)
    throw new FiscusError(
      'INPUT_INVALID',
      `所选文件均为空，没有可审核的文件（${out.skipped
        .map((s) => s.name)
        .join('、')
        .slice(0, 200)}）`,
      { field: 'files' },
    );
  return out;
}
