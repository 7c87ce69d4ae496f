/**
 * Accounts use cases (issue 13): the organisation tree, users, sign-in with lockout, server-side
 * sessions, API tokens, and the first administrator of an empty workspace. The front doors (CLI, web,
 * API) call these; who may do what is decided by the domain's matrix (domain/access.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomBytes } from 'node:crypto';
import { FiscusError } from '../domain/errors.js';
import { OrgTree, ROLE_LABELS, checkOrgParent, checkRoleOrg, type Actor, type OrgKind, type Organisation, type Role, ROLES, ORG_KINDS } from '../domain/access.js';
import { LOCKOUT, SESSION_IDLE_HOURS, checkPassword, parseDisplayName, parseLogin } from '../domain/accounts.js';
import type { Db } from '../storage/connection.js';
import * as repo from '../storage/accounts-repo.js';
import { appendAudit } from '../storage/audit-log-repo.js';
import { connectionOf, type Workspace } from './workspace.js';
import { hashPassword, verifyPassword } from './password.js';

/** A user as the front doors see them (never the password hash). */
export interface User {
  id: number;
  login: string;
  displayName: string;
  role: Role;
  organisation: Organisation;
  disabled: boolean;
  /** ISO timestamp while locked after repeated failures, else null. */
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

/** An API token as listed (the secret itself is shown once, when created); `prefix`: its first characters. */
export type TokenInfo = Omit<repo.TokenRecord, 'userId'>;

export interface NewUserInput {
  login: string;
  displayName: string;
  role: Role;
  /** The organisation's name. */
  organisation: string;
  password: string;
}

export interface SignedIn {
  user: User;
  /** The session secret (the cookie's value); only its sha256 is stored. */
  session: string;
  expiresAt: string;
}

/** What `bootstrap` did on an empty workspace. */
export interface Bootstrap {
  created: boolean;
  /** The administrator's password when it was generated (to print once), else undefined. */
  generatedPassword?: string;
}

/** A demo account of the bundled sample (printed on start, listed in the README). */
export interface DemoAccount {
  login: string;
  password: string;
  role: Role;
  organisation: string;
}

/** The login of the first administrator. */
export const ADMIN_LOGIN = 'admin';
/** The root organisation of a workspace that has none, unless one is named. */
export const DEFAULT_ROOT = '财政局';
export const TOKEN_PREFIX = 'fiscus_';

/** The sample's organisations under the root: the data centre's 主管部门 and another department. */
export const DEMO_ORGANISATIONS: readonly { name: string; kind: OrgKind; parent: string | null }[] = [
  { name: '深圳市福田区政务服务数据管理局', kind: 'department', parent: null },
  { name: '深圳市福田区数据管理中心', kind: 'unit', parent: '深圳市福田区政务服务数据管理局' },
  { name: '深圳市福田区教育局', kind: 'department', parent: null },
];

/** The demo accounts (organisation null: the root). Their passwords are public: demo data only. */
export const DEMO_ACCOUNTS: readonly { login: string; displayName: string; role: Role; organisation: string | null; password: string }[] = [
  { login: 'jingban', displayName: '演示经办甲', role: 'preparer', organisation: '深圳市福田区数据管理中心', password: 'fiscus-jingban' },
  { login: 'bumen', displayName: '演示部门审核', role: 'department-reviewer', organisation: '深圳市福田区政务服务数据管理局', password: 'fiscus-bumen' },
  { login: 'caizheng', displayName: '演示财政审核', role: 'finance-reviewer', organisation: null, password: 'fiscus-caizheng' },
  { login: 'jiaoyu', displayName: '演示经办乙', role: 'preparer', organisation: '深圳市福田区教育局', password: 'fiscus-jiaoyu' },
];

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const secret = () => randomBytes(32).toString('base64url');

/**
 * A session's sliding expiry and a token's last use are written at most once a minute: every request
 * reads them, and a write on each (on one row for every request of a user) would serialise a busy
 * user's requests on PostgreSQL and flush its log for every page. A session so ends 12 idle hours after
 * a use at most a minute before its last one.
 */
const TOUCH_EVERY_MS = 60_000;

/** The organisation tree of each workspace (by its database) as read for the request being handled. */
const requestTrees = new AsyncLocalStorage<WeakMap<Db, Promise<OrgTree>>>();

/**
 * Runs the handling of one request (`next`) reading the organisation tree once: the user's organisation
 * and the permission matrix (route-policy.ts, workflow.ts) both need it, and each read is a query. An
 * organisation added during the request is seen by what follows it.
 */
export function oneTreePerRequest<T>(next: () => T): T {
  return requestTrees.run(new WeakMap(), next);
}

// Verified against when the login is unknown, so that an unknown login costs as long as a wrong password.
let dummyHash: Promise<string> | undefined;

export interface AccountsOptions {
  /** The clock (tests move it to expire sessions and locks). */
  now?: () => Date;
  /**
   * Who the audit log names for the changes made through this instance (organisations, users,
   * tokens): a user's login, or 'cli' / 'system' (the default). Sign-ins name the user signing in.
   */
  actor?: string;
}

/** The accounts of a workspace. */
export function accountsOf(ws: Workspace, opts: AccountsOptions = {}): Accounts {
  // The connection is looked up at first use: a front door built over a workspace that is not stored
  // (a test double) works until a request carries a credential.
  return new Accounts(() => connectionOf(ws).db, opts.now ?? (() => new Date()), opts.actor ?? 'system');
}

export class Accounts {
  constructor(
    private readonly dbOf: () => Db,
    private readonly now: () => Date,
    private readonly actor: string = 'system',
  ) {}

