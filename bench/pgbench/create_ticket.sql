-- The transaction of POST /api/v1/tickets with an Idempotency-Key, statement by statement as the service issues it
-- (captured with log_statement = all; docs/benchmark.md). The requester and department are drawn from helper tables
-- that bench/run.sh fills (bench_requester, bench_department); the response body stored with the key is a
-- representative 900-character JSON.
\set r random(1, :requesters)
\set d random(1, :departments)
SELECT id AS requester FROM bench_requester WHERE n = :r \gset
SELECT id AS department FROM bench_department WHERE n = :d \gset
SELECT gen_random_uuid() AS id, 'pgbench-' || gen_random_uuid() AS key, now() AS now \gset
BEGIN;
select pg_try_advisory_xact_lock(hashtextextended(':requester' || ':' || ':key', 0));
select request_hash, status, location, response_body from idempotency_key where principal_id = ':requester' and idempotency_key = ':key';
select ce1_0.id,ce1_0.color,ce1_0.created_at,ce1_0.description,ce1_0.display_order,ce1_0.enabled,ce1_0.is_initial,ce1_0.is_final,ce1_0.kind,ce1_0.name,ce1_0.name_normalized,ce1_0.parent_id,ce1_0.is_resolving,ce1_0.version from catalog_entry ce1_0 where ce1_0.id='00000000-0000-4000-8000-000000000301';
select ce1_0.id,ce1_0.color,ce1_0.created_at,ce1_0.description,ce1_0.display_order,ce1_0.enabled,ce1_0.is_initial,ce1_0.is_final,ce1_0.kind,ce1_0.name,ce1_0.name_normalized,ce1_0.parent_id,ce1_0.is_resolving,ce1_0.version from catalog_entry ce1_0 where ce1_0.id='00000000-0000-4000-8000-000000000401';
select ce1_0.id,ce1_0.color,ce1_0.created_at,ce1_0.description,ce1_0.display_order,ce1_0.enabled,ce1_0.is_initial,ce1_0.is_final,ce1_0.kind,ce1_0.name,ce1_0.name_normalized,ce1_0.parent_id,ce1_0.is_resolving,ce1_0.version from catalog_entry ce1_0 where ce1_0.id='00000000-0000-4000-8000-000000000501';
select ce1_0.id,ce1_0.color,ce1_0.created_at,ce1_0.description,ce1_0.display_order,ce1_0.enabled,ce1_0.is_initial,ce1_0.is_final,ce1_0.kind,ce1_0.name,ce1_0.name_normalized,ce1_0.parent_id,ce1_0.is_resolving,ce1_0.version from catalog_entry ce1_0 where ce1_0.id=':department';
select nextval('ticket_number_seq') AS number \gset
select ce1_0.id,ce1_0.color,ce1_0.created_at,ce1_0.description,ce1_0.display_order,ce1_0.enabled,ce1_0.is_initial,ce1_0.is_final,ce1_0.kind,ce1_0.name,ce1_0.name_normalized,ce1_0.parent_id,ce1_0.is_resolving,ce1_0.version from catalog_entry ce1_0 where ce1_0.kind='STATUS' and ce1_0.is_initial=true fetch first 1 rows only;
select t1_0.id,t1_0.assignee_id,t1_0.category_id,t1_0.is_closed,t1_0.closed_at,t1_0.created_by,t1_0.department_id,t1_0.description,t1_0.due_at,t1_0.first_response_at,t1_0.number,t1_0.opened_at,t1_0.priority,t1_0.rating,t1_0.rating_comment,t1_0.requester_id,t1_0.resolution,t1_0.resolved_at,t1_0.status_id,t1_0.subcategory_id,t1_0.title,t1_0.type_id,t1_0.updated_at,t1_0.version from ticket t1_0 where t1_0.id=':id';
insert into ticket (assignee_id,category_id,is_closed,closed_at,created_by,department_id,description,due_at,first_response_at,number,opened_at,priority,rating,rating_comment,requester_id,resolution,resolved_at,status_id,subcategory_id,title,type_id,updated_at,version,id) values (null,'00000000-0000-4000-8000-000000000401',false,null,':requester',':department','Desde ontem aparece uma mensagem de erro ao imprimir. Patrimônio PAT-12345.',null,null,:number,':now','HIGH',null,null,':requester',null,null,'00000000-0000-4000-8000-000000000101','00000000-0000-4000-8000-000000000501','Impressora do setor 12 não imprime','00000000-0000-4000-8000-000000000301',':now',0,':id');
insert into ticket_history (ticket_id, actor_id, changed_at, field, old_value, new_value, internal) values (':id', ':requester', ':now', 'created', null, '#' || :number, false);
update ticket t set search_document =
    setweight(to_tsvector('echamado_pt', t.number::text || ' ' || t.title), 'A')
    || setweight(to_tsvector('echamado_pt', t.description), 'B')
    || setweight(to_tsvector('echamado_pt', coalesce((
        select string_agg(c.body, ' ') from ticket_comment c
        where c.ticket_id = t.id and not c.internal and c.deleted_at is null), '')), 'C')
    where t.id = ':id';
insert into idempotency_key (idempotency_key, principal_id, request_hash, status, location, response_body, created_at) values (':key', ':requester', '94d5c4bb5cb66575b62c46cbdc8a7fb7141d8039046c22eaebb141c2b74f0ecb', 201, '/api/v1/tickets/' || ':id', repeat('x', 900), ':now');
COMMIT;
