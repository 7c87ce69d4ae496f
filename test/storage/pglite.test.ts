/** The storage contract on PGlite in a temporary data folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerContract, type Backend } from './contract.js';
import { registerAccountsContract } from './accounts-contract.js';
import { registerAuditContract } from './audit-contract.js';

const backend: Backend = {
  name: 'PGlite',
  folder: true,
  async fresh() {
    const dataDir = mkdtempSync(join(tmpdir(), 'fiscus-pglite-'));
    return { opts: { dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  },
};

registerContract(backend);
registerAccountsContract(backend);
registerAuditContract(backend);
