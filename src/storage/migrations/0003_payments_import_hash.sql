-- fiscus storage, version 3: idempotent payments imports and room for many payments.
-- Every payment imported from a file carries the sha256 of that file's bytes, so the same file
-- imported again for the same budget is recognised (and not stored twice unless forced). Payments
-- entered by hand have none. A file counts as imported while any of its payments remains.
ALTER TABLE payments ADD COLUMN import_sha256 text;
CREATE INDEX payments_document_import ON payments (document_id, import_sha256);
-- Payments are the one count that grows without bound (every file, every year): a 8-byte id.
ALTER TABLE payments ALTER COLUMN id TYPE bigint;
ALTER SEQUENCE payments_id_seq AS bigint;
