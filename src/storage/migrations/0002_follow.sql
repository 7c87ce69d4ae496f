-- fiscus storage, version 2: following the year (payments, mid-year monitoring, year-end actuals).
-- Keyed by the budget (documents.id) and the project form id, not by version: a payment or an
-- entered actual stays valid when the budget gets a new version. Indicators are keyed by their
-- position in the form and their name, so an edit that reorders or renames them is noticed.
CREATE TABLE payments (
  id serial PRIMARY KEY,
  document_id integer NOT NULL REFERENCES documents (id),
  form_id text NOT NULL,
  paid_on date NOT NULL,
  fen bigint NOT NULL CHECK (fen >= 0),
  voucher text,
  payee text,
  source text,
  source_row integer,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_document_form ON payments (document_id, form_id, paid_on);

CREATE TABLE monitoring_entries (
  document_id integer NOT NULL REFERENCES documents (id),
  owner text NOT NULL,
  indicator_idx integer NOT NULL,
  indicator_name text NOT NULL,
  as_of date NOT NULL,
  actual_to_date text,
  likelihood text CHECK (likelihood IN ('确定能', '有可能', '完全不可能')),
  reason text CHECK (reason IN ('经费保障', '制度保障', '人员保障', '硬件条件保障', '其他')),
  action text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, owner, indicator_idx, indicator_name)
);

CREATE TABLE evaluation_actuals (
  document_id integer NOT NULL REFERENCES documents (id),
  owner text NOT NULL,
  indicator_idx integer NOT NULL,
  indicator_name text NOT NULL,
  value text,
  band text CHECK (band IN ('完全达成', '基本达成', '部分达成', '未达成')),
  not_applicable boolean NOT NULL DEFAULT false,
  reason text,
  correction text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, owner, indicator_idx, indicator_name)
);
