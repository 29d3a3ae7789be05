-- Names are unique case-insensitively within their scope among active entries; one initial, one resolving status.
CREATE UNIQUE INDEX ux_catalog_entry_active_name
    ON catalog_entry (kind, COALESCE(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), name_normalized)
    WHERE enabled;
CREATE UNIQUE INDEX ux_catalog_entry_initial ON catalog_entry (kind) WHERE is_initial;
CREATE UNIQUE INDEX ux_catalog_entry_resolving ON catalog_entry (kind) WHERE is_resolving;
