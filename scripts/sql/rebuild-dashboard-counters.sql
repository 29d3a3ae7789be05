-- Rebuilds the dashboard counters (ticket_open_count, ticket_daily_count; docs/scale.md) from the recount views that
-- say what they must hold. Run after a restore whose --verify-data reports counters that differ from a recount
-- (scripts/restore.sh --repair-derived runs it), or by hand:
--   psql -v ON_ERROR_STOP=1 -d DATABASE -f scripts/sql/rebuild-dashboard-counters.sql
-- One transaction; the locks make ticket changes of running instances wait until it commits, so that none is
-- counted twice or lost.
BEGIN;
LOCK TABLE ticket IN SHARE MODE;
LOCK TABLE ticket_open_count, ticket_daily_count IN ACCESS EXCLUSIVE MODE;

DELETE FROM ticket_open_count;
INSERT INTO ticket_open_count (department_id, status_id, priority, unassigned, n)
SELECT department_id, status_id, priority, unassigned, n FROM ticket_open_recount;

DELETE FROM ticket_daily_count;
INSERT INTO ticket_daily_count
    (stat_day, department_id, opened, closed, first_response_us, first_responses, resolution_us, resolutions)
SELECT stat_day, department_id, opened, closed, first_response_us, first_responses, resolution_us, resolutions
FROM ticket_daily_recount;
COMMIT;
