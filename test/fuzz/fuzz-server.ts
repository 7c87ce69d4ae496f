/**
 * The server of the HTTP fuzz: `fiscus start` on the bundled sample (what `npm start` runs), with an
 * API token and web sessions of each of its users (issue 13: every working route asks for one). The
 * folder is prepared in this process first, as `fiscus start` prepares an empty one (the sample,
 * published, its year's data, the demo accounts), so that the tokens can be made beside it
 * (test/e2e/credentials.ts); `fiscus start` then serves it.
 */
import { accountsOf, DEMO_ACCOUNTS } from '../../src/app/accounts.js';
import { prepareStart, SAMPLE_ROOT } from '../../src/cli/start.js';
import { prepareFolder } from '../e2e/credentials.js';
import { startFiscus, type Started } from '../e2e/helpers.js';
import type { FuzzUser } from './http-fuzz.js';

const ADMIN_PASSWORD = 'fuzz-admin-password';

/** `fiscus start` on a prepared folder, and its users: the sample unit's 经办 first (it reads the budget the fuzz builds its requests from). */
export async function startFuzzServer(): Promise<{ server: Started; users: FuzzUser[] }> {
  const { dir, value: users } = await prepareFolder(async (ws) => {
    const acc = accountsOf(ws);
    // The administrator with a known password (else `fiscus start` makes one up and prints it).
    await acc.bootstrap({ adminPassword: ADMIN_PASSWORD, rootName: SAMPLE_ROOT });
    await prepareStart(ws, () => {});
    const users: FuzzUser[] = [];
    for (const a of [...DEMO_ACCOUNTS, { login: 'admin', password: ADMIN_PASSWORD }]) {
      users.push({
        login: a.login,
        token: (await acc.addToken(a.login, 'fuzz')).token,
        session: (await acc.signIn(a.login, a.password)).session,
        logoutSession: (await acc.signIn(a.login, a.password)).session,
      });
    }
    return users;
  });
  if (users[0]?.login !== 'jingban') throw new Error(`fuzz setup: the first demo account is ${users[0]?.login}, not the sample unit's 经办 jingban`);
  return { server: await startFiscus('start', {}, dir), users };
}
