-- The desk's settings, one row: whether requesters may choose the priority of the tickets they open (the desk
-- decides it otherwise). Changed by administrators on /admin/settings.
CREATE TABLE ticket_settings (
    id                         SMALLINT PRIMARY KEY,
    requesters_choose_priority BOOLEAN NOT NULL,
    CONSTRAINT ticket_settings_one_row CHECK (id = 1)
);

INSERT INTO ticket_settings (id, requesters_choose_priority) VALUES (1, FALSE);
