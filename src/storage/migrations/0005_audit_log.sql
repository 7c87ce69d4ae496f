-- fiscus storage, version 5: the audit trail (issue 13). Every write of the application appends one
-- entry in the same transaction as the write (src/storage/audit-log-repo.ts), so a rolled-back write
-- leaves none. Entries form a hash chain: hash = sha256(prev_hash, the entry's canonical fields), and
-- prev_hash is the hash of the entry before (64 zeros for the first). `fiscus log verify` recomputes it.
-- The id is assigned by the appender as the previous id + 1 while it holds the log's advisory lock, not
-- by a sequence: a sequence leaves a gap for every rolled-back transaction, and a gap must mean a row
-- was deleted behind the application's back.
CREATE TABLE audit_log (
  id bigint PRIMARY KEY CHECK (id > 0),
  at timestamptz NOT NULL,
  -- A user's login, or 'system', 'cli', 'web', 'api', 'anonymous' (logins that no user may take).
  actor text NOT NULL,
  -- A stable key: budget.import, budget.edit, payment.add, user.add, token.revoke, …
  action text NOT NULL,
  -- What was written: budget:12, user:3, token:5, org:2.
  target text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}',
  -- One successor per entry: the chain cannot fork even if an appender forgot the lock.
  prev_hash text NOT NULL UNIQUE,
  hash text NOT NULL
);
CREATE INDEX audit_log_target ON audit_log (target, id);
