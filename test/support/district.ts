/**
 * A small district for tests that go through the HTTP front doors, which authorise every route
 * (issue 13): a 财政局, two 主管部门 whose units are the shared samples' units (so that imported
 * samples belong to them), and one user of each role, each with an API token and a web session.
 */
import { accountsOf } from '../../src/app/accounts.js';
import type { Workspace } from '../../src/app/workspace.js';
import type { Role } from '../../src/domain/access.js';

export const ROOT = '测试区财政局';
export const DEPT_A = '深圳市福田区政务服务数据管理局';
/** The Shenzhen sample's unit. */
export const UNIT_A = '深圳市福田区数据管理中心';
export const UNIT_A2 = '深圳市福田区政务服务中心';
export const DEPT_B = '上海市普陀区财政局';
/** The Shanghai budget sample's unit. */
export const UNIT_B = '上海市普陀区人民政府万里街道办事处';

export const PASSWORD = 'district-password-1';

/** The district's users: login → role and organisation. */
export const PEOPLE = {
  /** 经办 of the Shenzhen sample's unit. */
  jingban: { role: 'preparer', organisation: UNIT_A },
  /** 经办 of another unit of the same 主管部门. */
  jingban2: { role: 'preparer', organisation: UNIT_A2 },
  /** 经办 of a unit of another 主管部门. */
  jingbanb: { role: 'preparer', organisation: UNIT_B },
  /** 部门审核 of the sample unit's 主管部门. */
  bumen: { role: 'department-reviewer', organisation: DEPT_A },
  /** 部门审核 of another 主管部门. */
  bumenb: { role: 'department-reviewer', organisation: DEPT_B },
  caizheng: { role: 'finance-reviewer', organisation: ROOT },
  admin: { role: 'admin', organisation: ROOT },
} as const satisfies Record<string, { role: Role; organisation: string }>;

export type Login = keyof typeof PEOPLE;

export interface District {
  /** API token of each user. */
  token: Record<Login, string>;
  /** Web session cookie value of each user. */
  session: Record<Login, string>;
}

/** Creates the district in an empty workspace (the admin comes from the bootstrap). */
export async function setupDistrict(ws: Workspace): Promise<District> {
  const acc = accountsOf(ws);
  await acc.bootstrap({ adminPassword: PASSWORD, rootName: ROOT });
  await acc.addOrganisation({ name: DEPT_A, kind: 'department', parent: ROOT });
  await acc.addOrganisation({ name: UNIT_A, kind: 'unit', parent: DEPT_A });
  await acc.addOrganisation({ name: UNIT_A2, kind: 'unit', parent: DEPT_A });
  await acc.addOrganisation({ name: DEPT_B, kind: 'department', parent: ROOT });
  await acc.addOrganisation({ name: UNIT_B, kind: 'unit', parent: DEPT_B });
  const token = {} as Record<Login, string>;
  const session = {} as Record<Login, string>;
  for (const [login, p] of Object.entries(PEOPLE) as [Login, (typeof PEOPLE)[Login]][]) {
    if (login !== 'admin') await acc.addUser({ login, displayName: `测试${login}`, role: p.role, organisation: p.organisation, password: PASSWORD });
    token[login] = (await acc.addToken(login)).token;
    session[login] = (await acc.signIn(login, PASSWORD)).session;
  }
  return { token, session };
}

/** Headers that make a request `login`'s: the API token and the web session (and a same-origin Origin for form posts). */
export function credentials(d: District, login: Login | null): Record<string, string> {
  // A browser sends its page's Origin with a form post, signed in or not.
  if (!login) return { origin: 'http://localhost' };
  return { authorization: `Bearer ${d.token[login]}`, cookie: `fiscus_session=${d.session[login]}`, origin: 'http://localhost' };
}

/** `app.request` as `login` (null: the public), on http://localhost so that same-origin checks hold. */
export function requester(app: { request(input: string, init?: RequestInit): Response | Promise<Response> }, d: District, login: Login | null) {
  return (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(credentials(d, login))) if (!headers.has(k)) headers.set(k, v);
    return app.request(path.startsWith('http') ? path : `http://localhost${path}`, { ...init, headers });
  };
}
