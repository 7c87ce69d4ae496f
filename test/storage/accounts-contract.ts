/**
 * The accounts contract (issue 13): organisations, users, sign-in with lockout, sessions and API
 * tokens, the first administrator and the demo accounts, run against every backend like the storage
 * contract (registered from pglite.test.ts and postgres.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openWorkspace, connectionOf } from '../../src/app/workspace.js';
import { accountsOf, ADMIN_LOGIN, DEMO_ACCOUNTS, type Accounts } from '../../src/app/accounts.js';
import { LOCKOUT, SESSION_IDLE_HOURS } from '../../src/domain/accounts.js';
import { rejectsWith, workspaceRunner, type Backend } from './contract.js';

/** A movable clock. */
function clock(start = Date.parse('2026-03-02T09:00:00Z')) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

const PW = 'correct horse battery';

/** A tree (财政局 → 教育局 → 第一中学) with a preparer `zhang` of the school. */
async function seeded(acc: Accounts): Promise<void> {
  await acc.bootstrap({ adminPassword: 'admin-password-1', rootName: '某区财政局' });
  await acc.addOrganisation({ name: '某区教育局', kind: 'department', parent: '某区财政局' });
  await acc.addOrganisation({ name: '某区第一中学', kind: 'unit', parent: '某区教育局' });
  await acc.addUser({ login: 'zhang', displayName: '张三', role: 'preparer', organisation: '某区第一中学', password: PW });
}

