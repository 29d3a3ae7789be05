-- An agent's typed filters (docs/scale.md). The page and the capped count of "priority P", "category C" or "urgent and
-- open" intersected a broad index (80,000 URGENT, 220,000 HIGH tickets at a million) with the agent's few tickets in a
-- BitmapAnd, 10–35 ms for the bitmap alone.

-- Urgent and open: open tickets are a few per cent of all; led by priority and then department, the page of the
-- agent's departments and the capped count of their part read this small index instead.
CREATE INDEX ix_ticket_open_priority_department ON ticket (priority, department_id, opened_at DESC, id DESC)
    WHERE NOT is_closed;

-- "Assigned to me in the other departments" with a filter: the columns the typed filters test ride along, so that part
-- of the count is an index-only scan of the agent's assignments instead of a BitmapAnd with the filter's index. It
-- replaces V71's (assignee_id, department_id), which it contains.
CREATE INDEX ix_ticket_assignee_department_filters ON ticket (assignee_id, department_id)
    INCLUDE (requester_id, priority, status_id, category_id, is_closed);
DROP INDEX ix_ticket_assignee_department;
ALTER INDEX ix_ticket_assignee_department_filters RENAME TO ix_ticket_assignee_department;
