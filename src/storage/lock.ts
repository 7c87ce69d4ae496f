/**
 * An exclusive lock file in a PGlite data folder. PGlite has no inter-process locking of its own:
 * two processes on one folder silently lose each other's writes, so the second must be refused.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { FiscusError } from '../domain/errors.js';

export const LOCK_FILE = 'fiscus.lock';

/** A held lock; `release` removes the file (idempotent). */
export interface FolderLock {
  path: string;
  release(): void;
}

/** True while process `pid` runs (also when it belongs to another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock of `dir` (creating the folder), writing this pid into it. A lock left by a dead
 * process is taken over; one held by a live process (this one included) throws FiscusError LOCKED.
 */
export function lockFolder(dir: string): FolderLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let held = true;
      return {
        path,
        release() {
          if (!held) return;
          held = false;
          try {
            if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
          } catch {
            // already gone
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let owner: number;
    try {
      owner = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    } catch {
      continue; // removed between open and read: try again
    }
    // An empty or garbled file may be a lock being written right now: treat it as held.
    if (!Number.isInteger(owner) || owner <= 0 || processAlive(owner)) {
      throw new FiscusError('LOCKED', `数据目录 ${dir} 正被进程 ${Number.isInteger(owner) ? owner : '?'} 使用`, { file: path });
    }
    try {
      unlinkSync(path); // stale: its process is gone
    } catch {
      // another process took it over first; the next attempt sees its lock
    }
  }
  throw new FiscusError('LOCKED', `数据目录 ${dir} 的锁文件无法获取`, { file: path });
}
