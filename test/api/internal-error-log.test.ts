/**
 * Logs of internal errors (issue 11): one failed query logged the whole 266 KB document it was storing
 * (console.error of the error, whose message carries the query's parameters). An internal error is now
 * logged as one bounded line with an error id, and the id is given to the client: `errorId` and the
 * detail of the problem+json, the web app's error page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApi } from '../../src/api/routes.js';
import { createWeb } from '../../src/web/routes.js';
import type { Workspace } from '../../src/app/workspace.js';
import { LOG_EXCERPT_MAX, setLogSink } from '../../src/app/log.js';

const DOC = JSON.stringify({ unit: { name: '深圳市福田区数据管理中心' }, narrative: '预算'.repeat(133 * 1024) }); // 266 K characters

function failedQuery(): Error {
  const cause = new Error('canceling statement due to statement timeout');
  return new Error(`Failed query: select "id", "document" from "versions" where "budget_id" = $1\nparams: ${DOC}`, { cause });
}

/** A workspace whose every query fails as above. */
const failing = new Proxy({}, { get: (_t, name) => (name === 'then' ? undefined : async () => Promise.reject(failedQuery())) }) as unknown as Workspace;

function capture<T>(fn: () => Promise<T>): Promise<{ value: T; lines: string[] }> {
  const lines: string[] = [];
  const prev = setLogSink((l) => lines.push(l));
  return fn().then(
    (value) => (setLogSink(prev), { value, lines }),
    (e) => {
      setLogSink(prev);
      throw e;
    },
  );
}

function assertBoundedLine(lines: string[], id: string, context: string): void {
  assert.equal(lines.length, 1, lines.map((l) => l.slice(0, 100)).join('\n'));
  const line = lines[0]!;
  assert.ok(line.length <= LOG_EXCERPT_MAX + 300, `logged ${line.length} characters`);
  assert.ok(line.startsWith(`fiscus: internal error ${id} (${context}): Error: Failed query: select`), line.slice(0, 160));
  assert.match(line, /caused by Error: canceling statement due to statement timeout/);
}

test('API: a failed query is one bounded log line, and the problem+json carries its error id', async () => {
  const api = createApi(failing);
  const { value: res, lines } = await capture(async () => api.request('/api/v1/budgets'));
  assert.equal(res.status, 500);
  assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
  const body = (await res.json()) as { code: string; errorId: string; detail: string };
  assert.equal(body.code, 'INTERNAL');
  assert.match(body.errorId, /^[0-9a-f]{12}$/);
  assert.match(body.detail, new RegExp(`错误编号 ${body.errorId}`));
  assert.ok(!JSON.stringify(body).includes('Failed query'), 'the query is not shown to the client');
  assertBoundedLine(lines, body.errorId, 'GET /api/v1/budgets');
});

test('web: the error page shows the error id of the bounded log line', async () => {
  const web = createWeb(failing);
  // The public's home is the portal (issue 13): `/` sends a signed-out visitor there, whose list fails.
  const home = await web.request('/');
  assert.equal(home.status, 302);
  assert.equal(home.headers.get('location'), '/public');
  const { value: res, lines } = await capture(async () => web.request('/public'));
  assert.equal(res.status, 500);
  const html = await res.text();
  const id = /错误编号 ([0-9a-f]{12})/.exec(html)?.[1];
  assert.ok(id, html.slice(0, 500));
  assert.ok(!html.includes('Failed query'));
  assertBoundedLine(lines, id, 'GET /public');
});
