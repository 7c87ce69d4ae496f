-- fiscus storage, version 1. Forward-only: never edit once landed; add 0002_… instead.
CREATE TABLE units (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE
);

CREATE TABLE documents (
  id serial PRIMARY KEY,
  unit_id integer NOT NULL REFERENCES units (id),
  year integer NOT NULL,
  kind text NOT NULL,
  profile text NOT NULL,
  title text,
  latest_version integer NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (unit_id, year, kind)
);

CREATE TABLE versions (
  id serial PRIMARY KEY,
  document_id integer NOT NULL REFERENCES documents (id),
  n integer NOT NULL,
  created_at timestamptz NOT NULL,
  author text,
  note text,
  base_version integer,
  doc jsonb NOT NULL,
  sha256 text NOT NULL,
  n_error integer NOT NULL,
  n_warning integer NOT NULL,
  n_info integer NOT NULL,
  UNIQUE (document_id, n)
);

CREATE TABLE table_rows (
  version_id integer NOT NULL REFERENCES versions (id),
  table_idx integer NOT NULL,
  table_no integer,
  role text NOT NULL,
  ord integer NOT NULL,
  row_id text NOT NULL,
  side text,
  kind text NOT NULL,
  code text,
  code_system text,
  level integer NOT NULL,
  parent text,
  label text NOT NULL,
  unit text,
  PRIMARY KEY (version_id, table_idx, ord)
);
CREATE INDEX table_rows_role_code ON table_rows (role, code_system, code);

CREATE TABLE amounts (
  version_id integer NOT NULL REFERENCES versions (id),
  table_idx integer NOT NULL,
  table_no integer,
  ord integer NOT NULL,
  row_id text NOT NULL,
  column_key text NOT NULL,
  fen bigint NOT NULL,
  PRIMARY KEY (version_id, table_idx, ord, column_key),
  FOREIGN KEY (version_id, table_idx, ord) REFERENCES table_rows (version_id, table_idx, ord)
);

CREATE TABLE projects (
  version_id integer NOT NULL REFERENCES versions (id),
  form_idx integer NOT NULL,
  form_id text NOT NULL,
  name text NOT NULL,
  parent_project text,
  total bigint,
  current_year bigint,
  fiscal bigint,
  other bigint,
  transfer bigint,
  purchased_services bigint,
  PRIMARY KEY (version_id, form_idx)
);

CREATE TABLE cost_lines (
  version_id integer NOT NULL,
  form_idx integer NOT NULL,
  line_idx integer NOT NULL,
  no integer,
  label text NOT NULL,
  text text NOT NULL,
  amount bigint,
  quantity text,
  quantity_unit text,
  unit_price bigint,
  PRIMARY KEY (version_id, form_idx, line_idx),
  FOREIGN KEY (version_id, form_idx) REFERENCES projects (version_id, form_idx)
);

CREATE TABLE quarter_plans (
  version_id integer NOT NULL,
  form_idx integer NOT NULL,
  idx integer NOT NULL,
  quarter integer NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  amount bigint NOT NULL,
  PRIMARY KEY (version_id, form_idx, idx),
  FOREIGN KEY (version_id, form_idx) REFERENCES projects (version_id, form_idx)
);

CREATE TABLE indicators (
  version_id integer NOT NULL REFERENCES versions (id),
  owner text NOT NULL CHECK (owner IN ('form', 'department')),
  form_idx integer NOT NULL,
  idx integer NOT NULL,
  level1 text NOT NULL,
  level2 text NOT NULL,
  name text NOT NULL,
  comparator text,
  value text,
  unit text,
  qualitative boolean NOT NULL,
  not_applicable boolean NOT NULL,
  PRIMARY KEY (version_id, owner, form_idx, idx)
);

CREATE TABLE findings (
  version_id integer NOT NULL REFERENCES versions (id),
  idx integer NOT NULL,
  rule text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  category text NOT NULL,
  title text NOT NULL,
  message text NOT NULL,
  location jsonb NOT NULL,
  expected text,
  actual text,
  difference text,
  unit text,
  PRIMARY KEY (version_id, idx)
);
