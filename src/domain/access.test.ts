import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FiscusError } from './errors.js';
import {
  ACTIONS,
  BUDGET_ACTIONS,
  OrgTree,
  ROLES,
  SYSTEM_ACTIONS,
  authorise,
  can,
  checkOrgParent,
  checkRoleOrg,
  decide,
  parseOrgKind,
  parseRole,
  type Actor,
  type BudgetAction,
  type Decision,
  type Organisation,
  type Role,
} from './access.js';

// 财政局 1 → 主管部门 10 (units 11, 12), 主管部门 20 (unit 21).
const ORGS: Organisation[] = [
  { id: 1, name: '某区财政局', kind: 'finance-bureau', parentId: null },
  { id: 10, name: '某区教育局', kind: 'department', parentId: 1 },
  { id: 11, name: '某区第一中学', kind: 'unit', parentId: 10 },
  { id: 12, name: '某区第二中学', kind: 'unit', parentId: 10 },
  { id: 20, name: '某区卫生健康局', kind: 'department', parentId: 1 },
  { id: 21, name: '某区人民医院', kind: 'unit', parentId: 20 },
];
const tree = new OrgTree(ORGS);

/** Each role's user and, for each relation, the budget organisation that has that relation to them. */
const CASES: Record<Role | 'public', { actor: Actor | null; own: number; same: number; other: number }> = {
  public: { actor: null, own: 11, same: 12, other: 21 },
  preparer: { actor: { role: 'preparer', organisationId: 11 }, own: 11, same: 12, other: 21 },
  'department-reviewer': { actor: { role: 'department-reviewer', organisationId: 10 }, own: 10, same: 11, other: 21 },
  'finance-reviewer': { actor: { role: 'finance-reviewer', organisationId: 1 }, own: 1, same: 11, other: 21 },
  admin: { actor: { role: 'admin', organisationId: 1 }, own: 1, same: 11, other: 21 },
};

const A = 'allow',
  U = 'unauthenticated',
  F = 'forbidden',
  N = 'not-found';
type D = Decision;
/**
 * The expected grid. Per role and action: [own, same department, other department] on a draft, then
 * the same three on a published budget.
 */
const EXPECTED: Record<Role | 'public', Record<BudgetAction, [D, D, D, D, D, D]>> = {
  public: {
    'read-published': [N, N, N, A, A, A],
    'read-draft': [N, N, N, U, U, U],
    edit: [N, N, N, U, U, U],
    import: [N, N, N, U, U, U],
    'record-execution': [N, N, N, U, U, U],
    submit: [N, N, N, U, U, U],
    return: [N, N, N, U, U, U],
    review: [N, N, N, U, U, U],
    approve: [N, N, N, U, U, U],
    waive: [N, N, N, U, U, U],
    publish: [N, N, N, U, U, U],
    'adjust-budget': [N, N, N, U, U, U],
  },
  preparer: {
    'read-published': [N, N, N, A, A, A],
    'read-draft': [A, N, N, A, F, F],
    edit: [A, N, N, A, F, F],
    import: [A, N, N, A, F, F],
    'record-execution': [A, N, N, A, F, F],
    submit: [A, N, N, A, F, F],
    return: [F, N, N, F, F, F],
    review: [F, N, N, F, F, F],
    approve: [F, N, N, F, F, F],
    waive: [F, N, N, F, F, F],
    publish: [F, N, N, F, F, F],
    'adjust-budget': [F, N, N, F, F, F],
  },
  'department-reviewer': {
    'read-published': [N, N, N, A, A, A],
    'read-draft': [A, A, N, A, A, F],
    edit: [F, F, N, F, F, F],
    import: [F, F, N, F, F, F],
    'record-execution': [F, F, N, F, F, F],
    submit: [F, F, N, F, F, F],
    return: [A, A, N, A, A, F],
    review: [A, A, N, A, A, F],
    approve: [F, F, N, F, F, F],
    waive: [A, A, N, A, A, F],
    publish: [F, F, N, F, F, F],
    'adjust-budget': [A, A, N, A, A, F],
  },
  'finance-reviewer': {
    'read-published': [N, N, N, A, A, A],
    'read-draft': [A, A, A, A, A, A],
    edit: [F, F, F, F, F, F],
    import: [F, F, F, F, F, F],
    'record-execution': [F, F, F, F, F, F],
    submit: [F, F, F, F, F, F],
    return: [A, A, A, A, A, A],
    review: [A, A, A, A, A, A],
    approve: [A, A, A, A, A, A],
    waive: [A, A, A, A, A, A],
    publish: [A, A, A, A, A, A],
    'adjust-budget': [A, A, A, A, A, A],
  },
  admin: {
    'read-published': [N, N, N, A, A, A],
    'read-draft': [N, N, N, F, F, F],
    edit: [N, N, N, F, F, F],
    import: [N, N, N, F, F, F],
    'record-execution': [N, N, N, F, F, F],
    submit: [N, N, N, F, F, F],
    return: [N, N, N, F, F, F],
    review: [N, N, N, F, F, F],
    approve: [N, N, N, F, F, F],
    waive: [N, N, N, F, F, F],
    publish: [N, N, N, F, F, F],
    'adjust-budget': [N, N, N, F, F, F],
  },
};

