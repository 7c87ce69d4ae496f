import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FiscusError } from './errors.js';
import { checkPassword, parseDisplayName, parseLogin } from './accounts.js';

const invalid = (field: string) => (e: unknown) => e instanceof FiscusError && e.code === 'INPUT_INVALID' && e.where.field === field;

test('a login is lower-cased and trimmed; other shapes are refused naming the field', () => {
  assert.equal(parseLogin(' Zhang.San '), 'zhang.san');
  assert.equal(parseLogin('ab'), 'ab');
  for (const bad of ['a', '1abc', '张三', 'a b', 'a'.repeat(33), '', 'admin;drop']) assert.throws(() => parseLogin(bad), invalid('login'), bad);
});

test("the audit log's non-user actors (system, cli, web, api, anonymous) cannot be taken as logins", () => {
  for (const reserved of ['system', 'CLI', ' web ', 'api', 'anonymous']) assert.throws(() => parseLogin(reserved), /保留给审计日志/, reserved);
  assert.equal(parseLogin('systems'), 'systems');
});

test('a password is 10 to 256 characters, counted as characters, not bytes, and never echoed', () => {
  assert.doesNotThrow(() => checkPassword('一二三四五六七八九十'));
  assert.throws(() => checkPassword('一二三四五六七八九'), invalid('password'));
  assert.throws(() => checkPassword('x'.repeat(257)), invalid('password'));
  assert.throws(() => checkPassword(' '.repeat(12)), /密码不能全为空白字符/);
  assert.throws(
    () => checkPassword('secret123'),
    (e: unknown) => e instanceof Error && /实际为 9 个/.test(e.message) && !e.message.includes('secret123'),
  );
});

test('a display name is trimmed and 1 to 64 characters', () => {
  assert.equal(parseDisplayName(' 张三 '), '张三');
  assert.throws(() => parseDisplayName('   '), invalid('displayName'));
  assert.throws(() => parseDisplayName('名'.repeat(65)), invalid('displayName'));
});
