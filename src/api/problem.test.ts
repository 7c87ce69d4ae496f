import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HTTPException } from 'hono/http-exception';
import { ERROR_CODES, FiscusError } from '../domain/errors.js';
import { problemOf, STATUS, toFiscusError, validationError } from './problem.js';

test('every error code maps to the status the API contract names', () => {
  assert.deepEqual(
    ERROR_CODES.map((c) => [c, STATUS[c]]),
    [
      ['INPUT_UNREADABLE', 400],
      ['INPUT_INVALID', 422],
      ['NOT_FOUND', 404],
      ['UNAUTHENTICATED', 401],
      ['FORBIDDEN', 403],
      ['CONFLICT', 409],
      ['LOCKED', 503],
      ['TOO_LARGE', 413],
      ['DEPENDENCY_MISSING', 503],
      ['BUSY', 503],
      ['AUDIT_BROKEN', 500],
      ['INTERNAL', 500],
    ],
  );
});

test('a problem carries the code, the file:line detail and the line', () => {
  const p = problemOf(new FiscusError('INPUT_INVALID', 'expected 表1, found nothing', { file: 'a.txt', line: 12 }), '/api/v1/budgets');
  assert.equal(p.status, 422);
  assert.equal(p.code, 'INPUT_INVALID');
  assert.equal(p.detail, 'a.txt:12: expected 表1, found nothing');
  assert.equal(p.line, 12);
  assert.equal(p.instance, '/api/v1/budgets');
  assert.equal(p.type, 'urn:fiscus:problem:input-invalid');
});

test('a malformed body from the validators is unreadable input, an unknown throw is internal', () => {
  assert.equal(toFiscusError(new HTTPException(400, { message: 'Malformed JSON in request body' })).code, 'INPUT_UNREADABLE');
  assert.equal(toFiscusError(new HTTPException(413)).code, 'TOO_LARGE');
  assert.equal(toFiscusError(new TypeError('x')).code, 'INTERNAL');
});

test('validation issues name the first field and count the others', () => {
  const e = validationError(
    [
      { path: ['disbursement', 0, 'quarter'], message: 'Too big' },
      { path: ['x'], message: 'y' },
    ],
    'json',
  );
  assert.equal(e.code, 'INPUT_INVALID');
  assert.equal(e.where.field, 'json.disbursement.0.quarter');
  assert.match(e.message, /^json\.disbursement\.0\.quarter: Too big（另有 1 处）$/);
});
