/** Writing outputs atomically: a temp file renamed into place, so a failure leaves nothing half-written. */
import { rename, writeFile, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
