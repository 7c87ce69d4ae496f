import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionLabel, actorLabel, auditActor, auditSummary, brokenSentence } from './audit-log.js';
import { auditHash, canonicalJson, GENESIS_HASH } from '../storage/audit-log-repo.js';

test('an entry reads in Chinese: who (姓名（login） or the door), what, and a one-line summary of its detail', () => {
  assert.equal(actorLabel({ actor: 'zhang', actorName: '张三' }), '张三（zhang）');
  assert.deepEqual(
    ['cli', 'system', 'web', 'api', 'anonymous'].map((actor) => actorLabel({ actor, actorName: null })),
    ['命令行', '系统', '网页（未登录）', 'API（未登录）', '匿名'],
  );
  assert.equal(auditActor({ login: 'zhang' }, 'web'), 'zhang');
  assert.equal(auditActor(null, 'api'), 'api');
  assert.equal(actionLabel('payment.add'), '录入支付');
  assert.equal(actionLabel('something.new'), 'something.new');
  assert.equal(auditSummary({ action: 'payment.add', detail: { paymentId: 7, formId: 'form-2', date: '2021-04-01', fen: 123_456_789 } }), '支付 7：form-2，2021-04-01，1,234,567.89 元');
  assert.equal(auditSummary({ action: 'payment.delete', detail: { paymentId: 8, formId: 'f1', date: '2021-04-01', fen: 5 } }), '支付 8：f1，2021-04-01，0.05 元');
  assert.equal(auditSummary({ action: 'budget.edit', detail: { version: 3, baseVersion: 2, formId: 'form-1' } }), '第 3 版（修改自第 2 版），项目申报表 form-1');
  assert.equal(auditSummary({ action: 'budget.return', detail: { version: 2, from: 'submitted', to: 'returned', reason: '表5 未填' } }), '第 2 版：已提交 → 已退回，理由：表5 未填');
  assert.equal(auditSummary({ action: 'user.add', detail: { login: 'li', displayName: '李四', role: 'preparer', organisation: '某中学' } }), 'li（李四，经办，某中学）');
});

test('the hash covers every field and the previous hash; detail keys are sorted at every depth', () => {
  const e = { id: 1, at: '2026-01-02T03:04:05.678Z', actor: 'zhang', action: 'payment.add', target: 'budget:1', detail: { b: 1, a: { d: [2, { y: 1, x: 0 }], c: null } } };
  assert.equal(canonicalJson(e.detail), '{"a":{"c":null,"d":[2,{"x":0,"y":1}]},"b":1}');
  const h = auditHash(GENESIS_HASH, e);
  assert.match(h, /^[0-9a-f]{64}$/);
  assert.equal(auditHash(GENESIS_HASH, { ...e, detail: { a: { c: null, d: [2, { x: 0, y: 1 }] }, b: 1 } }), h, 'key order does not matter');
  for (const changed of [{ id: 2 }, { at: '2026-01-02T03:04:05.679Z' }, { actor: 'li' }, { action: 'payment.delete' }, { target: 'budget:2' }, { detail: { b: 2 } }]) {
    assert.notEqual(auditHash(GENESIS_HASH, { ...e, ...changed }), h, JSON.stringify(changed));
  }
  assert.notEqual(auditHash('f'.repeat(64), e), h);
});

test('a broken chain is named with the entry, its action and target, and why', () => {
  const entry = { id: 5, at: '2026-01-02T03:04:05.678Z', actor: 'zhang', action: 'budget.import', target: 'budget:3' };
  assert.equal(
    brokenSentence({ ok: false, count: 4, reason: 'hash', entry }),
    '审计日志第 5 条记录校验失败：记录内容与其哈希不符（该条记录被修改过）；该条记录：2026-01-02T03:04:05.678Z，zhang，导入（budget.import），对象 budget:3。此前 4 条记录完好',
  );
  assert.match(brokenSentence({ ok: false, count: 4, reason: 'prev', entry }), /前一哈希与上一条记录的哈希不符/);
  assert.match(brokenSentence({ ok: false, count: 3, reason: 'gap', entry, expectedId: 4 }), /^审计日志第 5 条记录校验失败（应为第 4 条，缺少第 4 条）：此前缺少记录（有记录被删除）/);
});
