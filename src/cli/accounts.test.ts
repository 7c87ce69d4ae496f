/**
 * `fiscus org|user|token` (issue 13) as a user runs them: the administrator of an empty folder, the
 * tree, users, a token on standard output alone, revocation, and Chinese refusals with exit 2.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../test/support/cli.js';
import { openWorkspace } from '../app/workspace.js';
import { accountsOf } from '../app/accounts.js';

const cli = runCli;

test('fiscus org/user/token: admin on first use, the tree, users, a token alone on stdout, revocation, refusals in Chinese with exit 2', { timeout: 240_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fiscus-accounts-cli-'));
  const data = join(dir, 'data');
  const run = (args: string[], input?: string) => cli([...args, '--data', data], input === undefined ? {} : { input });
  try {
    const first = await run(['user', 'list']);
    assert.equal(first.code, 0, first.err);
    const generated = /已创建管理员 admin，初始密码（只显示这一次）：([A-Za-z0-9_-]{16})\n/.exec(first.err)?.[1];
    assert.ok(generated, first.err);
    assert.match(first.out, /^用户名\t姓名\t角色\t机构\t状态\t最近登录\nadmin\t管理员\t管理员\t财政局\t正常\t从未登录\n$/);
    const second = await run(['org', 'add', '某区教育局', '--kind', '主管部门', '--parent', '财政局']);
    assert.equal(second.code, 0, second.err);
    assert.doesNotMatch(second.err, /已创建管理员/, 'the administrator is created once');
    assert.equal((await run(['org', 'add', '某区第一中学', '--kind', 'unit', '--parent', '某区教育局'])).code, 0);
    assert.equal((await run(['org', 'list'])).out, '财政局（财政局）\n  某区教育局（主管部门）\n    某区第一中学（所属单位）\n');

    const add = await run(['user', 'add', 'Zhang', '--name', '张三', '--role', '经办', '--org', '某区第一中学', '--password-stdin'], 'zhang-password-1\n');
    assert.equal(add.code, 0, add.err);
    assert.equal(add.out, '已新增用户 zhang（张三，经办，某区第一中学）\n');
    const badRole = await run(['user', 'add', 'li', '--name', '李四', '--role', '部门审核', '--org', '某区第一中学']);
    assert.deepEqual([badRole.code, badRole.err], [2, '部门审核应属于主管部门，而 某区第一中学 是所属单位（INPUT_INVALID）\n']);
    const unknownRole = await run(['user', 'add', 'li', '--name', '李四', '--role', 'boss', '--org', '某区第一中学']);
    assert.equal(unknownRole.code, 2);
    assert.match(unknownRole.err, /^角色应为 经办（preparer）、部门审核（department-reviewer）、财政审核（finance-reviewer）、管理员（admin） 之一，实际为 "boss"（INPUT_INVALID）\n$/);

    const tok = await run(['token', 'add', 'zhang', '--name', '接口']);
    assert.equal(tok.code, 0, tok.err);
    assert.match(tok.out, /^fiscus_[A-Za-z0-9_-]{43}\n$/, 'the token alone on standard output');
    const token = tok.out.trim();
    assert.match((await run(['token', 'list', 'zhang'])).out, new RegExp(`^1\tzhang\t接口\t${token.slice(0, 13)}…\t`, 'm'));
    assert.doesNotMatch((await run(['token', 'list'])).out, new RegExp(token.slice(13)));

    const disabled = await run(['user', 'disable', 'zhang']);
    assert.equal(disabled.out, '已停用用户 zhang\n');
    assert.match((await run(['user', 'list'])).out, /^zhang\t张三\t经办\t某区第一中学\t已停用\t从未登录$/m);
    const passwd = await run(['user', 'passwd', 'zhang']);
    const newPassword = /新密码（只显示这一次）：(\S+)\n/.exec(passwd.out)?.[1];
    assert.ok(newPassword, passwd.out);
    assert.equal((await run(['user', 'enable', 'zhang'])).code, 0);
    assert.deepEqual(await run(['user', 'passwd', 'nobody']).then((r) => [r.code, r.err]), [2, '用户 "nobody" 不存在（NOT_FOUND）\n']);

    // What the commands wrote, seen through the accounts use cases.
    const ws = await openWorkspace({ dataDir: data });
    try {
      const acc = accountsOf(ws);
      assert.equal((await acc.signIn('admin', generated)).user.role, 'admin');
      assert.equal((await acc.signIn('zhang', newPassword)).user.organisation.name, '某区第一中学');
      assert.equal((await acc.tokenUser(token))?.login, 'zhang');
    } finally {
      await ws.close();
    }
    const revoke = await run(['token', 'revoke', '1']);
    assert.equal(revoke.out, `已撤销 zhang 的令牌 1（${token.slice(0, 13)}…）\n`);
    const again = await run(['token', 'revoke', token]);
    assert.equal(again.code, 2);
    assert.match(again.err, /^令牌 1（fiscus_\S+…）已于 \S+ 撤销（CONFLICT）\n$/);
    const ws2 = await openWorkspace({ dataDir: data });
    try {
      assert.equal(await accountsOf(ws2).tokenUser(token), null);
    } finally {
      await ws2.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("FISCUS_ADMIN_PASSWORD sets the first administrator's password; a short one exits 2 naming it and creates nothing", { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fiscus-accounts-cli-'));
  const data = join(dir, 'data');
  try {
    const short = await cli(['user', 'list', '--data', data], { env: { FISCUS_ADMIN_PASSWORD: 'short' } });
    assert.deepEqual([short.code, short.out], [2, '']);
    assert.match(short.err, /^FISCUS_ADMIN_PASSWORD 不符合要求：密码长度应为 10–256 个字符，实际为 5 个（INPUT_INVALID）\n$/);
    const ok = await cli(['user', 'list', '--data', data], { env: { FISCUS_ADMIN_PASSWORD: 'admin-password-1' } });
    assert.equal(ok.code, 0, ok.err);
    assert.equal(ok.err, '已创建管理员 admin（密码取自 FISCUS_ADMIN_PASSWORD）\n');
    const ws = await openWorkspace({ dataDir: data });
    try {
      assert.equal((await accountsOf(ws).signIn('admin', 'admin-password-1')).user.login, 'admin');
    } finally {
      await ws.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
