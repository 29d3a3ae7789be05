-- Catalog: departments, categories and their subcategories, ticket types and statuses in one table of entries.
CREATE TABLE catalog_entry (
    id              UUID PRIMARY KEY,
    kind            VARCHAR(20)  NOT NULL,
    parent_id       UUID REFERENCES catalog_entry (id),
    name            VARCHAR(100) NOT NULL,
    name_normalized VARCHAR(100) NOT NULL,
    description     VARCHAR(500),
    enabled         BOOLEAN      NOT NULL,
    color           VARCHAR(7),
    display_order   INTEGER      NOT NULL DEFAULT 0,
    is_initial      BOOLEAN      NOT NULL DEFAULT FALSE,
    is_resolving    BOOLEAN      NOT NULL DEFAULT FALSE,
    is_final        BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT       NOT NULL
);

CREATE INDEX ix_catalog_entry_kind ON catalog_entry (kind, display_order, name_normalized);
CREATE INDEX ix_catalog_entry_parent ON catalog_entry (parent_id);

-- Agents (SUPPORT users) and the departments they work in. user_id refers to identity's users by value.
CREATE TABLE department_agent (
    department_id UUID NOT NULL REFERENCES catalog_entry (id),
    user_id       UUID NOT NULL,
    PRIMARY KEY (department_id, user_id)
);

CREATE INDEX ix_department_agent_user ON department_agent (user_id);
