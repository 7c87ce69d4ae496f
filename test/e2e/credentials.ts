/**
 * Credentials for the servers of the e2e tests and the HTTP fuzz (issue 13: every working route asks
 * for a signed-in user). The API signs in by token only, and a token is made beside the workspace (as
 * `fiscus token add` does), which a running server holds locked: a folder whose tokens a test needs
 * is prepared in this process first, then served by `startFiscus(…, dir)`. Web sessions come from the
 * 登录 form, as a browser's do.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountsOf } from '../../src/app/accounts.js';
import { openWorkspace, type Workspace } from '../../src/app/workspace.js';

/**
 * A fresh folder whose workspace (in `data/`, as `startFiscus` serves it) `setup` has prepared; its
 * result beside it. The workspace is closed again before this returns.
 */
export async function prepareFolder<T>(setup: (ws: Workspace) => Promise<T>): Promise<{ dir: string; value: T }> {
  const dir = mkdtempSync(join(tmpdir(), 'fiscus-e2e-'));
  try {
    const ws = await openWorkspace({ dataDir: join(dir, 'data') });
    try {
      return { dir, value: await setup(ws) };
    } finally {
      await ws.close();
    }
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** An API token of each of `logins` (users of `ws`). */
export async function tokensFor<L extends string>(ws: Workspace, logins: readonly L[]): Promise<Record<L, string>> {
  const acc = accountsOf(ws);
  const tokens = {} as Record<L, string>;
  for (const l of logins) tokens[l] = (await acc.addToken(l, 'e2e')).token;
  return tokens;
}

/** `Authorization` of a token. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The `Cookie` header of a web session of `login`, signed in through POST /login (from the server's own origin). */
export async function sessionCookie(url: string, login: string, password: string): Promise<string> {
  const res = await fetch(`${url}/login`, { method: 'POST', body: new URLSearchParams({ login, password }), headers: { origin: url }, redirect: 'manual' });
  await res.arrayBuffer();
  const session = /fiscus_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (res.status !== 303 || !session) throw new Error(`signing in as ${login}: ${res.status}, no session`);
  return `fiscus_session=${session}`;
}
