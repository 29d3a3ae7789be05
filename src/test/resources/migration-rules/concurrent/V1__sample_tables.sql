-- The tables the samples index (MigrationRulesTests runs this folder against a fresh database).
CREATE TABLE ticket (id UUID PRIMARY KEY, number BIGINT NOT NULL, department_id UUID, due_at TIMESTAMP WITH TIME ZONE);
CREATE TABLE ticket_history (id UUID PRIMARY KEY, ticket_id UUID NOT NULL);
