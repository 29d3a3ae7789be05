-- An agent's queue is their departments' tickets with a filter: the page walks (department_id, opened_at) and stops
-- after a page, but the capped count of, say, one priority in two departments had to intersect two large sets and
-- read a heap page per row (docs/scale.md). Led by the department and the filter, these indexes give the count as an
-- index-only scan and the page in keyset order.
CREATE INDEX ix_ticket_department_status_opened ON ticket (department_id, status_id, opened_at DESC, id DESC);
CREATE INDEX ix_ticket_department_priority_opened ON ticket (department_id, priority, opened_at DESC, id DESC);
CREATE INDEX ix_ticket_department_category_opened ON ticket (department_id, category_id, opened_at DESC, id DESC);
CREATE INDEX ix_ticket_unassigned_department_opened ON ticket (department_id, opened_at DESC, id DESC)
    WHERE assignee_id IS NULL;
