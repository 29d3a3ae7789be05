-- SLA module: calendars, policies, and per-ticket clocks kept from ticket history. Tickets, departments, statuses
-- and categories are other modules' rows, referred to by id only.

create table sla_calendar (
    id          uuid primary key,
    name        varchar(100) not null unique,
    zone        varchar(64)  not null,
    always_open boolean      not null default false,
    version     bigint       not null default 0
);

-- Weekly business hours: minutes of the day, end exclusive, 1440 = midnight; several per day.
create table sla_calendar_interval (
    calendar_id  uuid     not null references sla_calendar (id) on delete cascade,
    day_of_week  smallint not null check (day_of_week between 1 and 7),
    start_minute smallint not null,
    end_minute   smallint not null,
    primary key (calendar_id, day_of_week, start_minute),
    check (start_minute >= 0 and start_minute < end_minute and end_minute <= 1440)
);

-- A holiday on a date, or on that month and day every year.
create table sla_holiday (
    calendar_id uuid    not null references sla_calendar (id) on delete cascade,
    day         date    not null,
    yearly      boolean not null default false,
    name        varchar(200),
    primary key (calendar_id, day, yearly)
);

-- Ordered policies: the first enabled one whose conditions (null = any) match applies. version grows on each edit.
create table sla_policy (
    id                     uuid primary key,
    name                   varchar(100) not null unique,
    position               integer      not null,
    enabled                boolean      not null default true,
    department_id          uuid,
    priority               varchar(20),
    type_id                uuid,
    category_id            uuid,
    calendar_id            uuid         not null references sla_calendar (id),
    first_response_minutes integer check (first_response_minutes > 0),
    next_response_minutes  integer check (next_response_minutes > 0),
    resolution_minutes     integer check (resolution_minutes > 0),
    warning_percent        integer      not null default 80 check (warning_percent between 1 and 99),
    version                integer      not null default 1,
    updated_at             timestamptz  not null
);

-- Which policy (and version) a ticket runs under now, and whether any of its clocks may still run.
create table sla_ticket (
    ticket_id      uuid primary key,
    ticket_number  bigint      not null,
    department_id  uuid,
    assignee_id    uuid,
    policy_id      uuid,
    policy_version integer,
    open           boolean     not null,
    computed_at    timestamptz not null
);

create index sla_ticket_open on sla_ticket (ticket_id) where open;
create index sla_ticket_policy on sla_ticket (policy_id) where open;

-- When the policy a ticket runs under changed: the history of which policy applied when.
create table sla_ticket_policy_log (
    ticket_id      uuid        not null,
    since          timestamptz not null,
    policy_id      uuid,
    policy_version integer,
    primary key (ticket_id, since)
);

-- One row per ticket and target: the current cycle (next response has one per requester message).
-- next_due_at is the earliest warning or breach not yet announced, for the escalation scheduler's covering index.
create table sla_ticket_clock (
    ticket_id       uuid        not null references sla_ticket (ticket_id) on delete cascade,
    target          varchar(20) not null,
    cycle           integer     not null,
    policy_id       uuid        not null,
    policy_version  integer     not null,
    goal_seconds    bigint      not null,
    elapsed_seconds bigint      not null,
    running         boolean     not null,
    paused          boolean     not null,
    warning_at      timestamptz,
    deadline_at     timestamptz,
    met_at          timestamptz,
    breached_at     timestamptz,
    next_due_at     timestamptz,
    -- copies for the escalation scan, so that it reads the index alone
    ticket_number   bigint      not null,
    department_id   uuid,
    assignee_id     uuid,
    calendar_id     uuid        not null,
    primary key (ticket_id, target)
);

create index sla_ticket_clock_next_due on sla_ticket_clock (next_due_at)
    include (ticket_id, target, cycle, policy_id, calendar_id, warning_at, deadline_at, ticket_number, department_id,
             assignee_id)
    where next_due_at is not null;
create index sla_ticket_clock_deadline on sla_ticket_clock (deadline_at) where running;

-- Escalations announced: at most one warning and one breach per ticket, target and cycle.
create table sla_escalation (
    ticket_id uuid        not null,
    target    varchar(20) not null,
    cycle     integer     not null,
    kind      varchar(10) not null check (kind in ('WARNING', 'BREACHED')),
    sent_at   timestamptz not null,
    announced boolean     not null,
    primary key (ticket_id, target, cycle, kind)
);