  private get db(): Db {
    return this.dbOf();
  }

  /** `fn` in one transaction (a write and its audit entry commit together). */
  private tx<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    return this.db.transaction((t) => fn(t as unknown as Db));
  }

  private iso(plusMs = 0): string {
    return new Date(this.now().getTime() + plusMs).toISOString();
  }

  /** Every organisation, as the tree the permission matrix reads (once per request: oneTreePerRequest). */
  async tree(): Promise<OrgTree> {
    const read = async () => new OrgTree(await this.organisations());
    const memo = requestTrees.getStore();
    if (!memo) return read();
    const db = this.db;
    let tree = memo.get(db);
    if (!tree) {
      tree = read();
      tree.catch(() => memo.delete(db));
      memo.set(db, tree);
    }
    return tree;
  }

  /**
   * The tree of the organisations read with a credential's user (in the same statement): the request's
   * tree, unless the request has read one already.
   */
  private treeRead(organisations: repo.OrganisationRecord[]): Promise<OrgTree> {
    const memo = requestTrees.getStore();
    const read = Promise.resolve(new OrgTree(organisations.map(toOrganisation)));
    if (!memo) return read;
    if (!memo.has(this.db)) memo.set(this.db, read);
    return memo.get(this.db)!;
  }

  async organisations(): Promise<Organisation[]> {
    return (await repo.selectOrganisations(this.db)).map(toOrganisation);
  }

  /** The organisation of a name; NOT_FOUND naming it otherwise. */
  async organisation(name: string): Promise<Organisation> {
    const o = (await this.organisations()).find((x) => x.name === name.trim());
    if (!o) throw new FiscusError('NOT_FOUND', `机构 ${JSON.stringify(name)} 不存在`, { field: 'organisation' });
    return o;
  }

  /**
   * Adds an organisation under `parent` (by name; none for the 财政局). INPUT_INVALID when the tree
   * does not admit it (domain/access.ts) or the name is taken or empty.
   */
  async addOrganisation(input: { name: string; kind: OrgKind; parent?: string | null }): Promise<Organisation> {
    const name = input.name.trim();
    if (name === '' || [...name].length > 100) throw new FiscusError('INPUT_INVALID', `机构名称应为 1–100 个字符`, { field: 'name' });
    const parent = input.parent ? await this.organisation(input.parent) : null;
    checkOrgParent(input.kind, parent);
    if (input.kind === 'finance-bureau' && (await this.organisations()).some((o) => o.kind === 'finance-bureau')) {
      throw new FiscusError('INPUT_INVALID', '已有财政局：一个工作区只有一个机构树的根', { field: 'kind' });
    }
    if ((await this.organisations()).some((o) => o.name === name)) throw new FiscusError('INPUT_INVALID', `机构 ${name} 已存在`, { field: 'name' });
    return toOrganisation(
      await this.tx(async (db) => {
        const o = await repo.insertOrganisation(db, { name, kind: input.kind, parentId: parent?.id ?? null });
        await appendAudit(db, { actor: this.actor, action: 'org.add', target: `org:${o.id}`, detail: { name, kind: input.kind, parent: parent?.name ?? null } });
        return o;
      }).finally(() => requestTrees.getStore()?.delete(this.db)),
    );
  }

