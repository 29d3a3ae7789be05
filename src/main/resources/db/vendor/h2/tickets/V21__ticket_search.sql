-- H2 (local profile) has no full-text ranking: search falls back to a case-insensitive match (documented).
ALTER TABLE ticket ADD COLUMN search_document VARCHAR(1);
