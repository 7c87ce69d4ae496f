-- fiscus storage, version 9: budget adjustments (预算调整 / 调剂, issue 15 item 4). A recorded event per
-- project form of a budget: the amount added (positive) or taken away (negative), the reason, and who
-- approved it (a 部门审核 or 财政审核) and when. Payments are controlled against the form's budget plus
-- its adjustments (指标控制), and execution rates use the adjusted budget. Keyed like payments: by the
-- budget (documents.id) and the form id, independent of versions.
CREATE TABLE budget_adjustments (
  id serial PRIMARY KEY,
  document_id integer NOT NULL REFERENCES documents (id),
  form_id text NOT NULL,
  fen bigint NOT NULL CHECK (fen <> 0),
  reason text NOT NULL CHECK (length(reason) > 0),
  approved_by text NOT NULL,
  approved_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX budget_adjustments_document_form ON budget_adjustments (document_id, form_id);
