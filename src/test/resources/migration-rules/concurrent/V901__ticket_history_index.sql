CREATE INDEX ix_ticket_history_sample ON ticket_history (ticket_id);