  /**
   * Adds a user. INPUT_INVALID for a bad login, name or password, a taken login, or a role that does not
   * fit the organisation. `passwordHashOfInput`: the password's hash made beforehand (ensureDemo hashes
   * several at once).
   */
  async addUser(input: NewUserInput, passwordHashOfInput?: string): Promise<User> {
    const login = parseLogin(input.login);
    const displayName = parseDisplayName(input.displayName);
    checkPassword(input.password);
    const org = await this.organisation(input.organisation);
    checkRoleOrg(input.role, org);
    if (await repo.findUserByLogin(this.db, login)) throw new FiscusError('INPUT_INVALID', `用户名 ${login} 已被使用`, { field: 'login' });
    const passwordHash = passwordHashOfInput ?? (await hashPassword(input.password));
    const id = await this.tx(async (db) => {
      const id = await repo.insertUser(db, { login, displayName, role: input.role, organisationId: org.id, passwordHash });
      await appendAudit(db, { actor: this.actor, action: 'user.add', target: `user:${id}`, detail: { login, displayName, role: input.role, organisation: org.name } });
      return id;
    }).catch((e: unknown) => {
      if (isUniqueViolation(e)) throw new FiscusError('INPUT_INVALID', `用户名 ${login} 已被使用`, { field: 'login' });
      throw e;
    });
    return this.userById(id);
  }

  async listUsers(): Promise<User[]> {
    const tree = await this.tree();
    return (await repo.selectUsers(this.db)).map((u) => toUser(u, tree));
  }

  /** A user by login; NOT_FOUND otherwise. */
  async user(login: string): Promise<User> {
    const u = await repo.findUserByLogin(this.db, login.trim().toLowerCase());
    if (!u) throw new FiscusError('NOT_FOUND', `用户 ${JSON.stringify(login)} 不存在`, { field: 'login' });
    return toUser(u, await this.tree());
  }

  private async userById(id: number): Promise<User> {
    const u = await repo.findUserById(this.db, id);
    if (!u) throw new FiscusError('NOT_FOUND', `用户 ${id} 不存在`);
    return toUser(u, await this.tree());
  }

  /** Disables (or enables again) a user; disabling ends their sessions, and their tokens stop working. */
  async setDisabled(login: string, disabled: boolean): Promise<User> {
    const u = await this.user(login);
    await this.db.transaction(async (tx) => {
      await repo.setDisabled(tx, u.id, disabled);
      if (disabled) await repo.deleteUserSessions(tx, u.id);
      await appendAudit(tx, { actor: this.actor, action: disabled ? 'user.disable' : 'user.enable', target: `user:${u.id}`, detail: { login: u.login } });
    });
    return { ...u, disabled };
  }

  /** Sets a new password (lifting a lock) and ends the user's sessions. */
  async setPassword(login: string, password: string): Promise<void> {
    checkPassword(password);
    const u = await this.user(login);
    const hash = await hashPassword(password);
    await this.db.transaction(async (tx) => {
      await repo.setPasswordHash(tx, u.id, hash, this.iso());
      await repo.deleteUserSessions(tx, u.id);
      await appendAudit(tx, { actor: this.actor, action: 'user.passwd', target: `user:${u.id}`, detail: { login: u.login } });
    });
  }

