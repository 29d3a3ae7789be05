-- Two open-ticket views of an administrator (docs/scale.md, "Pages"). The list shows open tickets by default, so a status
-- filter reads `status_id = ? AND NOT is_closed ORDER BY opened_at DESC, id DESC`: PostgreSQL intersected the open and
-- the status indexes (a BitmapAnd over 6,800 heap rows), sorted them for a page (46 ms) and counted them the same way
-- (12-33 ms). The unassigned view read all 4,600 open unassigned tickets for a top-20 sort. Partial on open tickets and
-- in the list's (opened_at, id) order, these let the page stop after its rows and the capped count read the index only.
CREATE INDEX ix_ticket_open_status_opened ON ticket (status_id, opened_at DESC, id DESC) WHERE NOT is_closed;
CREATE INDEX ix_ticket_open_unassigned_opened ON ticket (opened_at DESC, id DESC)
    WHERE assignee_id IS NULL AND NOT is_closed;

-- The same for one department, a part of an agent's page: V72's index of unassigned tickets by department repeated
-- V21's ix_ticket_unassigned column for column, so it becomes the open one (PostgreSQL otherwise walked the index
-- above and dropped the other departments' rows, 190 for each 10 kept).
DROP INDEX ix_ticket_unassigned_department_opened;
CREATE INDEX ix_ticket_open_unassigned_department_opened ON ticket (department_id, opened_at DESC, id DESC)
    WHERE assignee_id IS NULL AND NOT is_closed;
