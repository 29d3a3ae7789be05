-- GET /api/v1/tickets?size=25&status=<Aberto> by an agent (the open queue), statement by statement as the service
-- issues it (captured with log_statement = all; docs/benchmark.md): the agent's departments, then the page and the
-- capped count in one read-only transaction. The agent is drawn from the helper table bench_agent (bench/run.sh).
\set a random(1, :agents)
SELECT user_id AS agent, d1, d2 FROM bench_agent WHERE n = :a \gset
BEGIN READ ONLY;
select department_id from department_agent where user_id = ':agent' order by department_id;
COMMIT;
BEGIN READ ONLY;
select t.id, t.number, t.title, t.status_id, t.is_closed, t.priority, t.department_id, t.type_id, t.category_id, t.requester_id, t.assignee_id, t.opened_at, t.due_at, t.updated_at from ticket t where (t.requester_id = ':agent' or t.assignee_id = ':agent' or t.department_id in (':d1', ':d2')) and t.status_id in ('00000000-0000-4000-8000-000000000101') and (TRUE) order by t.opened_at desc, t.id desc limit 26;
select count(*) from (select 1 from ticket t where t.department_id in (':d1', ':d2') and t.status_id in ('00000000-0000-4000-8000-000000000101') and (TRUE) union all select 1 from ticket t where t.requester_id = ':agent' and t.department_id not in (':d1', ':d2') and t.status_id in ('00000000-0000-4000-8000-000000000101') and (TRUE) union all select 1 from ticket t where t.assignee_id = ':agent' and t.requester_id <> ':agent' and t.department_id not in (':d1', ':d2') and t.status_id in ('00000000-0000-4000-8000-000000000101') and (TRUE) limit 10001) x;
COMMIT;
