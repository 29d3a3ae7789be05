-- The dashboard's "mine" and "assigned to me" count a person's open tickets: a few rows in these indexes, where the
-- (requester_id, opened_at) and (assignee_id, opened_at) ones hold every ticket the person ever had.
CREATE INDEX ix_ticket_open_requester ON ticket (requester_id) WHERE NOT is_closed;
CREATE INDEX ix_ticket_open_assignee ON ticket (assignee_id) WHERE NOT is_closed;

-- An agent's dashboard counts live the tickets assigned to them outside their departments (the rest comes from the
-- counters): assignee plus the other departments is an index condition here, where the (assignee_id, opened_at)
-- index would make PostgreSQL read every ticket the agent was ever assigned.
CREATE INDEX ix_ticket_assignee_department ON ticket (assignee_id, department_id);
