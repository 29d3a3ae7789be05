package com.echamado.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.EChamadoApplication;
import com.echamado.support.TestHttp;
import com.echamado.support.TestUsers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default ({@code local}) keeps browser sessions in the servlet container's memory, where no index
 * finds a user's sessions: a disabled or demoted user's open session is still signed out at its next request.
 */
class LocalSessionRevocationTests {

    @Test
    void anOpenInMemorySessionIsSignedOutAtItsNextRequestOnceTheUserIsDisabledOrDemoted(@TempDir Path data) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(EChamadoApplication.class)
                .profiles("local")
                // arguments, not default properties: application.yaml's server.port would win over those
                .run(
                        "--server.port=0",
                        "--ECHAMADO_DATA_DIR=" + data,
                        "--spring.data.redis.port=1",
                        "--spring.rabbitmq.port=1")) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            TestUsers users = app.getBean(TestUsers.class);
            String admin = users.token(users.create(Role.ADMIN));
            UserView disabled = users.create(Role.USER);
            UserView demoted = users.create(Role.SUPPORT);
            TestHttp disabledBrowser = signedIn(base, disabled);
            TestHttp demotedBrowser = signedIn(base, demoted);

            TestHttp api = new TestHttp(base);
            assertThat(api.json("POST", "/api/v1/users/" + disabled.id() + "/disable", admin, null)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(api.json("PUT", "/api/v1/users/" + demoted.id() + "/roles", admin, "{\"roles\":[\"USER\"]}")
                            .statusCode())
                    .isEqualTo(200);

            assertSignedOut(disabledBrowser);
            assertSignedOut(demotedBrowser);
        }
    }

    private static TestHttp signedIn(String base, UserView user) {
        TestHttp browser = new TestHttp(base);
        assertThat(TestHttp.location(browser.login(user.email(), TestUsers.PASSWORD)))
                .doesNotContain("error");
        assertThat(browser.get(PasswordChange.PAGE, "Accept", "text/html").statusCode())
                .isEqualTo(200);
        return browser;
    }

    private static void assertSignedOut(TestHttp browser) {
        HttpResponse<String> page = browser.get(PasswordChange.PAGE, "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(TestHttp.location(page)).endsWith("/login");
    }
}
