-- Statuses that hold a ticket (waiting for a third party, a change window…): the SLA clocks pause on them until the
-- next status change; unlike a status that awaits the customer, a requester's reply does not resume them.
ALTER TABLE catalog_entry ADD COLUMN on_hold BOOLEAN NOT NULL DEFAULT FALSE;
