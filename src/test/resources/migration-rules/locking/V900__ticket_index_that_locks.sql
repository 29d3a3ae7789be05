-- A sample that breaks the rule (MigrationRulesTests): a plain CREATE INDEX on ticket locks writes while it builds.
-- CREATE INDEX CONCURRENTLY in this comment does not count.
CREATE INDEX ix_ticket_sample_locking
    ON ticket (department_id, due_at);