export function registerAccountsContract(b: Backend): void {
  const withWorkspace = workspaceRunner(b);

  test(`${b.name}: the first start of an empty workspace creates the root and admin with a generated password, once`, () =>
    withWorkspace(async (ws) => {
      const acc = accountsOf(ws);
      const first = await acc.bootstrap();
      assert.equal(first.created, true);
      assert.match(first.generatedPassword ?? '', /^[A-Za-z0-9_-]{16}$/);
      assert.deepEqual(
        (await acc.organisations()).map((o) => [o.name, o.kind, o.parentId]),
        [['财政局', 'finance-bureau', null]],
      );
      const [admin, ...others] = await acc.listUsers();
      assert.equal(others.length, 0);
      assert.deepEqual([admin!.login, admin!.role, admin!.organisation.name, admin!.disabled], [ADMIN_LOGIN, 'admin', '财政局', false]);
      assert.equal((await acc.signIn('admin', first.generatedPassword!)).user.login, 'admin');
      assert.deepEqual(await acc.bootstrap({ adminPassword: 'another-password' }), { created: false });
      await rejectsWith(acc.signIn('admin', 'another-password'), 'UNAUTHENTICATED');
    }));

  test(`${b.name}: FISCUS_ADMIN_PASSWORD becomes admin's password; a too short one is refused naming it, with nothing created`, () =>
    withWorkspace(async (ws) => {
      const acc = accountsOf(ws);
      const e = await rejectsWith(acc.bootstrap({ adminPassword: 'short' }), 'INPUT_INVALID', /密码长度应为 10–256 个字符，实际为 5 个/);
      assert.equal(e.where.field, 'FISCUS_ADMIN_PASSWORD');
      assert.deepEqual([(await acc.listUsers()).length, (await acc.organisations()).length], [0, 0]);
      assert.deepEqual(await acc.bootstrap({ adminPassword: 'admin-password-1' }), { created: true });
      assert.equal((await acc.signIn('ADMIN', 'admin-password-1')).user.login, 'admin');
    }));

  test(`${b.name}: the organisation tree admits only 财政局 → 主管部门 → 所属单位, each name once`, () =>
    withWorkspace(async (ws) => {
      const acc = accountsOf(ws);
      await seeded(acc);
      await rejectsWith(acc.addOrganisation({ name: '某区人民医院', kind: 'unit', parent: '某区财政局' }), 'INPUT_INVALID', /所属单位的上级应为主管部门/);
      await rejectsWith(acc.addOrganisation({ name: '某区第一中学', kind: 'unit', parent: '某区教育局' }), 'INPUT_INVALID', /机构 某区第一中学 已存在/);
      await rejectsWith(acc.addOrganisation({ name: '另一财政局', kind: 'finance-bureau' }), 'INPUT_INVALID', /已有财政局/);
      await rejectsWith(acc.addOrganisation({ name: '某区卫生健康局', kind: 'department', parent: '不存在的局' }), 'NOT_FOUND', /机构 "不存在的局" 不存在/);
      const tree = await acc.tree();
      const school = (await acc.organisation('某区第一中学')).id;
      const dept = (await acc.organisation('某区教育局')).id;
      assert.equal(tree.departmentOf(school), dept);
      assert.equal((await acc.organisations()).length, 3);
    }));

  test(`${b.name}: users are listed without their password hash; a taken login, a bad role for the organisation and an unknown organisation are refused`, () =>
    withWorkspace(async (ws) => {
      const acc = accountsOf(ws);
      await seeded(acc);
      const users = await acc.listUsers();
      assert.deepEqual(
        users.map((u) => [u.login, u.displayName, u.role, u.organisation.name]),
        [
          ['admin', '管理员', 'admin', '某区财政局'],
          ['zhang', '张三', 'preparer', '某区第一中学'],
        ],
      );
      assert.ok(!JSON.stringify(users).includes('scrypt'), 'no password hash leaves the accounts module');
      const [row] = await connectionOf(ws).query<{ password_hash: string }>("SELECT password_hash FROM users WHERE login = 'zhang'");
      assert.match(row!.password_hash, /^scrypt\$15\$8\$1\$/);
      assert.ok(!row!.password_hash.includes(PW));
      await rejectsWith(acc.addUser({ login: 'Zhang', displayName: '另一个张三', role: 'preparer', organisation: '某区第一中学', password: PW }), 'INPUT_INVALID', /用户名 zhang 已被使用/);
      await rejectsWith(
        acc.addUser({ login: 'li', displayName: '李四', role: 'department-reviewer', organisation: '某区第一中学', password: PW }),
        'INPUT_INVALID',
        /部门审核应属于主管部门，而 某区第一中学 是所属单位/,
      );
      await rejectsWith(acc.addUser({ login: 'li', displayName: '李四', role: 'preparer', organisation: '无此单位', password: PW }), 'NOT_FOUND');
      await rejectsWith(acc.addUser({ login: 'li', displayName: '李四', role: 'preparer', organisation: '某区第一中学', password: 'short' }), 'INPUT_INVALID', /密码长度/);
      await rejectsWith(acc.user('nobody'), 'NOT_FOUND', /用户 "nobody" 不存在/);
      assert.equal((await acc.listUsers()).length, 2);
    }));

  test(`${b.name}: an unknown login and a wrong password get the same answer; ${LOCKOUT.maxFailures} failures in a row lock the account for ${LOCKOUT.minutes} minutes, even against the right password`, () =>
    withWorkspace(async (ws) => {
      const c = clock();
      const acc = accountsOf(ws, { now: c.now });
      await seeded(acc);
      const unknown = await rejectsWith(acc.signIn('nobody', PW), 'UNAUTHENTICATED');
      const wrong = await rejectsWith(acc.signIn('zhang', 'wrong password'), 'UNAUTHENTICATED');
      assert.equal(unknown.message, wrong.message);
      assert.equal(wrong.message, '用户名或密码错误');
      // A success clears the count: 1 + 3 failures, a success, then 4 more do not lock.
      for (let i = 0; i < LOCKOUT.maxFailures - 2; i++) await rejectsWith(acc.signIn('zhang', 'wrong password'), 'UNAUTHENTICATED', /用户名或密码错误/);
      await acc.signIn('zhang', PW);
      for (let i = 0; i < LOCKOUT.maxFailures - 1; i++) await rejectsWith(acc.signIn('zhang', 'wrong password'), 'UNAUTHENTICATED', /用户名或密码错误/);
      await rejectsWith(acc.signIn('zhang', 'wrong password'), 'UNAUTHENTICATED', new RegExp(`连续 ${LOCKOUT.maxFailures} 次密码错误，账户已锁定至`));
      await rejectsWith(acc.signIn('zhang', PW), 'UNAUTHENTICATED', /账户已锁定至/);
      assert.notEqual((await acc.user('zhang')).lockedUntil, null);
      c.advance(LOCKOUT.minutes * 60_000 - 1000);
      await rejectsWith(acc.signIn('zhang', PW), 'UNAUTHENTICATED', /账户已锁定至/);
      c.advance(2000);
      assert.equal((await acc.signIn('zhang', PW)).user.login, 'zhang');
    }));

  test(`${b.name}: concurrent wrong passwords each count (the count is one atomic update)`, () =>
    withWorkspace(async (ws) => {
      const acc = accountsOf(ws);
      await seeded(acc);
      const all = await Promise.allSettled(Array.from({ length: LOCKOUT.maxFailures }, () => acc.signIn('zhang', 'wrong password')));
      assert.ok(all.every((r) => r.status === 'rejected'));
      await rejectsWith(acc.signIn('zhang', PW), 'UNAUTHENTICATED', /账户已锁定至/);
    }));

  test(`${b.name}: a session is stored as a hash, names its user, slides, ends on sign-out, after ${SESSION_IDLE_HOURS} idle hours, on disabling and on a new password`, () =>
    withWorkspace(async (ws) => {
      const c = clock();
      const acc = accountsOf(ws, { now: c.now });
      await seeded(acc);
      const s = await acc.signIn('zhang', PW);
      assert.match(s.session, /^[A-Za-z0-9_-]{43}$/);
      const stored = await connectionOf(ws).query<{ token_sha256: string }>('SELECT token_sha256 FROM sessions');
      assert.equal(stored.length, 1);
      assert.notEqual(stored[0]!.token_sha256, s.session);
      assert.equal((await acc.sessionUser(s.session))?.login, 'zhang');
      assert.equal(await acc.sessionUser(s.session.slice(0, -1) + (s.session.endsWith('A') ? 'B' : 'A')), null);
      assert.equal(await acc.sessionUser(''), null);
      // Sliding: a request every 11 hours keeps it alive; 12 idle hours end it.
      c.advance((SESSION_IDLE_HOURS - 1) * 3_600_000);
      assert.equal((await acc.sessionUser(s.session))?.login, 'zhang');
      c.advance((SESSION_IDLE_HOURS - 1) * 3_600_000);
      assert.equal((await acc.sessionUser(s.session))?.login, 'zhang');
      c.advance(SESSION_IDLE_HOURS * 3_600_000);
      assert.equal(await acc.sessionUser(s.session), null);
      assert.equal(await acc.purgeSessions(), 1);

      const a = await acc.signIn('zhang', PW);
      await acc.signOut(a.session);
      assert.equal(await acc.sessionUser(a.session), null);

      const d = await acc.signIn('zhang', PW);
      await acc.setDisabled('zhang', true);
      assert.equal(await acc.sessionUser(d.session), null);
      await rejectsWith(acc.signIn('zhang', PW), 'UNAUTHENTICATED', /该账户已停用/);
      await rejectsWith(acc.signIn('zhang', 'wrong password'), 'UNAUTHENTICATED', /^用户名或密码错误$/);
      await acc.setDisabled('zhang', false);

      const p = await acc.signIn('zhang', PW);
      await acc.setPassword('zhang', 'a new password 2');
      assert.equal(await acc.sessionUser(p.session), null);
      await rejectsWith(acc.signIn('zhang', PW), 'UNAUTHENTICATED');
      assert.equal((await acc.signIn('zhang', 'a new password 2')).user.login, 'zhang');
    }));

  if (!b.folder) {
    test(`${b.name}: a session opened through one server process is seen by another on the same database`, async () => {
      const store = await b.fresh();
      const one = await openWorkspace(store.opts);
      const two = await openWorkspace(store.opts);
      try {
        await seeded(accountsOf(one));
        const s = await accountsOf(one).signIn('zhang', PW);
        assert.equal((await accountsOf(two).sessionUser(s.session))?.login, 'zhang');
        await accountsOf(two).signOut(s.session);
        assert.equal(await accountsOf(one).sessionUser(s.session), null);
      } finally {
        await one.close();
        await two.close();
        await store.drop();
      }
    });
  }

  test(`${b.name}: an API token is shown once, stored as a hash, names its user until revoked by id or by itself, and not for a disabled user`, () =>
    withWorkspace(async (ws) => {
      const acc = accountsOf(ws);
      await seeded(acc);
      const { token, info } = await acc.addToken('zhang', '预算系统接口');
      assert.match(token, /^fiscus_[A-Za-z0-9_-]{43}$/);
      assert.deepEqual([info.login, info.name, info.prefix, info.revokedAt], ['zhang', '预算系统接口', token.slice(0, 13), null]);
      const rows = await connectionOf(ws).query<Record<string, unknown>>('SELECT * FROM api_tokens');
      assert.ok(!JSON.stringify(rows).includes(token), 'the token itself is not stored');
      assert.equal((await acc.tokenUser(token))?.login, 'zhang');
      assert.notEqual((await acc.listTokens('zhang'))[0]!.lastUsedAt, null);
      assert.equal(await acc.tokenUser(token + 'x'), null);
      assert.equal(await acc.tokenUser('Bearer ' + token), null);

      await acc.setDisabled('zhang', true);
      assert.equal(await acc.tokenUser(token), null);
      await acc.setDisabled('zhang', false);
      assert.equal((await acc.tokenUser(token))?.login, 'zhang');

      // Only the owner or an administrator may revoke; anyone else is told it does not exist.
      await acc.addOrganisation({ name: '某区第二中学', kind: 'unit', parent: '某区教育局' });
      const li = await acc.addUser({ login: 'li', displayName: '李四', role: 'preparer', organisation: '某区第二中学', password: PW });
      await rejectsWith(acc.revokeToken(String(info.id), li), 'NOT_FOUND', /令牌 "\d+" 不存在/);
      assert.equal((await acc.tokenUser(token))?.login, 'zhang');
      const revoked = await acc.revokeToken(String(info.id), await acc.user('zhang'));
      assert.notEqual(revoked.revokedAt, null);
      assert.equal(await acc.tokenUser(token), null);
      await rejectsWith(acc.revokeToken(token), 'CONFLICT', /已于 .* 撤销/);

      const second = await acc.addToken('zhang');
      await acc.revokeToken(second.token, await acc.user('admin'));
      assert.equal(await acc.tokenUser(second.token), null);
      await rejectsWith(acc.revokeToken('fiscus_nonexistent'), 'NOT_FOUND', /令牌 fiscus_nonexi… 不存在/);
      await rejectsWith(acc.revokeToken('999999'), 'NOT_FOUND');
      assert.deepEqual(
        (await acc.listTokens()).map((t) => [t.login, t.revokedAt !== null]),
        [
          ['zhang', true],
          ['zhang', true],
        ],
      );
    }));

  test(`${b.name}: the demo accounts of the sample are created once, one per role, and each signs in`, () =>
    withWorkspace(async (ws) => {
      const acc = accountsOf(ws);
      await acc.bootstrap({ adminPassword: 'admin-password-1', rootName: '深圳市福田区财政局' });
      const made = await acc.ensureDemo();
      assert.deepEqual(
        made.map((a) => [a.login, a.role, a.organisation]),
        [
          ['jingban', 'preparer', '深圳市福田区数据管理中心'],
          ['bumen', 'department-reviewer', '深圳市福田区政务服务数据管理局'],
          ['caizheng', 'finance-reviewer', '深圳市福田区财政局'],
          ['jiaoyu', 'preparer', '深圳市福田区教育局'],
        ],
      );
      assert.deepEqual(await acc.ensureDemo(), []);
      for (const a of DEMO_ACCOUNTS) assert.equal((await acc.signIn(a.login, a.password)).user.role, a.role);
      assert.deepEqual(new Set((await acc.listUsers()).map((u) => u.role)), new Set(['admin', 'preparer', 'department-reviewer', 'finance-reviewer']));
    }));
}
