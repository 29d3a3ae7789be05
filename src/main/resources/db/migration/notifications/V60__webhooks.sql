-- Webhooks that administrators register, and one delivery per (webhook, event) with its attempts and outcome.
CREATE TABLE webhook (
    id                   UUID                     PRIMARY KEY,
    url                  VARCHAR(2000)            NOT NULL,
    secret               VARCHAR(200)             NOT NULL,
    event_types          VARCHAR(2000)            NOT NULL,
    enabled              BOOLEAN                  NOT NULL,
    consecutive_failures INT          DEFAULT 0   NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by           UUID,
    disabled_at          TIMESTAMP WITH TIME ZONE
);

CREATE TABLE webhook_delivery (
    id              UUID                     PRIMARY KEY,
    webhook_id      UUID                     NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    event_id        UUID                     NOT NULL,
    event_type      VARCHAR(100)             NOT NULL,
    payload         TEXT                     NOT NULL,
    status          VARCHAR(20)              NOT NULL,
    attempts        INT          DEFAULT 0   NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    claimed_until   TIMESTAMP WITH TIME ZONE,
    last_status     INT,
    last_error      VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT webhook_delivery_once UNIQUE (webhook_id, event_id)
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (status, next_attempt_at);
CREATE INDEX webhook_delivery_by_webhook_idx ON webhook_delivery (webhook_id, created_at);
