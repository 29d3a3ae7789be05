-- A sample that keeps the rule (MigrationRulesTests): the index on ticket is built without blocking writes, and a
-- plain index on another table is not the rule's business.
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_ticket_sample_concurrent ON ticket (department_id, due_at);
CREATE UNIQUE INDEX CONCURRENTLY ix_ticket_sample_unique ON public.ticket USING btree (number);
