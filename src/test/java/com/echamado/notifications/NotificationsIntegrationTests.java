package com.echamado.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.echamado.identity.NewUser;
import com.echamado.identity.Role;
import com.echamado.identity.UserManagement;
import com.echamado.identity.UserView;
import com.echamado.sla.SlaBreached;
import com.echamado.sla.SlaTarget;
import com.echamado.sla.SlaWarning;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestEvents;
import com.echamado.support.TestHttp;
import com.echamado.support.TestMail;
import com.echamado.support.TestUsers;
import com.echamado.tickets.TicketStatusChanged;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * E-mail through an in-process SMTP server and webhooks to a receiver in the test, through the typed in-process
 * listeners and the event publication registry.
 */
class NotificationsIntegrationTests extends IntegrationTest {

    static final String SUPPORT = "00000000-0000-4000-8000-000000000201";
    static final String INCIDENT = "00000000-0000-4000-8000-000000000301";
    static final String HARDWARE = "00000000-0000-4000-8000-000000000401";
    /** {@code echamado.notifications.public-url} in the test profile: not this server's address. */
    static final String PUBLIC_URL = "https://help.echamado.test";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserManagement userManagement;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    MeterRegistry meters;

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresToAnswer = new AtomicInteger();

    record Received(String signature, String deliveryId, String eventType, String body, int answered) {}

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresToAnswer.getAndDecrement() > 0 ? 500 : 204;
            received.add(new Received(
                    exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER),
                    exchange.getRequestHeaders().getFirst("X-EChamado-Delivery"),
                    exchange.getRequestHeaders().getFirst("X-EChamado-Event"),
                    body,
                    status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void agentsOfTheDepartmentAreToldOfANewTicketInTheirLanguage() throws Exception {
        UserView portuguese = agent("pt-BR");
        UserView english = agent("en");
        UserView requester = users.create(Role.USER);
        JsonNode ticket = open(requester, "Impressora sem toner " + UUID.randomUUID());
        long number = ticket.get("number").asLong();

        MimeMessage pt = awaitMail(portuguese.email(), "#" + number);
        assertThat(pt.getSubject())
                .isEqualTo("[EChamado] Novo chamado #" + number + ": "
                        + ticket.get("title").asString());
        // a requester's priority is ignored (the desk decides it): NORMAL, shown as its label
        assertThat(GreenMailUtil.getBody(pt))
                .contains("Um novo chamado foi aberto", "Prioridade: Normal")
                .doesNotContain("NORMAL");
        MimeMessage en = awaitMail(english.email(), "#" + number);
        assertThat(en.getSubject()).startsWith("[EChamado] New ticket #" + number);
        assertThat(GreenMailUtil.getBody(en))
                .contains("Priority: Normal", "https://help.echamado.test/tickets/" + number);
        MimeMessage confirmation = awaitMail(requester.email(), "#" + number);
        assertThat(confirmation.getSubject()).startsWith("[EChamado] Recebemos seu chamado #" + number);
        assertThat(mailsTo(requester.email()))
                .as("the requester gets the confirmation, not the department's mail")
                .hasSize(1);
    }

    @Test
    void everyLinkInTheMailsOfATicketsLifeOpensItsPageForTheRecipientAfterSignIn() {
        UserView agent = agent("pt-BR");
        UserView requester = users.create(Role.USER);
        JsonNode ticket = open(requester, "Links " + UUID.randomUUID());
        String number = "#" + ticket.get("number").asLong();
        String path = "/api/v1/tickets/" + ticket.get("id").asString();
        comment(users.token(agent), path, "Qual é o modelo?", false);
        comment(users.token(requester), path, "Modelo X200", false);

        followLinks(awaitMail(requester.email(), "Recebemos"), requester);
        followLinks(awaitMail(requester.email(), "Nova resposta"), requester);
        followLinks(awaitMail(agent.email(), "Novo chamado " + number), agent);
        followLinks(awaitMail(agent.email(), "O solicitante respondeu"), agent);
    }

    /** Signs in as the recipient and opens every link of the mail on this server: each answers 200. */
    private void followLinks(MimeMessage mail, UserView recipient) {
        java.util.regex.Matcher links =
                java.util.regex.Pattern.compile("https?://\\S+").matcher(text(mail));
        TestHttp browser = http();
        browser.login(recipient.email(), TestUsers.PASSWORD);
        int followed = 0;
        while (links.find()) {
            String link = links.group();
            assertThat(link).as("links use the public URL").startsWith(PUBLIC_URL + "/");
            HttpResponse<String> page = browser.get(link.substring(PUBLIC_URL.length()));
            assertThat(page.statusCode()).as(link).isEqualTo(200);
            followed++;
        }
        assertThat(followed).as("the ticket and the profile page").isEqualTo(2);
    }

    @Test
    void theAssigneeHearsOfTheRequestersReplyAndTheDepartmentWhileUnassigned() throws Exception {
        UserView agent = agent("en");
        UserView requester = users.create(Role.USER);
        String requesterToken = users.token(requester);
        JsonNode unassigned = open(requester, "Sem dono " + UUID.randomUUID());
        comment(requesterToken, "/api/v1/tickets/" + unassigned.get("id").asString(), "Ainda sem rede", false);
        MimeMessage toDepartment = awaitMail(agent.email(), "The requester replied");
        assertThat(toDepartment.getSubject())
                .contains("#" + unassigned.get("number").asLong());
        assertThat(text(toDepartment)).contains("Ainda sem rede");

        UserView assignee = agent("pt-BR");
        JsonNode assigned = open(requester, "Com dono " + UUID.randomUUID());
        String path = "/api/v1/tickets/" + assigned.get("id").asString();
        String adminToken = users.token(users.create(Role.ADMIN));
        HttpResponse<String> current = http().json("GET", path, adminToken, null);
        HttpResponse<String> assign = http().jsonWithHeader(
                        "POST",
                        path + "/assign",
                        adminToken,
                        "{\"assigneeId\":\"%s\"}".formatted(assignee.id()),
                        "If-Match",
                        current.headers().firstValue("ETag").orElseThrow());
        assertThat(assign.statusCode()).as(assign.body()).isEqualTo(200);
        comment(requesterToken, path, "Reiniciei e nada", false);
        String number = "#" + assigned.get("number").asLong();
        MimeMessage toAssignee = awaitMail(assignee.email(), "O solicitante respondeu no chamado " + number);
        assertThat(text(toAssignee)).contains("Reiniciei e nada");
        awaitMailsSent(assigned.get("id").asString()); // the listeners run in parallel: the new-ticket mail too
        assertThat(mailsAbout(agent, number))
                .as("another agent of the department: only the new-ticket mail")
                .hasSize(1);
    }

    @Test
    void switchingEmailOffOnTheProfilePageStopsTheMails() {
        UserView agent = agent("pt-BR");
        UserView requester = users.create(Role.USER);
        TestHttp browser = http();
        browser.login(requester.email(), TestUsers.PASSWORD);
        String form = browser.get("/account/profile").body();
        assertThat(form).containsPattern("id=\"emailNotifications1\"[^>]*checked");
        HttpResponse<String> saved = browser.postForm(
                "/account/profile",
                java.util.Map.of(
                        "fullName", "Sem e-mail",
                        "language", "pt-BR",
                        "_emailNotifications", "on",
                        "_csrf", TestHttp.csrf(form)));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(browser.get("/account/profile").body())
                .doesNotContainPattern("id=\"emailNotifications1\"[^>]*checked");

        getsNoMailWhileAControlDoes(agent, requester);
    }

    @Test
    void whenOneAgentsMailFailsTheRetriesAndARedeliveryGiveEveryAgentExactlyOneCopy() throws Exception {
        // agents are mailed in the order of their ids: the one refused comes after the two others
        List<UserView> agents = Stream.generate(() -> agent("pt-BR"))
                .limit(3)
                .sorted(Comparator.comparing(agent -> agent.id().toString()))
                .toList();
        UserView unlucky = agents.get(2);
        TestMail.refuseNext(unlucky.email(), 4); // the first run and its three resubmissions (max-attempts 4)
        JsonNode ticket = open(users.create(Role.USER), "Falha parcial " + UUID.randomUUID());
        String number = "#" + ticket.get("number").asLong();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> deadLetters(ticket.get("id").asString()) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterGauge() >= 1);
        assertThat(TestMail.refusals(unlucky.email())).isEqualTo(4);
        assertThat(mailsTo(unlucky.email())).isEmpty();
        for (UserView served : agents.subList(0, 2)) {
            assertThat(mailsAbout(served, number))
                    .as("four runs of the event, one mail")
                    .hasSize(1);
        }

        // the operator resubmits the dead letters once the mailbox works again
        jdbc.update(Files.readString(Path.of("scripts/sql/resubmit-dead-letters.sql")));
        awaitMail(unlucky.email(), number); // the last of the three: the others were handled before
        for (UserView agent : agents) {
            assertThat(mailsAbout(agent, number)).as(agent.email()).hasSize(1);
        }
        assertThat(deadLetters(ticket.get("id").asString())).isZero();
    }

