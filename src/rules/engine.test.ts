import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDocument, runRules, summarize } from './engine.js';
import { clone, consistentDoc, emptyDoc, money, rowOf, setCell, tbl } from './_lib/test-doc.js';
import type { Finding, Rule } from './types.js';
import { RULES } from './registry.js';
import { assertUniqueIds } from './registry.js';

function fake(id: string, over: Partial<Rule> & { lines?: Array<[number | null, 'error' | 'warning' | 'info']> } = {}): Rule {
  const { lines = [], ...rest } = over;
  return {
    id,
    title: id,
    titleZh: id,
    severity: 'error',
    category: 'table-arithmetic',
    reads: ['tables'],
    basis: 'test',
    check(_doc, ctx) {
      for (const [line, severity] of lines)
        ctx.report({ severity, message: `${id}@${line}`, location: { section: 's', line, page: null }, expected: null, actual: null, difference: null, unit: null });
    },
    ...rest,
  };
}

test('a rule that throws becomes one internal error finding and the other rules still run', () => {
  const boom = fake('BUD-900', {
    check: () => {
      throw new Error('kaputt');
    },
  });
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
  const r = fake('BUD-902', {
    lines: [
      [30, 'info'],
      [null, 'error'],
      [20, 'warning'],
      [10, 'error'],
      [5, 'info'],
    ],
  });
  const fs = runRules(emptyDoc(), [r]);
  assert.deepEqual(
    fs.map((f) => f.message),
    ['BUD-902@10', 'BUD-902@null', 'BUD-902@20', 'BUD-902@5', 'BUD-902@30'],
  );
  assert.deepEqual(summarize(fs), { error: 2, warning: 1, info: 2 });
});

test('rules whose appliesTo does not match the document are skipped', () => {
  const onlyFinal = fake('BUD-903', { lines: [[1, 'error']], appliesTo: { kinds: ['部门决算'] } });
  const onlyShanghai = fake('BUD-904', { lines: [[1, 'error']], appliesTo: { profiles: ['shanghai-budget'] } });
  const mine = fake('BUD-905', { lines: [[1, 'error']], appliesTo: { kinds: ['部门预算'], profiles: ['shenzhen-dept-budget'] } });
  assert.deepEqual(
    runRules(emptyDoc(), [onlyFinal, onlyShanghai, mine]).map((f) => f.rule),
    ['BUD-905'],
  );
});

