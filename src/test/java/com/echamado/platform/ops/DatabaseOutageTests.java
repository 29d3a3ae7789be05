package com.echamado.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.echamado.EChamadoApplication;
import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.PrivatePostgres;
import com.echamado.support.Services;
import com.echamado.support.TestBroker;
import com.echamado.support.TestDatabase;
import com.echamado.support.TestHttp;
import com.echamado.support.TestKeys;
import com.echamado.support.TestMail;
import com.echamado.support.TestUsers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL stopped under the application (a private server, never the shared one): the API and the pages answer
 * 503 with Retry-After, quickly, instead of 500 or a wait per request; liveness stays up while readiness does not;
 * after the database is back, requests succeed again without a restart.
 */
@ExtendWith(Services.class)
class DatabaseOutageTests {

    /** HikariCP's connection-timeout of the prod profile: what every request waited for without failing fast. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    @Test
    void requestsAnswer503FastWhileTheDatabaseIsDownAndSucceedAgainWithoutARestart() throws Exception {
        try (PrivatePostgres db = PrivatePostgres.start();
                ConfigurableApplicationContext app = start(db)) {
            TestUsers users = app.getBean(TestUsers.class);
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            UserView user = users.create(Role.USER);
            String token = users.token(user);
            TestHttp browser = new TestHttp(base);
            assertThat(browser.login(user.email(), TestUsers.PASSWORD).statusCode())
                    .isEqualTo(302);
            assertThat(browser.get("/").statusCode()).isEqualTo(200);
            assertThat(browser.json("GET", "/api/v1/tickets", token, null).statusCode())
                    .isEqualTo(200);

            db.stop();

            long started = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(CompletableFuture.supplyAsync(
                        () -> new TestHttp(base).json("GET", "/api/v1/tickets", token, null)));
            }
            TestHttp probe = new TestHttp(base);
            long liveStarted = System.nanoTime();
            assertThat(probe.get("/health/live").statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - liveStarted))
                    .as("liveness does not wait behind requests that wait for the database")
                    .isLessThan(Duration.ofSeconds(1));
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                HttpResponse<String> response = call.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
                assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
                assertThat(response.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            }
            long during = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> created = new TestHttp(base)
                        .json("POST", "/api/v1/tickets", token, TestHttp.NEW_TICKET.formatted("outage " + i));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(503);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - during))
                    .as("ten calls in a row do not each wait for the pool's connection-timeout")
                    .isLessThan(CONNECT_TIMEOUT.multipliedBy(3));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));

            HttpResponse<String> page = browser.get("/", "Accept", "text/html");
            assertThat(page.statusCode()).as(page.body()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).isPresent();
            assertThat(page.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body()).contains("<h1>").doesNotContain("Exception");
            assertThat(probe.get("/health/live").statusCode()).isEqualTo(200);
            assertThat(probe.get("/health/ready").statusCode()).isNotEqualTo(200);

            db.startAgain();

            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> new TestHttp(base)
                                    .json("GET", "/api/v1/tickets", token, null)
                                    .statusCode()
                            == 200);
            HttpResponse<String> created = new TestHttp(base)
                    .json("POST", "/api/v1/tickets", token, TestHttp.NEW_TICKET.formatted("after the outage"));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(browser.get("/").statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> probe.get("/health/ready").statusCode() == 200);
        }
    }

    private static ConfigurableApplicationContext start(PrivatePostgres db) {
        String run = "echamado-dbout-" + TestDatabase.RUN_ID;
        return new SpringApplicationBuilder(EChamadoApplication.class)
                .profiles("test")
                .run(
                        "--spring.datasource.url=" + db.url(),
                        // as in the prod profile
                        "--spring.datasource.hikari.connection-timeout=" + CONNECT_TIMEOUT.toMillis(),
                        "--spring.datasource.hikari.validation-timeout=2000",
                        "--echamado.identity.signing-keys=" + TestKeys.RSA,
                        "--echamado.ratelimit.namespace=" + run,
                        "--spring.session.redis.namespace=" + run + ":session",
                        "--echamado.messaging.exchange=" + TestBroker.EXCHANGE,
                        "--echamado.messaging.queue-prefix=" + TestBroker.PREFIX,
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + TestMail.port(),
                        "--server.port=0");
    }
}
