/**
 * 用户与机构 in the web (issue 13 item 1): the 管理员 adds an organisation and a user, the new user signs
 * in, is disabled (their session ends and sign-in is refused), enabled and given a new password; the
 * refusals (a taken login, a role that does not fit its organisation, the administrator disabling
 * themselves) are Chinese messages on the page with nothing written; every change is one audit-log
 * entry naming the administrator. Who may reach these routes at all is the authorisation matrix's.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountsOf } from '../../src/app/accounts.js';
import { auditLogOf } from '../../src/app/audit-log.js';
import { openWorkspace, type Workspace } from '../../src/app/workspace.js';
import { createHttpApp } from '../../src/cli/http-app.js';
import { DEPT_A, requester, setupDistrict, UNIT_A, type District } from '../support/district.js';

let dir: string;
let ws: Workspace;
let district: District;
let app: ReturnType<typeof createHttpApp>;
const admin = () => requester(app, district, 'admin');
const post = (path: string, form: Record<string, string>) =>
  admin()(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
/** The page's text without tags, for matching what a reader sees. */
const text = async (res: Response) => (await res.text()).replace(/<[^>]+>/g, '').replace(/&quot;/g, '"');

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fiscus-admin-'));
  ws = await openWorkspace({ dataDir: dir });
  district = await setupDistrict(ws);
  app = createHttpApp(ws);
});
after(async () => {
  await ws?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the administrator sees every user and the organisation tree, and the frame links to the page for them only', async () => {
  const res = await admin()('/admin/users');
  assert.equal(res.status, 200);
  const html = await res.text();
  const users = await accountsOf(ws).listUsers();
  for (const u of users) assert.ok(html.includes(`<code>${u.login}</code>`), `lists ${u.login}`);
  assert.match(html, new RegExp(`用户（${users.length} 个）`));
  assert.ok(html.includes(`${UNIT_A}（所属单位）`));
  assert.ok(html.includes('href="/admin/users"'), 'the frame links to the page');
  const other = await (await requester(app, district, 'caizheng')('/account')).text();
  assert.ok(!other.includes('href="/admin/users"'), 'not for a 财政审核');
});

test('adding an organisation and a user, who then signs in; disabling ends their session; enabling and a new password', async () => {
  const lastId = (await auditLogOf(ws).list({ newestFirst: true, limit: 1 }))[0]?.id ?? 0;
  const org = await post('/admin/organisations', { name: '深圳市福田区数据安全中心', kind: 'unit', parent: DEPT_A });
  assert.equal(org.status, 200);
  assert.match(await text(org), /已新增机构 深圳市福田区数据安全中心（所属单位）/);
  const add = await post('/admin/users', { login: 'Li.Si', displayName: '李四', role: 'preparer', organisation: '深圳市福田区数据安全中心', password: 'a-long-password-1' });
  assert.equal(add.status, 200);
  assert.match(await text(add), /已新增用户 li\.si（李四，经办，深圳市福田区数据安全中心）/);
  const acc = accountsOf(ws);
  const { session } = await acc.signIn('li.si', 'a-long-password-1');
  assert.equal((await acc.sessionUser(session))?.login, 'li.si');

  const off = await post('/admin/users/li.si/disable', {});
  assert.equal(off.status, 200);
  assert.match(await text(off), /已停用用户 li\.si/);
  assert.equal(await acc.sessionUser(session), null, 'the session ended');
  await assert.rejects(acc.signIn('li.si', 'a-long-password-1'), /停用/);

  assert.match(await text(await post('/admin/users/li.si/enable', {})), /已启用用户 li\.si/);
  assert.match(await text(await post('/admin/users/li.si/password', { password: 'another-password-2' })), /已为 li\.si 设置新密码/);
  await assert.rejects(acc.signIn('li.si', 'a-long-password-1'), /用户名或密码错误/);
  assert.equal((await acc.signIn('li.si', 'another-password-2')).user.displayName, '李四');

  const entries = await auditLogOf(ws).list({ afterId: lastId, limit: 1000 });
  const mine = entries
    .filter((e) => e.actor === 'admin')
    .map((e) => e.action)
    .sort();
  assert.deepEqual(mine, ['org.add', 'user.add', 'user.disable', 'user.enable', 'user.passwd'].sort());
  assert.equal((await auditLogOf(ws).verify()).ok, true);
});

test('refusals are shown on the page in Chinese with their code, and nothing is written', async () => {
  const count = async () => (await accountsOf(ws).listUsers()).length;
  const n = await count();
  const taken = await post('/admin/users', { login: 'jingban', displayName: '重复', role: 'preparer', organisation: UNIT_A, password: 'a-long-password-1' });
  assert.equal(taken.status, 422);
  const takenText = await text(taken);
  assert.match(takenText, /未能完成（INPUT_INVALID）/);
  assert.match(takenText, /用户名 jingban 已被使用/);
  const misfit = await post('/admin/users', { login: 'wangwu', displayName: '王五', role: 'department-reviewer', organisation: UNIT_A, password: 'a-long-password-1' });
  assert.equal(misfit.status, 422);
  const misfitHtml = await misfit.text();
  assert.match(misfitHtml, /部门审核应属于主管部门/);
  assert.match(misfitHtml, /value="wangwu"/, 'what was typed is kept (not the password)');
  assert.doesNotMatch(misfitHtml, /a-long-password-1/);
  const self = await post('/admin/users/admin/disable', {});
  assert.equal(self.status, 422);
  assert.match(await text(self), /不能在此停用或重设当前登录的用户/);
  assert.equal((await accountsOf(ws).user('admin')).disabled, false);
  const unknown = await post('/admin/users/nobody/password', { password: 'a-long-password-1' });
  assert.equal(unknown.status, 404);
  assert.match(await text(unknown), /用户 "nobody" 不存在/);
  assert.equal(await count(), n, 'no user was added');
});
