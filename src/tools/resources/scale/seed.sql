-- Synthetic data set at scale (docs/scale.md). Run by ScaleData on one connection, after Flyway and after it wrote
-- the parameters into scale_dataset. Every value is a function of (row number, seed): the same parameters and anchor
-- give the same rows, whatever plan PostgreSQL picks. Steps are separated by "-- step:" lines.

-- step: helpers
SET work_mem = '256MB';
SET maintenance_work_mem = '512MB';
SET synchronous_commit = off;

CREATE TEMP TABLE p AS
SELECT seed, tickets, comments, users, departments, anchor,
       greatest(2, least(users / 4, greatest(2 * departments, users / 20))) AS agents,
       least(5, greatest(1, users / 2000)) AS admins
FROM scale_dataset;
ANALYZE p;

-- u(i, salt): a uniform number in [0, 1) that depends only on i, salt and the seed.
CREATE FUNCTION pg_temp.u(i bigint, salt int, seed int) RETURNS float8 LANGUAGE sql IMMUTABLE AS
$$ SELECT (hashint8extended(i, seed * 1000 + salt) & 4503599627370495)::float8 / 4503599627370496 $$;

CREATE FUNCTION pg_temp.pick(words text[], x float8) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT words[1 + floor(x * array_length(words, 1))::int] $$;

CREATE FUNCTION pg_temp.uid(kind text, i bigint) RETURNS uuid LANGUAGE sql IMMUTABLE AS
$$ SELECT md5('echamado-scale-' || kind || '-' || i)::uuid $$;

