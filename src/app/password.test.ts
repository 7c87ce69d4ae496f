import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FiscusError } from '../domain/errors.js';
import { SCRYPT_COST, hashPassword, verifyPassword } from './password.js';

test('a hash verifies its password and no other, and carries its cost and a fresh salt', async () => {
  const h = await hashPassword('正确的密码 horse');
  assert.match(h, new RegExp(`^scrypt\\$${SCRYPT_COST.log2N}\\$8\\$1\\$[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{43}=$`));
  assert.equal(await verifyPassword('正确的密码 horse', h), true);
  assert.equal(await verifyPassword('正确的密码 horsE', h), false);
  assert.equal(await verifyPassword('', h), false);
  const again = await hashPassword('正确的密码 horse');
  assert.notEqual(again, h);
  assert.equal(await verifyPassword('正确的密码 horse', again), true);
});

test('a hash made at a lower cost still verifies (the cost is read from the stored string)', async () => {
  const h = await hashPassword('p', { log2N: 10, r: 8, p: 1 });
  assert.ok(h.startsWith('scrypt$10$8$1$'));
  assert.equal(await verifyPassword('p', h), true);
  assert.equal(await verifyPassword('q', h), false);
});

test('a composed and a decomposed spelling of the same password are one password (NFC)', async () => {
  const h = await hashPassword('Café', { log2N: 10, r: 8, p: 1 });
  assert.equal(await verifyPassword('Cafe\u0301', h), true);
});

test('a stored string that is not an scrypt hash of ours is an internal error, not a mismatch', async () => {
  for (const bad of ['', 'plain', '$argon2id$v=19$m=65536,t=3,p=4$abc$def', 'scrypt$40$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=']) {
    await assert.rejects(verifyPassword('x', bad), (e: unknown) => e instanceof FiscusError && e.code === 'INTERNAL', bad);
  }
});
