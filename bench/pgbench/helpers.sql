-- Helper tables for the pgbench scripts: numbered requesters, departments and agents (with their first two
-- departments) of the data set. Run by bench/run.sh on the benchmark's copy of the data set.
drop table if exists bench_requester, bench_department, bench_agent;
create table bench_requester as
    select row_number() over (order by u.id) as n, u.id from app_user u
    join app_user_role r on r.user_id = u.id and r.role = 'USER' where u.enabled;
create table bench_department as
    select row_number() over (order by department_id) as n, department_id as id
    from (select distinct department_id from department_agent) d;
create table bench_agent as
    select row_number() over (order by user_id) as n, user_id, ds[1] as d1, coalesce(ds[2], ds[1]) as d2
    from (select da.user_id, array_agg(da.department_id order by da.department_id) ds from department_agent da
          join app_user_role r on r.user_id = da.user_id and r.role = 'SUPPORT' group by da.user_id) a;
create unique index on bench_requester (n);
create unique index on bench_department (n);
create unique index on bench_agent (n);
analyze bench_requester, bench_department, bench_agent;
select (select count(*) from bench_requester) || ' ' || (select count(*) from bench_department) || ' ' || (select count(*) from bench_agent);