const SYSTEM_EXPECTED: Record<Role | 'public', Record<(typeof SYSTEM_ACTIONS)[number], D>> = {
  public: { 'batch-audit': U, 'manage-users': U, 'manage-settings': U, 'manage-own-tokens': U },
  preparer: { 'batch-audit': F, 'manage-users': F, 'manage-settings': F, 'manage-own-tokens': A },
  'department-reviewer': { 'batch-audit': F, 'manage-users': F, 'manage-settings': F, 'manage-own-tokens': A },
  'finance-reviewer': { 'batch-audit': A, 'manage-users': F, 'manage-settings': F, 'manage-own-tokens': A },
  admin: { 'batch-audit': F, 'manage-users': A, 'manage-settings': A, 'manage-own-tokens': A },
};

test('the relations of the test tree are the ones the grid names (the 财政局 belongs to no 主管部门)', () => {
  for (const [who, c] of Object.entries(CASES)) {
    if (!c.actor) continue;
    const from = c.actor.organisationId;
    const bureau = tree.get(from)!.kind === 'finance-bureau';
    assert.deepEqual([tree.relation(from, c.own), tree.relation(from, c.same), tree.relation(from, c.other)], ['own', bureau ? 'other-department' : 'same-department', 'other-department'], who);
  }
});

test('every role × budget action × own / same / other department × draft / published decides as the grid says', () => {
  let cells = 0;
  const wrong: string[] = [];
  for (const who of ['public', ...ROLES] as const) {
    const c = CASES[who];
    for (const action of BUDGET_ACTIONS) {
      const got = [false, true].flatMap((published) => [c.own, c.same, c.other].map((organisationId) => decide(c.actor, action, tree, { organisationId, published })));
      cells += got.length;
      const want = EXPECTED[who][action];
      got.forEach((g, i) => {
        if (g !== want[i]) wrong.push(`${who} ${action} ${['own', 'same', 'other'][i % 3]} ${i < 3 ? 'draft' : 'published'}: expected ${want[i]}, got ${g}`);
      });
    }
  }
  assert.deepEqual(wrong, []);
  assert.equal(cells, 5 * BUDGET_ACTIONS.length * 6);
});

test('every role × system action decides as the grid says, whatever budget is passed', () => {
  for (const who of ['public', ...ROLES] as const) {
    for (const action of SYSTEM_ACTIONS) {
      assert.equal(decide(CASES[who].actor, action, tree), SYSTEM_EXPECTED[who][action], `${who} ${action}`);
      assert.equal(decide(CASES[who].actor, action, tree, { organisationId: 21, published: false }), SYSTEM_EXPECTED[who][action], `${who} ${action} with a budget`);
    }
  }
  assert.equal(ACTIONS.length, BUDGET_ACTIONS.length + SYSTEM_ACTIONS.length);
});

test('a preparer of a department (本级) prepares the department budget only, not its units', () => {
  const dept: Actor = { role: 'preparer', organisationId: 10 };
  assert.equal(decide(dept, 'edit', tree, { organisationId: 10, published: false }), 'allow');
  assert.equal(decide(dept, 'edit', tree, { organisationId: 11, published: false }), 'not-found');
});

