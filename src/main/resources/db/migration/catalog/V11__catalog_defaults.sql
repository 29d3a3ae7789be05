-- Defaults of a fresh installation (Brazilian Portuguese), all editable.
INSERT INTO catalog_entry (id, kind, parent_id, name, name_normalized, description, enabled, color, display_order,
                           is_initial, is_resolving, is_final, created_at, version) VALUES
('00000000-0000-4000-8000-000000000101', 'STATUS', NULL, 'Aberto', 'aberto', 'Chamado novo, aguardando atendimento', TRUE, '#1d4ed8', 1, TRUE, FALSE, FALSE, CURRENT_TIMESTAMP, 0),
('00000000-0000-4000-8000-000000000102', 'STATUS', NULL, 'Em andamento', 'em andamento', 'Um agente está trabalhando no chamado', TRUE, '#b45309', 2, FALSE, FALSE, FALSE, CURRENT_TIMESTAMP, 0),
('00000000-0000-4000-8000-000000000103', 'STATUS', NULL, 'Aguardando cliente', 'aguardando cliente', 'Depende de uma resposta do solicitante', TRUE, '#7c3aed', 3, FALSE, FALSE, FALSE, CURRENT_TIMESTAMP, 0),
('00000000-0000-4000-8000-000000000104', 'STATUS', NULL, 'Resolvido', 'resolvido', 'Solução entregue; o solicitante pode avaliar ou reabrir', TRUE, '#15803d', 4, FALSE, TRUE, FALSE, CURRENT_TIMESTAMP, 0),
('00000000-0000-4000-8000-000000000105', 'STATUS', NULL, 'Fechado', 'fechado', 'Encerrado', TRUE, '#4b5563', 5, FALSE, FALSE, TRUE, CURRENT_TIMESTAMP, 0),
('00000000-0000-4000-8000-000000000201', 'DEPARTMENT', NULL, 'Suporte Técnico', 'suporte técnico', 'Atendimento de TI', TRUE, NULL, 0, FALSE, FALSE, FALSE, CURRENT_TIMESTAMP, 0),
('00000000-0000-4000-8000-000000000202', 'DEPARTMENT', NULL, 'Infraestrutura', 'infraestrutura', 'Redes, servidores e acessos', TRUE, NULL, 0, FALSE, FALSE, FALSE, CURRENT_TIMESTAMP, 0),
('00000000-0000-4000-8000-000000000301', 'TICKET_TYPE', NULL, 'Incidente', 'incidente', 'Algo parou de funcionar', TRUE, NULL, 0, FALSE, FALSE, FALSE, CURRENT_TIMESTAMP, 0),
('00000000-0000-4000-8000-000000000302', 'TICKET_TYPE', NULL, 'Solicitação', 'solicitação', 'Pedido de serviço, acesso ou equipamento', TRUE, NULL, 0, FALSE, FALSE, FALSE, CURRENT_TIMESTAMP, 0),
('00000000-0000-4000-8000-000000000303', 'TICKET_TYPE', NULL, 'Dúvida', 'dúvida', 'Pergunta sobre uso', TRUE, NULL, 0, FALSE, FALSE, FALSE, CURRENT_TIMESTAMP, 0),
('00000000-0000-4000-8000-000000000401', 'CATEGORY', NULL, 'Hardware', 'hardware', 'Computadores, impressoras e periféricos', TRUE, NULL, 0, FALSE, FALSE, FALSE, CURRENT_TIMESTAMP, 0),
('00000000-0000-4000-8000-000000000402', 'CATEGORY', NULL, 'Software', 'software', 'Sistemas e aplicativos', TRUE, NULL, 0, FALSE, FALSE, FALSE, CURRENT_TIMESTAMP, 0),
('00000000-0000-4000-8000-000000000403', 'CATEGORY', NULL, 'Acesso', 'acesso', 'Contas, senhas e permissões', TRUE, NULL, 0, FALSE, FALSE, FALSE, CURRENT_TIMESTAMP, 0),
('00000000-0000-4000-8000-000000000404', 'CATEGORY', NULL, 'Rede', 'rede', 'Internet, Wi-Fi e VPN', TRUE, NULL, 0, FALSE, FALSE, FALSE, CURRENT_TIMESTAMP, 0);

INSERT INTO catalog_entry (id, kind, parent_id, name, name_normalized, description, enabled, color, display_order,
                           is_initial, is_resolving, is_final, created_at, version) VALUES
('00000000-0000-4000-8000-000000000501', 'SUBCATEGORY', '00000000-0000-4000-8000-000000000401', 'Computador', 'computador', NULL, TRUE, NULL, 0, FALSE, FALSE, FALSE, CURRENT_TIMESTAMP, 0),
('00000000-0000-4000-8000-000000000502', 'SUBCATEGORY', '00000000-0000-4000-8000-000000000401', 'Impressora', 'impressora', NULL, TRUE, NULL, 0, FALSE, FALSE, FALSE, CURRENT_TIMESTAMP, 0),
('00000000-0000-4000-8000-000000000503', 'SUBCATEGORY', '00000000-0000-4000-8000-000000000402', 'E-mail', 'e-mail', NULL, TRUE, NULL, 0, FALSE, FALSE, FALSE, CURRENT_TIMESTAMP, 0),
('00000000-0000-4000-8000-000000000504', 'SUBCATEGORY', '00000000-0000-4000-8000-000000000402', 'Sistema interno', 'sistema interno', NULL, TRUE, NULL, 0, FALSE, FALSE, FALSE, CURRENT_TIMESTAMP, 0),
('00000000-0000-4000-8000-000000000505', 'SUBCATEGORY', '00000000-0000-4000-8000-000000000403', 'Senha', 'senha', NULL, TRUE, NULL, 0, FALSE, FALSE, FALSE, CURRENT_TIMESTAMP, 0),
('00000000-0000-4000-8000-000000000506', 'SUBCATEGORY', '00000000-0000-4000-8000-000000000403', 'Permissões', 'permissões', NULL, TRUE, NULL, 0, FALSE, FALSE, FALSE, CURRENT_TIMESTAMP, 0);
