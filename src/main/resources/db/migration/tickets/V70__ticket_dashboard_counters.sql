-- Dashboard counters (docs/scale.md): the dashboard of an administrator or an agent reads these instead of scanning
-- every open ticket and every ticket of the last 30 days. TicketStatistics keeps them in the same transaction as each
-- ticket change (a ticket's contribution before the change is taken away, its contribution after it added), so every
-- replica reads the same numbers; --verify-data compares them with a recount.

-- Open tickets per department, status, priority and whether anyone is assigned.
CREATE TABLE ticket_open_count (
    department_id UUID        NOT NULL,
    status_id     UUID        NOT NULL,
    priority      VARCHAR(10) NOT NULL,
    unassigned    BOOLEAN     NOT NULL,
    n             BIGINT      NOT NULL,
    PRIMARY KEY (department_id, status_id, priority, unassigned)
);

-- Per UTC day and department: tickets opened that day, with the first-response and resolution times of those tickets
-- (microseconds since opening, summed, and how many have one), and tickets closed that day.
CREATE TABLE ticket_daily_count (
    stat_day          DATE   NOT NULL,
    department_id     UUID   NOT NULL,
    opened            BIGINT NOT NULL,
    closed            BIGINT NOT NULL,
    first_response_us BIGINT NOT NULL,
    first_responses   BIGINT NOT NULL,
    resolution_us     BIGINT NOT NULL,
    resolutions       BIGINT NOT NULL,
    PRIMARY KEY (stat_day, department_id)
);

-- What the counters must hold, counted from the tickets: the migration fills the counters from these views, the
-- synthetic data set refills them after loading, and --verify-data compares them.
CREATE VIEW ticket_open_recount AS
SELECT department_id, status_id, priority, assignee_id IS NULL AS unassigned, count(*) AS n
FROM ticket WHERE NOT is_closed
GROUP BY department_id, status_id, priority, assignee_id IS NULL;

CREATE VIEW ticket_daily_recount AS
SELECT stat_day, department_id, sum(opened) AS opened, sum(closed) AS closed, sum(first_response_us) AS first_response_us,
       sum(first_responses) AS first_responses, sum(resolution_us) AS resolution_us, sum(resolutions) AS resolutions
FROM (
    SELECT (opened_at AT TIME ZONE 'UTC')::date AS stat_day, department_id, 1 AS opened, 0 AS closed,
           coalesce((extract(epoch FROM (first_response_at - opened_at)) * 1000000)::bigint, 0) AS first_response_us,
           CASE WHEN first_response_at IS NULL THEN 0 ELSE 1 END AS first_responses,
           coalesce((extract(epoch FROM (resolved_at - opened_at)) * 1000000)::bigint, 0) AS resolution_us,
           CASE WHEN resolved_at IS NULL THEN 0 ELSE 1 END AS resolutions
    FROM ticket
    UNION ALL
    SELECT (closed_at AT TIME ZONE 'UTC')::date, department_id, 0, 1, 0, 0, 0, 0
    FROM ticket WHERE closed_at IS NOT NULL
) contributions
GROUP BY stat_day, department_id;

INSERT INTO ticket_open_count (department_id, status_id, priority, unassigned, n)
SELECT department_id, status_id, priority, unassigned, n FROM ticket_open_recount;

INSERT INTO ticket_daily_count
    (stat_day, department_id, opened, closed, first_response_us, first_responses, resolution_us, resolutions)
SELECT stat_day, department_id, opened, closed, first_response_us, first_responses, resolution_us, resolutions
FROM ticket_daily_recount;

-- "Overdue" depends on the time of asking, so it stays a live count: open tickets by department and due date.
CREATE INDEX ix_ticket_open_department_due ON ticket (department_id, due_at) WHERE NOT is_closed AND due_at IS NOT NULL;
