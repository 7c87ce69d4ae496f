/**
 * `fiscus log verify` and `fiscus log list` (issue 13) as an operator runs them on a data folder: a
 * fresh log verifies (exit 0); after a row is altered with SQL behind the application's back, verify
 * exits 5 (AUDIT_BROKEN) naming the entry, in Chinese; after a row is deleted, it names the gap; the
 * last row deleted or the log rewritten is found against an anchor (`--anchor 编号:哈希`) kept outside.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { openPglite } from '../../src/storage/connection.js';
import { EXIT } from '../../src/cli/exit-codes.js';

const cli = (args: string[], input = '') => runCli(args, { input, env: { FISCUS_ADMIN_PASSWORD: 'admin-password-1' } });

/** Runs SQL on the folder's database while no CLI holds it. */
async function sqlOn(data: string, text: string): Promise<void> {
  const c = await openPglite(data);
  try {
    await c.query(text);
  } finally {
    await c.close();
  }
}

test('fiscus log verify: exit 0 on a fresh log and after writes; exit 5 naming the entry after an SQL UPDATE, and the gap after a DELETE', { timeout: 480_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fiscus-log-cli-'));
  const data = join(dir, 'data');
  const run = (args: string[], input?: string) => cli([...args, '--data', data], input);
  try {
    const fresh = await run(['log', 'verify']);
    assert.deepEqual([fresh.code, fresh.out, fresh.err], [0, '审计日志完好：尚无记录\n', ''], fresh.err);

    // The account commands create the administrator and the root (two entries), then add one each.
    assert.equal((await run(['org', 'add', '某区教育局', '--kind', '主管部门', '--parent', '财政局'])).code, 0);
    const add = await run(['user', 'add', 'zhang', '--name', '张三', '--role', '经办', '--org', '某区教育局', '--password-stdin'], 'zhang-password-1\n');
    assert.equal(add.code, 0, add.err);
    const ok = await run(['log', 'verify']);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /^审计日志完好：共 4 条记录（第 1–4 条），哈希链连续、无改动\n最新哈希：[0-9a-f]{64}\n锚点：4:[0-9a-f]{64}（请记在数据库之外，下次以 --anchor 校验）\n$/);
    const anchor = /锚点：(4:[0-9a-f]{64})/.exec(ok.out)![1]!;
    const anchored = await run(['log', 'verify', '--anchor', anchor]);
    assert.equal(anchored.code, 0, anchored.err);
    assert.match(anchored.out, /哈希链连续、无改动，锚点第 4 条相符\n/);
    const badAnchor = await run(['log', 'verify', '--anchor', '4:abc']);
    assert.deepEqual([badAnchor.code, badAnchor.err], [2, '锚点应为"编号:哈希"（如 12:后接 64 位十六进制哈希），实为 "4:abc"（INPUT_INVALID）\n']);
    const otherHash = await run(['log', 'verify', '--anchor', `4:${'0'.repeat(64)}`]);
    assert.equal(otherHash.code, 5);
    assert.match(otherHash.err, /^审计日志第 4 条记录的哈希与锚点不符：应为 0{16}…，实为 [0-9a-f]{16}…（日志自此条或更早起被整体改写）（AUDIT_BROKEN）\n$/);

    const list = await run(['log', 'list']);
    assert.equal(list.code, 0, list.err);
    const rows = list.out
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    assert.deepEqual(rows[0], ['编号', '时间', '操作人', '操作', '对象', '内容']);
    assert.deepEqual(
      rows.slice(1).map((r) => [r[0], r[2], r[3], r[4], r[5]]),
      [
        ['1', '命令行', '新增机构（org.add）', 'org:1', '财政局'],
        ['2', '命令行', '新增用户（user.add）', 'user:1', 'admin（管理员，管理员，财政局）'],
        ['3', '命令行', '新增机构（org.add）', 'org:2', '某区教育局（上级：财政局）'],
        ['4', '命令行', '新增用户（user.add）', 'user:2', 'zhang（张三，经办，某区教育局）'],
      ],
    );
    assert.equal((await run(['log', 'list', '--target', 'user:2'])).out.trim().split('\n').length, 2);
    assert.deepEqual(
      (await run(['log', 'list', '--limit', '1'])).out
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split('\t')[0]),
      ['4'],
      'the newest entries',
    );
    assert.deepEqual(
      (await run(['log', 'list', '--after', '2', '--limit', '1'])).out
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split('\t')[0]),
      ['3'],
    );
    const badLimit = await run(['log', 'list', '--limit', 'many']);
    assert.equal(badLimit.code, 2, badLimit.err);

    // Behind the application's back: zhang made an administrator in the log.
    await sqlOn(data, `UPDATE audit_log SET detail = jsonb_set(detail, '{role}', '"admin"') WHERE id = 4`);
    const altered = await run(['log', 'verify']);
    assert.equal(altered.code, EXIT.AUDIT_BROKEN);
    assert.equal(altered.code, 5);
    assert.equal(altered.out, '');
    assert.match(altered.err, /^审计日志第 4 条记录校验失败：记录内容与其哈希不符（该条记录被修改过）；该条记录：\S+，cli，新增用户（user\.add），对象 user:2。此前 3 条记录完好（AUDIT_BROKEN）\n$/);

    await sqlOn(data, `UPDATE audit_log SET detail = jsonb_set(detail, '{role}', '"preparer"') WHERE id = 4`);
    assert.equal((await run(['log', 'verify'])).code, 0, 'restored, the entry verifies again');
    // The last entry deleted: the chain that is left is whole (a chain alone cannot tell), the anchor can.
    await sqlOn(data, `CREATE TABLE audit_saved AS SELECT * FROM audit_log WHERE id = 4`);
    await sqlOn(data, `DELETE FROM audit_log WHERE id = 4`);
    assert.equal((await run(['log', 'verify'])).code, 0, 'without the anchor, 3 entries verify');
    const cut = await run(['log', 'verify', '--anchor', anchor]);
    assert.equal(cut.code, 5);
    assert.equal(cut.err, '审计日志缺少锚点第 4 条记录：现仅有 3 条（第 3 条之后的记录被删除）（AUDIT_BROKEN）\n');
    await sqlOn(data, `INSERT INTO audit_log SELECT * FROM audit_saved`);
    assert.equal((await run(['log', 'verify', '--anchor', anchor])).code, 0, 'restored, the anchor holds again');
    await sqlOn(data, `DELETE FROM audit_log WHERE id = 2`);
    const deleted = await run(['log', 'verify']);
    assert.equal(deleted.code, 5);
    assert.match(
      deleted.err,
      /^审计日志第 3 条记录校验失败（应为第 2 条，缺少第 2 条）：此前缺少记录（有记录被删除）；该条记录：\S+，cli，新增机构（org\.add），对象 org:2。此前 1 条记录完好（AUDIT_BROKEN）\n$/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
