-- Full-text search over number, title, description and public replies: Portuguese stemming without accents.
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION echamado_pt (COPY = portuguese);
ALTER TEXT SEARCH CONFIGURATION echamado_pt
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, portuguese_stem;

ALTER TABLE ticket ADD COLUMN search_document tsvector;
CREATE INDEX ix_ticket_search ON ticket USING GIN (search_document);

-- Dashboard and queue counters stay off sequential scans.
CREATE INDEX ix_ticket_open_department ON ticket (department_id, status_id) WHERE NOT is_closed;
CREATE INDEX ix_ticket_unassigned ON ticket (department_id, opened_at DESC, id DESC) WHERE assignee_id IS NULL;
CREATE INDEX ix_ticket_closed_at ON ticket (closed_at) WHERE closed_at IS NOT NULL;
