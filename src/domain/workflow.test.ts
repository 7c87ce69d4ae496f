import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FiscusError } from './errors.js';
import { nextState, openTransitions, STATES, TRANSITIONS, unwaivedErrors, waiverKey, waiverLive, type Waiver } from './workflow.js';

test('each transition leads from the states it names and from no other; a return needs a reason', () => {
  assert.equal(nextState('draft', 'submit', null), 'submitted');
  assert.equal(nextState('returned', 'submit', undefined), 'submitted');
  assert.equal(nextState('submitted', 'review', null), 'reviewed');
  assert.equal(nextState('reviewed', 'approve', null), 'approved');
  assert.equal(nextState('approved', 'publish', null), 'published');
  assert.equal(nextState('reviewed', 'return', '请补充'), 'returned');
  for (const s of STATES) {
    for (const [a, t] of Object.entries(TRANSITIONS) as [keyof typeof TRANSITIONS, (typeof TRANSITIONS)[keyof typeof TRANSITIONS]][]) {
      if (t.from.includes(s)) continue;
      assert.throws(
        () => nextState(s, a, 'x'),
        (e: unknown) => e instanceof FiscusError && e.code === 'CONFLICT',
        `${a} from ${s}`,
      );
    }
  }
  assert.throws(
    () => nextState('submitted', 'return', '  '),
    (e: unknown) => e instanceof FiscusError && e.code === 'INPUT_INVALID' && /退回须说明理由/.test(e.message),
  );
  assert.throws(
    () => nextState('submitted', 'return', 'x'.repeat(2001)),
    (e: unknown) => e instanceof FiscusError && e.code === 'INPUT_INVALID',
  );
  assert.deepEqual(openTransitions('published'), []);
  assert.deepEqual(openTransitions('submitted'), ['return', 'review']);
});

test('a waiver key is the rule and the place as data, not the line or page (which move between versions)', () => {
  const f = (line: number, row = 'r3') => ({ rule: 'BUD-031', severity: 'error', location: { section: '表1', line, page: 2, tableId: 't1', row, column: 'budget' } });
  assert.equal(waiverKey(f(10)), waiverKey(f(99)));
  assert.notEqual(waiverKey(f(10)), waiverKey(f(10, 'r4')));
  assert.notEqual(waiverKey(f(10)), waiverKey({ ...f(10), rule: 'BUD-032' }));
});

test('only live waivers cover errors: an expired or revoked one does not; warnings never block', () => {
  const now = new Date('2027-01-10T00:00:00Z');
  const err = { rule: 'BUD-031', severity: 'error', location: { section: '表1', line: 1, page: null, tableId: 't1', row: 'r1' } };
  const warn = { ...err, rule: 'BUD-050', severity: 'warning' };
  const w = (over: Partial<Waiver>): Waiver => ({
    id: 1,
    key: waiverKey(err),
    rule: err.rule,
    message: '',
    reason: '核实',
    by: 'x',
    at: '2027-01-01T00:00:00Z',
    expiresAt: null,
    revokedAt: null,
    ...over,
  });
  assert.deepEqual(unwaivedErrors([err, warn], [], now), [err]);
  assert.deepEqual(unwaivedErrors([err, warn], [w({})], now), []);
  assert.deepEqual(unwaivedErrors([err], [w({ expiresAt: '2027-01-09T15:59:59.999Z' })], now), [err]);
  assert.deepEqual(unwaivedErrors([err], [w({ expiresAt: '2027-01-10T15:59:59.999Z' })], now), []);
  assert.deepEqual(unwaivedErrors([err], [w({ revokedAt: '2027-01-05T00:00:00Z' })], now), [err]);
  assert.equal(waiverLive(w({}), now), true);
});