test('an organisation id that is not in the tree relates to nothing but itself', () => {
  assert.equal(tree.relation(99, 11), 'other-department');
  assert.equal(tree.relation(11, 99), 'other-department');
  assert.equal(can({ role: 'department-reviewer', organisationId: 10 }, 'read-draft', tree, { organisationId: 99, published: false }), false);
});

test('authorise throws the error code of the decision, in Chinese', () => {
  const draft = { organisationId: 21, published: false };
  const err = (f: () => void) => {
    try {
      f();
    } catch (e) {
      assert.ok(e instanceof FiscusError);
      return [e.code, e.message];
    }
    return ['none', ''];
  };
  assert.deepEqual(
    err(() => authorise({ role: 'preparer', organisationId: 11 }, 'edit', tree, draft, '预算 7')),
    ['NOT_FOUND', '预算 7不存在'],
  );
  assert.deepEqual(
    err(() => authorise(null, 'edit', tree, { ...draft, published: true })),
    ['UNAUTHENTICATED', '请先登录：修改需要登录'],
  );
  assert.deepEqual(
    err(() => authorise({ role: 'preparer', organisationId: 21 }, 'publish', tree, draft)),
    ['FORBIDDEN', '无权公开：经办不能对该预算执行此操作'],
  );
  assert.deepEqual(
    err(() => authorise({ role: 'finance-reviewer', organisationId: 1 }, 'publish', tree, draft)),
    ['none', ''],
  );
  assert.throws(
    () => decide(null, 'edit', tree),
    (e: unknown) => e instanceof FiscusError && e.code === 'INTERNAL',
  );
});

test('roles and organisation kinds parse from their key or their Chinese label, and nothing else', () => {
  assert.equal(parseRole('经办'), 'preparer');
  assert.equal(parseRole(' finance-reviewer '), 'finance-reviewer');
  assert.equal(parseRole('管理员'), 'admin');
  assert.throws(
    () => parseRole('root'),
    (e: unknown) => e instanceof FiscusError && e.code === 'INPUT_INVALID' && /角色应为 经办（preparer）、部门审核/.test(e.message),
  );
  assert.equal(parseOrgKind('主管部门'), 'department');
  assert.equal(parseOrgKind('unit'), 'unit');
  assert.throws(
    () => parseOrgKind('科室'),
    (e: unknown) => e instanceof FiscusError && e.code === 'INPUT_INVALID',
  );
});

test('the tree admits only 财政局 → 主管部门 → 所属单位', () => {
  const [bureau, dept, unit] = [ORGS[0]!, ORGS[1]!, ORGS[2]!];
  assert.doesNotThrow(() => checkOrgParent('finance-bureau', null));
  assert.doesNotThrow(() => checkOrgParent('department', bureau));
  assert.doesNotThrow(() => checkOrgParent('unit', dept));
  const msg = (f: () => void) => assert.throws(f, (e: unknown) => e instanceof FiscusError && e.code === 'INPUT_INVALID' && e.where.field === 'parent');
  msg(() => checkOrgParent('finance-bureau', bureau));
  msg(() => checkOrgParent('department', null));
  msg(() => checkOrgParent('unit', bureau));
  msg(() => checkOrgParent('unit', unit));
  assert.throws(() => checkOrgParent('unit', bureau), /所属单位的上级应为主管部门，而 某区财政局 是财政局/);
});

test('each role belongs only to its kinds of organisation', () => {
  const ok: [Role, number][] = [
    ['preparer', 11],
    ['preparer', 10],
    ['department-reviewer', 10],
    ['finance-reviewer', 1],
    ['admin', 1],
  ];
  const bad: [Role, number][] = [
    ['preparer', 1],
    ['department-reviewer', 11],
    ['department-reviewer', 1],
    ['finance-reviewer', 10],
    ['admin', 11],
  ];
  for (const [r, o] of ok) assert.doesNotThrow(() => checkRoleOrg(r, tree.get(o)!), `${r} ${o}`);
  for (const [r, o] of bad)
    assert.throws(
      () => checkRoleOrg(r, tree.get(o)!),
      (e: unknown) => e instanceof FiscusError && e.code === 'INPUT_INVALID' && e.where.field === 'organisation',
      `${r} ${o}`,
    );
});
