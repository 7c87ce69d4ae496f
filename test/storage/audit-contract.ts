/**
 * The audit-log contract (issue 13): every write appends one hash-chained entry in its own
 * transaction, naming who; the chain verifies, and names the first entry altered or deleted behind
 * the application's back; concurrent writers (one workspace, and two on one PostgreSQL, as two server
 * processes would be) leave one linear chain. Registered from pglite.test.ts and postgres.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectionOf, openWorkspace, type Workspace } from '../../src/app/workspace.js';
import { followOf } from '../../src/app/follow.js';
import { accountsOf } from '../../src/app/accounts.js';
import { auditLogOf, brokenSentence, type AuditEntry } from '../../src/app/audit-log.js';
import { GENESIS_HASH, auditHash } from '../../src/storage/audit-log-repo.js';
import { budget, bytesOf, paymentsCsv } from './fixture.js';
import { rejectsWith, workspaceRunner, type Backend } from './contract.js';

const PW = 'correct horse battery';

/** The root, a unit and a preparer `zhang` (张三), added through the CLI's door. */
async function seeded(ws: Workspace): Promise<void> {
  const acc = accountsOf(ws, { actor: 'cli' });
  await acc.bootstrap({ adminPassword: 'admin-password-1', rootName: '某区财政局' });
  await acc.addOrganisation({ name: '某区测试中心', kind: 'department', parent: '某区财政局' });
  await acc.addUser({ login: 'zhang', displayName: '张三', role: 'preparer', organisation: '某区测试中心', password: PW });
}

const brief = (es: AuditEntry[]) => es.map((e) => [e.action, e.actor, e.target]);

/** Asserts ids 1…n, each prev_hash the hash before, each hash recomputed from its fields. */
function assertLinear(es: AuditEntry[]): void {
  let prev = GENESIS_HASH;
  es.forEach((e, i) => {
    assert.equal(e.id, i + 1, 'ids run 1, 2, 3… without gaps');
    assert.equal(e.prevHash, prev, `entry ${e.id} follows entry ${e.id - 1}`);
    assert.equal(auditHash(e.prevHash, e), e.hash, `entry ${e.id}'s hash`);
    prev = e.hash;
  });
}

