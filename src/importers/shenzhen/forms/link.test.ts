import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProjectForm, Table } from '../../../domain/model.js';
import type { ImportContext } from '../context.js';
import type { NarrativeResult } from '../narrative.js';
import { linkFormsToProjects, subsetsSummingTo } from './link.js';

test('subsets summing to a target: every solution, in a stable order, up to the cap', () => {
  assert.deepEqual(subsetsSummingTo([5, 3, 2, 1], 5), [[0], [1, 2]]);
  assert.deepEqual(subsetsSummingTo([5, 3, 2, 1], 6), [
    [0, 3],
    [1, 2, 3],
  ]);
  assert.deepEqual(subsetsSummingTo([4, 4], 4, 1), [[0]]);
  assert.deepEqual(subsetsSummingTo([1, 2], 0), []);
  assert.deepEqual(subsetsSummingTo([], 3), []);
});

test('a subset of 200,000 values is found without overflowing the stack (the 50 MB text, issue 11)', () => {
  const values = Array.from({ length: 200_000 }, (_, i) => i + 1);
  const total = values.reduce((a, b) => a + b, 0);
  const t0 = Date.now();
  const all = subsetsSummingTo(values, total);
  assert.equal(all.length, 1);
  assert.equal(all[0]!.length, values.length);
  // Equal values: the search goes 150,000 deep before its first solution.
  assert.equal(subsetsSummingTo(new Array<number>(200_000).fill(1), 150_000, 2).length, 2);
  assert.ok(Date.now() - t0 < 5000, `${Date.now() - t0} ms`);
});

const form = (i: number, fen: number) => ({ id: `f${i}`, name: `子项目${i}`, amounts: { total: { fen } }, src: { line: i, page: null } }) as unknown as ProjectForm;
const table5 = (projects: Array<[string, number]>) =>
  [{ role: 'project-expenditure', rows: projects.map(([label, fen]) => ({ kind: 'item', label, amounts: { total: { fen } } })) }] as unknown as Table[];
const noNarrative = { narrative: { projects: [] } } as unknown as NarrativeResult;

test('30,000 forms summing to one project are linked to it (the 50 MB text overflowed the stack here)', () => {
  const forms = Array.from({ length: 30_000 }, (_, i) => form(i, (i + 1) * 100));
  const total = forms.reduce((a, f) => a + f.amounts.total!.fen, 0);
  const ctx = { notes: [] } as unknown as ImportContext;
  const t0 = Date.now();
  linkFormsToProjects(forms, table5([['电子政务运行维护', total]]), noNarrative, ctx);
  assert.ok(forms.every((f) => f.parentProject === '电子政务运行维护'));
  assert.deepEqual(ctx.notes, []);
  assert.ok(Date.now() - t0 < 5000, `${Date.now() - t0} ms`);
});

test('thousands of projects and forms that link nowhere end in bounded time, each form with a warning', () => {
  // Every project matches many subsets of the forms (unit amounts): each search finds its cap of
  // solutions and none is unique. Before the shared budget this took minutes.
  const forms = Array.from({ length: 2000 }, (_, i) => form(i, 1));
  const projects = Array.from({ length: 2000 }, (_, i): [string, number] => [`项目${i}`, 1999 - (i % 7)]);
  const ctx = { notes: [] } as unknown as ImportContext;
  const t0 = Date.now();
  linkFormsToProjects(forms, table5(projects), noNarrative, ctx);
  assert.ok(Date.now() - t0 < 30_000, `${Date.now() - t0} ms`);
  assert.equal(ctx.notes.length, forms.length);
});