test('only runs the rules that read one of the given parts', () => {
  const t = fake('BUD-906', { lines: [[1, 'error']], reads: ['tables'] });
  const n = fake('BUD-907', { lines: [[1, 'error']], reads: ['narrative', 'tables'] });
  const p = fake('BUD-908', { lines: [[1, 'error']], reads: ['projectForms'] });
  assert.deepEqual(
    runRules(emptyDoc(), [t, n, p], { only: ['narrative'] }).map((f) => f.rule),
    ['BUD-907'],
  );
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

// --- no finding rests on a guess ---

const rulesOf = (fs: Finding[]) => [...new Set(fs.filter((f) => f.severity !== 'info').map((f) => f.rule))].sort();

test('a row whose amounts could not all be placed is the basis of no finding, and the checks are listed as not checked', () => {
  const d = consistentDoc();
  const t7 = tbl(d, 7);
  t7.id = 't7';
  const r = rowOf(d, 7, 't7-8'); // 2080505: its 基本支出 printed but not placed
  r.unplaced = [r.amounts['basic']!];
  r.amounts['basic'] = null;
  const tableRules = RULES.filter((x) => x.reads.length === 1 && x.reads[0] === 'tables');
  // Read as empty, the cell breaks 20805 = Σ 项 and the economic view of basic expenditure.
  const naive = clone(d);
  delete naive.tables[6]!.rows[7]!.unplaced;
  assert.deepEqual(rulesOf(runRules(naive, tableRules)), ['BUD-011', 'BUD-035']);
  const res = checkDocument(d, tableRules);
  assert.deepEqual(
    res.findings.map((f) => f.rule),
    ['BUD-049'],
  );
  assert.deepEqual(res.notChecked.map((n) => n.rule).sort(), ['BUD-011', 'BUD-035']);
  assert.ok(res.notChecked.some((n) => n.rule === 'BUD-011' && n.location.row === 't7-6' && n.tables[0] === 't7'));
  assert.ok(
    res.notChecked.every((n) => /表《一般公共预算支出表》第 \d+ 行金额未能定位或读取，未进行核对/.test(n.reason)),
    res.notChecked[0]?.reason,
  );
});

test('a real error beside an unknown row is still reported', () => {
  const d = consistentDoc();
  const r = rowOf(d, 7, 't7-8');
  r.unplaced = [r.amounts['basic']!];
  r.amounts['basic'] = null;
  setCell(d, 7, 't7-12', 'basic', '60.60'); // 2210201: total 63.60 ≠ basic 60.60 + project 0
  const fs = runRules(
    d,
    RULES.filter((x) => x.id === 'BUD-006'),
  );
  assert.deepEqual(
    fs.map((f) => [f.rule, f.location.row]),
    [['BUD-006', 't7-12']],
  );
});

test('an inferred placement is the basis of no finding', () => {
  const d = consistentDoc();
  const r = rowOf(d, 3, 't3-1');
  r.amounts['project'] = { ...money('3,600.00', r.src.line), inferred: true };
  const only = RULES.filter((x) => x.id === 'BUD-003' || x.id === 'BUD-024');
  assert.equal(runRules(d, only).length, 0);
  assert.deepEqual(
    checkDocument(d, only)
      .notChecked.map((n) => n.rule)
      .sort(),
    ['BUD-003', 'BUD-024'],
  );
  delete r.amounts['project'].inferred;
  assert.deepEqual(rulesOf(runRules(d, only)), ['BUD-003', 'BUD-024']);
});

test('a row that could not be read is the basis of no sum over rows', () => {
  const d = consistentDoc();
  const t7 = tbl(d, 7);
  t7.id = 't7';
  const gone = t7.rows.splice(12, 1)[0]!; // 2210203 购房补贴 23.04
  d.importNotes = [{ severity: 'error', code: 'row-unreadable', table: 't7', row: null, message: '表《一般公共预算支出表》第 N 行未能读取', src: { line: gone.src.line, page: 3, raw: '' } }];
  const hierarchy = RULES.filter((x) => x.id === 'BUD-011');
  const naive = clone(d);
  naive.importNotes = [];
  assert.equal(rulesOf(runRules(naive, hierarchy)).length, 1);
  assert.deepEqual(runRules(d, hierarchy), []);
  assert.ok(checkDocument(d, hierarchy).notChecked.length > 0);
});

test('a finding that depends on a year the import could not recognise is not reported', () => {
  const yearly = fake('BUD-910', {
    check(doc, ctx) {
      ctx.report({ message: `年度 ${doc.year}`, location: { section: 's', line: 1, page: null }, expected: null, actual: null, difference: null, unit: null });
    },
  });
  const steady = fake('BUD-911', { lines: [[2, 'error']] });
  const d = emptyDoc({ importNotes: [{ severity: 'warning', code: 'year-unknown', message: '未能识别年度', src: { line: 1, page: null, raw: '' } }] });
  const res = checkDocument(d, [yearly, steady]);
  assert.deepEqual(
    res.findings.map((f) => f.rule),
    ['BUD-911'],
  );
  assert.deepEqual(
    res.notChecked.map((n) => [n.rule, n.reason]),
    [['BUD-910', '依据预算年度未能识别，未进行核对']],
  );
});

test('an error resting on structure the generic reader inferred from the layout is a warning with its note there; in an exact profile it stays an error', () => {
  const r = fake('BUD-902', {
    layoutInferred: '收入总表各栏目按表头位置推断',
    lines: [
      [5, 'error'],
      [6, 'warning'],
      [7, 'info'],
    ],
  });
  const generic = runRules(emptyDoc({ profile: 'generic' }), [r]);
  assert.deepEqual(
    generic.map((f) => [f.severity, f.message]),
    [
      ['warning', 'BUD-902@5（收入总表各栏目按表头位置推断，未经印证，请核对）'],
      ['warning', 'BUD-902@6'],
      ['info', 'BUD-902@7'],
    ],
  );
  const exact = runRules(emptyDoc({ profile: 'shenzhen-dept-budget' }), [r]);
  assert.deepEqual(
    exact.map((f) => f.severity),
    ['error', 'warning', 'info'],
  );
  // Every rule that declares it says what it rests on, in Chinese.
  for (const rule of RULES.filter((x) => x.layoutInferred !== undefined)) assert.match(rule.layoutInferred!, /推断$/, rule.id);
});

test('on a document with an unknown cell, a rule that read no table is not run again on the variants, and its findings stand; one that read a table is', () => {
  const d = consistentDoc();
  const r = rowOf(d, 7, 't7-8');
  r.unplaced = [r.amounts['basic']!];
  r.amounts['basic'] = null;
  const runs = { narrative: 0, tables: 0 };
  const narrativeOnly = fake('BUD-912', {
    reads: ['narrative'],
    check(doc, ctx) {
      runs.narrative++;
      ctx.report({ message: `${doc.narrative.parts.length} 部分`, location: { section: 's', line: 1, page: null }, expected: null, actual: null, difference: null, unit: null });
    },
  });
  const tableCount = fake('BUD-913', {
    check(doc, ctx) {
      runs.tables++;
      ctx.report({ message: `${doc.tables.length} 张表`, location: { section: 's', line: 2, page: null }, expected: null, actual: null, difference: null, unit: null });
    },
  });
  const res = checkDocument(d, [narrativeOnly, tableCount]);
  assert.deepEqual(runs, { narrative: 1, tables: 3 });
  assert.deepEqual(
    res.findings.map((f) => f.rule),
    ['BUD-912', 'BUD-913'],
  );
  // Unknown year: a rule that reads the year is run again (and its finding is not reported), one that does not is not.
  runs.narrative = 0;
  const yearly = fake('BUD-914', {
    check(doc, ctx) {
      ctx.report({ message: `年度 ${doc.year}`, location: { section: 's', line: 3, page: null }, expected: null, actual: null, difference: null, unit: null });
    },
  });
  const unknownYear = emptyDoc({ importNotes: [{ severity: 'warning', code: 'year-unknown', message: '未能识别年度', src: { line: 1, page: null, raw: '' } }] });
  const res2 = checkDocument(unknownYear, [narrativeOnly, yearly]);
  assert.equal(runs.narrative, 1);
  assert.deepEqual(
    res2.findings.map((f) => f.rule),
    ['BUD-912'],
  );
  assert.deepEqual(
    res2.notChecked.map((n) => n.rule),
    ['BUD-914'],
  );
});

test('a document that shares a row the variants change, or that holds a cycle, is checked as a tree is: the shared row is varied everywhere, the cycle ends the walk', () => {
  const base = consistentDoc();
  const r = rowOf(base, 7, 't7-8');
  r.unplaced = [r.amounts['basic']!];
  r.amounts['basic'] = null;
  const unknownCell = () => clone(base);
  let narrativeRuns = 0;
  const narrativeOnly = fake('BUD-912', {
    reads: ['narrative'],
    check(doc, ctx) {
      narrativeRuns++;
      ctx.report({ message: `${doc.narrative.parts.length} 部分`, location: { section: 's', line: 1, page: null }, expected: null, actual: null, difference: null, unit: null });
    },
  });
  const tableRules = RULES.filter((x) => x.reads.length === 1 && x.reads[0] === 'tables');
  const expected = checkDocument(unknownCell(), [narrativeOnly, ...tableRules]);
  assert.equal(narrativeRuns, 1);
  // The unknown row also reached from another member: the variants are deep copies, so any rule may read a varied value.
  const shared = unknownCell();
  (shared as unknown as Record<string, unknown>)['alsoHere'] = { row: rowOf(shared, 7, 't7-8') };
  narrativeRuns = 0;
  assert.deepEqual(checkDocument(shared, [narrativeOnly, ...tableRules]), expected);
  assert.equal(narrativeRuns, 3);
  // A cycle through a member the variants do not change: the walk ends, and the variants copy only the tables.
  const cyclic = unknownCell();
  (cyclic.narrative as unknown as Record<string, unknown>)['self'] = { narrative: cyclic.narrative };
  narrativeRuns = 0;
  assert.deepEqual(checkDocument(cyclic, [narrativeOnly, ...tableRules]), expected);
  assert.equal(narrativeRuns, 1);
});
