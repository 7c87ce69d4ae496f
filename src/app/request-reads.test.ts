import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inReadOnlyRequest, readOnce, readOncePerRequest } from './request-reads.js';

/** A read that counts its calls. */
function counter(answer = 'row') {
  const calls = { n: 0 };
  return { calls, read: async () => (calls.n++, answer) };
}

test('a GET or HEAD request reads each key of a database once; another database or key reads again', async () => {
  for (const method of ['GET', 'HEAD']) {
    const dbA = {};
    const dbB = {};
    const a = counter();
    const b = counter();
    await readOncePerRequest(method, async () => {
      assert.equal(inReadOnlyRequest(), true);
      const [x, y] = await Promise.all([readOnce(dbA, 'budget:1', a.read), readOnce(dbA, 'budget:1', a.read)]);
      assert.equal(x, 'row');
      assert.equal(y, 'row');
      await readOnce(dbA, 'budget:1', a.read);
      await readOnce(dbB, 'budget:1', b.read);
      await readOnce(dbA, 'budget:2', b.read);
    });
    assert.equal(a.calls.n, 1, method);
    assert.equal(b.calls.n, 2, method);
  }
});

test('a write (POST, PATCH, PUT, DELETE) and code outside a request read afresh each time', async () => {
  const db = {};
  for (const method of ['POST', 'PATCH', 'PUT', 'DELETE']) {
    const c = counter();
    await readOncePerRequest(method, async () => {
      assert.equal(inReadOnlyRequest(), false);
      await readOnce(db, 'budget:1', c.read);
      await readOnce(db, 'budget:1', c.read);
    });
    assert.equal(c.calls.n, 2, method);
  }
  const c = counter();
  await readOnce(db, 'budget:1', c.read);
  await readOnce(db, 'budget:1', c.read);
  assert.equal(c.calls.n, 2);
  assert.equal(inReadOnlyRequest(), false);
});

test('nothing outlives its request: the next request reads again; a failed read is not kept', async () => {
  const db = {};
  const c = counter();
  await readOncePerRequest('GET', () => readOnce(db, 'k', c.read));
  await readOncePerRequest('GET', () => readOnce(db, 'k', c.read));
  assert.equal(c.calls.n, 2);
  let tries = 0;
  const flaky = async () => {
    if (tries++ === 0) throw new Error('connection lost');
    return 'row';
  };
  await readOncePerRequest('GET', async () => {
    await assert.rejects(readOnce(db, 'k', flaky), /connection lost/);
    assert.equal(await readOnce(db, 'k', flaky), 'row');
  });
  assert.equal(tries, 2);
});
