-- Lists sorted by priority (docs/scale.md, "Pages"). TicketQueries orders priorities by urgency with
-- `CASE t.priority WHEN 'LOW' THEN 0 ... END DESC, t.id DESC`; no index gave that order, so "closed tickets by
-- priority" read every closed ticket (a parallel sequential scan of 977,000 rows, 0.5-0.8 s) for a top-20 sort. These
-- indexes hold exactly that expression, so a page stops after its rows. The expression must stay the one TicketQueries
-- writes (PRIORITY_RANK, from the order of the Priority enum), or PostgreSQL no longer matches it.

-- All tickets and closed ones (98 % of them are closed, so filtering on the way costs little).
CREATE INDEX ix_ticket_priority_rank ON ticket
    ((CASE priority WHEN 'LOW' THEN 0 WHEN 'NORMAL' THEN 1 WHEN 'HIGH' THEN 2 WHEN 'URGENT' THEN 3 END) DESC, id DESC);

-- Open tickets, the list's default state: 2 % of the table.
CREATE INDEX ix_ticket_open_priority_rank ON ticket
    ((CASE priority WHEN 'LOW' THEN 0 WHEN 'NORMAL' THEN 1 WHEN 'HIGH' THEN 2 WHEN 'URGENT' THEN 3 END) DESC, id DESC)
    WHERE NOT is_closed;

-- An agent's departments, one part of the agent's page each (TicketQueries reads an agent's page as a UNION ALL).
CREATE INDEX ix_ticket_department_priority_rank ON ticket
    (department_id,
     (CASE priority WHEN 'LOW' THEN 0 WHEN 'NORMAL' THEN 1 WHEN 'HIGH' THEN 2 WHEN 'URGENT' THEN 3 END) DESC, id DESC);
