-- The capped count of an agent's closed tickets (docs/scale.md, "Ticket-list SQL"): the departments' part,
-- `department_id IN (...) AND is_closed`, was answered by walking V82's (assignee_id, department_id, ...) index for
-- its second column, 5,000 pages for the 10,001 rows of the cap (17 ms at 1,000,000 tickets). Led by the department
-- and then the flag, the count reads about 15 index pages (1.8 ms). Forty distinct keys: B-tree deduplication keeps
-- the index small.
CREATE INDEX ix_ticket_department_closed ON ticket (department_id, is_closed);
