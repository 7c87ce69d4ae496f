-- fiscus storage, version 12: PDF packages of many budgets printed by the job queue (issue 14). A
-- reviewer asks for the packages of several budgets at once; each budget is one job, printed by
-- whichever `fiscus worker` (or the PGlite server) takes it, and its PDF is kept here, not on a
-- worker's disk, so that any server hands out the ZIP. Each item's outcome (the PDF, or the error that
-- stopped it) is written once; progress is counted from these rows.
CREATE TABLE package_batches (
  id serial PRIMARY KEY,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- 'findings': the review package with its 校验结果 appendix; 'none': the publishable package.
  appendix text NOT NULL DEFAULT 'findings',
  total integer NOT NULL,
  finished_at timestamptz
);

CREATE TABLE package_batch_items (
  batch_id integer NOT NULL REFERENCES package_batches (id) ON DELETE CASCADE,
  idx integer NOT NULL,
  document_id integer NOT NULL,
  -- The version printed: the budget's current version when the batch was asked for.
  version integer NOT NULL,
  -- The file name in the ZIP (unit-year-kind.pdf, made unique within the batch).
  name text NOT NULL,
  pdf bytea,
  -- {code, message} when the package could not be printed; null while pending or when printed.
  error jsonb,
  attempts integer NOT NULL DEFAULT 0,
  claimed_by text,
  done_by text,
  done_at timestamptz,
  PRIMARY KEY (batch_id, idx)
);