  /**
   * Signs in with a login and password, opening a session. UNAUTHENTICATED with one message for an
   * unknown login and a wrong password; after LOCKOUT.maxFailures wrong passwords in a row the account
   * is locked for LOCKOUT.minutes (no password is tried meanwhile); a disabled account says so only to
   * whoever knows its password.
   */
  async signIn(login: string, password: string): Promise<SignedIn> {
    const wrong = () => new FiscusError('UNAUTHENTICATED', '用户名或密码错误', { field: 'password' });
    const u = await repo.findUserByLogin(this.db, login.trim().toLowerCase());
    if (!u) {
      await verifyPassword(password, await (dummyHash ??= hashPassword('not a password of anyone')));
      throw wrong();
    }
    const lockedUntil = u.lockedUntil && Date.parse(u.lockedUntil) > this.now().getTime() ? u.lockedUntil : null;
    if (lockedUntil) throw lockedError(lockedUntil);
    // Failures of a known account are recorded (whoever tried is not known: 'anonymous'); tries of
    // unknown logins are not, so that nobody can fill the log with names of their choosing.
    const failed = (db: Db, reason: 'password' | 'disabled', lockedUntil: string | null = null) =>
      appendAudit(db, { actor: 'anonymous', action: 'user.signin-failed', target: `user:${u.id}`, detail: { login: u.login, reason, lockedUntil } });
    if (!(await verifyPassword(password, u.passwordHash))) {
      const after = await this.tx(async (db) => {
        const after = await repo.recordFailure(db, u.id, LOCKOUT.maxFailures, this.iso(LOCKOUT.minutes * 60_000));
        await failed(db, 'password', after.lockedUntil);
        return after;
      });
      if (after.lockedUntil && Date.parse(after.lockedUntil) > this.now().getTime()) throw lockedError(after.lockedUntil);
      throw wrong();
    }
    if (u.disabled) {
      await this.tx((db) => failed(db, 'disabled'));
      throw new FiscusError('UNAUTHENTICATED', '该账户已停用，请联系管理员', { field: 'login' });
    }
    const session = secret();
    const expiresAt = this.iso(SESSION_IDLE_HOURS * 3_600_000);
    await this.tx(async (db) => {
      await repo.recordSuccess(db, u.id, this.iso());
      await repo.insertSession(db, sha256(session), u.id, this.iso(), expiresAt);
      await appendAudit(db, { actor: u.login, action: 'user.signin', target: `user:${u.id}`, detail: { login: u.login } });
    });
    return { user: await this.userById(u.id), session, expiresAt };
  }

  /** The user of a live session, extending it; null for an unknown, expired or ended session or a disabled user. */
  async sessionUser(session: string): Promise<User | null> {
    if (!session || session.length > 200) return null;
    const u = await repo.touchSession(this.db, sha256(session), this.iso(), this.iso(SESSION_IDLE_HOURS * 3_600_000), this.iso(-TOUCH_EVERY_MS));
    if (!u || u.user.disabled) return null;
    return toUser(u.user, await this.treeRead(u.organisations));
  }

  /** Ends a session (an unknown one is already ended). */
  async signOut(session: string): Promise<void> {
    await repo.deleteSession(this.db, sha256(session));
  }

  /** Removes expired sessions; returns how many. */
  async purgeSessions(): Promise<number> {
    return repo.deleteExpiredSessions(this.db, this.iso());
  }

  /** Creates an API token for a user; the secret is returned once and only its sha256 is kept. */
  async addToken(login: string, name = 'API'): Promise<{ token: string; info: TokenInfo }> {
    const u = await this.user(login);
    const label = name.trim() || 'API';
    if ([...label].length > 100) throw new FiscusError('INPUT_INVALID', '令牌名称最多 100 个字符', { field: 'name' });
    const token = TOKEN_PREFIX + secret();
    const r = await this.tx(async (db) => {
      const r = await repo.insertToken(db, { userId: u.id, name: label, tokenSha256: sha256(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6), now: this.iso() });
      await appendAudit(db, { actor: this.actor, action: 'token.add', target: `token:${r.id}`, detail: { login: u.login, name: label, prefix: r.prefix } });
      return r;
    });
    return { token, info: toTokenInfo(r) };
  }

