#!/usr/bin/env bash
# The SLA escalation scan at scale, in PostgreSQL alone: a scratch database with the SLA tables (V160), 1,000,000
# tickets of which 300,000 open with a first-response and a resolution clock each (deadlines spread over 30 days,
# ~0.01 % due now), the closed ones with met clocks; then the scheduler's due query, timed with EXPLAIN ANALYZE.
# Usage: bench/sla-scan.sh [runs]   (PGHOST/PGUSER as for psql; default 127.0.0.1, postgres)
set -euo pipefail

runs="${1:-20}"
db="echamado_sla_scan_$$"
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}"
here="$(cd "$(dirname "$0")/.." && pwd)"

echo "creating $db"
createdb "$db"
trap 'echo "dropping $db"; dropdb --if-exists "$db"' EXIT
psql -q -v ON_ERROR_STOP=1 -d "$db" -f "$here/src/main/resources/db/migration/sla/V160__sla.sql"

echo "filling 1,000,000 tickets (300,000 open)"
psql -q -v ON_ERROR_STOP=1 -d "$db" <<'SQL'
insert into sla_calendar (id, name, zone, always_open) values ('00000000-0000-0000-0000-0000000000c1', 'c', 'UTC', true);
insert into sla_policy (id, name, position, calendar_id, first_response_minutes, resolution_minutes, updated_at)
values ('00000000-0000-0000-0000-0000000000b1', 'p', 1, '00000000-0000-0000-0000-0000000000c1', 60, 2880, now());
insert into sla_ticket (ticket_id, ticket_number, policy_id, policy_version, open, computed_at)
select md5(n::text)::uuid, n, '00000000-0000-0000-0000-0000000000b1', 1, n <= 300000, now()
from generate_series(1, 1000000) n;
insert into sla_ticket_clock (ticket_id, target, cycle, policy_id, policy_version, goal_seconds, elapsed_seconds,
    running, paused, warning_at, deadline_at, met_at, next_due_at, ticket_number, calendar_id)
select t.ticket_id, g.target, 1, t.policy_id, 1, 3600, 0, t.open, false,
       case when t.open then d - interval '10 minutes' end, case when t.open then d end,
       case when not t.open then now() - interval '1 day' end,
       case when t.open then d - interval '10 minutes' end, t.ticket_number, '00000000-0000-0000-0000-0000000000c1'
from sla_ticket t
cross join (values ('FIRST_RESPONSE'), ('RESOLUTION')) g(target)
cross join lateral (select now() - interval '5 minutes'
                           + (hashtext(t.ticket_id::text || g.target) & 2147483647) % (30 * 86400) * interval '1 second') x(d);
vacuum analyze sla_ticket; vacuum analyze sla_ticket_clock;
SQL
psql -qAt -d "$db" -c "select 'clocks: ' || count(*) || ', due now: ' || count(*) filter (where next_due_at <= now()) from sla_ticket_clock"

# The query of Escalations.run(), as the service sends it.
query="select ticket_id, target, cycle, policy_id, warning_at, deadline_at, ticket_number, department_id,
 assignee_id, calendar_id from sla_ticket_clock where next_due_at <= now() order by next_due_at limit 500"
echo "plan:"
psql -qAt -d "$db" -c "explain (analyze, buffers) $query" | sed 's/^/  /'
echo "execution times over $runs runs (ms):"
for _ in $(seq "$runs"); do
  psql -qAt -d "$db" -c "explain (analyze, format json) $query" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Execution Time"])'
done | sort -n | awk '{a[NR]=$1} END {printf "  median %.3f, min %.3f, max %.3f\n", a[int((NR+1)/2)], a[1], a[NR]}'
