-- Statuses that wait for the customer, and the status a requester's public reply moves a ticket to from there.
ALTER TABLE catalog_entry ADD COLUMN awaits_customer BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE catalog_entry ADD COLUMN reply_status_id UUID;

-- The seeded "Aguardando cliente" returns to "Em andamento" on a reply (when both still are what was seeded).
UPDATE catalog_entry
   SET awaits_customer = TRUE, reply_status_id = '00000000-0000-4000-8000-000000000102'
 WHERE id = '00000000-0000-4000-8000-000000000103' AND kind = 'STATUS' AND NOT is_final AND NOT is_resolving
   AND EXISTS (SELECT 1 FROM catalog_entry target
                WHERE target.id = '00000000-0000-4000-8000-000000000102' AND target.kind = 'STATUS'
                  AND NOT target.is_final AND NOT target.is_resolving);
