-- Indexes for lists, counts and the dashboard at a million tickets (docs/scale.md). Every typed filter gets an index
-- that leads with the filter and continues with the keyset order (opened_at, id), so a page and the capped count read
-- only the rows they return; the single-column type and category indexes are prefixes of the new ones and go.
CREATE INDEX ix_ticket_priority_opened ON ticket (priority, opened_at DESC, id DESC);
CREATE INDEX ix_ticket_type_opened ON ticket (type_id, opened_at DESC, id DESC);
CREATE INDEX ix_ticket_category_opened ON ticket (category_id, opened_at DESC, id DESC);
DROP INDEX ix_ticket_type;
DROP INDEX ix_ticket_category;

-- Open tickets are a few per cent of all: the open queue (and overdue, which is open by definition) in keyset order.
CREATE INDEX ix_ticket_open_opened ON ticket (opened_at DESC, id DESC) WHERE NOT is_closed;

-- The dashboard's counts and group-bys over open tickets read this index only (no heap): it replaces the narrower
-- (department_id, status_id) one.
CREATE INDEX ix_ticket_open_dashboard ON ticket (department_id, status_id)
    INCLUDE (priority, requester_id, assignee_id, due_at) WHERE NOT is_closed;
DROP INDEX ix_ticket_open_department;
