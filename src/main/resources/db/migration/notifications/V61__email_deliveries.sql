-- Which recipients an event's e-mail reached: a retry after a partial SMTP failure skips them. Written in its own
-- transaction right after each successful send, so it survives the rollback of the failed consumer run.
CREATE TABLE email_delivery (
    event_id     UUID                     NOT NULL,
    recipient_id UUID                     NOT NULL,
    sent_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (event_id, recipient_id)
);
CREATE INDEX email_delivery_sent_at_idx ON email_delivery (sent_at);
