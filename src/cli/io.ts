/**
 * Writing outputs atomically: a temp file (`.<name>.<pid>.tmp` beside the output) renamed into place,
 * so a failure leaves nothing half-written. The temp file is removed when the write fails and when the
 * process is ended by a signal it can catch (SIGINT, SIGTERM, SIGHUP) while writing; one left by a
 * process that was killed (kill -9) is removed by the next write of the same output.
 */
import { readdirSync, unlinkSync } from 'node:fs';
import { rename, writeFile, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { processAlive } from '../app/process-alive.js';

/** Temp files being written by this process, removed should a signal end it. */
const pending = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const t of pending) {
    try {
      unlinkSync(t);
    } catch {
      // already gone
    }
  }
  pending.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // End as the signal would have without our handler.
  process.kill(process.pid, signal);
}

function track(tmp: string): void {
  if (pending.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  pending.add(tmp);
}

function untrack(tmp: string): void {
  pending.delete(tmp);
  if (pending.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
}

/** Temp files written by another module (a report written as it goes): removed should a signal end the process. */
export const tempFiles = { add: track, delete: untrack };

/**
 * Removes the temp files of earlier writes of `path` whose process no longer runs (left by kill -9
 * or a crash); returns their names. A temp file of a running process (another writer) is kept.
 */
export function removeStaleTemps(path: string): string[] {
  const dir = dirname(path);
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length, -'.tmp'.length));
    if (!Number.isInteger(pid) || pid <= 0 || pending.has(join(dir, name)) || (pid !== process.pid && processAlive(pid))) continue;
    try {
      unlinkSync(join(dir, name));
      removed.push(name);
    } catch {
      // removed meanwhile, or not ours to remove
    }
  }
  return removed;
}

export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  removeStaleTemps(path);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  track(tmp);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  } finally {
    untrack(tmp);
  }
}

/** Resolves at the first SIGINT or SIGTERM (a server or a worker then closes in order). */
export function untilSignal(): Promise<void> {
  return new Promise<void>((ok) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      ok();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