  /** Tokens, newest first (revoked ones too); of one user when given. */
  async listTokens(login?: string): Promise<TokenInfo[]> {
    const userId = login === undefined ? undefined : (await this.user(login)).id;
    return (await repo.selectTokens(this.db, userId === undefined ? {} : { userId })).map(toTokenInfo);
  }

  /**
   * Revokes a token given by its id or by the token itself. With `by`, only the owner or an
   * administrator may (anyone else gets NOT_FOUND, as for a token that does not exist).
   */
  async revokeToken(ref: string, by?: User): Promise<TokenInfo> {
    const t = ref.startsWith(TOKEN_PREFIX) ? await repo.findTokenByHash(this.db, sha256(ref)) : /^\d{1,9}$/.test(ref) ? (await repo.selectTokens(this.db, { id: Number(ref) }))[0] : undefined;
    if (!t || (by && by.role !== 'admin' && by.id !== t.userId))
      throw new FiscusError('NOT_FOUND', `令牌 ${ref.startsWith(TOKEN_PREFIX) ? ref.slice(0, TOKEN_PREFIX.length + 6) + '…' : JSON.stringify(ref)} 不存在`, { field: 'token' });
    if (t.revokedAt) throw new FiscusError('CONFLICT', `令牌 ${t.id}（${t.prefix}…）已于 ${t.revokedAt} 撤销`, { field: 'token' });
    await this.tx(async (db) => {
      await repo.revokeToken(db, t.id, this.iso());
      await appendAudit(db, { actor: by ? by.login : this.actor, action: 'token.revoke', target: `token:${t.id}`, detail: { login: t.login, name: t.name, prefix: t.prefix } });
    });
    return toTokenInfo((await repo.selectTokens(this.db, { id: t.id }))[0]!);
  }

  /** The user of an unrevoked token (recording its use); null for an unknown or revoked token or a disabled user. */
  async tokenUser(token: string): Promise<User | null> {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
    const u = await repo.useToken(this.db, sha256(token), this.iso(), this.iso(-TOUCH_EVERY_MS));
    if (!u || u.user.disabled) return null;
    return toUser(u.user, await this.treeRead(u.organisations));
  }

  /**
   * On a workspace without users: creates the root organisation (when there is none) and the
   * administrator `admin` with `adminPassword`, or with a generated one returned to print once.
   */
  async bootstrap(opts: { adminPassword?: string | undefined; rootName?: string } = {}): Promise<Bootstrap> {
    if ((await repo.countUsers(this.db)) > 0) return { created: false };
    if (opts.adminPassword !== undefined) {
      try {
        checkPassword(opts.adminPassword, 'FISCUS_ADMIN_PASSWORD');
      } catch (e) {
        throw e instanceof FiscusError ? new FiscusError(e.code, `FISCUS_ADMIN_PASSWORD 不符合要求：${e.message}`, e.where) : e;
      }
    }
    let root = (await this.organisations()).find((o) => o.kind === 'finance-bureau');
    root ??= await this.addOrganisation({ name: opts.rootName ?? DEFAULT_ROOT, kind: 'finance-bureau' });
    const generated = opts.adminPassword === undefined ? randomBytes(12).toString('base64url') : undefined;
    await this.addUser({ login: ADMIN_LOGIN, displayName: '管理员', role: 'admin', organisation: root.name, password: opts.adminPassword ?? generated! });
    return generated === undefined ? { created: true } : { created: true, generatedPassword: generated };
  }

  /** Creates the demo organisations and accounts that are missing (the bundled sample's); returns those created. */
  async ensureDemo(): Promise<DemoAccount[]> {
    const root = (await this.organisations()).find((o) => o.kind === 'finance-bureau');
    if (!root) throw new FiscusError('INTERNAL', '演示账户需要机构树的根（先运行 bootstrap）');
    const names = new Set((await this.organisations()).map((o) => o.name));
    for (const o of DEMO_ORGANISATIONS) if (!names.has(o.name)) await this.addOrganisation({ name: o.name, kind: o.kind, parent: o.parent ?? root.name });
    const missing: (typeof DEMO_ACCOUNTS)[number][] = [];
    for (const a of DEMO_ACCOUNTS) if (!(await repo.findUserByLogin(this.db, a.login))) missing.push(a);
    // The scrypt hashes (tens of ms of CPU each) side by side in libuv's threads, not one after another:
    // they are most of the demo accounts' share of a first `fiscus start`.
    const hashes = await Promise.all(missing.map((a) => hashPassword(a.password)));
    const created: DemoAccount[] = [];
    for (const [i, a] of missing.entries()) {
      const organisation = a.organisation ?? root.name;
      await this.addUser({ login: a.login, displayName: a.displayName, role: a.role, organisation, password: a.password }, hashes[i]);
      created.push({ login: a.login, password: a.password, role: a.role, organisation });
    }
    return created;
  }
}

