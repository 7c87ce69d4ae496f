-- fiscus storage, version 11: which worker last claimed each document of a batch audit (issue 14), so
-- that an operator (and the multi-process test) can see whose job a document is in while it has no
-- result: a worker killed mid-job leaves its documents claimed and unchecked until the job is retried.
ALTER TABLE audit_batch_documents ADD COLUMN claimed_by text;