CREATE FUNCTION pg_temp.title(i bigint, seed int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT pg_temp.pick(ARRAY['Impressora', 'Notebook', 'Computador', 'Monitor', 'Teclado', 'Mouse', 'Telefone IP',
         'Celular corporativo', 'VPN', 'Wi-Fi', 'Rede cabeada', 'E-mail', 'Outlook', 'Teams', 'Planilha', 'Sistema ERP',
         'Sistema de ponto', 'Portal do RH', 'Folha de pagamento', 'Senha', 'Conta de rede', 'Acesso à pasta', 'Scanner',
         'Projetor', 'Nobreak', 'Servidor de arquivos', 'Certificado digital', 'Antivírus', 'Navegador', 'Leitor de PDF',
         'Webcam', 'Fone de ouvido', 'Dock station', 'Impressora fiscal', 'Catraca', 'Crachá', 'Backup', 'Banco de dados',
         'Intranet', 'Licença do Office'], pg_temp.u(i, 11, seed))
    || ' ' || pg_temp.pick(ARRAY['não liga', 'não imprime', 'travando', 'muito lento', 'sem conexão', 'com erro',
         'fora do ar', 'não sincroniza', 'pedindo senha', 'bloqueado', 'expirado', 'sem acesso', 'reiniciando sozinho',
         'com tela azul', 'sem som', 'não reconhece', 'perdeu configuração', 'com atualização pendente',
         'instalação solicitada', 'troca solicitada', 'liberação de acesso', 'apresentando falhas', 'desconfigurado',
         'não abre', 'fechando sozinho', 'com lentidão', 'intermitente', 'sem sinal', 'com ruído', 'quebrado'],
         pg_temp.u(i, 12, seed))
    || ' ' || pg_temp.pick(ARRAY['no setor financeiro', 'na recepção', 'no almoxarifado', 'na sala de reuniões',
         'no RH', 'na diretoria', 'no laboratório', 'na filial Campinas', 'na filial Recife', 'na filial Curitiba',
         'no call center', 'na contabilidade', 'no jurídico', 'no marketing', 'na logística', 'no depósito',
         'no segundo andar', 'no terceiro andar', 'em home office', 'no auditório', 'na expedição', 'no compras',
         'na tesouraria', 'no faturamento', 'na produção'], pg_temp.u(i, 13, seed))
$$;

CREATE FUNCTION pg_temp.sentence(i bigint, salt int, seed int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT pg_temp.pick(ARRAY['Desde ontem', 'Hoje pela manhã', 'Depois da última atualização', 'Toda vez que ligo',
         'Quando tento acessar', 'Ao abrir o sistema', 'Durante a reunião', 'Na virada do mês', 'Após a troca de sala',
         'Desde segunda-feira', 'Com frequência', 'De vez em quando'], pg_temp.u(i, salt, seed))
    || ' ' || pg_temp.pick(ARRAY['aparece uma mensagem de erro', 'a tela fica congelada', 'o equipamento desliga',
         'a conexão cai', 'o acesso é negado', 'o arquivo não salva', 'a impressão sai borrada',
         'o login falha com senha correta', 'o programa fecha sem aviso', 'a página não carrega',
         'o relatório sai em branco', 'a sincronização não termina', 'o certificado é recusado',
         'o áudio fica cortado', 'a lentidão impede o trabalho', 'os colegas também reclamam'], pg_temp.u(i, salt + 1, seed))
    || ' ' || pg_temp.pick(ARRAY['e preciso de ajuda com urgência.', 'e já reiniciei o computador.',
         'mesmo depois de limpar o cache.', 'e isso atrasa o fechamento.', 'e o cliente está aguardando.',
         'e não encontrei solução no manual.', 'e outros usuários também foram afetados.', 'e o prazo vence amanhã.',
         'conforme o print em anexo.', 'apenas nesta estação.'], pg_temp.u(i, salt + 2, seed))
$$;

CREATE FUNCTION pg_temp.description(i bigint, seed int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT pg_temp.pick(ARRAY['Bom dia,', 'Boa tarde,', 'Olá,', 'Prezados,', 'Equipe de suporte,', 'Oi,'],
           pg_temp.u(i, 20, seed))
    || ' ' || pg_temp.sentence(i, 21, seed)
    || ' ' || pg_temp.sentence(i, 24, seed)
    || CASE WHEN pg_temp.u(i, 27, seed) < 0.5 THEN ' ' || pg_temp.sentence(i, 28, seed) ELSE '' END
    || ' Patrimônio PAT-' || (10000 + floor(pg_temp.u(i, 31, seed) * 90000)::int)
    || CASE WHEN pg_temp.u(i, 32, seed) < 0.3
            THEN ' Código de erro 0x' || upper(to_hex(floor(pg_temp.u(i, 33, seed) * 65536)::int)) || '.' ELSE '' END
    || ' ' || pg_temp.pick(ARRAY['Obrigado.', 'Aguardo retorno.', 'Atenciosamente.', 'Grato pela atenção.',
           'Fico no aguardo.', 'Obrigada.'], pg_temp.u(i, 34, seed))
$$;

CREATE FUNCTION pg_temp.reply(k bigint, seed int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT pg_temp.pick(ARRAY['Verifiquei o equipamento e', 'Conforme combinado,', 'Acessei remotamente e',
         'Falei com o fornecedor e', 'Testei novamente e', 'Atualizei o driver e', 'Reiniciei o serviço e',
         'Troquei o cabo de rede e', 'Redefini a senha e', 'Liberei a permissão e', 'Reinstalei o aplicativo e',
         'Abri chamado com o fabricante e'], pg_temp.u(k, 41, seed))
    || ' ' || pg_temp.pick(ARRAY['o problema foi resolvido.', 'o erro continua.', 'preciso de mais informações.',
         'aguardo sua confirmação.', 'a peça de reposição foi pedida.', 'o acesso já está liberado.',
         'a configuração foi corrigida.', 'vou acompanhar até amanhã.', 'o equipamento será substituído.',
         'o sistema voltou a responder.'], pg_temp.u(k, 42, seed))
    || CASE WHEN pg_temp.u(k, 43, seed) < 0.4 THEN ' ' || pg_temp.sentence(k, 44, seed) ELSE '' END
$$;

-- step: users
-- Users 1..admins are ADMIN, the next ones SUPPORT (agents), the rest USER. One bcrypt hash (of ScaleData.PASSWORD),
-- computed once by ScaleData, serves every user.
INSERT INTO app_user (id, email, email_normalized, full_name, password_hash, enabled, must_change_password,
                      failed_logins, language, created_at, version)
SELECT pg_temp.uid('user', n), e, e,
       pg_temp.pick(ARRAY['Ana', 'Bruno', 'Carla', 'Diego', 'Eduarda', 'Felipe', 'Gabriela', 'Henrique', 'Isabela',
           'João', 'Larissa', 'Marcos', 'Natália', 'Otávio', 'Paula', 'Rafael', 'Sabrina', 'Thiago', 'Vanessa',
           'Wagner', 'Beatriz', 'Caio', 'Fernanda', 'Lucas', 'Mariana', 'Pedro', 'Renata', 'Vitor'],
           pg_temp.u(n, 1, p.seed))
       || ' ' || pg_temp.pick(ARRAY['Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves',
           'Pereira', 'Lima', 'Gomes', 'Costa', 'Ribeiro', 'Martins', 'Carvalho', 'Almeida', 'Lopes', 'Soares',
           'Fernandes', 'Vieira', 'Barbosa', 'Rocha', 'Dias', 'Nascimento', 'Andrade', 'Moreira', 'Nunes'],
           pg_temp.u(n, 2, p.seed)),
       s.password_hash, TRUE, FALSE, 0, 'pt-BR', p.anchor - interval '4 years', 0
FROM p, scale_dataset s, generate_series(1, p.users) AS n,
     LATERAL (SELECT CASE WHEN n <= p.admins THEN 'admin' || n
                          WHEN n <= p.admins + p.agents THEN 'agente' || (n - p.admins)
                          ELSE 'usuario' || (n - p.admins - p.agents) END || '@escala.echamado.test' AS e) AS mail;

INSERT INTO app_user_role (user_id, role)
SELECT pg_temp.uid('user', n),
       CASE WHEN n <= p.admins THEN 'ADMIN' WHEN n <= p.admins + p.agents THEN 'SUPPORT' ELSE 'USER' END
FROM p, generate_series(1, p.users) AS n;

-- step: departments
-- The two default departments stay; the others get fixed ids 00000000-0000-4000-8000-000000000203 and on.
CREATE TEMP TABLE dept AS
SELECT d, CASE d WHEN 0 THEN '00000000-0000-4000-8000-000000000201'::uuid
                 WHEN 1 THEN '00000000-0000-4000-8000-000000000202'::uuid
                 ELSE ('00000000-0000-4000-8000-' || lpad((201 + d)::text, 12, '0'))::uuid END AS id
FROM p, generate_series(0, p.departments - 1) AS d;

INSERT INTO catalog_entry (id, kind, parent_id, name, name_normalized, description, enabled, color, display_order,
                           is_initial, is_resolving, is_final, created_at, version)
SELECT dept.id, 'DEPARTMENT', NULL, n.name, lower(n.name), 'Departamento gerado para testes de escala', TRUE, NULL, 0,
       FALSE, FALSE, FALSE, p.anchor - interval '4 years', 0
FROM p, dept, LATERAL (SELECT (ARRAY['Financeiro', 'Recursos Humanos', 'Jurídico', 'Compras', 'Logística',
        'Marketing', 'Vendas', 'Contabilidade', 'Facilities', 'Segurança da Informação', 'Telefonia', 'Sistemas ERP',
        'Desenvolvimento', 'Banco de Dados', 'Field Service', 'Service Desk N2', 'Qualidade', 'Expedição'])[dept.d - 1]
        || CASE WHEN dept.d > 19 THEN ' ' || dept.d ELSE '' END AS name) AS n
WHERE dept.d >= 2;

-- Agent j works in department j mod D, and every third agent also in another one.
INSERT INTO department_agent (department_id, user_id)
SELECT DISTINCT dept.id, pg_temp.uid('user', p.admins + 1 + j)
FROM p, generate_series(0, p.agents - 1) AS j,
     LATERAL (VALUES (j % p.departments), (CASE WHEN j % 3 = 0 THEN (j * 7 + 3) % p.departments END)) AS m(d)
     JOIN dept ON dept.d = m.d;

CREATE TEMP TABLE dept_agents AS
SELECT dept.d, array_agg(a.user_id ORDER BY a.user_id) AS agents
FROM dept JOIN department_agent a ON a.department_id = dept.id GROUP BY dept.d;
ANALYZE dept;
ANALYZE dept_agents;

-- step: tickets
-- Opened at a constant rate over three years before the anchor, in number order. Old tickets are closed but for a
-- stale 1.5 %; recent ones are likely still open. Departments and requesters are skewed, priorities and statuses
-- weighted like a real desk.
CREATE UNLOGGED TABLE scale_ticket_stage AS
SELECT i, pg_temp.uid('ticket', i) AS id, 999 + i AS number, opened_at, age_days, d, requester_n,
       u_open < 0.015 + 0.85 * exp(-age_days / 10) AS open,
       pg_temp.u(i, 5, p.seed) AS u_status, pg_temp.u(i, 6, p.seed) AS u_assign,
       pg_temp.u(i, 7, p.seed) AS u_type, pg_temp.u(i, 8, p.seed) AS u_cat, pg_temp.u(i, 9, p.seed) AS u_prio,
       pg_temp.u(i, 10, p.seed) AS u_due, pg_temp.u(i, 14, p.seed) AS u_resp, pg_temp.u(i, 15, p.seed) AS u_res,
       pg_temp.u(i, 16, p.seed) AS u_close, pg_temp.u(i, 17, p.seed) AS u_rate, pg_temp.u(i, 18, p.seed) AS u_by
FROM p, generate_series(1, p.tickets) AS i,
     LATERAL (SELECT p.anchor - interval '1095 days' * ((p.tickets - i + 0.5) / p.tickets)
                     + interval '1 minute' * floor(pg_temp.u(i, 1, p.seed) * 30) AS opened_at) AS o,
     LATERAL (SELECT extract(epoch FROM p.anchor - o.opened_at) / 86400 AS age_days,
                     floor(p.departments * pg_temp.u(i, 2, p.seed) ^ 1.6)::int AS d,
                     p.admins + p.agents + 1
                         + floor((p.users - p.admins - p.agents) * pg_temp.u(i, 3, p.seed) ^ 1.3)::int AS requester_n,
                     pg_temp.u(i, 4, p.seed) AS u_open) AS x;
ANALYZE scale_ticket_stage;

CREATE UNLOGGED TABLE scale_ticket_row AS
SELECT s.i, s.id, s.number, s.opened_at, dept.id AS department_id, st.status, st.status_id,
       pg_temp.uid('user', CASE WHEN s.u_by < 0.03 THEN p.admins + 1 + (s.i % p.agents) ELSE s.requester_n END)
           AS requester_id,
       CASE WHEN st.status = 'open' AND s.u_assign < 0.5 THEN NULL
            ELSE da.agents[1 + floor(s.u_assign * array_length(da.agents, 1))::int] END AS assignee_id,
       CASE WHEN s.u_type < 0.5 THEN '00000000-0000-4000-8000-000000000301'::uuid
            WHEN s.u_type < 0.85 THEN '00000000-0000-4000-8000-000000000302'::uuid
            ELSE '00000000-0000-4000-8000-000000000303'::uuid END AS type_id,
       ('00000000-0000-4000-8000-' || lpad((400 + c.k)::text, 12, '0'))::uuid AS category_id,
       CASE WHEN c.k = 4 OR c.u_sub < 0.3 THEN NULL
            ELSE ('00000000-0000-4000-8000-' || lpad((499 + 2 * c.k + (c.u_sub < 0.65)::int)::text, 12, '0'))::uuid
       END AS subcategory_id,
       CASE WHEN s.u_prio < 0.2 THEN 'LOW' WHEN s.u_prio < 0.7 THEN 'NORMAL' WHEN s.u_prio < 0.92 THEN 'HIGH'
            ELSE 'URGENT' END AS priority,
       CASE WHEN s.u_due < 0.6 THEN s.opened_at + interval '4 hours' + interval '10 days' * (s.u_due / 0.6) END
           AS due_at,
       CASE WHEN st.status = 'open' AND s.u_resp >= 0.2 THEN NULL
            ELSE s.opened_at + least(interval '1 day' * s.age_days * 0.5,
                                     interval '5 minutes' + interval '2 days' * s.u_resp ^ 3) END AS first_response_at,
       res.resolved_at,
       CASE WHEN st.status = 'closed' THEN least(p.anchor, res.resolved_at + interval '3 days' * s.u_close) END
           AS closed_at,
       s.u_rate
FROM p, scale_ticket_stage s
JOIN dept ON dept.d = s.d
JOIN dept_agents da ON da.d = s.d
CROSS JOIN LATERAL (SELECT CASE WHEN NOT s.open THEN 'closed'
                                WHEN s.u_status < 0.4 THEN 'open'
                                WHEN s.u_status < 0.7 THEN 'working'
                                WHEN s.u_status < 0.85 THEN 'waiting'
                                ELSE 'resolved' END AS status) AS s0
CROSS JOIN LATERAL (SELECT s0.status,
                           CASE s0.status WHEN 'open' THEN '00000000-0000-4000-8000-000000000101'::uuid
                                          WHEN 'working' THEN '00000000-0000-4000-8000-000000000102'::uuid
                                          WHEN 'waiting' THEN '00000000-0000-4000-8000-000000000103'::uuid
                                          WHEN 'resolved' THEN '00000000-0000-4000-8000-000000000104'::uuid
                                          ELSE '00000000-0000-4000-8000-000000000105'::uuid END AS status_id) AS st
CROSS JOIN LATERAL (SELECT 1 + floor(s.u_cat * 4)::int AS k, pg_temp.u(s.i, 19, p.seed) AS u_sub) AS c
CROSS JOIN LATERAL (SELECT CASE WHEN st.status IN ('resolved', 'closed')
                                THEN s.opened_at + least(interval '1 day' * s.age_days * 0.8,
                                                         interval '1 hour' + interval '14 days' * s.u_res ^ 2)
                           END AS resolved_at) AS res;
CREATE UNIQUE INDEX ON scale_ticket_row (i);
ANALYZE scale_ticket_row;

-- step: comments
-- Comment k belongs to a uniformly drawn ticket (about comments/tickets each, Poisson-like), written between the
-- opening and the closing (or the anchor). A fifth are internal notes, 1 % were deleted.
CREATE UNLOGGED TABLE scale_comment_stage AS
SELECT c.k, r.id AS ticket_id, pg_temp.uid('comment', c.k) AS id,
       CASE WHEN c.internal OR pg_temp.u(c.k, 52, p.seed) < 0.5 THEN coalesce(r.assignee_id, r.requester_id)
            ELSE r.requester_id END AS author_id,
       c.internal, pg_temp.reply(c.k, p.seed) AS body,
       r.opened_at + (coalesce(r.closed_at, p.anchor) - r.opened_at) * pg_temp.u(c.k, 53, p.seed) AS created_at,
       pg_temp.u(c.k, 54, p.seed) < 0.01 AS deleted
FROM p CROSS JOIN LATERAL (
         SELECT k, 1 + floor(p.tickets * pg_temp.u(k, 50, p.seed))::bigint AS i,
                pg_temp.u(k, 51, p.seed) < 0.2 AS internal
         FROM generate_series(1, p.comments) AS k) AS c
JOIN scale_ticket_row r ON r.i = c.i;

CREATE UNLOGGED TABLE scale_public_text AS
SELECT ticket_id, string_agg(body, ' ') AS bodies FROM scale_comment_stage
WHERE NOT internal AND NOT deleted GROUP BY ticket_id;
ANALYZE scale_comment_stage;
ANALYZE scale_public_text;

-- step: load
-- Indexes of ticket and ticket_comment (but those of constraints) are dropped for the load and built again after:
-- building once is much faster than maintaining them row by row. Foreign keys hold by construction.
CREATE TEMP TABLE saved_index AS
SELECT i.indexname, i.indexdef FROM pg_indexes i
WHERE i.schemaname = current_schema() AND i.tablename IN ('ticket', 'ticket_comment')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname);
DO $$ DECLARE r record; BEGIN
    FOR r IN SELECT indexname FROM saved_index LOOP EXECUTE 'DROP INDEX ' || quote_ident(r.indexname); END LOOP;
END $$;
SET session_replication_role = replica;

INSERT INTO ticket (id, number, title, description, type_id, category_id, subcategory_id, department_id, priority,
                    status_id, is_closed, requester_id, assignee_id, created_by, due_at, opened_at, first_response_at,
                    resolved_at, closed_at, updated_at, resolution, rating, rating_comment, version, search_document)
SELECT r.id, r.number, title.t, descr.t, r.type_id, r.category_id, r.subcategory_id, r.department_id, r.priority,
       r.status_id, r.status = 'closed', r.requester_id, r.assignee_id,
       CASE WHEN r.u_rate > 0.9 THEN coalesce(r.assignee_id, r.requester_id) ELSE r.requester_id END,
       r.due_at, r.opened_at, r.first_response_at, r.resolved_at, r.closed_at,
       greatest(r.opened_at, r.first_response_at, r.resolved_at, r.closed_at),
       CASE WHEN r.resolved_at IS NOT NULL THEN pg_temp.reply(r.i + 100000000, p.seed) END,
       rate.rating,
       CASE WHEN rate.rating IS NOT NULL AND r.u_rate < 0.1
            THEN pg_temp.pick(ARRAY['Atendimento rápido, obrigado!', 'Resolveu, mas demorou.',
                 'Excelente suporte.', 'O problema voltou depois.', 'Muito educados.'], r.u_rate * 10) END,
       0,
       setweight(to_tsvector('echamado_pt', r.number::text || ' ' || title.t), 'A')
           || setweight(to_tsvector('echamado_pt', descr.t), 'B')
           || setweight(to_tsvector('echamado_pt', coalesce(pub.bodies, '')), 'C')
FROM p, scale_ticket_row r
CROSS JOIN LATERAL (SELECT pg_temp.title(r.i, p.seed) AS t) AS title
CROSS JOIN LATERAL (SELECT pg_temp.description(r.i, p.seed) AS t) AS descr
CROSS JOIN LATERAL (SELECT CASE WHEN r.status = 'closed' AND r.u_rate < 0.35
                                THEN (ARRAY[1, 2, 3, 3, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5])[1 + floor(r.u_rate / 0.35 * 14)::int]
                           END AS rating) AS rate
LEFT JOIN scale_public_text AS pub ON pub.ticket_id = r.id
ORDER BY r.i;

INSERT INTO ticket_comment (id, ticket_id, author_id, internal, body, created_at, edited_at, deleted_at, version)
SELECT id, ticket_id, author_id, internal, body, created_at, NULL,
       CASE WHEN deleted THEN created_at + interval '5 minutes' END, 0
FROM scale_comment_stage ORDER BY created_at, id;

SET session_replication_role = origin;
SELECT setval('ticket_number_seq', (SELECT coalesce(max(number), 999) + 1 FROM ticket));

-- step: dashboard counters
-- The application keeps them per change (TicketStatistics); a bulk load refills them from the V70 views.
DELETE FROM ticket_open_count;
INSERT INTO ticket_open_count (department_id, status_id, priority, unassigned, n)
SELECT department_id, status_id, priority, unassigned, n FROM ticket_open_recount;
DELETE FROM ticket_daily_count;
INSERT INTO ticket_daily_count
    (stat_day, department_id, opened, closed, first_response_us, first_responses, resolution_us, resolutions)
SELECT stat_day, department_id, opened, closed, first_response_us, first_responses, resolution_us, resolutions
FROM ticket_daily_recount;

-- step: indexes
DO $$ DECLARE r record; BEGIN
    FOR r IN SELECT indexdef FROM saved_index LOOP EXECUTE r.indexdef; END LOOP;
END $$;
DROP TABLE scale_ticket_stage;
DROP TABLE scale_ticket_row;
DROP TABLE scale_comment_stage;
DROP TABLE scale_public_text;

-- step: vacuum ticket
VACUUM (ANALYZE) ticket;

-- step: vacuum ticket_comment
VACUUM (ANALYZE) ticket_comment;

-- step: analyze
ANALYZE app_user;
ANALYZE app_user_role;
ANALYZE catalog_entry;
ANALYZE department_agent;
