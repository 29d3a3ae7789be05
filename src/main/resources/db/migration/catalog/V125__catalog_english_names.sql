-- An optional English name for every catalog entry, shown to people who read the pages in English (the Portuguese
-- name otherwise). The seeded defaults get theirs unless an administrator renamed them meanwhile.
ALTER TABLE catalog_entry ADD COLUMN name_en VARCHAR(100);

UPDATE catalog_entry SET name_en = 'Open' WHERE id = '00000000-0000-4000-8000-000000000101' AND name = 'Aberto';
UPDATE catalog_entry SET name_en = 'In progress' WHERE id = '00000000-0000-4000-8000-000000000102' AND name = 'Em andamento';
UPDATE catalog_entry SET name_en = 'Waiting for customer' WHERE id = '00000000-0000-4000-8000-000000000103' AND name = 'Aguardando cliente';
UPDATE catalog_entry SET name_en = 'Resolved' WHERE id = '00000000-0000-4000-8000-000000000104' AND name = 'Resolvido';
UPDATE catalog_entry SET name_en = 'Closed' WHERE id = '00000000-0000-4000-8000-000000000105' AND name = 'Fechado';
UPDATE catalog_entry SET name_en = 'Technical Support' WHERE id = '00000000-0000-4000-8000-000000000201' AND name = 'Suporte Técnico';
UPDATE catalog_entry SET name_en = 'Infrastructure' WHERE id = '00000000-0000-4000-8000-000000000202' AND name = 'Infraestrutura';
UPDATE catalog_entry SET name_en = 'Incident' WHERE id = '00000000-0000-4000-8000-000000000301' AND name = 'Incidente';
UPDATE catalog_entry SET name_en = 'Request' WHERE id = '00000000-0000-4000-8000-000000000302' AND name = 'Solicitação';
UPDATE catalog_entry SET name_en = 'Question' WHERE id = '00000000-0000-4000-8000-000000000303' AND name = 'Dúvida';
UPDATE catalog_entry SET name_en = 'Hardware' WHERE id = '00000000-0000-4000-8000-000000000401' AND name = 'Hardware';
UPDATE catalog_entry SET name_en = 'Software' WHERE id = '00000000-0000-4000-8000-000000000402' AND name = 'Software';
UPDATE catalog_entry SET name_en = 'Access' WHERE id = '00000000-0000-4000-8000-000000000403' AND name = 'Acesso';
UPDATE catalog_entry SET name_en = 'Network' WHERE id = '00000000-0000-4000-8000-000000000404' AND name = 'Rede';
UPDATE catalog_entry SET name_en = 'Computer' WHERE id = '00000000-0000-4000-8000-000000000501' AND name = 'Computador';
UPDATE catalog_entry SET name_en = 'Printer' WHERE id = '00000000-0000-4000-8000-000000000502' AND name = 'Impressora';
UPDATE catalog_entry SET name_en = 'E-mail' WHERE id = '00000000-0000-4000-8000-000000000503' AND name = 'E-mail';
UPDATE catalog_entry SET name_en = 'Internal system' WHERE id = '00000000-0000-4000-8000-000000000504' AND name = 'Sistema interno';
UPDATE catalog_entry SET name_en = 'Password' WHERE id = '00000000-0000-4000-8000-000000000505' AND name = 'Senha';
UPDATE catalog_entry SET name_en = 'Permissions' WHERE id = '00000000-0000-4000-8000-000000000506' AND name = 'Permissões';
