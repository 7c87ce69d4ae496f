import { test } from 'node:test';
import assert from 'node:assert/strict';
import { excerpt, LOG_EXCERPT_MAX, logError, setLogSink } from './log.js';

/** A failed query as drizzle reports it: the SQL and its parameters (the document) in the message. */
function failedQuery(documentBytes: number): Error {
  const doc = JSON.stringify({ unit: { name: '深圳市福田区数据管理中心' }, tables: 'x'.repeat(documentBytes) });
  const cause = Object.assign(new Error('value "2147483648" is out of range for type integer'), { code: '22003' });
  return new Error(`Failed query: insert into "versions" ("budget_id", "version", "document") values ($1, $2, $3)\nparams: 7,2147483648,${doc}`, { cause });
}

test('a failed query with a 266 KB document logs one bounded line with an id, the SQL and the cause', () => {
  const lines: string[] = [];
  const prev = setLogSink((l) => lines.push(l));
  try {
    const id = logError('POST /api/v1/budgets', failedQuery(266 * 1024));
    assert.match(id, /^[0-9a-f]{12}$/);
    assert.equal(lines.length, 1);
    const line = lines[0]!;
    assert.ok(line.length <= LOG_EXCERPT_MAX + 300, `${line.length} characters`);
    assert.ok(line.startsWith(`fiscus: internal error ${id} (POST /api/v1/budgets): Error: Failed query: insert into "versions"`), line.slice(0, 200));
    assert.match(line, /caused by Error: value "2147483648" is out of range for type integer/);
    assert.match(line, /…（共 \d+ 字符）/);
    assert.ok(!line.includes('\n'));
  } finally {
    setLogSink(prev);
  }
});

test('an excerpt of any thrown value is one line within the bound', () => {
  assert.equal(excerpt('plain'), 'plain');
  assert.equal(excerpt(42), '42');
  assert.equal(excerpt(null), '');
  assert.ok(excerpt(new Error('a\nb'.repeat(100_000))).length <= LOG_EXCERPT_MAX + 1);
  assert.doesNotThrow(() => excerpt(Object.create(null)));
});
