/**
 * The storage contract on PostgreSQL: a database of its own per case, created and dropped through
 * the server TEST_DATABASE_URL points at (npm test starts a throwaway one).
 */
import { registerContract, type Backend } from './contract.js';
import { registerAccountsContract } from './accounts-contract.js';
import { registerAuditContract } from './audit-contract.js';
import { throwawayDatabases } from '../support/postgres.js';

const freshDatabase = throwawayDatabases('fiscus_test', 'storage suite');
if (freshDatabase) {
  const backend: Backend = {
    name: 'PostgreSQL',
    folder: false,
    async fresh() {
      const db = await freshDatabase();
      return { opts: { databaseUrl: db.databaseUrl }, drop: db.drop };
    },
  };
  registerContract(backend);
  registerAccountsContract(backend);
  registerAuditContract(backend);
}