/** The name of the cookie that carries a web session. */
export const SESSION_COOKIE = 'fiscus_session';

/** How a version records its author: the user's name and login (`张三（zhang）`). */
export function authorOf(u: User): string {
  return `${u.displayName}（${u.login}）`;
}

/**
 * The user an `Authorization` header names: null without one; UNAUTHENTICATED for a header that is
 * not `Bearer <token>` or whose token is unknown, revoked or of a disabled user (a client that sends
 * a credential learns that it is wrong, rather than being served as the public).
 */
export async function bearerUser(acc: Accounts, authorization: string | undefined): Promise<User | null> {
  if (authorization === undefined) return null;
  const m = /^Bearer[ \t]+(\S{1,200})[ \t]*$/i.exec(authorization);
  if (!m) throw new FiscusError('UNAUTHENTICATED', 'Authorization 头应为 “Bearer <令牌>”', { field: 'authorization' });
  const u = await acc.tokenUser(m[1]!);
  if (!u) throw new FiscusError('UNAUTHENTICATED', 'API 令牌无效、已撤销或其用户已停用', { field: 'authorization' });
  return u;
}

/** The matrix's view of a user (null for the anonymous public). */
export function actorOf(u: User | null): Actor | null {
  return u ? { role: u.role, organisationId: u.organisation.id } : null;
}

/** One line per demo account, in Chinese, to print on start. */
export function demoAccountLines(accounts: readonly DemoAccount[]): string[] {
  return accounts.map((a) => `  ${ROLE_LABELS[a.role]}\t${a.login} / ${a.password}\t${a.organisation}`);
}

function lockedError(until: string): FiscusError {
  const t = new Date(until);
  const hhmm = `${String(t.getHours()).padStart(2, '0')}:${String(t.getMinutes()).padStart(2, '0')}`;
  return new FiscusError('UNAUTHENTICATED', `连续 ${LOCKOUT.maxFailures} 次密码错误，账户已锁定至 ${hhmm}（${LOCKOUT.minutes} 分钟），请稍后再试或请管理员重设密码`, { field: 'login' });
}

function isUniqueViolation(e: unknown): boolean {
  for (let c: unknown = e, d = 0; c && d < 4; c = (c as { cause?: unknown }).cause, d++) if ((c as { code?: unknown }).code === '23505') return true;
  return false;
}

function toOrganisation(o: repo.OrganisationRecord): Organisation {
  if (!(ORG_KINDS as readonly string[]).includes(o.kind)) throw new FiscusError('INTERNAL', `机构 ${o.name} 的类型 ${o.kind} 无法识别`);
  return { id: o.id, name: o.name, kind: o.kind as OrgKind, parentId: o.parentId };
}

function toUser(u: repo.UserRecord, tree: OrgTree): User {
  if (!(ROLES as readonly string[]).includes(u.role)) throw new FiscusError('INTERNAL', `用户 ${u.login} 的角色 ${u.role} 无法识别`);
  const organisation = tree.get(u.organisationId);
  if (!organisation) throw new FiscusError('INTERNAL', `用户 ${u.login} 的机构 ${u.organisationId} 不存在`);
  return {
    id: u.id,
    login: u.login,
    displayName: u.displayName,
    role: u.role as Role,
    organisation,
    disabled: u.disabled,
    lockedUntil: u.lockedUntil,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
  };
}

function toTokenInfo(t: repo.TokenRecord): TokenInfo {
  const { userId: _userId, ...info } = t;
  return info;
}
