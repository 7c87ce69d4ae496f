-- fiscus storage, version 8: batch audits run by the job queue (issue 14). The uploaded documents are
-- kept here, not on a server's disk, so that a `fiscus worker` on any machine reads them; each
-- document's result is written once (only while it has none), so a job retried after a killed worker
-- never reports a document twice; progress is counted from these rows by whichever server is asked.
-- The queue itself is pg-boss's, in its own schema (pgboss), created by pg-boss.
CREATE TABLE audit_batches (
  id serial PRIMARY KEY,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  fail_on text NOT NULL DEFAULT 'error',
  total integer NOT NULL,
  finished_at timestamptz
);

CREATE TABLE audit_batch_documents (
  batch_id integer NOT NULL REFERENCES audit_batches (id) ON DELETE CASCADE,
  idx integer NOT NULL,
  name text NOT NULL,
  bytes bytea NOT NULL,
  -- The report entry (reports/audit AuditEntry); null until a worker has checked the document.
  entry jsonb,
  -- Attempts started (a retried job starts a document again when its first worker died before writing).
  attempts integer NOT NULL DEFAULT 0,
  done_by text,
  done_at timestamptz,
  PRIMARY KEY (batch_id, idx)
);
CREATE INDEX audit_batch_documents_pending ON audit_batch_documents (batch_id, idx) WHERE entry IS NULL;
