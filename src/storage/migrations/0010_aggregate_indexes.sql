-- fiscus storage, version 10: indexes for the cross-department aggregates (issue 14 item 5, issue 15
-- item 2; src/storage/repository.ts aggregate). An aggregate takes the latest version of each document
-- (by year and kind), the first table of a role in that version, and the `total` amount of its rows.
-- The first table of a role in a version, found from the index alone, and each of its rows by position.
CREATE INDEX table_rows_version_role ON table_rows (version_id, role, table_idx, ord);
-- The `total` column of a row, read from the index alone (no visit to the amounts heap).
CREATE INDEX amounts_total ON amounts (version_id, table_idx, ord) INCLUDE (fen) WHERE column_key = 'total';
-- Documents of a year and kind.
CREATE INDEX documents_year_kind ON documents (year, kind);