export function registerAuditContract(b: Backend): void {
  const withWorkspace = workspaceRunner(b);

  test(`${b.name}: a fresh audit log verifies, empty`, () =>
    withWorkspace(async (ws) => {
      const log = auditLogOf(ws);
      assert.deepEqual(await log.verify(), { ok: true, count: 0, lastId: null, headHash: GENESIS_HASH });
      assert.deepEqual(await log.list(), []);
    }));

  test(`${b.name}: an import, an edit, a payment and a user add each append one entry naming who, in a chain that verifies`, () =>
    withWorkspace(async (ws) => {
      await seeded(ws);
      const r = await ws.importDocument(bytesOf(budget(2021, '某区测试中心')), 'a.json', { author: '张三（zhang）', actor: 'zhang' });
      const base = await ws.getDocument(r.budgetId);
      await ws.editProjectForm(r.budgetId, 1, 'f1', { costLines: base.projectForms[0]!.costLines.slice(0, 1) }, '张三（zhang）', 'zhang');
      const p = await followOf(ws).addPayment(r.budgetId, { project: 'f1', date: '2021-03-01', fen: 12_345 }, 'api');
      await accountsOf(ws, { actor: 'admin' }).addUser({ login: 'li', displayName: '李四', role: 'preparer', organisation: '某区测试中心', password: PW });

      const log = auditLogOf(ws);
      const all = await log.list();
      const target = `budget:${r.budgetId}`;
      assert.deepEqual(brief(all), [
        ['org.add', 'cli', 'org:1'],
        ['user.add', 'cli', 'user:1'],
        ['org.add', 'cli', 'org:2'],
        ['user.add', 'cli', 'user:2'],
        ['budget.import', 'zhang', target],
        ['budget.edit', 'zhang', target],
        ['payment.add', 'api', target],
        ['user.add', 'admin', 'user:3'],
      ]);
      assertLinear(all);
      const [imp, edit, pay] = await log.budgetHistory(r.budgetId);
      assert.deepEqual(imp!.detail, { file: 'a.json', author: '张三（zhang）', version: 1, created: true, findings: r.findings });
      assert.equal(imp!.actorName, '张三');
      assert.deepEqual([edit!.detail['version'], edit!.detail['baseVersion'], edit!.detail['formId']], [2, 1, 'f1']);
      assert.deepEqual(pay!.detail, { paymentId: p.id, formId: 'f1', date: '2021-03-01', fen: 12_345, voucher: null, payee: null });
      assert.equal(pay!.actorName, null);
      assert.equal(all.at(-1)!.actorName, '管理员');
      assert.deepEqual(await log.verify(), { ok: true, count: 8, lastId: 8, headHash: all.at(-1)!.hash });
    }));

  test(`${b.name}: payments import and delete, monitoring, evaluation, user and token changes and sign-ins are recorded; writes that fail record nothing`, () =>
    withWorkspace(async (ws) => {
      await seeded(ws);
      const { budgetId } = await ws.importDocument(bytesOf(budget(2021)), 'a.json', { actor: 'cli' });
      const f = followOf(ws);
      await f.importPayments(budgetId, paymentsCsv(3), 'p.csv', { actor: 'zhang' });
      // The same file again stores nothing, and so records nothing.
      assert.equal((await f.importPayments(budgetId, paymentsCsv(3), 'p.csv', { actor: 'zhang' })).alreadyImported, true);
      const [first] = await f.listPayments(budgetId);
      await f.deletePayment(budgetId, first!.id, 'zhang');
      await rejectsWith(f.deletePayment(budgetId, first!.id, 'zhang'), 'NOT_FOUND');
      await f.saveMonitoring(budgetId, 'f1', [{ idx: 0, actualToDate: '12', likelihood: '确定能', reason: null, action: null }], '2021-08-31', 'zhang');
      await f.saveActuals(budgetId, 'f1', [{ idx: 0, value: '20', band: null, notApplicable: false, reason: null, correction: null }], 'zhang');
      // A stale edit (CONFLICT) and an import that fails inside its transaction (a NUL) leave no entry.
      await ws.editProjectForm(budgetId, 1, 'f1', { amounts: { purchasedServices: null } }, undefined, 'zhang');
      await rejectsWith(ws.editProjectForm(budgetId, 1, 'f1', { amounts: { purchasedServices: null } }, undefined, 'zhang'), 'CONFLICT');
      const bad = budget(2021);
      bad.tables[2]!.rows[3]!.label = '事业\u0000运行';
      await assert.rejects(ws.importDocument(bytesOf(bad), 'nul.json', { actor: 'zhang' }));

      const acc = accountsOf(ws, { actor: 'admin' });
      await rejectsWith(acc.signIn('zhang', 'wrong password!'), 'UNAUTHENTICATED');
      await rejectsWith(acc.signIn('nobody', 'wrong password!'), 'UNAUTHENTICATED');
      await acc.signIn('zhang', PW);
      await acc.setPassword('zhang', 'another password 2');
      await acc.setDisabled('zhang', true);
      await rejectsWith(acc.signIn('zhang', 'another password 2'), 'UNAUTHENTICATED', /停用/);
      await acc.setDisabled('zhang', false);
      const t = await acc.addToken('zhang', '对接');
      await acc.revokeToken(String(t.info.id), await acc.user('zhang'));

      const all = await auditLogOf(ws).list();
      const target = `budget:${budgetId}`;
      assert.deepEqual(brief(all.slice(4)), [
        ['budget.import', 'cli', target],
        ['payments.import', 'zhang', target],
        ['payment.delete', 'zhang', target],
        ['monitoring.save', 'zhang', target],
        ['evaluation.save', 'zhang', target],
        ['budget.edit', 'zhang', target],
        ['user.signin-failed', 'anonymous', 'user:2'],
        ['user.signin', 'zhang', 'user:2'],
        ['user.passwd', 'admin', 'user:2'],
        ['user.disable', 'admin', 'user:2'],
        ['user.signin-failed', 'anonymous', 'user:2'],
        ['user.enable', 'admin', 'user:2'],
        ['token.add', 'admin', `token:${t.info.id}`],
        ['token.revoke', 'zhang', `token:${t.info.id}`],
      ]);
      const byAction = new Map(all.map((e) => [e.action, e.detail]));
      assert.deepEqual(byAction.get('payments.import'), { file: 'p.csv', sha256: byAction.get('payments.import')!['sha256'], imported: 3, totalFen: 600, replaced: 0, force: false });
      assert.deepEqual(byAction.get('payment.delete'), { paymentId: first!.id, formId: 'f1', date: first!.date, fen: first!.fen });
      assert.deepEqual((byAction.get('monitoring.save')!['entries'] as unknown[]).length, 1);
      assert.deepEqual(byAction.get('user.signin-failed'), { login: 'zhang', reason: 'disabled', lockedUntil: null });
      assert.ok(!JSON.stringify(all).includes('another password'), 'no password in the log');
      assert.ok(!JSON.stringify(all).includes(t.token), 'no token in the log');
      assertLinear(all);
      assert.equal((await auditLogOf(ws).verify()).ok, true);
    }));

  test(`${b.name}: an entry altered with SQL fails verification naming it; the entries before it are sound`, () =>
    withWorkspace(async (ws) => {
      const r = await ws.importDocument(bytesOf(budget(2021)), 'a.json', { actor: 'cli' });
      for (let i = 1; i <= 3; i++) await followOf(ws).addPayment(r.budgetId, { project: 'f1', date: '2021-03-01', fen: i * 100 }, 'api');
      const conn = connectionOf(ws);
      await conn.query(`UPDATE audit_log SET detail = jsonb_set(detail, '{fen}', '999999') WHERE id = 3`);
      const v = await auditLogOf(ws).verify();
      assert.ok(!v.ok);
      assert.deepEqual([v.entry.id, v.entry.action, v.entry.target, v.reason, v.count], [3, 'payment.add', `budget:${r.budgetId}`, 'hash', 2]);
      const e = await rejectsWith(auditLogOf(ws).check(), 'AUDIT_BROKEN', /审计日志第 3 条记录校验失败：记录内容与其哈希不符/);
      assert.match(e.message, /录入支付（payment\.add），对象 budget:1/);
      // Recomputing the altered entry's hash moves the break to the entry after it.
      const [x] = await auditLogOf(ws).list({ afterId: 2, limit: 1 });
      await conn.query(`UPDATE audit_log SET hash = $1 WHERE id = 3`, [auditHash(x!.prevHash, x!)]);
      const w = await auditLogOf(ws).verify();
      assert.deepEqual(w.ok ? null : [w.entry.id, w.reason], [4, 'prev']);
      // Another column (the actor) altered is found as well.
      await conn.query(`UPDATE audit_log SET hash = $1 WHERE id = 3`, [x!.hash]);
      await conn.query(`UPDATE audit_log SET detail = jsonb_set(detail, '{fen}', '200'), actor = 'zhang' WHERE id = 3`);
      const u = await auditLogOf(ws).verify();
      assert.deepEqual(u.ok ? null : [u.entry.id, u.reason], [3, 'hash']);
    }));

  test(`${b.name}: a middle entry deleted with SQL fails verification naming the gap`, () =>
    withWorkspace(async (ws) => {
      const r = await ws.importDocument(bytesOf(budget(2021)), 'a.json', { actor: 'cli' });
      for (let i = 1; i <= 4; i++) await followOf(ws).addPayment(r.budgetId, { project: 'f1', date: '2021-03-01', fen: i * 100 }, 'api');
      await connectionOf(ws).query(`DELETE FROM audit_log WHERE id IN (3, 4)`);
      const v = await auditLogOf(ws).verify();
      assert.ok(!v.ok);
      assert.deepEqual([v.entry.id, v.reason, v.expectedId, v.count], [5, 'gap', 3, 2]);
      assert.match(brokenSentence(v), /^审计日志第 5 条记录校验失败（应为第 3 条，缺少第 3–4 条）：此前缺少记录（有记录被删除）/);
      // The first entry deleted: the log starts after 1.
      await connectionOf(ws).query(`DELETE FROM audit_log WHERE id = 1`);
      const w = await auditLogOf(ws).verify();
      assert.deepEqual(w.ok ? null : [w.entry.id, w.reason, w.expectedId, w.count], [2, 'gap', 1, 0]);
    }));

  test(`${b.name}: 8 concurrent imports leave one linear chain that verifies`, { timeout: 120_000 }, () =>
    withWorkspace(async (ws, store) => {
      // On PostgreSQL, half of them through a second workspace: another server process on the database.
      const other = b.folder ? ws : await openWorkspace(store.opts);
      try {
        const all = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? other : ws).importDocument(bytesOf(budget(2021, `并发单位${i}`)), `u${i}.json`, { actor: `p${i % 2}` })));
        // And writers of another kind at the same time: payments on the new budgets.
        await Promise.all(all.map((r, i) => followOf(i % 2 ? other : ws).addPayment(r.budgetId, { project: 'f1', date: '2021-05-01', fen: 100 + i }, 'api')));
        const es = await auditLogOf(ws).list();
        assert.equal(es.length, 16);
        assertLinear(es);
        assert.deepEqual(new Set(es.filter((e) => e.action === 'budget.import').map((e) => e.target)), new Set(all.map((r) => `budget:${r.budgetId}`)));
        assert.deepEqual(await auditLogOf(other).verify(), { ok: true, count: 16, lastId: 16, headHash: es.at(-1)!.hash });
      } finally {
        if (other !== ws) await other.close();
      }
    }),
  );
}