    @Test
    void anSlaWarningMailsTheAssigneeAndABreachWhileUnassignedMailsTheDepartmentsAgentsWhoWantEmail() throws Exception {
        UserView assignee = agent("pt-BR");
        UserView english = agent("en");
        UserView optedOut = agent("en");
        HttpResponse<String> off =
                http().json("PUT", "/api/v1/me/notifications", users.token(optedOut), "{\"email\":false}");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        long number = 900_000 + (long) (Math.random() * 99_999);
        UUID ticket = UUID.randomUUID();
        UUID department = UUID.fromString(SUPPORT);
        Instant due = Instant.parse("2026-03-02T15:30:00Z");
        SlaWarning warning = new SlaWarning(
                UUID.randomUUID(),
                Instant.now(),
                ticket,
                number,
                SlaTarget.FIRST_RESPONSE,
                0,
                due,
                null,
                department,
                assignee.id());
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(warning));

        MimeMessage pt = awaitMail(assignee.email(), "#" + number);
        assertThat(pt.getSubject())
                .isEqualTo("[EChamado] Prazo de SLA se aproximando no chamado #" + number + ": primeira resposta");
        assertThat(text(pt)).contains("vence em 2026-03-02 15:30 UTC", PUBLIC_URL + "/tickets/" + number);
        await().atMost(Duration.ofSeconds(10)).until(() -> unfinished(warning.eventId()) == 0);
        assertThat(mailsTo(english.email()))
                .as("the ticket has an assignee: only they hear")
                .isEmpty();

