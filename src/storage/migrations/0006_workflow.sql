-- fiscus storage, version 6: the approval workflow (issue 13). Each budget belongs to an organisation
-- of the tree (NULL: to none yet; then only the 财政局's reviewers see it, until an organisation named
-- like its unit exists); each version has a state (src/domain/workflow.ts); every transition is kept
-- with who, when and why; errors may be waived with a reason by a reviewer (the waiver register).
ALTER TABLE documents ADD COLUMN organisation_id integer REFERENCES organisations (id);
CREATE INDEX documents_organisation ON documents (organisation_id);

ALTER TABLE versions ADD COLUMN state text NOT NULL DEFAULT 'draft';
ALTER TABLE versions ADD COLUMN published_at timestamptz;

CREATE TABLE transitions (
  id serial PRIMARY KEY,
  document_id integer NOT NULL REFERENCES documents (id),
  version_n integer NOT NULL,
  action text NOT NULL,
  from_state text NOT NULL,
  to_state text NOT NULL,
  user_id integer REFERENCES users (id),
  actor text NOT NULL,
  reason text,
  at timestamptz NOT NULL
);
CREATE INDEX transitions_document ON transitions (document_id, id);

CREATE TABLE waivers (
  id serial PRIMARY KEY,
  document_id integer NOT NULL REFERENCES documents (id),
  finding_key text NOT NULL,
  rule text NOT NULL,
  message text NOT NULL,
  reason text NOT NULL,
  user_id integer REFERENCES users (id),
  actor text NOT NULL,
  at timestamptz NOT NULL,
  expires_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX waivers_document ON waivers (document_id, finding_key);
