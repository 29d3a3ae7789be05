package com.echamado.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.echamado.EChamadoApplication;
import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.PrivateRedis;
import com.echamado.support.Services;
import com.echamado.support.TestBroker;
import com.echamado.support.TestDatabase;
import com.echamado.support.TestHttp;
import com.echamado.support.TestKeys;
import com.echamado.support.TestMail;
import com.echamado.support.TestUsers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Redis stopped under the application (a private server, never the shared one): browser sessions live there, so
 * pages answer a friendly 503 with Retry-After instead of a 500, while bearer-token API calls, which need no session,
 * keep working and liveness stays up. After Redis is back, signing in works again.
 */
@ExtendWith(Services.class)
class RedisOutageTests {

    @Test
    void pagesAnswer503AndTheApiKeepsWorkingWhileRedisIsDown(@TempDir Path dir) {
        try (PrivateRedis redis = PrivateRedis.start(dir.resolve("redis"));
                ConfigurableApplicationContext app = start(redis)) {
            TestUsers users = app.getBean(TestUsers.class);
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            UserView user = users.create(Role.USER);
            String token = users.token(user);
            TestHttp browser = new TestHttp(base);
            assertThat(browser.login(user.email(), TestUsers.PASSWORD).statusCode())
                    .isEqualTo(302);
            assertThat(browser.get("/").statusCode()).isEqualTo(200);

            redis.stop();

            // the browser's client sends its session cookie along: the API must not look the session up
            HttpResponse<String> created =
                    browser.json("POST", "/api/v1/tickets", token, TestHttp.NEW_TICKET.formatted("no Redis"));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            long started = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                assertThat(browser.json("GET", "/api/v1/tickets", token, null).statusCode())
                        .isEqualTo(200);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("five API calls do not each wait for Redis's timeout")
                    .isLessThan(Duration.ofSeconds(5));
            HttpResponse<String> dashboard = browser.json("GET", "/api/v1/dashboard", token, null);
            assertThat(dashboard.statusCode())
                    .as("its cache falls back to the database")
                    .isEqualTo(200);
            assertThat(TestHttp.parse(dashboard).get("mine").asLong()).isEqualTo(1);

            HttpResponse<String> page = browser.get("/", "Accept", "text/html");
            assertThat(page.statusCode()).as(page.body()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).isPresent();
            assertThat(page.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body()).contains("<h1>").doesNotContain("Exception");
            // the page links the stylesheet by its content-hashed name (a year-long cache must not keep old styles)
            var stylesheet = java.util.regex.Pattern.compile("href=\"(/css/app-[0-9a-f]+\\.css)\"")
                    .matcher(page.body());
            assertThat(stylesheet.find()).as(page.body()).isTrue();
            HttpResponse<String> css = new TestHttp(base).get(stylesheet.group(1));
            assertThat(css.statusCode()).isEqualTo(200);
            assertThat(css.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
            HttpResponse<String> signIn = new TestHttp(base).get("/login", "Accept", "text/html");
            assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(503);
            HttpResponse<String> asJson = new TestHttp(base).get("/login", "Accept", "application/json");
            assertThat(asJson.statusCode()).isEqualTo(503);
            assertThat(asJson.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

            TestHttp probe = new TestHttp(base);
            assertThat(probe.get("/health/live").statusCode()).isEqualTo(200);
            assertThat(probe.get("/health/ready").statusCode()).isEqualTo(200);

            redis.startAgain();

            TestHttp again = new TestHttp(base);
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> again.get("/login").statusCode() == 200);
            assertThat(again.login(user.email(), TestUsers.PASSWORD).statusCode())
                    .isEqualTo(302);
            assertThat(again.get("/").statusCode()).isEqualTo(200);
            assertThat(browser.get("/").statusCode())
                    .as("the old session was lost with Redis's memory: back to sign-in")
                    .isEqualTo(302);
        }
    }

    private static ConfigurableApplicationContext start(PrivateRedis redis) {
        // another replica of this run's system (same database and broker names), with a Redis of its own
        String run = "echamado-test-" + TestDatabase.RUN_ID;
        return new SpringApplicationBuilder(EChamadoApplication.class)
                .profiles("test")
                .run(
                        "--spring.datasource.url=" + TestDatabase.url(),
                        "--echamado.identity.signing-keys=" + TestKeys.RSA,
                        "--echamado.ratelimit.namespace=" + run,
                        "--spring.session.redis.namespace=" + run + ":session",
                        "--spring.data.redis.port=" + redis.port(),
                        // as in the prod profile
                        "--spring.data.redis.timeout=2s",
                        "--spring.data.redis.connect-timeout=2s",
                        "--echamado.messaging.exchange=" + TestBroker.EXCHANGE,
                        "--echamado.messaging.queue-prefix=" + TestBroker.PREFIX,
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + TestMail.port(),
                        "--server.port=0");
    }
}
