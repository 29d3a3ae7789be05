-- The queue sorted by the nearest SLA deadline (soonest first, ties newest first) and "breaching within the hour"
-- (sla_due_at < now + 1 h) walk this index and stop. Built concurrently (docs/migrations.md): no lock on ticket.
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_ticket_sla_due ON ticket (sla_due_at ASC, id DESC);
