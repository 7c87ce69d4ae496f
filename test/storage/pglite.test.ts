/** The storage contract on PGlite in a temporary data folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerContract } from './contract.js';

registerContract({
  name: 'PGlite',
  folder: true,
  async fresh() {
    const dataDir = mkdtempSync(join(tmpdir(), 'fiscus-pglite-'));
    return { opts: { dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  },
});