        SlaBreached breach = new SlaBreached(
                UUID.randomUUID(), Instant.now(), ticket, number, SlaTarget.RESOLUTION, 0, due, null, department, null);
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(breach));
        MimeMessage en = awaitMail(english.email(), "#" + number);
        assertThat(en.getSubject()).isEqualTo("[EChamado] SLA deadline breached on ticket #" + number + ": resolution");
        assertThat(text(en)).contains("passed at 2026-03-02 15:30 UTC without being met");
        awaitMail(assignee.email(), "estourado no chamado #" + number);
        await().atMost(Duration.ofSeconds(10)).until(() -> unfinished(breach.eventId()) == 0);
        assertThat(mailsTo(optedOut.email())).as("switched e-mail off").isEmpty();
        assertThat(mailsTo(english.email())).hasSize(1);
    }

    @Test
    void anEventTheRegistryDeliversAgainMailsAndCallsTheWebhookOnce() {
        String adminToken = users.token(users.create(Role.ADMIN));
        String hook = registerWebhook(adminToken, "redelivery-secret-0123456789", "[\"ticket.status-changed\"]");
        UserView requester = users.create(Role.USER);
        TicketStatusChanged event = TestEvents.statusChanged(requester.id(), 4243, "Entregue de novo");
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(event));
        awaitMail(requester.email(), "#4243");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> forTicket(event.ticketId().toString()).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> unfinished(event.eventId()) == 0);

        // as after a crash before the completion was recorded: the registry runs the listeners again
        List<UUID> again = jdbc.queryForList(
                "update event_publication set completion_date = null, status = 'FAILED'"
                        + " where serialized_event like ?"
                        + " and (listener_id like 'echamado.email.%' or listener_id = 'echamado.webhooks') returning id",
                UUID.class, "%" + event.eventId() + "%");
        assertThat(again).as("the e-mail and webhook listeners' publications").hasSize(2);
        incomplete.resubmitIncompletePublications(publication -> again.contains(publication.getIdentifier()));
        await().atMost(Duration.ofSeconds(10)).until(() -> unfinished(event.eventId()) == 0);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(mailsTo(requester.email())).hasSize(1);
            assertThat(forTicket(event.ticketId().toString())).hasSize(1);
        });
        assertThat(jdbc.queryForObject(
                        "select count(*) from webhook_delivery where event_id = ?", Integer.class, event.eventId()))
                .isEqualTo(1);
        http().json("DELETE", "/api/v1/webhooks/" + hook, adminToken, null);
    }

    @Test
    void theRequesterHearsOfPublicRepliesAndResolutionButNotOfInternalNotes() {
        UserView agent = agent("pt-BR");
        UserView requester = users.create(Role.USER);
        JsonNode ticket = open(requester, "Sem acesso ao e-mail " + UUID.randomUUID());
        String path = "/api/v1/tickets/" + ticket.get("id").asString();
        String agentToken = users.token(agent);

        comment(agentToken, path, "Nota interna: verificar licença", true);
        comment(agentToken, path, "Pode reiniciar o computador?", false);
        MimeMessage reply = awaitMail(requester.email(), "Nova resposta");
        assertThat(GreenMailUtil.getBody(reply)).contains("Pode reiniciar o computador?");

        HttpResponse<String> current = http().json("GET", path, agentToken, null);
        HttpResponse<String> resolved = http().jsonWithHeader(
                        "POST",
                        path + "/resolve",
                        agentToken,
                        "{\"resolution\":\"Senha redefinida.\"}",
                        "If-Match",
                        current.headers().firstValue("ETag").orElseThrow());
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        assertThat(GreenMailUtil.getBody(awaitMail(requester.email(), "resolvido")))
                .contains("Senha redefinida.");
        assertThat(mailsTo(requester.email()))
                .noneMatch(m -> GreenMailUtil.getBody(m).contains("Nota interna"));
    }

    @Test
    void aUserWhoSwitchedNotificationsOffGetsNoMail() {
        UserView agent = agent("pt-BR");
        UserView requester = users.create(Role.USER);
        String token = users.token(requester);
        HttpResponse<String> off = http().json("PUT", "/api/v1/me/notifications", token, "{\"email\":false}");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(http().json("GET", "/api/v1/me/notifications", token, null).body())
                .contains("\"email\":false");
        getsNoMailWhileAControlDoes(agent, requester);
    }

    /** The opted-out requester and a control open a ticket each and get a reply: only the control hears of it. */
    private void getsNoMailWhileAControlDoes(UserView agent, UserView optedOut) {
        UserView control = users.create(Role.USER);
        JsonNode ticket = open(optedOut, "Silêncio " + UUID.randomUUID());
        JsonNode controlTicket = open(control, "Controle " + UUID.randomUUID());
        String agentToken = users.token(agent);
        comment(agentToken, "/api/v1/tickets/" + ticket.get("id").asString(), "Olá", false);
        comment(agentToken, "/api/v1/tickets/" + controlTicket.get("id").asString(), "Olá", false);

        awaitMail(control.email(), "Nova resposta");
        awaitMailsSent(ticket.get("id").asString()); // the listeners run in parallel: the opted-out's events too
        assertThat(mailsTo(optedOut.email())).isEmpty();
    }

    @Test
    void webhookDeliveriesAreSignedAndRetriedAfterAFailure() throws Exception {
        UserView admin = users.create(Role.ADMIN);
        String adminToken = users.token(admin);
        String secret = "whsec-" + UUID.randomUUID();
        String hook = registerWebhook(adminToken, secret, "[\"ticket.opened\"]");
        failuresToAnswer.set(1);

        JsonNode ticket = open(users.create(Role.USER), "Webhook " + UUID.randomUUID());
        String ticketId = ticket.get("id").asString();

        await().atMost(Duration.ofSeconds(20)).until(() -> forTicket(ticketId).size() >= 2);
        List<Received> attempts = forTicket(ticketId);
        assertThat(attempts.get(0).answered()).isEqualTo(500);
        assertThat(attempts.get(1).answered()).isEqualTo(204);
        assertThat(attempts.get(1).deliveryId()).isEqualTo(attempts.get(0).deliveryId());
        for (Received attempt : attempts) {
            assertThat(attempt.eventType()).isEqualTo("ticket.opened");
            assertThat(verify(attempt.signature(), secret, attempt.body())).isTrue();
            assertThat(verify(attempt.signature(), "wrong-secret-0123456789", attempt.body()))
                    .isFalse();
        }
        JsonNode message = TestHttp.JSON.readTree(attempts.get(1).body());
        assertThat(message.get("type").asString()).isEqualTo("ticket.opened");
        assertThat(message.get("data").get("number").asLong())
                .isEqualTo(ticket.get("number").asLong());

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode deliveries =
                    TestHttp.parse(http().json("GET", "/api/v1/webhooks/" + hook + "/deliveries", adminToken, null));
            JsonNode delivery = deliveries.get(0);
            assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
            assertThat(delivery.get("lastStatus").asInt()).isEqualTo(204);
        });
        assertThat(http().json("GET", "/api/v1/webhooks/" + hook, adminToken, null)
                        .body())
                .doesNotContain(secret);
        http().json("DELETE", "/api/v1/webhooks/" + hook, adminToken, null);
    }

    @Test
    void aWebhookThatKeepsFailingIsDisabled() {
        String adminToken = users.token(users.create(Role.ADMIN));
        String hook = registerWebhook(adminToken, "another-secret-0123456789", "[\"ticket.*\"]");
        failuresToAnswer.set(1000);
        open(users.create(Role.USER), "Falha " + UUID.randomUUID());

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                TestHttp.parse(http().json("GET", "/api/v1/webhooks/" + hook, adminToken, null))
                                        .get("enabled")
                                        .asBoolean())
                        .isFalse());
        JsonNode deliveries =
                TestHttp.parse(http().json("GET", "/api/v1/webhooks/" + hook + "/deliveries", adminToken, null));
        assertThat(deliveries.get(0).get("status").asString()).isIn("CANCELLED", "FAILED");
        assertThat(deliveries.get(0).get("lastError").asString()).isEqualTo("HTTP 500");

        HttpResponse<String> enabled = http().json("POST", "/api/v1/webhooks/" + hook + "/enable", adminToken, null);
        assertThat(TestHttp.parse(enabled).get("enabled").asBoolean()).isTrue();
        http().json("DELETE", "/api/v1/webhooks/" + hook, adminToken, null);
    }

    @Test
    void webhooksRefuseUnknownEventTypesAndNonAdministrators() {
        String adminToken = users.token(users.create(Role.ADMIN));
        HttpResponse<String> unknown = http().json(
                        "POST",
                        "/api/v1/webhooks",
                        adminToken,
                        "{\"url\":\"https://example.test/h\",\"secret\":\"0123456789abcdef\",\"eventTypes\":[\"nope.never\"]}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(http().json("GET", "/api/v1/webhooks", users.token(users.create(Role.SUPPORT)), null)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void webhooksRefuseInternalTargetsAndOtherSchemesWithAFieldError() {
        String adminToken = users.token(users.create(Role.ADMIN));
        int before = webhookCount();
        for (String url : List.of(
                "http://127.0.0.1/",
                "http://169.254.169.254/latest/meta-data/",
                "http://[::1]/",
                "http://10.0.0.7:8080/hook",
                "http://192.168.1.1/",
                "http://[fd00::1]/",
                "http://0.0.0.0/",
                "ftp://files.example.com/hook")) {
            HttpResponse<String> refused = postWebhook(adminToken, url);
            assertThat(refused.statusCode()).as(url + " " + refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode error = TestHttp.parse(refused).get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("url");
            assertThat(error.get("message").asString()).as(url).containsAnyOf("resolves to", "Only http and https");
        }
        assertThat(webhookCount()).as("nothing registered").isEqualTo(before);
    }

    @Test
    void aWebhookToAPublicAddressIsAccepted() {
        String adminToken = users.token(users.create(Role.ADMIN));
        for (String url : List.of("https://93.184.215.14/echamado", "https://hooks.example.com/echamado")) {
            HttpResponse<String> created = postWebhook(adminToken, url);
            assertThat(created.statusCode()).as(url + " " + created.body()).isEqualTo(201);
            http().json(
                            "DELETE",
                            "/api/v1/webhooks/"
                                    + TestHttp.parse(created).get("id").asString(),
                            adminToken,
                            null);
        }
    }

    @Test
    void aDeliveryToATargetThatNowResolvesInternallyIsRefusedOnceAndRecorded() {
        String adminToken = users.token(users.create(Role.ADMIN));
        String hook = registerWebhook(adminToken, "rebinding-secret-0123456789", "[\"ticket.opened\"]");
        // as if the name had been re-pointed at an internal address after registration
        jdbc.update(
                "update webhook set url = ? where id = ?",
                "http://127.0.0.1:%d/hook".formatted(receiver.getAddress().getPort()),
                UUID.fromString(hook));
        String ticketId = open(users.create(Role.USER), "Rebinding " + UUID.randomUUID())
                .get("id")
                .asString();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode delivery = TestHttp.parse(
                            http().json("GET", "/api/v1/webhooks/" + hook + "/deliveries", adminToken, null))
                    .get(0);
            assertThat(delivery.get("status").asString()).isEqualTo("FAILED");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
            assertThat(delivery.get("lastError").asString())
                    .startsWith("Refused:")
                    .contains("loopback");
        });
        assertThat(forTicket(ticketId)).as("the receiver was never called").isEmpty();
        http().json("DELETE", "/api/v1/webhooks/" + hook, adminToken, null);
    }

    private static List<MimeMessage> mailsAbout(UserView recipient, String number) {
        return mailsTo(recipient.email()).stream()
                .filter(m -> subject(m).contains(number))
                .toList();
    }

    /** This ticket's e-mail publications that failed max-attempts times and wait for an operator. */
    private int deadLetters(String ticketId) {
        return jdbc.queryForObject(
                "select count(*) from event_publication where listener_id like 'echamado.email.%'"
                        + " and serialized_event like ? and completion_date is null and status = 'FAILED'"
                        + " and coalesce(completion_attempts, 1) >= 4",
                Integer.class, "%" + ticketId + "%");
    }

    private double deadLetterGauge() {
        var gauge = meters.find("echamado.events.dead.letters")
                .tag("consumer", "email")
                .gauge();
        return gauge == null ? 0 : gauge.value();
    }

    /** Waits until the e-mail listeners handled every event of this ticket published so far. */
    private void awaitMailsSent(String ticketId) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from event_publication where listener_id like 'echamado.email.%'"
                                        + " and serialized_event like ? and completion_date is null",
                                Integer.class, "%" + ticketId + "%")
                        == 0);
    }

    /** Publications of this event (by any listener) not completed yet. */
    private int unfinished(UUID eventId) {
        return jdbc.queryForObject(
                "select count(*) from event_publication where serialized_event like ? and completion_date is null",
                Integer.class,
                "%" + eventId + "%");
    }

    private HttpResponse<String> postWebhook(String adminToken, String url) {
        return http().json(
                        "POST",
                        "/api/v1/webhooks",
                        adminToken,
                        "{\"url\":\"%s\",\"secret\":\"0123456789abcdef\",\"eventTypes\":[\"ticket.opened\"]}"
                                .formatted(url));
    }

    private int webhookCount() {
        return jdbc.queryForObject("select count(*) from webhook", Integer.class);
    }

    private String registerWebhook(String adminToken, String secret, String eventTypes) {
        HttpResponse<String> created = http().json(
                        "POST",
                        "/api/v1/webhooks",
                        adminToken,
                        "{\"url\":\"http://localhost:%d/hook\",\"secret\":\"%s\",\"eventTypes\":%s}"
                                .formatted(receiver.getAddress().getPort(), secret, eventTypes));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return TestHttp.parse(created).get("id").asString();
    }

    /** What a receiver does: recompute HMAC-SHA256 over "t.body" and compare in constant time. */
    static boolean verify(String header, String secret, String body) {
        String[] parts = header.split(",");
        String timestamp = parts[0].substring("t=".length());
        String signature = parts[1].substring("v1=".length());
        String expected = WebhookSignature.hmac(secret, timestamp + "." + body);
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    private List<Received> forTicket(String ticketId) {
        return received.stream().filter(r -> r.body().contains(ticketId)).toList();
    }

    private UserView agent(String language) {
        String email = "agent-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        UserView agent = userManagement
                .create(
                        new NewUser(email, "Agente " + language, TestUsers.PASSWORD, Set.of(Role.SUPPORT), language),
                        null)
                .user();
        jdbc.update(
                "insert into department_agent (department_id, user_id) values (?, ?)",
                UUID.fromString(SUPPORT),
                agent.id());
        return agent;
    }

    private JsonNode open(UserView requester, String title) {
        String body = """
                {"title":"%s","description":"x","typeId":"%s","categoryId":"%s","departmentId":"%s","priority":"HIGH"}
                """.formatted(title, INCIDENT, HARDWARE, SUPPORT);
        HttpResponse<String> created = http().json("POST", "/api/v1/tickets", users.token(requester), body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return TestHttp.parse(created);
    }

    private String comment(String token, String ticketPath, String body, boolean internal) {
        HttpResponse<String> created = http().json(
                        "POST",
                        ticketPath + "/comments",
                        token,
                        "{\"body\":\"%s\",\"internal\":%s}".formatted(body, internal));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return TestHttp.parse(created).get("id").asString();
    }

    private static List<MimeMessage> mailsTo(String address) {
        return List.of(TestMail.SMTP.getReceivedMessagesForDomain(address));
    }

    private static MimeMessage awaitMail(String address, String subjectPart) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> mailsTo(address).stream()
                                .filter(m -> subject(m).contains(subjectPart))
                                .findFirst()
                                .orElse(null),
                        java.util.Objects::nonNull);
    }

    /** The decoded text of a plain-text mail. */
    private static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (jakarta.mail.MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
