import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRules, summarize } from './engine.js';
import { emptyDoc } from './_lib/test-doc.js';
import type { Rule } from './types.js';
import { RULES } from './registry.js';
import { assertUniqueIds } from './registry.js';

function fake(id: string, over: Partial<Rule> & { lines?: Array<[number | null, 'error' | 'warning' | 'info']> } = {}): Rule {
  const { lines = [], ...rest } = over;
  return {
    id, title: id, titleZh: id, severity: 'error', category: 'table-arithmetic', reads: ['tables'], basis: 'test',
    check(_doc, ctx) {
      for (const [line, severity] of lines) ctx.report({ severity, message: `${id}@${line}`, location: { section: 's', line, page: null }, expected: null, actual: null, difference: null, unit: null });
    },
    ...rest,
  };
}

test('a rule that throws becomes one internal error finding and the other rules still run', () => {
  const boom = fake('BUD-900', { check: () => { throw new Error('kaputt'); } });
  const ok = fake('BUD-901', { lines: [[5, 'warning']] });
  const fs = runRules(emptyDoc(), [boom, ok]);
  assert.equal(fs.length, 2);
  const internal = fs.find((f) => f.rule === 'BUD-900')!;
  assert.equal(internal.category, 'internal');
  assert.equal(internal.severity, 'error');
  assert.match(internal.message, /kaputt/);
  assert.ok(fs.some((f) => f.rule === 'BUD-901'));
});

test('findings are sorted by severity, then by line with unknown lines last', () => {
  const r = fake('BUD-902', { lines: [[30, 'info'], [null, 'error'], [20, 'warning'], [10, 'error'], [5, 'info']] });
  const fs = runRules(emptyDoc(), [r]);
  assert.deepEqual(fs.map((f) => f.message), ['BUD-902@10', 'BUD-902@null', 'BUD-902@20', 'BUD-902@5', 'BUD-902@30']);
  assert.deepEqual(summarize(fs), { error: 2, warning: 1, info: 2 });
});

test('rules whose appliesTo does not match the document are skipped', () => {
  const onlyFinal = fake('BUD-903', { lines: [[1, 'error']], appliesTo: { kinds: ['部门决算'] } });
  const onlyShanghai = fake('BUD-904', { lines: [[1, 'error']], appliesTo: { profiles: ['shanghai-budget'] } });
  const mine = fake('BUD-905', { lines: [[1, 'error']], appliesTo: { kinds: ['部门预算'], profiles: ['shenzhen-dept-budget'] } });
  assert.deepEqual(runRules(emptyDoc(), [onlyFinal, onlyShanghai, mine]).map((f) => f.rule), ['BUD-905']);
});

test('only runs the rules that read one of the given parts', () => {
  const t = fake('BUD-906', { lines: [[1, 'error']], reads: ['tables'] });
  const n = fake('BUD-907', { lines: [[1, 'error']], reads: ['narrative', 'tables'] });
  const p = fake('BUD-908', { lines: [[1, 'error']], reads: ['projectForms'] });
  assert.deepEqual(runRules(emptyDoc(), [t, n, p], { only: ['narrative'] }).map((f) => f.rule), ['BUD-907']);
  assert.equal(runRules(emptyDoc(), [t, n, p]).length, 3);
});

test('duplicate rule ids are refused and the registry has none', () => {
  assert.throws(() => assertUniqueIds([fake('BUD-909'), fake('BUD-909')]), /duplicate rule id BUD-909/);
  assert.doesNotThrow(() => assertUniqueIds(RULES));
});

test('the registered rules find nothing in an empty document and never crash on it', () => {
  const fs = runRules(emptyDoc({ profile: 'authored' }));
  assert.equal(fs.filter((f) => f.category === 'internal').length, 0);
});
