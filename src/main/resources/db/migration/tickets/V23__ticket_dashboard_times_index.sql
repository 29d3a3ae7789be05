-- The dashboard's 30-day series and average first-response and resolution times read tickets by opening time:
-- covering the columns they need (and the visibility columns) keeps that an index-only scan at a million tickets.
CREATE INDEX ix_ticket_opened_times ON ticket (opened_at)
    INCLUDE (first_response_at, resolved_at, department_id, requester_id, assignee_id);
