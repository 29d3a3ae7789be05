-- Idempotent consumers: one row per (consumer, event id), written in the consumer's transaction.
CREATE TABLE event_inbox (
    consumer     VARCHAR(100)             NOT NULL,
    event_id     UUID                     NOT NULL,
    event_type   VARCHAR(100)             NOT NULL,
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX event_inbox_processed_at_idx ON event_inbox (processed_at);
