-- fiscus storage, version 7: re-uploads awaiting confirmation (issue 13). A file uploaded for a unit,
-- year and kind that already has versions is kept here, with the version it was compared against,
-- until its uploader confirms it as the next version (it is then imported from these bytes) or discards it.
CREATE TABLE staged_imports (
  id serial PRIMARY KEY,
  document_id integer NOT NULL REFERENCES documents (id),
  base_version integer NOT NULL,
  file_name text NOT NULL,
  bytes bytea NOT NULL,
  user_id integer REFERENCES users (id),
  author text,
  created_at timestamptz NOT NULL
);
CREATE INDEX staged_imports_document ON staged_imports (document_id);
