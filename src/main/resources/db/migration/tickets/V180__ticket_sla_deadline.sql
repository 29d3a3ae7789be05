-- The deadline of the ticket's nearest running service-level target, kept by the sla module through the tickets
-- facade (TicketManagement.recordServiceDeadline) so that the queue can show, sort and filter by it without the
-- tickets module knowing of SLAs. Null: no running target (none promised, all met, paused or the ticket is done).
-- sla_state says why the deadline is what it is: RUNNING (a target is counting down) or PAUSED (the clocks wait for
-- the customer). Nullable columns: the previous release neither reads nor writes them.
ALTER TABLE ticket ADD COLUMN sla_due_at timestamptz, ADD COLUMN sla_state varchar(16);
