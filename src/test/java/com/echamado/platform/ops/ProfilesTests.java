package com.echamado.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.echamado.EChamadoApplication;
import com.echamado.identity.Role;
import com.echamado.support.TestHttp;
import com.echamado.support.TestKeys;
import com.echamado.support.TestUsers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

class ProfilesTests {

    /**
     * The embedded default as a newcomer meets it: no external service, a PostgreSQL that the application runs
     * itself under the data folder, the same full-text search as production (accents ignored), the server stopped
     * with the application, the data kept for the next start, and {@code --verify-data} sound on it.
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theLocalProfileRunsItsOwnPostgreSqlWithoutExternalServices(@TempDir Path data, CapturedOutput output)
            throws Exception {
        int databasePort;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(EChamadoApplication.class)
                .profiles("local")
                .properties(
                        "server.port=0",
                        "ECHAMADO_DATA_DIR=" + data,
                        // prove nothing reaches for Redis or RabbitMQ: point them at closed ports
                        "spring.data.redis.port=1",
                        "spring.rabbitmq.port=1")
                .run()) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> ready = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("UP");
            HttpResponse<String> aggregate = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(aggregate.statusCode()).isEqualTo(200);
            assertThat(Files.readString(data.resolve("postgres/PG_VERSION")).trim())
                    .as("the production major (deploy/: postgres:15)")
                    .isEqualTo("15");
            assertThat(Files.readString(data.resolve("jwt-signing-key.pem"))).contains("BEGIN PRIVATE KEY");
            databasePort = app.getBean(EmbeddedPostgres.class).getPort();
            assertThat(app.getEnvironment().getProperty("spring.datasource.url"))
                    .isNull();

            // the help desk itself: open, search without accents, filter and count a ticket
            TestUsers users = app.getBean(TestUsers.class);
            String token = users.token(users.create(Role.USER));
            TestHttp http = new TestHttp(base);
            HttpResponse<String> opened = http.json("POST", "/api/v1/tickets", token, """
                    {"title":"Falha na ligação da impressora","description":"Não imprime após a atualização",
                     "departmentId":"%s","typeId":"%s","categoryId":"%s","priority":"LOW"}
                    """.formatted(
                            "00000000-0000-4000-8000-000000000201",
                            "00000000-0000-4000-8000-000000000301",
                            "00000000-0000-4000-8000-000000000401"));
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
            // the same in-process listeners as in production take the event; nothing is forwarded without a broker
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> jdbc.queryForObject(
                                    "select count(*) from event_inbox where event_type = 'ticket.opened'"
                                            + " and consumer in ('email', 'webhooks')",
                                    Integer.class)
                            == 2);
            assertThat(jdbc.queryForObject(
                            "select count(*) from event_publication where listener_id = 'echamado.events.forwarder'",
                            Integer.class))
                    .isZero();
            assertThat(http.json("GET", "/api/v1/tickets?q=ligacao", token, null)
                            .body())
                    .as("accents ignored, as in production")
                    .contains("Falha na ligação da impressora");
            // a requester's priority is ignored (the desk decides it): the ticket is NORMAL
            assertThat(http.json("GET", "/api/v1/tickets?filter=priority%3DNORMAL", token, null)
                            .body())
                    .contains("Falha na ligação da impressora");
            HttpResponse<String> dashboard = http.json("GET", "/api/v1/dashboard", token, null);
            assertThat(dashboard.statusCode()).as(dashboard.body()).isEqualTo(200);
            assertThat(TestHttp.parse(dashboard).get("open").asLong()).isEqualTo(1);
            // an administrator's dashboard reads the counters the ticket's creation updated
            HttpResponse<String> counted =
                    http.json("GET", "/api/v1/dashboard", users.token(users.create(Role.ADMIN)), null);
            assertThat(counted.statusCode()).as(counted.body()).isEqualTo(200);
            assertThat(TestHttp.parse(counted)
                            .get("openByPriority")
                            .get("NORMAL")
                            .asLong())
                    .isEqualTo(1);
            assertThat(TestHttp.parse(counted)
                            .get("createdPerDay")
                            .get(0)
                            .get("count")
                            .asLong())
                    .isEqualTo(1);
        }
        assertThat(data.resolve("postgres/postmaster.pid"))
                .as("the server stops with the application")
                .doesNotExist();
        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress("localhost", databasePort), 1000))
                    .as("nothing listens on the embedded server's port any more")
                    .isInstanceOf(IOException.class);
        }

        // --verify-data on the kept data: the embedded server starts again, and the database is sound
        assertThat(DataVerification.run(new String[] {DataVerification.FLAG, "--ECHAMADO_DATA_DIR=" + data}))
                .as(output.getOut())
                .isZero();
        assertThat(output.getOut())
                .contains("verify-data: OK   the dashboard's open-ticket counters equal a recount")
                .contains("verify-data: the database is sound");
        assertThat(data.resolve("postgres/postmaster.pid")).doesNotExist();
    }

    @Test
    void theProdProfileRefusesToStartWithoutIssuerKeyAndDatabase() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(EChamadoApplication.class)
                        .profiles("prod")
                        .properties("server.port=0")
                        .run())
                .isInstanceOf(InsecureConfigurationException.class)
                .hasMessageContaining("issuer URL")
                .hasMessageContaining("signing key")
                .hasMessageContaining("database URL")
                .hasMessageContaining("database password");
    }

    @Test
    void theProdProfileRefusesAWellKnownDefaultSecret() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(EChamadoApplication.class)
                        .profiles("prod")
                        .properties(
                                "server.port=0",
                                "ConnectionStrings__DefaultConnection=Host=db;Database=e;Username=app;Password=changeme",
                                "OpenIddict__Issuer=https://api.echamado.test",
                                "JWT_SIGNING_KEY=" + TestKeys.rsa())
                        .run())
                .isInstanceOf(InsecureConfigurationException.class)
                .hasMessageContaining("database password is a well-known default")
                .hasMessageNotContaining("missing");
    }

    @Test
    void completeProductionSettingsPass() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("echamado.identity.issuer", "https://api.echamado.test")
                .withProperty("echamado.identity.signing-keys", TestKeys.rsa())
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/echamado")
                .withProperty("spring.datasource.username", "app")
                .withProperty("spring.datasource.password", "a-long-random-database-secret")
                .withProperty("spring.rabbitmq.addresses", "amqp://echamado:a-long-broker-secret@mq:5672/echamado");
        ProductionSettings.check(env);
    }

    @Test
    void theBrokersGuestAccountIsRefusedInProductionWhetherExplicitOrImplicit() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("echamado.identity.issuer", "https://api.echamado.test")
                .withProperty("echamado.identity.signing-keys", TestKeys.rsa())
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/echamado")
                .withProperty("spring.datasource.username", "app")
                .withProperty("spring.datasource.password", "a-long-random-database-secret");
        assertThatThrownBy(() -> ProductionSettings.check(env)).hasMessageContaining("RabbitMQ password");
        env.setProperty("spring.rabbitmq.addresses", "amqp://guest:guest@mq:5672/");
        assertThatThrownBy(() -> ProductionSettings.check(env)).hasMessageContaining("RabbitMQ password");
        env.setProperty("spring.data.redis.url", "redis://:changeme@cache:6379");
        env.setProperty("spring.rabbitmq.addresses", "amqp://app:s3cure-broker-pass@mq:5672/");
        assertThatThrownBy(() -> ProductionSettings.check(env))
                .hasMessageContaining("Redis password")
                .hasMessageNotContaining("RabbitMQ");
    }
}
