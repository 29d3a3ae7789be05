package com.echamado.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import com.echamado.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The sign-in form never tells whether an account exists, over real HTTP. */
class SignInDisclosureTests extends IntegrationTest {

    private static final Pattern ALERT = Pattern.compile("<p class=\"alert[^\"]*\" role=\"alert\">([^<]*)</p>");

    @Test
    void aLockedAccountAndAnUnknownAddressGetTheSameAnswer() {
        UserView user = users.create(Role.USER);
        for (int i = 0; i < 5; i++) { // echamado.identity.max-failed-logins
            http().login(user.email(), "wrong-password-" + i);
        }
        TestHttp locked = http();
        HttpResponse<String> lockedAnswer = locked.login(user.email(), TestUsers.PASSWORD);
        TestHttp unknown = http();
        HttpResponse<String> unknownAnswer = unknown.login("nobody-" + UUID.randomUUID() + "@example.test", "x-42");

        assertThat(lockedAnswer.statusCode())
                .isEqualTo(unknownAnswer.statusCode())
                .isEqualTo(302);
        assertThat(TestHttp.location(lockedAnswer)).isEqualTo(TestHttp.location(unknownAnswer));
        String lockedPage = alert(locked.get(TestHttp.location(lockedAnswer)));
        String unknownPage = alert(unknown.get(TestHttp.location(unknownAnswer)));
        assertThat(lockedPage).isEqualTo(unknownPage).contains("E-mail ou senha incorretos");
    }

    private static String alert(HttpResponse<String> page) {
        Matcher matcher = ALERT.matcher(page.body());
        assertThat(matcher.find()).as("an alert on the sign-in page").isTrue();
        return matcher.group(1);
    }
}
